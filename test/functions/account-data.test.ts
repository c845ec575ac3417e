import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { invoke as invokeMembers } from '../../cloudfunctions/members';
import type { MyDataResult, MyRegistration, Notification, Page, RegistrationRow } from '../../cloudfunctions/shared/contract';
import { collections, type NotificationDoc, type RegistrationDoc } from '../../cloudfunctions/shared/data/documents';
import { dataOf, harnessForThisFile, openIds, seedNow } from '../support/functions';
import { addEvent, addMembers, checkCounters, codeOf, memberIdOf, nextRequestId, signUp, statusOf } from './signup-support';

const harness = harnessForThisFile();

const hour = 3600 * 1000;
const day = 24 * hour;
const erasedContact = { name: '已注销用户', mobile: '' };

function deleteAccount(openId: string) {
  return harness.call(openId, 'members', 'deleteAccount', { confirm: 'DELETE' });
}

async function notificationKinds(openId: string): Promise<string[]> {
  return dataOf<Page<Notification>>(await harness.call(openId, 'members', 'notifications', { pageSize: 50 })).items.map((note) => note.kind);
}

async function storedRowsOf(memberId: string): Promise<RegistrationDoc[]> {
  const { data } = await harness.db.collection(collections.registrations).where({ memberId }).limit(1000).get();
  return data as RegistrationDoc[];
}

async function storedNotificationsOf(memberId: string): Promise<NotificationDoc[]> {
  const { data } = await harness.db.collection(collections.notifications).where({ memberId }).limit(1000).get();
  return data as NotificationDoc[];
}

function createTeam(eventId: string, openId: string) {
  return harness.call(openId, 'events', 'createTeam', { eventId, requestId: nextRequestId(), teamName: '浦江飞鱼队', contact: { name: '队长', mobile: '13900002222' }, answers: {} });
}

async function teamEvent(capacity: number) {
  return addEvent(harness, { kind: 'sports', capacity, team: { minSize: 3, maxSize: 4 } });
}

/** A captain and two joiners: a team at its minimum size, confirmed if a seat is free. */
async function fullTeam(eventId: string): Promise<{ code: string; members: string[] }> {
  const members = await addMembers(harness, 3);
  const code = dataOf<MyRegistration>(await createTeam(eventId, members[0])).team!.inviteCode!;
  for (const openId of members.slice(1)) {
    dataOf(await harness.call(openId, 'events', 'joinTeam', { inviteCode: code, contact: { name: '队员', mobile: '13900003333' }, answers: {} }));
  }
  return { code, members };
}

/** An HTTP proxy in front of the emulator that fails the database requests `fails` picks, as a crash there would. */
async function startFailingProxy(fails: (params: { action?: string; collectionName?: string }) => boolean): Promise<{ url: string; close(): Promise<void> }> {
  const target = new URL(harness.cloud.serviceUrl);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (fails(JSON.parse(body.toString('utf8')))) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 'SYS_ERR', message: 'injected failure', requestId: 'injected' }));
        return;
      }
      // The Host header travels unchanged: the request is signed for the URL the client called.
      const forward = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('members.myData with sign-up records', () => {
  it('exports my registrations, the team I captain and my notifications, and nobody else’s', async () => {
    const event = await addEvent(harness, { capacity: 1 });
    const race = await teamEvent(5);
    const [other, me] = await addMembers(harness, 2);
    const myId = memberIdOf(me);
    await signUp(harness, event._id, other);
    await signUp(harness, event._id, me, { contact: { name: '周密', mobile: '13655550001' } });
    dataOf(await harness.call(other, 'events', 'cancel', { eventId: event._id }));
    const code = dataOf<MyRegistration>(await createTeam(race._id, me)).team!.inviteCode!;
    dataOf(await harness.call(other, 'events', 'joinTeam', { inviteCode: code, contact: { name: '吴其', mobile: '13655550002' }, answers: {} }));

    const exported = dataOf<MyDataResult>(await harness.call(me, 'members', 'myData'));
    expect(JSON.stringify(exported)).not.toContain(memberIdOf(other));
    expect(Object.keys(exported.collections).sort()).toEqual(['audit', 'clubMembers', 'clubNotes', 'members', 'noteReports', 'notifications', 'registrations']);
    const rows = exported.collections.registrations as { _id: string; kind: string; memberId: string; contact: unknown; createdAt: unknown; team: { inviteCode: string } | null }[];
    expect(rows.map((row) => [row._id, row.kind]).sort()).toEqual(
      [
        [`${event._id}_${myId}`, 'person'],
        [`${race._id}_${myId}`, 'teammate'],
        [`${race._id}_team_${code}`, 'team'],
      ].sort(),
    );
    for (const row of rows) {
      expect(row.memberId).toBe(myId);
      expect(typeof row.createdAt).toBe('string');
    }
    expect(rows.find((row) => row.kind === 'person')!.contact).toEqual({ name: '周密', mobile: '13655550001' });
    expect(rows.find((row) => row.kind === 'team')!.team).toEqual({ name: expect.any(String), inviteCode: code, size: 2, minSize: 3, maxSize: 4 });
    expect(exported.collections.notifications).toEqual([
      expect.objectContaining({ memberId: myId, kind: 'promoted', eventId: event._id, readAt: null, createdAt: seedNow.toISOString() }),
    ]);
    expect(JSON.stringify(exported)).not.toContain(memberIdOf(other));
  });

  it('exports more notifications than one query answers, and deletes them all', async () => {
    const [me] = await addMembers(harness, 1);
    const myId = memberIdOf(me);
    const notes = Array.from({ length: 1005 }, (_, i) => ({
      memberId: myId,
      kind: 'promoted' as const,
      eventId: 'ev-salon',
      title: `通知 ${i}`,
      body: '候补到位',
      createdAt: new Date(seedNow.getTime() - i * 1000),
      readAt: null,
      deliveredAt: null,
    }));
    for (let start = 0; start < notes.length; start += 500) await harness.db.collection(collections.notifications).add(notes.slice(start, start + 500));

    const exported = dataOf<MyDataResult>(await harness.call(me, 'members', 'myData'));
    expect(exported.collections.notifications).toHaveLength(1005);
    expect((exported.collections.notifications[0] as { title: string }).title).toBe('通知 0');

    expect(dataOf(await deleteAccount(me))).toEqual({ deleted: true });
    expect(await storedNotificationsOf(myId)).toEqual([]);
  });
});

