import { spawn } from 'node:child_process';
import path from 'node:path';
import { harnessForThisFile, openIds } from '../support/functions';

const harness = harnessForThisFile();

const root = path.resolve(__dirname, '../..');

/**
 * Runs `main` the way CloudBase does: in its own process, with the caller and the environment in the
 * process environment the platform sets up (WX_OPENID named by WX_CONTEXT_KEYS, TCB_ENV, the temporary
 * credentials), and TCB_CONTEXT_CNFG pointing the SDK at the emulator instead of Tencent Cloud.
 */
function runMain(fn: string, event: unknown, wxOpenId: string | null): Promise<unknown> {
  const script = `require(${JSON.stringify(path.join(root, 'cloudfunctions', fn, 'index.ts'))})
    .main(${JSON.stringify(event)}, { request_id: 'test' })
    .then((reply) => process.stdout.write(JSON.stringify(reply)));`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    TENCENTCLOUD: 'true',
    SILENCE: 'true',
    TCB_CONTEXT_KEYS: 'TCB_ENV',
    TCB_ENV: harness.cloud.env,
    TENCENTCLOUD_SECRETID: harness.cloud.secretId,
    TENCENTCLOUD_SECRETKEY: harness.cloud.secretKey,
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: harness.cloud.serviceUrl }),
    ...(wxOpenId === null ? {} : { WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_OPENID: wxOpenId, WX_APPID: 'wx0000000000000000' }),
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`main exited with ${code}: ${stderr}`));
      resolve(JSON.parse(stdout));
    });
  });
}

describe('the CloudBase entry (main)', () => {
  it('takes the caller from the WeChat context, not from the event', async () => {
    const reply = await runMain('members', { action: 'me', userInfo: { openId: openIds.admin } }, openIds.member);
    expect(reply).toMatchObject({ ok: true, data: { profile: { id: 'm-member' } } });
  });

  it('treats a call without a WeChat caller as anonymous whatever the event claims', async () => {
    const reply = await runMain('members', { action: 'me', userInfo: { openId: openIds.admin } }, null);
    expect(reply).toEqual({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录' });
    expect(await runMain('events', { action: 'get', data: { id: 'ev-salon' } }, null)).toMatchObject({ ok: true, data: { id: 'ev-salon' } });
  });
});
