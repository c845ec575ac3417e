import type { MeResult, MemberProfile, MyDataResult } from '../../cloudfunctions/shared/contract';
import { collections, type MemberDoc } from '../../cloudfunctions/shared/data/documents';
import { dataOf, harnessForThisFile, openIds, orgIds } from '../support/functions';

const harness = harnessForThisFile();

const profile = { name: '王五', mobile: '13512345678', sector: 'freelance', employer: '自由设计工作室', title: '设计师' };

async function membersWithOpenId(openId: string): Promise<MemberDoc[]> {
  const { data } = await harness.db.collection(collections.members).where({ openId }).get();
  return data as MemberDoc[];
}

describe('members.me', () => {
  it('answers an unknown caller with no profile and the notice to accept', async () => {
    const me = dataOf<MeResult>(await harness.call('openid-newcomer-me', 'members', 'me'));
    expect(me).toEqual({ profile: null, roles: [], privacyAcceptedVersion: null, currentPrivacyVersion: '2026-11' });
  });

  it('shows a member their own unmasked profile and roles', async () => {
    const me = dataOf<MeResult>(await harness.call(openIds.lujiazuiOrganizer, 'members', 'me'));
    expect(me.profile).toMatchObject({ id: 'm-lujiazui-organizer', name: '陆家嘴组织者', mobile: '13900000003', orgIds: [orgIds.lujiazui] });
    expect(me.roles).toEqual([{ orgId: orgIds.lujiazui, role: 'organizer' }]);
    expect(me.privacyAcceptedVersion).toBe('2026-11');
  });
});

describe('members.acceptPrivacy and saveProfile', () => {
  it('refuses a profile before the privacy notice was accepted, storing nothing', async () => {
    const reply = await harness.call('openid-newcomer-1', 'members', 'saveProfile', profile);
    expect(reply).toEqual({ ok: false, code: 'CONSENT_REQUIRED', message: '请先阅读并同意隐私保护指引' });
    expect(await membersWithOpenId('openid-newcomer-1')).toEqual([]);
  });

  it('refuses a profile when only an older notice was accepted', async () => {
    await harness.db.collection(collections.members).add({
      openId: 'openid-old-consent',
      profile: null,
      orgIds: [],
      roles: [],
      privacyAcceptedVersion: '2025-01',
      privacyAcceptedAt: new Date(),
      createdAt: new Date(),
      updatedAt: new Date(),
      deletedAt: null,
    });
    expect(await harness.call('openid-old-consent', 'members', 'saveProfile', profile)).toMatchObject({ code: 'CONSENT_REQUIRED' });
    expect(dataOf(await harness.call('openid-old-consent', 'members', 'acceptPrivacy', { version: '2026-11' }))).toEqual({
      privacyAcceptedVersion: '2026-11',
    });
    expect(await harness.call('openid-old-consent', 'members', 'saveProfile', profile)).toMatchObject({ ok: true });
  });

  it('creates the record on acceptance, then saves and updates the profile', async () => {
    const accepted = await harness.call('openid-newcomer-2', 'members', 'acceptPrivacy', { version: '2026-11' });
    expect(dataOf(accepted)).toEqual({ privacyAcceptedVersion: '2026-11' });
    const [record] = await membersWithOpenId('openid-newcomer-2');
    expect(record).toMatchObject({ profile: null, orgIds: [], roles: [], privacyAcceptedVersion: '2026-11', deletedAt: null });

    const saved = dataOf<MemberProfile>(await harness.call('openid-newcomer-2', 'members', 'saveProfile', { ...profile, name: '  王五  ' }));
    expect(saved).toMatchObject({ id: record._id, ...profile, orgIds: [] });
    const updated = dataOf<MemberProfile>(
      await harness.call('openid-newcomer-2', 'members', 'saveProfile', { name: '王五', mobile: '13600000000', sector: 'newmedia' }),
    );
    expect(updated).toMatchObject({ id: record._id, mobile: '13600000000', sector: 'newmedia', employer: '', title: '' });
    expect((await harness.findMember(record._id))?.profile).toEqual({
      name: '王五',
      mobile: '13600000000',
      sector: 'newmedia',
      employer: '',
      title: '',
    });
    const me = dataOf<MeResult>(await harness.call('openid-newcomer-2', 'members', 'me'));
    expect(me.profile?.mobile).toBe('13600000000');
  });

  it('creates one record when the notice is accepted twice at once', async () => {
    const replies = await Promise.all([1, 2, 3].map(() => harness.call('openid-double-tap', 'members', 'acceptPrivacy', { version: '2026-11' })));
    for (const reply of replies) expect(reply).toMatchObject({ ok: true });
    expect(await membersWithOpenId('openid-double-tap')).toHaveLength(1);
  });

  it('refuses another notice version than the current one', async () => {
    const reply = await harness.call('openid-newcomer-3', 'members', 'acceptPrivacy', { version: '2025-01' });
    expect(reply).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', field: 'version' });
  });
});

