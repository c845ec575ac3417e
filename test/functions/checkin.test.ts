import type {
  AttendeeRow,
  CheckinCounter,
  EventDetail,
  MyRegistration,
  Page,
  Preload,
  Reply,
  ScanLogEntry,
  ScannerSession,
  ScanResult,
  StewardView,
  SyncOutcome,
  TicketView,
  VenueCodeView,
} from '../../cloudfunctions/shared/contract';
import { checkCode, deriveSecret, makeCode, parseCode } from '../../cloudfunctions/shared/contract/ticket-code';
import { collections, type AuditDoc, type EventDoc, type EventStaffDoc, type RegistrationDoc, type ScanLogDoc } from '../../cloudfunctions/shared/data/documents';
import { dataOf, harnessForThisFile, openIds, seedNow } from '../support/functions';
import { addEvent, addMembers, codeOf, memberIdOf, nextRequestId, signUp } from './signup-support';

const harness = harnessForThisFile();

const minute = 60 * 1000;
const hour = 60 * minute;

let nonceCounter = 0;
function nextNonce(): string {
  return `scan-${++nonceCounter}-${Date.now().toString(36)}`;
}

/** An event starting an hour after seedNow (check-in opened an hour ago), on until three hours after it starts. */
async function checkinEvent(overrides: Partial<EventDoc> = {}): Promise<EventDoc> {
  const startAt = new Date(seedNow.getTime() + hour);
  return addEvent(harness, { startAt, endAt: new Date(startAt.getTime() + 3 * hour), signupClosesAt: startAt, cancellationDeadline: null, ...overrides });
}

let contactCounter = 0;
/** Members signed up (confirmed while seats last), each under a name and mobile of their own. */
async function signedUp(eventId: string, count: number): Promise<string[]> {
  const members = await addMembers(harness, count);
  for (const openId of members) {
    const n = ++contactCounter;
    dataOf(await signUp(harness, eventId, openId, { contact: { name: `签到${n}号`, mobile: `1371234${String(n).padStart(4, '0')}` } }));
  }
  return members;
}

async function ticketOf(openId: string, eventId: string): Promise<TicketView> {
  return dataOf<TicketView>(await harness.call(openId, 'checkin', 'ticket', { eventId }));
}

function codeOfTicket(ticket: Pick<TicketView, 'ticketId' | 'secret'>, at: Date = seedNow): string {
  return makeCode('ticket', ticket.ticketId, ticket.secret, at);
}

/** A member an organizer of the host assigns as steward of the event. */
async function assignedSteward(eventId: string): Promise<string> {
  const [steward] = await addMembers(harness, 1);
  dataOf(await harness.call(openIds.lujiazuiOrganizer, 'checkin', 'assignSteward', { eventId, memberId: memberIdOf(steward) }));
  return steward;
}

function redeem(openId: string, eventId: string, code: string, options: { nonce?: string; device?: string; now?: Date } = {}): Promise<Reply<unknown>> {
  return harness.call(openId, 'checkin', 'redeem', { eventId, code, nonce: options.nonce ?? nextNonce(), device: options.device ?? '入口1号机' }, { now: options.now ?? seedNow });
}

async function scanned(openId: string, eventId: string, code: string, options: { nonce?: string; device?: string; now?: Date } = {}): Promise<ScanResult> {
  return dataOf<ScanResult>(await redeem(openId, eventId, code, options));
}

async function registrationOf(eventId: string, openId: string): Promise<RegistrationDoc> {
  const { data } = await harness.db.collection(collections.registrations).doc(`${eventId}_${memberIdOf(openId)}`).get();
  return (data as RegistrationDoc[])[0];
}

async function scanLogDocs(eventId: string): Promise<ScanLogDoc[]> {
  const { data } = await harness.db.collection(collections.scanLog).where({ eventId }).limit(1000).get();
  return data as ScanLogDoc[];
}

async function staffDoc(eventId: string, memberId: string): Promise<EventStaffDoc | null> {
  const { data } = await harness.db.collection(collections.eventStaff).doc(`${eventId}_${memberId}`).get();
  return (data as EventStaffDoc[])[0] ?? null;
}

async function counterOf(openId: string, eventId: string): Promise<CheckinCounter> {
  return dataOf<CheckinCounter>(await harness.call(openId, 'checkin', 'counter', { eventId }));
}

function refusedWith(code: string) {
  return { ok: false, code };
}

describe('checkin.ticket', () => {
  it('issues the ticket of a confirmed registration once, with its secret, the event and a masked name', async () => {
    const event = await checkinEvent();
    const [member] = await signedUp(event._id, 1);
    const ticket = await ticketOf(member, event._id);
    expect(ticket).toMatchObject({
      ticketId: `${event._id}_${memberIdOf(member)}`,
      stepSeconds: 30,
      serverTime: seedNow.toISOString(),
      event: { id: event._id, title: event.title, startAt: event.startAt.toISOString(), venue: event.venue },
      team: null,
      checkin: null,
    });
    expect(ticket.maskedName).toMatch(/^签\*+$/);
    expect(ticket.secret).toBe(deriveSecret(process.env.XINLIAN_TICKET_KEY!, 'ticket', ticket.ticketId));
    const issuedAt = (await registrationOf(event._id, member)).ticketIssuedAt;
    expect(issuedAt).toEqual(seedNow);
    // Opening it again answers the same ticket and keeps the first issue time.
    expect(await harness.call(member, 'checkin', 'ticket', { eventId: event._id }, { now: new Date(seedNow.getTime() + minute) })).toMatchObject({ ok: true, data: { secret: ticket.secret } });
    expect((await registrationOf(event._id, member)).ticketIssuedAt).toEqual(issuedAt);
  });

  it('has no ticket for a waitlisted, pending or absent registration', async () => {
    const event = await checkinEvent({ capacity: 1 });
    const [, waiting] = await signedUp(event._id, 2);
    expect(await harness.call(waiting, 'checkin', 'ticket', { eventId: event._id })).toMatchObject(refusedWith('TICKET_NOT_READY'));
    const salon = await checkinEvent({ requiresApproval: true });
    const [pending] = await addMembers(harness, 1);
    expect(dataOf<MyRegistration>(await signUp(harness, salon._id, pending)).status).toBe('pending');
    expect(await harness.call(pending, 'checkin', 'ticket', { eventId: salon._id })).toMatchObject(refusedWith('TICKET_NOT_READY'));
    expect(await harness.call(pending, 'checkin', 'ticket', { eventId: event._id })).toMatchObject(refusedWith('NOT_REGISTERED'));
    expect(await harness.call(null, 'checkin', 'ticket', { eventId: event._id })).toMatchObject(refusedWith('UNAUTHENTICATED'));
    expect((await registrationOf(event._id, waiting)).ticketIssuedAt ?? null).toBeNull();
  });

  it('answers INTERNAL, and logs why, when the server has no ticket key', async () => {
    const event = await checkinEvent();
    const [member] = await signedUp(event._id, 1);
    const key = process.env.XINLIAN_TICKET_KEY;
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    delete process.env.XINLIAN_TICKET_KEY;
    try {
      expect(await harness.call(member, 'checkin', 'ticket', { eventId: event._id })).toMatchObject(refusedWith('INTERNAL'));
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('XINLIAN_TICKET_KEY'));
    } finally {
      process.env.XINLIAN_TICKET_KEY = key;
      logged.mockRestore();
    }
  });
});

