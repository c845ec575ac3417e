import { hostNames, venueLine } from '../../cloudfunctions/shared/contract/event-text';
import type { EventDetail } from '../../cloudfunctions/shared/contract/events';

/** An event as it goes into a phone's calendar, with a reminder an hour before it starts. */
export interface CalendarEntry {
  title: string;
  startMs: number;
  endMs: number;
  location: string;
  description: string;
  remindMinutesBefore: number;
}

export function calendarEntry(event: Pick<EventDetail, 'title' | 'startAt' | 'endAt' | 'venue' | 'hosts'>): CalendarEntry {
  return {
    title: event.title,
    startMs: Date.parse(event.startAt),
    endMs: Date.parse(event.endAt),
    location: venueLine(event.venue),
    description: `${hostNames(event.hosts)}主办。签到时在新联小程序「我的 › 我的报名」中出示签到码。`,
    remindMinutesBefore: 60,
  };
}
