import { erasedOpenId, planAccountErasure } from '../../cloudfunctions/shared/domain/account-deletion';
import { memberDoc } from './fixtures';

describe('account deletion', () => {
  const now = new Date('2026-11-25T02:00:00Z');

  it('replaces the OPENID by a tombstone no WeChat OPENID can equal', () => {
    expect(erasedOpenId('m-1')).toBe('erased:m-1');
  });

  it('erases what identifies the person and keeps the id out of the update', () => {
    const { fields } = planAccountErasure(memberDoc(), now);
    expect(fields).toEqual({
      openId: 'erased:m-1',
      profile: null,
      orgIds: [],
      roles: [],
      privacyAcceptedVersion: null,
      privacyAcceptedAt: null,
      updatedAt: now,
      deletedAt: now,
    });
    expect(fields).not.toHaveProperty('_id');
    expect(fields).not.toHaveProperty('createdAt');
  });

  it('names each organisation whose count drops, once', () => {
    const member = memberDoc({ orgIds: ['org-general', 'org-street-lujiazui', 'org-general'] });
    expect(planAccountErasure(member, now).leftOrgIds).toEqual(['org-general', 'org-street-lujiazui']);
    expect(planAccountErasure(memberDoc({ orgIds: [] }), now).leftOrgIds).toEqual([]);
  });
});
