import { clubLimits } from '../../../cloudfunctions/shared/contract/club-limits';
import type { ClubSummary } from '../../../cloudfunctions/shared/contract/clubs';

/** A club's basics as the organizer types them: the member cap stays text, blank meaning no cap. */
export interface ClubFieldsForm {
  name: string;
  description: string;
  memberCap: string;
}

/** What clubs.create and clubs.update take besides the org or club id. */
export interface ClubFields {
  name: string;
  description: string;
  memberCap: number | null;
}

export type ClubFieldName = keyof ClubFieldsForm;
export type ClubFieldProblems = Partial<Record<ClubFieldName, string>>;
export type ClubFieldsCheck = { fields: ClubFields; problems: null } | { fields: null; problems: ClubFieldProblems };

export function clubFieldsFormFrom(club: Pick<ClubSummary, 'name' | 'description' | 'memberCap'> | null): ClubFieldsForm {
  return { name: club?.name ?? '', description: club?.description ?? '', memberCap: club?.memberCap === null || !club ? '' : String(club.memberCap) };
}

/** The form as the action's input, or every problem by field, in the words the server uses for the same bounds. */
export function toClubFields(form: ClubFieldsForm): ClubFieldsCheck {
  const problems: ClubFieldProblems = {};
  const name = form.name.trim();
  const description = form.description.trim();
  const typedCap = form.memberCap.trim();
  const cap = Number(typedCap);
  if (!name) problems.name = '请填写读书会名称';
  else if (name.length > clubLimits.clubName) problems.name = `读书会名称不能超过 ${clubLimits.clubName} 个字`;
  if (description.length > clubLimits.description) problems.description = `简介不能超过 ${clubLimits.description} 个字`;
  const { min, max } = clubLimits.memberCap;
  if (typedCap !== '' && (!/^\d+$/.test(typedCap) || cap < min || cap > max)) problems.memberCap = `人数上限应为 ${min}–${max} 之间的整数，或留空表示不限`;
  if (Object.keys(problems).length > 0) return { fields: null, problems };
  return { problems: null, fields: { name, description, memberCap: typedCap === '' ? null : cap } };
}

/** The form field a server refusal names (`field` as the functions report it), if it is one of these. */
export function clubFieldOf(field: string | undefined): ClubFieldName | null {
  return field === 'name' || field === 'description' || field === 'memberCap' ? field : null;
}
