import type { ClubSchedule } from '../contract/clubs';
import { eventLimits } from '../contract/event-limits';
import type { NoteQuota } from '../domain/club-rules';
import type { PageWindow } from '../domain/paging';
import {
  collections,
  type ClubBookDoc,
  type ClubDoc,
  type ClubMemberDoc,
  type ClubNoteDoc,
  type EventDoc,
  type NoteReportDoc,
  type RegistrationDoc,
} from './documents';
import { documentsOf, firstDocumentOf, insertOnce, insertOrFind, maxQueryLimit, readAll, type Database, type FileStorage } from './database';
import { StoredFiles } from './stored-files';

/** How long a cover URL handed to a client stays valid. */
const coverUrlSeconds = 3600;
/** Statuses in which a session's topic may still change (with its end still ahead). */
const editableStatuses: EventDoc['status'][] = ['draft', 'published', 'closed'];

/** The earliest start of an event that may not be over at `now`. */
function earliestStartNotOver(now: Date): Date {
  return new Date(now.getTime() - eventLimits.maxDays * 24 * 3600 * 1000);
}

/** Whose notes a feed shows: everything (organizers), or what members see plus the caller's own hidden ones. */
export type NoteAudience = { kind: 'all' } | { kind: 'members'; authorId: string | null };

/**
 * Clubs, their memberships, notes and reports, and the club side of sessions: sessions are events (the events
 * collection), found here by their `clubSession`; signing up and checking in stay with the events and checkin code.
 */
export class ClubsRepository {
  private readonly files: StoredFiles;

  constructor(
    private readonly db: Database,
    storage: FileStorage,
  ) {
    this.files = new StoredFiles(storage);
  }

  private get clubs() {
    return this.db.collection(collections.clubs);
  }

  private get memberships() {
    return this.db.collection(collections.clubMembers);
  }

  private get notes() {
    return this.db.collection(collections.clubNotes);
  }

  private get reports() {
    return this.db.collection(collections.noteReports);
  }

  private get events() {
    return this.db.collection(collections.events);
  }

  async findById(clubId: string): Promise<ClubDoc | null> {
    return firstDocumentOf<ClubDoc>(await this.clubs.doc(clubId).get());
  }

  async findByIds(clubIds: string[]): Promise<ClubDoc[]> {
    if (clubIds.length === 0) return [];
    return documentsOf<ClubDoc>(await this.clubs.where({ _id: this.db.command.in(clubIds) }).limit(maxQueryLimit).get());
  }

  /** A page of clubs, oldest first. */
  async list(window: PageWindow): Promise<ClubDoc[]> {
    return documentsOf<ClubDoc>(await this.clubs.where({}).orderBy('createdAt', 'asc').orderBy('_id', 'asc').skip(window.offset).limit(window.limit).get());
  }

  /** Clubs with a schedule, in id order after `afterId`, for the timer to walk through. */
  async listScheduled(afterId: string | null, limit: number): Promise<ClubDoc[]> {
    const _ = this.db.command;
    const where: Record<string, unknown> = { 'schedule.frequency': _.in(['weekly', 'monthly']) };
    if (afterId !== null) where._id = _.gt(afterId);
    return documentsOf<ClubDoc>(await this.clubs.where(where).orderBy('_id', 'asc').limit(limit).get());
  }

  /** A new club under its requested id; a retried create answers the club the first one stored. */
  async insertRequested(doc: ClubDoc): Promise<{ doc: ClubDoc; created: boolean }> {
    return insertOrFind(this.clubs, doc);
  }

  /** The club after an update of its own fields; null when it is gone. */
  async saveFields(clubId: string, changes: Pick<ClubDoc, 'name' | 'description' | 'memberCap'>, now: Date): Promise<ClubDoc | null> {
    const result = await this.clubs.where({ _id: clubId }).updateAndReturn({ ...changes, updatedAt: now });
    return (result.doc as ClubDoc | undefined) ?? null;
  }

  /**
   * Writes the books only while the club is as read (its last organizer edit), so two organizers setting books at
   * once cannot drop one from the history; null when it changed.
   */
  async saveBooks(club: ClubDoc, books: { currentBook: ClubBookDoc | null; books: ClubBookDoc[] }, now: Date): Promise<ClubDoc | null> {
    const set = this.db.command.set;
    const result = await this.clubs
      .where({ _id: club._id, updatedAt: club.updatedAt })
      .updateAndReturn({ currentBook: books.currentBook === null ? null : set(books.currentBook), books: set(books.books), updatedAt: now });
    return (result.doc as ClubDoc | undefined) ?? null;
  }

