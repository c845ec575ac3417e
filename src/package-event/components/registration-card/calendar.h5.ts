import { createEvent } from 'ics';
import { downloadInBrowser } from '../../../utils/browser-download';
import type { CalendarEntry } from '../../../utils/calendar-entry';

export async function addToCalendar(entry: CalendarEntry): Promise<string> {
  const { error, value } = createEvent({
    productId: 'xinlian/events',
    title: entry.title,
    start: entry.startMs,
    end: entry.endMs,
    location: entry.location,
    description: entry.description,
    alarms: [{ action: 'display', description: entry.title, trigger: { minutes: entry.remindMinutesBefore, before: true } }],
  });
  if (error || !value) throw error ?? new Error('the calendar file could not be made');
  const href = URL.createObjectURL(new Blob([value], { type: 'text/calendar;charset=utf-8' }));
  downloadInBrowser(href, `${entry.title}.ics`);
  URL.revokeObjectURL(href);
  return '日历文件已下载，打开即可添加';
}
