import { z } from 'zod';
import { idSchema, pageSchema, pageSizeSchema, requestIdSchema, type Instant, type Page } from './common';
import type { EventSummary } from './events';
import { clubLimits } from './club-limits';

export { clubLimits };

const text = (max: number, label: string) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);
const optionalText = (max: number, label: string) => z.string().trim().max(max, `${label}不能超过 ${max} 个字`).default('');
const isbnSchema = z
  .string()
  .trim()
  .regex(/^(97[89])?\d{9}[\dX]$/, 'ISBN 应为 10 或 13 位')
  .or(z.literal(''))
  .default('');
const memberCapSchema = z
  .number()
  .int()
  .min(clubLimits.memberCap.min, `人数上限至少为 ${clubLimits.memberCap.min}`)
  .max(clubLimits.memberCap.max, `人数上限不能超过 ${clubLimits.memberCap.max}`)
  .nullable();

export const bookSchema = z.strictObject({
  title: text(clubLimits.bookTitle, '书名'),
  author: optionalText(clubLimits.author, '作者'),
  isbn: isbnSchema,
  /** A cover photo as a data URL (PNG/JPEG), stored in file storage; omitted keeps the cover the same book had, if any. */
  cover: z.string().max(clubLimits.coverDataUrl, '封面图片不能超过 1 MB').optional(),
  reason: optionalText(clubLimits.reason, '推荐理由'),
});
export type BookInput = z.output<typeof bookSchema>;

/**
 * When sessions recur, in Asia/Shanghai wall-clock terms. Weekly schedules name a `weekday`, monthly ones a
 * `monthDay`; the server checks the one the frequency needs and keeps only that one.
 */
export const scheduleSchema = z.strictObject({
  frequency: z.enum(['weekly', 'monthly']),
  /** Weekly: 0 (Sunday) … 6. */
  weekday: z.number().int().min(0).max(6).optional(),
  /** Monthly: day of month 1–31; months without it hold the session on their last day. */
  monthDay: z.number().int().min(1).max(31).optional(),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm'),
  durationMinutes: z.number().int().min(30, '每次至少 30 分钟').max(600, '每次不能超过 10 小时'),
  venue: z.strictObject({ name: text(clubLimits.venueName, '地点'), address: optionalText(clubLimits.venueAddress, '地址') }),
  seats: z.number().int().min(1, '名额至少为 1').max(clubLimits.seats, `名额不能超过 ${clubLimits.seats}`),
  /** How many sessions to keep generated ahead. */
  ahead: z.number().int().min(1).max(clubLimits.sessionsAhead, `最多提前生成 ${clubLimits.sessionsAhead} 期`).default(4),
});
export type ClubSchedule = z.output<typeof scheduleSchema>;

const clubFields = {
  name: text(clubLimits.clubName, '读书会名称'),
  description: optionalText(clubLimits.description, '简介'),
};

export const clubsInput = {
  list: z.strictObject({ page: pageSchema, pageSize: pageSizeSchema }),
  get: z.strictObject({ clubId: idSchema }),
  /** A repeat join of a member already in the club answers the club as it is. */
  join: z.strictObject({ clubId: idSchema }),
  leave: z.strictObject({ clubId: idSchema }),
  /** Organizers of the club's organisation (or one above it). */
  create: z.strictObject({ orgId: idSchema, requestId: requestIdSchema, ...clubFields, memberCap: memberCapSchema.default(null) }),
  update: z.strictObject({ clubId: idSchema, ...clubFields, memberCap: memberCapSchema }),
  /** A new book moves the current one into the history; the same book again (title, author, ISBN) edits it in place. */
  setBook: z.strictObject({ clubId: idSchema, book: bookSchema }),
  /**
   * Sets (or, with null, stops) the recurrence and generates the sessions it wants ahead. Upcoming sessions nobody
   * has signed up for or edited that no longer fit the schedule are removed; any other session stays as it is.
   */
  setSchedule: z.strictObject({ clubId: idSchema, schedule: scheduleSchema.nullable() }),
  /** Generates the sessions the schedule wants ahead that do not exist yet (also run by the timer trigger). */
  generateSessions: z.strictObject({ clubId: idSchema }),
  /** Run by the timer trigger (and harmless for anyone): generates due sessions for every club with a schedule. */
  generateDue: z.strictObject({}),
  sessions: z.strictObject({ clubId: idSchema, when: z.enum(['upcoming', 'past']), page: pageSchema, pageSize: pageSizeSchema }),
  /** Sets one session's chapter or topic; moving or cancelling one goes through events.update / events.cancelEvent. */
  setSessionTopic: z.strictObject({ eventId: idSchema, topic: text(clubLimits.topic, '本期章节或话题') }),
  /** Pinned notes first, then the newest; organizers of the club also see hidden notes, with their flags. */
  notes: z.strictObject({ clubId: idSchema, page: pageSchema, pageSize: pageSizeSchema }),
  postNote: z.strictObject({
    clubId: idSchema,
    text: text(clubLimits.noteText, '读书笔记'),
    quote: optionalText(clubLimits.quote, '摘录'),
    page: z.number().int().min(1, '页码应为正整数').max(9999, '页码不能超过 9999').nullable().default(null),
  }),
  /** Club members, once per note; the author cannot report their own. */
  reportNote: z.strictObject({ noteId: idSchema }),
  /** Organizers: pin or unpin. */
  pinNote: z.strictObject({ noteId: idSchema, pinned: z.boolean() }),
  /** Organizers: hide a note, or decide a reported one (hide it, or show it again). */
  moderateNote: z.strictObject({ noteId: idSchema, hidden: z.boolean() }),
  myReading: z.strictObject({}),
  stats: z.strictObject({ clubId: idSchema }),
};