  async saveSchedule(clubId: string, schedule: ClubSchedule | null, setBy: string, now: Date): Promise<ClubDoc | null> {
    const result = await this.clubs
      .where({ _id: clubId })
      .updateAndReturn({ schedule: schedule === null ? null : this.db.command.set(schedule), scheduleSetBy: setBy, updatedAt: now });
    return (result.doc as ClubDoc | undefined) ?? null;
  }

  /** Counts one more member if the club (with the cap read) has room: the club after the write, or null when full or changed. */
  async takePlace(club: Pick<ClubDoc, '_id' | 'memberCap'>): Promise<ClubDoc | null> {
    const _ = this.db.command;
    const where = club.memberCap === null ? { _id: club._id, memberCap: null } : { _id: club._id, memberCount: _.lt(club.memberCap), memberCap: club.memberCap };
    const result = await this.clubs.where(where).updateAndReturn({ memberCount: _.inc(1) });
    return result.updated === 1 ? (result.doc as ClubDoc) : null;
  }

  /** Counts one member fewer; the club after the write. */
  async givePlace(clubId: string): Promise<ClubDoc | null> {
    const result = await this.clubs.where({ _id: clubId }).updateAndReturn({ memberCount: this.db.command.inc(-1) });
    return (result.doc as ClubDoc | undefined) ?? null;
  }

  async findMembership(id: string): Promise<ClubMemberDoc | null> {
    return firstDocumentOf<ClubMemberDoc>(await this.memberships.doc(id).get());
  }

  async findMemberships(ids: string[]): Promise<ClubMemberDoc[]> {
    if (ids.length === 0) return [];
    return documentsOf<ClubMemberDoc>(await this.memberships.where({ _id: this.db.command.in(ids) }).limit(maxQueryLimit).get());
  }

  /** false when the member has a membership row in the club already. */
  async insertMembership(doc: ClubMemberDoc): Promise<boolean> {
    return insertOnce(this.memberships, doc);
  }

  /** A member who left joins again, keeping their notes and counters; true when this call made them a member. */
  async rejoin(id: string, now: Date): Promise<boolean> {
    const { updated } = await this.memberships.where({ _id: id, state: 'left' }).update({ state: 'active', joinedAt: now, leftAt: null, updatedAt: now });
    return updated === 1;
  }

  /** true when this call ended the membership. */
  async leave(id: string, now: Date): Promise<boolean> {
    const { updated } = await this.memberships.where({ _id: id, state: 'active' }).update({ state: 'left', leftAt: now, updatedAt: now });
    return updated === 1;
  }

  /** Every current member of a club, read in pages of CloudBase's 1,000-document cap. */
  async activeMemberships(clubId: string): Promise<ClubMemberDoc[]> {
    return readAll<ClubMemberDoc>((offset) => this.memberships.where({ clubId, state: 'active' }).orderBy('_id', 'asc').skip(offset).limit(maxQueryLimit).get());
  }

  /** A member's memberships, current and past; nobody joins a thousand clubs. */
  async membershipsOf(memberId: string): Promise<ClubMemberDoc[]> {
    return documentsOf<ClubMemberDoc>(await this.memberships.where({ memberId }).orderBy('joinedAt', 'asc').limit(maxQueryLimit).get());
  }

  /** A member's notes and reports, for their data export; read in pages of CloudBase's 1,000-document cap. */
  async writingsOf(memberId: string): Promise<{ notes: ClubNoteDoc[]; reports: NoteReportDoc[] }> {
    const all = <T>(collection: ReturnType<Database['collection']>) =>
      readAll<T>((offset) => collection.where({ memberId }).orderBy('_id', 'asc').skip(offset).limit(maxQueryLimit).get());
    const [notes, reports] = await Promise.all([all<ClubNoteDoc>(this.notes), all<NoteReportDoc>(this.reports)]);
    return { notes, reports };
  }

  /** A deleted account: out of every club (each place given back once), its notes and reports gone. */
  async eraseMember(memberId: string, now: Date): Promise<void> {
    for (const membership of await this.membershipsOf(memberId)) {
      if (await this.leave(membership._id, now)) await this.givePlace(membership.clubId);
    }
    await this.memberships.where({ memberId }).remove();
    await this.notes.where({ memberId }).remove();
    await this.reports.where({ memberId }).remove();
  }

