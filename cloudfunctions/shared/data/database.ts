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

/** CloudBase answers at most 1,000 documents per query. */
export const maxQueryLimit = 1000;

/** The SDK's file storage (the app handle, where storage calls live); only repositories that keep files use it. */
export type FileStorage = Pick<CloudApp, 'uploadFile' | 'getTempFileURL' | 'deleteFile'>;

/** The transaction handle `db.runTransaction` passes its callback (typed `any` by @cloudbase/database). */
export interface Transaction {
  collection(name: string): ReturnType<Database['collection']>;
}
