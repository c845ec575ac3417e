import { Aggregator } from 'mingo';
import { type DatabaseEngine, compileModification } from './database-engine';
import { type Doc, encodeDocument, parseWireEJSON } from './document-codec';
import { DatabaseError, invalidParam } from './errors';
import type { SortSpec } from './query-plan';
import type { SqliteStore } from './sqlite-store';
import type { Transaction } from './transactions';

/** CloudBase returns at most this many documents per query, and the SDK asks for 100 when no limit is set. */
export const maxQueryLimit = 1000;
export const defaultQueryLimit = 100;

/** What an action answers besides `requestId`: CloudBase puts most results under `data`, some at the top level. */
export type ActionReply = Record<string, unknown>;

type Params = Record<string, unknown>;

interface ActionContext {
  engine: DatabaseEngine;
  store: SqliteStore;
  now: number;
}

function collectionName(params: Params): string {
  const name = params.collectionName;
  if (typeof name !== 'string' || name === '') throw invalidParam('collectionName must be a non-empty string');
  return name;
}

function objectParam(params: Params, name: string, now: number, fallback: Doc = {}): Doc {
  const raw = params[name];
  if (raw === undefined || raw === null || raw === '') return fallback;
  const value = parseWireEJSON(raw, name, now);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalidParam(`${name} must encode an object`);
  return value as Doc;
}

/** `queryType: 'DOC'` targets one document by id; its query is `{_id}` either way. */
function filterOf(params: Params, now: number): Doc {
  const filter = objectParam(params, 'query', now);
  if (params.queryType === 'DOC' && typeof filter._id !== 'string' && typeof filter._id !== 'number') {
    throw invalidParam('a DOC query needs an _id');
  }
  return filter;
}

/** `order` is `{field: 1 | -1}` from `orderBy()`; older SDKs send `[{field, direction}]`. */
function sortOf(params: Params, now: number): SortSpec {
  if (params.order === undefined || params.order === '') return [];
  const order = parseWireEJSON(params.order, 'order', now);
  const entries: [string, unknown][] = Array.isArray(order)
    ? order.map((item) => [String((item as Doc)?.field), (item as Doc)?.direction])
    : Object.entries((order ?? {}) as Doc);
  return entries.map(([field, direction]) => {
    if (direction === 1 || direction === 'asc') return [field, 1];
    if (direction === -1 || direction === 'desc') return [field, -1];
    throw invalidParam(`order of ${field} must be 1 or -1`);
  });
}

function boolParam(params: Params, name: string, fallback: boolean): boolean {
  const value = params[name];
  return typeof value === 'boolean' ? value : fallback;
}

function transactionOf(context: ActionContext, params: Params): Transaction | undefined {
  const id = params.transactionId;
  return id === undefined || id === null || id === '' ? undefined : context.engine.transaction(id);
}

/** `field()`: MongoDB projection; `_id` stays first as CloudBase returns it. */
function project(docs: Doc[], projection: Doc): Doc[] {
  try {
    return new Aggregator([{ $project: projection }]).run(docs).map((doc) => ('_id' in doc ? { _id: doc._id, ...doc } : doc));
  } catch (error) {
    throw new DatabaseError('DATABASE_REQUEST_FAILED', (error as Error).message);
  }
}

function getDocument(context: ActionContext, params: Params): ActionReply {
  const limitParam = params.limit;
  const limit = typeof limitParam === 'number' && limitParam > 0 ? Math.min(Math.floor(limitParam), maxQueryLimit) : defaultQueryLimit;
  const offset = typeof params.offset === 'number' && params.offset > 0 ? Math.floor(params.offset) : 0;
  const matches = context.engine.find(
    collectionName(params),
    filterOf(params, context.now),
    { sort: sortOf(params, context.now), skip: offset, limit },
    transactionOf(context, params),
  );
  const projection = objectParam(params, 'projection', context.now);
  const list = Object.keys(projection).length
    ? project(matches.map((match) => match.doc), projection).map(encodeDocument)
    : matches.map((match) => match.text);
  return { data: { list } };
}

function modification(context: ActionContext, params: Params, merge: boolean) {
  return compileModification(parseWireEJSON(params.data, 'data', context.now), merge);
}

function modifyDocument(context: ActionContext, params: Params): ActionReply {
  const merge = boolParam(params, 'merge', true);
  const result = context.engine.modify(
    collectionName(params),
    filterOf(params, context.now),
    modification(context, params, merge),
    { multi: params.queryType !== 'DOC' && boolParam(params, 'multi', false), upsert: boolParam(params, 'upsert', false) },
    transactionOf(context, params),
  );
  return { data: { updated: result.updated, ...(result.upsertedId === undefined ? {} : { upsert_id: result.upsertedId }) } };
}

