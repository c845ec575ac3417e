import type { CheckInWindow } from '../domain/checkin-rules';
import { collections, registrationContactFields, type CheckinDoc, type EventDoc, type EventStaffDoc, type RegistrationDoc, type ScanLogDoc } from './documents';
import { documentsOf, firstDocumentOf, insertOnce, maxQueryLimit, personSearch, readAll, type Database } from './database';

/** The rows a person or a teammate checks in with; team entries hold a number, never a ticket. */
const attendeeKinds: RegistrationDoc['kind'][] = ['person', 'teammate'];

export type UndoneCheckin = NonNullable<RegistrationDoc['undoneCheckins']>[number];

/** Stewards of events, the scan log, and the check-in writes on registrations. */
export class CheckinRepository {
  constructor(private readonly db: Database) {}

  private get staff() {
    return this.db.collection(collections.eventStaff);
  }

  private get registrations() {
    return this.db.collection(collections.registrations);
  }

  private get scanLog() {
    return this.db.collection(collections.scanLog);
  }

  /** The caller's authority at an event, by OPENID: the first of a scan's two round trips. */
  async findStaff(eventId: string, openId: string): Promise<EventStaffDoc | null> {
    return firstDocumentOf<EventStaffDoc>(await this.staff.where({ eventId, openId }).limit(1).get());
  }

  async findStaffById(id: string): Promise<EventStaffDoc | null> {
    return firstDocumentOf<EventStaffDoc>(await this.staff.doc(id).get());
  }

  async listStewards(eventId: string): Promise<EventStaffDoc[]> {
    const rows = documentsOf<EventStaffDoc>(await this.staff.where({ eventId, role: 'steward' }).limit(maxQueryLimit).get());
    return rows.sort((a, b) => a.assignedAt.getTime() - b.assignedAt.getTime() || (a._id < b._id ? -1 : 1));
  }

  /** false when the member is staff of the event already. */
  async addStaff(doc: EventStaffDoc): Promise<boolean> {
    return insertOnce(this.staff, doc);
  }

  async setStaffRole(id: string, role: EventStaffDoc['role'], fields: Pick<EventStaffDoc, 'openId' | 'name'>): Promise<void> {
    await this.staff.doc(id).update({ role, ...fields });
  }

  /** Removes a staff document only while it still has the role read: true when this call removed it. */
  async removeStaff(id: string, role: EventStaffDoc['role']): Promise<boolean> {
    const { deleted } = await this.staff.where({ _id: id, role }).remove();
    return deleted === 1;
  }

  /**
   * Drops the staff documents a member enrolled themselves through a role grant (assigned stewards keep theirs):
   * after a grant is revoked, the next scan has to show the authority again.
   */
  async removeSelfEnrolled(memberId: string): Promise<void> {
    await this.staff.where({ memberId, assignedBy: memberId }).remove();
  }

  /** A deleted account scans nowhere and leaves no name behind in the staff or scan records. */
  async eraseStaffMember(memberId: string, erasedName: string): Promise<void> {
    await this.staff.where({ memberId }).remove();
    await this.db.collection(collections.scanLog).where({ stewardMemberId: memberId }).update({ stewardName: erasedName });
    await this.db.collection(collections.registrations).where({ 'checkin.byMemberId': memberId }).update({ 'checkin.byName': erasedName });
  }

  /** Scans of a deleted member's tickets keep no name. */
  async eraseAttendee(registrationIds: string[], erasedName: string): Promise<void> {
    if (registrationIds.length === 0) return;
    await this.db.collection(collections.scanLog).where({ registrationId: this.db.command.in(registrationIds) }).update({ attendeeName: erasedName });
  }

  /** An edit moved the event: every staff document of it carries the new window, in one write. */
  async moveWindow(eventId: string, window: CheckInWindow): Promise<void> {
    await this.staff.where({ eventId }).update({ checkInOpensAt: window.opensAt, checkInClosesAt: window.closesAt });
  }

  /** Issues the ticket of a registration that is still active and has none yet; true when this call issued it. */
  async issueTicket(registrationId: string, teamName: string | null, now: Date): Promise<boolean> {
    const { updated } = await this.registrations
      .where({ _id: registrationId, state: 'active', ticketIssuedAt: null })
      .update({ ticketIssuedAt: now, teamName });
    return updated === 1;
  }

  /**
   * The scan's one write: checks in a registration of the event whose ticket was issued and which is still active
   * and not checked in. Issued and active means confirmed, since a seated entry only leaves its seat by ending.
   * The registration as it is after the write, or null when nothing matched.
   */
  async redeemIssued(registrationId: string, eventId: string, checkin: CheckinDoc): Promise<RegistrationDoc | null> {
    const _ = this.db.command;
    const result = await this.registrations
      .where({ _id: registrationId, eventId, state: 'active', ticketIssuedAt: _.neq(null), checkin: null })
      .updateAndReturn({ checkin: _.set(checkin) });
    return result.updated === 1 ? (result.doc as RegistrationDoc) : null;
  }

