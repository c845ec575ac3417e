import { fork } from 'node:child_process';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { sign } from '@cloudbase/signature-nodejs';
import { report } from './support/http-load';

/**
 * What one database call costs inside a function before any database work: @cloudbase/node-sdk building the query,
 * signing the request (TC3), its HTTP client and parsing the answer, against an endpoint that answers at once
 * (support/canned-endpoint.cjs, another process). A sign-up makes three such calls, so three times
 * `sdk_call.client_cpu_us` is spent in the function worker however fast the emulator is; README "Figures" uses it.
 * `sdk_call.sign_us` is the part of it that signs the request (the library as patched, patches/README.md).
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
    report('sdk_call.sign_us', signingCpuMicroseconds());
  } finally {
    endpoint.kill();
  }
}

/** CPU per signature of a registration insert as the SDK signs it (its headers and parameters), after a warm-up. */
function signingCpuMicroseconds(): number {
  const request = () => ({
    secretId: 'bench-id',
    secretKey: 'bench-key',
    method: 'post',
    url: 'http://127.0.0.1:3000/admin?call=c1&env=xinlian-local&seqId=1a215dceabf_3a7e',
    headers: { 'User-Agent': 'tcb-node-sdk/3.18.3', 'X-TCB-Source': ',tencentcloud', 'X-Client-Timestamp': Date.now(), 'X-SDK-Version': 'tcb-node-sdk/3.18.3', Host: '127.0.0.1:3000', 'content-type': 'application/json' },
    params: {
      action: 'database.insertDocument',
      envName: 'xinlian-local',
      wxCloudApiToken: '',
      tcb_sessionToken: '',
      collectionName: 'registrations',
      data: ['{"_id":"ev_m","contact":{"name":"会员4976","mobile":"13900004976"},"arrival":{"$numberInt":"4974"}}'],
    },
    withSignedParams: true,
    timestamp: Math.floor(Date.now() / 1000) - 1,
  });
  const signatures = 20_000;
  for (let n = 0; n < signatures; n++) sign(request());
  const before = process.cpuUsage();
  for (let n = 0; n < signatures; n++) sign(request());
  const used = process.cpuUsage(before);
  return (used.user + used.system) / signatures;
}
