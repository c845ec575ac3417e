import { type ConformanceTarget, idsOf, openTarget } from './target';

const people = [
  { _id: 'p1', name: 'Ann', age: 30, city: 'Shanghai', tags: ['a', 'b'], scores: [80, 95], address: { zip: '200000', street: 'Century Ave' }, joinedAt: new Date('2024-01-01T00:00:00Z'), active: true },
  { _id: 'p2', name: 'Bob', age: 25, city: 'Beijing', tags: ['b'], scores: [60], address: { zip: '100000' }, joinedAt: new Date('2023-06-01T00:00:00Z'), active: false },
  { _id: 'p3', name: 'Cai', age: 35, city: 'Shanghai', tags: [], scores: [], joinedAt: new Date('2022-03-01T00:00:00Z'), active: true, nickname: null },
  { _id: 'p4', name: 'Dai', age: 30, city: 'Shenzhen', tags: ['a', 'c'], scores: [70, 75, 99], address: { zip: '518000' }, joinedAt: new Date('2025-01-01T00:00:00Z'), active: true, items: [{ sku: 'x', qty: 2 }, { sku: 'y', qty: 5 }] },
  { _id: 'p5', name: 'eve', age: 41, city: 'Beijing', tags: ['c'], joinedAt: new Date('2021-01-01T00:00:00Z'), active: false, items: [{ sku: 'x', qty: 9 }] },
];

let target: ConformanceTarget;
const collections: Record<string, string> = {};

beforeAll(async () => {
  target = await openTarget();
  // `people` has declared indexes on the emulator (index reads, side tables); `people_plain` has none (table scans).
  for (const base of ['people', 'people_plain']) {
    collections[base] = await target.collection(base);
    await target.db.collection(collections[base]).add(people);
  }
});

afterAll(() => target.close());

