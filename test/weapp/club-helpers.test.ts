import { clubLimits } from '../../cloudfunctions/shared/contract/club-limits';
import type { ClubStats, NoteView } from '../../cloudfunctions/shared/contract/clubs';
import { coverFits } from '../../src/package-club/helpers/cover-size';
import { scheduleFormFrom, toSchedule } from '../../src/package-club/helpers/schedule-form';
import {
  attendanceBars,
  countText,
  describeSchedule,
  memberAttendanceText,
  memberCountText,
  noteFlags,
  orderFeed,
  pageText,
  percentText,
  replaceNote,
  summarizeStats,
} from '../../src/utils/club-display';

const venue = { name: '浦东图书馆', address: '前程路 88 号' };

describe('schedule in words', () => {
  it('names the weekday for weekly sessions, as the server words it', () => {
    expect(describeSchedule({ frequency: 'weekly', weekday: 6, time: '19:30', venue })).toBe('每周六 19:30 · 浦东图书馆');
    expect(describeSchedule({ frequency: 'weekly', weekday: 0, time: '09:00', venue })).toBe('每周日 09:00 · 浦东图书馆');
  });

  it('names the day of month, and says a 29th–31st falls back to the month end', () => {
    expect(describeSchedule({ frequency: 'monthly', monthDay: 15, time: '14:00', venue })).toBe('每月 15 日 14:00 · 浦东图书馆');
    expect(describeSchedule({ frequency: 'monthly', monthDay: 31, time: '14:00', venue })).toBe('每月 31 日（当月没有这一天时改在月末） 14:00 · 浦东图书馆');
  });

  it('leaves the venue out while the organizer has not typed one', () => {
    expect(describeSchedule({ frequency: 'weekly', weekday: 3, time: '20:00', venue: { name: '  ', address: '' } })).toBe('每周三 20:00');
  });
});

describe('schedule form', () => {
  it('starts from sensible defaults and reads an existing schedule back', () => {
    const blank = scheduleFormFrom(null);
    expect(blank).toMatchObject({ frequency: 'weekly', weekday: 6, time: '19:30', seats: '30', ahead: '4' });
    const existing = scheduleFormFrom({ frequency: 'monthly', monthDay: 31, time: '14:00', durationMinutes: 90, venue, seats: 20, ahead: 3 });
    expect(existing).toMatchObject({ frequency: 'monthly', monthDay: 31, durationMinutes: '90', venueName: '浦东图书馆', seats: '20', ahead: '3' });
  });

  it('sends only the day field the frequency needs, with numbers parsed and text trimmed', () => {
    const form = { ...scheduleFormFrom(null), venueName: ' 浦东图书馆 ', monthDay: 12 };
    expect(toSchedule(form)).toEqual({
      problem: null,
      schedule: { frequency: 'weekly', weekday: 6, time: '19:30', durationMinutes: 120, venue: { name: '浦东图书馆', address: '' }, seats: 30, ahead: 4 },
    });
    const monthly = toSchedule({ ...form, frequency: 'monthly' });
    expect(monthly.schedule).toMatchObject({ frequency: 'monthly', monthDay: 12 });
    expect(monthly.schedule).not.toHaveProperty('weekday');
  });

  it('refuses what the server would refuse, in words', () => {
    const form = { ...scheduleFormFrom(null), venueName: '图书馆' };
    expect(toSchedule({ ...form, venueName: '' }).problem).toBe('请填写共读地点');
    expect(toSchedule({ ...form, durationMinutes: '20' }).problem).toBe('每次时长应在 30–600 分钟之间');
    expect(toSchedule({ ...form, durationMinutes: '1.5' }).problem).toBe('每次时长应在 30–600 分钟之间');
    expect(toSchedule({ ...form, seats: '' }).problem).toBe(`每期名额应在 1–${clubLimits.seats} 之间`);
    expect(toSchedule({ ...form, seats: String(clubLimits.seats + 1) }).problem).toBe(`每期名额应在 1–${clubLimits.seats} 之间`);
    expect(toSchedule({ ...form, ahead: '0' }).problem).toBe(`提前生成的期数应在 1–${clubLimits.sessionsAhead} 之间`);
    expect(toSchedule({ ...form, venueName: '馆'.repeat(clubLimits.venueName + 1) }).problem).toBe(`地点不能超过 ${clubLimits.venueName} 个字`);
  });
});

describe('note counter', () => {
  it('counts the trimmed text, as the server does', () => {
    expect(countText('  读书  ', clubLimits.noteText)).toEqual({ text: `2/${clubLimits.noteText}`, length: 2, over: false, empty: false });
    expect(countText('   ', clubLimits.noteText).empty).toBe(true);
  });

  it('marks one character over the limit, and not the limit itself', () => {
    expect(countText('字'.repeat(clubLimits.noteText), clubLimits.noteText).over).toBe(false);
    const over = countText('字'.repeat(clubLimits.noteText + 1), clubLimits.noteText);
    expect(over.over).toBe(true);
    expect(over.text).toBe(`${clubLimits.noteText + 1}/${clubLimits.noteText}`);
  });
});

function note(id: string, createdAt: string, patch: Partial<NoteView> = {}): NoteView {
  return {
    id, clubId: 'c1', authorName: '林晓', isMine: false, bookTitle: '乡土中国', text: '笔记', quote: '', page: null, createdAt,
    pinned: false, hidden: false, awaitingDecision: false, reportCount: 0, reportedByMe: false, ...patch,
  };
}

