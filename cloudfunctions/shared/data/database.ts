import { createHash } from 'node:crypto';
import type * as tcb from '@cloudbase/node-sdk';

export type CloudApp = ReturnType<typeof tcb.init>;
/** The SDK's database handle; repositories are the only code that uses it. */
export type Database = ReturnType<CloudApp['database']>;

/** The SDK answers documents as loosely typed JSON; this is where they become our stored shapes. */
export function documentsOf<T>(result: { data: unknown }): T[] {
  return Array.isArray(result.data) ? (result.data as T[]) : [];
}

export function firstDocumentOf<T>(result: { data: unknown }): T | null {
  return documentsOf<T>(result)[0] ?? null;
}

/** Adds a document whose id makes a repeat collide: false when one with that id (or unique key) exists already. */
export async function insertOnce(collection: ReturnType<Database['collection']>, doc: { _id: string }): Promise<boolean> {
  try {
    await collection.add(doc);
    return true;
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'DATABASE_DUPLICATE_WRITE') return false;
    throw error;
  }
}

/**
 * The id of a document a member asked to create with `requestId` (see the contract's requestIdSchema): the same
 * request, retried after a lost answer, names the same document, so it is created once.
 */
export function requestedDocumentId(prefix: string, memberId: string, requestId: string): string {
  return `${prefix}-${createHash('sha256').update(`${memberId}\n${requestId}`).digest('hex').slice(0, 24)}`;
}

/** Adds the document, or answers the one already stored under its id (a retried create): `created` says which. */
export async function insertOrFind<T extends { _id: string }>(collection: ReturnType<Database['collection']>, doc: T): Promise<{ doc: T; created: boolean }> {
  if (await insertOnce(collection, doc)) return { doc, created: true };
  const stored = firstDocumentOf<T>(await collection.doc(doc._id).get());
  if (!stored) throw new Error(`${doc._id} was reported to exist but could not be read`);
  return { doc: stored, created: false };
}

/** CloudBase answers at most 1,000 documents per query. */
export const maxQueryLimit = 1000;

/** `items` in runs of at most `size`, for calls CloudBase caps (ids per `in` query, files per storage call). */
export function inBatches<T>(items: T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}

/** Every document of an ordered query, read in pages of CloudBase's cap; `page` runs the query from an offset. */
export async function readAll<T>(page: (offset: number) => Promise<{ data: unknown }>): Promise<T[]> {
  const rows: T[] = [];
  for (;;) {
    const found = documentsOf<T>(await page(rows.length));
    rows.push(...found);
    if (found.length < maxQueryLimit) return rows;
  }
}

/** The SDK's file storage (the app handle, where storage calls live); only repositories that keep files use it. */
export type FileStorage = Pick<CloudApp, 'uploadFile' | 'getTempFileURL' | 'deleteFile'>;

/** The transaction handle `db.runTransaction` passes its callback (typed `any` by @cloudbase/database). */
export interface Transaction {
  collection(name: string): ReturnType<Database['collection']>;
}

/**
 * How organizers look people up: digits (4 to 11) match the end of the mobile, since people read out their last
 * digits; anything else matches within the name, taken literally. `fields` names where a document keeps the two.
 */
export function personSearch(db: Database, text: string, fields: { name: string; mobile: string }): Record<string, unknown> {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return /^\d{4,11}$/.test(text) ? { [fields.mobile]: db.RegExp({ regexp: `${escaped}$` }) } : { [fields.name]: db.RegExp({ regexp: escaped }) };
}
