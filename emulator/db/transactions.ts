import { randomBytes } from 'node:crypto';
import type { Doc } from './document-codec';
import { DatabaseError } from './errors';

/** MongoDB's default transactionLifetimeLimitSeconds: a transaction older than this is aborted. */
export const transactionLifetimeMs = 60_000;

export interface PendingWrite {
  collection: string;
  key: string;
  /** The document as the transaction left it; null when it deleted it. */
  doc: Doc | null;
}

/**
 * Optimistic concurrency: a transaction remembers the version of every document it read or wrote, as it first
 * saw it (0 = absent), and buffers its writes. Commit applies them in one SQLite transaction after checking that
 * no version moved; otherwise the commit fails with DATABASE_TRANSACTION_CONFLICT and the SDK retries.
 */
export class Transaction {
  readonly seen = new Map<string, { collection: string; key: string; version: number }>();
  readonly writes = new Map<string, PendingWrite>();

  constructor(
    readonly id: string,
    readonly startedAt: number,
  ) {}

  static slot(collection: string, key: string): string {
    return `${collection}\u0000${key}`;
  }

  hasWritesIn(collection: string): boolean {
    for (const write of this.writes.values()) if (write.collection === collection) return true;
    return false;
  }
}

export class TransactionRegistry {
  private readonly live = new Map<string, Transaction>();

  start(now: number): Transaction {
    this.expire(now);
    const transaction = new Transaction(randomBytes(16).toString('hex'), now);
    this.live.set(transaction.id, transaction);
    return transaction;
  }

  get(id: unknown, now: number): Transaction {
    this.expire(now);
    const transaction = typeof id === 'string' ? this.live.get(id) : undefined;
    if (!transaction) throw new DatabaseError('DATABASE_TRANSACTION_FAIL', `transaction ${String(id)} does not exist, has ended or has expired`);
    return transaction;
  }

  finish(id: string): void {
    this.live.delete(id);
  }

  clear(): void {
    this.live.clear();
  }

  private expire(now: number): void {
    for (const [id, transaction] of this.live) {
      if (now - transaction.startedAt > transactionLifetimeMs) this.live.delete(id);
    }
  }
}
