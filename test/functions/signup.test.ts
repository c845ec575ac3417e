import type { MyRegistration, Notification, Page } from '../../cloudfunctions/shared/contract';
import { dataOf, harnessForThisFile, openIds, seedNow } from '../support/functions';
import { addEvent, addMembers, checkCounters, codeOf, rowsOf, signUp, signupInput, statusOf, storedEvent } from './signup-support';

const harness = harnessForThisFile();

const hour = 3600 * 1000;

describe('events.signup', () => {
  it('confirms a member while seats last, in three database round trips', async () => {
    const event = await addEvent(harness, { capacity: 2 });
    const [first] = await addMembers(harness, 1);
    const { reply, roundTrips } = await harness.measure(first, 'events', 'signup', signupInput(event._id, first));
    expect(dataOf<MyRegistration>(reply)).toMatchObject({ eventId: event._id, status: 'confirmed', waitlistPosition: null });
    expect(roundTrips).toBe(3);
    expect(await statusOf(harness, event._id, first)).toMatchObject({ status: 'confirmed' });
  });

  it('waitlists once the seats are gone, with each member’s place in line', async () => {
    const event = await addEvent(harness, { capacity: 1 });
    const members = await addMembers(harness, 3);
    const replies = [];
    for (const openId of members) replies.push(dataOf<MyRegistration>(await signUp(harness, event._id, openId)));
    expect(replies.map((r) => [r.status, r.waitlistPosition])).toEqual([
      ['confirmed', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);
    expect(await statusOf(harness, event._id, members[2])).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    const summary = dataOf<{ seatsTaken: number; waitlistCount: number }>(await harness.call(null, 'events', 'get', { id: event._id }));
    expect(summary).toMatchObject({ seatsTaken: 1, waitlistCount: 2 });
  });

  it('gives exactly min(N, C) seats to N parallel sign-ups and waitlists the rest in number order', async () => {
    const event = await addEvent(harness, { capacity: 10 });
    const members = await addMembers(harness, 30);
    const replies = (await Promise.all(members.map((openId) => signUp(harness, event._id, openId)))).map((reply) => dataOf<MyRegistration>(reply));
    expect(replies.filter((r) => r.status === 'confirmed')).toHaveLength(10);
    expect(replies.filter((r) => r.status === 'waitlisted')).toHaveLength(20);
    const rows = await rowsOf(harness, event._id);
    expect(rows).toHaveLength(30);
    const confirmedNumbers = rows.filter((row) => row.arrival! <= 10).length;
    expect(confirmedNumbers).toBe(10);
    const positions = await Promise.all(members.map((openId) => statusOf(harness, event._id, openId)));
    const waiting = positions.filter((p) => p!.status === 'waitlisted').map((p) => p!.waitlistPosition).sort((a, b) => a! - b!);
    expect(waiting).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // The place in line follows the sign-up number.
    const byArrival = rows.filter((row) => row.arrival! > 10).sort((a, b) => a.arrival! - b.arrival!);
    for (const [i, row] of byArrival.entries()) {
      const openId = members.find((o) => o.endsWith(`-${row.memberId.split('-').pop()}`))!;
      expect((await statusOf(harness, event._id, openId))!.waitlistPosition).toBe(i + 1);
    }
    expect(await checkCounters(harness, event._id)).toMatchObject({ consistent: true, repairedSlots: 0, counted: { seatsTaken: 10, waitlistCount: 20 } });
  });

  it('makes one registration of a double tap, answering the retry with the same result', async () => {
    const event = await addEvent(harness, { capacity: 3 });
    const [tapper, ...others] = await addMembers(harness, 4);
    const input = signupInput(event._id, tapper);
    const replies = await Promise.all(Array.from({ length: 5 }, () => harness.call(tapper, 'events', 'signup', input)));
    expect(replies.map(codeOf)).toEqual(['OK', 'OK', 'OK', 'OK', 'OK']);
    expect(new Set(replies.map((r) => dataOf<MyRegistration>(r).status))).toEqual(new Set(['confirmed']));
    expect((await rowsOf(harness, event._id)).filter((row) => row.memberId.length > 0)).toHaveLength(1);
    // A new tap (another request id) after success is a second registration, refused.
    expect(codeOf(await signUp(harness, event._id, tapper))).toBe('ALREADY_REGISTERED');
    // The spare numbers the extra taps took are given back: two more seats, then the line.
    const later = await Promise.all(others.map((openId) => signUp(harness, event._id, openId)));
    expect(later.map((r) => dataOf<MyRegistration>(r).status).sort()).toEqual(['confirmed', 'confirmed', 'waitlisted']);
    expect(await checkCounters(harness, event._id)).toMatchObject({ consistent: true, counted: { seatsTaken: 3, waitlistCount: 1 } });
  });

  it('refuses by the server’s clock and the event’s state, with codes', async () => {
    const [member] = await addMembers(harness, 1);
    const notYet = await addEvent(harness, { signupOpensAt: new Date(seedNow.getTime() + hour) });
    const closed = await addEvent(harness, { signupClosesAt: new Date(seedNow.getTime() - 1) });
    const closedEarly = await addEvent(harness, { status: 'closed' });
    const cancelled = await addEvent(harness, { status: 'cancelled' });
    const draft = await addEvent(harness, { status: 'draft' });
    expect(codeOf(await signUp(harness, notYet._id, member))).toBe('SIGNUP_CLOSED');
    expect(codeOf(await signUp(harness, notYet._id, member, {}, new Date(seedNow.getTime() + hour)))).toBe('OK');
    expect(codeOf(await signUp(harness, closed._id, member))).toBe('SIGNUP_CLOSED');
    expect(codeOf(await signUp(harness, closedEarly._id, member))).toBe('SIGNUP_CLOSED');
    expect(codeOf(await signUp(harness, cancelled._id, member))).toBe('EVENT_CANCELLED');
    expect(codeOf(await signUp(harness, draft._id, member))).toBe('NOT_FOUND');
    expect(codeOf(await signUp(harness, 'ev-nowhere', member))).toBe('NOT_FOUND');
    for (const event of [closed, closedEarly, cancelled, draft]) expect((await storedEvent(harness, event._id)).arrivals).toBe(0);
  });

  it('takes members-only sign-ups from members of a host organisation or one beneath it', async () => {
    const event = await addEvent(harness, { membersOnly: true, hostOrgIds: ['org-street-lujiazui'] });
    const [outsider] = await addMembers(harness, 1, ['org-street-huamu']);
    const [clubMember] = await addMembers(harness, 1, ['org-club-lujiazui-reading']);
    const [streetMember] = await addMembers(harness, 1, ['org-street-lujiazui']);
    expect(codeOf(await signUp(harness, event._id, outsider))).toBe('NOT_ELIGIBLE');
    expect(codeOf(await signUp(harness, event._id, clubMember))).toBe('OK');
    expect(codeOf(await signUp(harness, event._id, streetMember))).toBe('OK');
    expect(await checkCounters(harness, event._id)).toMatchObject({ consistent: true, counted: { seatsTaken: 2 } });
  });

  it('needs consent and a profile, and a signed-in caller', async () => {
    const event = await addEvent(harness);
    expect(codeOf(await signUp(harness, event._id, openIds.consentedOnly))).toBe('PROFILE_REQUIRED');
    expect(codeOf(await harness.call(null, 'events', 'signup', signupInput(event._id, 'x')))).toBe('UNAUTHENTICATED');
    expect(codeOf(await signUp(harness, event._id, 'openid-stranger'))).toBe('CONSENT_REQUIRED');
  });

  it('checks answers against the event’s questions and gives back the number a refused sign-up took', async () => {
    const event = await addEvent(harness, {
      capacity: 1,
      questions: [
        { id: 'size', kind: 'single', label: 'T 恤尺码', required: true, options: ['M', 'L'] },
        { id: 'topics', kind: 'multiple', label: '关注议题', required: false, options: ['合规', '税务'] },
        { id: 'note', kind: 'text', label: '备注', required: false, options: [] },
      ],
    });
    const [member, other] = await addMembers(harness, 2);
    const missing = await signUp(harness, event._id, member, { answers: {} });
    expect(missing).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', field: 'answers.size' });
    expect(await signUp(harness, event._id, member, { answers: { size: 'XL' } })).toMatchObject({ ok: false, field: 'answers.size' });
    expect(await signUp(harness, event._id, member, { answers: { size: 'M', topics: ['合规', '旅游'] } })).toMatchObject({ ok: false, field: 'answers.topics' });
    expect(await signUp(harness, event._id, member, { answers: { size: 'M', extra: 'x' } })).toMatchObject({ ok: false, field: 'answers.extra' });
    const ok = dataOf<MyRegistration>(await signUp(harness, event._id, member, { answers: { size: 'L', topics: ['税务'], note: '  素食  ' } }));
    expect(ok).toMatchObject({ status: 'confirmed', answers: { size: 'L', topics: ['税务'], note: '素食' } });
    expect(dataOf<MyRegistration>(await signUp(harness, event._id, other, { answers: { size: 'M' } })).status).toBe('waitlisted');
    expect(await checkCounters(harness, event._id)).toMatchObject({ consistent: true, counted: { seatsTaken: 1, waitlistCount: 1 } });
  });
});

describe('cancelling and the waiting list', () => {
  it('promotes the first in line when a confirmed member cancels, and tells them', async () => {
    const event = await addEvent(harness, { capacity: 1 });
    const [first, second, third] = await addMembers(harness, 3);
    for (const openId of [first, second, third]) await signUp(harness, event._id, openId);
    const cancelled = dataOf<MyRegistration>(await harness.call(first, 'events', 'cancel', { eventId: event._id }));
    expect(cancelled.status).toBe('cancelled');
    expect(await statusOf(harness, event._id, second)).toMatchObject({ status: 'confirmed' });
    expect(await statusOf(harness, event._id, third)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const notes = dataOf<Page<Notification>>(await harness.call(second, 'members', 'notifications', {}));
    expect(notes.items[0]).toMatchObject({ kind: 'promoted', eventId: event._id });
    expect(await checkCounters(harness, event._id)).toMatchObject({ consistent: true, counted: { seatsTaken: 1, waitlistCount: 1 } });
  });

  it('lets a waitlisted member leave the line; those behind move up and nobody is seated', async () => {
    const event = await addEvent(harness, { capacity: 1 });
    const members = await addMembers(harness, 4);
    for (const openId of members) await signUp(harness, event._id, openId);
    await harness.call(members[1], 'events', 'cancel', { eventId: event._id });
    expect(await statusOf(harness, event._id, members[2])).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await statusOf(harness, event._id, members[3])).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    // When the seat frees, the vacated place in line is skipped.
    await harness.call(members[0], 'events', 'cancel', { eventId: event._id });
    expect(await statusOf(harness, event._id, members[2])).toMatchObject({ status: 'confirmed' });
    expect(await checkCounters(harness, event._id)).toMatchObject({ consistent: true, counted: { seatsTaken: 1, waitlistCount: 1 } });
  });

  it('lets a member sign up again after cancelling, at the back of the line', async () => {
    const event = await addEvent(harness, { capacity: 1 });
    const [first, second] = await addMembers(harness, 2);
    await signUp(harness, event._id, first);
    await signUp(harness, event._id, second);
    await harness.call(first, 'events', 'cancel', { eventId: event._id });
    expect(dataOf<MyRegistration>(await signUp(harness, event._id, first))).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await checkCounters(harness, event._id)).toMatchObject({ consistent: true });
  });

  it('stops confirmed members cancelling after the deadline, but not waitlisted ones', async () => {
    const event = await addEvent(harness, { capacity: 1 });
    const [seated, waiting] = await addMembers(harness, 2);
    await signUp(harness, event._id, seated);
    await signUp(harness, event._id, waiting);
    const late = new Date(event.cancellationDeadline!.getTime() + 1);
    expect(codeOf(await harness.call(seated, 'events', 'cancel', { eventId: event._id }, { now: late }))).toBe('CANCELLATION_CLOSED');
    expect(codeOf(await harness.call(waiting, 'events', 'cancel', { eventId: event._id }, { now: late }))).toBe('OK');
    expect(codeOf(await harness.call(waiting, 'events', 'cancel', { eventId: event._id }, { now: late }))).toBe('NOT_REGISTERED');
  });

  it('keeps the counters equal to the rows under parallel cancels and sign-ups', async () => {
    const event = await addEvent(harness, { capacity: 5 });
    const members = await addMembers(harness, 20);
    await Promise.all(members.slice(0, 12).map((openId) => signUp(harness, event._id, openId)));
    await Promise.all([
      ...members.slice(0, 6).map((openId) => harness.call(openId, 'events', 'cancel', { eventId: event._id })),
      ...members.slice(12).map((openId) => signUp(harness, event._id, openId)),
    ]);
    const check = await checkCounters(harness, event._id);
    expect(check).toMatchObject({ consistent: true, repairedSlots: 0 });
    expect(check.counted.seatsTaken).toBe(5);
    expect(check.counted.waitlistCount).toBe(9);
  });
});

describe('offer mode', () => {
  it('offers a freed seat with a deadline; a claim confirms, a decline or the deadline passes it on', async () => {
    const event = await addEvent(harness, { capacity: 1, waitlistMode: 'offer', offerHours: 12 });
    const [a, b, c, d] = await addMembers(harness, 4);
    for (const openId of [a, b, c, d]) await signUp(harness, event._id, openId);
    await harness.call(a, 'events', 'cancel', { eventId: event._id });
    const offered = (await statusOf(harness, event._id, b))!;
    expect(offered.status).toBe('offered');
    expect(new Date(offered.offerExpiresAt!).getTime()).toBe(seedNow.getTime() + 12 * hour);
    expect(await checkCounters(harness, event._id)).toMatchObject({ consistent: true, counted: { seatsTaken: 0, openOffers: 1, waitlistCount: 2 } });
    // Declining passes it to c; c lets it expire; d gets it and claims it.
    expect(codeOf(await harness.call(c, 'events', 'claimOffer', { eventId: event._id }))).toBe('NO_OPEN_OFFER');
    expect(dataOf<MyRegistration>(await harness.call(b, 'events', 'declineOffer', { eventId: event._id })).status).toBe('cancelled');
    expect((await statusOf(harness, event._id, c))!.status).toBe('offered');
    const later = new Date(seedNow.getTime() + 13 * hour);
    expect(dataOf<{ expired: number }>(await harness.call(null, 'events', 'expireOffers', {}, { now: later })).expired).toBeGreaterThanOrEqual(1);
    expect((await statusOf(harness, event._id, c, later))!.status).toBe('expired');
    expect((await statusOf(harness, event._id, d, later))!.status).toBe('offered');
    expect(codeOf(await harness.call(c, 'events', 'claimOffer', { eventId: event._id }, { now: later }))).toBe('NO_OPEN_OFFER');
    expect(dataOf<MyRegistration>(await harness.call(d, 'events', 'claimOffer', { eventId: event._id }, { now: later })).status).toBe('confirmed');
    const kinds = dataOf<Page<Notification>>(await harness.call(c, 'members', 'notifications', {})).items.map((n) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['offered', 'offerExpired']));
    expect(await checkCounters(harness, event._id, later)).toMatchObject({ consistent: true, counted: { seatsTaken: 1, openOffers: 0, waitlistCount: 0 } });
  });

  it('passes overdue offers on when CloudBase’s timer trigger calls the function', async () => {
    const event = await addEvent(harness, { capacity: 1, waitlistMode: 'offer', offerHours: 1 });
    const [a, b, c] = await addMembers(harness, 3);
    for (const openId of [a, b, c]) await signUp(harness, event._id, openId);
    await harness.call(a, 'events', 'cancel', { eventId: event._id });
    const later = new Date(seedNow.getTime() + 2 * hour);
    const { reply } = await harness.invokeRaw(null, 'events', { Type: 'Timer', TriggerName: 'expire-offers', Time: later.toISOString() }, { now: later });
    expect(dataOf<{ expired: number }>(reply).expired).toBeGreaterThanOrEqual(1);
    expect((await statusOf(harness, event._id, b, later))!.status).toBe('expired');
    expect((await statusOf(harness, event._id, c, later))!.status).toBe('offered');
  });

  it('counts one claim when a claim and a decline race', async () => {
    const event = await addEvent(harness, { capacity: 1, waitlistMode: 'offer' });
    const [a, b, c] = await addMembers(harness, 3);
    for (const openId of [a, b, c]) await signUp(harness, event._id, openId);
    await harness.call(a, 'events', 'cancel', { eventId: event._id });
    await Promise.all([
      harness.call(b, 'events', 'claimOffer', { eventId: event._id }),
      harness.call(b, 'events', 'declineOffer', { eventId: event._id }),
      harness.call(b, 'events', 'claimOffer', { eventId: event._id }),
    ]);
    expect(await checkCounters(harness, event._id)).toMatchObject({ consistent: true, repairedSlots: 0 });
  });
});

