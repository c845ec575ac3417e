import type { EventSummary } from '../../cloudfunctions/shared/contract/events';

/** How long before the start the event page starts asking whether the viewer may scan (the window itself opens 2 h before). */
const entryLeadMs = 24 * 3600 * 1000;

/**
 * Whether the event page should ask `checkin.openScanner` if the viewer is a steward or organizer here. Only around
 * the event: stewards are assigned per event, so only the server knows, and every other member need not be asked.
 */
export function scannerEntryDue(event: Pick<EventSummary, 'status' | 'startAt' | 'endAt'>, now: Date): boolean {
  if (event.status !== 'published' && event.status !== 'closed') return false;
  return now.getTime() >= Date.parse(event.startAt) - entryLeadMs && now.getTime() < Date.parse(event.endAt);
}

export type CheckinPage = 'scan' | 'manage' | 'attendees' | 'stewards' | 'log' | 'venue';

export function checkinPageUrl(page: CheckinPage, eventId: string): string {
  return `/package-checkin/${page}/index?eventId=${encodeURIComponent(eventId)}`;
}
