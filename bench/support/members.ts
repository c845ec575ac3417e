import { privacyNoticeVersion } from '../../cloudfunctions/shared/contract/vocabulary';
import type { MemberDoc } from '../../cloudfunctions/shared/data/documents';
import { newMemberRecord } from '../../cloudfunctions/shared/domain/membership';

/** A member who has filled in a profile and accepted the privacy notice: someone who may sign up. */
export function readyMember(fields: { _id: string; openId: string; name: string; mobile: string; employer: string; orgIds: string[] }, now: Date): MemberDoc {
  return {
    _id: fields._id,
    ...newMemberRecord(fields.openId, privacyNoticeVersion, now),
    profile: { name: fields.name, mobile: fields.mobile, sector: 'enterprise', employer: fields.employer, title: '' },
    orgIds: fields.orgIds,
  };
}