describe.each(['people', 'people_plain'])('queries on %s', (base) => {
  const find = async (where: object, orderBy: [string, 'asc' | 'desc'][] = [['_id', 'asc']]) => {
    let query = target.db.collection(collections[base]).where(where);
    for (const [field, direction] of orderBy) query = query.orderBy(field, direction);
    return idsOf(await query.get());
  };
  const _ = () => target.db.command;

  test('equality, including a value inside an array field ("contains")', async () => {
    expect(await find({ city: 'Shanghai' })).toEqual(['p1', 'p3']);
    expect(await find({ city: _().eq('Beijing') })).toEqual(['p2', 'p5']);
    expect(await find({ tags: 'b' })).toEqual(['p1', 'p2']);
    expect(await find({ active: true })).toEqual(['p1', 'p3', 'p4']);
    expect(await find({ city: 'Nowhere' })).toEqual([]);
  });

  test('neq, lt, lte, gt, gte', async () => {
    expect(await find({ city: _().neq('Shanghai') })).toEqual(['p2', 'p4', 'p5']);
    expect(await find({ age: _().lt(30) })).toEqual(['p2']);
    expect(await find({ age: _().lte(30) })).toEqual(['p1', 'p2', 'p4']);
    expect(await find({ age: _().gt(35) })).toEqual(['p5']);
    expect(await find({ age: _().gte(35) })).toEqual(['p3', 'p5']);
    expect(await find({ age: _().gt(26).and(_().lt(36)) })).toEqual(['p1', 'p3', 'p4']);
    expect(await find({ name: _().gt('Bob') })).toEqual(['p3', 'p4', 'p5']);
  });

  test('in and nin, on scalar and array fields', async () => {
    expect(await find({ city: _().in(['Beijing', 'Shenzhen']) })).toEqual(['p2', 'p4', 'p5']);
    expect(await find({ city: _().nin(['Beijing', 'Shenzhen']) })).toEqual(['p1', 'p3']);
    expect(await find({ tags: _().in(['c', 'zzz']) })).toEqual(['p4', 'p5']);
    expect(await find({ _id: _().in(['p2', 'p4', 'p9']) })).toEqual(['p2', 'p4']);
    expect(await find({ city: _().in([]) })).toEqual([]);
  });

  test('and, or, nor, at the top level and on a field', async () => {
    expect(await find(_().and([{ age: _().gt(26) }, { city: 'Shanghai' }]))).toEqual(['p1', 'p3']);
    expect(await find(_().or([{ age: _().lt(26) }, { name: 'eve' }]))).toEqual(['p2', 'p5']);
    expect(await find(_().nor([{ city: 'Shanghai' }, { age: _().gt(40) }]))).toEqual(['p2', 'p4']);
    expect(await find({ age: _().lt(26).or(_().gt(40)) })).toEqual(['p2', 'p5']);
    expect(await find({ city: 'Beijing', age: _().gt(30) })).toEqual(['p5']);
  });

  test('exists (null counts as existing), size, all, elemMatch', async () => {
    expect(await find({ nickname: _().exists(true) })).toEqual(['p3']);
    expect(await find({ address: _().exists(false) })).toEqual(['p3', 'p5']);
    expect(await find({ tags: _().size(2) })).toEqual(['p1', 'p4']);
    expect(await find({ tags: _().all(['a', 'c']) })).toEqual(['p4']);
    expect(await find({ items: _().elemMatch({ sku: 'x', qty: _().gt(5) }) })).toEqual(['p5']);
    expect(await find({ scores: _().elemMatch(_().gte(90)) })).toEqual(['p1', 'p4']);
  });

  test('regular expressions through db.RegExp and JavaScript RegExp', async () => {
    expect(await find({ name: target.db.RegExp({ regexp: '^[a-c]', options: 'i' }) })).toEqual(['p1', 'p2', 'p3']);
    expect(await find({ name: /^e/ })).toEqual(['p5']);
    expect(await find({ name: /^E/ })).toEqual([]);
  });

  test('dot paths and nested objects (the SDK turns {a: {b}} into "a.b")', async () => {
    expect(await find({ 'address.zip': '200000' })).toEqual(['p1']);
    expect(await find({ address: { zip: '100000' } })).toEqual(['p2']);
    expect(await find({ 'address.zip': _().gte('2') })).toEqual(['p1', 'p4']);
    expect(await find({ 'items.sku': 'y' })).toEqual(['p4']);
  });

  test('dates compare as dates and come back as Date objects', async () => {
    expect(await find({ joinedAt: _().gte(new Date('2024-01-01T00:00:00Z')) })).toEqual(['p1', 'p4']);
    expect(await find({ joinedAt: new Date('2023-06-01T00:00:00Z') })).toEqual(['p2']);
    expect(await find({ joinedAt: _().lt(new Date('2022-06-01T00:00:00Z')) })).toEqual(['p3', 'p5']);
    const { data } = await target.db.collection(collections[base]).doc('p1').get();
    expect((data as { joinedAt: unknown }[])[0].joinedAt).toEqual(new Date('2024-01-01T00:00:00Z'));
  });

  test('multi-field orderBy, descending and ascending', async () => {
    expect(await find({}, [['age', 'desc'], ['name', 'asc']])).toEqual(['p5', 'p3', 'p1', 'p4', 'p2']);
    expect(await find({ city: 'Beijing' }, [['age', 'desc']])).toEqual(['p5', 'p2']);
    expect(await find({}, [['joinedAt', 'asc']])).toEqual(['p5', 'p3', 'p2', 'p1', 'p4']);
    expect(await find({ tags: 'a' }, [['joinedAt', 'desc']])).toEqual(['p4', 'p1']);
    // Missing fields sort first, as null.
    expect((await find({}, [['address.zip', 'asc'], ['_id', 'asc']]))).toEqual(['p3', 'p5', 'p2', 'p1', 'p4']);
  });

  test('skip and limit page through an ordered result', async () => {
    const page = async (skip: number, limit: number) =>
      idsOf(await target.db.collection(collections[base]).where({}).orderBy('age', 'asc').orderBy('name', 'asc').skip(skip).limit(limit).get());
    expect(await page(0, 2)).toEqual(['p2', 'p1']);
    expect(await page(2, 2)).toEqual(['p4', 'p3']);
    expect(await page(4, 2)).toEqual(['p5']);
    expect(await page(10, 2)).toEqual([]);
    const filtered = await target.db.collection(collections[base]).where({ active: true }).orderBy('age', 'desc').skip(1).limit(1).get();
    expect(idsOf(filtered)).toEqual(['p1']);
  });

  test('count', async () => {
    const collection = target.db.collection(collections[base]);
    expect((await collection.where({ city: 'Beijing' }).count()).total).toBe(2);
    expect((await collection.where({ tags: 'a' }).count()).total).toBe(2);
    expect((await collection.where({ age: _().gte(30), active: true }).count()).total).toBe(3);
    expect((await collection.count()).total).toBe(5);
  });

  test('field() projections include or exclude fields and keep _id', async () => {
    const collection = target.db.collection(collections[base]);
    const included = await collection.where({ _id: 'p1' }).field({ name: true, 'address.zip': true }).get();
    expect(included.data).toEqual([{ _id: 'p1', name: 'Ann', address: { zip: '200000' } }]);
    const excluded = await collection.doc('p2').field({ tags: false, scores: false, address: false, joinedAt: false }).get();
    expect(excluded.data).toEqual([{ _id: 'p2', name: 'Bob', age: 25, city: 'Beijing', active: false }]);
  });

  test('doc(id).get answers a one-element list, or an empty one', async () => {
    const collection = target.db.collection(collections[base]);
    expect(idsOf(await collection.doc('p3').get())).toEqual(['p3']);
    expect((await collection.doc('missing').get()).data).toEqual([]);
  });
});

describe('limits', () => {
  let bulk: string;

  beforeAll(async () => {
    bulk = await target.collection('bulk');
    const docs = Array.from({ length: 1200 }, (_, i) => ({ _id: `b${String(i).padStart(4, '0')}`, n: i }));
    for (let i = 0; i < docs.length; i += 400) await target.db.collection(bulk).add(docs.slice(i, i + 400));
  });

  test('a query without limit answers 100 documents; a limit answers up to 1,000', async () => {
    const collection = target.db.collection(bulk);
    expect((await collection.get()).data).toHaveLength(100);
    expect((await collection.limit(1000).get()).data).toHaveLength(1000);
    expect((await collection.limit(5000).get()).data).toHaveLength(1000);
    const tail = await collection.where({}).orderBy('n', 'desc').skip(1150).limit(1000).get();
    expect(idsOf(tail)).toHaveLength(50);
    expect(idsOf(tail)[0]).toBe('b0049');
    expect((await collection.count()).total).toBe(1200);
  });
});
