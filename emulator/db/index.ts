import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { runAction } from './actions';
import { DatabaseEngine } from './database-engine';
import type { IndexDeclarations } from './declarations';
import { DatabaseError, invalidParam } from './errors';
import { verifySignature } from './request-signature';
import { SqliteStore } from './sqlite-store';
import { readBody } from '../read-body';

export type { IndexDeclarations, IndexKey, IndexSpec } from './declarations';
export type { DatabaseErrorCode } from './errors';

export interface DatabaseEmulatorOptions {
  /** SQLite file path (':memory:' allowed for tests). */
  file: string;
  /** Requests must be signed with these, for this env. */
  env: string;
  secretId: string;
  secretKey: string;
  indexes?: IndexDeclarations;
  /** Another CloudBase service behind the same endpoint and signature check (file storage). */
  extension?: EmulatorExtension;
}

/** A service served beside the database: its `/admin` actions, its own paths, and its share of `reset()`. */
export interface EmulatorExtension {
  /** Answers an action after the signature and env checks, or undefined when the action is not its own. */
  serveAction(params: Record<string, unknown>, req: http.IncomingMessage): Record<string, unknown> | undefined;
  /** Serves a request outside /admin; false when the path is not its own. */
  handleRequest(req: http.IncomingMessage, res: http.ServerResponse): boolean;
  reset(): void;
}

export interface DatabaseEmulator {
  /** Handles one HTTP request to /admin (any path starting with /admin). Always answers. */
  handle(req: http.IncomingMessage, res: http.ServerResponse): void;
  /** Database requests served so far that carried `call=<callId>` in the query string; removes the entry. */
  takeCallCount(callId: string): number;
  /** Total database requests served since start (for benchmarks). */
  readonly requestCount: number;
  /** Removes every document and collection (used by `npm start -- --reset` and tests); declared collections come back empty. */
  reset(): void;
  close(): void;
}

/** Larger bodies are refused, as CloudBase refuses oversized requests. */
const maxBodyBytes = 16 * 1024 * 1024;

const requestIdPrefix = randomBytes(8).toString('hex');
let requestSequence = 0;

/** 32 hex characters like CloudBase's request ids; a counter, since one is made per request. */
function newRequestId(): string {
  return requestIdPrefix + (++requestSequence).toString(16).padStart(16, '0');
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function errorReply(error: unknown, requestId: string) {
  if (error instanceof DatabaseError) return { code: error.code, message: error.message, requestId };
  return { code: 'SYS_ERR', message: `emulator internal error: ${(error as Error)?.message ?? String(error)}`, requestId };
}

function parseParams(body: Buffer): Record<string, unknown> {
  let params: unknown;
  try {
    params = JSON.parse(body.toString('utf8'));
  } catch {
    throw invalidParam('request body must be a JSON object');
  }
  if (params === null || typeof params !== 'object' || Array.isArray(params)) throw invalidParam('request body must be a JSON object');
  return params as Record<string, unknown>;
}

/**
 * The CloudBase database API on SQLite, as @cloudbase/node-sdk reaches it: `POST <serviceUrl>?env=..&seqId=..`
 * with a signed JSON body naming a `database.*` action. Every answer is HTTP 200 with `{requestId, ...}`, or
 * `{code, message, requestId}` for an error, which the SDK turns into a thrown error.
 */
export function createDatabaseEmulator(options: DatabaseEmulatorOptions): DatabaseEmulator {
  const store = new SqliteStore(options.file, options.indexes ?? {});
  const engine = new DatabaseEngine(store, () => Date.now());
  const callCounts = new Map<string, number>();
  let requestCount = 0;

  function serve(req: http.IncomingMessage, url: URL, body: Buffer): Record<string, unknown> {
    const params = parseParams(body);
    verifySignature(
      { method: req.method ?? 'POST', url: `http://${req.headers.host ?? ''}${req.url ?? ''}`, headers: req.headers, params },
      options,
      Math.floor(Date.now() / 1000),
    );
    const env = url.searchParams.get('env');
    if (env !== options.env || params.envName !== options.env) {
      throw new DatabaseError('INVALID_ENV', `this emulator serves env ${options.env}; the request names ${String(params.envName || env || 'none')}`);
    }
    return options.extension?.serveAction(params, req) ?? runAction({ engine, store, now: Date.now() }, params);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const requestId = newRequestId();
    requestCount++;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const callId = url.searchParams.get('call');
    if (callId) callCounts.set(callId, (callCounts.get(callId) ?? 0) + 1);
    const answerError = (error: unknown) => {
      if (!(error instanceof DatabaseError)) console.error('database emulator error', error);
      if (!res.headersSent) sendJson(res, 200, errorReply(error, requestId));
    };
    try {
      if (req.method !== 'POST') throw invalidParam('CloudBase API requests are POST');
      const body = await readBody(req, maxBodyBytes);
      if (body === 'too-large') throw new DatabaseError('EXCEED_REQUEST_SIZE_LIMIT', `request body exceeds ${maxBodyBytes} bytes`);
      store.grouped(
        () => serve(req, url, body),
        (outcome, commitError) => {
          if (commitError) answerError(new DatabaseError('DATABASE_REQUEST_FAILED', `the write could not be committed: ${commitError.message}`));
          else if ('error' in outcome) answerError(outcome.error);
          else sendJson(res, 200, { requestId, ...outcome.value });
        },
      );
    } catch (error) {
      answerError(error);
    }
  }

  return {
    handle(req, res) {
      void handle(req, res);
    },
    takeCallCount(callId) {
      const count = callCounts.get(callId) ?? 0;
      callCounts.delete(callId);
      return count;
    },
    get requestCount() {
      return requestCount;
    },
    reset() {
      engine.transactions.clear();
      store.reset();
      options.extension?.reset();
    },
    close() {
      store.close();
    },
  };
}

/** A standalone server for tests: listens on 127.0.0.1 (port 0 = random), serves `handle` on /admin and the extension's paths. */
export async function startEmulatorServer(
  options: DatabaseEmulatorOptions & { port?: number },
): Promise<{ emulator: DatabaseEmulator; serviceUrl: string; close(): Promise<void> }> {
  const emulator = createDatabaseEmulator(options);
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/admin' || path.startsWith('/admin/')) emulator.handle(req, res);
    else if (!options.extension?.handleRequest(req, res)) sendJson(res, 404, { code: 'INVALID_ACTION', message: `no such path: ${path}`, requestId: newRequestId() });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', resolve);
    });
  } catch (error) {
    emulator.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  return {
    emulator,
    serviceUrl: `http://127.0.0.1:${port}/admin`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          emulator.close();
          resolve();
        });
      }),
  };
}