describe('approval', () => {
  it('holds sign-ups for approval; approval numbers them, rejection tells them with the message', async () => {
    const event = await addEvent(harness, { capacity: 1, requiresApproval: true });
    const [a, b, c] = await addMembers(harness, 3);
    const pending = dataOf<MyRegistration>(await signUp(harness, event._id, a));
    expect(pending.status).toBe('pending');
    await signUp(harness, event._id, b);
    await signUp(harness, event._id, c);
    expect(await checkCounters(harness, event._id)).toMatchObject({ consistent: true, counted: { pendingCount: 3, seatsTaken: 0 } });
    const decide = (memberId: string, approve: boolean, message = '') =>
      harness.call(openIds.lujiazuiOrganizer, 'events', 'decide', { eventId: event._id, memberId, approve, message });
    expect(dataOf<{ status: string }>(await decide('m-signup-' + a.split('-').pop(), true)).status).toBe('confirmed');
    expect(dataOf<{ status: string; waitlistPosition: number }>(await decide('m-signup-' + b.split('-').pop(), true))).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(dataOf<{ status: string; decisionMessage: string }>(await decide('m-signup-' + c.split('-').pop(), false, '名额已满，欢迎参加下一期'))).toMatchObject({ status: 'rejected', decisionMessage: '名额已满，欢迎参加下一期' });
    expect(codeOf(await decide('m-signup-' + c.split('-').pop(), true))).toBe('NOT_PENDING');
    const note = dataOf<Page<Notification>>(await harness.call(c, 'members', 'notifications', {})).items[0];
    expect(note).toMatchObject({ kind: 'rejected' });
    expect(note.body).toContain('名额已满，欢迎参加下一期');
    expect(codeOf(await decide('m-signup-' + a.split('-').pop(), true))).toBe('NOT_PENDING');
    expect(codeOf(await harness.call(openIds.member, 'events', 'decide', { eventId: event._id, memberId: 'm-member', approve: true }))).toBe('FORBIDDEN');
    expect(await checkCounters(harness, event._id)).toMatchObject({ consistent: true, counted: { pendingCount: 0, seatsTaken: 1, waitlistCount: 1 } });
  });
});

