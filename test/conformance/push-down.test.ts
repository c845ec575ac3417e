import { Aggregator, Query } from 'mingo';
import { type ConformanceTarget, idsOf, openTarget } from './target';

/**
 * Filters and orders pushed down to SQL must answer exactly what MongoDB's rules give. Random documents mixing
 * numbers, booleans, strings, dates, nulls, missing fields, objects and arrays go into an indexed collection and
 * an unindexed one; random queries run on both through the SDK and must equal mingo's answer on the same
 * documents, in order. A failure prints the seed and the query.
 */
const seed = Number(process.env.PUSH_DOWN_SEED ?? 20261125);
const documentCount = 250;
const queryCount = 400;

function generator(start: number) {
  let state = start >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  return { next, pick };
}

const { next, pick } = generator(seed);

const strings = ['', 'a', 'ab', 'B', 'b', 'zz', '10', '上海', '浦东新区', '[1]', '{"$date":"2024-06-01T12:00:00.000Z"}', '{x'];
const numbers = [-5, -1.5, 0, 1, 2, 2.5, 10, 1e6];
const dates = ['1969-07-20T20:17:00Z', '2020-01-01T00:00:00Z', '2024-06-01T12:00:00Z', '2026-11-25T00:00:00Z'].map((text) => new Date(text));
const booleans = [true, false];
const anyScalar = () => pick([pick(strings), pick(numbers), pick(dates), pick(booleans), null]);

/** Each field keeps to some kinds, so both the clean SQL paths and the type-checked ones are exercised. */
const fieldValues: Record<string, () => unknown> = {
  num: () => pick([pick(numbers), pick(numbers), null]),
  str: () => pick([pick(strings), pick(strings), null]),
  when: () => pick([pick(dates), pick(dates), null]),
  flag: () => pick(booleans),
  mixed: () => (next() < 0.1 ? { x: pick(numbers) } : anyScalar()),
  tags: () => {
    const roll = next();
    if (roll < 0.15) return anyScalar();
    if (roll < 0.25) return [];
    return Array.from({ length: 1 + Math.floor(next() * 3) }, () => (next() < 0.1 ? [pick(strings)] : anyScalar()));
  },
  labels: () => Array.from({ length: Math.floor(next() * 3) }, () => pick(strings.slice(0, 9))),
  a: () => (next() < 0.2 ? pick(numbers) : { b: anyScalar() }),
  c: () => (next() < 0.5 ? [{ d: pick(numbers) }, { d: pick(strings) }] : { d: pick(numbers) }),
};

const queryFields = ['num', 'str', 'when', 'flag', 'mixed', 'tags', 'labels', 'a.b', 'c.d', 'a', '_id', 'nothing'];
/** Operands that suit a field most of the time, anything some of the time. */
const operandFor = (field: string): unknown => {
  if (next() < 0.3) return anyScalar();
  if (field === '_id') return `d${Math.floor(next() * documentCount)}`;
  if (field === 'labels') return pick(strings);
  const make = fieldValues[field.split('.')[0]];
  const value = make ? make() : anyScalar();
  return Array.isArray(value) || (value !== null && typeof value === 'object' && !(value instanceof Date)) ? anyScalar() : value;
};

const documents = Array.from({ length: documentCount }, (_, i) => {
  const doc: Record<string, unknown> = { _id: `d${i}` };
  for (const [field, make] of Object.entries(fieldValues)) if (next() < 0.85) doc[field] = make();
  return doc;
});

type Descriptor =
  | { kind: 'field'; field: string; op: string; value: unknown; plain: boolean }
  | { kind: 'and' | 'or' | 'nor'; children: Descriptor[] };