describe('members.deleteAccount with sign-up records', () => {
  it('frees my seat for the first in line, closes my application, keeps past rows, and leaves nothing of my name, mobile or answers', async () => {
    const question = { id: 'firm', kind: 'text' as const, label: '所在单位', required: false, options: [] };
    const full = await addEvent(harness, { capacity: 1, questions: [question] });
    const salon = await addEvent(harness, { requiresApproval: true });
    const handAdded = await addEvent(harness, { capacity: 5 });
    const pastStart = new Date(seedNow.getTime() - 3 * day);
    const past = await addEvent(harness, {
      startAt: pastStart,
      endAt: new Date(pastStart.getTime() + 3 * hour),
      signupOpensAt: new Date(pastStart.getTime() - 10 * day),
      signupClosesAt: new Date(pastStart.getTime() - day),
      cancellationDeadline: null,
    });
    const [me, first, second] = await addMembers(harness, 3);
    const myId = memberIdOf(me);
    const mine = { contact: { name: '周密', mobile: '13655550001' }, answers: { firm: '浦江律师事务所' } };
    expect(dataOf<MyRegistration>(await signUp(harness, full._id, me, mine)).status).toBe('confirmed');
    expect(dataOf<MyRegistration>(await signUp(harness, full._id, first)).waitlistPosition).toBe(1);
    expect(dataOf<MyRegistration>(await signUp(harness, full._id, second)).waitlistPosition).toBe(2);
    expect(dataOf<MyRegistration>(await signUp(harness, salon._id, me, { contact: mine.contact })).status).toBe('pending');
    expect(dataOf<MyRegistration>(await signUp(harness, past._id, me, { contact: mine.contact }, new Date(pastStart.getTime() - 5 * day))).status).toBe('confirmed');
    dataOf(await harness.call(openIds.lujiazuiOrganizer, 'events', 'addMember', { eventId: handAdded._id, memberId: myId }));
    expect(await notificationKinds(me)).toEqual(['addedByOrganizer']);

    expect(dataOf(await deleteAccount(me))).toEqual({ deleted: true });

    expect(await statusOf(harness, full._id, first)).toMatchObject({ status: 'confirmed' });
    expect(await notificationKinds(first)).toEqual(['promoted']);
    expect(await statusOf(harness, full._id, second)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await checkCounters(harness, full._id)).toMatchObject({ consistent: true, counted: { seatsTaken: 1, waitlistCount: 1 } });
    expect(await checkCounters(harness, salon._id)).toMatchObject({ consistent: true, counted: { pendingCount: 0 } });
    expect(await checkCounters(harness, handAdded._id)).toMatchObject({ consistent: true, counted: { seatsTaken: 0 } });

    const rows = await storedRowsOf(myId);
    expect(rows.map((row) => [row.eventId, row.state]).sort()).toEqual(
      [
        [full._id, 'cancelled'],
        [salon._id, 'cancelled'],
        [handAdded._id, 'cancelled'],
        [past._id, 'active'],
      ].sort(),
    );
    for (const row of rows) expect([row.contact, row.answers]).toEqual([erasedContact, {}]);
    expect(JSON.stringify(rows)).not.toMatch(/周密|13655550001|浦江律师事务所|会员\d|139\d{8}/);
    expect(await storedNotificationsOf(myId)).toEqual([]);

    const list = dataOf<{ items: RegistrationRow[] }>(await harness.call(openIds.lujiazuiOrganizer, 'events', 'registrations', { eventId: full._id, status: 'cancelled' }));
    expect(list.items).toEqual([expect.objectContaining({ memberId: myId, name: '已注销用户', mobile: '', answers: {} })]);
  });

  it('disbands the team its captain leaves with, tells the others and seats the next team', async () => {
    const race = await teamEvent(1);
    const leaving = await fullTeam(race._id);
    const waiting = await fullTeam(race._id);
    const [captain, ...others] = leaving.members;
    expect(await statusOf(harness, race._id, waiting.members[0])).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

    expect(dataOf(await deleteAccount(captain))).toEqual({ deleted: true });

    for (const openId of others) {
      expect(await statusOf(harness, race._id, openId)).toMatchObject({ status: 'cancelled', team: null });
      expect(await notificationKinds(openId)).toContain('teamDisbanded');
    }
    for (const openId of waiting.members) {
      expect((await statusOf(harness, race._id, openId))!.status).toBe('confirmed');
      expect(await notificationKinds(openId)).toContain('promoted');
    }
    expect(await checkCounters(harness, race._id)).toMatchObject({ consistent: true, counted: { seatsTaken: 1, waitlistCount: 0 } });
    expect(codeOf(await harness.call(others[0], 'events', 'teamByCode', { inviteCode: leaving.code }))).toBe('TEAM_NOT_FOUND');
    const captainRows = await storedRowsOf(memberIdOf(captain));
    expect(captainRows.map((row) => [row.kind, row.state]).sort()).toEqual([
      ['team', 'cancelled'],
      ['teammate', 'cancelled'],
    ]);
    for (const row of captainRows) expect(row.contact).toEqual(erasedContact);
  });

  it('shrinks the team a member leaves with, below its minimum if need be, and keeps its seat', async () => {
    const race = await teamEvent(2);
    const { members } = await fullTeam(race._id);
    const [captain, leaver, stayer] = members;

    expect(dataOf(await deleteAccount(leaver))).toEqual({ deleted: true });

    const view = (await statusOf(harness, race._id, captain))!;
    expect(view).toMatchObject({ status: 'confirmed', team: { size: 2 } });
    expect(view.team!.members.map((member) => [member.isCaptain, member.isMe])).toEqual([
      [true, true],
      [false, false],
    ]);
    expect(await notificationKinds(captain)).not.toContain('teamDisbanded');
    // Leaving of one's own accord still keeps the minimum.
    expect(codeOf(await harness.call(stayer, 'events', 'cancel', { eventId: race._id }))).toBe('TEAM_BELOW_MINIMUM');
    expect(await checkCounters(harness, race._id)).toMatchObject({ consistent: true, counted: { seatsTaken: 1, waitlistCount: 0 } });
    expect(await storedRowsOf(memberIdOf(leaver))).toEqual([expect.objectContaining({ kind: 'teammate', state: 'cancelled', contact: erasedContact })]);
  });

  it('does the work once when the deletion is tapped twice at once, and a later one changes nothing', async () => {
    const event = await addEvent(harness, { capacity: 1 });
    const race = await teamEvent(3);
    const { members } = await fullTeam(race._id);
    const [captain, leaver] = members;
    const [next] = await addMembers(harness, 1);
    await signUp(harness, event._id, leaver);
    await signUp(harness, event._id, next);

    const replies = await Promise.all([deleteAccount(leaver), deleteAccount(leaver)]);
    for (const reply of replies) expect(reply).toEqual({ ok: true, data: { deleted: true } });

    expect((await statusOf(harness, race._id, captain))!.team!.size).toBe(2);
    expect(await notificationKinds(next)).toEqual(['promoted']);
    expect(await checkCounters(harness, event._id)).toMatchObject({ consistent: true, counted: { seatsTaken: 1, waitlistCount: 0 } });
    const erasedRows = await storedRowsOf(memberIdOf(leaver));

    expect(dataOf(await deleteAccount(leaver))).toEqual({ deleted: true });
    expect(await storedRowsOf(memberIdOf(leaver))).toEqual(erasedRows);
    expect((await statusOf(harness, race._id, captain))!.team!.size).toBe(2);
    expect(await notificationKinds(next)).toEqual(['promoted']);
  });

  it('finishes the job when retried after failing partway', async () => {
    const event = await addEvent(harness, { capacity: 1 });
    const [me, next] = await addMembers(harness, 2);
    const myId = memberIdOf(me);
    await signUp(harness, event._id, me);
    await signUp(harness, event._id, next);
    dataOf(await harness.call(openIds.lujiazuiOrganizer, 'events', 'addMember', { eventId: (await addEvent(harness))._id, memberId: myId }));

    const proxy = await startFailingProxy((params) => params.action === 'database.removeDocument' && params.collectionName === collections.notifications);
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const { reply } = await invokeMembers({ action: 'deleteAccount', data: { confirm: 'DELETE' } }, { openId: me, cloud: { ...harness.cloud, serviceUrl: proxy.url }, now: seedNow });
      expect(reply).toMatchObject({ ok: false, code: 'INTERNAL' });
    } finally {
      quiet.mockRestore();
      await proxy.close();
    }
    // Cut off after the registrations were dealt with: the seat has passed on, the account and notifications remain.
    expect((await statusOf(harness, event._id, next))!.status).toBe('confirmed');
    expect(await storedNotificationsOf(myId)).toHaveLength(1);
    expect((await harness.findMember(myId))!.deletedAt).toBeNull();

    expect(dataOf(await deleteAccount(me))).toEqual({ deleted: true });
    expect(await storedNotificationsOf(myId)).toEqual([]);
    expect(await harness.findMember(myId)).toMatchObject({ openId: `erased:${myId}`, profile: null });
    expect(await notificationKinds(next)).toEqual(['promoted']);
    expect(await checkCounters(harness, event._id)).toMatchObject({ consistent: true, counted: { seatsTaken: 1, waitlistCount: 0 } });
  });
});

