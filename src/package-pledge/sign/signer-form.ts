import type { PledgeCurrent } from '../../../cloudfunctions/shared/contract/pledge';
import type { MemberProfile } from '../../../cloudfunctions/shared/contract/members';
import type { Sector } from '../../../cloudfunctions/shared/contract/vocabulary';

export interface SignerDraft {
  name: string;
  employer: string;
  sector: Sector | '';
  platform: string;
  account: string;
}

export type SignerField = keyof SignerDraft;
export type SignerErrors = Partial<Record<SignerField, string>>;

export const signerFields: SignerField[] = ['name', 'employer', 'sector', 'platform', 'account'];

/** Prefilled from the profile; platform and account from the member's last signature, which the profile does not hold. */
export function signerDraftFrom(profile: MemberProfile | null, my: PledgeCurrent['my']): SignerDraft {
  return {
    name: profile?.name ?? my?.signature?.name ?? '',
    employer: profile?.employer ?? my?.signature?.employer ?? '',
    sector: profile?.sector ?? my?.signature?.sector ?? '',
    platform: my?.signature?.platform ?? '',
    account: my?.signature?.account ?? '',
  };
}

/** The same limits as the contract's `sign` input, checked before the signature is uploaded. */
export function validateSigner(draft: SignerDraft): SignerErrors {
  const errors: SignerErrors = {};
  const name = draft.name.trim();
  const employer = draft.employer.trim();
  if (!name) errors.name = '请填写姓名';
  else if (name.length > 20) errors.name = '姓名不能超过20个字';
  if (!employer) errors.employer = '请填写工作单位';
  else if (employer.length > 60) errors.employer = '单位名称不能超过60个字';
  if (draft.sector === '') errors.sector = '请选择界别';
  if (draft.sector === 'newmedia' && !draft.platform.trim()) errors.platform = '新媒体从业人员请填写平台名称';
  if (draft.platform.trim().length > 30) errors.platform = '平台名称不能超过30个字';
  if (draft.account.trim().length > 40) errors.account = '账号名称不能超过40个字';
  return errors;
}

/** Bytes behind a base64 data URL, to refuse an oversized image before sending it. */
export function dataUrlBytes(dataUrl: string): number {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}
