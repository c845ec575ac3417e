import { useCallback, useState } from 'react';
import type { RegistrationRow, SeatCounters } from '../../../cloudfunctions/shared/contract/registrations';
import type { RegistrationStatus } from '../../../cloudfunctions/shared/contract/vocabulary';
import { type PagedList, usePagedList } from '../../hooks/use-paged-list';
import { call } from '../../services/api';

export interface SeatSummary {
  counters: SeatCounters;
  capacity: number;
}

export interface RegistrationPages extends PagedList<RegistrationRow> {
  /** The counters the latest page came with; null until the first page arrives. */
  summary: SeatSummary | null;
  setSummary: (summary: SeatSummary) => void;
}

const pageSize = 20;

/** `events.registrations` page by page for one status filter (null: all), keeping the counters each page brings. */
export function useRegistrationPages(eventId: string, status: RegistrationStatus | null): RegistrationPages {
  const [summary, setSummary] = useState<SeatSummary | null>(null);
  const fetchPage = useCallback(
    async (page: number) => {
      const result = await call('events', 'registrations', { eventId, status: status ?? undefined, page, pageSize });
      setSummary({ counters: result.counters, capacity: result.capacity });
      return result;
    },
    [eventId, status],
  );
  const list = usePagedList(fetchPage, (row) => row.memberId);
  return { ...list, summary, setSummary };
}
