import type { MemberMatch, MyRegistration, MyRegistrationItem, RegistrationRow, TeamView } from '../contract/registrations';
import type { RegistrationStatus } from '../contract/vocabulary';
import type { EventDoc, MemberDoc, RegistrationDoc } from '../data/documents';
import { maskName } from './masking';
import { toInstant } from './mapping';
import { cancelUntil } from './registration-rules';
import { registrationStatus } from './seat-ledger';

/**
 * A numbered entry's standing (a person's own row, or a team's entry) under the event's ledger; everything on a
 * cancelled event is cancelled.
 */
export function entryStatus(event: Pick<EventDoc, 'status' | 'admitThrough'>, entry: RegistrationDoc): RegistrationStatus {
  if (event.status === 'cancelled' && (entry.state === 'active' || entry.state === 'pending')) return 'cancelled';
  return registrationStatus(event, { state: entry.state, arrival: entry.arrival, offer: entry.offer, forming: entry.kind === 'team' && entry.arrival === null });
}

/** A member's status: their own row's, unless they are in a team, whose entry decides while they are in it. */
export function memberStatus(event: Pick<EventDoc, 'status' | 'admitThrough'>, own: RegistrationDoc, teamEntry: RegistrationDoc | null): RegistrationStatus {
  if (own.kind === 'teammate' && own.state === 'active' && teamEntry) return entryStatus(event, teamEntry);
  return entryStatus(event, own);
}

export function toTeamView(teamEntry: RegistrationDoc, teammates: RegistrationDoc[], viewerMemberId: string): TeamView {
  const team = teamEntry.team!;
  const active = teammates.filter((row) => row.state === 'active');
  const isMember = active.some((row) => row.memberId === viewerMemberId);
  return {
    id: teamEntry._id,
    name: team.name,
    inviteCode: isMember ? team.inviteCode : null,
    size: team.size,
    minSize: team.minSize,
    maxSize: team.maxSize,
    members: active.map((row) => ({
      name: row.memberId === viewerMemberId ? row.contact.name : maskName(row.contact.name),
      isCaptain: row.memberId === teamEntry.memberId,
      isMe: row.memberId === viewerMemberId,
    })),
  };
}

export interface MyRegistrationParts {
  event: EventDoc;
  own: RegistrationDoc;
  teamEntry: RegistrationDoc | null;
  teammates: RegistrationDoc[];
  waitlistPosition: number | null;
  now: Date;
}

export function toMyRegistration({ event, own, teamEntry, teammates, waitlistPosition, now }: MyRegistrationParts): MyRegistration {
  const status = memberStatus(event, own, teamEntry);
  const entry = own.kind === 'teammate' && teamEntry ? teamEntry : own;
  const open = status !== 'cancelled' && status !== 'rejected' && status !== 'expired';
  const until = open ? cancelUntil(event, now) : null;
  return {
    eventId: event._id,
    status,
    waitlistPosition: status === 'waitlisted' ? waitlistPosition : null,
    offerExpiresAt: status === 'offered' && entry.offer ? toInstant(entry.offer.expiresAt) : null,
    contact: own.contact,
    answers: own.answers,
    team: teamEntry && own.state === 'active' ? toTeamView(teamEntry, teammates, own.memberId) : null,
    registeredAt: toInstant(own.createdAt),
    decisionMessage: own.decisionMessage,
    cancelUntil: status === 'waitlisted' && open && now < event.startAt ? toInstant(event.startAt) : until ? toInstant(until) : null,
  };
}

export function toMyRegistrationItem(parts: MyRegistrationParts): MyRegistrationItem {
  const { event } = parts;
  return {
    ...toMyRegistration(parts),
    event: {
      id: event._id,
      title: event.title,
      kind: event.kind,
      status: event.status,
      startAt: toInstant(event.startAt),
      endAt: toInstant(event.endAt),
      venue: event.venue,
      hasSummary: Boolean(event.summary),
    },
  };
}

/** Organizers see the contact in full: they phone people about the event. */
export function toRegistrationRow(
  event: Pick<EventDoc, 'status' | 'admitThrough'>,
  own: RegistrationDoc,
  teamEntry: RegistrationDoc | null,
  member: MemberDoc | null,
  waitlistPosition: number | null,
): RegistrationRow {
  const status = memberStatus(event, own, teamEntry);
  return {
    memberId: own.memberId,
    name: own.contact.name,
    mobile: own.contact.mobile,
    sector: member?.profile?.sector ?? null,
    employer: member?.profile?.employer ?? '',
    title: member?.profile?.title ?? '',
    status,
    waitlistPosition: status === 'waitlisted' ? waitlistPosition : null,
    answers: own.answers,
    team: teamEntry?.team ? { name: teamEntry.team.name, size: teamEntry.team.size, isCaptain: teamEntry.memberId === own.memberId } : null,
    registeredAt: toInstant(own.createdAt),
    addedByOrganizer: own.addedBy !== null,
    decisionMessage: own.decisionMessage,
  };
}

export function toMemberMatch(member: MemberDoc, registration: { event: Pick<EventDoc, 'status' | 'admitThrough'>; own: RegistrationDoc; teamEntry: RegistrationDoc | null } | null): MemberMatch {
  return {
    memberId: member._id,
    name: member.profile?.name ?? '',
    mobile: member.profile?.mobile ?? '',
    employer: member.profile?.employer ?? '',
    registrationStatus: registration ? memberStatus(registration.event, registration.own, registration.teamEntry) : null,
  };
}
