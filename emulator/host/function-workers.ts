import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/** One local invocation of a built function, as its `invoke` export takes it (see cloudfunctions/shared/runtime). */
export interface FunctionCall {
  name: string;
  event: unknown;
  local: {
    openId: string | null;
    cloud: { env: string; secretId: string; secretKey: string; serviceUrl: string };
    callId: string;
  };
}

export interface FunctionOutcome {
  reply: { ok: boolean; code?: string };
  role: string;
}

export interface FunctionWorkers {
  has(name: string): boolean;
  invoke(call: FunctionCall): Promise<FunctionOutcome>;
  close(): Promise<void>;
}

/** The deployable functions in a folder of built functions: each sub-folder with an index.js. */
export function builtFunctionNames(functionsDir: string): string[] {
  if (!existsSync(functionsDir)) return [];
  return readdirSync(functionsDir).filter((name) => existsSync(path.join(functionsDir, name, 'index.js')));
}

/**
 * Plain CommonJS, since a worker thread may not have the TypeScript loader: it loads the built bundles with require(),
 * as CloudBase loads a function folder, says it is ready, and answers each call with what the function's `invoke`
 * answered.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const path = require('node:path');
// The SDK reads a dozen environment variables on every request; a worker's process.env goes to native code for each
// read, a plain copy does not. A function's environment is fixed for its instance's life, on CloudBase as here.
process.env = { ...process.env };
const functions = new Map(workerData.names.map((name) => [name, require(path.join(workerData.functionsDir, name, 'index.js'))]));
parentPort.on('message', ({ id, call }) => {
  functions.get(call.name).invoke(call.event, call.local).then(
    (outcome) => parentPort.postMessage({ id, outcome }),
    (error) => parentPort.postMessage({ id, failure: String((error && error.stack) || error) }),
  );
});
parentPort.postMessage({ ready: true });
`;

interface Pending {
  resolve(outcome: FunctionOutcome): void;
  reject(error: Error): void;
}

type WorkerMessage = { ready: true } | { id: number; outcome?: FunctionOutcome; failure?: string };

interface RunningWorker {
  worker: Worker;
  pending: Map<number, Pending>;
  exited: boolean;
}

/**
 * Runs the functions in worker threads, so that their work (validation, rules, the SDK's request signing) runs beside
 * the main thread's HTTP and database emulator rather than queued behind it, as each CloudBase function instance runs
 * apart from the database. Calls go to the worker with the fewest in flight. Resolves once every worker has loaded
 * the bundles (a bundle that fails to load fails the start, as a require() in the host would); a worker that dies
 * later fails its calls in flight and is replaced.
 */
export async function startFunctionWorkers(functionsDir: string, count: number, onError: (message: string) => void): Promise<FunctionWorkers> {
  const names = builtFunctionNames(functionsDir);
  let nextId = 0;
  let closing = false;
  const workers: RunningWorker[] = [];

  function spawnWorker(slot: number): Promise<void> {
    const worker = new Worker(workerSource, { eval: true, workerData: { functionsDir, names } });
    const entry: RunningWorker = { worker, pending: new Map(), exited: false };
    workers[slot] = entry;
    return new Promise((ready, failed) => {
      let loaded = false;
      worker.on('message', (message: WorkerMessage) => {
        if ('ready' in message) {
          loaded = true;
          ready();
          return;
        }
        const pending = entry.pending.get(message.id);
        entry.pending.delete(message.id);
        if (message.outcome) pending?.resolve(message.outcome);
        else pending?.reject(new Error(message.failure));
      });
      worker.on('error', (error) => {
        if (loaded) {
          onError(`function worker failed: ${error.stack ?? error.message}`);
          return;
        }
        // A worker that could not load takes no calls, even in the moment before its exit event arrives.
        entry.exited = true;
        failed(error);
      });
      worker.on('exit', () => {
        entry.exited = true;
        for (const pending of entry.pending.values()) pending.reject(new Error('function worker exited'));
        entry.pending.clear();
        if (loaded && !closing) void spawnWorker(slot).catch((error: Error) => onError(`function worker could not restart: ${error.stack ?? error.message}`));
        else if (!loaded) failed(new Error('function worker exited while loading the functions'));
      });
    });
  }

  const pool: FunctionWorkers = {
    has: (name) => names.includes(name),
    invoke(call) {
      const entry = workers.filter((candidate) => !candidate.exited).sort((a, b) => a.pending.size - b.pending.size)[0];
      if (!entry) return Promise.reject(new Error('no function worker is running'));
      const id = ++nextId;
      return new Promise<FunctionOutcome>((resolve, reject) => {
        entry.pending.set(id, { resolve, reject });
        entry.worker.postMessage({ id, call });
      });
    },
    async close() {
      closing = true;
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
    },
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, count) }, (_, slot) => spawnWorker(slot)));
  } catch (error) {
    await pool.close();
    throw error;
  }
  return pool;
}
