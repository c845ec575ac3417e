import type { GrantableRole } from '../contract/vocabulary';
import type { MemberDoc, OrgDoc } from '../data/documents';

export type RoleHolder = Pick<MemberDoc, 'roles'>;
export type OrgPlacement = Pick<OrgDoc, '_id' | 'ancestorIds'>;

/** The grant a member acts under: its role and the organisation it was granted on. */
export interface Authority {
  role: GrantableRole;
  grantedOn: string;
}

/**
 * Finds the weakest grant that lets a member act on an organisation with at least the `required` role.
 * An organizer reaches the organisation and its descendants; a steward only the organisation it was
 * granted on; an admin grant, wherever it sits, covers the whole tree.
 */
export function findAuthority(member: RoleHolder, org: OrgPlacement, required: GrantableRole): Authority | null {
  const reach = new Set([org._id, ...org.ancestorIds]);
  const candidates: ((grant: MemberDoc['roles'][number]) => boolean)[] = [];
  if (required === 'steward') candidates.push((grant) => grant.role === 'steward' && grant.orgId === org._id);
  if (required !== 'admin') candidates.push((grant) => grant.role === 'organizer' && reach.has(grant.orgId));
  candidates.push((grant) => grant.role === 'admin');
  for (const matches of candidates) {
    const grant = member.roles.find(matches);
    if (grant) return { role: grant.role, grantedOn: grant.orgId };
  }
  return null;
}

/** Only admins may hand out admin; organizers hand out organizer and steward within their reach. */
export function roleNeededToGrant(role: GrantableRole): GrantableRole {
  return role === 'admin' ? 'admin' : 'organizer';
}
