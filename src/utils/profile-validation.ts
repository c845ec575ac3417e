import { mobilePattern, profileLimits, profileMessages } from '../../cloudfunctions/shared/contract/profile-rules';
import type { Sector } from '../../cloudfunctions/shared/contract/vocabulary';

export type ProfileField = 'name' | 'mobile' | 'sector' | 'employer' | 'title';

export interface ProfileDraft {
  name: string;
  mobile: string;
  sector: Sector | '';
  employer: string;
  title: string;
}

export type ProfileErrors = Partial<Record<ProfileField, string>>;

/** The server's profile rules (contract/profile-rules), checked before submitting. */
export function validateProfile(draft: ProfileDraft): ProfileErrors {
  const errors: ProfileErrors = {};
  const name = draft.name.trim();
  if (name.length === 0) errors.name = profileMessages.nameRequired;
  else if (name.length > profileLimits.name) errors.name = profileMessages.nameTooLong;
  if (!mobilePattern.test(draft.mobile)) errors.mobile = profileMessages.mobileInvalid;
  if (draft.sector === '') errors.sector = profileMessages.sectorRequired;
  if (draft.employer.trim().length > profileLimits.employer) errors.employer = profileMessages.employerTooLong;
  if (draft.title.trim().length > profileLimits.title) errors.title = profileMessages.titleTooLong;
  return errors;
}
