import type { EventListQuery } from '../domain/event-listing';
import { collections, type EventDoc } from './documents';
import { documentsOf, firstDocumentOf, type Database } from './database';

export class EventsRepository {
  constructor(private readonly db: Database) {}

  private get collection() {
    return this.db.collection(collections.events);
  }

  async findById(eventId: string): Promise<EventDoc | null> {
    return firstDocumentOf<EventDoc>(await this.collection.doc(eventId).get());
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
}
