import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../../cloudfunctions/shared/contract';
import { type ApiError, toApiError } from '../services/api';

export interface PagedList<T> {
  items: T[];
  /** True while the first page loads. */
  loading: boolean;
  loadingMore: boolean;
  hasMore: boolean;
  error: ApiError | null;
  /** A failure while appending a page; the loaded items stay on screen. */
  moreError: ApiError | null;
  refresh: () => Promise<void>;
  loadMore: () => Promise<void>;
}

/**
 * A server list page by page. A new `fetchPage` (memoise it on its filter) starts again from page 1;
 * `keyOf` drops items a shifted page repeats (something added meanwhile moves every later row by one).
 */
export function usePagedList<T>(fetchPage: (page: number) => Promise<Page<T>>, keyOf: (item: T) => string): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [page, setPage] = useState(0);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  // A reply for an older filter or an older refresh must not land in the current list.
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const current = ++generation.current;
    setLoading(true);
    setLoadingMore(false);
    setError(null);
    setMoreError(null);
    try {
      const result = await fetchPage(1);
      if (current !== generation.current) return;
      setItems(result.items);
      setPage(1);
      setHasMore(result.hasMore);
    } catch (failure) {
      if (current === generation.current) setError(toApiError(failure));
    } finally {
      if (current === generation.current) setLoading(false);
    }
  }, [fetchPage]);

  const loadMore = useCallback(async () => {
    if (loading || loadingMore || !hasMore) return;
    const current = generation.current;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const result = await fetchPage(page + 1);
      if (current !== generation.current) return;
      setItems((shown) => {
        const seen = new Set(shown.map(keyOf));
        return shown.concat(result.items.filter((item) => !seen.has(keyOf(item))));
      });
      setPage(result.page);
      setHasMore(result.hasMore);
    } catch (failure) {
      if (current === generation.current) setMoreError(toApiError(failure));
    } finally {
      if (current === generation.current) setLoadingMore(false);
    }
  }, [fetchPage, keyOf, page, hasMore, loading, loadingMore]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { items, loading, loadingMore, hasMore, error, moreError, refresh, loadMore };
}