describe('checkin.redeem', () => {
  it('checks a confirmed ticket in with two database round trips, and the ticket then shows it', async () => {
    const event = await checkinEvent();
    const [member] = await signedUp(event._id, 1);
    const steward = await assignedSteward(event._id);
    const ticket = await ticketOf(member, event._id);
    const { reply, roundTrips } = await harness.measure(steward, 'checkin', 'redeem', { eventId: event._id, code: codeOfTicket(ticket), nonce: nextNonce(), device: '入口1号机' });
    const result = dataOf<ScanResult>(reply);
    expect(result).toMatchObject({ accepted: true, rejection: null, message: '签到成功', name: (await registrationOf(event._id, member)).contact.name, team: null });
    expect(result.checkin).toMatchObject({ at: seedNow.toISOString(), source: 'scan' });
    expect(roundTrips).toBe(2);
    expect((await ticketOf(member, event._id)).checkin).toEqual(result.checkin);
    expect((await registrationOf(event._id, member)).checkin).toMatchObject({ device: '入口1号机', byMemberId: memberIdOf(steward), source: 'scan', at: seedNow, recordedAt: seedNow });
    expect(await scanLogDocs(event._id)).toEqual([]);
  });

  it('answers a later scan with the first check-in’s time and steward', async () => {
    const event = await checkinEvent();
    const [member] = await signedUp(event._id, 1);
    const steward = await assignedSteward(event._id);
    const ticket = await ticketOf(member, event._id);
    const earlier = new Date(seedNow.getTime() - 30 * minute);
    const first = await scanned(steward, event._id, codeOfTicket(ticket, earlier), { now: earlier });
    expect(first.accepted).toBe(true);
    const again = await scanned(openIds.lujiazuiOrganizer, event._id, codeOfTicket(ticket));
    expect(again).toMatchObject({ accepted: false, rejection: 'alreadyCheckedIn', checkin: first.checkin });
    const stewardName = (await staffDoc(event._id, memberIdOf(steward)))!.name;
    expect(again.message).toBe(`已于 11月25日 09:30 签到（${stewardName}）`);
    expect((await scanLogDocs(event._id)).map((doc) => doc.rejection)).toEqual(['alreadyCheckedIn']);
  });

  it('checks a retried scan (the same nonce) in once, answering it as the first time', async () => {
    const event = await checkinEvent();
    const [member] = await signedUp(event._id, 1);
    const steward = await assignedSteward(event._id);
    const code = codeOfTicket(await ticketOf(member, event._id));
    const nonce = nextNonce();
    const first = await scanned(steward, event._id, code, { nonce });
    const retry = await scanned(steward, event._id, code, { nonce, now: new Date(seedNow.getTime() + 5000) });
    expect(retry).toEqual(first);
    expect(first.accepted).toBe(true);
    expect((await registrationOf(event._id, member)).checkin).toMatchObject({ nonce, recordedAt: seedNow });
    expect(await scanLogDocs(event._id)).toEqual([]);
    expect(await counterOf(steward, event._id)).toEqual({ checkedIn: 1, confirmed: 1 });
  });

  it('accepts exactly one of ten scans of the same ticket by two stewards at once', async () => {
    const event = await checkinEvent();
    const [member] = await signedUp(event._id, 1);
    const stewards = [await assignedSteward(event._id), openIds.steward];
    const code = codeOfTicket(await ticketOf(member, event._id));
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => scanned(stewards[i % 2], event._id, code, { device: `入口${(i % 2) + 1}号机` })));
    expect(results.filter((result) => result.accepted)).toHaveLength(1);
    expect(results.filter((result) => result.rejection === 'alreadyCheckedIn')).toHaveLength(9);
    const winner = results.find((result) => result.accepted)!;
    for (const result of results.filter((r) => !r.accepted)) expect(result.checkin).toEqual(winner.checkin);
    expect(await scanLogDocs(event._id)).toHaveLength(9);
    expect(await counterOf(openIds.steward, event._id)).toEqual({ checkedIn: 1, confirmed: 1 });
  });

  it('refuses forged and tampered codes as invalid, and an old code as expired', async () => {
    const event = await checkinEvent();
    const [member] = await signedUp(event._id, 1);
    const steward = await assignedSteward(event._id);
    const ticket = await ticketOf(member, event._id);
    const code = codeOfTicket(ticket);
    const [prefix, id, step, mac] = code.split('.');
    const invalid = [
      makeCode('ticket', ticket.ticketId, 'guessed-secret', seedNow),
      `${prefix}.${id}.${step}.${mac.slice(0, -1)}${mac.endsWith('a') ? 'b' : 'a'}`,
      `${prefix}.${id}.${Number(step) + 1}.${mac}`,
      `${prefix}.${event._id}_m-admin.${step}.${mac}`,
      'not a ticket',
    ];
    for (const text of invalid) expect(await scanned(steward, event._id, text)).toMatchObject({ accepted: false, rejection: 'invalid', message: '签到码无效', name: null });
    // A screenshot taken two minutes ago.
    const old = codeOfTicket(ticket, new Date(seedNow.getTime() - 2 * minute));
    expect(await scanned(steward, event._id, old)).toMatchObject({ accepted: false, rejection: 'expired', message: '签到码已过期，请让对方刷新' });
    expect((await registrationOf(event._id, member)).checkin ?? null).toBeNull();
    const log = await scanLogDocs(event._id);
    expect(log.map((doc) => doc.rejection).sort()).toEqual(['expired', 'invalid', 'invalid', 'invalid', 'invalid', 'invalid']);
    expect(log.find((doc) => doc.rejection === 'expired')).toMatchObject({ registrationId: ticket.ticketId, device: '入口1号机', stewardMemberId: memberIdOf(steward), source: 'scan' });
    // The same member's fresh code still checks in.
    expect(await scanned(steward, event._id, code)).toMatchObject({ accepted: true });
  });

  it('refuses a genuine ticket of another event without naming its holder', async () => {
    const [event, other] = [await checkinEvent(), await checkinEvent()];
    const [member] = await signedUp(other._id, 1);
    const steward = await assignedSteward(event._id);
    const code = codeOfTicket(await ticketOf(member, other._id));
    expect(await scanned(steward, event._id, code)).toMatchObject({ accepted: false, rejection: 'otherEvent', message: '不是本场活动的签到码', name: null });
    expect((await registrationOf(other._id, member)).checkin ?? null).toBeNull();
    expect(await scanLogDocs(event._id)).toEqual([expect.objectContaining({ rejection: 'otherEvent', registrationId: null })]);
  });

  it('refuses a cancelled registration’s old ticket, and one whose member signed up again onto the waiting list', async () => {
    const event = await checkinEvent({ capacity: 1 });
    const [member] = await signedUp(event._id, 1);
    const steward = await assignedSteward(event._id);
    const ticket = await ticketOf(member, event._id);
    dataOf(await harness.call(member, 'events', 'cancel', { eventId: event._id }));
    expect(await scanned(steward, event._id, codeOfTicket(ticket))).toMatchObject({ accepted: false, rejection: 'notConfirmed', message: '报名未确认：已取消' });
    // The freed seat goes to someone else; the member's new sign-up waits, and the secret they kept is no ticket.
    await signedUp(event._id, 1);
    expect(dataOf<MyRegistration>(await signUp(harness, event._id, member)).status).toBe('waitlisted');
    expect((await registrationOf(event._id, member)).ticketIssuedAt).toBeNull();
    const refused = await scanned(steward, event._id, codeOfTicket(ticket));
    expect(refused).toMatchObject({ accepted: false, rejection: 'notConfirmed', message: '报名未确认：候补' });
    expect(refused.name).toBe((await registrationOf(event._id, member)).contact.name);
    expect(await harness.call(member, 'checkin', 'ticket', { eventId: event._id })).toMatchObject(refusedWith('TICKET_NOT_READY'));
  });

  it('refuses a pending registration even with a code drawn from its secret', async () => {
    const salon = await checkinEvent({ requiresApproval: true });
    const [pending] = await addMembers(harness, 1);
    dataOf(await signUp(harness, salon._id, pending));
    const steward = await assignedSteward(salon._id);
    const ticketId = `${salon._id}_${memberIdOf(pending)}`;
    const code = codeOfTicket({ ticketId, secret: deriveSecret(process.env.XINLIAN_TICKET_KEY!, 'ticket', ticketId) });
    expect(await scanned(steward, salon._id, code)).toMatchObject({ accepted: false, rejection: 'notConfirmed', message: '报名未确认：待审核' });
  });

  it('refuses scans outside the check-in window', async () => {
    const event = await checkinEvent();
    const [member] = await signedUp(event._id, 1);
    const steward = await assignedSteward(event._id);
    const ticket = await ticketOf(member, event._id);
    const early = new Date(event.startAt.getTime() - 2 * hour - minute);
    expect(await scanned(steward, event._id, codeOfTicket(ticket, early), { now: early })).toMatchObject({ accepted: false, rejection: 'notOpenYet', message: '签到尚未开始' });
    const ended = event.endAt;
    expect(await scanned(steward, event._id, codeOfTicket(ticket, ended), { now: ended })).toMatchObject({ accepted: false, rejection: 'closed', message: '签到已结束' });
    const opening = new Date(event.startAt.getTime() - 2 * hour);
    expect(await scanned(steward, event._id, codeOfTicket(ticket, opening), { now: opening })).toMatchObject({ accepted: true });
  });

  it('answers FORBIDDEN, not a scan result, to callers who are not staff of the event', async () => {
    const event = await checkinEvent();
    const [member, outsider] = await signedUp(event._id, 2);
    const code = codeOfTicket(await ticketOf(member, event._id));
    for (const caller of [outsider, member, openIds.huamuOrganizer]) {
      expect(await redeem(caller, event._id, code)).toMatchObject(refusedWith('FORBIDDEN'));
    }
    expect(await redeem(openIds.lujiazuiOrganizer, 'ev-nowhere', code)).toMatchObject(refusedWith('NOT_FOUND'));
    expect((await registrationOf(event._id, member)).checkin ?? null).toBeNull();
    expect(await scanLogDocs(event._id)).toEqual([]);
    // A steward removed from the event stops scanning there.
    const steward = await assignedSteward(event._id);
    dataOf(await harness.call(openIds.lujiazuiOrganizer, 'checkin', 'removeSteward', { eventId: event._id, memberId: memberIdOf(steward) }));
    expect(await redeem(steward, event._id, code)).toMatchObject(refusedWith('FORBIDDEN'));
  });

  it('names the team of a teammate’s ticket, and counts the people of seated teams', async () => {
    const event = await checkinEvent({ kind: 'sports', capacity: 1, team: { minSize: 2, maxSize: 4 } });
    const [captain, mate, late, lateMate] = await addMembers(harness, 4);
    const contact = { name: '欧阳娜娜', mobile: '13900002222' };
    const created = dataOf<MyRegistration>(await harness.call(captain, 'events', 'createTeam', { eventId: event._id, requestId: nextRequestId(), teamName: '浦江飞鱼队', contact, answers: {} }));
    dataOf(await harness.call(mate, 'events', 'joinTeam', { inviteCode: created.team!.inviteCode, contact, answers: {} }));
    const waiting = dataOf<MyRegistration>(await harness.call(late, 'events', 'createTeam', { eventId: event._id, requestId: nextRequestId(), teamName: '候补队', contact, answers: {} }));
    dataOf(await harness.call(lateMate, 'events', 'joinTeam', { inviteCode: waiting.team!.inviteCode, contact, answers: {} }));
    const ticket = await ticketOf(mate, event._id);
    expect(ticket).toMatchObject({ team: '浦江飞鱼队', maskedName: '欧阳**' });
    expect(await harness.call(lateMate, 'checkin', 'ticket', { eventId: event._id })).toMatchObject(refusedWith('TICKET_NOT_READY'));
    const steward = await assignedSteward(event._id);
    expect(await scanned(steward, event._id, codeOfTicket(ticket))).toMatchObject({ accepted: true, name: '欧阳娜娜', team: '浦江飞鱼队' });
    expect(await counterOf(steward, event._id)).toEqual({ checkedIn: 1, confirmed: 2 });
  });
});

