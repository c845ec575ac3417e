import type { PageWindow } from '../domain/paging';
import { collections, type NotificationDoc } from './documents';
import { documentsOf, maxQueryLimit, readAll, type Database } from './database';

export type NewNotification = Omit<NotificationDoc, '_id' | 'readAt' | 'deliveredAt'>;

/** CloudBase takes at most this many documents in one insert; larger batches go in slices. */
const insertSlice = 500;

export class NotificationsRepository {
  constructor(private readonly db: Database) {}

  private get collection() {
    return this.db.collection(collections.notifications);
  }

  async add(notifications: NewNotification[]): Promise<void> {
    for (let start = 0; start < notifications.length; start += insertSlice) {
      const slice = notifications.slice(start, start + insertSlice).map((note) => ({ ...note, readAt: null, deliveredAt: null }));
      await this.collection.add(slice);
    }
  }

  /** Newest first. */
  async listFor(memberId: string, window: PageWindow): Promise<NotificationDoc[]> {
    return documentsOf<NotificationDoc>(
      await this.collection.where({ memberId }).orderBy('createdAt', 'desc').orderBy('_id', 'desc').skip(window.offset).limit(window.limit).get(),
    );
  }

  async unreadCount(memberId: string): Promise<number> {
    const { total } = await this.collection.where({ memberId, readAt: null }).count();
    return total ?? 0;
  }

  /** Every notification of the member, newest first, for their data export. */
  async allFor(memberId: string): Promise<NotificationDoc[]> {
    return readAll<NotificationDoc>((offset) =>
      this.collection.where({ memberId }).orderBy('createdAt', 'desc').orderBy('_id', 'desc').skip(offset).limit(maxQueryLimit).get(),
    );
  }

  async removeAllFor(memberId: string): Promise<void> {
    await this.collection.where({ memberId }).remove();
  }

  async markAllRead(memberId: string, now: Date): Promise<number> {
    const { updated } = await this.collection.where({ memberId, readAt: null }).update({ readAt: now });
    return updated ?? 0;
  }
}
