import type { EventStatus } from '../contract/vocabulary';
import type { EventListQuery } from '../domain/event-listing';
import type { EventHostFields, StoredEventFields } from '../domain/event-rules';
import type { PageWindow } from '../domain/paging';
import { collections, type EventDoc, type PostedSummaryDoc } from './documents';
import { documentsOf, firstDocumentOf, insertOrFind, maxQueryLimit, type Database } from './database';

/** Statuses an edit may still find the event in; the ended check goes with it. */
const editableStatuses: EventStatus[] = ['draft', 'published', 'closed'];

export class EventsRepository {
  constructor(private readonly db: Database) {}

  private get collection() {
    return this.db.collection(collections.events);
  }

  async findById(eventId: string): Promise<EventDoc | null> {
    return firstDocumentOf<EventDoc>(await this.collection.doc(eventId).get());
  }

  async findByIds(eventIds: string[]): Promise<EventDoc[]> {
    if (eventIds.length === 0) return [];
    return documentsOf<EventDoc>(await this.collection.where({ _id: this.db.command.in(eventIds) }).limit(maxQueryLimit).get());
  }

  /** One page in start order; `_id` breaks ties so pages never overlap. */
  async list(query: EventListQuery): Promise<EventDoc[]> {
    const _ = this.db.command;
    const where: Record<string, unknown> = { status: _.in(query.statuses) };
    if (query.hostOrgId !== null) where.hostOrgIds = query.hostOrgId;
    if (query.kind !== null) where.kind = query.kind;
    if (query.startsFrom !== null && query.startsBefore !== null) where.startAt = _.gte(query.startsFrom).and(_.lt(query.startsBefore));
    else if (query.startsFrom !== null) where.startAt = _.gte(query.startsFrom);
    else if (query.startsBefore !== null) where.startAt = _.lt(query.startsBefore);
    if (query.endsFrom !== null) where.endAt = _.gte(query.endsFrom);
    return documentsOf<EventDoc>(
      await this.collection
        .where(where)
        .orderBy('startAt', 'asc')
        .orderBy('_id', 'asc')
        .skip(query.window.offset)
        .limit(query.window.limit)
        .get(),
    );
  }

  /** A new event under its requested id; a retried create answers the event the first one stored. */
  async insertRequested(doc: EventDoc): Promise<{ doc: EventDoc; created: boolean }> {
    return insertOrFind(this.collection, doc);
  }

  /** The event after an update of the one document matching `where`; null when none matched. */
  private async updateOne(where: Record<string, unknown>, changes: Record<string, unknown>): Promise<EventDoc | null> {
    const result = await this.collection.where(where).updateAndReturn(changes);
    return (result.doc as EventDoc | undefined) ?? null;
  }

  /**
   * Writes an organizer's edit while the event is neither cancelled nor over, and, with `whileNobodyRegistered`,
   * only while no sign-up has been numbered or is awaiting approval. Ledger fields and capacity are never written
   * here, so sign-ups running at the same time keep their counts. null when the event no longer matched.
   */
  async saveEdit(eventId: string, fields: StoredEventFields & Partial<EventHostFields>, now: Date, whileNobodyRegistered: boolean): Promise<EventDoc | null> {
    const _ = this.db.command;
    const where: Record<string, unknown> = { _id: eventId, status: _.in(editableStatuses), endAt: _.gt(now) };
    if (whileNobodyRegistered) Object.assign(where, { arrivals: 0, pendingCount: 0 });
    // Whole sub-documents: a plain object would be merged field by field into the stored one.
    return this.updateOne(where, {
      ...fields,
      venue: _.set(fields.venue),
      team: fields.team === null ? null : _.set(fields.team),
      updatedAt: now,
    });
  }

  /** Moves the event to a new status if it is still in one of `from`; null when it was not. */
  async changeStatus(
    eventId: string,
    from: EventStatus[],
    changes: Pick<EventDoc, 'status'> & Partial<Pick<EventDoc, 'signupOpensAt' | 'signupClosesAt'>>,
    now: Date,
  ): Promise<EventDoc | null> {
    return this.updateOne({ _id: eventId, status: this.db.command.in(from) }, { ...changes, updatedAt: now });
  }

  /**
   * Puts a posted summary on the event while its summary is still the post `replacingPostId` names (null: none
   * yet), so of two organizers posting at once one wins and the other is told; null when it no longer was.
   */
  async saveSummary(eventId: string, summary: PostedSummaryDoc, replacingPostId: string | null, now: Date): Promise<EventDoc | null> {
    const where = replacingPostId === null ? { _id: eventId, summary: null } : { _id: eventId, 'summary.postId': replacingPostId };
    return this.updateOne(where, { summary: this.db.command.set(summary), updatedAt: now });
  }

  /** A page of the events hosted by the given organisations (all events for null), drafts included, newest start first. */
  async listManaged(orgIds: string[] | null, window: PageWindow): Promise<EventDoc[]> {
    let where: Record<string, unknown> = {};
    if (orgIds !== null) where = { orgId: orgIds.length === 1 ? orgIds[0] : this.db.command.in(orgIds) };
    return documentsOf<EventDoc>(
      await this.collection.where(where).orderBy('startAt', 'desc').orderBy('_id', 'desc').skip(window.offset).limit(window.limit).get(),
    );
  }
}