  /** Lets one note through the daily limit (see `planNoteQuota`): the membership after the write, or null when it had changed. */
  async takeNoteQuota(id: string, quota: Exclude<NoteQuota, { kind: 'limited' }>, now: Date): Promise<ClubMemberDoc | null> {
    const _ = this.db.command;
    const result =
      quota.kind === 'sameDay'
        ? await this.memberships
            .where({ _id: id, state: 'active', lastNoteDay: quota.day, lastDayNotes: _.lt(quota.limit) })
            .updateAndReturn({ lastDayNotes: _.inc(1), noteCount: _.inc(1), updatedAt: now })
        : await this.memberships
            .where({ _id: id, state: 'active', lastNoteDay: quota.previousDay })
            .updateAndReturn({ ...quota.changes, noteCount: _.inc(1), updatedAt: now });
    return result.updated === 1 ? (result.doc as ClubMemberDoc) : null;
  }

  async insertNote(doc: ClubNoteDoc): Promise<boolean> {
    return insertOnce(this.notes, doc);
  }

  async findNote(id: string): Promise<ClubNoteDoc | null> {
    return firstDocumentOf<ClubNoteDoc>(await this.notes.doc(id).get());
  }

  /** A page of a club's feed: pinned notes first, then the newest. */
  async listNotes(clubId: string, audience: NoteAudience, window: PageWindow): Promise<ClubNoteDoc[]> {
    const _ = this.db.command;
    let where: unknown = { clubId };
    if (audience.kind === 'members') {
      where = audience.authorId === null ? { clubId, visible: true } : _.or([{ clubId, visible: true }, { clubId, memberId: audience.authorId }]);
    }
    return documentsOf<ClubNoteDoc>(
      await this.notes
        .where(where as Record<string, unknown>)
        .orderBy('pinned', 'desc')
        .orderBy('createdAt', 'desc')
        .orderBy('_id', 'desc')
        .skip(window.offset)
        .limit(window.limit)
        .get(),
    );
  }

  /** Writes report or moderation fields while the note is at the revision read; null when it had moved on. */
  async updateNote(note: ClubNoteDoc, changes: Partial<ClubNoteDoc> & { revision: number }): Promise<ClubNoteDoc | null> {
    const _ = this.db.command;
    const fields: Record<string, unknown> = { ...changes };
    if (changes.decision) fields.decision = _.set(changes.decision);
    const result = await this.notes.where({ _id: note._id, revision: note.revision }).updateAndReturn(fields);
    return result.updated === 1 ? (result.doc as ClubNoteDoc) : null;
  }

  /** Pinning touches no field reports or decisions depend on, so it needs no revision. */
  async pinNote(id: string, pinned: boolean, now: Date): Promise<ClubNoteDoc | null> {
    const result = await this.notes.where({ _id: id }).updateAndReturn({ pinned, pinnedAt: pinned ? now : null });
    return (result.doc as ClubNoteDoc | undefined) ?? null;
  }

  /** false when the member reported the note already. */
  async insertReport(doc: NoteReportDoc): Promise<boolean> {
    return insertOnce(this.reports, doc);
  }

  async findReports(ids: string[]): Promise<NoteReportDoc[]> {
    if (ids.length === 0) return [];
    return documentsOf<NoteReportDoc>(await this.reports.where({ _id: this.db.command.in(ids) }).limit(maxQueryLimit).get());
  }

  /** A page of a club's sessions: those not over, soonest first, or those over, latest first. */
  async sessions(clubId: string, when: 'upcoming' | 'past', now: Date, window: PageWindow): Promise<EventDoc[]> {
    const _ = this.db.command;
    const upcoming = when === 'upcoming';
    // The bound on the start keeps the read inside the index range: an event ends at most `maxDays` after it starts.
    const startAt = upcoming ? _.gt(earliestStartNotOver(now)) : _.lt(now);
    return documentsOf<EventDoc>(
      await this.events
        .where({ 'clubSession.clubId': clubId, startAt, endAt: upcoming ? _.gt(now) : _.lte(now) })
        .orderBy('startAt', upcoming ? 'asc' : 'desc')
        .orderBy('_id', upcoming ? 'asc' : 'desc')
        .skip(window.offset)
        .limit(window.limit)
        .get(),
    );
  }