describe('members.myData', () => {
  it('contains my records only', async () => {
    // Two privileged writes, one by the caller and one by someone else, so audit rows of both exist.
    expect(
      await harness.call(openIds.lujiazuiOrganizer, 'orgs', 'grantRole', { orgId: orgIds.lujiazui, memberId: 'm-other-member', role: 'steward' }),
    ).toMatchObject({ ok: true });
    expect(
      await harness.call(openIds.huamuOrganizer, 'orgs', 'grantRole', { orgId: orgIds.huamu, memberId: 'm-other-member', role: 'steward' }),
    ).toMatchObject({ ok: true });

    const mine = dataOf<MyDataResult>(await harness.call(openIds.lujiazuiOrganizer, 'members', 'myData'));
    expect(Object.keys(mine.collections).sort()).toEqual(['audit', 'clubMembers', 'clubNotes', 'members', 'noteReports', 'notifications', 'registrations']);
    expect(mine.collections.members).toEqual([
      expect.objectContaining({ _id: 'm-lujiazui-organizer', openId: openIds.lujiazuiOrganizer, profile: expect.objectContaining({ name: '陆家嘴组织者' }) }),
    ]);
    expect(mine.collections.audit.length).toBeGreaterThanOrEqual(1);
    for (const row of mine.collections.audit as { actorMemberId: string; at: unknown }[]) {
      expect(row.actorMemberId).toBe('m-lujiazui-organizer');
      expect(typeof row.at).toBe('string');
    }
    expect(JSON.stringify(mine)).not.toContain('m-huamu-organizer');
    expect(JSON.stringify(mine)).not.toContain('13700001111');
  });

  it('answers empty collections for a caller without a record', async () => {
    const data = dataOf<MyDataResult>(await harness.call('openid-nobody', 'members', 'myData'));
    expect(data.collections).toEqual({ members: [], audit: [], registrations: [], notifications: [], clubMembers: [], clubNotes: [], noteReports: [] });
  });
});

describe('members.deleteAccount', () => {
  it('requires the explicit confirmation', async () => {
    expect(await harness.call(openIds.otherMember, 'members', 'deleteAccount', {})).toMatchObject({ code: 'VALIDATION_FAILED', field: 'confirm' });
    expect(await harness.call(null, 'members', 'deleteAccount', { confirm: 'DELETE' })).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('erases the profile, frees the OPENID, lowers member counts and keeps the id in audit rows; a later sign-in starts fresh', async () => {
    const openId = 'openid-leaver';
    await harness.call(openId, 'members', 'acceptPrivacy', { version: '2026-11' });
    const saved = dataOf<MemberProfile>(await harness.call(openId, 'members', 'saveProfile', profile));
    await harness.call(openId, 'orgs', 'join', { orgId: orgIds.huamu });
    await harness.call(openId, 'orgs', 'join', { orgId: orgIds.professional });
    await harness.db.collection(collections.audit).add({
      actorMemberId: saved.id,
      actorRole: 'steward',
      function: 'checkin',
      action: 'scan',
      orgId: orgIds.huamu,
      target: { collection: 'events', id: 'ev-forum' },
      at: new Date(),
    });
    const countsBefore = [(await harness.findOrg(orgIds.huamu))!.memberCount, (await harness.findOrg(orgIds.professional))!.memberCount];

    expect(dataOf(await harness.call(openId, 'members', 'deleteAccount', { confirm: 'DELETE' }))).toEqual({ deleted: true });

    const erased = await harness.findMember(saved.id);
    expect(erased).toMatchObject({
      _id: saved.id,
      openId: `erased:${saved.id}`,
      profile: null,
      orgIds: [],
      roles: [],
      privacyAcceptedVersion: null,
      privacyAcceptedAt: null,
    });
    expect(erased?.deletedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(erased)).not.toMatch(/王五|13512345678|自由设计工作室/);
    expect((await harness.findOrg(orgIds.huamu))!.memberCount).toBe(countsBefore[0] - 1);
    expect((await harness.findOrg(orgIds.professional))!.memberCount).toBe(countsBefore[1] - 1);
    const { data: audit } = await harness.db.collection(collections.audit).where({ actorMemberId: saved.id }).get();
    expect(audit).toHaveLength(1);

    const me = dataOf<MeResult>(await harness.call(openId, 'members', 'me'));
    expect(me).toEqual({ profile: null, roles: [], privacyAcceptedVersion: null, currentPrivacyVersion: '2026-11' });
    expect(await harness.call(openId, 'members', 'saveProfile', profile)).toMatchObject({ code: 'CONSENT_REQUIRED' });
    await harness.call(openId, 'members', 'acceptPrivacy', { version: '2026-11' });
    const fresh = dataOf<MemberProfile>(await harness.call(openId, 'members', 'saveProfile', profile));
    expect(fresh.id).not.toBe(saved.id);
    expect(fresh.orgIds).toEqual([]);
    expect(await harness.findMember(saved.id)).toMatchObject({ openId: `erased:${saved.id}`, profile: null });
  });

  it('lowers each count once when the deletion is tapped twice', async () => {
    const openId = 'openid-double-leaver';
    await harness.call(openId, 'members', 'acceptPrivacy', { version: '2026-11' });
    const saved = dataOf<MemberProfile>(await harness.call(openId, 'members', 'saveProfile', profile));
    await harness.call(openId, 'orgs', 'join', { orgId: orgIds.lujiazuiReading });
    const before = (await harness.findOrg(orgIds.lujiazuiReading))!.memberCount;
    const replies = await Promise.all([1, 2].map(() => harness.call(openId, 'members', 'deleteAccount', { confirm: 'DELETE' })));
    for (const reply of replies) expect(reply).toEqual({ ok: true, data: { deleted: true } });
    expect((await harness.findOrg(orgIds.lujiazuiReading))!.memberCount).toBe(before - 1);
    expect((await harness.findMember(saved.id))?.openId).toBe(`erased:${saved.id}`);
  });

  it('answers deleted for a caller without a record, changing nothing', async () => {
    expect(await harness.call('openid-never-seen', 'members', 'deleteAccount', { confirm: 'DELETE' })).toEqual({ ok: true, data: { deleted: true } });
  });
});
