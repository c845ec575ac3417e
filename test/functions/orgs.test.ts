import type { OrgMember, OrgNode, OrgsOutput, Page } from '../../cloudfunctions/shared/contract';
import { collections, type AuditDoc } from '../../cloudfunctions/shared/data/documents';
import { dataOf, harnessForThisFile, openIds, orgIds } from '../support/functions';

const harness = harnessForThisFile();

async function auditRowsFor(targetId: string): Promise<AuditDoc[]> {
  const { data } = await harness.db.collection(collections.audit).where({ 'target.id': targetId }).get();
  return data as AuditDoc[];
}

/** A new member with a profile and no organisations, for tests that change memberships. */
async function newMember(openId: string): Promise<string> {
  await harness.call(openId, 'members', 'acceptPrivacy', { version: '2026-11' });
  const saved = await harness.call(openId, 'members', 'saveProfile', { name: '赵六', mobile: '13311112222', sector: 'innovation' });
  return dataOf<{ id: string }>(saved).id;
}

describe('orgs.tree', () => {
  it('lists every organisation in display order, with nothing joined for an anonymous caller', async () => {
    const tree = dataOf<OrgsOutput['tree']>(await harness.call(null, 'orgs', 'tree'));
    expect(tree.orgs.map((org) => org.id)).toEqual([orgIds.general, orgIds.professional, orgIds.lujiazui, orgIds.lujiazuiReading, orgIds.huamu]);
    expect(tree.orgs[3]).toEqual({
      id: orgIds.lujiazuiReading,
      name: '陆家嘴悦读会',
      kind: 'club',
      parentId: orgIds.lujiazui,
      description: '陆家嘴悦读会简介',
      memberCount: 0,
    });
    expect(tree.myOrgIds).toEqual([]);
  });

  it("includes the caller's organisations", async () => {
    const tree = dataOf<OrgsOutput['tree']>(await harness.call(openIds.otherMember, 'orgs', 'tree'));
    expect(tree.myOrgIds).toEqual([orgIds.lujiazui, orgIds.professional]);
  });
});

