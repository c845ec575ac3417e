import tcb from '@cloudbase/node-sdk';
import { invoke as invokeEvents } from '../../cloudfunctions/events';
import { invoke } from '../../cloudfunctions/pledge';
import type { ChainCheck, CounterCheck, MyRegistration, PledgeOutput, Reply, VerifyResult } from '../../cloudfunctions/shared/contract';
import { collections, type PledgeSignatureDoc } from '../../cloudfunctions/shared/data/documents';
import { seedDemoData } from '../../emulator/seed/seed';
import { personaOpenId } from '../../emulator/seed/people';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { dataOf } from '../support/functions';

let target: TestEmulator;
const now = new Date('2026-11-25T02:00:00Z');

beforeAll(async () => {
  target = await startTestEmulator();
  await seedDemoData({ env: target.env, secretId: target.secretId, secretKey: target.secretKey, serviceUrl: target.serviceUrl }, now);
});

afterAll(async () => {
  await target?.close();
});

async function call(openId: string | null, action: string, data: unknown = {}): Promise<Reply<unknown>> {
  const cloud = { env: target.env, secretId: target.secretId, secretKey: target.secretKey, serviceUrl: target.serviceUrl };
  return (await invoke({ action, data }, { openId, cloud, now })).reply;
}

it('publishes version 2 a week ago, with version 1 retired', async () => {
  const current = dataOf<PledgeOutput['current']>(await call(null, 'current'));
  expect(current.pledge).toMatchObject({ id: 'pledge-v2', version: 2, status: 'published' });
  expect(current.pledge?.articles.length).toBeGreaterThanOrEqual(8);
  expect(current.pledge?.articles.length).toBeLessThanOrEqual(10);
  expect(current.signatureCount).toBe(1);
});

it('shows Lin Xiao, who signed version 1, that a newer version awaits, article by article', async () => {
  const { my } = dataOf<PledgeOutput['current']>(await call(personaOpenId('m-lin-xiao'), 'current'));
  expect(my).toMatchObject({ state: 'outdated', signature: { version: 1, status: 'superseded', imageUrl: expect.stringMatching(/^http/) } });
  expect(my?.changes.map((change) => change.change).sort()).toEqual(['added', 'changed', 'changed']);
});

it('stores demo signatures through the chain, with images in file storage, so the chain check is intact', async () => {
  expect(dataOf<ChainCheck>(await call(personaOpenId('m-zhao-jianguo'), 'verifyChain'))).toEqual({ intact: true, checked: 5, firstProblem: null });
  const { data } = await tcb
    .init({ env: target.env, secretId: target.secretId, secretKey: target.secretKey, serviceUrl: target.serviceUrl })
    .database()
    .collection(collections.pledgeSignatures)
    .where({ version: 2 })
    .get();
  const [renewed] = data as PledgeSignatureDoc[];
  expect(dataOf<VerifyResult>(await call(null, 'verify', { serial: renewed.serial }))).toMatchObject({ status: 'valid', maskedName: '周*' });
});

it('seeds once: a second run changes nothing', async () => {
  expect(await seedDemoData({ env: target.env, secretId: target.secretId, secretKey: target.secretKey, serviceUrl: target.serviceUrl }, now)).toBe(false);
});

describe('demo registrations, made through the events function', () => {
  async function events(openId: string | null, action: string, data: unknown): Promise<Reply<unknown>> {
    const cloud = { env: target.env, secretId: target.secretId, secretKey: target.secretKey, serviceUrl: target.serviceUrl };
    return (await invokeEvents({ action, data }, { openId, cloud, now })).reply;
  }
  const organizer = personaOpenId('m-chen-siyuan');

  it.each([
    ['ev-annual-forum', { seatsTaken: 187, waitlistCount: 0, pendingCount: 0 }],
    ['ev-founder-breakfast', { seatsTaken: 12, waitlistCount: 3, pendingCount: 0 }],
    ['ev-reading-12', { seatsTaken: 20, waitlistCount: 2, pendingCount: 0 }],
    ['ev-belt-road-salon', { seatsTaken: 9, waitlistCount: 0, pendingCount: 6 }],
    ['ev-riverside-orienteering', { seatsTaken: 4, waitlistCount: 0, pendingCount: 0 }],
  ])('%s holds what its sign-ups made, and its counters check out', async (eventId, counted) => {
    expect(dataOf<CounterCheck>(await events(organizer, 'checkCounters', { eventId }))).toMatchObject({ consistent: true, repairedSlots: 0, counted });
  });

  it('gives the personas something to see: a seat, a place in line, an application, a forming team', async () => {
    expect(dataOf<MyRegistration>(await events(personaOpenId('m-zhang-wei'), 'myRegistration', { eventId: 'ev-annual-forum' })).status).toBe('confirmed');
    expect(dataOf<MyRegistration>(await events(personaOpenId('m-wu-hao'), 'myRegistration', { eventId: 'ev-founder-breakfast' })).status).toBe('confirmed');
    expect(dataOf<MyRegistration>(await events(personaOpenId('m-lin-xiao'), 'myRegistration', { eventId: 'ev-reading-12' })).status).toBe('confirmed');
    expect(dataOf<MyRegistration>(await events(personaOpenId('m-liu-yang'), 'myRegistration', { eventId: 'ev-belt-road-salon' })).status).toBe('pending');
    const forming = dataOf<{ items: { status: string }[] }>(await events(organizer, 'registrations', { eventId: 'ev-riverside-orienteering', status: 'forming' }));
    expect(forming.items).toHaveLength(2);
  });
});
