import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { ClubSchedule } from '../contract/clubs';
import { eventLimits } from '../contract/event-limits';
import type { ClubDoc, EventDoc } from '../data/documents';
import { AppError } from './app-error';
import { openingLedger } from './seat-ledger';
import { displayTimeZone } from './shanghai-time';

dayjs.extend(utc);
dayjs.extend(timezone);

const weekdayNames = ['日', '一', '二', '三', '四', '五', '六'];

/** The Shanghai calendar day (YYYY-MM-DD) an instant falls on. */
export function shanghaiDayOf(instant: Date): string {
  return dayjs(instant).tz(displayTimeZone).format('YYYY-MM-DD');
}

/** A calendar day `days` after `day` (before, when negative). */
export function addDays(day: string, days: number): string {
  return dayjs.utc(day).add(days, 'day').format('YYYY-MM-DD');
}

/** 0 (Sunday) … 6 for a calendar day. */
export function weekdayOf(day: string): number {
  return dayjs.utc(day).day();
}

/** The instant a wall-clock time (HH:mm) on a Shanghai day is. */
export function shanghaiInstant(day: string, time: string): Date {
  return dayjs.tz(`${day} ${time}`, displayTimeZone).toDate();
}

/** The day a monthly schedule meets in a month: its day of month, or the month's last day when the month is shorter. */
export function monthlyDay(year: number, month: number, monthDay: number): string {
  const first = dayjs.utc(`${year}-${String(month).padStart(2, '0')}-01`);
  return first.date(Math.min(monthDay, first.daysInMonth())).format('YYYY-MM-DD');
}

/**
 * A schedule as stored: the day field its frequency needs, and only that one. VALIDATION_FAILED names the missing field.
 */
export function normalizedSchedule(schedule: ClubSchedule): ClubSchedule {
  const { weekday, monthDay, ...rest } = schedule;
  if (schedule.frequency === 'weekly') {
    if (weekday === undefined) throw new AppError('VALIDATION_FAILED', '请选择每周的哪一天', 'schedule.weekday');
    return { ...rest, weekday };
  }
  if (monthDay === undefined) throw new AppError('VALIDATION_FAILED', '请选择每月的哪一天', 'schedule.monthDay');
  return { ...rest, monthDay };
}

/** The next `count` Shanghai days on which the schedule holds a session starting after `after`. */
export function occurrenceDays(schedule: ClubSchedule, after: Date, count: number): string[] {
  const days: string[] = [];
  const today = shanghaiDayOf(after);
  if (schedule.frequency === 'weekly') {
    let day = addDays(today, (schedule.weekday! - weekdayOf(today) + 7) % 7);
    if (shanghaiInstant(day, schedule.time) <= after) day = addDays(day, 7);
    for (let i = 0; i < count; i++) days.push(addDays(day, 7 * i));
    return days;
  }
  let month = dayjs.utc(today).startOf('month');
  while (days.length < count) {
    const day = monthlyDay(month.year(), month.month() + 1, schedule.monthDay!);
    if (shanghaiInstant(day, schedule.time) > after) days.push(day);
    month = month.add(1, 'month');
  }
  return days;
}

/** The schedule in words, as the club page shows it. */
export function scheduleText(schedule: ClubSchedule): string {
  const when =
    schedule.frequency === 'weekly'
      ? `每周${weekdayNames[schedule.weekday!]}`
      : `每月 ${schedule.monthDay} 日${schedule.monthDay! > 28 ? '（当月没有这一天时改在月末）' : ''}`;
  return `${when} ${schedule.time} · ${schedule.venue.name}`;
}

export function sessionId(clubId: string, occurrence: string): string {
  return `club-${clubId}-${occurrence}`;
}

function sessionTitle(club: Pick<ClubDoc, 'name' | 'currentBook'>): string {
  const withBook = club.currentBook ? `${club.name}·《${club.currentBook.title}》共读` : '';
  return withBook && withBook.length <= eventLimits.title ? withBook : `${club.name}·共读会`;
}

function sessionDescription(club: Pick<ClubDoc, 'description' | 'currentBook'>): string {
  const book = club.currentBook;
  const reading = book ? `本期共读《${book.title}》${book.author ? `（${book.author}）` : ''}。` : '';
  return `${reading}${club.description}`.slice(0, eventLimits.description);
}

/**
 * A session on an occurrence day: an event of kind reading hosted by the club's organisation, with the schedule's
 * seats, open for sign-up from its generation until it starts.
 */
export function newSessionDoc(club: ClubDoc, schedule: ClubSchedule, occurrence: string, createdBy: string, now: Date): EventDoc {
  const startAt = shanghaiInstant(occurrence, schedule.time);
  return {
    _id: sessionId(club._id, occurrence),
    title: sessionTitle(club),
    kind: 'reading',
    status: 'published',
    orgId: club.orgId,
    coHostOrgIds: [],
    hostOrgIds: [club.orgId],
    hosts: [{ id: club.orgId, name: club.orgName }],
    description: sessionDescription(club),
    venue: { name: schedule.venue.name, address: schedule.venue.address },
    startAt,
    endAt: new Date(startAt.getTime() + schedule.durationMinutes * 60_000),
    signupOpensAt: now,
    signupClosesAt: startAt,
    cancellationDeadline: null,
    capacity: schedule.seats,
    ...openingLedger(schedule.seats),
    requiresApproval: false,
    membersOnly: false,
    team: null,
    waitlistMode: 'auto',
    offerHours: eventLimits.defaultOfferHours,
    questions: [],
    schedule: [],
    guests: [],
    summary: null,
    createdBy,
    createdAt: now,
    updatedAt: now,
    clubSession: { clubId: club._id, occurrence, topic: '' },
  };
}

/** The sessions the club's schedule wants ahead of `now` that are not among the occurrences already generated. */
export function sessionsToGenerate(club: ClubDoc, existingOccurrences: ReadonlySet<string>, createdBy: string, now: Date): EventDoc[] {
  const schedule = club.schedule;
  if (!schedule) return [];
  return occurrenceDays(schedule, now, schedule.ahead)
    .filter((day) => !existingOccurrences.has(day))
    .map((day) => newSessionDoc(club, schedule, day, createdBy, now));
}

/** A session as generated and never used since: nobody signed up, nobody edited, moved or cancelled it. */
export function isUntouchedSession(session: EventDoc): boolean {
  return (
    session.status === 'published' &&
    session.arrivals === 0 &&
    session.pendingCount === 0 &&
    session.updatedAt.getTime() === session.createdAt.getTime()
  );
}

/**
 * Upcoming sessions a new schedule (null: none) leaves behind: untouched ones that the schedule would not generate as
 * they are (another day, time, length, place or number of seats). Sessions someone used stay for the organizer to
 * move or cancel.
 */
export function sessionsOutOfSchedule(schedule: ClubSchedule | null, upcoming: EventDoc[], now: Date): EventDoc[] {
  const wanted = new Set(schedule ? occurrenceDays(schedule, now, schedule.ahead) : []);
  return upcoming.filter((session) => {
    if (!session.clubSession || !isUntouchedSession(session)) return false;
    if (!schedule || !wanted.has(session.clubSession.occurrence)) return true;
    const startAt = shanghaiInstant(session.clubSession.occurrence, schedule.time);
    return (
      session.startAt.getTime() !== startAt.getTime() ||
      session.endAt.getTime() !== startAt.getTime() + schedule.durationMinutes * 60_000 ||
      session.venue.name !== schedule.venue.name ||
      session.venue.address !== schedule.venue.address ||
      session.capacity !== schedule.seats
    );
  });
}
