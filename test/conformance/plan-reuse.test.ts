import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Aggregator } from 'mingo';
import { DatabaseEngine, type ReadOptions } from '../../emulator/db/database-engine';
import type { IndexDeclarations } from '../../emulator/db/declarations';
import type { Doc } from '../../emulator/db/document-codec';
import { SqliteStore } from '../../emulator/db/sqlite-store';

/**
 * The emulator plans a filter once per form (structure, fields, kinds of values) and reuses the plan with the next
 * filter's values; updates of plain fields leave side-table rows of other fields alone. Both are only speed: every
 * answer must stay what MongoDB's rules give.
 */
const indexes: IndexDeclarations = {
  things: [
    { name: 'flag', keys: [{ field: 'flag', direction: 1 }] },
    { name: 'labels_rank_id', keys: [{ field: 'labels', direction: 1 }, { field: 'rank', direction: -1 }, { field: '_id', direction: 1 }] },
  ],
};

let directory: string;

beforeAll(() => {
  directory = mkdtempSync(path.join(os.tmpdir(), 'xinlian-plan-reuse-'));
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

function open(file = ':memory:') {
  const store = new SqliteStore(file, indexes);
  return { store, engine: new DatabaseEngine(store, () => Date.parse('2026-11-25T04:00:00Z')) };
}

const everything: ReadOptions = { sort: [], skip: 0, limit: undefined };
const firstPage: ReadOptions = { sort: [['rank', -1], ['_id', 1]], skip: 0, limit: 3 };

function expectMongoAnswers(engine: DatabaseEngine, filter: Doc, options: ReadOptions = everything): void {
  const all = engine.find('things', {}, everything).map((match) => match.doc);
  const stages: Doc[] = [{ $match: filter }];
  if (options.sort.length) stages.push({ $sort: Object.fromEntries(options.sort) });
  if (options.limit !== undefined) stages.push({ $limit: options.limit });
  const expected = new Aggregator(stages).run(all).map((doc) => doc._id as string);
  const ids = engine.find('things', filter, options).map((match) => match.key);
  expect({ filter, ids: options.sort.length ? ids : ids.sort() }).toEqual({ filter, ids: options.sort.length ? expected : expected.sort() });
  expect({ filter, count: engine.count('things', filter) }).toEqual({ filter, count: new Aggregator([{ $match: filter }]).run(all).length });
}

test('one filter form with values of every kind answers each with its own values', () => {
  const { engine } = open();
  const flags: unknown[] = [null, 0, 1, -1.5, 2, true, false, 'x', '[x', '{y', new Date('2026-01-01T00:00:00Z'), 'z'];
  engine.insert('things', flags.map((flag, i) => ({ _id: `f${i}`, flag, rank: i })));
  engine.insert('things', [{ _id: 'missing', rank: 99 }]);
  for (const flag of [...flags, 3, 'nothing', new Date('2030-01-01T00:00:00Z')]) {
    expectMongoAnswers(engine, { flag });
    expectMongoAnswers(engine, { flag: { $ne: flag } });
    expectMongoAnswers(engine, { flag: { $in: [flag, 'x'] } });
    expectMongoAnswers(engine, { $and: [{ flag: { $gte: flag } }, { rank: { $lt: 8 } }] });
  }
  for (const exists of [true, false, true]) expectMongoAnswers(engine, { flag: { $exists: exists } });
});

test('a plan made before a field held an array is made afresh once it does', () => {
  const { engine } = open();
  engine.insert('things', Array.from({ length: 12 }, (_, i) => ({ _id: `s${i}`, labels: ['a', 'b', 'c'][i % 3], rank: i })));
  expectMongoAnswers(engine, { labels: 'a' }, firstPage);
  engine.insert('things', [{ _id: 'arr', labels: ['d', 'a'], rank: 100 }]);
  expectMongoAnswers(engine, { labels: 'a' }, firstPage);
  expectMongoAnswers(engine, { labels: 'd' }, firstPage);
  expect(engine.explain('things', { labels: 'a' }, firstPage).steps[0]).toBe('SEARCH m USING PRIMARY KEY (k0=?)');
});

test('side-table rows follow updates of their fields and stay through updates of others', () => {
  const file = path.join(directory, 'side-rows.sqlite');
  const { store, engine } = open(file);
  engine.insert('things', Array.from({ length: 12 }, (_, i) => ({ _id: `s${i}`, labels: [['a', 'b'], ['c'], ['a']][i % 3], rank: i, note: '' })));
  const update = (filter: Doc, modifier: Doc, multi = false) => engine.modify('things', filter, { kind: 'update', modifier, setOnInsert: undefined }, { multi, upsert: false });
  const probe = () => {
    for (const label of ['a', 'b', 'c', 'd']) {
      expectMongoAnswers(engine, { labels: label }, firstPage);
      expectMongoAnswers(engine, { labels: label });
    }
  };
  update({ labels: 'a' }, { $set: { note: 'seen' }, $inc: { counter: 1 } }, true);
  probe();
  update({ _id: 's0' }, { $set: { labels: ['d'] } });
  update({ _id: 's1' }, { $inc: { rank: 50 } });
  update({ _id: 's2' }, { $unset: { labels: '' } });
  probe();
  const reader = new Database(file, { readonly: true });
  const sideRows = (id: string) => reader.prepare(`SELECT k0, k1 FROM "mk:things:labels_rank_id" WHERE id = ? ORDER BY k0`).all(id);
  expect(sideRows('s0')).toEqual([{ k0: 'd', k1: 0 }]);
  expect(sideRows('s1')).toEqual([{ k0: 'c', k1: 51 }]);
  expect(sideRows('s2')).toEqual([]);
  expect(sideRows('s3')).toEqual([{ k0: 'a', k1: 3 }, { k0: 'b', k1: 3 }]);
  reader.close();
  store.close();
});

test('an update returns the document as stored', () => {
  const { engine } = open();
  engine.insert('things', [{ _id: 'r1', rank: 1, when: new Date('2026-11-25T04:00:00Z') }]);
  const changed = engine.modify('things', { _id: 'r1' }, { kind: 'update', modifier: { $inc: { rank: 1 } }, setOnInsert: undefined }, { multi: false, upsert: false });
  expect(changed.texts).toEqual(engine.find('things', { _id: 'r1' }, everything).map((match) => match.text));
  const unchanged = engine.modify('things', { _id: 'r1' }, { kind: 'update', modifier: { $max: { rank: 0 } }, setOnInsert: undefined }, { multi: false, upsert: false });
  expect(unchanged).toEqual({ updated: 0, texts: changed.texts });
});
