import type { Contact } from '../contract/registrations';
import type { MemberDoc, RegistrationDoc } from '../data/documents';

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

/** What a deleted member's registrations show instead of their name and mobile. */
export const erasedContact: Contact = { name: '已注销用户', mobile: '' };

export function isOpenRegistration(row: RegistrationDoc): boolean {
  return row.state === 'active' || row.state === 'pending';
}

/**
 * The registrations a deletion ends: open ones of events that have not ended (rows of past events stay, scrubbed,
 * for attendance figures). The member's own rows come first; a team entry they captain follows, so that the usual
 * way to end it is through their own row, and only a team left without one is ended as itself.
 */
export function registrationsToEnd(rows: RegistrationDoc[], now: Date): RegistrationDoc[] {
  const open = rows.filter((row) => isOpenRegistration(row) && row.event.endAt > now);
  return [...open.filter((row) => row.kind !== 'team'), ...open.filter((row) => row.kind === 'team')];
}

/**
 * How a deleted member leaves a team they are in: a captain takes the team with them; anyone else leaves it one
 * smaller, even below its minimum; a team already ended only needs their own row closed.
 */
export function teamExit(own: RegistrationDoc, teamEntry: RegistrationDoc | null): 'disband' | 'leave' | 'closeOwnRow' {
  if (!teamEntry || !isOpenRegistration(teamEntry)) return 'closeOwnRow';
  return teamEntry.memberId === own.memberId ? 'disband' : 'leave';
}
