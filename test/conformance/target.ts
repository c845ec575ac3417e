import { randomBytes } from 'node:crypto';
import tcb from '@cloudbase/node-sdk';
import type { IndexDeclarations, IndexSpec } from '../../emulator/db';
import { type CloudApp, connect, declaredIndexes, startTestEmulator, type TestEmulator } from '../support/emulator';

export type Database = ReturnType<CloudApp['database']>;

/**
 * Indexes the emulator gets for these suites on top of the repo's own: the same queries run against an indexed
 * collection (index reads, multikey side tables) and an unindexed one (table scans), and must answer alike.
 */
export const conformanceIndexes: IndexDeclarations = {
  people: [
    { name: 'city_age', keys: [{ field: 'city', direction: 1 }, { field: 'age', direction: -1 }] },
    { name: 'age_name', keys: [{ field: 'age', direction: 1 }, { field: 'name', direction: 1 }] },
    { name: 'tags', keys: [{ field: 'tags', direction: 1 }] },
    { name: 'joinedAt', keys: [{ field: 'joinedAt', direction: 1 }] },
    { name: 'address_zip', keys: [{ field: 'address.zip', direction: 1 }] },
    { name: 'active', keys: [{ field: 'active', direction: 1 }] },
  ],
  accounts: [{ name: 'email', unique: true, keys: [{ field: 'email', direction: 1 }] }],
  random_indexed: ['num', 'str', 'when', 'flag', 'mixed', 'tags', 'labels', 'a.b', 'c.d']
    .map((field): IndexSpec => ({ name: field, keys: [{ field, direction: 1 }] }))
    .concat([
      { name: 'str_num', keys: [{ field: 'str', direction: 1 }, { field: 'num', direction: -1 }] },
      { name: 'labels_when_id', keys: [{ field: 'labels', direction: 1 }, { field: 'when', direction: 1 }, { field: '_id', direction: 1 }] },
    ]),
};

export interface CloudCredentials {
  env: string;
  secretId: string;
  secretKey: string;
}

/** TCB_ENV, TCB_SECRET_ID and TCB_SECRET_KEY point the conformance suites at a real CloudBase environment. */
export function cloudCredentials(): CloudCredentials | undefined {
  const { TCB_ENV: env, TCB_SECRET_ID: secretId, TCB_SECRET_KEY: secretKey } = process.env;
  return env && secretId && secretKey ? { env, secretId, secretKey } : undefined;
}

export interface ConformanceTarget {
  kind: 'emulator' | 'cloudbase';
  app: CloudApp;
  db: Database;
  /** Only on the emulator target. */
  emulator?: TestEmulator;
  /** Creates a collection for this suite (on CloudBase under a unique prefix) and answers its name. */
  collection(base: string): Promise<string>;
  /** Cleans up: the emulator goes away; on CloudBase every document the suite created is removed. */
  close(): Promise<void>;
}

async function createCollection(db: Database, name: string): Promise<void> {
  try {
    await db.createCollection(name);
  } catch (error) {
    if ((error as { code?: string }).code !== 'DATABASE_COLLECTION_ALREADY_EXIST') throw error;
  }
}

export async function openTarget(): Promise<ConformanceTarget> {
  const credentials = cloudCredentials();
  if (!credentials) {
    const emulator = await startTestEmulator({ indexes: { ...declaredIndexes, ...conformanceIndexes } });
    const app = connect(emulator);
    const db = app.database();
    return {
      kind: 'emulator',
      app,
      db,
      emulator,
      async collection(base) {
        await createCollection(db, base);
        return base;
      },
      close: () => emulator.close(),
    };
  }
  // Off Tencent Cloud the SDK must use the public endpoint; test/support/env.ts claims otherwise for local runs.
  const claimed = process.env.TENCENTCLOUD;
  delete process.env.TENCENTCLOUD;
  const app = tcb.init(credentials);
  const db = app.database();
  const prefix = `conformance_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}_`;
  const created: string[] = [];
  return {
    kind: 'cloudbase',
    app,
    db,
    async collection(base) {
      const name = prefix + base;
      await createCollection(db, name);
      created.push(name);
      return name;
    },
    async close() {
      for (const name of created) await db.collection(name).where({ _id: db.command.exists(true) }).remove();
      if (claimed !== undefined) process.env.TENCENTCLOUD = claimed;
    },
  };
}

/** The ids of a query's documents, in the order answered. */
export function idsOf(result: { data: unknown }): string[] {
  return (result.data as { _id: string }[]).map((doc) => doc._id);
}

/** The error a rejected SDK call threw, for assertions on its CloudBase `code`. */
export async function failureOf(work: Promise<unknown>): Promise<{ code?: string; message?: string }> {
  try {
    await work;
  } catch (error) {
    return error as { code?: string; message?: string };
  }
  throw new Error('expected the call to fail');
}
