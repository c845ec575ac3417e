import type { NotificationKind } from '../contract/vocabulary';
import { changeCapacity, isSeated, type SeatLedger } from '../domain/seat-ledger';
import { notice } from '../domain/registration-notices';
import { collections, type EventDoc, type RegistrationDoc, type VacatedSlotDoc } from './documents';
import type { Database, Transaction } from './database';
import { runRetriedTransaction } from './transactions';
import type { NotificationsRepository } from './notifications-repository';
import type { RegistrationsRepository } from './registrations-repository';

/** Registrations a cancelled event ends at once; each is its own conditional write. */
const cancelBatch = 20;

/** The ledger's counters (capacity is set, never moved). */
type LedgerField = Exclude<keyof SeatLedger, 'capacity'>;

/** Where a sign-up may take a number: the event is open, and it is the kind of event that numbers people directly. */
export interface NumberConditions {
  now: Date;
  /** Organisations the member belongs to, for a members-only event; null skips the check (organizer's authority). */
  memberOrgIds: string[] | null;
  /** false for an organizer's approval or hand-added member, who are numbered outside the sign-up window. */
  withinWindow: boolean;
  kind: 'person' | 'team';
}

/**
 * The seat ledger's writes (see domain/seat-ledger.ts). Every move of the event's counters is one atomic
 * `$inc` on the event document; whoever vacates or seats a number follows up on it here, so sign-up,
 * cancellation, approval, capacity changes and offer expiry all keep the counters equal to the rows.
 */
export class SeatBook {
  constructor(
    private readonly db: Database,
    private readonly registrations: RegistrationsRepository,
    private readonly notifications: NotificationsRepository,
  ) {}

  private get events() {
    return this.db.collection(collections.events);
  }

  /**
   * One atomic increment of ledger counters; answers the event as it is after it (null if the condition failed).
   * The condition's fields sit beside `_id` in one flat query, and `anyOf` adds one `$or`: the SDK's query encoder
   * costs per nested command, and this write runs for every sign-up.
   */
  private async move(eventId: string, inc: Partial<Record<LedgerField, number>>, fields: object = {}, anyOf?: object[]): Promise<EventDoc | null> {
    const _ = this.db.command;
    const changes: Record<string, unknown> = {};
    for (const [field, by] of Object.entries(inc)) if (by !== 0) changes[field] = _.inc(by);
    const query = { ...fields, _id: eventId };
    const result = await this.events.where(anyOf ? _.and([query, _.or(anyOf)]) : query).updateAndReturn(changes);
    return result.updated === 1 ? (result.doc as EventDoc) : null;
  }

  /**
   * Hands out the next sign-up number if the event takes sign-ups now: one write, which is what keeps a burst of
   * sign-ups from overselling. null when a condition failed; the caller reads the event to say which.
   */
  async takeNumber(eventId: string, conditions: NumberConditions): Promise<EventDoc | null> {
    const _ = this.db.command;
    const open = conditions.withinWindow
      ? { status: 'published', requiresApproval: false, signupOpensAt: _.lte(conditions.now), signupClosesAt: _.gt(conditions.now) }
      : { status: _.in(['published', 'closed']) };
    const eligible = conditions.memberOrgIds === null ? undefined : [{ membersOnly: false }, { hostOrgIds: _.in(conditions.memberOrgIds) }];
    return this.move(eventId, { arrivals: 1 }, { team: conditions.kind === 'team' ? _.neq(null) : null, ...open }, eligible);
  }

  async countPending(eventId: string, by: 1 | -1): Promise<void> {
    await this.move(eventId, { pendingCount: by });
  }

  /**
   * A number stops holding anyone. Recorded first, then counted as dead; if it is already seated, it is released
   * at once, which seats the next in line.
   */
  async vacate(eventId: string, slot: number, reason: VacatedSlotDoc['reason'], now: Date, offerWasOpen = false): Promise<void> {
    await this.registrations.recordVacated({ _id: `${eventId}_${slot}`, eventId, slot, reason, released: false, at: now });
    const event = await this.move(eventId, { deadWaiting: 1, openOffers: offerWasOpen ? -1 : 0 });
    if (event && isSeated(event, slot)) await this.release(eventId, slot, now);
  }

