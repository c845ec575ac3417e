import { fork } from 'node:child_process';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { report } from './support/http-load';

/**
 * What one database call costs inside a function before any database work: @cloudbase/node-sdk building the query,
 * signing the request (TC3), its HTTP client and parsing the answer, against an endpoint that answers at once
 * (support/canned-endpoint.cjs, another process). A sign-up makes three such calls, so three times
 * `sdk_call.client_cpu_us` is spent in the function worker however fast the emulator is; README "Figures" uses it.
 */
const calls = 10_000;
const concurrency = 50;

export async function benchSdkCall(): Promise<void> {
  const endpoint = fork(path.join(__dirname, 'support', 'canned-endpoint.cjs'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = <T>(): Promise<T> => new Promise((resolve) => endpoint.once('message', (message) => resolve(message as T)));
  try {
    const { port } = await ask<{ port: number }>();
    // As the host's function workers do (emulator/host/function-workers.ts): the SDK reads the environment per call.
    process.env = { ...process.env };
    const db = tcb.init({ env: 'xinlian-local', secretId: 'bench-id', secretKey: 'bench-key', serviceUrl: `http://127.0.0.1:${port}/admin`, keepalive: false }).database();
    const call = (n: number) => db.collection('members').where({ openId: `openid-${n}` }).limit(1).get();
    for (let n = 0; n < 1_000; n++) await call(n);

    endpoint.send('cpu');
    const endpointBefore = (await ask<{ cpu: NodeJS.CpuUsage }>()).cpu;
    const clientBefore = process.cpuUsage();
    const started = performance.now();
    let next = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < calls) await call(next++);
    }));
    const elapsedMs = performance.now() - started;
    const client = process.cpuUsage(clientBefore);
    endpoint.send('cpu');
    const endpointAfter = (await ask<{ cpu: NodeJS.CpuUsage }>()).cpu;

    report('sdk_call.calls', calls);
    report('sdk_call.per_s', (calls / elapsedMs) * 1000);
    report('sdk_call.client_cpu_us', (client.user + client.system) / calls);
    report('sdk_call.endpoint_cpu_us', (endpointAfter.user + endpointAfter.system - endpointBefore.user - endpointBefore.system) / calls);
  } finally {
    endpoint.kill();
  }
}
