import { useCallback, useEffect, useRef, useState } from 'react';
import type { SignerRow } from '../../../cloudfunctions/shared/contract/pledge';
import { type ApiError, call, toApiError } from '../../services/api';

export interface SignerPages {
  items: SignerRow[];
  loading: boolean;
  loadingMore: boolean;
  hasMore: boolean;
  error: ApiError | null;
  /** A failure while appending a page; the loaded rows stay on screen. */
  moreError: ApiError | null;
  refresh: () => Promise<void>;
  loadMore: () => Promise<void>;
}

const pageSize = 20;

/** `pledge.signers` page by page for one organisation, newest signature first. */
export function useSignerPages(orgId: string): SignerPages {
  const [items, setItems] = useState<SignerRow[]>([]);
  const [page, setPage] = useState(0);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  // A reply to an older refresh must not land in the current list.
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const current = ++generation.current;
    setLoading(true);
    setLoadingMore(false);
    setError(null);
    setMoreError(null);
    try {
      const result = await call('pledge', 'signers', { orgId, page: 1, pageSize });
      if (current !== generation.current) return;
      setItems(result.items);
      setPage(1);
      setHasMore(result.hasMore);
    } catch (failure) {
      if (current === generation.current) setError(toApiError(failure));
    } finally {
      if (current === generation.current) setLoading(false);
    }
  }, [orgId]);

  const loadMore = useCallback(async () => {
    if (loading || loadingMore || !hasMore) return;
    const current = generation.current;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const result = await call('pledge', 'signers', { orgId, page: page + 1, pageSize });
      if (current !== generation.current) return;
      // A signature made meanwhile shifts pages by one; skip rows already shown.
      setItems((shown) => {
        const seen = new Set(shown.map((row) => row.serial));
        return shown.concat(result.items.filter((row) => !seen.has(row.serial)));
      });
      setPage(result.page);
      setHasMore(result.hasMore);
    } catch (failure) {
      if (current === generation.current) setMoreError(toApiError(failure));
    } finally {
      if (current === generation.current) setLoadingMore(false);
    }
  }, [orgId, page, hasMore, loading, loadingMore]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { items, loading, loadingMore, hasMore, error, moreError, refresh, loadMore };
}
