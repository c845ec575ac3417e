import type {
  ClubDetail,
  ClubSessionSummary,
  ClubStats,
  ClubSummary,
  EventDetail,
  MyReading,
  MyRegistration,
  NoteView,
  Page,
  Reply,
  ScanResult,
  VenueCodeView,
} from '../../cloudfunctions/shared/contract';
import { clubLimits } from '../../cloudfunctions/shared/contract/club-limits';
import { makeCode } from '../../cloudfunctions/shared/contract/ticket-code';
import { collections, type AuditDoc, type ClubMemberDoc, type EventDoc } from '../../cloudfunctions/shared/data/documents';
import { dataOf, harnessForThisFile, openIds, orgIds, seedNow } from '../support/functions';
import { addMembers, signUp, nextRequestId } from './signup-support';

const harness = harnessForThisFile();

const minute = 60 * 1000;
const hour = 60 * minute;
const day = 24 * hour;
const organizer = openIds.lujiazuiOrganizer;

function refusedWith(code: string) {
  return { ok: false, code };
}

function clubs(openId: string | null, action: string, data: unknown = {}, now = seedNow): Promise<Reply<unknown>> {
  return harness.call(openId, 'clubs', action, data, { now });
}

let clubCounter = 0;
async function newClub(memberCap: number | null = null): Promise<ClubDetail> {
  return dataOf<ClubDetail>(await clubs(organizer, 'create', { requestId: nextRequestId(), orgId: orgIds.lujiazuiReading, name: `测试读书会${++clubCounter}`, description: '每周共读', memberCap }));
}

const book = { title: '乡土中国', author: '费孝通', isbn: '9787101071233', reason: '理解中国基层社会' };

/** A club with a current book and members who joined it. */
async function clubWithMembers(count: number): Promise<{ club: ClubDetail; members: string[] }> {
  const club = await newClub();
  dataOf(await clubs(organizer, 'setBook', { clubId: club.id, book }));
  const members = await addMembers(harness, count);
  for (const member of members) dataOf(await clubs(member, 'join', { clubId: club.id }));
  return { club, members };
}

/** Saturdays at 19:30 in Shanghai; from seedNow (Wednesday 25 Nov 2026) the first is 28 Nov. */
const saturdays = {
  frequency: 'weekly',
  weekday: 6,
  time: '19:30',
  durationMinutes: 90,
  venue: { name: '浦东图书馆 4 楼研讨室', address: '浦东新区前程路 88 号' },
  seats: 3,
  ahead: 4,
};

async function stored<T>(collection: string, id: string): Promise<T | null> {
  const { data } = await harness.db.collection(collection).doc(id).get();
  return (data as T[])[0] ?? null;
}

async function sessionsOf(clubId: string): Promise<EventDoc[]> {
  const { data } = await harness.db.collection(collections.events).where({ 'clubSession.clubId': clubId }).orderBy('startAt', 'asc').limit(100).get();
  return data as EventDoc[];
}

/** What an organizer sends to events.update to change one thing of a stored event. */
function fieldsOf(event: EventDoc, changes: Record<string, unknown>) {
  return {
    title: event.title,
    kind: event.kind,
    description: event.description,
    venue: event.venue,
    startAt: event.startAt.toISOString(),
    endAt: event.endAt.toISOString(),
    signupOpensAt: event.signupOpensAt.toISOString(),
    signupClosesAt: event.signupClosesAt.toISOString(),
    cancellationDeadline: null,
    capacity: event.capacity,
    ...changes,
  };
}

