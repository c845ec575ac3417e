import { clubLimits } from '../../cloudfunctions/shared/contract/clubs';
import type { ClubBookDoc, ClubMemberDoc, ClubNoteDoc, EventDoc, RegistrationDoc } from '../../cloudfunctions/shared/data/documents';
import {
  afterDecision,
  afterReport,
  assertMayReport,
  assertMemberCap,
  awaitsDecision,
  coverPath,
  currentStreak,
  hasRoom,
  isVisibleToMembers,
  newMembership,
  newNoteDoc,
  noteId,
  planNoteQuota,
  readCoverImage,
  requireActiveMembership,
  withBook,
} from '../../cloudfunctions/shared/domain/club-rules';
import { clubStats } from '../../cloudfunctions/shared/domain/club-stats';
import { memberName, toMyReading, toNoteView } from '../../cloudfunctions/shared/domain/club-views';
import { eventDoc } from './fixtures';

const day = 24 * 3600 * 1000;
/** 10:00 on 25 November 2026 in Shanghai. */
const now = new Date('2026-11-25T02:00:00Z');

function membership(overrides: Partial<ClubMemberDoc> = {}): ClubMemberDoc {
  return { ...newMembership('club-1', 'm-1', new Date(now.getTime() - 40 * day)), ...overrides };
}

function book(title: string, overrides: Partial<ClubBookDoc> = {}): ClubBookDoc {
  return { title, author: '费孝通', isbn: '', coverFileId: null, reason: '', startedAt: new Date(now.getTime() - 30 * day), finishedAt: null, ...overrides };
}

function note(overrides: Partial<ClubNoteDoc> = {}): ClubNoteDoc {
  return { ...newNoteDoc(membership({ noteCount: 1 }), '乡土中国', { text: '熟人社会', quote: '', page: null }, now), ...overrides };
}

describe('books', () => {
  const input = { title: '置身事内', author: '兰小欢', isbn: '9787208171333', reason: '理解地方政府与经济' };

  it('makes a new book current and moves the one read until now into the history, finished now', () => {
    const current = book('乡土中国');
    const older = book('额尔古纳河右岸', { finishedAt: new Date(now.getTime() - 31 * day) });
    const after = withBook({ currentBook: current, books: [older] }, input, 'cloud://covers/a.png', now);
    expect(after.currentBook).toEqual({ ...input, coverFileId: 'cloud://covers/a.png', startedAt: now, finishedAt: null });
    expect(after.books).toEqual([{ ...current, finishedAt: now }, older]);
    expect(withBook({ currentBook: null, books: [] }, input, null, now)).toMatchObject({ currentBook: { title: '置身事内' }, books: [] });
  });

  it('edits the same book in place, keeping its cover unless a new one is given, so a double tap adds no history', () => {
    const current = book('置身事内', { author: '兰小欢', isbn: '9787208171333', coverFileId: 'cloud://covers/old.png' });
    const again = withBook({ currentBook: current, books: [] }, { ...input, reason: '新的推荐理由' }, null, now);
    expect(again).toEqual({ currentBook: { ...current, reason: '新的推荐理由' }, books: [] });
    expect(withBook({ currentBook: current, books: [] }, input, 'cloud://covers/new.png', now).currentBook?.coverFileId).toBe('cloud://covers/new.png');
  });

  it('keeps a bounded history', () => {
    const history = Array.from({ length: clubLimits.booksKept }, (_, i) => book(`旧书${i}`, { finishedAt: now }));
    expect(withBook({ currentBook: book('乡土中国'), books: history }, input, null, now).books).toHaveLength(clubLimits.booksKept);
  });

  it('takes PNG or JPEG covers up to 1 MB, by their bytes', () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]);
    const cover = readCoverImage(`data:image/png;base64,${png.toString('base64')}`);
    expect(cover).toMatchObject({ format: 'png', bytes: png });
    expect(coverPath(cover)).toMatch(/^club-covers\/[0-9a-f]{64}\.png$/);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(10)]);
    expect(coverPath(readCoverImage(jpeg.toString('base64')))).toMatch(/\.jpg$/);
    const gif = Buffer.from('GIF89a-not-a-cover');
    expect(() => readCoverImage(gif.toString('base64'))).toThrow(expect.objectContaining({ code: 'COVER_IMAGE_INVALID' }));
    expect(() => readCoverImage('')).toThrow(expect.objectContaining({ code: 'COVER_IMAGE_INVALID' }));
    const huge = Buffer.concat([png, Buffer.alloc(clubLimits.coverBytes)]);
    expect(() => readCoverImage(huge.toString('base64'))).toThrow(expect.objectContaining({ code: 'COVER_IMAGE_TOO_LARGE' }));
  });
});

