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

/** The same limits and messages as the server's profile schema, so a member sees them before submitting. */
export function validateProfile(draft: ProfileDraft): ProfileErrors {
  const errors: ProfileErrors = {};
  const name = draft.name.trim();
  if (name.length === 0) errors.name = '请填写姓名';
  else if (name.length > 20) errors.name = '姓名不能超过20个字';
  if (!/^1[3-9]\d{9}$/.test(draft.mobile)) errors.mobile = '请输入11位手机号码';
  if (draft.sector === '') errors.sector = '请选择界别';
  if (draft.employer.trim().length > 60) errors.employer = '单位名称不能超过60个字';
  if (draft.title.trim().length > 30) errors.title = '职务不能超过30个字';
  return errors;
}
