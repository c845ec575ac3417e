import type { SeatCounters } from '../contract/registrations';
import type { EventDoc, RegistrationDoc, VacatedSlotDoc } from '../data/documents';
import { eventSeatCounters } from './mapping';
import { isSeated, type SeatLedger } from './seat-ledger';

export interface LedgerCount {
  /** What the event's ledger says. */
  stored: SeatCounters;
  /** What the rows say. */
  counted: SeatCounters;
  /** Numbers handed out that neither a live entry nor a vacated record accounts for (a crash mid sign-up or mid cancel). */
  missingSlots: number[];
  /** Vacated numbers within the seats that were never released (a crash between recording and releasing). */
  unreleasedSeatedSlots: number[];
  /** The ledger counters as the rows would have them. */
  ledger: Pick<SeatLedger, 'pendingCount' | 'openOffers' | 'deadWaiting' | 'releasedSlots'>;
  consistent: boolean;
}

function sameCounters(a: SeatCounters, b: SeatCounters): boolean {
  return a.seatsTaken === b.seatsTaken && a.waitlistCount === b.waitlistCount && a.openOffers === b.openOffers && a.pendingCount === b.pendingCount;
}

/** Counts an event's rows the way its ledger should: the check that rebuilds counters from registrations. */
export function countLedgerRows(event: EventDoc, rows: RegistrationDoc[], vacated: VacatedSlotDoc[]): LedgerCount {
  const cancelled = event.status === 'cancelled';
  const numbered = rows.filter((row) => row.kind !== 'teammate' && row.state === 'active' && row.arrival !== null);
  const offered = (row: RegistrationDoc) => row.offer !== null && row.offer.claimedAt === null;
  const seated = numbered.filter((row) => isSeated(event, row.arrival!));
  const pendingCount = rows.filter((row) => row.state === 'pending').length;
  const counted: SeatCounters = cancelled
    ? { seatsTaken: 0, waitlistCount: 0, openOffers: 0, pendingCount }
    : {
        seatsTaken: seated.filter((row) => !offered(row)).length,
        waitlistCount: numbered.length - seated.length,
        openOffers: seated.filter(offered).length,
        pendingCount,
      };
  const accounted = new Set([...numbered.map((row) => row.arrival!), ...vacated.map((slot) => slot.slot)]);
  const missingSlots = cancelled ? [] : Array.from({ length: event.arrivals }, (_, i) => i + 1).filter((slot) => !accounted.has(slot));
  const unreleasedSeatedSlots = cancelled ? [] : vacated.filter((slot) => !slot.released && isSeated(event, slot.slot)).map((slot) => slot.slot);
  const stored = eventSeatCounters(event);
  return {
    stored,
    counted,
    missingSlots,
    unreleasedSeatedSlots,
    ledger: {
      pendingCount,
      openOffers: counted.openOffers,
      deadWaiting: vacated.filter((slot) => !slot.released).length,
      releasedSlots: vacated.filter((slot) => slot.released).length,
    },
    consistent: sameCounters(stored, counted) && missingSlots.length === 0 && unreleasedSeatedSlots.length === 0,
  };
}

/** The members a team entry counts; a team stored before teams listed their members (an old local database) counts nobody by id. */
export function countedMembers(teamEntry: RegistrationDoc): string[] {
  return teamEntry.team?.memberIds ?? [];
}

/**
 * Places that active teams hold for members with no active row in them: a join cut short after counting the member in
 * (the member never came back to finish it), which would turn a later member away from a team with room.
 */
export function strandedTeamPlaces(rows: RegistrationDoc[]): { team: RegistrationDoc; memberIds: string[] }[] {
  const inTeams = new Set(rows.filter((row) => row.kind === 'teammate' && row.state === 'active').map((row) => `${row.teamId}\n${row.memberId}`));
  return rows
    .filter((row) => row.kind === 'team' && row.state === 'active')
    .map((team) => ({ team, memberIds: countedMembers(team).filter((memberId) => !inTeams.has(`${team._id}\n${memberId}`)) }))
    .filter((stranded) => stranded.memberIds.length > 0);
}
