import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { builtFunctionNames, startFunctionWorkers, type FunctionCall, type FunctionWorkers } from '../../emulator/host/function-workers';

/** Built function folders as the host finds them in dist/cloudfunctions, with behaviours a real bundle can show. */
const bundles: Record<string, string> = {
  echo: `exports.invoke = async (event, local) => ({ reply: { ok: true, data: { event, openId: local.openId, callId: local.callId } }, role: local.openId ? 'member' : 'anonymous' });`,
  slow: `exports.invoke = (event, local) => new Promise((resolve) => setTimeout(() => resolve({ reply: { ok: true, data: local.callId }, role: 'member' }), 50));`,
  throws: `exports.invoke = async () => { throw new Error('bundle broke'); };`,
  exits: `exports.invoke = async () => { process.exit(3); };`,
};

const cloud = { env: 'test-env', secretId: 'id', secretKey: 'key', serviceUrl: 'http://127.0.0.1:1/admin' };

function call(name: string, openId: string | null, callId: string, event: unknown = { action: 'x' }): FunctionCall {
  return { name, event, local: { openId, cloud, callId } };
}

function writeBundles(dir: string, sources: Record<string, string>): void {
  for (const [name, source] of Object.entries(sources)) {
    mkdirSync(path.join(dir, name), { recursive: true });
    writeFileSync(path.join(dir, name, 'index.js'), source);
  }
}

describe('function workers', () => {
  let dir: string;
  let workers: FunctionWorkers;
  const errors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'xinlian-functions-'));
    writeBundles(dir, bundles);
    mkdirSync(path.join(dir, 'not-built'));
    workers = await startFunctionWorkers(dir, 2, (message) => errors.push(message));
  });

  afterAll(async () => {
    await workers.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('knows the built functions only', () => {
    expect(builtFunctionNames(dir).sort()).toEqual(['echo', 'exits', 'slow', 'throws']);
    expect(workers.has('echo')).toBe(true);
    expect(workers.has('not-built')).toBe(false);
    expect(builtFunctionNames(path.join(dir, 'missing'))).toEqual([]);
  });

  it('answers each concurrent call with its own event and identity', async () => {
    const calls = Array.from({ length: 40 }, (_, i) => call('echo', i % 3 ? `openid-${i}` : null, `c${i}`, { action: 'me', data: { n: i } }));
    const outcomes = await Promise.all(calls.map((each) => workers.invoke(each)));
    outcomes.forEach((outcome, i) => {
      expect(outcome).toEqual({
        reply: { ok: true, data: { event: { action: 'me', data: { n: i } }, openId: i % 3 ? `openid-${i}` : null, callId: `c${i}` } },
        role: i % 3 ? 'member' : 'anonymous',
      });
    });
  });

  it('runs many calls at once in a worker rather than one after another', async () => {
    const started = performance.now();
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => workers.invoke(call('slow', 'openid-a', `s${i}`))));
    expect(outcomes.map((outcome) => (outcome.reply as { data?: unknown }).data)).toEqual(Array.from({ length: 10 }, (_, i) => `s${i}`));
    expect(performance.now() - started).toBeLessThan(400);
  });

  it('fails a call whose function throws, and keeps serving', async () => {
    await expect(workers.invoke(call('throws', 'openid-a', 't1'))).rejects.toThrow('bundle broke');
    await expect(workers.invoke(call('echo', 'openid-a', 't2'))).resolves.toMatchObject({ reply: { ok: true } });
  });

  it('keeps serving when one of its workers exits', async () => {
    await expect(workers.invoke(call('exits', 'openid-a', 'x1'))).rejects.toThrow('function worker exited');
    const outcomes = await Promise.all(Array.from({ length: 6 }, (_, i) => workers.invoke(call('echo', 'openid-b', `after${i}`))));
    expect(outcomes.every((outcome) => outcome.reply.ok)).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('a single function worker', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'xinlian-functions-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('that exits fails its calls in flight and is replaced', async () => {
    writeBundles(dir, { echo: bundles.echo, exits: bundles.exits });
    const workers = await startFunctionWorkers(dir, 1, () => undefined);
    await expect(workers.invoke(call('exits', 'openid-a', 'x1'))).rejects.toThrow('function worker exited');
    await expect(workers.invoke(call('echo', 'openid-a', 'x2'))).resolves.toMatchObject({ reply: { ok: true, data: { callId: 'x2' } } });
    await workers.close();
  });

  it('fails to start when a bundle does not load, as a require() in the host would', async () => {
    writeBundles(dir, { echo: bundles.echo, broken: 'exports.invoke = ;' });
    await expect(startFunctionWorkers(dir, 1, () => undefined)).rejects.toMatchObject({ name: 'SyntaxError' });
  });

  it('answers at once, not never, when it could not be restarted', async () => {
    writeBundles(dir, { echo: bundles.echo, exits: bundles.exits });
    const errors: string[] = [];
    const workers = await startFunctionWorkers(dir, 1, (message) => errors.push(message));
    writeBundles(dir, { echo: 'exports.invoke = ;' });
    await expect(workers.invoke(call('exits', 'openid-a', 'x1'))).rejects.toThrow('function worker exited');
    for (let waited = 0; errors.length === 0 && waited < 5000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(errors).toEqual([expect.stringContaining('function worker could not restart')]);
    await expect(workers.invoke(call('echo', 'openid-a', 'x2'))).rejects.toThrow('no function worker is running');
    await workers.close();
  });
});