describe('stewards', () => {
  it('are assigned and removed by the host’s organizers, audited, and listed with their mobile', async () => {
    const event = await checkinEvent();
    const [steward] = await addMembers(harness, 1);
    const assigned = dataOf<StewardView[]>(await harness.call(openIds.lujiazuiOrganizer, 'checkin', 'assignSteward', { eventId: event._id, memberId: memberIdOf(steward) }));
    expect(assigned).toEqual([expect.objectContaining({ memberId: memberIdOf(steward), assignedAt: seedNow.toISOString() })]);
    expect(assigned[0].mobile).toMatch(/^139\d{8}$/);
    // Assigning again changes nothing.
    expect(dataOf<StewardView[]>(await harness.call(openIds.generalOrganizer, 'checkin', 'assignSteward', { eventId: event._id, memberId: memberIdOf(steward) }))).toEqual(assigned);
    expect(await staffDoc(event._id, memberIdOf(steward))).toMatchObject({
      role: 'steward',
      openId: steward,
      assignedBy: 'm-lujiazui-organizer',
      checkInOpensAt: new Date(event.startAt.getTime() - 2 * hour),
      checkInClosesAt: event.endAt,
    });
    expect(dataOf<StewardView[]>(await harness.call(openIds.lujiazuiOrganizer, 'checkin', 'stewards', { eventId: event._id }))).toEqual(assigned);
    expect(dataOf<StewardView[]>(await harness.call(openIds.lujiazuiOrganizer, 'checkin', 'removeSteward', { eventId: event._id, memberId: memberIdOf(steward) }))).toEqual([]);
    const { data } = await harness.db.collection(collections.audit).where({ 'target.collection': collections.eventStaff, 'target.id': `${event._id}_${memberIdOf(steward)}` }).limit(10).get();
    expect((data as AuditDoc[]).map((entry) => [entry.action, entry.actorMemberId]).sort()).toEqual([
      ['assignSteward', 'm-lujiazui-organizer'],
      ['removeSteward', 'm-lujiazui-organizer'],
    ]);
    expect(await harness.call(openIds.lujiazuiOrganizer, 'checkin', 'assignSteward', { eventId: event._id, memberId: 'm-nobody' })).toMatchObject(refusedWith('NOT_FOUND'));
    expect(await harness.call(openIds.huamuOrganizer, 'checkin', 'assignSteward', { eventId: event._id, memberId: memberIdOf(steward) })).toMatchObject(refusedWith('FORBIDDEN'));
  });

  it('see only scan results: no attendee search, list, log, stewards, venue code or hand check-in', async () => {
    const event = await checkinEvent();
    const [member] = await signedUp(event._id, 1);
    const steward = await assignedSteward(event._id);
    const memberId = memberIdOf(member);
    const refused = [
      ['search', { eventId: event._id, query: '签到' }],
      ['scanLog', { eventId: event._id }],
      ['stewards', { eventId: event._id }],
      ['assignSteward', { eventId: event._id, memberId }],
      ['venueCode', { eventId: event._id }],
      ['checkInByHand', { eventId: event._id, memberId, nonce: nextNonce(), device: '服务台' }],
      ['undoCheckIn', { eventId: event._id, memberId, reason: '误签' }],
    ] as const;
    for (const caller of [steward, openIds.steward]) {
      for (const [action, data] of refused) expect(await harness.call(caller, 'checkin', action, data)).toMatchObject(refusedWith('FORBIDDEN'));
    }
    expect(dataOf<CheckinCounter>(await harness.call(steward, 'checkin', 'counter', { eventId: event._id }))).toEqual({ checkedIn: 0, confirmed: 1 });
  });

  it('open the scanner in their role; organizers and steward-grant holders get a staff document on first use', async () => {
    const event = await checkinEvent();
    await signedUp(event._id, 2);
    const steward = await assignedSteward(event._id);
    const asSteward = dataOf<ScannerSession>(await harness.call(steward, 'checkin', 'openScanner', { eventId: event._id }));
    expect(asSteward).toEqual({
      event: { id: event._id, title: event.title, startAt: event.startAt.toISOString(), endAt: event.endAt.toISOString(), venue: event.venue },
      role: 'steward',
      checkInOpensAt: new Date(event.startAt.getTime() - 2 * hour).toISOString(),
      checkInClosesAt: event.endAt.toISOString(),
      counter: { checkedIn: 0, confirmed: 2 },
    });
    expect(await staffDoc(event._id, 'm-lujiazui-organizer')).toBeNull();
    expect(dataOf<ScannerSession>(await harness.call(openIds.lujiazuiOrganizer, 'checkin', 'openScanner', { eventId: event._id })).role).toBe('organizer');
    expect(dataOf<ScannerSession>(await harness.call(openIds.admin, 'checkin', 'openScanner', { eventId: event._id })).role).toBe('organizer');
    expect(dataOf<ScannerSession>(await harness.call(openIds.steward, 'checkin', 'openScanner', { eventId: event._id })).role).toBe('steward');
    expect(await staffDoc(event._id, 'm-lujiazui-organizer')).toMatchObject({ role: 'organizer', openId: openIds.lujiazuiOrganizer, name: '陆家嘴组织者', assignedBy: 'm-lujiazui-organizer' });
    expect(await staffDoc(event._id, 'm-steward')).toMatchObject({ role: 'steward', assignedBy: 'm-steward' });
    // Self-enrolled staff are not the organizer's assigned stewards.
    expect(dataOf<StewardView[]>(await harness.call(openIds.lujiazuiOrganizer, 'checkin', 'stewards', { eventId: event._id })).map((s) => s.memberId)).toEqual([memberIdOf(steward)]);
    for (const outsider of [openIds.member, openIds.huamuOrganizer]) {
      expect(await harness.call(outsider, 'checkin', 'openScanner', { eventId: event._id })).toMatchObject(refusedWith('FORBIDDEN'));
    }
    expect(await harness.call(openIds.lujiazuiOrganizer, 'checkin', 'openScanner', { eventId: 'ev-draft' })).toMatchObject(refusedWith('NOT_FOUND'));
  });

  it('lose a staff document their lost grant made, and keep the window in step with event edits', async () => {
    const event = await checkinEvent();
    const [holder] = await addMembers(harness, 1);
    const holderId = memberIdOf(holder);
    await harness.db.collection(collections.members).doc(holderId).update({ roles: [{ orgId: event.orgId, role: 'steward' }] });
    expect(dataOf<ScannerSession>(await harness.call(holder, 'checkin', 'openScanner', { eventId: event._id })).role).toBe('steward');
    await harness.db.collection(collections.members).doc(holderId).update({ roles: [] });
    expect(await harness.call(holder, 'checkin', 'openScanner', { eventId: event._id })).toMatchObject(refusedWith('FORBIDDEN'));
    expect(await staffDoc(event._id, holderId)).toBeNull();

    const steward = await assignedSteward(event._id);
    const detail = dataOf<EventDetail>(await harness.call(null, 'events', 'get', { id: event._id }));
    const startAt = new Date(event.startAt.getTime() + 24 * hour);
    const endAt = new Date(startAt.getTime() + 2 * hour);
    const fields = {
      title: detail.title,
      kind: detail.kind,
      description: detail.description,
      venue: detail.venue,
      startAt: startAt.toISOString(),
      endAt: endAt.toISOString(),
      signupOpensAt: detail.signupOpensAt,
      signupClosesAt: detail.signupClosesAt,
      cancellationDeadline: detail.cancellationDeadline,
      capacity: detail.capacity,
      coHostOrgIds: [],
    };
    dataOf(await harness.call(openIds.lujiazuiOrganizer, 'events', 'update', { id: event._id, fields }));
    expect(await staffDoc(event._id, memberIdOf(steward))).toMatchObject({ checkInOpensAt: new Date(startAt.getTime() - 2 * hour), checkInClosesAt: endAt });
    // Moved to tomorrow: today's scans are too early.
    const [member] = await signedUp(event._id, 1);
    expect(await scanned(steward, event._id, codeOfTicket(await ticketOf(member, event._id)))).toMatchObject({ rejection: 'notOpenYet' });
  });
});

