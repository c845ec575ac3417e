import type { ClubSchedule, ClubStats, NoteView } from '../../cloudfunctions/shared/contract/clubs';
import type { Tone } from './event-display';

export const weekdayNames = ['日', '一', '二', '三', '四', '五', '六'];

/** The schedule in words, worded as the server words `scheduleText`: "每周六 19:30 · 浦东图书馆". */
export function describeSchedule(schedule: Pick<ClubSchedule, 'frequency' | 'weekday' | 'monthDay' | 'time' | 'venue'>): string {
  const when =
    schedule.frequency === 'weekly'
      ? `每周${weekdayNames[schedule.weekday ?? 0]}`
      : `每月 ${schedule.monthDay ?? 1} 日${(schedule.monthDay ?? 1) > 28 ? '（当月没有这一天时改在月末）' : ''}`;
  const venue = schedule.venue.name.trim();
  return venue ? `${when} ${schedule.time} · ${venue}` : `${when} ${schedule.time}`;
}

/** "会员 23/40" or "会员 23" when the club has no cap. */
export function memberCountText(memberCount: number, memberCap: number | null): string {
  return memberCap === null ? `会员 ${memberCount} 人` : `会员 ${memberCount}/${memberCap} 人`;
}

export interface TextCounter {
  /** "12/1000". */
  text: string;
  length: number;
  over: boolean;
  empty: boolean;
}

/** Counts what the server counts: the trimmed text's length against `limit`. */
export function countText(value: string, limit: number): TextCounter {
  const length = value.trim().length;
  return { text: `${length}/${limit}`, length, over: length > limit, empty: length === 0 };
}

/** Pinned first, then the newest, as the server pages the feed; used after a pin or hide changes one note in place. */
export function orderFeed(notes: NoteView[]): NoteView[] {
  return [...notes].sort((a, b) => Number(b.pinned) - Number(a.pinned) || Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

/** The feed with `changed` in place of the note with its id, reordered. */
export function replaceNote(notes: NoteView[], changed: NoteView): NoteView[] {
  return orderFeed(notes.map((note) => (note.id === changed.id ? changed : note)));
}

export interface NoteFlag {
  text: string;
  tone: Tone;
}

/** The marks a note carries: 置顶 for everyone; hidden and reported states for organizers and for its author. */
export function noteFlags(note: NoteView, canManage: boolean): NoteFlag[] {
  const flags: NoteFlag[] = [];
  if (note.pinned) flags.push({ text: '置顶', tone: 'brand' });
  if (canManage) {
    if (note.awaitingDecision) flags.push({ text: `${note.reportCount} 人举报 · 待处理`, tone: 'warning' });
    else if (note.hidden) flags.push({ text: '已隐藏', tone: 'muted' });
    else if (note.reportCount > 0) flags.push({ text: `${note.reportCount} 人举报`, tone: 'warning' });
  } else if (note.hidden && note.isMine) {
    flags.push({ text: '已隐藏', tone: 'muted' });
  }
  return flags;
}

/** "第 128 页" or nothing. */
export function pageText(page: number | null): string {
  return page === null ? '' : `第 ${page} 页`;
}

/** 0.6666 → "67%". */
export function percentText(rate: number): string {
  return `${Math.round(Math.max(0, Math.min(1, rate)) * 100)}%`;
}

export interface AttendanceBar {
  eventId: string;
  /** The bar's label under it: "11月22日". */
  label: string;
  topic: string;
  confirmed: number;
  checkedIn: number;
  /** Heights in percent of the tallest bar in the chart (confirmed seats), so every bar fits the same box. */
  confirmedHeight: number;
  checkedInHeight: number;
  rateText: string;
}

/**
 * The per-session chart, oldest session on the left (the server sends the latest first). `dayLabel` turns an instant
 * into the bar's label (the page passes the Shanghai day).
 */
export function attendanceBars(sessions: ClubStats['sessions'], dayLabel: (instant: string) => string): AttendanceBar[] {
  const tallest = Math.max(1, ...sessions.map((session) => Math.max(session.confirmed, session.checkedIn)));
  return [...sessions].reverse().map((session) => ({
    eventId: session.eventId,
    label: dayLabel(session.startAt),
    topic: session.topic,
    confirmed: session.confirmed,
    checkedIn: session.checkedIn,
    confirmedHeight: Math.round((session.confirmed / tallest) * 100),
    checkedInHeight: Math.round((session.checkedIn / tallest) * 100),
    rateText: session.confirmed > 0 ? percentText(session.checkedIn / session.confirmed) : '—',
  }));
}

export interface StatsSummary {
  sessionsHeld: number;
  /** Check-ins over confirmed seats across the sessions shown. */
  overallRate: string;
  activeReaders: string;
}

export function summarizeStats(stats: ClubStats): StatsSummary {
  const confirmed = stats.sessions.reduce((sum, session) => sum + session.confirmed, 0);
  const checkedIn = stats.sessions.reduce((sum, session) => sum + session.checkedIn, 0);
  return {
    sessionsHeld: stats.sessions.length,
    overallRate: confirmed > 0 ? percentText(checkedIn / confirmed) : '—',
    activeReaders: `${stats.activeReaders}/${stats.memberCount}`,
  };
}

/** "出席 3/4 · 75%", or a plain note when no session was held since the member joined. */
export function memberAttendanceText(member: ClubStats['members'][number]): string {
  return member.sessions === 0 ? '入会后暂无场次' : `出席 ${member.attended}/${member.sessions} · ${percentText(member.rate)}`;
}
