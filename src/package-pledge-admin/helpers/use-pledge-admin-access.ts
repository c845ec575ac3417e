import { useCallback, useMemo } from 'react';
import { type Remote, useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { isAdmin, type ManagedOrg, managedOrgs } from '../../utils/managed-orgs';

export interface PledgeAdminAccess {
  admin: boolean;
  /** Empty for a caller who organizes nothing. */
  orgs: ManagedOrg[];
}

/** Who the caller is in the pledge's back office: the organisations they may see figures for, and whether they are an admin. */
export function usePledgeAdminAccess(): Remote<PledgeAdminAccess> {
  const load = useCallback(async () => {
    const [me, tree] = await Promise.all([call('members', 'me', {}), call('orgs', 'tree', {})]);
    return { roles: me.roles, orgs: tree.orgs };
  }, []);
  const remote = useRemote(load);
  const data = useMemo(
    () => (remote.data ? { admin: isAdmin(remote.data.roles), orgs: managedOrgs(remote.data.roles, remote.data.orgs) } : null),
    [remote.data],
  );
  return { ...remote, data };
}
