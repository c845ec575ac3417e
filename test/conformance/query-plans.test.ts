import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import Database from 'better-sqlite3';
import { Aggregator } from 'mingo';
import repoIndexes from '../../cloudfunctions/database/indexes.json';
import { DatabaseEngine, type ReadOptions } from '../../emulator/db/database-engine';
import type { IndexDeclarations } from '../../emulator/db/declarations';
import type { Doc } from '../../emulator/db/document-codec';
import { SqliteStore } from '../../emulator/db/sqlite-store';

/**
 * The query planner inside the emulator, without HTTP: which statement a read runs, what SQLite does with it
 * (EXPLAIN QUERY PLAN), and whether the multikey side tables stay in step with every kind of write.
 */
const declared = repoIndexes as IndexDeclarations;
const now = Date.parse('2026-11-25T04:00:00Z');
const day = 86_400_000;
let directory: string;

beforeAll(() => {
  directory = mkdtempSync(path.join(os.tmpdir(), 'xinlian-plans-'));
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

function open(indexes: IndexDeclarations, file = ':memory:') {
  const store = new SqliteStore(file, indexes);
  return { store, engine: new DatabaseEngine(store, () => now) };
}

const read = (sort: ReadOptions['sort'] = [], skip = 0, limit?: number): ReadOptions => ({ sort, skip, limit });

/** What MongoDB's rules give on every stored document (read without a filter: a plain table scan). */
function expectedIds(engine: DatabaseEngine, collection: string, filter: Doc, options: ReadOptions): string[] {
  const all = engine.find(collection, {}, read()).map((match) => match.doc);
  const stages: Doc[] = [{ $match: filter }];
  if (options.sort.length) stages.push({ $sort: Object.fromEntries(options.sort) });
  stages.push({ $skip: options.skip });
  if (options.limit !== undefined) stages.push({ $limit: options.limit });
  return new Aggregator(stages).run(all).map((doc) => doc._id as string);
}

function idsOf(engine: DatabaseEngine, collection: string, filter: Doc, options: ReadOptions): string[] {
  const ids = engine.find(collection, filter, options).map((match) => match.key);
  return options.sort.length ? ids : ids.sort();
}

function sortedUnlessOrdered(ids: string[], options: ReadOptions): string[] {
  return options.sort.length ? ids : [...ids].sort();
}

describe('the events list (cloudfunctions/shared/data/events-repository.ts) at every filter the app sends', () => {
  const { engine } = open(declared);
  const kinds = ['forum', 'salon', 'sports', 'service', 'study', 'reading'];
  const statuses = ['published', 'published', 'published', 'closed', 'cancelled', 'draft'];
  engine.insert('events', Array.from({ length: 600 }, (_, n) => {
    const startAt = new Date(now + ((n % 120) - 60) * day);
    const hosts = [`org-${n % 12}`, ...(n % 5 === 0 ? [`org-${(n + 3) % 12}`] : [])];
    return { _id: `e${String(n).padStart(4, '0')}`, kind: kinds[n % 6], status: statuses[n % 6 === 0 ? 5 : n % 5], hostOrgIds: hosts, startAt, endAt: new Date(startAt.getTime() + ((n % 3) + 1) * 3_600_000) };
  }));
  const listed = { $in: ['published', 'closed', 'cancelled'] };
  const shapes: [string, Doc, string][] = [
    ['everything from now', { status: listed, endAt: { $gte: new Date(now) } }, 'SCAN c USING INDEX ix:events:startAt_id_endAt'],
    ['one organisation', { status: listed, hostOrgIds: 'org-3', endAt: { $gte: new Date(now) } }, 'SEARCH m USING PRIMARY KEY (k0=?)'],
    ['one kind', { status: listed, kind: 'study', endAt: { $gte: new Date(now) } }, 'SEARCH c USING INDEX ix:events:kind_startAt_id_endAt (<expr>=?)'],
    ['a range of days', { status: listed, startAt: { $gte: new Date(now + 5 * day), $lt: new Date(now + 20 * day) } }, 'SEARCH c USING INDEX ix:events:startAt_id_endAt (<expr>>? AND <expr><?)'],
    ['organisation and kind', { status: listed, hostOrgIds: 'org-4', kind: 'study', endAt: { $gte: new Date(now) } }, 'SEARCH m USING PRIMARY KEY (k0=? AND k1=?)'],
    ['organisation and days', { status: listed, hostOrgIds: 'org-8', startAt: { $gte: new Date(now - 10 * day), $lt: new Date(now + 10 * day) } }, 'SEARCH m USING PRIMARY KEY (k0=? AND k1>? AND k1<?)'],
  ];

  test.each(shapes)('%s: one index read in start order, stopping at the page end, no sort step', (_name, filter, step) => {
    for (const skip of [0, 20]) {
      const options = read([['startAt', 1], ['_id', 1]], skip, 21);
      const { plan, steps } = engine.explain('events', filter, options);
      expect(plan).toMatchObject({ exact: true, sorted: true, paged: true });
      expect(steps[0]).toBe(step);
      expect(steps.join('\n')).not.toMatch(/TEMP B-TREE|SCAN c$/);
      const ids = idsOf(engine, 'events', filter, options);
      expect(ids).toEqual(expectedIds(engine, 'events', filter, options));
      if (skip === 0) expect(ids.length).toBeGreaterThan(0);
    }
  });

  test('the page size is written into the statement and only the offset is bound, so each size pages as asked', () => {
    const [, filter] = shapes[0];
    for (const limit of [1, 7, 21]) {
      const options = read([['startAt', 1], ['_id', 1]], 3, limit);
      const { plan } = engine.explain('events', filter, options);
      expect(plan.sql).toMatch(new RegExp(` LIMIT ${limit} OFFSET \\?$`));
      expect(plan.params[plan.params.length - 1]).toBe(3);
      const ids = idsOf(engine, 'events', filter, options);
      expect(ids).toHaveLength(limit);
      expect(ids).toEqual(expectedIds(engine, 'events', filter, options));
    }
  });

  test('a count of any of them is one statement too', () => {
    for (const [, filter] of shapes) {
      expect(engine.count('events', filter)).toBe(expectedIds(engine, 'events', filter, read()).length);
    }
  });
});

describe('what SQL decides alone', () => {
  const { engine } = open({ things: [{ name: 'tags_rank', keys: [{ field: 'tags', direction: 1 }, { field: 'rank', direction: 1 }] }] });
  engine.insert('things', [
    { _id: 't1', name: 'a', rank: 1, when: new Date('2026-01-01T00:00:00Z'), tags: ['x', 'y'], on: true, mixed: 1, deep: { level: 2 }, items: [{ sku: 'p' }] },
    { _id: 't2', name: 'b', rank: 2.5, when: new Date('2025-01-01T00:00:00Z'), tags: 'x', on: false, mixed: 'one', deep: { level: 'two' }, items: [] },
    { _id: 't3', name: null, when: null, tags: [], mixed: true, items: [{ sku: 'q' }] },
    { _id: 't4', rank: -1, tags: ['z', 1, null], mixed: { nested: 1 }, deep: 5 },
  ]);
  const exact: Doc[] = [
    { name: 'a' }, { name: null }, { name: { $ne: null } }, { name: { $in: ['a', null] } }, { name: { $nin: ['a'] } }, { name: { $gt: 'a' } },
    { rank: { $gte: 1, $lt: 3 } }, { rank: { $not: { $gt: 1 } } }, { when: { $lt: new Date('2025-06-01T00:00:00Z') } }, { on: true }, { on: { $gt: false } },
    { mixed: 1 }, { mixed: { $gt: 0 } }, { mixed: { $lte: 'z' } }, { tags: 'x' }, { tags: { $in: ['z', 'y'] } }, { tags: null }, { tags: { $gt: 0 } },
    { 'deep.level': 2 }, { 'deep.level': { $exists: false } }, { missing: { $exists: true } }, { _id: { $in: ['t1', 't4'] } }, { _id: 5 },
    { $or: [{ name: 'a' }, { rank: { $lt: 0 } }] }, { $nor: [{ name: 'a' }, { tags: 'z' }] }, { $and: [{ on: { $ne: true } }, { tags: { $nin: ['x'] } }] },
  ];
  const mingoOnly: Doc[] = [
    { name: /^a/ }, { 'items.sku': 'p' }, { tags: { $size: 2 } }, { tags: ['x', 'y'] }, { deep: { level: 2 } }, { rank: { $gt: null } },
    { $or: [{ name: 'a' }, { tags: { $all: ['x'] } }] },
  ];

  const labelled = (filters: Doc[]) => filters.map((filter) => [inspect(filter, { breakLength: Infinity, depth: null, compact: true }), filter] as const);

  test.each(labelled(exact))('%s is answered by SQL alone, as MongoDB answers it', (_label, filter) => {
    const { plan } = engine.explain('things', filter, read([['_id', 1]]));
    expect(plan.exact).toBe(true);
    expect(idsOf(engine, 'things', filter, read([['_id', 1]]))).toEqual(expectedIds(engine, 'things', filter, read([['_id', 1]])));
    expect(engine.count('things', filter)).toBe(expectedIds(engine, 'things', filter, read()).length);
  });

  test.each(labelled(mingoOnly))('%s is narrowed by SQL where it can be, then decided by mingo', (_label, filter) => {
    expect(engine.explain('things', filter, read([['_id', 1]])).plan.exact).toBe(false);
    expect(idsOf(engine, 'things', filter, read([['_id', 1]]))).toEqual(expectedIds(engine, 'things', filter, read([['_id', 1]])));
  });

  test('an _id lookup leaves paging to JavaScript, where skip and limit still apply', () => {
    const filter = { $and: [{ _id: 't1' }, { name: 'a' }, { $or: [{ on: true }, { tags: { $in: ['q'] } }] }] };
    const { plan } = engine.explain('things', filter, read([], 0, 1));
    expect(plan.exact).toBe(true);
    expect(plan.sql).not.toContain('LIMIT');
    expect(idsOf(engine, 'things', filter, read([], 0, 1))).toEqual(['t1']);
    expect(idsOf(engine, 'things', filter, read([], 1, 1))).toEqual([]);
    expect(idsOf(engine, 'things', { _id: 't2', on: true }, read([], 0, 1))).toEqual([]);
  });

  test('orders in SQL only where its order is MongoDB\'s for the kinds a field has held', () => {
    expect(engine.explain('things', {}, read([['rank', -1]])).plan.sorted).toBe(true);
    expect(engine.explain('things', {}, read([['name', 1]])).plan.sorted).toBe(true);
    expect(engine.explain('things', {}, read([['when', 1]])).plan.sorted).toBe(true);
    expect(engine.explain('things', {}, read([['mixed', 1]])).plan.sorted).toBe(false);
    expect(engine.explain('things', {}, read([['tags', 1]])).plan.sorted).toBe(false);
    expect(engine.explain('things', {}, read([['deep.level', 1]])).plan.sorted).toBe(true);
    for (const field of ['rank', 'name', 'when', 'mixed', 'tags', 'deep.level', 'missing']) {
      for (const direction of [1, -1] as const) {
        const options = read([[field, direction], ['_id', 1]]);
        expect(idsOf(engine, 'things', {}, options)).toEqual(expectedIds(engine, 'things', {}, options));
      }
    }
  });
});

describe('multikey side tables', () => {
  const indexes: IndexDeclarations = {
    things: [
      { name: 'labels', keys: [{ field: 'labels', direction: 1 }] },
      { name: 'labels_rank_id', keys: [{ field: 'labels', direction: 1 }, { field: 'rank', direction: -1 }, { field: '_id', direction: 1 }] },
    ],
  };
  const probes: [Doc, ReadOptions][] = ['a', 'b', 'c', 'd', 7].flatMap((label) => [
    [{ labels: label }, read([['rank', -1], ['_id', 1]], 0, 3)],
    [{ labels: label }, read()],
    [{ labels: { $in: [label, 'b'] } }, read([['_id', 1]])],
    [{ labels: { $ne: label } }, read([['_id', 1]])],
  ] as [Doc, ReadOptions][]);

  function agreeWithMingo(engine: DatabaseEngine): void {
    for (const [filter, options] of probes) {
      expect({ filter, ids: idsOf(engine, 'things', filter, options) }).toEqual({ filter, ids: sortedUnlessOrdered(expectedIds(engine, 'things', filter, options), options) });
      expect({ filter, count: engine.count('things', filter) }).toEqual({ filter, count: expectedIds(engine, 'things', filter, read()).length });
    }
  }

  const sideTableUsed = (engine: DatabaseEngine) => engine.explain('things', { labels: 'a' }, read([['rank', -1], ['_id', 1]], 0, 3)).steps[0];

  test('take over from the expression index when a first array arrives, and follow every write', () => {
    const { engine } = open(indexes);
    engine.insert('things', Array.from({ length: 30 }, (_, i) => ({ _id: `s${i}`, labels: ['a', 'b', 'c'][i % 3], rank: i })));
    expect(sideTableUsed(engine)).toBe('SEARCH c USING INDEX ix:things:labels_rank_id (<expr>=?)');
    agreeWithMingo(engine);

    engine.insert('things', [{ _id: 'arr1', labels: ['a', 'd', 'a'], rank: 100 }]);
    expect(sideTableUsed(engine)).toBe('SEARCH m USING PRIMARY KEY (k0=?)');
    agreeWithMingo(engine);

    const update = (filter: Doc, modifier: Doc, multi = false) => engine.modify('things', filter, { kind: 'update', modifier, setOnInsert: undefined }, { multi, upsert: false });
    update({ _id: 's1' }, { $push: { labels: 'd' } });
    update({ _id: 's2' }, { $set: { labels: ['c', 7] } });
    update({ _id: 'arr1' }, { $pull: { labels: 'a' } });
    update({ labels: 'b' }, { $inc: { rank: 1000 } }, true);
    update({ _id: 's3' }, { $unset: { labels: '' } });
    engine.modify('things', { _id: 's4' }, { kind: 'replace', doc: { labels: ['b', 'a'], rank: -5 } }, { multi: false, upsert: false });
    agreeWithMingo(engine);

    engine.remove('things', { labels: 'c' }, true);
    agreeWithMingo(engine);

    const transaction = engine.startTransaction();
    engine.insert('things', [{ _id: 'tx1', labels: ['a', 'b'], rank: 50 }], transaction);
    engine.modify('things', { _id: 's5' }, { kind: 'update', modifier: { $set: { labels: ['d'] } }, setOnInsert: undefined }, { multi: false, upsert: false }, transaction);
    engine.remove('things', { _id: 's6' }, false, transaction);
    expect(idsOf(engine, 'things', { labels: 'a' }, read())).not.toContain('tx1');
    engine.commit(transaction.id);
    expect(idsOf(engine, 'things', { labels: 'a' }, read())).toContain('tx1');
    agreeWithMingo(engine);
  });

  test('forget a side table whose creation a failed write rolled back', () => {
    const { engine } = open(indexes);
    engine.insert('things', [{ _id: 'x1', labels: 'a', rank: 1 }]);
    expect(() => engine.insert('things', [{ _id: 'x2', labels: ['a', 'b'], rank: 2 }, { _id: 'x1' }])).toThrow(expect.objectContaining({ code: 'DATABASE_DUPLICATE_WRITE' }));
    expect(sideTableUsed(engine)).toBe('SEARCH c USING INDEX ix:things:labels_rank_id (<expr>=?)');
    agreeWithMingo(engine);
    engine.insert('things', [{ _id: 'x2', labels: ['a', 'b'], rank: 2 }]);
    expect(sideTableUsed(engine)).toBe('SEARCH m USING PRIMARY KEY (k0=?)');
    agreeWithMingo(engine);
  });

  test('survive reopening the file; a changed declaration rebuilds its index and drops the old one', () => {
    const file = path.join(directory, 'side-tables.sqlite');
    const first = open(indexes, file);
    first.engine.insert('things', Array.from({ length: 40 }, (_, i) => ({ _id: `r${i}`, labels: i % 2 ? ['a', 'b'] : ['c'], rank: i % 7 })));
    first.store.close();

    const second = open(indexes, file);
    expect(sideTableUsed(second.engine)).toBe('SEARCH m USING PRIMARY KEY (k0=?)');
    agreeWithMingo(second.engine);
    second.store.close();

    const changed: IndexDeclarations = { things: [{ name: 'labels_rank_id', keys: [{ field: 'labels', direction: 1 }, { field: 'rank', direction: 1 }, { field: '_id', direction: 1 }] }] };
    const third = open(changed, file);
    expect(third.engine.explain('things', { labels: 'a' }, read([['rank', 1], ['_id', 1]], 0, 3)).steps[0]).toBe('SEARCH m USING PRIMARY KEY (k0=?)');
    agreeWithMingo(third.engine);
    third.store.close();
    const objects = new Database(file, { readonly: true }).prepare(`SELECT name FROM sqlite_master WHERE name GLOB 'mk:*' OR name GLOB 'ix:*' ORDER BY name`).pluck().all();
    expect(objects).toEqual(['mk:things:labels_rank_id', 'mk:things:labels_rank_id:id']);
  });
});
