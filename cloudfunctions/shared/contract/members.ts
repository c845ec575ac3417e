import { z } from 'zod';
import { privacyNoticeVersion, sectors, type Sector } from './vocabulary';
import { emptyInput, type Instant, type RoleGrant } from './common';

const mobileSchema = z.string().regex(/^1[3-9]\d{9}$/, '请输入11位手机号码');

export const profileInput = z.strictObject({
  name: z.string().trim().min(1, '请填写姓名').max(20, '姓名不能超过20个字'),
  mobile: mobileSchema,
  sector: z.enum(sectors),
  employer: z.string().trim().max(60, '单位名称不能超过60个字').default(''),
  title: z.string().trim().max(30, '职务不能超过30个字').default(''),
});
export type ProfileInput = z.input<typeof profileInput>;

export const membersInput = {
  me: emptyInput,
  acceptPrivacy: z.strictObject({ version: z.literal(privacyNoticeVersion) }),
  saveProfile: profileInput,
  myData: emptyInput,
  deleteAccount: z.strictObject({ confirm: z.literal('DELETE') }),
};

/** What a member sees of themselves: unmasked. */
export interface MemberProfile {
  id: string;
  name: string;
  mobile: string;
  sector: Sector;
  employer: string;
  title: string;
  orgIds: string[];
  createdAt: Instant;
  updatedAt: Instant;
}

export interface MeResult {
  /** null until the member saves a profile for the first time. */
  profile: MemberProfile | null;
  roles: RoleGrant[];
  privacyAcceptedVersion: string | null;
  currentPrivacyVersion: string;
}

export interface MyDataResult {
  exportedAt: Instant;
  /** Every stored record about the caller, by collection name. */
  collections: Record<string, unknown[]>;
}

export interface MembersOutput {
  me: MeResult;
  acceptPrivacy: { privacyAcceptedVersion: string };
  saveProfile: MemberProfile;
  myData: MyDataResult;
  deleteAccount: { deleted: true };
}