describe('orgs.get', () => {
  it('answers the organisation with its path from the root and its children', async () => {
    const street = dataOf<OrgsOutput['get']>(await harness.call(openIds.member, 'orgs', 'get', { orgId: orgIds.lujiazui }));
    expect(street.org.id).toBe(orgIds.lujiazui);
    expect(street.path.map((org: OrgNode) => org.id)).toEqual([orgIds.general]);
    expect(street.children.map((org: OrgNode) => org.id)).toEqual([orgIds.lujiazuiReading]);
    expect(street.joined).toBe(true);
    expect(street.canManage).toBe(false);
    const club = dataOf<OrgsOutput['get']>(await harness.call(null, 'orgs', 'get', { orgId: orgIds.lujiazuiReading }));
    expect(club.path.map((org: OrgNode) => org.id)).toEqual([orgIds.general, orgIds.lujiazui]);
    expect(club).toMatchObject({ joined: false, canManage: false, children: [] });
  });

  it('tells organizers within reach that they can manage it', async () => {
    const get = async (openId: string, orgId: string) => dataOf<OrgsOutput['get']>(await harness.call(openId, 'orgs', 'get', { orgId })).canManage;
    expect(await get(openIds.lujiazuiOrganizer, orgIds.lujiazuiReading)).toBe(true);
    expect(await get(openIds.generalOrganizer, orgIds.huamu)).toBe(true);
    expect(await get(openIds.admin, orgIds.lujiazui)).toBe(true);
    expect(await get(openIds.huamuOrganizer, orgIds.lujiazui)).toBe(false);
    expect(await get(openIds.steward, orgIds.lujiazui)).toBe(false);
  });

  it('answers NOT_FOUND for an unknown organisation', async () => {
    expect(await harness.call(null, 'orgs', 'get', { orgId: 'org-nowhere' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('orgs.join and leave', () => {
  it('needs a signed-in caller with a profile', async () => {
    expect(await harness.call(null, 'orgs', 'join', { orgId: orgIds.huamu })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await harness.call(openIds.consentedOnly, 'orgs', 'join', { orgId: orgIds.huamu })).toEqual({
      ok: false,
      code: 'PROFILE_REQUIRED',
      message: '请先完善个人资料',
    });
    expect(await harness.call('openid-stranger', 'orgs', 'join', { orgId: orgIds.huamu })).toMatchObject({ code: 'PROFILE_REQUIRED' });
  });

  it('joins and leaves, moving the member count with the membership', async () => {
    const memberId = await newMember('openid-joiner');
    const before = (await harness.findOrg(orgIds.professional))!.memberCount;
    const joined = dataOf<OrgsOutput['join']>(await harness.call('openid-joiner', 'orgs', 'join', { orgId: orgIds.professional }));
    expect(joined).toEqual({ orgId: orgIds.professional, joined: true, memberCount: before + 1 });
    expect((await harness.findMember(memberId))?.orgIds).toEqual([orgIds.professional]);
    expect(await harness.call('openid-joiner', 'orgs', 'join', { orgId: orgIds.professional })).toEqual({
      ok: false,
      code: 'ALREADY_MEMBER',
      message: '你已经是该组织的成员',
    });
    const left = dataOf<OrgsOutput['leave']>(await harness.call('openid-joiner', 'orgs', 'leave', { orgId: orgIds.professional }));
    expect(left).toEqual({ orgId: orgIds.professional, joined: false, memberCount: before });
    expect((await harness.findOrg(orgIds.professional))!.memberCount).toBe(before);
    expect(await harness.call('openid-joiner', 'orgs', 'leave', { orgId: orgIds.professional })).toMatchObject({ code: 'NOT_MEMBER' });
  });

  it('counts a concurrent double join once', async () => {
    const memberId = await newMember('openid-double-joiner');
    const before = (await harness.findOrg(orgIds.huamu))!.memberCount;
    const replies = await Promise.all([1, 2, 3, 4].map(() => harness.call('openid-double-joiner', 'orgs', 'join', { orgId: orgIds.huamu })));
    expect(replies.filter((reply) => reply.ok)).toHaveLength(1);
    for (const reply of replies.filter((r) => !r.ok)) expect(reply).toMatchObject({ code: 'ALREADY_MEMBER' });
    expect((await harness.findOrg(orgIds.huamu))!.memberCount).toBe(before + 1);
    expect((await harness.findMember(memberId))?.orgIds).toEqual([orgIds.huamu]);
  });

  it('counts a concurrent double leave once', async () => {
    await newMember('openid-double-leaver');
    await harness.call('openid-double-leaver', 'orgs', 'join', { orgId: orgIds.lujiazuiReading });
    const before = (await harness.findOrg(orgIds.lujiazuiReading))!.memberCount;
    const replies = await Promise.all([1, 2, 3].map(() => harness.call('openid-double-leaver', 'orgs', 'leave', { orgId: orgIds.lujiazuiReading })));
    expect(replies.filter((reply) => reply.ok)).toHaveLength(1);
    expect((await harness.findOrg(orgIds.lujiazuiReading))!.memberCount).toBe(before - 1);
  });

  it('answers NOT_FOUND for an unknown organisation and changes nothing', async () => {
    expect(await harness.call(openIds.member, 'orgs', 'join', { orgId: 'org-nowhere' })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await harness.findMember('m-member'))?.orgIds).toEqual([orgIds.lujiazui]);
  });
});

describe('orgs.members', () => {
  const list = (openId: string | null, orgId: string, page = 1, pageSize = 20) => harness.call(openId, 'orgs', 'members', { orgId, page, pageSize });

  it('lets an organizer list their organisation with unmasked mobiles', async () => {
    const page = dataOf<Page<OrgMember>>(await list(openIds.lujiazuiOrganizer, orgIds.lujiazui));
    expect(page.items.map((member) => member.memberId)).toEqual(['m-lujiazui-organizer', 'm-member', 'm-other-member', 'm-steward']);
    expect(page.items.find((member) => member.memberId === 'm-member')).toEqual({
      memberId: 'm-member',
      name: '陈思远',
      mobile: '13812341234',
      sector: 'professional',
      employer: '浦江律师事务所',
    });
    expect(page.hasMore).toBe(false);
  });

  it('pages the list', async () => {
    const first = dataOf<Page<OrgMember>>(await list(openIds.admin, orgIds.lujiazui, 1, 3));
    const second = dataOf<Page<OrgMember>>(await list(openIds.admin, orgIds.lujiazui, 2, 3));
    expect(first).toMatchObject({ page: 1, pageSize: 3, hasMore: true });
    expect(first.items).toHaveLength(3);
    expect(second).toMatchObject({ page: 2, hasMore: false });
    expect(second.items.map((m) => m.memberId)).toEqual(['m-steward']);
  });

  it('lets the general association organizer and admins reach a street, and a street organizer its club', async () => {
    expect(await list(openIds.generalOrganizer, orgIds.lujiazui)).toMatchObject({ ok: true });
    expect(await list(openIds.admin, orgIds.huamu)).toMatchObject({ ok: true });
    expect(await list(openIds.lujiazuiOrganizer, orgIds.lujiazuiReading)).toMatchObject({ ok: true });
  });

  it('refuses members, stewards, organizers of a sibling street and of a child', async () => {
    const forbidden = { ok: false, code: 'FORBIDDEN', message: '没有权限进行此操作' };
    expect(await list(openIds.member, orgIds.lujiazui)).toEqual(forbidden);
    expect(await list(openIds.steward, orgIds.lujiazui)).toEqual(forbidden);
    expect(await list(openIds.huamuOrganizer, orgIds.lujiazui)).toEqual(forbidden);
    expect(await list(openIds.lujiazuiOrganizer, orgIds.general)).toEqual(forbidden);
    expect(await list('openid-stranger', orgIds.lujiazui)).toEqual(forbidden);
    expect(await list(null, orgIds.lujiazui)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('orgs.grantRole and revokeRole', () => {
  it('lets an organizer grant and revoke a steward within reach, each write audited', async () => {
    const grant = { orgId: orgIds.lujiazuiReading, memberId: 'm-member', role: 'steward' };
    expect(dataOf(await harness.call(openIds.lujiazuiOrganizer, 'orgs', 'grantRole', grant))).toEqual(grant);
    expect((await harness.findMember('m-member'))?.roles).toEqual([{ orgId: orgIds.lujiazuiReading, role: 'steward' }]);
    expect(await harness.call(openIds.lujiazuiOrganizer, 'orgs', 'grantRole', grant)).toMatchObject({ ok: true });
    expect((await harness.findMember('m-member'))?.roles).toHaveLength(1);

    expect(dataOf(await harness.call(openIds.lujiazuiOrganizer, 'orgs', 'revokeRole', grant))).toEqual(grant);
    expect((await harness.findMember('m-member'))?.roles).toEqual([]);

    const rows = await auditRowsFor('m-member');
    expect(rows.map((row) => row.action)).toEqual(expect.arrayContaining(['grantRole', 'revokeRole']));
    const revoke = rows.find((row) => row.action === 'revokeRole')!;
    expect(revoke).toMatchObject({
      actorMemberId: 'm-lujiazui-organizer',
      actorRole: 'organizer',
      function: 'orgs',
      orgId: orgIds.lujiazuiReading,
      target: { collection: 'members', id: 'm-member' },
    });
    expect(revoke.at).toBeInstanceOf(Date);
    expect(Math.abs(revoke.at.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('records the authority actually used', async () => {
    await harness.call(openIds.admin, 'orgs', 'grantRole', { orgId: orgIds.huamu, memberId: 'm-steward', role: 'steward' });
    const rows = await auditRowsFor('m-steward');
    expect(rows).toEqual([expect.objectContaining({ actorMemberId: 'm-admin', actorRole: 'admin', orgId: orgIds.huamu, action: 'grantRole' })]);
  });

  it('keeps admin grants to admins', async () => {
    const grantAdmin = { orgId: orgIds.general, memberId: 'm-other-member', role: 'admin' };
    expect(await harness.call(openIds.generalOrganizer, 'orgs', 'grantRole', grantAdmin)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await harness.call(openIds.generalOrganizer, 'orgs', 'revokeRole', { ...grantAdmin, memberId: 'm-admin' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await harness.call(openIds.admin, 'orgs', 'grantRole', grantAdmin)).toMatchObject({ ok: true });
    expect((await harness.findMember('m-other-member'))?.roles).toContainEqual({ orgId: orgIds.general, role: 'admin' });
    expect(await harness.call(openIds.admin, 'orgs', 'revokeRole', grantAdmin)).toMatchObject({ ok: true });
  });

  it('refuses callers without reach and writes no audit row for them', async () => {
    const grant = { orgId: orgIds.lujiazui, memberId: 'm-consented-only', role: 'organizer' };
    for (const openId of [openIds.member, openIds.steward, openIds.huamuOrganizer, 'openid-stranger']) {
      expect(await harness.call(openId, 'orgs', 'grantRole', grant)).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await harness.call(openIds.lujiazuiOrganizer, 'orgs', 'grantRole', { ...grant, orgId: orgIds.general })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await harness.findMember('m-consented-only'))?.roles).toEqual([]);
    expect(await auditRowsFor('m-consented-only')).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown or erased member, after checking authority', async () => {
    const grant = { orgId: orgIds.lujiazui, memberId: 'm-nobody', role: 'steward' };
    expect(await harness.call(openIds.lujiazuiOrganizer, 'orgs', 'grantRole', grant)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await harness.call(openIds.member, 'orgs', 'grantRole', grant)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await harness.call(openIds.admin, 'orgs', 'grantRole', { ...grant, orgId: 'org-nowhere' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await auditRowsFor('m-nobody')).toEqual([]);
  });
});
