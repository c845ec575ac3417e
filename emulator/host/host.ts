import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createDatabaseEmulator, type DatabaseEmulator, type IndexDeclarations } from '../db';
import { createStorageEmulator, type StorageEmulator } from '../storage';
import { findPersona, issueToken, listPersonas, openIdFromToken } from './dev-sign-in';
import { startFunctionWorkers } from './function-workers';
import { serveStatic } from './static-files';
import { startTimers, timerTriggers, type TimerTrigger } from './timers';
import cloudbaseConfig from '../../cloudbaserc.json';
import { readBody } from '../read-body';

export interface HostOptions {
  port: number;
  databaseFile: string;
  env: string;
  secretId: string;
  secretKey: string;
  indexes: IndexDeclarations;
  functionsDir: string;
  /** Worker threads that run the functions; by default one per core beyond the first (at least one). */
  functionWorkers?: number;
  h5Dir: string;
  log?: (line: string) => void;
}

export interface RunningHost {
  url: string;
  port: number;
  /** `emulator.reset()` wipes stored files too. */
  emulator: DatabaseEmulator;
  storage: StorageEmulator;
  close(): Promise<void>;
}

const maxBodyBytes = 2 * 1024 * 1024;

/**
 * The local host: the CloudBase emulator at /admin (database and storage actions) with file transfers under
 * /storage, the functions at /api/<name>, the dev sign-in and the H5 app.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const log = options.log ?? batchedStdoutLog();
  const storage = createStorageEmulator({
    dir: path.join(path.dirname(options.databaseFile), 'storage'),
    env: options.env,
    secretKey: options.secretKey,
  });
  const emulator = createDatabaseEmulator({
    file: options.databaseFile,
    env: options.env,
    secretId: options.secretId,
    secretKey: options.secretKey,
    indexes: options.indexes,
    extension: storage,
  });
  const functions = await startFunctionWorkers(options.functionsDir, options.functionWorkers ?? os.availableParallelism() - 1, (message) => console.error(message));
  let port = options.port;
  let nextCallId = 0;

  async function callFunction(name: string, req: IncomingMessage, res: ServerResponse) {
    if (!functions.has(name)) return sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: '云函数不存在' });
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const openId = bearer ? openIdFromToken(bearer, options.secretKey) : null;
    if (bearer && !openId) return sendJson(res, 401, { ok: false, code: 'UNAUTHENTICATED', message: '登录已失效，请重新选择身份' });
    const body = await readJson(req);
    if (body === undefined) return sendJson(res, 400, { ok: false, code: 'VALIDATION_FAILED', message: '请求格式不正确' });
    const callId = `c${++nextCallId}`;
    const started = performance.now();
    const { reply, role } = await functions.invoke({ name, event: body, local: { openId, cloud: cloudConfig(), callId } });
    const ms = performance.now() - started;
    const action = typeof (body as { action?: unknown })?.action === 'string' ? (body as { action: string }).action : '?';
    log(`${new Date().toISOString()} ${name}.${action} role=${role} ${reply.ok ? 'ok' : reply.code} ${ms.toFixed(1)}ms db=${emulator.takeCallCount(callId) + storage.takeCallCount(callId)}`);
    sendJson(res, 200, reply);
  }

  /** A timer trigger's call, as CloudBase makes it: no caller, a Timer event. */
  async function fireTimer(trigger: TimerTrigger) {
    if (!functions.has(trigger.functionName)) return;
    const callId = `t${++nextCallId}`;
    const started = performance.now();
    const event = { Type: 'Timer', TriggerName: trigger.triggerName, Time: new Date().toISOString() };
    const { reply } = await functions.invoke({ name: trigger.functionName, event, local: { openId: null, cloud: cloudConfig(), callId } });
    const ms = performance.now() - started;
    log(`${new Date().toISOString()} ${trigger.functionName}.timer:${trigger.triggerName} ${reply.ok ? 'ok' : reply.code} ${ms.toFixed(1)}ms db=${emulator.takeCallCount(callId)}`);
  }

  function cloudConfig() {
    return { env: options.env, secretId: options.secretId, secretKey: options.secretKey, serviceUrl: `http://127.0.0.1:${port}/admin` };
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/admin' || url.pathname.startsWith('/admin/')) return emulator.handle(req, res);
    if (storage.handleRequest(req, res)) return;
    const api = /^\/api\/([a-z-]+)$/.exec(url.pathname);
    if (api && req.method === 'POST') return callFunction(api[1], req, res);
    if (url.pathname === '/dev/personas' && req.method === 'GET') return sendJson(res, 200, { personas: listPersonas() });
    if (url.pathname === '/dev/session' && req.method === 'POST') {
      const persona = findPersona(((await readJson(req)) as { persona?: unknown } | undefined)?.persona);
      if (!persona) return sendJson(res, 400, { ok: false, code: 'NOT_FOUND', message: '没有这个演示身份' });
      return sendJson(res, 200, { token: issueToken(persona.id, options.secretKey), persona });
    }
    if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(options.h5Dir, url.pathname, res);
    sendJson(res, 405, { ok: false, code: 'NOT_FOUND', message: '不支持的请求' });
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error('host error', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后重试' });
      else res.end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  const stopTimers = startTimers(timerTriggers(cloudbaseConfig), (trigger) => fireTimer(trigger).catch((error: unknown) => console.error('timer error', error)));
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    emulator,
    storage,
    close: () =>
      new Promise<void>((resolve) => {
        stopTimers();
        server.closeAllConnections();
        server.close(() => {
          emulator.close();
          void functions.close().then(resolve);
        });
      }),
  };
}

/**
 * One line per call is logged; under load, a synchronous pipe write per line costs more CPU than the call's
 * own bookkeeping, so lines logged in the same turn of the event loop go out in one write right after it.
 */
function batchedStdoutLog(): (line: string) => void {
  let pending: string[] = [];
  const flush = () => {
    process.stdout.write(pending.join(''));
    pending = [];
  };
  return (line) => {
    if (pending.length === 0) setImmediate(flush);
    pending.push(`${line}\n`);
  };
}

/** The JSON body, or undefined when it is too large or not JSON. */
async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req, maxBodyBytes);
  if (body === 'too-large') return undefined;
  try {
    return JSON.parse(body.toString('utf8') || 'null');
  } catch {
    return undefined;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