describe('notes feed', () => {
  const older = note('n1', '2026-11-20T01:00:00.000Z');
  const newer = note('n2', '2026-11-24T01:00:00.000Z');
  const pinnedOld = note('n3', '2026-11-01T01:00:00.000Z', { pinned: true });

  it('shows pinned notes first, then the newest', () => {
    expect(orderFeed([older, newer, pinnedOld]).map((item) => item.id)).toEqual(['n3', 'n2', 'n1']);
  });

  it('moves a note when it is pinned or unpinned in place', () => {
    expect(replaceNote([pinnedOld, newer, older], { ...older, pinned: true }).map((item) => item.id)).toEqual(['n1', 'n3', 'n2']);
    expect(replaceNote([pinnedOld, newer, older], { ...pinnedOld, pinned: false }).map((item) => item.id)).toEqual(['n2', 'n1', 'n3']);
  });

  it('marks a hidden note only to its author among members', () => {
    const hidden = { ...older, hidden: true };
    expect(noteFlags({ ...hidden, isMine: true }, false)).toEqual([{ text: '已隐藏', tone: 'muted' }]);
    expect(noteFlags(hidden, false)).toEqual([]);
    expect(noteFlags(pinnedOld, false)).toEqual([{ text: '置顶', tone: 'brand' }]);
  });

  it('flags reported notes for organizers, and the ones waiting for their decision', () => {
    expect(noteFlags({ ...older, hidden: true, awaitingDecision: true, reportCount: 3 }, true)).toEqual([{ text: '3 人举报 · 待处理', tone: 'warning' }]);
    expect(noteFlags({ ...older, reportCount: 1 }, true)).toEqual([{ text: '1 人举报', tone: 'warning' }]);
    expect(noteFlags({ ...older, hidden: true }, true)).toEqual([{ text: '已隐藏', tone: 'muted' }]);
  });

  it('names a page only when there is one', () => {
    expect(pageText(128)).toBe('第 128 页');
    expect(pageText(null)).toBe('');
  });
});

describe('club figures', () => {
  const stats: ClubStats = {
    sessions: [
      { eventId: 'e3', title: '第 3 期', topic: '第 11–14 章', startAt: '2026-11-21T11:30:00.000Z', confirmed: 10, checkedIn: 7 },
      { eventId: 'e2', title: '第 2 期', topic: '', startAt: '2026-11-14T11:30:00.000Z', confirmed: 20, checkedIn: 20 },
      { eventId: 'e1', title: '第 1 期', topic: '导读', startAt: '2026-11-06T16:30:00.000Z', confirmed: 0, checkedIn: 0 },
    ],
    members: [
      { memberId: 'm1', name: '林晓', attended: 2, sessions: 3, rate: 2 / 3, notes: 5 },
      { memberId: 'm2', name: '王宁', attended: 0, sessions: 0, rate: 0, notes: 0 },
    ],
    activeReaders: 3,
    memberCount: 12,
  };
  const day = (instant: string) => new Date(Date.parse(instant) + 8 * 3600_000).toISOString().slice(5, 10);

  it('draws bars oldest first, scaled to the tallest session', () => {
    const bars = attendanceBars(stats.sessions, day);
    expect(bars.map((bar) => bar.eventId)).toEqual(['e1', 'e2', 'e3']);
    expect(bars.map((bar) => [bar.confirmedHeight, bar.checkedInHeight])).toEqual([[0, 0], [100, 100], [50, 35]]);
    expect(bars.map((bar) => bar.rateText)).toEqual(['—', '100%', '70%']);
    // 16:30 UTC on Nov 6 is 00:30 on Nov 7 in Shanghai: the label is the Shanghai day.
    expect(bars[0].label).toBe('11-07');
  });

  it('draws nothing taller than the box when nobody signed up anywhere', () => {
    const bars = attendanceBars([{ ...stats.sessions[2] }], day);
    expect(bars[0].confirmedHeight).toBe(0);
  });

  it('sums the figures shown at the top', () => {
    expect(summarizeStats(stats)).toEqual({ sessionsHeld: 3, overallRate: '90%', activeReaders: '3/12' });
    expect(summarizeStats({ ...stats, sessions: [] }).overallRate).toBe('—');
  });

  it('words each member’s attendance', () => {
    expect(memberAttendanceText(stats.members[0])).toBe('出席 2/3 · 67%');
    expect(memberAttendanceText(stats.members[1])).toBe('入会后暂无场次');
    expect(percentText(1.2)).toBe('100%');
  });

  it('shows the member cap only when there is one', () => {
    expect(memberCountText(23, 40)).toBe('会员 23/40 人');
    expect(memberCountText(23, null)).toBe('会员 23 人');
  });
});

describe('cover size', () => {
  it('accepts a cover within the server limits and refuses one past them', () => {
    expect(coverFits(`data:image/jpeg;base64,${'A'.repeat(400_000)}`)).toBe(true);
    expect(coverFits(`data:image/jpeg;base64,${'A'.repeat(clubLimits.coverDataUrl)}`)).toBe(false);
    // 1 MB and a few bytes decoded, yet a data URL under the length limit.
    expect(coverFits(`data:image/jpeg;base64,${'A'.repeat(Math.ceil((clubLimits.coverBytes + 3) * 4 / 3))}`)).toBe(false);
  });
});
