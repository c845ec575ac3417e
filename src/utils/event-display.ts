import type { EventSummary } from '../../cloudfunctions/shared/contract/events';
import { formatDateTime } from './time';

export type Tone = 'brand' | 'success' | 'warning' | 'info' | 'muted';

export interface Badge {
  text: string;
  tone: Tone;
}

type SeatFacts = Pick<EventSummary, 'status' | 'capacity' | 'seatsTaken' | 'waitlistCount' | 'team'> & {
  /** Seats held for waitlisted members who have not claimed them yet (event detail only). */
  openOffers?: number;
};

/** A team event counts teams, not people: one team takes one seat and waits as one unit. */
export function seatUnit(event: Pick<EventSummary, 'team'>): { seat: string; waiting: string } {
  return event.team ? { seat: '队', waiting: '队' } : { seat: '席', waiting: '人' };
}

function seatsLeft(event: SeatFacts): number {
  return event.capacity - event.seatsTaken - (event.openOffers ?? 0);
}

/** "剩余 12 席", "已满", or "候补 3 人" once anyone waits (队 for team events); a cancelled event offers no seats. */
export function seatsBadge(event: SeatFacts): Badge {
  const unit = seatUnit(event);
  if (event.status === 'cancelled') {
    return { text: '活动已取消', tone: 'muted' };
  }
  if (event.waitlistCount > 0) {
    return { text: `候补 ${event.waitlistCount} ${unit.waiting}`, tone: 'warning' };
  }
  const left = seatsLeft(event);
  if (left <= 0) {
    return { text: '已满', tone: 'muted' };
  }
  return { text: `剩余 ${left} ${unit.seat}`, tone: left <= 5 ? 'brand' : 'success' };
}

/** The detail page's seats line: "剩余 12 席", "已满，候补 3 人" or just "已满". */
export function seatsLine(event: SeatFacts): Badge {
  const unit = seatUnit(event);
  if (event.status === 'cancelled') return { text: '活动已取消', tone: 'muted' };
  const left = seatsLeft(event);
  if (left > 0 && event.waitlistCount === 0) return { text: `剩余 ${left} ${unit.seat}`, tone: left <= 5 ? 'brand' : 'success' };
  return event.waitlistCount > 0 ? { text: `已满，候补 ${event.waitlistCount} ${unit.waiting}`, tone: 'warning' } : { text: '已满', tone: 'muted' };
}

/** True when a new sign-up would join the waiting list rather than take a seat. */
export function isFull(event: SeatFacts): boolean {
  return seatsLeft(event) <= 0 || event.waitlistCount > 0;
}

/** Where an event stands for a member at `now`: cancelled, over, taking sign-ups, and so on. */
export function eventPhase(
  event: Pick<EventSummary, 'status' | 'startAt' | 'endAt' | 'signupOpensAt' | 'signupClosesAt'>,
  now: Date,
): Badge {
  const at = now.getTime();
  if (event.status === 'cancelled') return { text: '已取消', tone: 'muted' };
  if (event.status === 'draft') return { text: '未发布', tone: 'muted' };
  if (at >= Date.parse(event.endAt)) return { text: '已结束', tone: 'muted' };
  if (at >= Date.parse(event.startAt)) return { text: '进行中', tone: 'info' };
  if (event.status === 'closed' || at > Date.parse(event.signupClosesAt)) return { text: '报名已截止', tone: 'muted' };
  if (at < Date.parse(event.signupOpensAt)) return { text: '即将开放报名', tone: 'info' };
  return { text: '报名中', tone: 'success' };
}

export type SignupAvailability = { open: true } | { open: false; reason: string };

/**
 * Whether the 报名 button is live at `now`, and if not, the reason it shows instead. The server judges by its own
 * clock; this only keeps members from tapping a button that is sure to be refused.
 */
export function signupAvailability(
  event: Pick<EventSummary, 'status' | 'startAt' | 'endAt' | 'signupOpensAt' | 'signupClosesAt'>,
  now: Date,
): SignupAvailability {
  const at = now.getTime();
  if (event.status === 'cancelled') return { open: false, reason: '活动已取消' };
  if (event.status === 'draft') return { open: false, reason: '活动尚未发布' };
  if (at >= Date.parse(event.endAt)) return { open: false, reason: '活动已结束' };
  if (event.status === 'closed' || at > Date.parse(event.signupClosesAt) || at >= Date.parse(event.startAt)) {
    return { open: false, reason: '报名已截止' };
  }
  if (at < Date.parse(event.signupOpensAt)) {
    return { open: false, reason: `报名未开始（${formatDateTime(event.signupOpensAt, now)} 开始）` };
  }
  return { open: true };
}
