import tcb from '@cloudbase/node-sdk';
import { contract } from '../../cloudfunctions/shared/contract';
import { issueTokenForOpenId } from '../../emulator/host/dev-sign-in';
import { localSettings } from '../../emulator/settings';
import { startLocalHost, type StartedLocalHost } from '../support/local-host';

const settings = localSettings({});

async function post(host: StartedLocalHost, path: string, body: unknown, token?: string) {
  const response = await fetch(`${host.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function signIn(host: StartedLocalHost, persona: string): Promise<string> {
  const { body } = await post(host, '/dev/session', { persona });
  return body.token as string;
}

function adminApp(host: StartedLocalHost, secretKey = settings.secretKey) {
  return tcb.init({ env: settings.env, secretId: settings.secretId, secretKey, serviceUrl: `${host.url}/admin`, timeout: 5000 });
}

describe('the local host (npm start)', () => {
  let host: StartedLocalHost;

  beforeAll(async () => {
    host = await startLocalHost();
  }, 180_000);

  afterAll(async () => {
    await host?.stop();
  });

  it('prints its address, the CloudBase credentials and that it seeded demo data', () => {
    expect(host.output()).toContain(`serviceUrl ${host.url}/admin`);
    expect(host.output()).toContain(`secretId=${settings.secretId}`);
    expect(host.output()).toContain('demo data seeded');
  });

  it('serves the H5 app at /', async () => {
    const response = await fetch(`${host.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('<div id="app"');
  });

  it('lists demo personas including organizers, a steward and a newcomer', async () => {
    const response = await fetch(`${host.url}/dev/personas`);
    const { personas } = (await response.json()) as { personas: { id: string; role: string; orgName: string }[] };
    const roles = personas.map((persona) => persona.role);
    expect(roles.filter((role) => role === 'organizer').length).toBeGreaterThanOrEqual(2);
    expect(roles).toContain('steward');
    expect(roles).toContain('member');
    expect(personas.map((persona) => persona.id)).toContain('newcomer');
    expect(personas.every((persona) => typeof persona.orgName === 'string')).toBe(true);
  });

  it('signs a persona in and serves function calls as that persona', async () => {
    const token = await signIn(host, 'm-lin-xiao');
    const me = await post(host, '/api/members', { action: 'me', data: {} }, token);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ ok: true, data: { profile: { name: '林晓' } } });
    const events = await post(host, '/api/events', { action: 'list', data: {} }, token);
    expect(events.body.ok).toBe(true);
    expect((events.body.data as { items: unknown[] }).items.length).toBeGreaterThan(3);
  });

  it('gives each concurrent caller their own identity', async () => {
    const personas = ['m-lin-xiao', 'm-zhang-wei', 'm-liu-yang', 'm-chen-siyuan'];
    const tokens = await Promise.all(personas.map((persona) => signIn(host, persona)));
    const replies = await Promise.all(tokens.flatMap((token) => [1, 2, 3].map(() => post(host, '/api/members', { action: 'me', data: {} }, token))));
    const ids = replies.map((reply) => (reply.body.data as { profile: { id: string } }).profile.id);
    expect(ids).toEqual(personas.flatMap((persona) => [persona, persona, persona]));
  });

  it('refuses unknown personas, forged tokens and unknown functions', async () => {
    expect((await post(host, '/dev/session', { persona: 'nobody' })).status).toBe(400);
    const forged = await post(host, '/api/members', { action: 'me', data: {} }, 'ZGV2LW9wZW5pZC1tLWxpbi14aWFv.forged');
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('UNAUTHENTICATED');
    expect((await post(host, '/api/nothing', { action: 'x' })).status).toBe(404);
    const broken = await fetch(`${host.url}/api/events`, { method: 'POST', body: '{not json' });
    expect(broken.status).toBe(400);
  });

  it('serves a token issued with the host key for any OPENID (how the sign-up benchmark signs in members) as that caller', async () => {
    const openId = 'openid-token-for-any';
    const now = new Date();
    await adminApp(host).database().collection('members').add({
      _id: 'm-token-for-any', openId, profile: { name: '令牌测试', mobile: '13900009999', sector: 'enterprise', employer: '', title: '' },
      orgIds: [], roles: [], privacyAcceptedVersion: null, privacyAcceptedAt: null, createdAt: now, updatedAt: now, deletedAt: null,
    });
    const me = await post(host, '/api/members', { action: 'me', data: {} }, issueTokenForOpenId(openId, settings.secretKey));
    expect(me.body).toMatchObject({ ok: true, data: { profile: { id: 'm-token-for-any', name: '令牌测试' } } });
    const otherKey = await post(host, '/api/members', { action: 'me', data: {} }, issueTokenForOpenId(openId, 'not-the-host-key'));
    expect(otherKey.status).toBe(401);
    expect(otherKey.body.code).toBe('UNAUTHENTICATED');
  });

  it('answers hostile input to every action with an error code, never a crash', async () => {
    const token = await signIn(host, 'm-chen-siyuan');
    const hostileData: unknown[] = ['text', 42, [1, 2], { $ne: null }, { orgId: { $ne: null }, id: { $gt: '' } }, { ['x'.repeat(100)]: 'y'.repeat(100_000) }];
    for (const [fn, actions] of Object.entries(contract)) {
      for (const action of Object.keys(actions)) {
        for (const data of hostileData) {
          const reply = await post(host, `/api/${fn}`, { action, data }, token);
          expect(reply.status).toBe(200);
          expect(reply.body).toMatchObject({ ok: false, code: expect.stringMatching(/^[A-Z_]+$/), message: expect.any(String) });
          expect(JSON.stringify(reply.body)).not.toMatch(/Error:|at .*\.js|stack/);
        }
      }
    }
  });

  it('logs one line per function call with action, role, code, time and database round trips', async () => {
    const token = await signIn(host, 'm-chen-siyuan');
    await post(host, '/api/orgs', { action: 'tree', data: {} }, token);
    await post(host, '/api/orgs', { action: 'nope', data: {} }, token);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(host.output()).toMatch(/orgs\.tree role=\w+ ok \d+\.\dms db=[1-9]\d*/);
    expect(host.output()).toMatch(/orgs\.nope role=\w+ UNKNOWN_ACTION \d+\.\dms db=\d+/);
  });

  it('serves the CloudBase API at /admin to SDK scripts signed with its credentials only', async () => {
    const { total } = await adminApp(host).database().collection('orgs').count();
    expect(total).toBeGreaterThanOrEqual(1 + 6 + 36);
    await expect(adminApp(host, 'wrong-key').database().collection('orgs').count()).rejects.toThrow();
  });
});

describe('the local host across restarts', () => {
  it('keeps data through kill -9, does not reseed, and --reset wipes and reseeds', async () => {
    let host = await startLocalHost();
    const dataDir = host.dataDir;
    await adminApp(host).database().collection('orgs').doc('org-general').update({ description: 'written before the crash' });
    await host.stop('SIGKILL');

    // Restarts serve the app as built (benchmarks start the host this way).
    host = await startLocalHost({ dataDir, args: ['--no-app-build'] });
    expect(host.output()).not.toContain('demo data seeded');
    const after = await adminApp(host).database().collection('orgs').doc('org-general').get();
    expect(after.data[0].description).toBe('written before the crash');
    await host.stop('SIGKILL');

    host = await startLocalHost({ dataDir, args: ['--reset', '--no-app-build'] });
    expect(host.output()).toContain('demo data seeded');
    const reset = await adminApp(host).database().collection('orgs').doc('org-general').get();
    expect(reset.data[0].description).not.toBe('written before the crash');
    await host.stop();
  }, 180_000);
});
