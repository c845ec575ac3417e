import type { ParsedInput } from '../contract';
import type { EventKind, EventStatus } from '../contract/vocabulary';
import { AppError } from './app-error';
import { pageWindow, type PageWindow } from './paging';
import { endOfShanghaiDay, isCalendarDay, startOfShanghaiDay } from './shanghai-time';

/** Drafts stay with their organizers; everything else is listed, cancelled events with their status. */
export const listedEventStatuses: EventStatus[] = ['published', 'closed', 'cancelled'];

/** What the events list asks the database for, as plain data: bounds are UTC instants. */
export interface EventListQuery {
  statuses: EventStatus[];
  hostOrgId: string | null;
  kind: EventKind | null;
  /** Inclusive lower bound on startAt. */
  startsFrom: Date | null;
  /** Exclusive upper bound on startAt. */
  startsBefore: Date | null;
  /** Inclusive lower bound on endAt: set when no start day is given, so the list begins with what has not ended. */
  endsFrom: Date | null;
  window: PageWindow;
}

/**
 * Turns the members' filter (days picked in Asia/Shanghai) into a query. Without `from` the list starts
 * now and still shows events under way; `to` includes the whole day it names.
 */
export function planEventList(input: ParsedInput<'events', 'list'>, now: Date): EventListQuery {
  if (input.from !== undefined && !isCalendarDay(input.from)) throw new AppError('VALIDATION_FAILED', '日期不存在', 'from');
  if (input.to !== undefined && !isCalendarDay(input.to)) throw new AppError('VALIDATION_FAILED', '日期不存在', 'to');
  if (input.from !== undefined && input.to !== undefined && input.to < input.from) {
    throw new AppError('VALIDATION_FAILED', '结束日期不能早于开始日期', 'to');
  }
  return {
    statuses: listedEventStatuses,
    hostOrgId: input.orgId ?? null,
    kind: input.kind ?? null,
    startsFrom: input.from !== undefined ? startOfShanghaiDay(input.from) : null,
    startsBefore: input.to !== undefined ? endOfShanghaiDay(input.to) : null,
    endsFrom: input.from === undefined ? now : null,
    window: pageWindow(input.page, input.pageSize),
  };
}

/** Whether anyone may see an event; the rest (drafts) only the host's organizers. */
export function isPublicEvent(event: { status: EventStatus }): boolean {
  return listedEventStatuses.includes(event.status);
}
