import { AppError } from '../../cloudfunctions/shared/domain/app-error';
import { assertCanJoin, assertCanLeave, newMemberRecord, requireConsent, requireProfile } from '../../cloudfunctions/shared/domain/membership';
import { memberDoc } from './fixtures';

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'none';
}

describe('membership rules', () => {
  it('starts a record with the acceptance and no personal data', () => {
    const now = new Date('2026-11-25T02:00:00Z');
    const record = newMemberRecord('openid-9', '2026-11', now);
    expect(record).toEqual({
      openId: 'openid-9',
      profile: null,
      orgIds: [],
      roles: [],
      privacyAcceptedVersion: '2026-11',
      privacyAcceptedAt: now,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    });
  });

  it('requires the current privacy notice before personal data', () => {
    expect(codeOf(() => requireConsent(null))).toBe('CONSENT_REQUIRED');
    expect(codeOf(() => requireConsent(memberDoc({ privacyAcceptedVersion: null })))).toBe('CONSENT_REQUIRED');
    expect(codeOf(() => requireConsent(memberDoc({ privacyAcceptedVersion: '2025-01' })))).toBe('CONSENT_REQUIRED');
    expect(requireConsent(memberDoc())._id).toBe('m-1');
  });

  it('requires a profile to join', () => {
    expect(codeOf(() => requireProfile(null))).toBe('PROFILE_REQUIRED');
    expect(codeOf(() => requireProfile(memberDoc({ profile: null })))).toBe('PROFILE_REQUIRED');
    expect(requireProfile(memberDoc()).profile.name).toBe('陈思远');
  });

  it('refuses joining twice and leaving what was never joined', () => {
    const member = memberDoc({ orgIds: ['org-general'] });
    expect(codeOf(() => assertCanJoin(member, 'org-general'))).toBe('ALREADY_MEMBER');
    expect(codeOf(() => assertCanJoin(member, 'org-street-huamu'))).toBe('none');
    expect(codeOf(() => assertCanLeave(member, 'org-street-huamu'))).toBe('NOT_MEMBER');
    expect(codeOf(() => assertCanLeave(member, 'org-general'))).toBe('none');
  });
});
