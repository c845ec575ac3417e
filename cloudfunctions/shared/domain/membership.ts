import { privacyNoticeVersion } from '../contract/vocabulary';
import type { MemberDoc, MemberProfileFields } from '../data/documents';
import { AppError } from './app-error';

export type MemberWithProfile = MemberDoc & { profile: MemberProfileFields };

/** A member record starts when someone accepts the privacy notice, before any personal data is given. */
export function newMemberRecord(openId: string, acceptedVersion: string, now: Date): Omit<MemberDoc, '_id'> {
  return {
    openId,
    profile: null,
    orgIds: [],
    roles: [],
    privacyAcceptedVersion: acceptedVersion,
    privacyAcceptedAt: now,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
}

/** Personal data may only be stored once the current privacy notice was accepted. */
export function requireConsent(member: MemberDoc | null): MemberDoc {
  if (!member || member.privacyAcceptedVersion !== privacyNoticeVersion) throw new AppError('CONSENT_REQUIRED');
  return member;
}

export function requireProfile(member: MemberDoc | null): MemberWithProfile {
  if (!member || member.profile === null) throw new AppError('PROFILE_REQUIRED');
  return member as MemberWithProfile;
}

export function assertCanJoin(member: MemberDoc, orgId: string): void {
  if (member.orgIds.includes(orgId)) throw new AppError('ALREADY_MEMBER');
}

export function assertCanLeave(member: MemberDoc, orgId: string): void {
  if (!member.orgIds.includes(orgId)) throw new AppError('NOT_MEMBER');
}