function modifyAndReturnDoc(context: ActionContext, params: Params): ActionReply {
  const result = context.engine.modify(
    collectionName(params),
    filterOf(params, context.now),
    modification(context, params, true),
    { multi: false, upsert: false },
    transactionOf(context, params),
  );
  return { data: { updated: result.updated, ...(result.texts.length ? { doc: result.texts[0] } : {}) } };
}

function insertDocument(context: ActionContext, params: Params): ActionReply {
  const raw = params.data;
  const items = Array.isArray(raw) ? raw : [raw];
  if (items.length === 0) throw invalidParam('data must hold at least one document');
  const docs = items.map((item, i) => {
    const doc = parseWireEJSON(item, `data[${i}]`, context.now);
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw invalidParam(`data[${i}] must encode an object`);
    return doc as Doc;
  });
  return { data: { insertedIds: context.engine.insert(collectionName(params), docs, transactionOf(context, params)) } };
}

function removeDocument(context: ActionContext, params: Params): ActionReply {
  const deleted = context.engine.remove(
    collectionName(params),
    filterOf(params, context.now),
    params.queryType !== 'DOC' && boolParam(params, 'multi', false),
    transactionOf(context, params),
  );
  return { data: { deleted } };
}

function calculateDocument(context: ActionContext, params: Params): ActionReply {
  return { data: { total: context.engine.count(collectionName(params), filterOf(params, context.now)) } };
}

function aggregateDocuments(context: ActionContext, params: Params): ActionReply {
  const stages = params.stages;
  if (!Array.isArray(stages)) throw invalidParam('stages must be an array');
  const pipeline = stages.map((stage, i) => {
    const { stageKey, stageValue } = (stage ?? {}) as Doc;
    if (typeof stageKey !== 'string' || !stageKey.startsWith('$')) throw invalidParam(`stages[${i}].stageKey must name a $stage`);
    return { [stageKey]: parseWireEJSON(stageValue, `stages[${i}].stageValue`, context.now) };
  });
  return { data: { list: context.engine.aggregate(collectionName(params), pipeline).map(encodeDocument) } };
}

function addCollection(context: ActionContext, params: Params): ActionReply {
  const name = collectionName(params);
  if (!context.store.createCollection(name)) throw new DatabaseError('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${name} already exists`);
  return {};
}

function idOf(params: Params): string {
  if (typeof params._id !== 'string' || params._id === '') throw invalidParam('_id must be a non-empty string');
  return params._id;
}

/** The transaction actions of the SDK's older Transaction class, which answer EJSON text at the top level. */
function getInTransaction(context: ActionContext, params: Params): ActionReply {
  const [match] = context.engine.find(collectionName(params), { _id: idOf(params) }, { sort: [], skip: 0, limit: 1 }, context.engine.transaction(params.transactionId));
  return { data: match ? match.text : 'null' };
}

function updateDocInTransaction(context: ActionContext, params: Params): ActionReply {
  const data = parseWireEJSON(params.data, 'data', context.now) as Doc;
  const isUpdate = data !== null && typeof data === 'object' && Object.keys(data).some((key) => key.startsWith('$'));
  const result = context.engine.modify(
    collectionName(params),
    { _id: idOf(params) },
    compileModification(data, isUpdate),
    { multi: false, upsert: boolParam(params, 'upsert', false) },
    context.engine.transaction(params.transactionId),
  );
  return {
    updated: String(result.updated),
    ...(result.upsertedId === undefined ? {} : { upserted: JSON.stringify([{ _id: result.upsertedId }]) }),
  };
}

function deleteDocInTransaction(context: ActionContext, params: Params): ActionReply {
  const deleted = context.engine.remove(collectionName(params), { _id: idOf(params) }, false, context.engine.transaction(params.transactionId));
  return { deleted: String(deleted) };
}

const actions: Record<string, (context: ActionContext, params: Params) => ActionReply> = {
  'database.getDocument': getDocument,
  'database.modifyDocument': modifyDocument,
  'database.modifyAndReturnDoc': modifyAndReturnDoc,
  'database.insertDocument': insertDocument,
  'database.removeDocument': removeDocument,
  'database.calculateDocument': calculateDocument,
  'database.aggregateDocuments': aggregateDocuments,
  'database.addCollection': addCollection,
  'database.startTransaction': (context) => ({ transactionId: context.engine.startTransaction().id }),
  'database.commitTransaction': (context, params) => {
    context.engine.commit(params.transactionId);
    return {};
  },
  'database.abortTransaction': (context, params) => {
    context.engine.abort(params.transactionId);
    return {};
  },
  'database.getInTransaction': getInTransaction,
  'database.updateDocInTransaction': updateDocInTransaction,
  'database.deleteDocInTransaction': deleteDocInTransaction,
};

export function runAction(context: ActionContext, params: Params): ActionReply {
  const action = params.action;
  const run = typeof action === 'string' && Object.hasOwn(actions, action) ? actions[action] : undefined;
  if (!run) throw new DatabaseError('INVALID_ACTION', `invalid action: ${String(action)}`);
  return run(context, params);
}
