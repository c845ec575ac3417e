import type { NotificationKind } from '../../cloudfunctions/shared/contract/vocabulary';
import type { Tone } from './event-display';
import { formatDateTime, inShanghai } from './time';

/** The round mark beside a notification: one character and a colour saying what kind of news it is. */
export const notificationMarks: Record<NotificationKind, { mark: string; tone: Tone }> = {
  promoted: { mark: '递', tone: 'success' },
  offered: { mark: '补', tone: 'brand' },
  offerExpired: { mark: '期', tone: 'muted' },
  approved: { mark: '过', tone: 'success' },
  rejected: { mark: '拒', tone: 'muted' },
  eventCancelled: { mark: '消', tone: 'warning' },
  addedByOrganizer: { mark: '加', tone: 'info' },
  teamConfirmed: { mark: '队', tone: 'success' },
  teamDisbanded: { mark: '散', tone: 'warning' },
};

/** "刚刚", "5 分钟前", "今天 14:03", "昨天 09:10", else the date: recent news reads relative, older news dated. */
export function formatNoticeTime(instant: string, now: Date): string {
  const minutes = Math.floor((now.getTime() - Date.parse(instant)) / 60000);
  if (minutes < 1) return '刚刚';
  if (minutes < 60) return `${minutes} 分钟前`;
  const moment = inShanghai(instant);
  const today = inShanghai(now);
  if (moment.isSame(today, 'day')) return `今天 ${moment.format('HH:mm')}`;
  if (moment.isSame(today.subtract(1, 'day'), 'day')) return `昨天 ${moment.format('HH:mm')}`;
  return formatDateTime(instant, now);
}

/** The badge count: "99+" past two digits, so it fits the dot. */
export function unreadBadgeText(unread: number): string {
  return unread > 99 ? '99+' : String(unread);
}