  /**
   * Checks in a registration the caller found confirmed, issuing its ticket fields if the ticket was never opened;
   * the conditions keep a concurrent check-in or cancellation from being overwritten.
   */
  async checkInConfirmed(row: RegistrationDoc, checkin: CheckinDoc, teamName: string | null): Promise<RegistrationDoc | null> {
    const _ = this.db.command;
    const result = await this.registrations
      .where({ _id: row._id, state: 'active', checkin: null })
      .updateAndReturn({ checkin: _.set(checkin), ticketIssuedAt: row.ticketIssuedAt ?? checkin.recordedAt, teamName });
    return result.updated === 1 ? (result.doc as RegistrationDoc) : null;
  }

  /** Undoes exactly the check-in read (by its nonce), keeping it in `undoneCheckins`; false when it had changed. */
  async undoCheckin(registrationId: string, undone: UndoneCheckin): Promise<boolean> {
    const _ = this.db.command;
    const { updated } = await this.registrations
      .where({ _id: registrationId, 'checkin.nonce': undone.nonce })
      .update({ checkin: null, undoneCheckins: _.push({ each: [undone] }) });
    return updated === 1;
  }

  /** Records a scan that checked nobody in; a retried scan (same nonce) is recorded once. */
  async logScan(doc: ScanLogDoc): Promise<void> {
    await insertOnce(this.scanLog, doc);
  }

  async countCheckedIn(eventId: string): Promise<number> {
    const _ = this.db.command;
    const { total } = await this.registrations.where({ eventId, state: 'active', kind: _.in(attendeeKinds), checkin: _.neq(null) }).count();
    return total ?? 0;
  }

  /** People in the event's seated teams: the sum of their sizes (a team holding an unclaimed offer is not seated yet). */
  async countSeatedTeamPeople(event: Pick<EventDoc, '_id' | 'admitThrough'>): Promise<number> {
    const _ = this.db.command;
    const seated = { eventId: event._id, kind: 'team', state: 'active', arrival: _.lte(event.admitThrough) };
    const { data } = await this.registrations
      .aggregate()
      .match(_.and([seated, _.or([{ offer: null }, { 'offer.claimedAt': _.neq(null) }])]))
      .group({ _id: null, people: { $sum: '$team.size' } })
      .end();
    return (data as { people?: number }[])[0]?.people ?? 0;
  }

  /** Every active row of an event (people, teams, teammates), read in pages of CloudBase's 1,000-document cap. */
  async allActive(eventId: string): Promise<RegistrationDoc[]> {
    return readAll<RegistrationDoc>((offset) => this.registrations.where({ eventId, state: 'active' }).orderBy('_id', 'asc').skip(offset).limit(maxQueryLimit).get());
  }

  /** Active attendees whose name contains the text, or whose mobile ends with it when it is digits. */
  async searchAttendees(eventId: string, text: string, limit: number): Promise<RegistrationDoc[]> {
    const _ = this.db.command;
    const match = personSearch(this.db, text, registrationContactFields);
    return documentsOf<RegistrationDoc>(
      await this.registrations
        .where({ eventId, state: 'active', kind: _.in(attendeeKinds), ...match })
        .orderBy('_id', 'asc')
        .limit(limit)
        .get(),
    );
  }

  /** The first `limit` check-ins of an event, newest record first. */
  async latestCheckins(eventId: string, limit: number): Promise<RegistrationDoc[]> {
    return this.readNewest(
      (offset, size) =>
        this.registrations
          .where({ eventId, checkin: this.db.command.neq(null) })
          .orderBy('checkin.recordedAt', 'desc')
          .orderBy('_id', 'asc')
          .skip(offset)
          .limit(size)
          .get(),
      limit,
    );
  }

  /** The first `limit` logged scans of an event, newest first: refusals, conflicts, or both. */
  async latestLogged(eventId: string, only: 'all' | 'rejected' | 'conflicts', limit: number): Promise<ScanLogDoc[]> {
    const _ = this.db.command;
    const where: Record<string, unknown> = { eventId };
    if (only === 'rejected') where.rejection = _.neq('conflict');
    if (only === 'conflicts') where.rejection = 'conflict';
    return this.readNewest((offset, size) => this.scanLog.where(where).orderBy('at', 'desc').orderBy('_id', 'asc').skip(offset).limit(size).get(), limit);
  }

  private async readNewest<T>(read: (offset: number, size: number) => Promise<{ data: unknown }>, limit: number): Promise<T[]> {
    const rows: T[] = [];
    while (rows.length < limit) {
      const size = Math.min(maxQueryLimit, limit - rows.length);
      const page = documentsOf<T>(await read(rows.length, size));
      rows.push(...page);
      if (page.length < size) break;
    }
    return rows;
  }
}