describe('capacity changes', () => {
  it('never unseats anyone when lowered, and promotes from the line when raised', async () => {
    const event = await addEvent(harness, { capacity: 4 });
    const members = await addMembers(harness, 6);
    for (const openId of members) await signUp(harness, event._id, openId);
    const setCapacity = (capacity: number) => harness.call(openIds.lujiazuiOrganizer, 'events', 'setCapacity', { eventId: event._id, capacity });
    expect(dataOf<{ seatsTaken: number; capacity: number }>(await setCapacity(2))).toMatchObject({ seatsTaken: 4, capacity: 2, waitlistCount: 2 });
    // Two cancellations pay the cut back; nobody from the line is seated yet.
    await harness.call(members[0], 'events', 'cancel', { eventId: event._id });
    await harness.call(members[1], 'events', 'cancel', { eventId: event._id });
    expect((await statusOf(harness, event._id, members[4]))!.status).toBe('waitlisted');
    expect(await checkCounters(harness, event._id)).toMatchObject({ consistent: true, counted: { seatsTaken: 2, waitlistCount: 2 } });
    // The third cancellation frees a seat under the new capacity.
    await harness.call(members[2], 'events', 'cancel', { eventId: event._id });
    expect((await statusOf(harness, event._id, members[4]))!.status).toBe('confirmed');
    const raised = dataOf<{ seatsTaken: number; promoted: number }>(await setCapacity(5));
    expect(raised).toMatchObject({ seatsTaken: 3, promoted: 1, waitlistCount: 0 });
    expect((await statusOf(harness, event._id, members[5]))!.status).toBe('confirmed');
    expect(await checkCounters(harness, event._id)).toMatchObject({ consistent: true, counted: { seatsTaken: 3, waitlistCount: 0 } });
    expect(codeOf(await harness.call(openIds.huamuOrganizer, 'events', 'setCapacity', { eventId: event._id, capacity: 9 }))).toBe('FORBIDDEN');
  });
});

