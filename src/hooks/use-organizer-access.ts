import { useCallback, useMemo } from 'react';
import type { OrgNode } from '../../cloudfunctions/shared/contract/orgs';
import { type Remote, useRemote } from './use-remote';
import { call } from '../services/api';
import { orderByTree } from '../utils/org-tree';
import { type ManagedOrg, managedOrgs } from '../utils/managed-orgs';

export interface OrganizerAccess {
  /** Organisations the caller may host an event for, parents first; empty for a plain member. */
  hostOrgs: ManagedOrg[];
  /** The whole tree, parents first: any organisation may co-host. */
  allOrgs: OrgNode[];
}

/** Where the caller may create events: organizer grants (and what lies below them), or the whole tree for an admin. */
export function useOrganizerAccess(): Remote<OrganizerAccess> {
  const load = useCallback(async () => {
    const [me, tree] = await Promise.all([call('members', 'me', {}), call('orgs', 'tree', {})]);
    return { roles: me.roles, orgs: tree.orgs };
  }, []);
  const remote = useRemote(load);
  const data = useMemo(
    () => (remote.data ? { hostOrgs: managedOrgs(remote.data.roles, remote.data.orgs), allOrgs: orderByTree(remote.data.orgs) } : null),
    [remote.data],
  );
  return { ...remote, data };
}
