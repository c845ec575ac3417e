import { collections, type AuditDoc } from './documents';
import { documentsOf, maxQueryLimit, type Database } from './database';

export type AuditEntry = Omit<AuditDoc, '_id' | 'at'>;

export class AuditRepository {
  constructor(private readonly db: Database) {}

  private get collection() {
    return this.db.collection(collections.audit);
  }

  /** The server stamps the time, so a function's clock cannot skew the record. */
  async record(entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.collection.add(entries.map((entry) => ({ ...entry, at: this.db.serverDate() })));
  }

  /** Every row a member wrote as actor, newest first, read in pages of the most CloudBase answers at once. */
  async listByActor(memberId: string): Promise<AuditDoc[]> {
    const rows: AuditDoc[] = [];
    for (;;) {
      const batch = documentsOf<AuditDoc>(
        await this.collection
          .where({ actorMemberId: memberId })
          .orderBy('at', 'desc')
          .orderBy('_id', 'asc')
          .skip(rows.length)
          .limit(maxQueryLimit)
          .get(),
      );
      rows.push(...batch);
      if (batch.length < maxQueryLimit) return rows;
    }
  }
}
