import tcb from '@cloudbase/node-sdk';
import { invoke } from '../../cloudfunctions/pledge';
import type { ChainCheck, PledgeOutput, Reply, VerifyResult } from '../../cloudfunctions/shared/contract';
import { collections, type PledgeSignatureDoc } from '../../cloudfunctions/shared/data/documents';
import { seedDemoData } from '../../emulator/seed/seed';
import { personaOpenId } from '../../emulator/seed/people';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { dataOf } from '../support/functions';

let target: TestEmulator;
const now = new Date('2026-11-25T02:00:00Z');

beforeAll(async () => {
  target = await startTestEmulator();
  const app = tcb.init({ env: target.env, secretId: target.secretId, secretKey: target.secretKey, serviceUrl: target.serviceUrl });
  await seedDemoData(app, now);
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
  const app = tcb.init({ env: target.env, secretId: target.secretId, secretKey: target.secretKey, serviceUrl: target.serviceUrl });
  expect(await seedDemoData(app, now)).toBe(false);
});