describe('organizers at the desk', () => {
  it('search attendees by name or the last four digits of a mobile, with their check-in', async () => {
    const event = await checkinEvent();
    const members = await signedUp(event._id, 3);
    const rows = await Promise.all(members.map((openId) => registrationOf(event._id, openId)));
    const steward = await assignedSteward(event._id);
    await scanned(steward, event._id, codeOfTicket(await ticketOf(members[0], event._id)));
    const byName = dataOf<AttendeeRow[]>(await harness.call(openIds.lujiazuiOrganizer, 'checkin', 'search', { eventId: event._id, query: rows[0].contact.name }));
    expect(byName).toEqual([{ memberId: memberIdOf(members[0]), name: rows[0].contact.name, mobile: rows[0].contact.mobile, team: null, checkin: expect.objectContaining({ source: 'scan' }) }]);
    const byMobile = dataOf<AttendeeRow[]>(await harness.call(openIds.lujiazuiOrganizer, 'checkin', 'search', { eventId: event._id, query: rows[1].contact.mobile.slice(-4) }));
    expect(byMobile.map((row) => [row.memberId, row.checkin])).toEqual([[memberIdOf(members[1]), null]]);
    expect(dataOf<AttendeeRow[]>(await harness.call(openIds.lujiazuiOrganizer, 'checkin', 'search', { eventId: event._id, query: '.*' }))).toEqual([]);
  });

  it('check in by hand, undo it on the record, and let a later scan check in again', async () => {
    const event = await checkinEvent({ capacity: 1 });
    const [member, waiting] = await signedUp(event._id, 2);
    const memberId = memberIdOf(member);
    const byHand = dataOf<ScanResult>(await harness.call(openIds.lujiazuiOrganizer, 'checkin', 'checkInByHand', { eventId: event._id, memberId, nonce: nextNonce(), device: '服务台' }));
    expect(byHand).toMatchObject({ accepted: true, checkin: { byName: '陆家嘴组织者', source: 'hand' } });
    // Checked in by hand before opening the ticket: the ticket fields are issued with it.
    expect(await registrationOf(event._id, member)).toMatchObject({ ticketIssuedAt: seedNow, checkin: { device: '服务台', byMemberId: 'm-lujiazui-organizer' } });
    const undone = dataOf<AttendeeRow>(await harness.call(openIds.lujiazuiOrganizer, 'checkin', 'undoCheckIn', { eventId: event._id, memberId, reason: '扫错了人' }));
    expect(undone).toMatchObject({ memberId, checkin: null });
    const row = await registrationOf(event._id, member);
    expect(row.checkin).toBeNull();
    expect(row.undoneCheckins).toEqual([expect.objectContaining({ source: 'hand', device: '服务台', undoneBy: 'm-lujiazui-organizer', reason: '扫错了人', undoneAt: seedNow })]);
    expect(await harness.call(openIds.lujiazuiOrganizer, 'checkin', 'undoCheckIn', { eventId: event._id, memberId, reason: '再点一次' })).toMatchObject(refusedWith('NOT_CHECKED_IN'));
    const steward = await assignedSteward(event._id);
    expect(await scanned(steward, event._id, codeOfTicket(await ticketOf(member, event._id)))).toMatchObject({ accepted: true, checkin: { source: 'scan' } });
    expect((await registrationOf(event._id, member)).undoneCheckins).toHaveLength(1);
    const { data } = await harness.db.collection(collections.audit).where({ 'target.id': `${event._id}_${memberId}` }).limit(10).get();
    expect((data as AuditDoc[]).map((entry) => entry.action).sort()).toEqual(['checkInByHand', 'undoCheckIn']);

    const refused = dataOf<ScanResult>(await harness.call(openIds.lujiazuiOrganizer, 'checkin', 'checkInByHand', { eventId: event._id, memberId: memberIdOf(waiting), nonce: nextNonce(), device: '服务台' }));
    expect(refused).toMatchObject({ accepted: false, rejection: 'notConfirmed', message: '报名未确认：候补' });
    expect(await harness.call(openIds.lujiazuiOrganizer, 'checkin', 'checkInByHand', { eventId: event._id, memberId: 'm-admin', nonce: nextNonce(), device: '服务台' })).toMatchObject(refusedWith('NOT_REGISTERED'));
    expect(await harness.call(openIds.huamuOrganizer, 'checkin', 'undoCheckIn', { eventId: event._id, memberId, reason: '越权' })).toMatchObject(refusedWith('FORBIDDEN'));
  });

  it('read every scan in one log, newest first, paged, with refusals and conflicts apart', async () => {
    const event = await checkinEvent();
    const members = await signedUp(event._id, 3);
    const steward = await assignedSteward(event._id);
    const tickets = await Promise.all(members.map((openId) => ticketOf(openId, event._id)));
    const at = (minutes: number) => new Date(seedNow.getTime() + minutes * minute);
    await scanned(steward, event._id, codeOfTicket(tickets[0], at(1)), { now: at(1) });
    await scanned(steward, event._id, codeOfTicket(tickets[0], at(2)), { now: at(2) });
    await scanned(steward, event._id, codeOfTicket(tickets[1], at(0)), { now: at(3) });
    await scanned(steward, event._id, codeOfTicket(tickets[2], at(4)), { now: at(4) });
    const all = dataOf<Page<ScanLogEntry>>(await harness.call(openIds.lujiazuiOrganizer, 'checkin', 'scanLog', { eventId: event._id }));
    const names = await Promise.all(members.map(async (openId) => (await registrationOf(event._id, openId)).contact.name));
    expect(all.items.map((entry) => [entry.accepted, entry.rejection, entry.attendeeName])).toEqual([
      [true, null, names[2]],
      [false, 'expired', names[1]],
      [false, 'alreadyCheckedIn', names[0]],
      [true, null, names[0]],
    ]);
    expect(all.hasMore).toBe(false);
    expect(all.items[0]).toMatchObject({ device: '入口1号机', source: 'scan', at: at(4).toISOString() });
    const paged = [];
    for (let n = 1; n <= 2; n++) {
      const reply = await harness.call(openIds.lujiazuiOrganizer, 'checkin', 'scanLog', { eventId: event._id, page: n, pageSize: 2 });
      const got = dataOf<Page<ScanLogEntry>>(reply);
      expect(got.hasMore).toBe(n === 1);
      paged.push(...got.items);
    }
    expect(paged).toEqual(all.items);
    const rejected = dataOf<Page<ScanLogEntry>>(await harness.call(openIds.lujiazuiOrganizer, 'checkin', 'scanLog', { eventId: event._id, only: 'rejected' }));
    expect(rejected.items.map((entry) => entry.rejection)).toEqual(['expired', 'alreadyCheckedIn']);
    expect(dataOf<Page<ScanLogEntry>>(await harness.call(openIds.lujiazuiOrganizer, 'checkin', 'scanLog', { eventId: event._id, only: 'conflicts' })).items).toEqual([]);
  });
});

