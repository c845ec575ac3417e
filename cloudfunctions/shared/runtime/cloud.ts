import * as tcb from '@cloudbase/node-sdk';
import type { CloudApp, Database, FileStorage } from '../data/database';

/** Where a local invocation's SDK goes: the emulator (or any CloudBase-compatible endpoint). */
export interface CloudConfig {
  env: string;
  secretId: string;
  secretKey: string;
  serviceUrl: string;
}

let currentEnvironmentApp: CloudApp | null = null;

/** Inside CloudBase: one SDK instance per container, bound to the function's own environment. */
export function productionApp(): CloudApp {
  currentEnvironmentApp ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
  return currentEnvironmentApp;
}

/** The WeChat OPENID CloudBase put in the function's context; empty means no WeChat caller (e.g. a timer). */
export function productionCallerOpenId(app: CloudApp): string | null {
  return app.auth().getUserInfo().openId || null;
}

const localApps = new Map<string, CloudApp>();

function localApp(cloud: CloudConfig): CloudApp {
  const key = JSON.stringify([cloud.env, cloud.secretId, cloud.secretKey, cloud.serviceUrl]);
  let app = localApps.get(key);
  if (!app) {
    // `keepalive: false` only stops the SDK from using its own keep-alive agent, which keeps 10 idle sockets and
    // so reconnects under concurrent calls; requests then go through Node's global agent, which keeps alive too.
    app = tcb.init({ env: cloud.env, secretId: cloud.secretId, secretKey: cloud.secretKey, serviceUrl: cloud.serviceUrl, keepalive: false });
    localApps.set(key, app);
  }
  return app;
}

/**
 * The database handle of one local invocation. With a call id the requests go to
 * `serviceUrl?call=<id>&…` (the SDK appends its own query after the `&`), so the emulator can count
 * this call's round trips without any state shared between concurrent callers.
 */
export function localDatabase(cloud: CloudConfig, callId?: string): Database {
  const app = localApp(cloud);
  if (callId === undefined) return app.database();
  return app.database({ serviceUrl: `${cloud.serviceUrl}?call=${encodeURIComponent(callId)}&` });
}

/** File storage of one local invocation: the same SDK app, whose storage calls go to the emulator's serviceUrl. */
export function localFileStorage(cloud: CloudConfig): FileStorage {
  return localApp(cloud);
}
