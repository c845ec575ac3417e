import type { EventGuest, PostedSummary } from '../../cloudfunctions/shared/contract/events';
import { formatDateTime } from './time';

const detailPagePath = '/package-event/detail/index';

/** The section of the event page a link may open at. */
export type EventSection = 'summary';

/** The event page, scrolled to its 活动回顾 when `section` says so (from 我的报名 → 已结束). */
export function eventPageUrl(eventId: string, section?: EventSection): string {
  const url = `${detailPagePath}?id=${encodeURIComponent(eventId)}`;
  return section ? `${url}&section=${section}` : url;
}

/** The section a page link asked for, ignoring anything the page has no section for. */
export function sectionOf(param: string | undefined): EventSection | null {
  return param === 'summary' ? 'summary' : null;
}

/** The element id the 活动回顾 card carries, for scrolling to it. */
export const summaryAnchorId = 'event-summary';

/** The text as paragraphs: one per line typed, blank lines dropped. */
export function summaryParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** "11月20日 18:30 发布" */
export function summaryPostedLine(summary: Pick<PostedSummary, 'postedAt'>, now: Date): string {
  return `${formatDateTime(summary.postedAt, now)} 发布`;
}

/** How many photos a row of the grid holds: one photo spans the width, two or four sit in pairs, else threes. */
export function photoColumns(count: number): 1 | 2 | 3 {
  if (count <= 1) return 1;
  if (count === 2 || count === 4) return 2;
  return 3;
}

/** What Taro.previewImage needs to open the tapped photo with the others to swipe through. */
export function photoPreview(photoUrls: string[], index: number): { urls: string[]; current: string } {
  return { urls: photoUrls, current: photoUrls[Math.min(Math.max(index, 0), photoUrls.length - 1)] ?? '' };
}

/** The line under a guest's name: title and topic, whichever were given. */
export function guestLines(guest: EventGuest): { title: string | null; topic: string | null } {
  return { title: guest.title.trim() || null, topic: guest.topic.trim() ? `分享主题：${guest.topic.trim()}` : null };
}

/** The initial shown in a guest's round badge. */
export function guestInitial(guest: Pick<EventGuest, 'name'>): string {
  return Array.from(guest.name.trim())[0] ?? '嘉';
}
