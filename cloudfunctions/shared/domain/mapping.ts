import type { Instant } from '../contract/common';
import type { EventDetail, EventSummary, PostedSummary } from '../contract/events';
import type { MemberProfile } from '../contract/members';
import type { OrgMember, OrgNode } from '../contract/orgs';
import type { SeatCounters } from '../contract/registrations';
import { seatCounters } from './seat-ledger';
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

/** A cancelled event holds no seats and no line, whatever its ledger says. */
export function eventSeatCounters(event: EventDoc): SeatCounters {
  return event.status === 'cancelled' ? { seatsTaken: 0, waitlistCount: 0, openOffers: 0, pendingCount: 0 } : seatCounters(event);
}

export function toEventSummary(event: EventDoc): EventSummary {
  const { seatsTaken, waitlistCount } = eventSeatCounters(event);
  const counters = { seatsTaken, waitlistCount };
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
    ...counters,
    requiresApproval: event.requiresApproval,
    membersOnly: event.membersOnly,
    team: event.team,
    waitlistMode: event.waitlistMode,
  };
}

/** The file ids of the photos an event's summary shows, whose download URLs `toEventDetail` needs. */
export function summaryPhotoIds(event: Pick<EventDoc, 'summary'>): string[] {
  return event.summary?.photoFileIds ?? [];
}

function toPostedSummary(summary: NonNullable<EventDoc['summary']>, photoUrls: ReadonlyMap<string, string>): PostedSummary {
  return {
    text: summary.text,
    photoUrls: summary.photoFileIds.flatMap((fileId) => {
      const url = photoUrls.get(fileId);
      return url === undefined ? [] : [url];
    }),
    postedAt: toInstant(summary.postedAt),
  };
}

/** `photoUrls`: download URLs by file id for the summary's photos (`summaryPhotoIds`); a photo without one is left out. */
export function toEventDetail(event: EventDoc, photoUrls: ReadonlyMap<string, string> = new Map()): EventDetail {
  return {
    ...toEventSummary(event),
    description: event.description,
    schedule: event.schedule,
    questions: event.questions,
    guests: event.guests ?? [],
    summary: event.summary ? toPostedSummary(event.summary, photoUrls) : null,
    cancellationDeadline: event.cancellationDeadline ? toInstant(event.cancellationDeadline) : null,
    offerHours: event.offerHours,
    openOffers: eventSeatCounters(event).openOffers,
    pendingCount: eventSeatCounters(event).pendingCount,
    createdAt: toInstant(event.createdAt),
  };
}
