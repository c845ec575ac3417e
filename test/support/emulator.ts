import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import indexes from '../../cloudfunctions/database/indexes.json';
import { type DatabaseEmulator, type IndexDeclarations, startEmulatorServer } from '../../emulator/db';
import { createStorageEmulator, type StorageEmulator } from '../../emulator/storage';

export type CloudApp = ReturnType<typeof tcb.init>;

/** Where a CloudBase app connects: the emulator's (or a real environment's) URL and credentials. */
export interface EmulatorTarget {
  serviceUrl: string;
  env: string;
  secretId: string;
  secretKey: string;
}

export interface TestEmulator extends EmulatorTarget {
  emulator: DatabaseEmulator;
  storage: StorageEmulator;
  /** Where the storage keeps its files. */
  storageDir: string;
  /** Requests made with `call=<callId>`: database and storage actions plus file uploads; removes the entry. */
  takeCallCount(callId: string): number;
  close(): Promise<void>;
}

export const declaredIndexes = indexes as IndexDeclarations;

/**
 * A database and file storage emulator on a random port for one jest suite, with the repo's declared indexes (so
 * its declared collections exist; others need `db.createCollection`). In memory, with files in a temporary
 * directory removed on close, unless `file` is given: then files live in a `storage` folder beside it.
 */
export async function startTestEmulator(options: { file?: string; indexes?: IndexDeclarations; now?: () => number } = {}): Promise<TestEmulator> {
  const credentials = { env: 'xinlian-test', secretId: 'test-secret-id', secretKey: 'test-secret-key' };
  const temporaryDir = options.file ? null : mkdtempSync(path.join(os.tmpdir(), 'xinlian-storage-'));
  const storageDir = temporaryDir ?? path.join(path.dirname(options.file as string), 'storage');
  const storage = createStorageEmulator({ dir: storageDir, env: credentials.env, secretKey: credentials.secretKey, now: options.now });
  const server = await startEmulatorServer({
    file: options.file ?? ':memory:',
    indexes: options.indexes ?? declaredIndexes,
    extension: storage,
    ...credentials,
  });
  return {
    ...credentials,
    serviceUrl: server.serviceUrl,
    emulator: server.emulator,
    storage,
    storageDir,
    takeCallCount: (callId) => server.emulator.takeCallCount(callId) + storage.takeCallCount(callId),
    async close() {
      await server.close();
      if (temporaryDir) rmSync(temporaryDir, { recursive: true, force: true });
    },
  };
}

/**
 * A CloudBase app (the real @cloudbase/node-sdk) pointed at the emulator. With `callId`, every request it sends
 * carries `call=<callId>`, which `emulator.takeCallCount(callId)` counts.
 */
export function connect(target: EmulatorTarget, options: { callId?: string; secretKey?: string } = {}): CloudApp {
  const serviceUrl = options.callId ? `${target.serviceUrl}?call=${encodeURIComponent(options.callId)}&` : target.serviceUrl;
  return tcb.init({ env: target.env, secretId: target.secretId, secretKey: options.secretKey ?? target.secretKey, serviceUrl });
}
