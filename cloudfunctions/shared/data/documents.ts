import type { EventKind, EventStatus, GrantableRole, OrgKind, Sector } from '../contract/vocabulary';
import type { EventQuestion, ScheduleItem, Venue } from '../contract/events';

/**
 * The shapes stored in CloudBase collections. Instants are Date objects (UTC); the data layer turns
 * them into ISO strings for the contract.
 */

export interface MemberProfileFields {
  name: string;
  mobile: string;
  sector: Sector;
  employer: string;
  title: string;
}

/** `members`: one per person. The WeChat OPENID is a looked-up attribute, not the id, so an account can be erased. */
export interface MemberDoc {
  _id: string;
  openId: string | null;
  profile: MemberProfileFields | null;
  orgIds: string[];
  roles: { orgId: string; role: GrantableRole }[];
  privacyAcceptedVersion: string | null;
  privacyAcceptedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** Set when the member deleted their account: the profile and OPENID are gone, the id stays for what others still need. */
  deletedAt: Date | null;
}

/** `orgs`: the 1+6+N tree. `ancestorIds` runs root-first so "organizers reach descendants" is one array test. */
export interface OrgDoc {
  _id: string;
  name: string;
  kind: OrgKind;
  parentId: string | null;
  ancestorIds: string[];
  description: string;
  memberCount: number;
  order: number;
}

/** `events`. Host names are copied in so a list needs no second query. */
export interface EventDoc {
  _id: string;
  title: string;
  kind: EventKind;
  status: EventStatus;
  orgId: string;
  coHostOrgIds: string[];
  /** orgId followed by coHostOrgIds: what an organisation filter matches. */
  hostOrgIds: string[];
  hosts: { id: string; name: string }[];
  description: string;
  venue: Venue;
  startAt: Date;
  endAt: Date;
  signupOpensAt: Date;
  signupClosesAt: Date;
  cancellationDeadline: Date | null;
  capacity: number;
  seatsTaken: number;
  waitlistCount: number;
  requiresApproval: boolean;
  membersOnly: boolean;
  team: { minSize: number; maxSize: number } | null;
  questions: EventQuestion[];
  schedule: ScheduleItem[];
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** `audit`: every write made with an organizer's, steward's or admin's authority. */
export interface AuditDoc {
  _id: string;
  actorMemberId: string;
  actorRole: GrantableRole;
  function: string;
  action: string;
  orgId: string | null;
  target: { collection: string; id: string };
  at: Date;
}

export const collections = {
  members: 'members',
  orgs: 'orgs',
  events: 'events',
  audit: 'audit',
} as const;