describe('membership', () => {
  it('has room below the cap, always without one', () => {
    expect(hasRoom({ memberCap: 3, memberCount: 2 })).toBe(true);
    expect(hasRoom({ memberCap: 3, memberCount: 3 })).toBe(false);
    expect(hasRoom({ memberCap: null, memberCount: 5000 })).toBe(true);
  });

  it('refuses a cap below the members the club has', () => {
    expect(() => assertMemberCap(4, 5)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'memberCap', message: '人数上限不能少于现有成员数（5 人）' }));
    expect(() => assertMemberCap(5, 5)).not.toThrow();
    expect(() => assertMemberCap(null, 5)).not.toThrow();
  });

  it('asks for an active membership', () => {
    expect(() => requireActiveMembership(null)).toThrow(expect.objectContaining({ code: 'NOT_CLUB_MEMBER' }));
    expect(() => requireActiveMembership(membership({ state: 'left' }))).toThrow(expect.objectContaining({ code: 'NOT_CLUB_MEMBER' }));
    expect(requireActiveMembership(membership())).toMatchObject({ _id: 'club-1_m-1', state: 'active' });
  });
});

describe('the daily note limit and streaks', () => {
  /** 23:59 on 25 November and 00:01 on 26 November in Shanghai: both 25 November in UTC. */
  const lateEvening = new Date('2026-11-25T15:59:00Z');
  const pastMidnight = new Date('2026-11-25T16:01:00Z');

  it('starts a streak with the first note', () => {
    expect(planNoteQuota(membership(), now)).toEqual({
      kind: 'newDay',
      previousDay: null,
      changes: { lastNoteDay: '2026-11-25', lastDayNotes: 1, streakDays: 1, bestStreakDays: 1 },
    });
  });

  it('lets notes through until the day’s limit, counting days in Shanghai', () => {
    const today = { lastNoteDay: '2026-11-25', streakDays: 2, bestStreakDays: 4 };
    expect(planNoteQuota(membership({ ...today, lastDayNotes: clubLimits.notesPerDay - 1 }), lateEvening)).toEqual({ kind: 'sameDay', day: '2026-11-25', limit: clubLimits.notesPerDay });
    expect(planNoteQuota(membership({ ...today, lastDayNotes: clubLimits.notesPerDay }), lateEvening)).toEqual({ kind: 'limited' });
    // Two minutes later it is the next day in Shanghai, though not in UTC: a new day's quota, and the streak grows.
    expect(planNoteQuota(membership({ ...today, lastDayNotes: clubLimits.notesPerDay }), pastMidnight)).toEqual({
      kind: 'newDay',
      previousDay: '2026-11-25',
      changes: { lastNoteDay: '2026-11-26', lastDayNotes: 1, streakDays: 3, bestStreakDays: 4 },
    });
  });

  it('starts over after a day without a note, keeping the best streak', () => {
    const quota = planNoteQuota(membership({ lastNoteDay: '2026-11-23', lastDayNotes: 2, streakDays: 6, bestStreakDays: 6 }), now);
    expect(quota).toMatchObject({ kind: 'newDay', changes: { streakDays: 1, bestStreakDays: 6 } });
  });

  it('shows a streak while the latest note was today or yesterday', () => {
    expect(currentStreak({ lastNoteDay: '2026-11-25', streakDays: 3 }, now)).toBe(3);
    expect(currentStreak({ lastNoteDay: '2026-11-24', streakDays: 3 }, now)).toBe(3);
    expect(currentStreak({ lastNoteDay: '2026-11-23', streakDays: 3 }, now)).toBe(0);
    expect(currentStreak({ lastNoteDay: null, streakDays: 0 }, now)).toBe(0);
    expect(currentStreak({ lastNoteDay: '2026-11-24', streakDays: 3 }, pastMidnight)).toBe(0);
  });

  it('numbers a note by the count its quota write reached', () => {
    const seventh = newNoteDoc(membership({ noteCount: 7 }), '乡土中国', { text: '笔记', quote: '', page: 3 }, now);
    expect(seventh._id).toBe(noteId(membership(), 7));
    expect(seventh._id).toMatch(/^note-[0-9a-f]{32}$/);
    expect(noteId(membership(), 8)).not.toBe(seventh._id);
    expect(seventh).toMatchObject({
      clubId: 'club-1',
      memberId: 'm-1',
      bookTitle: '乡土中国',
      visible: true,
      reportCount: 0,
      revision: 0,
    });
  });
});