  /**
   * Ends an entry (a person's row or a team) as it was read; conditional on that standing, so a concurrent claim,
   * expiry or second cancel cannot be counted twice. Gives its number back to the ledger. false if it had changed.
   */
  async endEntry(entry: RegistrationDoc, state: 'cancelled' | 'expired', reason: VacatedSlotDoc['reason'], now: Date): Promise<boolean> {
    const offerOpen = entry.offer !== null && entry.offer.claimedAt === null;
    const asRead: Record<string, unknown> = { state: entry.state, arrival: entry.arrival };
    if (entry.offer) asRead['offer.claimedAt'] = entry.offer.claimedAt;
    else asRead.offer = null;
    if (!(await this.registrations.updateIf(entry._id, asRead, { state, cancelledAt: now, updatedAt: now }))) return false;
    if (entry.state === 'pending') await this.countPending(entry.eventId, -1);
    if (entry.kind === 'team') await this.registrations.cancelTeammates(entry._id, now);
    if (entry.arrival !== null && entry.state === 'active') await this.vacate(entry.eventId, entry.arrival, reason, now, offerOpen);
    return true;
  }

  /** Releases a vacated, seated number exactly once: pays off seat debt, or seats the next number in line. */
  async release(eventId: string, slot: number, now: Date): Promise<void> {
    if (!(await this.registrations.claimRelease(eventId, slot))) return;
    const _ = this.db.command;
    const paidDebt = await this.move(eventId, { seatDebt: -1, releasedSlots: 1, deadWaiting: -1 }, { seatDebt: _.gt(0) });
    if (paidDebt) return;
    const event = await this.move(eventId, { admitThrough: 1, releasedSlots: 1, deadWaiting: -1 });
    if (event) await this.seat(event, event.admitThrough, now);
  }

  /**
   * A number has just come within the seats: release it if it is vacated, tell its holder otherwise (or offer the
   * seat, in offer mode). A number whose row is not written yet belongs to a sign-up still in flight, which reads
   * its own standing from the ledger.
   */
  private async seat(event: EventDoc, slot: number, now: Date): Promise<void> {
    if (slot > event.arrivals) return;
    const [holder, vacated] = await Promise.all([this.registrations.findHolder(event._id, slot), this.registrations.findVacated(event._id, slot)]);
    if (holder) return this.promote(event, holder, now);
    if (vacated && !vacated.released) await this.release(event._id, slot, now);
  }

  private async promote(event: EventDoc, holder: RegistrationDoc, now: Date): Promise<void> {
    if (event.waitlistMode === 'offer') {
      const expiresAt = new Date(now.getTime() + event.offerHours * 3600_000);
      const offered = await this.registrations.updateIf(holder._id, { state: 'active', offer: null }, { offer: { offeredAt: now, expiresAt, claimedAt: null }, updatedAt: now });
      if (!offered) return;
      await this.move(event._id, { openOffers: 1 });
      await this.tell(holder, 'offered', event, now, expiresAt);
      return;
    }
    await this.tell(holder, 'promoted', event, now);
  }

  /** Notifies the holder of an entry; for a team, every member of it. */
  async tell(entry: RegistrationDoc, kind: NotificationKind, event: Pick<EventDoc, '_id' | 'title'>, now: Date, deadline?: Date, message?: string): Promise<void> {
    const memberIds = entry.kind === 'team' ? (await this.registrations.teammates(entry._id)).filter((row) => row.state === 'active').map((row) => row.memberId) : [entry.memberId];
    const { title, body } = notice(kind, event.title, { deadline, message });
    await this.notifications.add(memberIds.map((memberId) => ({ memberId, kind, eventId: event._id, title, body, createdAt: now })));
  }