describe('clubs and their organizers', () => {
  it('lets organizers of the organisation or above it create and edit a club, and no one else', async () => {
    const created = await newClub(30);
    expect(created).toMatchObject({ orgId: orgIds.lujiazuiReading, orgName: '陆家嘴悦读会', memberCount: 0, memberCap: 30, canManage: true, joined: false, myNotes: null, schedule: null, books: [] });
    const audit = (await harness.db.collection(collections.audit).where({ 'target.id': created.id }).get()).data as AuditDoc[];
    expect(audit).toMatchObject([{ action: 'create', actorMemberId: 'm-lujiazui-organizer', orgId: orgIds.lujiazuiReading }]);

    const edit = { clubId: created.id, name: '陆家嘴周末读书会', description: '周末共读', memberCap: 40 };
    expect(dataOf<ClubDetail>(await clubs(openIds.generalOrganizer, 'update', edit))).toMatchObject({ name: '陆家嘴周末读书会', memberCap: 40 });
    const forbidden: [string, Record<string, unknown>][] = [
      ['update', edit],
      ['setBook', { clubId: created.id, book }],
      ['setSchedule', { clubId: created.id, schedule: saturdays }],
      ['generateSessions', { clubId: created.id }],
      ['stats', { clubId: created.id }],
    ];
    for (const caller of [openIds.huamuOrganizer, openIds.steward, openIds.member]) {
      expect(await clubs(caller, 'create', { requestId: nextRequestId(), orgId: orgIds.lujiazuiReading, name: '别人的读书会' })).toMatchObject(refusedWith('FORBIDDEN'));
      for (const [action, data] of forbidden) expect(await clubs(caller, action, data)).toMatchObject(refusedWith('FORBIDDEN'));
    }
    expect(await clubs(null, 'create', { requestId: nextRequestId(), orgId: orgIds.lujiazuiReading, name: '匿名' })).toMatchObject(refusedWith('UNAUTHENTICATED'));
    expect(await clubs(organizer, 'create', { requestId: nextRequestId(), orgId: 'org-nowhere', name: '不存在' })).toMatchObject(refusedWith('NOT_FOUND'));

    // A create retried after a lost answer (or raced by a double tap) answers the same club.
    const requestId = nextRequestId();
    const retried = await Promise.all([0, 1, 2].map(() => clubs(organizer, 'create', { requestId, orgId: orgIds.lujiazuiReading, name: '重试的读书会' })));
    const retriedIds = retried.map((reply) => dataOf<ClubDetail>(reply).id);
    expect(new Set(retriedIds).size).toBe(1);
    expect((await harness.db.collection(collections.clubs).where({ name: '重试的读书会' }).count()).total).toBe(1);
    expect((await harness.db.collection(collections.audit).where({ 'target.id': retriedIds[0] }).count()).total).toBe(1);

    const seen = dataOf<ClubDetail>(await clubs(null, 'get', { clubId: created.id }));
    expect(seen).toMatchObject({ name: '陆家嘴周末读书会', canManage: false, joined: false });
    expect(await clubs(null, 'get', { clubId: 'club-nowhere' })).toMatchObject(refusedWith('NOT_FOUND'));
    const listed = dataOf<Page<ClubSummary>>(await clubs(null, 'list', { page: 1, pageSize: 50 }));
    expect(listed.items.map((club) => club.id)).toContain(created.id);
  });

  it('keeps a history of books, with covers in file storage', async () => {
    const club = await newClub();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
    const first = dataOf<ClubDetail>(await clubs(organizer, 'setBook', { clubId: club.id, book: { ...book, cover: `data:image/png;base64,${png.toString('base64')}` } }));
    expect(first.currentBook).toMatchObject({ title: '乡土中国', author: '费孝通', finishedAt: null, coverUrl: expect.stringMatching(/^http/) });
    const cover = await fetch(first.currentBook!.coverUrl!);
    expect(Buffer.from(await cover.arrayBuffer())).toEqual(png);

    // The same book again edits it; another book moves it into the history.
    const edited = dataOf<ClubDetail>(await clubs(organizer, 'setBook', { clubId: club.id, book: { ...book, reason: '新的推荐理由' } }, new Date(seedNow.getTime() + minute)));
    expect(edited.currentBook).toMatchObject({ reason: '新的推荐理由', coverUrl: expect.stringMatching(/^http/) });
    expect(edited.books).toEqual([]);
    const later = new Date(seedNow.getTime() + 30 * day);
    const second = dataOf<ClubDetail>(await clubs(organizer, 'setBook', { clubId: club.id, book: { title: '置身事内', author: '兰小欢' } }, later));
    expect(second.currentBook).toMatchObject({ title: '置身事内', coverUrl: null, startedAt: later.toISOString() });
    expect(second.books).toMatchObject([{ title: '乡土中国', finishedAt: later.toISOString(), coverUrl: expect.stringMatching(/^http/) }]);

    const gif = Buffer.from('GIF89a-not-a-cover').toString('base64');
    expect(await clubs(organizer, 'setBook', { clubId: club.id, book: { ...book, cover: gif } })).toMatchObject({ ...refusedWith('COVER_IMAGE_INVALID'), message: '封面图片格式不正确，仅支持 PNG 或 JPEG' });
    expect(await clubs(organizer, 'setBook', { clubId: club.id, book: { ...book, isbn: '12345' } })).toMatchObject({ ...refusedWith('VALIDATION_FAILED'), field: 'book.isbn' });
    expect(await clubs(organizer, 'setBook', { clubId: club.id, book: { ...book, title: '' } })).toMatchObject({ ...refusedWith('VALIDATION_FAILED'), field: 'book.title', message: '请填写书名' });
  });
});

