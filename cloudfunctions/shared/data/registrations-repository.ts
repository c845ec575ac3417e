import type { Contact } from '../contract/registrations';
import type { PageWindow } from '../domain/paging';
import { countedMembers } from '../domain/ledger-check';
import { collections, registrationContactFields, type RegistrationDoc, type VacatedSlotDoc } from './documents';
import { documentsOf, firstDocumentOf, insertOnce, maxQueryLimit, personSearch, readAll, type Database } from './database';

export function personRegistrationId(eventId: string, memberId: string): string {
  return `${eventId}_${memberId}`;
}

export function teamEntryId(eventId: string, inviteCode: string): string {
  return `${eventId}_team_${inviteCode}`;
}

/** The kinds of entry that hold a sign-up number: a person, or a whole team. */
const numberedKinds = ['person', 'team'];

export type EntryFilter =
  | { kind: 'state'; state: RegistrationDoc['state'] }
  | { kind: 'seated'; admitThrough: number; offered: boolean }
  | { kind: 'waiting'; admitThrough: number }
  | { kind: 'forming' };

/** Registration rows and vacated numbers: plain reads and single-document writes; the ledger logic is in seat-book.ts. */
export class RegistrationsRepository {
  constructor(private readonly db: Database) {}

  private get registrations() {
    return this.db.collection(collections.registrations);
  }

  private get vacated() {
    return this.db.collection(collections.vacatedSlots);
  }

  /** false when the id is taken (a second sign-up of the same member). */
  async insert(doc: RegistrationDoc): Promise<boolean> {
    return insertOnce(this.registrations, doc);
  }

  async findById(id: string): Promise<RegistrationDoc | null> {
    return firstDocumentOf<RegistrationDoc>(await this.registrations.doc(id).get());
  }

  async findByIds(ids: string[]): Promise<RegistrationDoc[]> {
    if (ids.length === 0) return [];
    const _ = this.db.command;
    return documentsOf<RegistrationDoc>(await this.registrations.where({ _id: _.in(ids) }).limit(maxQueryLimit).get());
  }

  /** Updates one registration only while it matches `where`: true when this call changed it. */
  async updateIf(id: string, where: Record<string, unknown>, changes: Record<string, unknown>): Promise<boolean> {
    const { updated } = await this.registrations.where({ ...where, _id: id }).update(changes);
    return updated === 1;
  }

  /**
   * Starts an ended row again as `fresh`, only if it is still as read: two restarts cannot both win. The old ticket
   * goes: "ticket issued and active" must keep meaning confirmed, and the fresh entry may wait in line.
   */
  async restart(ended: RegistrationDoc, fresh: RegistrationDoc): Promise<boolean> {
    const set = this.db.command.set;
    const { _id, ...fields } = fresh;
    return this.updateIf(_id, { state: ended.state, updatedAt: ended.updatedAt }, {
      ...fields,
      ticketIssuedAt: null,
      teamName: null,
      contact: set(fields.contact),
      answers: set(fields.answers),
      event: set(fields.event),
      team: fields.team === null ? null : set(fields.team),
    });
  }

  /**
   * Counts the member into the team if there is room. The team entry lists whom it counts, so a join repeated after a
   * crash finds the member counted already ('counted') rather than counting them twice.
   */
  async countIntoTeam(teamEntry: RegistrationDoc, memberId: string, now: Date): Promise<'joined' | 'counted' | 'full'> {
    const _ = this.db.command;
    const where = { state: 'active', 'team.size': _.lt(teamEntry.team!.maxSize), 'team.memberIds': _.neq(memberId) };
    if (await this.updateIf(teamEntry._id, where, { 'team.size': _.inc(1), 'team.memberIds': _.push(memberId), updatedAt: now })) return 'joined';
    return (await this.countsInTeam(teamEntry._id, memberId)) ? 'counted' : 'full';
  }

  /**
   * Counts the member out of the team if it has no number yet or keeps its minimum size; 'notCounted' when it does
   * not count them (a leave repeated after a crash), 'belowMinimum' when they must stay.
   */
  async countOutOfTeam(teamEntry: RegistrationDoc, memberId: string, now: Date): Promise<'left' | 'notCounted' | 'belowMinimum'> {
    if (await this.countOut(teamEntry, memberId, now, { arrival: null })) return 'left';
    if (await this.countOut(teamEntry, memberId, now, { 'team.size': this.db.command.gt(teamEntry.team!.minSize) })) return 'left';
    return (await this.countsInTeam(teamEntry._id, memberId)) ? 'belowMinimum' : 'notCounted';
  }

