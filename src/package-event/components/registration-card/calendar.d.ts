import type { CalendarEntry } from '../../../utils/calendar-entry';

/**
 * Putting a registered event in the member's calendar. Taro picks calendar.weapp.ts (WeChat asks, then adds it to the
 * phone's calendar) or calendar.h5.ts (an .ics file the browser hands to the calendar app) by platform.
 */
/** Answers what to tell the member once it is done. */
export declare function addToCalendar(entry: CalendarEntry): Promise<string>;
