import { inShanghai } from './time';

/** A date and time as a Shanghai clock reads them, the way the date and time pickers hand them over. */
export interface WallClock {
  /** "YYYY-MM-DD" */
  date: string;
  /** "HH:mm" */
  time: string;
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

export function wallClockOf(instant: string | Date): WallClock {
  const moment = inShanghai(instant);
  return { date: moment.format('YYYY-MM-DD'), time: moment.format('HH:mm') };
}

/** A real calendar day and time: engines roll "02-30" over into March, so it must read back unchanged. */
export function isWallClock(clock: WallClock): boolean {
  if (!datePattern.test(clock.date) || !timePattern.test(clock.time)) return false;
  const at = Date.parse(`${clock.date}T${clock.time}:00+08:00`);
  if (Number.isNaN(at)) return false;
  const readBack = wallClockOf(new Date(at));
  return readBack.date === clock.date && readBack.time === clock.time;
}

/** The UTC instant ("2026-11-28T06:00:00.000Z") a Shanghai wall-clock time names; Shanghai keeps UTC+8 all year. */
export function instantOf(clock: WallClock): string {
  return new Date(`${clock.date}T${clock.time}:00+08:00`).toISOString();
}

/** The same wall-clock time `days` calendar days later (or earlier). */
export function shiftDays(clock: WallClock, days: number): WallClock {
  return wallClockOf(new Date(Date.parse(instantOf(clock)) + days * 24 * 60 * 60 * 1000));
}

/** Whether `a` is strictly earlier than `b`. */
export function isBefore(a: WallClock, b: WallClock): boolean {
  return Date.parse(instantOf(a)) < Date.parse(instantOf(b));
}

const weekdays = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** "11月28日 周六" (with the year when it is not this year's): the date half of a wall clock as a picker shows it. */
export function formatWallDate(date: string, now: Date = new Date()): string {
  const [year, month, day] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  const yearText = String(year) === wallClockOf(now).date.slice(0, 4) ? '' : `${year}年`;
  return `${yearText}${month}月${day}日 ${weekdays[weekday]}`;
}