describe('reports and decisions', () => {
  it('hides a note at three reports until an organizer decides', () => {
    let current = note();
    for (let i = 1; i < clubLimits.reportsToHide; i++) current = { ...current, ...afterReport(current) };
    expect(current).toMatchObject({ reportCount: 2, visible: true, revision: 2 });
    current = { ...current, ...afterReport(current) };
    expect(current).toMatchObject({ reportCount: 3, visible: false, revision: 3 });
    expect(awaitsDecision(current)).toBe(true);
  });

  it('shows a note again when an organizer decides so, until as many new reports come', () => {
    const reported = note({ reportCount: 3, visible: false, revision: 3 });
    let shown = { ...reported, ...afterDecision(reported, false, 'm-organizer', now) };
    expect(shown).toMatchObject({ visible: true, revision: 4, decision: { hidden: false, decidedBy: 'm-organizer', reportsAtDecision: 3 } });
    expect(awaitsDecision(shown)).toBe(false);
    shown = { ...shown, ...afterReport(shown) };
    shown = { ...shown, ...afterReport(shown) };
    expect(isVisibleToMembers(shown)).toBe(true);
    shown = { ...shown, ...afterReport(shown) };
    expect(shown).toMatchObject({ reportCount: 6, visible: false });
    expect(awaitsDecision(shown)).toBe(true);
  });

  it('keeps a note an organizer hid hidden, reported or not, and it awaits no decision', () => {
    const hidden = { ...note(), ...afterDecision(note(), true, 'm-organizer', now) };
    expect(hidden.visible).toBe(false);
    const reportedAfter = { ...hidden, ...afterReport(hidden) };
    expect(reportedAfter.visible).toBe(false);
    expect(awaitsDecision(reportedAfter)).toBe(false);
  });

  it('takes reports of others’ visible notes only', () => {
    expect(() => assertMayReport(note(), 'm-1')).toThrow(expect.objectContaining({ code: 'FORBIDDEN', message: '不能举报自己的笔记' }));
    expect(() => assertMayReport(note({ visible: false }), 'm-2')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => assertMayReport(note(), 'm-2')).not.toThrow();
  });
});

describe('what each viewer sees of a note', () => {
  const hiddenByReports = note({ reportCount: 3, visible: false });

  it('shows organizers the flags, authors that their note is hidden, and other members neither', () => {
    expect(toNoteView(hiddenByReports, { memberId: 'm-organizer', isOrganizer: true }, '林晓', false)).toMatchObject({
      hidden: true,
      awaitingDecision: true,
      reportCount: 3,
      isMine: false,
    });
    expect(toNoteView(hiddenByReports, { memberId: 'm-1', isOrganizer: false }, '林晓', false)).toMatchObject({
      hidden: true,
      awaitingDecision: false,
      reportCount: 0,
      isMine: true,
    });
    expect(toNoteView(note({ reportCount: 2 }), { memberId: 'm-2', isOrganizer: false }, '林晓', true)).toMatchObject({
      hidden: false,
      reportCount: 0,
      reportedByMe: true,
      createdAt: now.toISOString(),
    });
    expect(toNoteView(note(), { memberId: null, isOrganizer: false }, '林晓', false).isMine).toBe(false);
  });

  it('names an erased account without its old name', () => {
    expect(memberName(undefined)).toBe('已注销会员');
    expect(memberName({ profile: null })).toBe('已注销会员');
    expect(memberName({ profile: { name: '林晓', mobile: '', sector: 'newmedia', employer: '', title: '' } })).toBe('林晓');
  });
});

