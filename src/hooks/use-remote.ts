import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../services/api';

export interface Remote<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => Promise<void>;
}

/** Loads once on mount and whenever `load` changes; only the latest request may update the state. */
export function useRemote<T>(load: () => Promise<T>): Remote<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const request = ++latest.current;
    setLoading(true);
    setError(null);
    try {
      const result = await load();
      if (request === latest.current) setData(result);
    } catch (failure) {
      if (request === latest.current) setError(toApiError(failure));
    } finally {
      if (request === latest.current) setLoading(false);
    }
  }, [load]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, loading, reload };
}