describe('joining and leaving', () => {
  it('counts a member once, however often they tap, and lets them leave and come back', async () => {
    const club = await newClub();
    const [member] = await addMembers(harness, 1);
    const joins = await Promise.all([1, 2, 3].map(() => clubs(member, 'join', { clubId: club.id })));
    for (const reply of joins) expect(dataOf<ClubDetail>(reply)).toMatchObject({ joined: true });
    expect(dataOf<ClubDetail>(await clubs(member, 'get', { clubId: club.id }))).toMatchObject({ memberCount: 1, joined: true, myNotes: { count: 0, streakDays: 0 } });

    expect(dataOf<ClubDetail>(await clubs(member, 'leave', { clubId: club.id }))).toMatchObject({ memberCount: 0, joined: false });
    expect(await clubs(member, 'leave', { clubId: club.id })).toMatchObject({ ...refusedWith('NOT_CLUB_MEMBER'), message: '请先加入该读书会' });
    expect(dataOf<ClubDetail>(await clubs(member, 'join', { clubId: club.id }))).toMatchObject({ memberCount: 1, joined: true });
    const listed = dataOf<Page<ClubSummary>>(await clubs(member, 'list', { page: 1, pageSize: 50 }));
    expect(listed.items.find((item) => item.id === club.id)).toMatchObject({ joined: true, memberCount: 1 });
  });

  it('asks for a profile, and a signed-in caller', async () => {
    const club = await newClub();
    expect(await clubs(openIds.consentedOnly, 'join', { clubId: club.id })).toMatchObject(refusedWith('PROFILE_REQUIRED'));
    expect(await clubs(null, 'join', { clubId: club.id })).toMatchObject(refusedWith('UNAUTHENTICATED'));
    expect(await clubs(openIds.member, 'join', { clubId: 'club-nowhere' })).toMatchObject(refusedWith('NOT_FOUND'));
  });

  it('admits exactly as many as the cap leaves room for when they join at once', async () => {
    const club = await newClub(3);
    const [first, second, ...rest] = await addMembers(harness, 7);
    for (const member of [first, second]) dataOf(await clubs(member, 'join', { clubId: club.id }));
    const replies = await Promise.all(rest.map((member) => clubs(member, 'join', { clubId: club.id })));
    expect(replies.filter((reply) => reply.ok)).toHaveLength(1);
    expect(replies.filter((reply) => !reply.ok)).toEqual(Array(4).fill({ ok: false, code: 'CLUB_FULL', message: '读书会成员已满' }));
    const { data } = await harness.db.collection(collections.clubMembers).where({ clubId: club.id, state: 'active' }).get();
    expect(data).toHaveLength(3);
    expect(dataOf<ClubDetail>(await clubs(null, 'get', { clubId: club.id })).memberCount).toBe(3);

    // A cap may not go below the members there are; raising it lets the next one in.
    expect(await clubs(organizer, 'update', { clubId: club.id, name: club.name, description: '', memberCap: 2 })).toMatchObject({ ...refusedWith('VALIDATION_FAILED'), field: 'memberCap' });
    dataOf(await clubs(organizer, 'update', { clubId: club.id, name: club.name, description: '', memberCap: 4 }));
    const waiting = replies.findIndex((reply) => !reply.ok);
    expect(dataOf<ClubDetail>(await clubs(rest[waiting], 'join', { clubId: club.id }))).toMatchObject({ memberCount: 4, joined: true });
  });
});

