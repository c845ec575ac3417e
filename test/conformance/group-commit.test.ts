import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileModification, DatabaseEngine } from '../../emulator/db/database-engine';
import { SqliteStore } from '../../emulator/db/sqlite-store';
import { connect, startTestEmulator, type TestEmulator } from '../support/emulator';

/**
 * The emulator commits the requests of one event-loop turn together (SqliteStore#grouped). These pin what that must
 * not change: each request is still atomic on its own, and nothing is answered before its commit.
 */
let directory: string;
let emulator: TestEmulator;

beforeAll(async () => {
  directory = mkdtempSync(path.join(os.tmpdir(), 'xinlian-group-commit-'));
  emulator = await startTestEmulator({ file: path.join(directory, 'group.sqlite') });
  await connect(emulator).database().createCollection('tallies');
});

afterAll(async () => {
  await emulator.close();
  rmSync(directory, { recursive: true, force: true });
});

afterEach(() => jest.restoreAllMocks());

function commandsRun(): string[] {
  const commands: string[] = [];
  const exec = Database.prototype.exec;
  jest.spyOn(Database.prototype, 'exec').mockImplementation(function (this: Database.Database, sql: string) {
    commands.push(sql);
    return exec.call(this, sql);
  });
  return commands;
}

test('requests of one turn share one commit; each stays atomic, and none is answered before the commit', async () => {
  const store = new SqliteStore(path.join(directory, 'store.sqlite'), {});
  const engine = new DatabaseEngine(store, () => Date.now());
  store.createCollection('tallies');
  engine.insert('tallies', [{ _id: 'taken', n: 0 }]);
  const commands = commandsRun();
  const answers: string[] = [];
  const answer = (label: string) => (outcome: { value: unknown } | { error: unknown }, commitError?: Error) =>
    answers.push(`${label}:${commitError ? 'commit-failed' : 'error' in outcome ? (outcome.error as { code?: string }).code : 'ok'}`);
  for (let n = 0; n < 10; n++) store.grouped(() => engine.insert('tallies', [{ _id: `t${n}`, n }]), answer(`t${n}`));
  store.grouped(() => engine.insert('tallies', [{ _id: 'taken', n: 1 }, { _id: 'half', n: 2 }]), answer('duplicate'));
  store.grouped(() => engine.modify('tallies', { _id: 'taken' }, compileModification({ $inc: { n: 5 } }, true), { multi: false, upsert: false }), answer('inc'));
  expect(answers).toEqual([]);

  await new Promise((resolve) => setImmediate(resolve));
  expect(answers).toEqual([...Array.from({ length: 10 }, (_, n) => `t${n}:ok`), 'duplicate:DATABASE_DUPLICATE_WRITE', 'inc:ok']);
  expect(commands.filter((sql) => sql === 'BEGIN')).toHaveLength(1);
  expect(commands.filter((sql) => sql === 'COMMIT')).toHaveLength(1);
  // The failed insert wrote neither of its documents; the others are all there.
  expect(engine.count('tallies', {})).toBe(11);
  expect(engine.find('tallies', { _id: 'half' }, { sort: [], skip: 0, limit: 1 })).toEqual([]);
  expect(engine.find('tallies', { _id: 'taken' }, { sort: [], skip: 0, limit: 1 })[0].doc).toEqual({ _id: 'taken', n: 5 });
  store.close();
});

test('a commit that fails answers every request of its group with an error and keeps none of their writes', async () => {
  const db = connect(emulator).database();
  const tallies = db.collection('tallies');
  const exec = Database.prototype.exec;
  let failed = false;
  jest.spyOn(Database.prototype, 'exec').mockImplementation(function (this: Database.Database, sql: string) {
    if (sql === 'COMMIT' && !failed) {
      failed = true;
      throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
    }
    return exec.call(this, sql);
  });
  const outcomes = await Promise.allSettled(Array.from({ length: 5 }, (_, n) => tallies.add({ _id: `lost${n}`, n })));
  const rejected = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  expect(rejected.length).toBeGreaterThan(0);
  for (const { reason } of rejected) expect(reason).toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
  const kept = outcomes.length - rejected.length;
  expect((await tallies.where({ _id: db.command.in(['lost0', 'lost1', 'lost2', 'lost3', 'lost4']) }).count()).total).toBe(kept);

  // The emulator goes on: the next writes commit.
  await tallies.add({ _id: 'after', n: 1 });
  expect((await tallies.doc('after').get()).data).toEqual([{ _id: 'after', n: 1 }]);
});
