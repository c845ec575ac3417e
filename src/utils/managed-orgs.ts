import type { RoleGrant } from '../../cloudfunctions/shared/contract/common';
import type { OrgNode } from '../../cloudfunctions/shared/contract/orgs';
import { orderByTree } from './org-tree';

export interface ManagedOrg {
  id: string;
  name: string;
  /** How far below the topmost managed organisation it sits, for indenting the picker. */
  depth: number;
}

export function isAdmin(roles: RoleGrant[]): boolean {
  return roles.some((grant) => grant.role === 'admin');
}

/** Whether the caller organizes some organisation (an admin organizes them all): what creating a club needs. */
export function organizesAny(roles: RoleGrant[]): boolean {
  return roles.some((grant) => grant.role === 'organizer' || grant.role === 'admin');
}

/**
 * The organisations whose pledge figures a caller may see, parents first: the whole tree for an admin,
 * otherwise every organisation an organizer grant sits on and everything below it.
 */
export function managedOrgs(roles: RoleGrant[], orgs: OrgNode[]): ManagedOrg[] {
  const ordered = orderByTree(orgs);
  const admin = isAdmin(roles);
  const organizerOf = new Set(roles.filter((grant) => grant.role === 'organizer').map((grant) => grant.orgId));
  const depthOf = new Map<string, number>();
  const managed: ManagedOrg[] = [];
  for (const org of ordered) {
    const parentDepth = org.parentId === null ? undefined : depthOf.get(org.parentId);
    if (admin || organizerOf.has(org.id) || parentDepth !== undefined) {
      const depth = parentDepth === undefined ? 0 : parentDepth + 1;
      depthOf.set(org.id, depth);
      managed.push({ id: org.id, name: org.name, depth });
    }
  }
  return managed;
}

/** The picker's line for an organisation: indented by depth with full-width spaces, which both targets keep. */
export function pickerLabel(org: ManagedOrg): string {
  return `${'　'.repeat(Math.min(org.depth, 3))}${org.name}`;
}
