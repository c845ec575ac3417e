import type { EventSummary } from '../../cloudfunctions/shared/contract/events';

export type Tone = 'brand' | 'success' | 'warning' | 'info' | 'muted';

export interface Badge {
  text: string;
  tone: Tone;
}

/** "剩余 12 席", "已满", or "候补 3 人" once anyone waits; a cancelled event offers no seats. */
export function seatsBadge(event: Pick<EventSummary, 'status' | 'capacity' | 'seatsTaken' | 'waitlistCount'>): Badge {
  if (event.status === 'cancelled') {
    return { text: '活动已取消', tone: 'muted' };
  }
  if (event.waitlistCount > 0) {
    return { text: `候补 ${event.waitlistCount} 人`, tone: 'warning' };
  }
  const left = event.capacity - event.seatsTaken;
  if (left <= 0) {
    return { text: '已满', tone: 'muted' };
  }
  return { text: `剩余 ${left} 席`, tone: left <= 5 ? 'brand' : 'success' };
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