  /** Counts the member out whatever the minimum (a member who deletes their account leaves regardless); repeats do nothing. */
  async dropFromTeam(teamEntry: RegistrationDoc, memberId: string, now: Date): Promise<void> {
    await this.countOut(teamEntry, memberId, now, {});
  }

  /** One write: the member out of the team's list and its size, while the team counts them and `also` holds. */
  private async countOut(teamEntry: RegistrationDoc, memberId: string, now: Date, also: Record<string, unknown>): Promise<boolean> {
    const _ = this.db.command;
    return this.updateIf(teamEntry._id, { state: 'active', 'team.memberIds': memberId, ...also }, { 'team.size': _.inc(-1), 'team.memberIds': _.pull(memberId), updatedAt: now });
  }

  private async countsInTeam(teamId: string, memberId: string): Promise<boolean> {
    const team = await this.findById(teamId);
    return team?.state === 'active' && countedMembers(team).includes(memberId);
  }

  /** The team's members as its rows say: active teammate rows, the captain's included. */
  async countTeamRows(teamId: string): Promise<number> {
    const { total } = await this.registrations.where({ teamId, kind: 'teammate', state: 'active' }).count();
    return total ?? 0;
  }

  async remove(id: string): Promise<void> {
    await this.registrations.doc(id).remove();
  }

  /** The active entry holding a sign-up number, if its row is written yet. */
  async findHolder(eventId: string, slot: number): Promise<RegistrationDoc | null> {
    const _ = this.db.command;
    return firstDocumentOf<RegistrationDoc>(
      await this.registrations.where({ eventId, arrival: slot, state: 'active', kind: _.in(numberedKinds) }).limit(1).get(),
    );
  }

  /** Active entries whose numbers lie strictly between two numbers: the people ahead of someone in line. */
  async countWaitingBetween(eventId: string, afterSlot: number, beforeSlot: number): Promise<number> {
    const _ = this.db.command;
    const { total } = await this.registrations
      .where({ eventId, state: 'active', arrival: _.gt(afterSlot).and(_.lt(beforeSlot)), kind: _.in(numberedKinds) })
      .count();
    return total ?? 0;
  }

  async findTeamByCode(inviteCode: string): Promise<RegistrationDoc | null> {
    return firstDocumentOf<RegistrationDoc>(await this.registrations.where({ 'team.inviteCode': inviteCode, kind: 'team' }).limit(1).get());
  }

  async teammates(teamId: string): Promise<RegistrationDoc[]> {
    return documentsOf<RegistrationDoc>(
      await this.registrations.where({ teamId, kind: 'teammate' }).orderBy('createdAt', 'asc').limit(maxQueryLimit).get(),
    );
  }

  async cancelTeammates(teamId: string, now: Date): Promise<void> {
    await this.registrations.where({ teamId, kind: 'teammate', state: 'active' }).update({ state: 'cancelled', cancelledAt: now, updatedAt: now });
  }

  /** A page of an event's entries of one standing; numbered standings in number order, the rest in sign-up order. */
  async listForEvent(eventId: string, filter: EntryFilter | null, kinds: RegistrationDoc['kind'][], window: PageWindow): Promise<RegistrationDoc[]> {
    const _ = this.db.command;
    const where: Record<string, unknown> = { eventId, kind: _.in(kinds) };
    let byNumber = false;
    if (filter?.kind === 'state') where.state = filter.state;
    if (filter?.kind === 'seated') {
      Object.assign(where, { state: 'active', arrival: _.lte(filter.admitThrough) });
      where.offer = filter.offered ? _.neq(null) : null;
      if (filter.offered) where['offer.claimedAt'] = null;
      byNumber = true;
    }
    if (filter?.kind === 'waiting') {
      Object.assign(where, { state: 'active', arrival: _.gt(filter.admitThrough) });
      byNumber = true;
    }
    if (filter?.kind === 'forming') Object.assign(where, { state: 'active', arrival: null });
    const query = this.registrations.where(where);
    const ordered = byNumber ? query.orderBy('arrival', 'asc') : query.orderBy('createdAt', 'asc');
    return documentsOf<RegistrationDoc>(await ordered.orderBy('_id', 'asc').skip(window.offset).limit(window.limit).get());
  }

