import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect, declaredIndexes, startTestEmulator } from '../support/emulator';

let directory: string;

beforeAll(() => {
  directory = mkdtempSync(path.join(os.tmpdir(), 'xinlian-emulator-'));
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

test('documents, collections and dates survive closing and reopening the SQLite file', async () => {
  const file = path.join(directory, 'reopen.sqlite');
  const first = await startTestEmulator({ file });
  const db = connect(first).database();
  await db.createCollection('notes');
  await db.collection('notes').add({ _id: 'n1', text: '你好', at: new Date('2026-05-01T08:00:00Z'), tags: ['a'] });
  await db.collection('members').add({ _id: 'm1', openId: 'o1', orgIds: ['org-1'] });
  await first.close();

  const second = await startTestEmulator({ file });
  const reopened = connect(second).database();
  expect((await reopened.collection('notes').doc('n1').get()).data).toEqual([{ _id: 'n1', text: '你好', at: new Date('2026-05-01T08:00:00Z'), tags: ['a'] }]);
  expect((await reopened.collection('members').where({ orgIds: 'org-1' }).get()).data).toHaveLength(1);
  // The unique openId index is still enforced after reopening.
  await expect(reopened.collection('members').add({ _id: 'm2', openId: 'o1' })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
  second.emulator.reset();
  await expect(reopened.collection('notes').get()).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' });
  expect((await reopened.collection('members').count()).total).toBe(0);
  await second.close();
});

test('committed writes survive the process being killed with SIGKILL', async () => {
  const file = path.join(directory, 'crash.sqlite');
  // `node --import tsx` (not the tsx CLI, which forks) so SIGKILL hits the process that holds the database.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'fixtures/write-then-hang.ts'), file], {
    env: { ...process.env, TENCENTCLOUD: 'true', SILENCE: 'true' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('written') && resolve());
    child.on('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
  });
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('close', resolve));

  const after = await startTestEmulator({ file, indexes: declaredIndexes });
  const db = connect(after).database();
  expect((await db.collection('crash').count()).total).toBe(50);
  expect((await db.collection('crash').doc('c0').get()).data).toEqual([{ _id: 'c0', n: 100 }]);
  expect((await db.collection('crash').doc('c1').get()).data).toEqual([{ _id: 'c1', n: 101 }]);
  await after.close();
});