function randomDescriptor(depth: number): Descriptor {
  if (depth < 2 && next() < 0.2) {
    return { kind: pick(['and', 'or', 'nor'] as const), children: Array.from({ length: 2 + Math.floor(next() * 2) }, () => randomDescriptor(depth + 1)) };
  }
  const field = pick(queryFields);
  const op = pick(['eq', 'eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'exists', 'not']);
  const value = op === 'in' || op === 'nin'
    ? Array.from({ length: Math.floor(next() * 4) }, () => operandFor(field))
    : op === 'exists' ? next() < 0.5 : operandFor(field);
  return { kind: 'field', field, op, value, plain: value !== null && next() < 0.5 };
}

/** The same condition for mingo (MongoDB syntax) and for the SDK (db.command). */
function toMongo(descriptor: Descriptor): Record<string, unknown> {
  if (descriptor.kind !== 'field') return { [`$${descriptor.kind}`]: descriptor.children.map(toMongo) };
  const { field, op, value } = descriptor;
  const operator = { eq: '$eq', neq: '$ne', gt: '$gt', gte: '$gte', lt: '$lt', lte: '$lte', in: '$in', nin: '$nin', exists: '$exists' }[op];
  return { [field]: operator ? { [operator]: value } : { $not: { $gt: value } } };
}

function toCommand(target: ConformanceTarget, descriptor: Descriptor): Record<string, unknown> {
  const _ = target.db.command;
  if (descriptor.kind !== 'field') return _[descriptor.kind](descriptor.children.map((child) => toCommand(target, child))) as never;
  const { field, op, value, plain } = descriptor;
  const commands: Record<string, () => unknown> = {
    eq: () => (plain ? value : _.eq(value)),
    neq: () => _.neq(value),
    gt: () => _.gt(value),
    gte: () => _.gte(value),
    lt: () => _.lt(value),
    lte: () => _.lte(value),
    in: () => _.in(value as unknown[]),
    nin: () => _.nin(value as unknown[]),
    exists: () => _.exists(value as boolean),
    not: () => _.not(_.gt(value)),
  };
  return { [field]: commands[op]() };
}

interface RandomQuery {
  descriptors: Descriptor[];
  filter: Record<string, unknown>;
  sort: Record<string, 1 | -1>;
  skip: number;
  limit: number;
}

const queries: RandomQuery[] = Array.from({ length: queryCount }, () => {
  const descriptors = Array.from({ length: 1 + Math.floor(next() * 3) }, () => randomDescriptor(0));
  const sortFields = Array.from({ length: Math.floor(next() * 3) }, () => [pick(queryFields.filter((field) => field !== '_id')), pick([1, -1] as const)] as const);
  return { descriptors, filter: { $and: descriptors.map(toMongo) }, sort: Object.fromEntries([...sortFields, ['_id', 1]]), skip: pick([0, 0, 3, 17]), limit: pick([5, 20, 100, 1000]) };
});

let target: ConformanceTarget;
const collections: Record<string, string> = {};

beforeAll(async () => {
  target = await openTarget();
  for (const base of ['random_indexed', 'random_plain']) {
    collections[base] = await target.collection(base);
    for (let i = 0; i < documents.length; i += 100) await target.db.collection(collections[base]).add(documents.slice(i, i + 100));
  }
}, 60_000);

afterAll(() => target.close());

test.each(['random_indexed', 'random_plain'])(`${queryCount} random queries on %s answer as mingo does (seed ${seed})`, async (base) => {
  const collection = target.db.collection(collections[base]);
  for (const [q, { descriptors, filter, sort, skip, limit }] of queries.entries()) {
    const expected = new Aggregator([{ $match: filter }, { $sort: sort }, { $skip: skip }, { $limit: limit }]).run(documents).map((doc) => doc._id);
    const where = descriptors.length === 1 ? toCommand(target, descriptors[0]) : target.db.command.and(descriptors.map((descriptor) => toCommand(target, descriptor)));
    let query = collection.where(where);
    for (const [field, direction] of Object.entries(sort)) query = query.orderBy(field, direction === 1 ? 'asc' : 'desc');
    const context = `query ${q} (seed ${seed}): ${JSON.stringify(filter)} sort ${JSON.stringify(sort)} skip ${skip} limit ${limit}`;
    expect({ context, ids: idsOf(await query.skip(skip).limit(limit).get()) }).toEqual({ context, ids: expected });
    const total = new Query(filter).find(documents).all().length;
    expect({ context, total: (await collection.where(where).count()).total }).toEqual({ context, total });
  }
}, 120_000);