  /** An event's rows of the given kinds, any standing, whose name contains the text or whose mobile ends with it. */
  async searchForEvent(eventId: string, text: string, kinds: RegistrationDoc['kind'][], limit: number): Promise<RegistrationDoc[]> {
    const match = personSearch(this.db, text, registrationContactFields);
    return documentsOf<RegistrationDoc>(
      await this.registrations.where({ eventId, kind: this.db.command.in(kinds), ...match }).orderBy('createdAt', 'asc').orderBy('_id', 'asc').limit(limit).get(),
    );
  }

  /** Every row of an event, for the counter check; read in pages of CloudBase's 1,000-document cap. */
  async allForEvent(eventId: string): Promise<RegistrationDoc[]> {
    return readAll<RegistrationDoc>((offset) => this.registrations.where({ eventId }).orderBy('_id', 'asc').skip(offset).limit(maxQueryLimit).get());
  }

  /** A member's registrations by event start: upcoming soonest first, past latest first. */
  async listForMember(memberId: string, when: 'upcoming' | 'past', now: Date, window: PageWindow): Promise<RegistrationDoc[]> {
    const _ = this.db.command;
    const where = { memberId, kind: _.in(['person', 'teammate']), 'event.endAt': when === 'upcoming' ? _.gte(now) : _.lt(now) };
    return documentsOf<RegistrationDoc>(
      await this.registrations
        .where(where)
        .orderBy('event.startAt', when === 'upcoming' ? 'asc' : 'desc')
        .orderBy('_id', 'asc')
        .skip(window.offset)
        .limit(window.limit)
        .get(),
    );
  }

  /** Every row that names the member (their own, and teams they captain), for their data export and account deletion. */
  async allForMember(memberId: string): Promise<RegistrationDoc[]> {
    return readAll<RegistrationDoc>((offset) =>
      this.registrations.where({ memberId }).orderBy('event.startAt', 'desc').orderBy('_id', 'asc').skip(offset).limit(maxQueryLimit).get(),
    );
  }

  /** Replaces the contact and clears the answers on every row that names the member, in one write. */
  async scrubContact(memberId: string, contact: Contact, now: Date): Promise<void> {
    const set = this.db.command.set;
    await this.registrations.where({ memberId }).update({ contact: set(contact), answers: set({}), updatedAt: now });
  }

  /** Offers whose claim deadline has passed, oldest first. */
  async overdueOffers(now: Date, limit: number): Promise<RegistrationDoc[]> {
    const _ = this.db.command;
    return documentsOf<RegistrationDoc>(
      await this.registrations
        .where({ 'offer.expiresAt': _.lte(now), 'offer.claimedAt': null, state: 'active' })
        .orderBy('offer.expiresAt', 'asc')
        .limit(limit)
        .get(),
    );
  }

  async updateEventSnapshot(eventId: string, snapshot: RegistrationDoc['event'], now: Date): Promise<void> {
    await this.registrations.where({ eventId }).update({ event: this.db.command.set(snapshot), updatedAt: now });
  }

  /** Records a vacated number; false when it was recorded already. */
  async recordVacated(doc: VacatedSlotDoc): Promise<boolean> {
    return insertOnce(this.vacated, doc);
  }

  async findVacated(eventId: string, slot: number): Promise<VacatedSlotDoc | null> {
    return firstDocumentOf<VacatedSlotDoc>(await this.vacated.doc(`${eventId}_${slot}`).get());
  }

  /** Flags a vacated number released; only one caller ever gets true for a number. */
  async claimRelease(eventId: string, slot: number): Promise<boolean> {
    const { updated } = await this.vacated.where({ _id: `${eventId}_${slot}`, released: false }).update({ released: true });
    return updated === 1;
  }

  async allVacated(eventId: string): Promise<VacatedSlotDoc[]> {
    return readAll<VacatedSlotDoc>((offset) => this.vacated.where({ eventId }).orderBy('slot', 'asc').skip(offset).limit(maxQueryLimit).get());
  }
}
