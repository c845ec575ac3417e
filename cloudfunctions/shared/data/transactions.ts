import { AppError } from '../domain/app-error';
import type { Database, Transaction } from './database';

/**
 * Writes that share one document (the pledge chain head, an event's ledger) conflict and retry; enough
 * retries let a burst of them all get through, one commit per round.
 */
const transactionAttempts = 24;

function isTransactionConflict(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'DATABASE_TRANSACTION_CONFLICT';
}

/**
 * Runs `work` in a database transaction, retried on conflict. `work` may run several times, so it only
 * reads and writes through the transaction: no uploads, no other side effects. A conflict that outlasts
 * the retries answers CONFLICT.
 */
export async function runRetriedTransaction<T>(db: Database, work: (transaction: Transaction) => Promise<T>): Promise<T> {
  try {
    return (await db.runTransaction(work, transactionAttempts)) as T;
  } catch (error) {
    if (isTransactionConflict(error)) throw new AppError('CONFLICT');
    throw error;
  }
}