describe('offline scanning', () => {
  it('preloads the confirmed tickets’ secrets and names, which check codes on the device', async () => {
    const event = await checkinEvent({ capacity: 2 });
    const [first, second, waiting] = await signedUp(event._id, 3);
    const steward = await assignedSteward(event._id);
    const ticket = await ticketOf(first, event._id);
    const preload = dataOf<Preload>(await harness.call(steward, 'checkin', 'preload', { eventId: event._id }));
    expect(preload).toMatchObject({ eventId: event._id, title: event.title, stepSeconds: 30, serverTime: seedNow.toISOString(), checkInClosesAt: event.endAt.toISOString() });
    // The second member has not opened their ticket yet; they may open it at the gate.
    expect(preload.tickets.map((t) => t.ticketId).sort()).toEqual([first, second].map((openId) => `${event._id}_${memberIdOf(openId)}`).sort());
    expect(preload.tickets.some((t) => t.ticketId.endsWith(memberIdOf(waiting)))).toBe(false);
    const held = preload.tickets.find((t) => t.ticketId === ticket.ticketId)!;
    expect(held).toMatchObject({ secret: ticket.secret, name: (await registrationOf(event._id, first)).contact.name, team: null, checkedInAt: null });
    const scannedAt = new Date(seedNow.getTime() + 10_000);
    expect(checkCode(parseCode(codeOfTicket(ticket, scannedAt))!, held.secret, scannedAt)).toBe('valid');
    expect(await harness.call(waiting, 'checkin', 'preload', { eventId: event._id })).toMatchObject(refusedWith('FORBIDDEN'));
  });

  it('records synced scans at their own time, reports a ticket scanned on two devices as a conflict, and syncs idempotently', async () => {
    const event = await checkinEvent();
    const [both, alone, late] = await signedUp(event._id, 3);
    const deviceA = await assignedSteward(event._id);
    const deviceB = openIds.steward;
    const [bothTicket, aloneTicket, lateTicket] = await Promise.all([both, alone, late].map((openId) => ticketOf(openId, event._id)));
    const at = (minutesAgo: number) => new Date(seedNow.getTime() - minutesAgo * minute);
    const scan = (ticket: TicketView, scannedAt: Date, codeAt = scannedAt) => ({ code: codeOfTicket(ticket, codeAt), nonce: nextNonce(), scannedAt: scannedAt.toISOString() });
    const scansA = [scan(bothTicket, at(10)), scan(aloneTicket, at(9)), scan(lateTicket, at(8), at(13)), scan(lateTicket, at(90))];
    const scansB = [scan(bothTicket, at(5))];
    const syncA = dataOf<{ outcomes: SyncOutcome[]; counter: CheckinCounter }>(await harness.call(deviceA, 'checkin', 'sync', { eventId: event._id, device: '离线A', scans: scansA }));
    expect(syncA.outcomes).toEqual([
      { nonce: scansA[0].nonce, accepted: true, rejection: null },
      { nonce: scansA[1].nonce, accepted: true, rejection: null },
      { nonce: scansA[2].nonce, accepted: false, rejection: 'expired' },
      { nonce: scansA[3].nonce, accepted: false, rejection: 'notOpenYet' },
    ]);
    expect(syncA.counter).toEqual({ checkedIn: 2, confirmed: 3 });
    const syncB = dataOf<{ outcomes: SyncOutcome[] }>(await harness.call(deviceB, 'checkin', 'sync', { eventId: event._id, device: '离线B', scans: scansB }));
    expect(syncB.outcomes).toEqual([{ nonce: scansB[0].nonce, accepted: false, rejection: 'conflict' }]);
    // The first recorded stays, with the time it was scanned.
    expect((await registrationOf(event._id, both)).checkin).toMatchObject({ at: at(10), recordedAt: seedNow, device: '离线A', source: 'offline', nonce: scansA[0].nonce });
    const conflicts = dataOf<Page<ScanLogEntry>>(await harness.call(openIds.lujiazuiOrganizer, 'checkin', 'scanLog', { eventId: event._id, only: 'conflicts' }));
    expect(conflicts.items).toEqual([expect.objectContaining({ rejection: 'conflict', device: '离线B', scannedAt: at(5).toISOString(), attendeeName: (await registrationOf(event._id, both)).contact.name, source: 'offline' })]);
    // A sync retried after a lost answer records nothing twice.
    const later = { now: new Date(seedNow.getTime() + minute) };
    const againA = dataOf<{ outcomes: SyncOutcome[] }>(await harness.call(deviceA, 'checkin', 'sync', { eventId: event._id, device: '离线A', scans: scansA }, later));
    expect(againA.outcomes).toEqual(syncA.outcomes);
    const againB = dataOf<{ outcomes: SyncOutcome[] }>(await harness.call(deviceB, 'checkin', 'sync', { eventId: event._id, device: '离线B', scans: scansB }, later));
    expect(againB.outcomes).toEqual(syncB.outcomes);
    expect((await scanLogDocs(event._id)).map((doc) => doc.rejection).sort()).toEqual(['conflict', 'expired', 'notOpenYet']);
    expect((await registrationOf(event._id, both)).checkin).toMatchObject({ recordedAt: seedNow });
    expect(await counterOf(deviceB, event._id)).toEqual({ checkedIn: 2, confirmed: 3 });
    expect(await harness.call(openIds.member, 'checkin', 'sync', { eventId: event._id, device: '离线C', scans: scansB })).toMatchObject(refusedWith('FORBIDDEN'));
  });
});

