import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

const displayZone = 'Asia/Shanghai';
const shanghaiOffsetMinutes = 8 * 60;
const weekdays = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

// The timezone plugin needs Intl time-zone data, which some Android WeChat engines lack; Shanghai has
// kept UTC+8 without daylight saving since 1991, so the fixed offset is the same answer there.
const zoneDataAvailable = (() => {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: displayZone }).formatToParts(new Date(0)).length > 0;
  } catch {
    return false;
  }
})();

/** An instant (ISO string or Date) as wall-clock time in Asia/Shanghai. */
export function inShanghai(instant: string | Date): Dayjs {
  return zoneDataAvailable ? dayjs(instant).tz(displayZone) : dayjs.utc(instant).utcOffset(shanghaiOffsetMinutes);
}

function dayLabel(moment: Dayjs, now: Dayjs): string {
  const year = moment.year() === now.year() ? '' : `${moment.year()}年`;
  return `${year}${moment.month() + 1}月${moment.date()}日 ${weekdays[moment.day()]}`;
}

/** "11月28日 周六 14:00–17:00", or both days when the event spans midnight. */
export function formatEventTime(startAt: string, endAt: string, now: Date = new Date()): string {
  const today = inShanghai(now);
  const start = inShanghai(startAt);
  const end = inShanghai(endAt);
  if (start.isSame(end, 'day')) {
    return `${dayLabel(start, today)} ${start.format('HH:mm')}–${end.format('HH:mm')}`;
  }
  return `${dayLabel(start, today)} ${start.format('HH:mm')} – ${dayLabel(end, today)} ${end.format('HH:mm')}`;
}

/** "11月20日 09:00" (with the year when it is not this year). */
export function formatDateTime(instant: string, now: Date = new Date()): string {
  const today = inShanghai(now);
  const moment = inShanghai(instant);
  const year = moment.year() === today.year() ? '' : `${moment.year()}年`;
  return `${year}${moment.month() + 1}月${moment.date()}日 ${moment.format('HH:mm')}`;
}

/** "2026-11-25 14:03", for records where the full date matters. */
export function formatFullDateTime(instant: string): string {
  return inShanghai(instant).format('YYYY-MM-DD HH:mm');
}

/** A calendar day picked in a date filter ("2026-11-28") as the member reads it: "11月28日". */
export function formatPickedDay(day: string): string {
  const [, month, date] = day.split('-').map(Number);
  return `${month}月${date}日`;
}

/** Today in Asia/Shanghai as "YYYY-MM-DD", the form date pickers and the events filter use. */
export function shanghaiDay(now: Date = new Date()): string {
  return inShanghai(now).format('YYYY-MM-DD');
}
