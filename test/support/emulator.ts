import tcb from '@cloudbase/node-sdk';
import indexes from '../../cloudfunctions/database/indexes.json';
import { type DatabaseEmulator, type IndexDeclarations, startEmulatorServer } from '../../emulator/db';

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
  close(): Promise<void>;
}

export const declaredIndexes = indexes as IndexDeclarations;

/**
 * A database emulator on a random port for one jest suite, with the repo's declared indexes (so its declared
 * collections exist; others need `db.createCollection`). In memory unless `file` is given.
 */
export async function startTestEmulator(options: { file?: string; indexes?: IndexDeclarations } = {}): Promise<TestEmulator> {
  const credentials = { env: 'xinlian-test', secretId: 'test-secret-id', secretKey: 'test-secret-key' };
  const server = await startEmulatorServer({ file: options.file ?? ':memory:', indexes: options.indexes ?? declaredIndexes, ...credentials });
  return { ...credentials, serviceUrl: server.serviceUrl, emulator: server.emulator, close: server.close };
}

/**
 * A CloudBase app (the real @cloudbase/node-sdk) pointed at the emulator. With `callId`, every request it sends
 * carries `call=<callId>`, which `emulator.takeCallCount(callId)` counts.
 */
export function connect(target: EmulatorTarget, options: { callId?: string; secretKey?: string } = {}): CloudApp {
  const serviceUrl = options.callId ? `${target.serviceUrl}?call=${encodeURIComponent(options.callId)}&` : target.serviceUrl;
  return tcb.init({ env: target.env, secretId: target.secretId, secretKey: options.secretKey ?? target.secretKey, serviceUrl });
}