describe('counter check', () => {
  it('finds and gives back a number taken by a sign-up that crashed before writing its row', async () => {
    const event = await addEvent(harness, { capacity: 2 });
    const [a, b, c] = await addMembers(harness, 3);
    await signUp(harness, event._id, a);
    // A crash between taking the number and writing the registration leaves number 2 held by nobody.
    await harness.db.collection('events').doc(event._id).update({ arrivals: harness.db.command.inc(1) });
    expect(dataOf<MyRegistration>(await signUp(harness, event._id, b)).status).toBe('waitlisted');
    const check = await checkCounters(harness, event._id);
    expect(check).toMatchObject({ consistent: false, repairedSlots: 1 });
    expect((await statusOf(harness, event._id, b))!.status).toBe('confirmed');
    expect(dataOf<MyRegistration>(await signUp(harness, event._id, c)).status).toBe('waitlisted');
    expect(await checkCounters(harness, event._id)).toMatchObject({ consistent: true, repairedSlots: 0, counted: { seatsTaken: 2, waitlistCount: 1 } });
  });
});

describe('organizers and privacy', () => {
  it('shows an event’s registrations with full mobiles to its organizers only', async () => {
    const event = await addEvent(harness, { capacity: 1 });
    const [a, b] = await addMembers(harness, 2);
    await signUp(harness, event._id, a);
    await signUp(harness, event._id, b);
    const list = dataOf<{ items: { name: string; mobile: string; status: string; waitlistPosition: number | null }[]; counters: { seatsTaken: number } }>(
      await harness.call(openIds.generalOrganizer, 'events', 'registrations', { eventId: event._id }),
    );
    expect(list.items.map((row) => [row.status, row.waitlistPosition])).toEqual([
      ['confirmed', null],
      ['waitlisted', 1],
    ]);
    expect(list.items[0].mobile).toMatch(/^1\d{10}$/);
    const waitlisted = dataOf<{ items: unknown[] }>(await harness.call(openIds.lujiazuiOrganizer, 'events', 'registrations', { eventId: event._id, status: 'waitlisted' }));
    expect(waitlisted.items).toHaveLength(1);
    for (const caller of [openIds.huamuOrganizer, openIds.member, a]) {
      expect(codeOf(await harness.call(caller, 'events', 'registrations', { eventId: event._id }))).toBe('FORBIDDEN');
    }
  });

  it('lets a member see only their own registration', async () => {
    const event = await addEvent(harness);
    const [a, b] = await addMembers(harness, 2);
    await signUp(harness, event._id, a);
    expect(await statusOf(harness, event._id, b)).toBeNull();
    const mine = dataOf<Page<{ eventId: string }>>(await harness.call(a, 'events', 'myRegistrations', { when: 'upcoming' }));
    expect(mine.items.map((item) => item.eventId)).toEqual([event._id]);
    expect(dataOf<Page<unknown>>(await harness.call(b, 'events', 'myRegistrations', { when: 'upcoming' })).items).toHaveLength(0);
    expect(dataOf<Page<unknown>>(await harness.call(a, 'events', 'myRegistrations', { when: 'past' })).items).toHaveLength(0);
  });

  it('finds members by name or the last digits of a mobile and adds them by hand', async () => {
    const event = await addEvent(harness, { capacity: 1, requiresApproval: true, signupClosesAt: new Date(seedNow.getTime() - 1) });
    const matches = dataOf<{ memberId: string; mobile: string; registrationStatus: string | null }[]>(
      await harness.call(openIds.lujiazuiOrganizer, 'events', 'findMembers', { eventId: event._id, query: '1234' }),
    );
    expect(matches.map((m) => m.memberId)).toContain('m-member');
    expect(matches.every((m) => m.mobile.endsWith('1234'))).toBe(true);
    const added = dataOf<{ status: string; addedByOrganizer: boolean }>(await harness.call(openIds.lujiazuiOrganizer, 'events', 'addMember', { eventId: event._id, memberId: 'm-member' }));
    expect(added).toMatchObject({ status: 'confirmed', addedByOrganizer: true });
    expect(codeOf(await harness.call(openIds.lujiazuiOrganizer, 'events', 'addMember', { eventId: event._id, memberId: 'm-member' }))).toBe('ALREADY_REGISTERED');
    expect(dataOf<{ status: string }>(await harness.call(openIds.lujiazuiOrganizer, 'events', 'addMember', { eventId: event._id, memberId: 'm-other-member' })).status).toBe('waitlisted');
    const byName = dataOf<{ memberId: string; registrationStatus: string | null }[]>(await harness.call(openIds.lujiazuiOrganizer, 'events', 'findMembers', { eventId: event._id, query: '陈思' }));
    expect(byName).toEqual([expect.objectContaining({ memberId: 'm-member', registrationStatus: 'confirmed' })]);
    expect(codeOf(await harness.call(openIds.member, 'events', 'findMembers', { eventId: event._id, query: '陈' }))).toBe('FORBIDDEN');
    expect(await checkCounters(harness, event._id)).toMatchObject({ consistent: true });
  });

  it('searches an event’s list by name or the last digits of a mobile, whatever the standing', async () => {
    const event = await addEvent(harness, { capacity: 1 });
    const [seated, waiting, gone] = await addMembers(harness, 3);
    const contacts = { [seated]: { name: '陈思远', mobile: '13912345678' }, [waiting]: { name: '陈(思)雨', mobile: '13887655678' }, [gone]: { name: '王浩', mobile: '13700001234' } };
    for (const openId of [seated, waiting, gone]) dataOf(await signUp(harness, event._id, openId, { contact: contacts[openId] }));
    dataOf(await harness.call(gone, 'events', 'cancel', { eventId: event._id }));
    const search = (query: string, openId = openIds.lujiazuiOrganizer) => harness.call(openId, 'events', 'searchRegistrations', { eventId: event._id, query });
    const found = (query: string) => search(query).then((reply) => dataOf<{ name: string; mobile: string; status: string; waitlistPosition: number | null }[]>(reply));

    expect((await found('陈')).map((row) => [row.name, row.status, row.waitlistPosition])).toEqual([
      ['陈思远', 'confirmed', null],
      ['陈(思)雨', 'waitlisted', 1],
    ]);
    expect((await found('5678')).map((row) => row.mobile)).toEqual(['13912345678', '13887655678']);
    // Brackets are part of a name, not a pattern; digits match the end of the mobile only.
    expect((await found('陈(思)')).map((row) => row.name)).toEqual(['陈(思)雨']);
    expect(await found('1391')).toEqual([]);
    expect((await found('王浩')).map((row) => row.status)).toEqual(['cancelled']);
    expect(await found('.*')).toEqual([]);
    expect(codeOf(await search('陈', openIds.huamuOrganizer))).toBe('FORBIDDEN');
    expect(codeOf(await search('陈', seated))).toBe('FORBIDDEN');
    expect(codeOf(await search('   '))).toBe('VALIDATION_FAILED');
  });
});