export interface BookView {
  title: string;
  author: string;
  isbn: string;
  coverUrl: string | null;
  reason: string;
  startedAt: Instant;
  finishedAt: Instant | null;
}

/** A club session: an event like any other (sign up and check in through events and checkin), with its place in the club. */
export interface ClubSessionSummary extends EventSummary {
  topic: string;
  /** The Shanghai day (YYYY-MM-DD) the schedule put it on; a moved session keeps it. */
  occurrence: string;
}

export interface ClubSummary {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  description: string;
  memberCount: number;
  memberCap: number | null;
  currentBook: BookView | null;
  /** The next session not cancelled and not over. */
  nextSession: ClubSessionSummary | null;
  joined: boolean;
}

export interface ClubDetail extends ClubSummary {
  /** Books read before the current one, the latest first. */
  books: BookView[];
  schedule: ClubSchedule | null;
  /** The schedule in words, e.g. "每周六 19:30 · 浦东图书馆". */
  scheduleText: string | null;
  /** Sessions not over yet, soonest first, cancelled ones included with their status. */
  upcomingSessions: ClubSessionSummary[];
  canManage: boolean;
  /** The caller's notes in this club; null when they never joined. A streak ends when a Shanghai day passes without a note. */
  myNotes: { count: number; streakDays: number } | null;
}

export interface NoteView {
  id: string;
  clubId: string;
  authorName: string;
  isMine: boolean;
  bookTitle: string;
  text: string;
  quote: string;
  page: number | null;
  createdAt: Instant;
  pinned: boolean;
  /** Hidden from members: shown to organizers and to the note's author. */
  hidden: boolean;
  /** Organizers only (0 for others): hidden by reports and waiting for their decision. */
  awaitingDecision: boolean;
  /** Organizers only (0 for others). */
  reportCount: number;
  reportedByMe: boolean;
}

export interface ClubStats {
  /** Past sessions (not cancelled), the latest first: seats confirmed and people checked in. */
  sessions: { eventId: string; title: string; topic: string; startAt: Instant; confirmed: number; checkedIn: number }[];
  /** Current members: sessions attended of those held since they joined (among `sessions`), and their notes. */
  members: { memberId: string; name: string; attended: number; sessions: number; rate: number; notes: number }[];
  /** Members who posted a note in the last 30 days. */
  activeReaders: number;
  memberCount: number;
}

export interface MyReading {
  clubs: { clubId: string; name: string; count: number; streakDays: number }[];
  totalNotes: number;
  /** The longest run of consecutive days with a note the member ever had in any club. */
  longestStreakDays: number;
}

export interface ClubsOutput {
  list: Page<ClubSummary>;
  get: ClubDetail;
  join: ClubDetail;
  leave: ClubDetail;
  create: ClubDetail;
  update: ClubDetail;
  setBook: ClubDetail;
  setSchedule: ClubDetail;
  generateSessions: { created: number; sessions: ClubSessionSummary[] };
  generateDue: { clubs: number; created: number };
  sessions: Page<ClubSessionSummary>;
  setSessionTopic: ClubSessionSummary;
  notes: Page<NoteView>;
  postNote: NoteView;
  reportNote: NoteView;
  pinNote: NoteView;
  moderateNote: NoteView;
  myReading: MyReading;
  stats: ClubStats;
}