  /**
   * The sessions of several clubs that are not over and not cancelled, soonest first: each club's next one is its first.
   * A schedule keeps at most a dozen ahead per club; they are sorted here, and the start is left unbounded, since
   * either an order or a start bound across several clubs' index ranges would have the database walk every event.
   */
  async nextSessions(clubIds: string[], now: Date): Promise<EventDoc[]> {
    if (clubIds.length === 0) return [];
    const _ = this.db.command;
    const sessions = documentsOf<EventDoc>(
      await this.events
        .where({
          'clubSession.clubId': clubIds.length === 1 ? clubIds[0] : _.in(clubIds),
          endAt: _.gt(now),
          status: _.neq('cancelled'),
        })
        .limit(maxQueryLimit)
        .get(),
    );
    return sessions.sort((a, b) => a.startAt.getTime() - b.startAt.getTime() || (a._id < b._id ? -1 : 1));
  }

  /** Past sessions that were held (not cancelled), the latest first. */
  async heldSessions(clubId: string, now: Date, limit: number): Promise<EventDoc[]> {
    const _ = this.db.command;
    return documentsOf<EventDoc>(
      await this.events
        .where({ 'clubSession.clubId': clubId, startAt: _.lt(now), endAt: _.lte(now), status: _.neq('cancelled') })
        .orderBy('startAt', 'desc')
        .orderBy('_id', 'desc')
        .limit(limit)
        .get(),
    );
  }

  /** Which of the days already have a session of the club (cancelled or moved ones included). */
  async existingOccurrences(clubId: string, days: string[]): Promise<Set<string>> {
    if (days.length === 0) return new Set();
    const found = documentsOf<Pick<EventDoc, 'clubSession'>>(
      await this.events
        .where({ 'clubSession.clubId': clubId, 'clubSession.occurrence': this.db.command.in(days) })
        .field({ clubSession: true })
        .limit(maxQueryLimit)
        .get(),
    );
    return new Set(found.flatMap((session) => (session.clubSession ? [session.clubSession.occurrence] : [])));
  }

  /** false when the occurrence was generated already (by a concurrent run, or before). */
  async insertSession(doc: EventDoc): Promise<boolean> {
    return insertOnce(this.events, doc);
  }

  /** Removes a session only while it is still untouched (see `isUntouchedSession`): a sign-up or an edit in between keeps it. */
  async removeUntouchedSession(session: EventDoc): Promise<boolean> {
    const { deleted } = await this.events
      .where({ _id: session._id, status: 'published', arrivals: 0, pendingCount: 0, updatedAt: session.updatedAt })
      .remove();
    return deleted === 1;
  }

  /** The session after its topic changed; null when it is not a club session any more editable (cancelled or over). */
  async setSessionTopic(eventId: string, topic: string, now: Date): Promise<EventDoc | null> {
    const _ = this.db.command;
    const result = await this.events
      .where({ _id: eventId, 'clubSession.clubId': _.exists(true), status: _.in(editableStatuses), endAt: _.gt(now) })
      .updateAndReturn({ 'clubSession.topic': topic, updatedAt: now });
    return (result.doc as EventDoc | undefined) ?? null;
  }

  /** The active person registrations of some sessions, for attendance figures. */
  async sessionAttendance(eventIds: string[]): Promise<Pick<RegistrationDoc, 'eventId' | 'memberId' | 'checkin'>[]> {
    if (eventIds.length === 0) return [];
    return readAll<Pick<RegistrationDoc, 'eventId' | 'memberId' | 'checkin'>>((offset) =>
      this.db
        .collection(collections.registrations)
        .where({ eventId: this.db.command.in(eventIds), state: 'active', kind: 'person' })
        .field({ eventId: true, memberId: true, checkin: true })
        .orderBy('_id', 'asc')
        .skip(offset)
        .limit(maxQueryLimit)
        .get(),
    );
  }

  /** Stores a cover photo; answers its file id. */
  async uploadCover(cloudPath: string, bytes: Buffer): Promise<string> {
    return this.files.upload(cloudPath, bytes);
  }

  async coverUrls(fileIds: string[]): Promise<Map<string, string>> {
    if (fileIds.length === 0) return new Map();
    return this.files.temporaryUrls(fileIds, coverUrlSeconds);
  }
}
