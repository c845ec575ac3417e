import type { Instant } from '../contract/common';
import type { EventDetail, EventSummary } from '../contract/events';
import type { MemberProfile } from '../contract/members';
import type { OrgMember, OrgNode } from '../contract/orgs';
import type { EventDoc, MemberDoc, MemberProfileFields, OrgDoc } from '../data/documents';

export function toInstant(value: Date): Instant {
  return value.toISOString();
}

export function toMemberProfile(member: MemberDoc & { profile: MemberProfileFields }): MemberProfile {
  return {
    id: member._id,
    ...member.profile,
    orgIds: member.orgIds,
    createdAt: toInstant(member.createdAt),
    updatedAt: toInstant(member.updatedAt),
  };
}

export function hasProfile(member: MemberDoc): member is MemberDoc & { profile: MemberProfileFields } {
  return member.profile !== null;
}

export function toOrgNode(org: OrgDoc): OrgNode {
  return {
    id: org._id,
    name: org.name,
    kind: org.kind,
    parentId: org.parentId,
    description: org.description,
    memberCount: org.memberCount,
  };
}

/** Organizers see the mobile in full: they phone members about events. */
export function toOrgMember(member: MemberDoc): OrgMember {
  return {
    memberId: member._id,
    name: member.profile?.name ?? '',
    mobile: member.profile?.mobile ?? '',
    sector: member.profile?.sector ?? 'other',
    employer: member.profile?.employer ?? '',
  };
}

export function toEventSummary(event: EventDoc): EventSummary {
  return {
    id: event._id,
    title: event.title,
    kind: event.kind,
    status: event.status,
    startAt: toInstant(event.startAt),
    endAt: toInstant(event.endAt),
    venue: event.venue,
    hosts: event.hosts,
    signupOpensAt: toInstant(event.signupOpensAt),
    signupClosesAt: toInstant(event.signupClosesAt),
    capacity: event.capacity,
    seatsTaken: event.seatsTaken,
    waitlistCount: event.waitlistCount,
    requiresApproval: event.requiresApproval,
    membersOnly: event.membersOnly,
    team: event.team,
  };
}

export function toEventDetail(event: EventDoc): EventDetail {
  return {
    ...toEventSummary(event),
    description: event.description,
    schedule: event.schedule,
    questions: event.questions,
    cancellationDeadline: event.cancellationDeadline ? toInstant(event.cancellationDeadline) : null,
    createdAt: toInstant(event.createdAt),
  };
}
