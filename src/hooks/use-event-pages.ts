import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionInput } from '../../cloudfunctions/shared/contract';
import type { EventSummary } from '../../cloudfunctions/shared/contract/events';
import { type ApiError, call, toApiError } from '../services/api';

export type EventFilter = Omit<ActionInput<'events', 'list'>, 'page' | 'pageSize'>;

export interface EventPages {
  items: EventSummary[];
  /** True while the first page of the current filter loads. */
  loading: boolean;
  loadingMore: boolean;
  hasMore: boolean;
  error: ApiError | null;
  /** A failure while appending a page; the loaded items stay on screen. */
  moreError: ApiError | null;
  refresh: () => Promise<void>;
  loadMore: () => Promise<void>;
}

const pageSize = 10;

/** `events.list` page by page for one filter; a new filter starts again from page 1. */
export function useEventPages(filter: EventFilter): EventPages {
  const [items, setItems] = useState<EventSummary[]>([]);
  const [page, setPage] = useState(0);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  // A reply for an older filter or an older refresh must not land in the current list.
  const generation = useRef(0);
  const { orgId, kind, from, to } = filter;

  const refresh = useCallback(async () => {
    const current = ++generation.current;
    setLoading(true);
    setLoadingMore(false);
    setError(null);
    setMoreError(null);
    try {
      const result = await call('events', 'list', { orgId, kind, from, to, page: 1, pageSize });
      if (current !== generation.current) return;
      setItems(result.items);
      setPage(1);
      setHasMore(result.hasMore);
    } catch (failure) {
      if (current === generation.current) setError(toApiError(failure));
    } finally {
      if (current === generation.current) setLoading(false);
    }
  }, [orgId, kind, from, to]);

  const loadMore = useCallback(async () => {
    if (loading || loadingMore || !hasMore) return;
    const current = generation.current;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const result = await call('events', 'list', { orgId, kind, from, to, page: page + 1, pageSize });
      if (current !== generation.current) return;
      // An event published meanwhile shifts pages by one; skip what is already shown.
      setItems((shown) => {
        const seen = new Set(shown.map((event) => event.id));
        return shown.concat(result.items.filter((event) => !seen.has(event.id)));
      });
      setPage(result.page);
      setHasMore(result.hasMore);
    } catch (failure) {
      if (current === generation.current) setMoreError(toApiError(failure));
    } finally {
      if (current === generation.current) setLoadingMore(false);
    }
  }, [orgId, kind, from, to, page, hasMore, loading, loadingMore]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { items, loading, loadingMore, hasMore, error, moreError, refresh, loadMore };
}