describe('reading clubs in a member’s own data', () => {
  it('exports the member’s club memberships, notes and reports, and deletion takes them out of the club', async () => {
    const club = dataOf<{ id: string; memberCount: number }>(
      await harness.call(openIds.lujiazuiOrganizer, 'clubs', 'create', { requestId: nextRequestId(), orgId: 'org-street-lujiazui', name: '陆家嘴夜读', description: '', memberCap: null }),
    );
    dataOf(await harness.call(openIds.lujiazuiOrganizer, 'clubs', 'setBook', { clubId: club.id, book: { title: '置身事内', author: '兰小欢', isbn: '', reason: '' } }));
    const [reader, other] = await addMembers(harness, 2);
    for (const openId of [reader, other]) dataOf(await harness.call(openId, 'clubs', 'join', { clubId: club.id }));
    const othersNote = dataOf<{ id: string }>(await harness.call(other, 'clubs', 'postNote', { clubId: club.id, text: '读到第三章，讲地方债。', quote: '', page: null }));
    dataOf(await harness.call(reader, 'clubs', 'postNote', { clubId: club.id, text: '第一章的土地财政讲得透彻。', quote: '', page: 12 }));
    dataOf(await harness.call(reader, 'clubs', 'reportNote', { noteId: othersNote.id }));

    const exported = dataOf<{ collections: Record<string, unknown[]> }>(await harness.call(reader, 'members', 'myData', {}));
    expect(exported.collections.clubMembers).toHaveLength(1);
    expect(exported.collections.clubNotes).toEqual([expect.objectContaining({ text: '第一章的土地财政讲得透彻。' })]);
    expect(exported.collections.noteReports).toHaveLength(1);

    dataOf(await harness.call(reader, 'members', 'deleteAccount', { confirm: 'DELETE' }));
    const after = dataOf<{ memberCount: number }>(await harness.call(other, 'clubs', 'get', { clubId: club.id }));
    expect(after.memberCount).toBe(1);
    for (const collection of ['clubMembers', 'clubNotes', 'noteReports']) {
      const { data } = await harness.db.collection(collection).where({ memberId: memberIdOf(reader) }).get();
      expect(data).toHaveLength(0);
    }
  });
});