describe('sessions from the schedule', () => {
  it('generates the sessions ahead as events, once, and the timer keeps them coming', async () => {
    const club = await newClub();
    expect(await clubs(organizer, 'generateSessions', { clubId: club.id })).toMatchObject(refusedWith('NO_SCHEDULE'));
    expect(await clubs(organizer, 'setSchedule', { clubId: club.id, schedule: { ...saturdays, weekday: undefined } })).toMatchObject({ ...refusedWith('VALIDATION_FAILED'), field: 'schedule.weekday' });
    expect(await clubs(organizer, 'setSchedule', { clubId: club.id, schedule: { ...saturdays, seats: '3' } })).toMatchObject({ ...refusedWith('VALIDATION_FAILED'), field: 'schedule.seats' });

    const scheduled = dataOf<ClubDetail>(await clubs(organizer, 'setSchedule', { clubId: club.id, schedule: saturdays }));
    expect(scheduled.scheduleText).toBe('每周六 19:30 · 浦东图书馆 4 楼研讨室');
    expect(scheduled.upcomingSessions.map((session) => session.occurrence)).toEqual(['2026-11-28', '2026-12-05', '2026-12-12', '2026-12-19']);
    expect(scheduled.upcomingSessions[0]).toMatchObject({ id: `club-${club.id}-2026-11-28`, kind: 'reading', status: 'published', startAt: '2026-11-28T11:30:00.000Z', capacity: 3, topic: '' });
    expect(scheduled.nextSession?.id).toBe(`club-${club.id}-2026-11-28`);

    expect(dataOf<{ created: number }>(await clubs(organizer, 'generateSessions', { clubId: club.id }))).toMatchObject({ created: 0 });
    // A week on, one more Saturday is due: three runs at once create it once.
    const weekLater = new Date(seedNow.getTime() + 7 * day);
    const runs = await Promise.all([1, 2, 3].map(() => clubs(organizer, 'generateSessions', { clubId: club.id }, weekLater)));
    expect(runs.map((reply) => dataOf<{ created: number }>(reply).created).sort()).toEqual([0, 0, 1]);
    expect((await sessionsOf(club.id)).map((session) => session.clubSession!.occurrence)).toEqual(['2026-11-28', '2026-12-05', '2026-12-12', '2026-12-19', '2026-12-26']);

    // The timer trigger runs generateDue for every club with a schedule; anyone may run it, to no harm.
    const twoWeeksLater = new Date(seedNow.getTime() + 14 * day);
    const { reply } = await harness.invokeRaw(null, 'clubs', { Type: 'Timer', TriggerName: 'generate-sessions', Time: twoWeeksLater.toISOString() }, { now: twoWeeksLater });
    expect(reply).toMatchObject({ ok: true, data: { created: expect.any(Number), clubs: expect.any(Number) } });
    expect((await sessionsOf(club.id)).map((session) => session.clubSession!.occurrence)).toContain('2027-01-02');
    expect(dataOf<{ created: number }>(await clubs(openIds.member, 'generateDue', {}, twoWeeksLater)).created).toBe(0);
  });

  it('does not bring back a session an organizer moved or cancelled', async () => {
    const club = await newClub();
    dataOf(await clubs(organizer, 'setSchedule', { clubId: club.id, schedule: saturdays }));
    const [first, second] = await sessionsOf(club.id);
    const moved = new Date(first.startAt.getTime() + day);
    dataOf<EventDetail>(
      await harness.call(organizer, 'events', 'update', {
        id: first._id,
        fields: fieldsOf(first, { startAt: moved.toISOString(), endAt: new Date(moved.getTime() + 90 * minute).toISOString(), signupClosesAt: moved.toISOString() }),
      }),
    );
    dataOf(await harness.call(organizer, 'events', 'cancelEvent', { id: second._id, message: '图书馆闭馆' }));

    dataOf(await clubs(organizer, 'generateSessions', { clubId: club.id }));
    const after = await sessionsOf(club.id);
    expect(after.filter((session) => session.clubSession!.occurrence === '2026-11-28')).toMatchObject([{ _id: first._id, startAt: moved }]);
    expect(after.filter((session) => session.clubSession!.occurrence === '2026-12-05')).toMatchObject([{ status: 'cancelled' }]);
    const detail = dataOf<ClubDetail>(await clubs(null, 'get', { clubId: club.id }));
    expect(detail.upcomingSessions.map((session) => [session.occurrence, session.status])).toEqual([
      ['2026-11-28', 'published'],
      ['2026-12-05', 'cancelled'],
      ['2026-12-12', 'published'],
      ['2026-12-19', 'published'],
    ]);
    expect(detail.nextSession).toMatchObject({ occurrence: '2026-11-28', startAt: moved.toISOString() });
  });

  it('replaces the untouched sessions when the schedule changes, keeping those in use', async () => {
    const club = await newClub();
    dataOf(await clubs(organizer, 'setSchedule', { clubId: club.id, schedule: saturdays }));
    const [member] = await addMembers(harness, 1);
    dataOf(await signUp(harness, `club-${club.id}-2026-11-28`, member));
    const fridays = dataOf<ClubDetail>(await clubs(organizer, 'setSchedule', { clubId: club.id, schedule: { ...saturdays, weekday: 5 } }, new Date(seedNow.getTime() + minute)));
    expect(fridays.upcomingSessions.map((session) => session.occurrence)).toEqual(['2026-11-27', '2026-11-28', '2026-12-04', '2026-12-11', '2026-12-18']);
    const stopped = dataOf<ClubDetail>(await clubs(organizer, 'setSchedule', { clubId: club.id, schedule: null }, new Date(seedNow.getTime() + 2 * minute)));
    expect(stopped).toMatchObject({ schedule: null, scheduleText: null });
    expect(stopped.upcomingSessions.map((session) => session.occurrence)).toEqual(['2026-11-28']);
  });

  it('takes sign-ups and check-ins like any event, and counts them for the organizers', async () => {
    const { club, members } = await clubWithMembers(4);
    dataOf(await clubs(organizer, 'setSchedule', { clubId: club.id, schedule: saturdays }));
    const sessionId = `club-${club.id}-2026-11-28`;
    const [lin, sun, tang, late] = members;
    for (const member of [lin, sun, tang]) expect(dataOf<MyRegistration>(await signUp(harness, sessionId, member)).status).toBe('confirmed');
    expect(dataOf<MyRegistration>(await signUp(harness, sessionId, late)).status).toBe('waitlisted');
    const listed = dataOf<Page<{ id: string }>>(await harness.call(null, 'events', 'list', { kind: 'reading', from: '2026-11-28', to: '2026-11-28' }));
    expect(listed.items.map((event) => event.id)).toContain(sessionId);

    const topic = dataOf<ClubSessionSummary>(await clubs(organizer, 'setSessionTopic', { eventId: sessionId, topic: '第一至三章：乡土本色' }));
    expect(topic).toMatchObject({ id: sessionId, topic: '第一至三章：乡土本色', seatsTaken: 3, waitlistCount: 1 });
    expect(await clubs(openIds.huamuOrganizer, 'setSessionTopic', { eventId: sessionId, topic: '别人' })).toMatchObject(refusedWith('FORBIDDEN'));
    expect(await clubs(organizer, 'setSessionTopic', { eventId: 'ev-forum', topic: '不是共读' })).toMatchObject(refusedWith('NOT_CLUB_SESSION'));
    dataOf(await harness.call(organizer, 'events', 'cancelEvent', { id: `club-${club.id}-2026-12-05`, message: '休会' }));
    expect(await clubs(organizer, 'setSessionTopic', { eventId: `club-${club.id}-2026-12-05`, topic: '第四章' })).toMatchObject(refusedWith('EVENT_NOT_EDITABLE'));

    // At the venue: one member scans the rotating venue code, another is checked in by hand.
    const during = new Date('2026-11-28T11:40:00Z');
    const venue = dataOf<VenueCodeView>(await harness.call(organizer, 'checkin', 'venueCode', { eventId: sessionId }, { now: during }));
    const selfScan = await harness.call(lin, 'checkin', 'selfCheckIn', { code: makeCode('venue', sessionId, venue.secret, during), nonce: 'club-self-1' }, { now: during });
    expect(dataOf<ScanResult>(selfScan)).toMatchObject({ accepted: true });
    const byHand = await harness.call(organizer, 'checkin', 'checkInByHand', { eventId: sessionId, memberId: tang.replace('openid-signup-', 'm-signup-'), nonce: 'club-hand-1', device: '服务台' }, { now: during });
    expect(dataOf<ScanResult>(byHand)).toMatchObject({ accepted: true });

    const next = new Date('2026-11-29T02:00:00Z');
    dataOf(await clubs(lin, 'postNote', { clubId: club.id, text: '熟人社会的差序格局' }, next));
    const stats = dataOf<ClubStats>(await clubs(organizer, 'stats', { clubId: club.id }, next));
    expect(stats.sessions).toEqual([{ eventId: sessionId, title: `${club.name}·《乡土中国》共读`, topic: '第一至三章：乡土本色', startAt: '2026-11-28T11:30:00.000Z', confirmed: 3, checkedIn: 2 }]);
    const byMember = new Map(stats.members.map((row) => [row.memberId, row]));
    expect(byMember.get(lin.replace('openid-signup-', 'm-signup-'))).toMatchObject({ attended: 1, sessions: 1, rate: 1, notes: 1 });
    expect(byMember.get(sun.replace('openid-signup-', 'm-signup-'))).toMatchObject({ attended: 0, sessions: 1, rate: 0 });
    expect(stats).toMatchObject({ activeReaders: 1, memberCount: 4 });
    const past = dataOf<Page<ClubSessionSummary>>(await clubs(null, 'sessions', { clubId: club.id, when: 'past' }, next));
    expect(past.items.map((session) => session.id)).toEqual([sessionId]);
    const upcoming = dataOf<Page<ClubSessionSummary>>(await clubs(null, 'sessions', { clubId: club.id, when: 'upcoming', pageSize: 2 }, next));
    expect(upcoming).toMatchObject({ hasMore: true, items: [{ occurrence: '2026-12-05', status: 'cancelled' }, { occurrence: '2026-12-12' }] });
  });
});

