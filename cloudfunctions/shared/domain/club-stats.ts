import { clubLimits, type ClubStats } from '../contract/clubs';
import type { ClubMemberDoc, EventDoc, RegistrationDoc } from '../data/documents';
import { addDays, shanghaiDayOf } from './club-schedule';
import { eventSeatCounters, toInstant } from './mapping';

export interface ClubStatsInput {
  /** Past sessions that were held (not cancelled), the latest first. */
  sessions: EventDoc[];
  /** The active person registrations of those sessions. */
  registrations: Pick<RegistrationDoc, 'eventId' | 'memberId' | 'checkin'>[];
  /** The club's current members. */
  memberships: ClubMemberDoc[];
  names: ReadonlyMap<string, string>;
  memberCount: number;
  now: Date;
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100) / 100;
}

/**
 * The organizers' figures. A member's sessions are those held since they joined, and any earlier one they came to,
 * so a rate never passes 1; an active reader posted a note in the last 30 Shanghai days, today included.
 */
export function clubStats(input: ClubStatsInput): ClubStats {
  const checkedIn = input.registrations.filter((row) => row.checkin);
  const attendedBy = new Map<string, Set<string>>();
  for (const row of checkedIn) {
    const events = attendedBy.get(row.memberId) ?? new Set<string>();
    events.add(row.eventId);
    attendedBy.set(row.memberId, events);
  }
  const sessions = input.sessions.map((session) => ({
    eventId: session._id,
    title: session.title,
    topic: session.clubSession?.topic ?? '',
    startAt: toInstant(session.startAt),
    confirmed: eventSeatCounters(session).seatsTaken,
    checkedIn: checkedIn.filter((row) => row.eventId === session._id).length,
  }));
  const members = input.memberships.map((membership) => {
    const attended = attendedBy.get(membership.memberId) ?? new Set<string>();
    const held = input.sessions.filter((session) => session.startAt >= membership.joinedAt || attended.has(session._id)).length;
    const came = input.sessions.filter((session) => attended.has(session._id)).length;
    return {
      memberId: membership.memberId,
      name: input.names.get(membership.memberId) ?? '',
      attended: came,
      sessions: held,
      rate: ratio(came, held),
      notes: membership.noteCount,
    };
  });
  members.sort((a, b) => b.rate - a.rate || b.attended - a.attended || b.notes - a.notes || a.name.localeCompare(b.name, 'zh'));
  const since = addDays(shanghaiDayOf(input.now), 1 - clubLimits.activeReaderDays);
  return {
    sessions,
    members,
    activeReaders: input.memberships.filter((membership) => membership.lastNoteDay !== null && membership.lastNoteDay >= since).length,
    memberCount: input.memberCount,
  };
}
