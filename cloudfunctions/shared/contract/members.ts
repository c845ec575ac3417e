import { z } from 'zod';
import { privacyNoticeVersion, sectors, type Sector } from './vocabulary';
import { emptyInput, pageSchema, pageSizeSchema, type Instant, type Page, type RoleGrant } from './common';
import type { Notification } from './registrations';
import { mobilePattern, profileLimits, profileMessages } from './profile-rules';

export const profileInput = z.strictObject({
  name: z.string().trim().min(1, profileMessages.nameRequired).max(profileLimits.name, profileMessages.nameTooLong),
  mobile: z.string().regex(mobilePattern, profileMessages.mobileInvalid),
  sector: z.enum(sectors),
  employer: z.string().trim().max(profileLimits.employer, profileMessages.employerTooLong).default(''),
  title: z.string().trim().max(profileLimits.title, profileMessages.titleTooLong).default(''),
});
export type ProfileInput = z.input<typeof profileInput>;

export const membersInput = {
  me: emptyInput,
  acceptPrivacy: z.strictObject({ version: z.literal(privacyNoticeVersion) }),
  saveProfile: profileInput,
  myData: emptyInput,
  deleteAccount: z.strictObject({ confirm: z.literal('DELETE') }),
  notifications: z.strictObject({ page: pageSchema, pageSize: pageSizeSchema }),
  markNotificationsRead: emptyInput,
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
  notifications: Page<Notification> & { unread: number };
  markNotificationsRead: { marked: number };
}
