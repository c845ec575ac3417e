import { useCallback } from 'react';
import type { SignerRow } from '../../../cloudfunctions/shared/contract/pledge';
import { type PagedList, usePagedList } from '../../hooks/use-paged-list';
import { call } from '../../services/api';

export type SignerPages = PagedList<SignerRow>;

const pageSize = 20;

/** `pledge.signers` page by page for one organisation, newest signature first. */
export function useSignerPages(orgId: string): SignerPages {
  const fetchPage = useCallback((page: number) => call('pledge', 'signers', { orgId, page, pageSize }), [orgId]);
  return usePagedList(fetchPage, (row) => row.serial);
}