describe('reading notes', () => {
  function post(openId: string, clubId: string, text: string, now = seedNow) {
    return clubs(openId, 'postNote', { clubId, text, quote: '', page: 12 }, now);
  }

  function feed(openId: string | null, clubId: string, pageSize = 20): Promise<Page<NoteView>> {
    return clubs(openId, 'notes', { clubId, page: 1, pageSize }).then((reply) => dataOf<Page<NoteView>>(reply));
  }

  it('takes notes from members only, on the current book, within the length limit', async () => {
    const club = await newClub();
    const [member, outsider] = await addMembers(harness, 2);
    dataOf(await clubs(member, 'join', { clubId: club.id }));
    expect(await post(member, club.id, '还没有书')).toMatchObject(refusedWith('NO_CURRENT_BOOK'));
    dataOf(await clubs(organizer, 'setBook', { clubId: club.id, book }));
    expect(await post(outsider, club.id, '我不是成员')).toMatchObject(refusedWith('NOT_CLUB_MEMBER'));
    expect(await post(openIds.consentedOnly, club.id, '没有资料')).toMatchObject(refusedWith('PROFILE_REQUIRED'));
    expect(await post(member, club.id, '字'.repeat(clubLimits.noteText + 1))).toEqual({ ok: false, code: 'VALIDATION_FAILED', message: '读书笔记不能超过 1000 个字', field: 'text' });
    expect(await post(member, club.id, '   ')).toMatchObject({ ...refusedWith('VALIDATION_FAILED'), field: 'text', message: '请填写读书笔记' });
    const note = dataOf<NoteView>(await post(member, club.id, '差序格局像水波纹'));
    expect(note).toMatchObject({ clubId: club.id, bookTitle: '乡土中国', text: '差序格局像水波纹', page: 12, isMine: true, pinned: false, hidden: false, authorName: expect.any(String) });
    dataOf(await clubs(member, 'leave', { clubId: club.id }));
    expect(await post(member, club.id, '离开之后')).toMatchObject(refusedWith('NOT_CLUB_MEMBER'));
  });

  it('limits notes per Shanghai day, even when they are sent at once, and keeps the streak', async () => {
    const { club, members } = await clubWithMembers(1);
    const [member] = members;
    // 23:50 on 25 November in Shanghai; ten minutes later it is 26 November there, still 25 November in UTC.
    const lateEvening = new Date('2026-11-25T15:50:00Z');
    const replies = await Promise.all(Array.from({ length: clubLimits.notesPerDay + 3 }, (_, i) => post(member, club.id, `第${i}条`, lateEvening)));
    expect(replies.filter((reply) => reply.ok)).toHaveLength(clubLimits.notesPerDay);
    expect(replies.filter((reply) => !reply.ok)).toEqual(Array(3).fill({ ok: false, code: 'NOTE_RATE_LIMITED', message: '今天在该读书会发布的笔记已达 5 条，明天再来吧' }));
    const ids = replies.flatMap((reply) => (reply.ok ? [(reply.data as NoteView).id] : []));
    expect(new Set(ids).size).toBe(clubLimits.notesPerDay);
    const pastMidnight = new Date('2026-11-25T16:01:00Z');
    dataOf(await post(member, club.id, '新的一天', pastMidnight));
    const membership = await stored<ClubMemberDoc>(collections.clubMembers, `${club.id}_${member.replace('openid-signup-', 'm-signup-')}`);
    expect(membership).toMatchObject({ noteCount: 6, lastNoteDay: '2026-11-26', lastDayNotes: 1, streakDays: 2, bestStreakDays: 2 });
    const detail = dataOf<ClubDetail>(await clubs(member, 'get', { clubId: club.id }, pastMidnight));
    expect(detail.myNotes).toEqual({ count: 6, streakDays: 2 });
    expect(dataOf<MyReading>(await clubs(member, 'myReading', {}, pastMidnight))).toEqual({
      clubs: [{ clubId: club.id, name: club.name, count: 6, streakDays: 2 }],
      totalNotes: 6,
      longestStreakDays: 2,
    });
    // Two days without a note end the streak; the best one stays.
    expect(dataOf<MyReading>(await clubs(member, 'myReading', {}, new Date(pastMidnight.getTime() + 2 * day))).clubs[0].streakDays).toBe(0);
  });

  it('shows pinned notes first, then the newest, a page at a time', async () => {
    const { club, members } = await clubWithMembers(2);
    const [a, b] = members;
    const first = dataOf<NoteView>(await post(a, club.id, '第一条', new Date(seedNow.getTime() + minute)));
    dataOf(await post(b, club.id, '第二条', new Date(seedNow.getTime() + 2 * minute)));
    dataOf(await post(a, club.id, '第三条', new Date(seedNow.getTime() + 3 * minute)));
    expect((await feed(null, club.id)).items.map((note) => note.text)).toEqual(['第三条', '第二条', '第一条']);
    expect(dataOf<NoteView>(await clubs(organizer, 'pinNote', { noteId: first.id, pinned: true }))).toMatchObject({ pinned: true });
    expect(await clubs(openIds.huamuOrganizer, 'pinNote', { noteId: first.id, pinned: false })).toMatchObject(refusedWith('FORBIDDEN'));
    expect(await clubs(a, 'pinNote', { noteId: first.id, pinned: false })).toMatchObject(refusedWith('FORBIDDEN'));
    const page = await feed(b, club.id, 2);
    expect(page).toMatchObject({ hasMore: true, items: [{ text: '第一条', pinned: true }, { text: '第三条', isMine: false }] });
    const second = dataOf<Page<NoteView>>(await clubs(b, 'notes', { clubId: club.id, page: 2, pageSize: 2 }));
    expect(second).toMatchObject({ hasMore: false, items: [{ text: '第二条', isMine: true }] });
    dataOf(await clubs(organizer, 'pinNote', { noteId: first.id, pinned: false }));
    expect((await feed(null, club.id)).items[0].text).toBe('第三条');
  });

  it('hides a note reported three times from members, but not from its author, until an organizer decides', async () => {
    const { club, members } = await clubWithMembers(5);
    const [author, ...readers] = members;
    const [outsider] = await addMembers(harness, 1);
    const note = dataOf<NoteView>(await post(author, club.id, '一条有争议的笔记'));
    expect(await clubs(author, 'reportNote', { noteId: note.id })).toMatchObject({ ...refusedWith('FORBIDDEN'), message: '不能举报自己的笔记' });
    expect(await clubs(outsider, 'reportNote', { noteId: note.id })).toMatchObject(refusedWith('NOT_CLUB_MEMBER'));
    expect(dataOf<NoteView>(await clubs(readers[0], 'reportNote', { noteId: note.id }))).toMatchObject({ reportedByMe: true, hidden: false, reportCount: 0 });
    // A repeat report counts once; two more at once hide it.
    dataOf(await clubs(readers[0], 'reportNote', { noteId: note.id }));
    await Promise.all(readers.slice(1, 3).map(async (reader) => dataOf(await clubs(reader, 'reportNote', { noteId: note.id }))));

    expect((await feed(readers[3], club.id)).items).toEqual([]);
    expect((await feed(null, club.id)).items).toEqual([]);
    expect((await feed(author, club.id)).items).toMatchObject([{ id: note.id, hidden: true, isMine: true, reportCount: 0 }]);
    expect((await feed(organizer, club.id)).items).toMatchObject([{ id: note.id, hidden: true, awaitingDecision: true, reportCount: 3 }]);
    expect(await clubs(readers[3], 'reportNote', { noteId: note.id })).toMatchObject(refusedWith('NOT_FOUND'));
    expect(dataOf<NoteView>(await clubs(readers[0], 'reportNote', { noteId: note.id }))).toMatchObject({ reportedByMe: true });

    expect(await clubs(openIds.huamuOrganizer, 'moderateNote', { noteId: note.id, hidden: false })).toMatchObject(refusedWith('FORBIDDEN'));
    expect(dataOf<NoteView>(await clubs(organizer, 'moderateNote', { noteId: note.id, hidden: false }))).toMatchObject({ hidden: false, awaitingDecision: false, reportCount: 3 });
    expect((await feed(readers[3], club.id)).items).toMatchObject([{ id: note.id, hidden: false, reportedByMe: false }]);
    expect((await feed(readers[0], club.id)).items).toMatchObject([{ id: note.id, reportedByMe: true }]);

    dataOf(await clubs(organizer, 'moderateNote', { noteId: note.id, hidden: true }));
    expect((await feed(readers[3], club.id)).items).toEqual([]);
    expect((await feed(author, club.id)).items).toMatchObject([{ hidden: true }]);
    expect((await feed(organizer, club.id)).items).toMatchObject([{ hidden: true, awaitingDecision: false }]);
    expect(await clubs(organizer, 'moderateNote', { noteId: 'note-nowhere', hidden: true })).toMatchObject(refusedWith('NOT_FOUND'));
  });
});

describe('round trips', () => {
  it('answers what members do most in a few database round trips', async () => {
    const { club } = await clubWithMembers(1);
    dataOf(await clubs(organizer, 'setSchedule', { clubId: club.id, schedule: saturdays }));
    const [member] = await addMembers(harness, 1);
    const trips: Record<string, number> = {};
    const calls: [string, string | null, string, Record<string, unknown>][] = [
      ['join', member, 'join', { clubId: club.id }],
      ['get', member, 'get', { clubId: club.id }],
      ['list', member, 'list', {}],
      ['postNote', member, 'postNote', { clubId: club.id, text: '今天读了两章' }],
      ['notes', member, 'notes', { clubId: club.id }],
      ['myReading', member, 'myReading', {}],
    ];
    for (const [name, openId, action, data] of calls) {
      const { reply, roundTrips } = await harness.measure(openId, 'clubs', action, data);
      expect(reply).toMatchObject({ ok: true });
      trips[name] = roundTrips;
    }
    expect(trips).toEqual({ join: 7, get: 5, list: 4, postNote: 5, notes: 6, myReading: 3 });
  });
});
