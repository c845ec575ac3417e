import type { MemberDoc } from '../data/documents';

/**
 * `members.openId` carries a unique index, so an erased account keeps a value no OPENID can take;
 * the same person signing in again then starts a new record.
 */
export function erasedOpenId(memberId: string): string {
  return `erased:${memberId}`;
}

export type ErasedMemberFields = Pick<
  MemberDoc,
  'openId' | 'profile' | 'orgIds' | 'roles' | 'privacyAcceptedVersion' | 'privacyAcceptedAt' | 'updatedAt' | 'deletedAt'
>;

export interface AccountErasure {
  fields: ErasedMemberFields;
  /** Organisations whose member counts drop by one. */
  leftOrgIds: string[];
}

/**
 * Deleting an account erases what identifies the person: the profile (name, mobile, sector, employer,
 * title), the OPENID, memberships, role grants and the privacy acceptance. The member id stays, anonymous,
 * so audit rows and events that name it as actor or creator remain consistent.
 */
export function planAccountErasure(member: MemberDoc, now: Date): AccountErasure {
  return {
    fields: {
      openId: erasedOpenId(member._id),
      profile: null,
      orgIds: [],
      roles: [],
      privacyAcceptedVersion: null,
      privacyAcceptedAt: null,
      updatedAt: now,
      deletedAt: now,
    },
    leftOrgIds: [...new Set(member.orgIds)],
  };
}
