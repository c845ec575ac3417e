import { useCallback } from 'react';
import type { ActionInput } from '../../cloudfunctions/shared/contract';
import type { EventSummary } from '../../cloudfunctions/shared/contract/events';
import { call } from '../services/api';
import { type PagedList, usePagedList } from './use-paged-list';

export type EventFilter = Omit<ActionInput<'events', 'list'>, 'page' | 'pageSize'>;
export type EventPages = PagedList<EventSummary>;

const pageSize = 10;

/** `events.list` page by page for one filter; a new filter starts again from page 1. */
export function useEventPages(filter: EventFilter): EventPages {
  const { orgId, kind, from, to } = filter;
  const fetchPage = useCallback((page: number) => call('events', 'list', { orgId, kind, from, to, page, pageSize }), [orgId, kind, from, to]);
  return usePagedList(fetchPage, (event) => event.id);
}
