import { type ConformanceTarget, failureOf, idsOf, openTarget } from './target';

let target: ConformanceTarget;
let things: string;

beforeAll(async () => {
  target = await openTarget();
  things = await target.collection('things');
});

afterAll(() => target.close());

const one = async (id: string) => ((await target.db.collection(things).doc(id).get()).data as Record<string, unknown>[])[0];

describe('inserts', () => {
  test('add() without _id generates a 32-character hex id; with _id keeps it', async () => {
    const generated = await target.db.collection(things).add({ kind: 'generated' });
    expect(generated.id).toMatch(/^[0-9a-f]{32}$/);
    const chosen = await target.db.collection(things).add({ _id: 'chosen-1', kind: 'chosen' });
    expect(chosen.id).toBe('chosen-1');
    expect(await one('chosen-1')).toEqual({ _id: 'chosen-1', kind: 'chosen' });
  });

  test('adding an existing _id fails with DATABASE_DUPLICATE_WRITE and changes nothing', async () => {
    // CloudBase reports a duplicate _id or unique-index key as DATABASE_DUPLICATE_WRITE (MongoDB E11000 underneath).
    await target.db.collection(things).add({ _id: 'dup-1', v: 1 });
    const failure = await failureOf(target.db.collection(things).add({ _id: 'dup-1', v: 2 }));
    expect(failure.code).toBe('DATABASE_DUPLICATE_WRITE');
    expect(await one('dup-1')).toEqual({ _id: 'dup-1', v: 1 });
  });

  test('a batch add with a duplicate inserts none of the batch', async () => {
    const failure = await failureOf(target.db.collection(things).add([{ _id: 'batch-1' }, { _id: 'batch-1' }]));
    expect(failure.code).toBe('DATABASE_DUPLICATE_WRITE');
    expect(await one('batch-1')).toBeUndefined();
  });

  test('a unique secondary index rejects a second document with the same key', async () => {
    if (target.kind !== 'emulator') {
      return console.log('unique secondary index check runs on the emulator only: the SDK cannot declare indexes on CloudBase');
    }
    const accounts = await target.collection('accounts');
    await target.db.collection(accounts).add({ _id: 'a1', email: 'ann@example.com' });
    const failure = await failureOf(target.db.collection(accounts).add({ _id: 'a2', email: 'ann@example.com' }));
    expect(failure.code).toBe('DATABASE_DUPLICATE_WRITE');
    expect(failure.message).toContain('email');
    await target.db.collection(accounts).add({ _id: 'a3', email: 'bob@example.com' });
    const update = await failureOf(target.db.collection(accounts).doc('a3').update({ email: 'ann@example.com' }));
    expect(update.code).toBe('DATABASE_DUPLICATE_WRITE');
    // Like MongoDB, a missing key counts as null: only one document may lack it.
    await target.db.collection(accounts).add({ _id: 'a4' });
    expect((await failureOf(target.db.collection(accounts).add({ _id: 'a5', email: null }))).code).toBe('DATABASE_DUPLICATE_WRITE');
  });

  test('server dates are the server clock (plus offset) and dates round-trip', async () => {
    const before = Date.now();
    const local = new Date('2026-03-04T05:06:07.089Z');
    const added = await target.db.collection(things).add({ at: target.db.serverDate(), later: target.db.serverDate({ offset: 60_000 }), local });
    const id = String(added.id);
    const doc = (await one(id)) as { at: Date; later: Date; local: Date };
    expect(doc.at).toBeInstanceOf(Date);
    expect(doc.at.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(doc.at.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect(doc.later.getTime() - doc.at.getTime()).toBe(60_000);
    expect(doc.local).toEqual(local);
    await target.db.collection(things).doc(id).update({ touchedAt: target.db.serverDate() });
    expect(((await one(id)) as { touchedAt: Date }).touchedAt).toBeInstanceOf(Date);
    const past = await target.db.collection(things).where({ _id: id, at: target.db.command.lte(target.db.serverDate()) }).get();
    expect(idsOf(past)).toEqual([id]);
  });
});

describe('updates', () => {
  test('update operators: set, inc, mul, remove, min, max, rename, with dot paths', async () => {
    const _ = target.db.command;
    await target.db.collection(things).add({ _id: 'ops-1', n: 10, m: 3, gone: 'x', low: 5, high: 5, old: 'name', nested: { a: 1, b: 2 } });
    const result = await target.db.collection(things).doc('ops-1').update({
      n: _.inc(5),
      m: _.mul(4),
      gone: _.remove(),
      low: _.min(2),
      high: _.max(9),
      old: _.rename('renamed'),
      nested: { b: 20, c: 30 },
      'deep.er.path': true,
    });
    expect(result.updated).toBe(1);
    expect(await one('ops-1')).toEqual({ _id: 'ops-1', n: 15, m: 12, low: 2, high: 9, renamed: 'name', nested: { a: 1, b: 20, c: 30 }, deep: { er: { path: true } } });
  });

  test('array operators: push, pull, pullAll, addToSet, pop, shift, unshift', async () => {
    const _ = target.db.command;
    await target.db.collection(things).add({ _id: 'arr-1', a: [1, 2], b: [1, 2, 3, 2], c: ['x'], d: [1, 2, 3], e: [1, 2, 3], f: [2], g: [1, 2, 3, 4] });
    await target.db.collection(things).doc('arr-1').update({
      a: _.push([3, 4]),
      b: _.pull(2),
      c: _.addToSet('x'),
      d: _.pop(),
      e: _.shift(),
      f: _.unshift([0, 1]),
      g: _.pullAll([1, 3]),
    });
    expect(await one('arr-1')).toEqual({ _id: 'arr-1', a: [1, 2, 3, 4], b: [1, 3], c: ['x'], d: [1, 2], e: [2, 3], f: [0, 1, 2], g: [2, 4] });
    await target.db.collection(things).doc('arr-1').update({ c: _.addToSet({ $each: ['y', 'x', 'y'] }), a: _.push({ each: [0], position: 0, slice: 3 }) });
    expect(await one('arr-1')).toMatchObject({ c: ['x', 'y'], a: [0, 1, 2] });
  });

  test('a conditional update takes the last seat once: updated 1, then 0', async () => {
    const _ = target.db.command;
    await target.db.collection(things).add({ _id: 'event-1', seatsLeft: 1 });
    const take = () => target.db.collection(things).where({ _id: 'event-1', seatsLeft: _.gt(0) }).update({ seatsLeft: _.inc(-1) });
    const results = await Promise.all([take(), take(), take()]);
    expect(results.map((result) => result.updated).sort()).toEqual([0, 0, 1]);
    expect(await one('event-1')).toEqual({ _id: 'event-1', seatsLeft: 0 });
  });

  test('where().update() changes every match; an update that changes nothing counts 0', async () => {
    await target.db.collection(things).add([{ _id: 'multi-1', group: 'g', v: 1 }, { _id: 'multi-2', group: 'g', v: 1 }, { _id: 'multi-3', group: 'h', v: 1 }]);
    expect((await target.db.collection(things).where({ group: 'g' }).update({ v: 2 })).updated).toBe(2);
    expect((await target.db.collection(things).where({ group: 'g' }).update({ v: 2 })).updated).toBe(0);
    expect((await one('multi-3')).v).toBe(1);
    expect((await target.db.collection(things).doc('no-such-doc').update({ v: 3 })).updated).toBe(0);
    expect(await one('no-such-doc')).toBeUndefined();
  });

  test('doc().set() replaces the whole document, or creates it', async () => {
    await target.db.collection(things).add({ _id: 'set-1', a: 1, b: 2 });
    const replaced = await target.db.collection(things).doc('set-1').set({ c: 3 });
    expect(replaced.updated).toBe(1);
    expect(await one('set-1')).toEqual({ _id: 'set-1', c: 3 });
    const created = await target.db.collection(things).doc('set-2').set({ d: 4 });
    expect(created.updated).toBe(0);
    expect(created.upsertedId).toBe('set-2');
    expect(await one('set-2')).toEqual({ _id: 'set-2', d: 4 });
  });

  test('updateAndReturn answers the updated document', async () => {
    const _ = target.db.command;
    await target.db.collection(things).add({ _id: 'ret-1', counter: 1 });
    const result = await target.db.collection(things).where({ _id: 'ret-1' }).updateAndReturn({ counter: _.inc(1) });
    expect(result.updated).toBe(1);
    expect(result.doc).toEqual({ _id: 'ret-1', counter: 2 });
  });

  test('arithmetic on a non-number is refused and changes nothing', async () => {
    const _ = target.db.command;
    await target.db.collection(things).add({ _id: 'bad-1', label: 'text' });
    const failure = await failureOf(target.db.collection(things).doc('bad-1').update({ label: _.inc(1) }));
    expect(failure.code).toBeTruthy();
    expect(await one('bad-1')).toEqual({ _id: 'bad-1', label: 'text' });
  });
});

describe('removals', () => {
  test('doc().remove() deletes one; where().remove() deletes every match', async () => {
    await target.db.collection(things).add([{ _id: 'rm-1', bin: 'r' }, { _id: 'rm-2', bin: 'r' }, { _id: 'rm-3', bin: 'r' }]);
    expect((await target.db.collection(things).doc('rm-1').remove()).deleted).toBe(1);
    expect((await target.db.collection(things).doc('rm-1').remove()).deleted).toBe(0);
    expect((await target.db.collection(things).where({ bin: 'r' }).remove()).deleted).toBe(2);
    expect((await target.db.collection(things).where({ bin: 'r' }).count()).total).toBe(0);
  });
});
