import { z } from 'zod';
import { grantableRoles, type GrantableRole, type OrgKind } from './vocabulary';
import { emptyInput, idSchema, pageSchema, pageSizeSchema, type Page } from './common';

export interface OrgNode {
  id: string;
  name: string;
  kind: OrgKind;
  parentId: string | null;
  description: string;
  memberCount: number;
}

export interface OrgMember {
  memberId: string;
  name: string;
  /** Unmasked: only organizers of the organisation (or an ancestor) can list members. */
  mobile: string;
  sector: string;
  employer: string;
}

export const orgsInput = {
  tree: emptyInput,
  get: z.strictObject({ orgId: idSchema }),
  join: z.strictObject({ orgId: idSchema }),
  leave: z.strictObject({ orgId: idSchema }),
  members: z.strictObject({ orgId: idSchema, page: pageSchema, pageSize: pageSizeSchema }),
  grantRole: z.strictObject({ orgId: idSchema, memberId: idSchema, role: z.enum(grantableRoles) }),
  revokeRole: z.strictObject({ orgId: idSchema, memberId: idSchema, role: z.enum(grantableRoles) }),
};

export interface OrgsOutput {
  tree: { orgs: OrgNode[]; myOrgIds: string[] };
  get: { org: OrgNode; path: OrgNode[]; children: OrgNode[]; joined: boolean; canManage: boolean };
  join: { orgId: string; joined: true; memberCount: number };
  leave: { orgId: string; joined: false; memberCount: number };
  members: Page<OrgMember>;
  grantRole: { orgId: string; memberId: string; role: GrantableRole };
  revokeRole: { orgId: string; memberId: string; role: GrantableRole };
}
