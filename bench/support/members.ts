import type { MemberDoc } from '../../cloudfunctions/shared/data/documents';

/** A member who has filled in a profile and accepted the privacy notice: someone who may sign up. */
export function readyMember(fields: { _id: string; openId: string; name: string; mobile: string; employer: string; orgIds: string[] }, now: Date): MemberDoc {
  return {
    _id: fields._id,
    openId: fields.openId,
    profile: { name: fields.name, mobile: fields.mobile, sector: 'enterprise', employer: fields.employer, title: '' },
    orgIds: fields.orgIds,
    roles: [],
    privacyAcceptedVersion: '2026-11',
    privacyAcceptedAt: now,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
}