describe('a member’s reading', () => {
  it('lists current clubs with their streaks, and counts every note and the best streak ever', () => {
    const reading = toMyReading(
      [
        membership({ noteCount: 4, lastNoteDay: '2026-11-24', streakDays: 2, bestStreakDays: 5 }),
        { ...membership({ noteCount: 3, bestStreakDays: 7 }), _id: 'club-2_m-1', clubId: 'club-2', state: 'left' },
        { ...membership(), _id: 'club-gone_m-1', clubId: 'club-gone' },
      ],
      [
        { _id: 'club-1', name: '新联悦读会' },
        { _id: 'club-2', name: '陆家嘴悦读会' },
      ],
      now,
    );
    expect(reading).toEqual({ clubs: [{ clubId: 'club-1', name: '新联悦读会', count: 4, streakDays: 2 }], totalNotes: 7, longestStreakDays: 7 });
  });
});

describe('figures for organizers', () => {
  const session = (id: string, daysAgo: number, overrides: Partial<EventDoc> = {}): EventDoc =>
    eventDoc({
      _id: id,
      startAt: new Date(now.getTime() - daysAgo * day),
      endAt: new Date(now.getTime() - daysAgo * day + 2 * 3600_000),
      capacity: 20,
      arrivals: 0,
      admitThrough: 20,
      clubSession: { clubId: 'club-1', occurrence: '', topic: `第${id}期` },
      ...overrides,
    });
  const checkedIn = { at: now, recordedAt: now, byMemberId: 'm-organizer', byName: '陈思远', device: '服务台', nonce: 'n', source: 'hand' as const };
  const row = (eventId: string, memberId: string, attended: boolean): Pick<RegistrationDoc, 'eventId' | 'memberId' | 'checkin'> => ({
    eventId,
    memberId,
    checkin: attended ? checkedIn : null,
  });

  it('counts attendance per session and per member, over the sessions held since each joined', () => {
    const sessions = [session('s3', 7, { arrivals: 3 }), session('s2', 14, { arrivals: 4, releasedSlots: 1 }), session('s1', 21, { arrivals: 3 })];
    const stats = clubStats({
      sessions,
      registrations: [row('s3', 'm-1', true), row('s3', 'm-2', true), row('s3', 'm-3', false), row('s2', 'm-1', false), row('s2', 'm-2', true), row('s1', 'm-2', true), row('s1', 'm-1', true), row('s1', 'm-3', true)],
      memberships: [
        membership({ memberId: 'm-1', noteCount: 5, lastNoteDay: '2026-10-27' }),
        membership({ memberId: 'm-2', noteCount: 1, lastNoteDay: '2026-10-26' }),
        // Joined after s1 and s2, yet came to s1 before joining: s1 counts as one of their sessions.
        membership({ memberId: 'm-3', joinedAt: new Date(now.getTime() - 10 * day), noteCount: 0 }),
      ],
      names: new Map([
        ['m-1', '林晓'],
        ['m-2', '孙悦'],
        ['m-3', '唐凯'],
      ]),
      memberCount: 3,
      now,
    });
    expect(stats.sessions).toEqual([
      { eventId: 's3', title: sessions[0].title, topic: '第s3期', startAt: sessions[0].startAt.toISOString(), confirmed: 3, checkedIn: 2 },
      { eventId: 's2', title: sessions[1].title, topic: '第s2期', startAt: sessions[1].startAt.toISOString(), confirmed: 3, checkedIn: 1 },
      { eventId: 's1', title: sessions[2].title, topic: '第s1期', startAt: sessions[2].startAt.toISOString(), confirmed: 3, checkedIn: 3 },
    ]);
    expect(stats.members).toEqual([
      { memberId: 'm-2', name: '孙悦', attended: 3, sessions: 3, rate: 1, notes: 1 },
      { memberId: 'm-1', name: '林晓', attended: 2, sessions: 3, rate: 0.67, notes: 5 },
      { memberId: 'm-3', name: '唐凯', attended: 1, sessions: 2, rate: 0.5, notes: 0 },
    ]);
    // 27 October is the 30th day back from 25 November, today included; 26 October is not.
    expect(stats.activeReaders).toBe(1);
    expect(stats.memberCount).toBe(3);
  });

  it('answers zeros for a club that has held nothing', () => {
    expect(clubStats({ sessions: [], registrations: [], memberships: [membership()], names: new Map(), memberCount: 1, now })).toEqual({
      sessions: [],
      members: [{ memberId: 'm-1', name: '', attended: 0, sessions: 0, rate: 0, notes: 0 }],
      activeReaders: 0,
      memberCount: 1,
    });
  });
});