  /**
   * A new capacity. Read and written in a transaction (capacity changes are rare; sign-ups racing it retry it),
   * then every number that came within the seats is seated.
   */
  async setCapacity(eventId: string, capacity: number, now: Date): Promise<{ event: EventDoc; seated: number }> {
    const { before, after } = await runRetriedTransaction(this.db, async (transaction: Transaction) => {
      const doc = (await transaction.collection(collections.events).doc(eventId).get()).data as unknown as EventDoc | null;
      if (!doc) return { before: null, after: null };
      const change = changeCapacity(doc as SeatLedger, capacity);
      await transaction
        .collection(collections.events)
        .doc(eventId)
        .update({ capacity, admitThrough: doc.admitThrough + change.admitThroughDelta, seatDebt: doc.seatDebt + change.seatDebtDelta, updatedAt: now });
      return { before: doc, after: { ...doc, capacity, admitThrough: doc.admitThrough + change.admitThroughDelta, seatDebt: doc.seatDebt + change.seatDebtDelta } };
    });
    if (!before || !after) throw new Error(`setCapacity: event ${eventId} vanished`);
    for (let slot = before.admitThrough + 1; slot <= after.admitThrough; slot++) await this.seat(after, slot, now);
    return { event: after, seated: Math.max(0, Math.min(after.admitThrough, after.arrivals) - Math.min(before.admitThrough, before.arrivals)) };
  }

  /**
   * Sets the counters the rows say, if nobody took or seated a number since the rows were read; the counter
   * check calls it once the numbers themselves are all accounted for.
   */
  async rebuild(event: EventDoc, counters: Pick<SeatLedger, 'pendingCount' | 'openOffers' | 'deadWaiting' | 'releasedSlots'>): Promise<boolean> {
    const { updated } = await this.events.where({ _id: event._id, arrivals: event.arrivals, admitThrough: event.admitThrough }).update({ ...counters });
    return updated === 1;
  }

  /**
   * Cancels the event, then each open registration one by one, telling the member whose registration this call
   * ended: a retry after a crash finishes the job without telling anyone twice. Answers whether this call set the
   * status, and how many members it told.
   */
  async cancelEvent(event: EventDoc, message: string, now: Date): Promise<{ statusSet: boolean; told: number }> {
    const _ = this.db.command;
    const { updated } = await this.events.where({ _id: event._id, status: _.neq('cancelled') }).update({ status: 'cancelled', updatedAt: now });
    const open = (await this.registrations.allForEvent(event._id)).filter((row) => row.state === 'active' || row.state === 'pending');
    const ended: RegistrationDoc[] = [];
    for (let start = 0; start < open.length; start += cancelBatch) {
      const batch = open.slice(start, start + cancelBatch);
      const results = await Promise.all(batch.map((row) => this.registrations.updateIf(row._id, { state: row.state }, { state: 'cancelled', cancelledAt: now, updatedAt: now })));
      ended.push(...batch.filter((row, i) => results[i] && row.kind !== 'team'));
    }
    const { title, body } = notice('eventCancelled', event.title, { message });
    await this.notifications.add(ended.map((row) => ({ memberId: row.memberId, kind: 'eventCancelled' as const, eventId: event._id, title, body, createdAt: now })));
    return { statusSet: updated === 1, told: ended.length };
  }

  /** A member claims the seat offered to them before the deadline. */
  async claimOffer(entry: RegistrationDoc, now: Date): Promise<boolean> {
    const _ = this.db.command;
    const claimed = await this.registrations.updateIf(entry._id, { state: 'active', 'offer.claimedAt': null, 'offer.expiresAt': _.gt(now) }, { 'offer.claimedAt': now, updatedAt: now });
    if (claimed) await this.move(entry.eventId, { openOffers: -1 });
    return claimed;
  }

  /** Passes overdue offers on to the next in line; answers how many it passed. */
  async expireOffers(now: Date, limit: number): Promise<number> {
    let expired = 0;
    for (const entry of await this.registrations.overdueOffers(now, limit)) {
      const _ = this.db.command;
      const ended = await this.registrations.updateIf(entry._id, { state: 'active', 'offer.claimedAt': null, 'offer.expiresAt': _.lte(now) }, { state: 'expired', cancelledAt: now, updatedAt: now });
      if (!ended || entry.arrival === null) continue;
      expired++;
      if (entry.kind === 'team') await this.registrations.cancelTeammates(entry._id, now);
      await this.vacate(entry.eventId, entry.arrival, 'expired', now, true);
      await this.tell(entry, 'offerExpired', { _id: entry.eventId, title: entry.event.title }, now);
    }
    return expired;
  }
}
