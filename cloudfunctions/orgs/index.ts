import type { GrantableRole } from '../shared/contract/vocabulary';
import { collections, type OrgDoc } from '../shared/data/documents';
import { toOrgMember, toOrgNode } from '../shared/domain/mapping';
import { assertCanJoin, assertCanLeave, requireProfile } from '../shared/domain/membership';
import { toPage, pageWindow } from '../shared/domain/paging';
import { roleNeededToGrant } from '../shared/domain/roles';
import { AppError, defineFunction, type ActionContext } from '../shared/runtime';

async function findOrg(ctx: ActionContext, orgId: string): Promise<OrgDoc> {
  const org = await ctx.data.orgs.findById(orgId);
  if (!org) throw new AppError('NOT_FOUND');
  return org;
}

/** The member a role is granted to or revoked from; checked after the caller's authority so outsiders learn nothing. */
async function findGrantee(ctx: ActionContext, memberId: string) {
  const member = await ctx.data.members.findById(memberId);
  if (!member || member.deletedAt) throw new AppError('NOT_FOUND');
  return member;
}

/** Grants or revokes a role: the caller needs the authority to grant it, and the change is audited. */
async function changeRole(ctx: ActionContext, input: { orgId: string; memberId: string; role: GrantableRole }, change: 'grant' | 'revoke') {
  const org = await findOrg(ctx, input.orgId);
  await ctx.requireRole(org, roleNeededToGrant(input.role));
  const grantee = await findGrantee(ctx, input.memberId);
  const grant = { orgId: org._id, role: input.role };
  if (change === 'grant') await ctx.data.members.addRole(grantee._id, grant, ctx.now);
  else {
    await ctx.data.members.removeRole(grantee._id, grant, ctx.now);
    await ctx.data.checkin.removeSelfEnrolled(grantee._id);
  }
  ctx.audit({ collection: collections.members, id: grantee._id });
  return { orgId: org._id, memberId: grantee._id, role: input.role };
}

const fn = defineFunction('orgs', {
  tree: {
    access: 'anyone',
    async run(_input, ctx) {
      const [orgs, member] = await Promise.all([ctx.data.orgs.listTree(), ctx.member()]);
      return { orgs: orgs.map(toOrgNode), myOrgIds: member?.orgIds ?? [] };
    },
  },
  get: {
    access: 'anyone',
    async run(input, ctx) {
      const org = await findOrg(ctx, input.orgId);
      const [ancestors, children, member, canManage] = await Promise.all([
        ctx.data.orgs.findByIds(org.ancestorIds),
        ctx.data.orgs.listChildren(org._id),
        ctx.member(),
        ctx.hasRole(org, 'organizer'),
      ]);
      return {
        org: toOrgNode(org),
        path: ancestors.map(toOrgNode),
        children: children.map(toOrgNode),
        joined: member?.orgIds.includes(org._id) ?? false,
        canManage,
      };
    },
  },
  join: {
    access: 'member',
    async run(input, ctx) {
      const [member, org] = await Promise.all([ctx.member(), findOrg(ctx, input.orgId)]);
      const joining = requireProfile(member);
      assertCanJoin(joining, org._id);
      // The conditional update admits one of two concurrent joins; only that one moves the counter.
      if (!(await ctx.data.members.addOrg(joining._id, org._id, ctx.now))) throw new AppError('ALREADY_MEMBER');
      await ctx.data.orgs.changeMemberCount([org._id], 1);
      return { orgId: org._id, joined: true as const, memberCount: org.memberCount + 1 };
    },
  },
  leave: {
    access: 'member',
    async run(input, ctx) {
      const [member, org] = await Promise.all([ctx.member(), findOrg(ctx, input.orgId)]);
      if (!member) throw new AppError('NOT_MEMBER');
      assertCanLeave(member, org._id);
      if (!(await ctx.data.members.removeOrg(member._id, org._id, ctx.now))) throw new AppError('NOT_MEMBER');
      await ctx.data.orgs.changeMemberCount([org._id], -1);
      return { orgId: org._id, joined: false as const, memberCount: Math.max(0, org.memberCount - 1) };
    },
  },
  members: {
    access: 'member',
    async run(input, ctx) {
      const org = await findOrg(ctx, input.orgId);
      await ctx.requireRole(org, 'organizer');
      const rows = await ctx.data.members.listByOrg(org._id, pageWindow(input.page, input.pageSize));
      return toPage(rows, input.page, input.pageSize, toOrgMember);
    },
  },
  grantRole: {
    access: 'member',
    run: (input, ctx) => changeRole(ctx, input, 'grant'),
  },
  revokeRole: {
    access: 'member',
    run: (input, ctx) => changeRole(ctx, input, 'revoke'),
  },
});

export const main = fn.main;
export const invoke = fn.invoke;
