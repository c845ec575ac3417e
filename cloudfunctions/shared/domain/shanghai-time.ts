import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

export const displayTimeZone = 'Asia/Shanghai';

/** Whether `day` (YYYY-MM-DD) names a real calendar day, so 2026-02-30 is refused rather than rolled over. */
export function isCalendarDay(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && dayjs.utc(day).isValid() && dayjs.utc(day).format('YYYY-MM-DD') === day;
}

/** The UTC instant at which a calendar day begins in Asia/Shanghai. */
export function startOfShanghaiDay(day: string): Date {
  return dayjs.tz(day, displayTimeZone).toDate();
}

/** The UTC instant at which the day after `day` begins in Asia/Shanghai: the exclusive end of `day`. */
export function endOfShanghaiDay(day: string): Date {
  return dayjs.tz(day, displayTimeZone).add(1, 'day').toDate();
}

/** An instant as a member reads it in a message: "12月3日 14:00" in Asia/Shanghai. */
export function shanghaiDateTime(instant: Date): string {
  return inShanghai(instant, 'M月D日 HH:mm');
}

/** An instant in Asia/Shanghai in a dayjs pattern, e.g. "YYYY-MM-DD HH:mm" for a spreadsheet cell. */
export function inShanghai(instant: Date | string, pattern: string): string {
  return dayjs(instant).tz(displayTimeZone).format(pattern);
}
