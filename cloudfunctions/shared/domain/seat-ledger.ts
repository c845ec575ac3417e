import type { SeatCounters } from '../contract/registrations';
import type { RegistrationStatus } from '../contract/vocabulary';
import type { EventDoc } from '../data/documents';

/**
 * The seat ledger of one event. A sign-up takes the next sign-up number ("arrival", 1, 2, 3, ...) with one
 * atomic increment on the event; numbers up to `admitThrough` hold seats, later ones wait in number order.
 * So a sign-up writes the event once and decides confirmed or waitlisted from the number it got: concurrent
 * sign-ups can never oversell, and nobody has to re-read a counter.
 *
 * When a numbered entry stops holding (cancelled, rejected, offer expired, a double tap's spare number), its number
 * is recorded as vacated. A vacated number at or below `admitThrough` is released exactly once (a conditional flag
 * decides who releases), and each release moves `admitThrough` on by one, which seats the next number in line;
 * or, while the event is over capacity after a capacity cut, pays off one seat of `seatDebt` instead.
 *
 * Fields, all on the event document:
 * - `arrivals`: numbers handed out.
 * - `admitThrough`: the last seated number.
 * - `releasedSlots`: vacated numbers released (all of them at or below `admitThrough`).
 * - `seatDebt`: seats to give back before anyone else is seated (capacity lowered below the seats held).
 * - `deadWaiting`: vacated numbers not yet released (in line behind `admitThrough`).
 * - `openOffers`: seats held for waitlisted members who have not claimed them yet.
 * - `pendingCount`: sign-ups awaiting an organizer's approval (they get a number when approved).
 */
export type SeatLedger = Pick<EventDoc, 'capacity' | 'arrivals' | 'admitThrough' | 'releasedSlots' | 'seatDebt' | 'deadWaiting' | 'openOffers' | 'pendingCount'>;

export function openingLedger(capacity: number): Omit<SeatLedger, 'capacity'> {
  return { arrivals: 0, admitThrough: capacity, releasedSlots: 0, seatDebt: 0, deadWaiting: 0, openOffers: 0, pendingCount: 0 };
}

/** Seats held by confirmed entries and open offers. */
export function seatsHeld(ledger: SeatLedger): number {
  return Math.min(ledger.arrivals, ledger.admitThrough) - ledger.releasedSlots;
}

export function seatCounters(ledger: SeatLedger): SeatCounters {
  return {
    seatsTaken: seatsHeld(ledger) - ledger.openOffers,
    waitlistCount: Math.max(0, ledger.arrivals - ledger.admitThrough - ledger.deadWaiting),
    openOffers: ledger.openOffers,
    pendingCount: ledger.pendingCount,
  };
}

export function isSeated(ledger: Pick<SeatLedger, 'admitThrough'>, arrival: number): boolean {
  return arrival <= ledger.admitThrough;
}

/**
 * The place in line of the newest number, from the event as its increment returned it: everyone between the
 * seated numbers and it, less the vacated numbers (all of them are older than the newest).
 */
export function newestWaitlistPosition(ledger: SeatLedger, arrival: number): number {
  return Math.max(1, arrival - ledger.admitThrough - ledger.deadWaiting);
}

export interface CapacityChange {
  capacity: number;
  /** How far `admitThrough` moves: positive seats the next numbers in line. */
  admitThroughDelta: number;
  seatDebtDelta: number;
}

/**
 * A new capacity never unseats anyone: a cut first takes back seats nobody has a number for yet, and the rest
 * becomes seat debt that releases pay off; a raise pays off debt first, then seats the next numbers in line.
 */
export function changeCapacity(ledger: SeatLedger, capacity: number): CapacityChange {
  const delta = capacity - ledger.capacity;
  if (delta >= 0) {
    const paid = Math.min(ledger.seatDebt, delta);
    return { capacity, admitThroughDelta: delta - paid, seatDebtDelta: 0 - paid };
  }
  const cut = -delta;
  const unissued = Math.max(0, ledger.admitThrough - ledger.arrivals);
  const fromUnissued = Math.min(cut, unissued);
  return { capacity, admitThroughDelta: 0 - fromUnissued, seatDebtDelta: cut - fromUnissued };
}

export interface EntryStanding {
  state: 'pending' | 'active' | 'cancelled' | 'rejected' | 'expired';
  arrival: number | null;
  offer: { claimedAt: Date | null } | null;
  /** For teams: whether it has reached its minimum size (it gets a number then). */
  forming: boolean;
}

/** How a member sees an entry, given the event's ledger. */
export function registrationStatus(ledger: Pick<SeatLedger, 'admitThrough'>, entry: EntryStanding): RegistrationStatus {
  switch (entry.state) {
    case 'pending':
      return 'pending';
    case 'cancelled':
    case 'rejected':
    case 'expired':
      return entry.state;
    case 'active':
      if (entry.forming || entry.arrival === null) return 'forming';
      if (!isSeated(ledger, entry.arrival)) return 'waitlisted';
      return entry.offer !== null && entry.offer.claimedAt === null ? 'offered' : 'confirmed';
  }
}