describe('self check-in with the venue code', () => {
  async function venueCodeOf(eventId: string): Promise<VenueCodeView> {
    return dataOf<VenueCodeView>(await harness.call(openIds.lujiazuiOrganizer, 'checkin', 'venueCode', { eventId }));
  }

  function selfCheckIn(openId: string, code: string, options: { nonce?: string; now?: Date } = {}) {
    return harness.call(openId, 'checkin', 'selfCheckIn', { code, nonce: options.nonce ?? nextNonce() }, { now: options.now ?? seedNow });
  }

  it('checks in a confirmed member who scans it, once', async () => {
    const event = await checkinEvent();
    const [member] = await signedUp(event._id, 1);
    const venue = await venueCodeOf(event._id);
    expect(venue).toMatchObject({ eventId: event._id, stepSeconds: 30, serverTime: seedNow.toISOString() });
    const code = makeCode('venue', event._id, venue.secret, seedNow);
    const nonce = nextNonce();
    const result = dataOf<ScanResult>(await selfCheckIn(member, code, { nonce }));
    expect(result).toMatchObject({ accepted: true, name: (await registrationOf(event._id, member)).contact.name, checkin: { source: 'self' } });
    expect(dataOf<ScanResult>(await selfCheckIn(member, code, { nonce }))).toEqual(result);
    expect(dataOf<ScanResult>(await selfCheckIn(member, code))).toMatchObject({ accepted: false, rejection: 'alreadyCheckedIn' });
    expect((await registrationOf(event._id, member)).checkin).toMatchObject({ source: 'self', byMemberId: memberIdOf(member), device: '本人手机' });
    expect((await ticketOf(member, event._id)).checkin).toMatchObject({ source: 'self' });
  });

  it('refuses a forged, an expired and another event’s venue code, a member not confirmed, and outside the window', async () => {
    const [event, other] = [await checkinEvent({ capacity: 1 }), await checkinEvent()];
    const [member, waiting] = await signedUp(event._id, 2);
    const venue = await venueCodeOf(event._id);
    const forged = makeCode('venue', event._id, 'guessed-secret', seedNow);
    expect(dataOf<ScanResult>(await selfCheckIn(member, forged))).toMatchObject({ accepted: false, rejection: 'invalid' });
    const ticketCode = codeOfTicket(await ticketOf(member, event._id));
    expect(dataOf<ScanResult>(await selfCheckIn(member, ticketCode))).toMatchObject({ accepted: false, rejection: 'invalid' });
    const expired = makeCode('venue', event._id, venue.secret, new Date(seedNow.getTime() - 2 * minute));
    expect(dataOf<ScanResult>(await selfCheckIn(member, expired))).toMatchObject({ accepted: false, rejection: 'expired' });
    const otherCode = makeCode('venue', other._id, (await venueCodeOf(other._id)).secret, seedNow);
    expect(dataOf<ScanResult>(await selfCheckIn(member, otherCode))).toMatchObject({ accepted: false, rejection: 'otherEvent' });
    const code = makeCode('venue', event._id, venue.secret, seedNow);
    expect(dataOf<ScanResult>(await selfCheckIn(waiting, code))).toMatchObject({ accepted: false, rejection: 'notConfirmed', message: '报名未确认：候补' });
    const early = new Date(event.startAt.getTime() - 3 * hour);
    expect(dataOf<ScanResult>(await selfCheckIn(member, makeCode('venue', event._id, venue.secret, early), { now: early }))).toMatchObject({ rejection: 'notOpenYet' });
    expect((await registrationOf(event._id, member)).checkin ?? null).toBeNull();
    expect(await harness.call(null, 'checkin', 'selfCheckIn', { code, nonce: nextNonce() })).toMatchObject(refusedWith('UNAUTHENTICATED'));
    expect(await harness.call(openIds.steward, 'checkin', 'venueCode', { eventId: event._id })).toMatchObject(refusedWith('FORBIDDEN'));
    expect((await scanLogDocs(event._id)).map((doc) => [doc.rejection, doc.source]).sort()).toEqual([
      ['expired', 'self'],
      ['notConfirmed', 'self'],
      ['notOpenYet', 'self'],
    ]);
  });
});

describe('round trips per action', () => {
  it('keeps the scan loop’s calls small', async () => {
    const event = await checkinEvent();
    const [member, other] = await signedUp(event._id, 2);
    const steward = await assignedSteward(event._id);
    const measure = async (openId: string, action: string, data: unknown) => {
      const { reply, roundTrips } = await harness.measure(openId, 'checkin', action, data);
      expect(codeOf(reply)).toBe('OK');
      return roundTrips;
    };
    // Member, event and registration side by side, the issuing write; then without it.
    expect(await measure(member, 'ticket', { eventId: event._id })).toBe(4);
    expect(await measure(member, 'ticket', { eventId: event._id })).toBe(3);
    const code = codeOfTicket(await ticketOf(member, event._id));
    expect(await measure(steward, 'redeem', { eventId: event._id, code, nonce: nextNonce(), device: '入口1号机' })).toBe(2);
    // Refused: the failed write, the registration read, the log.
    expect(await measure(steward, 'redeem', { eventId: event._id, code, nonce: nextNonce(), device: '入口1号机' })).toBe(4);
    expect(await measure(steward, 'counter', { eventId: event._id })).toBe(3);
    expect(await measure(steward, 'preload', { eventId: event._id })).toBe(3);
    const otherCode = codeOfTicket(await ticketOf(other, event._id));
    // Staff, one write per scan, then the counter: the event and the count.
    expect(await measure(steward, 'sync', { eventId: event._id, device: '离线A', scans: [{ code: otherCode, nonce: nextNonce(), scannedAt: seedNow.toISOString() }] })).toBe(4);
  });
});

describe('authority that goes away', () => {
  it('stops a steward whose grant was revoked from scanning with the staff document it enrolled', async () => {
    const event = await checkinEvent();
    const [attendee] = await signedUp(event._id, 1);
    const [holder] = await addMembers(harness, 1);
    const grant = { orgId: event.orgId, memberId: memberIdOf(holder), role: 'steward' };
    dataOf(await harness.call(openIds.lujiazuiOrganizer, 'orgs', 'grantRole', grant));
    dataOf(await harness.call(holder, 'checkin', 'openScanner', { eventId: event._id }));
    dataOf(await harness.call(openIds.lujiazuiOrganizer, 'orgs', 'revokeRole', grant));
    expect(codeOf(await redeem(holder, event._id, codeOfTicket(await ticketOf(attendee, event._id))))).toBe('FORBIDDEN');
  });

  it('erases a deleted steward from the staff and scan records, and a deleted attendee’s name from the scan log', async () => {
    const event = await checkinEvent();
    const [attendee] = await signedUp(event._id, 1);
    const steward = await assignedSteward(event._id);
    const code = codeOfTicket(await ticketOf(attendee, event._id));
    expect((await scanned(steward, event._id, code)).accepted).toBe(true);
    expect((await scanned(steward, event._id, code)).accepted).toBe(false);
    dataOf(await harness.call(steward, 'members', 'deleteAccount', { confirm: 'DELETE' }));
    dataOf(await harness.call(attendee, 'members', 'deleteAccount', { confirm: 'DELETE' }));
    const staff = (await harness.db.collection(collections.eventStaff).where({ eventId: event._id }).get()).data as EventStaffDoc[];
    expect(staff.filter((doc) => doc.memberId === memberIdOf(steward))).toHaveLength(0);
    const logged = (await harness.db.collection(collections.scanLog).where({ eventId: event._id }).get()).data as ScanLogDoc[];
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.every((doc) => doc.stewardName === '已注销用户' && doc.attendeeName === '已注销用户')).toBe(true);
    expect((await registrationOf(event._id, attendee)).checkin?.byName).toBe('已注销用户');
  });
});
