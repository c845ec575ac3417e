import { Aggregator, Query, update as applyUpdate } from 'mingo';
import { isEqual, setValue } from 'mingo/util';
import { decodeDocument, type Doc, documentKey, encodeDocument, generateDocumentId } from './document-codec';
import { DatabaseError, duplicateKey, invalidParam, transactionConflict } from './errors';
import { planCount, planQuery, type QueryPlan, type SortSpec } from './query-plan';
import { applySimpleUpdate } from './simple-update';
import type { CollectionTable, SqliteStore } from './sqlite-store';
import { Transaction, TransactionRegistry } from './transactions';

/** A document a read selected: the stored text is decoded only when something needs the object. */
export class Match {
  private decoded?: Doc;

  constructor(
    readonly key: string,
    /** The committed version; 0 for a document that exists only inside the transaction. */
    readonly version: number,
    readonly text: string,
    doc?: Doc,
  ) {
    this.decoded = doc;
  }

  get doc(): Doc {
    this.decoded ??= decodeDocument(this.text);
    return this.decoded;
  }
}

export interface ReadOptions {
  sort: SortSpec;
  skip: number;
  /** Undefined reads every match (updates and removals with `multi`). */
  limit: number | undefined;
}

export type Modification = { kind: 'replace'; doc: Doc } | { kind: 'update'; modifier: Doc; setOnInsert: Doc | undefined };

const updateOperators = new Set([
  '$set', '$unset', '$inc', '$mul', '$min', '$max', '$rename', '$push', '$pull', '$pullAll', '$addToSet', '$pop', '$currentDate', '$bit',
]);

/** CloudBase answers aggregations without a `$limit` stage with at most this many documents. */
export const defaultAggregateLimit = 20;

function mingoCall<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof DatabaseError) throw error;
    throw new DatabaseError('DATABASE_REQUEST_FAILED', (error as Error).message);
  }
}

function compileFilter(filter: Doc): Query {
  return mingoCall(() => new Query(filter));
}

function isOperatorObject(value: unknown): value is Doc {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Date || value instanceof RegExp) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => key.startsWith('$'));
}

function valueAt(doc: Doc, field: string): unknown {
  let value: unknown = doc;
  for (const segment of field.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Doc)[segment];
  }
  return value;
}

/**
 * `data` of modifyDocument: with `merge` it is an update (`$`-operators, or plain fields meaning `$set`);
 * without, a replacement document (`doc().set()`).
 */
export function compileModification(data: unknown, merge: boolean): Modification {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw invalidParam('data must be an object');
  const record = data as Doc;
  const keys = Object.keys(record);
  const operatorKeys = keys.filter((key) => key.startsWith('$'));
  if (!merge) {
    if (operatorKeys.length > 0) throw invalidParam('a replacement document cannot contain update operators');
    return { kind: 'replace', doc: record };
  }
  if (operatorKeys.length === 0) return { kind: 'update', modifier: keys.length ? { $set: record } : {}, setOnInsert: undefined };
  if (operatorKeys.length !== keys.length) throw invalidParam('an update cannot mix update operators and plain fields');
  const modifier: Doc = {};
  let setOnInsert: Doc | undefined;
  for (const key of keys) {
    const fields = record[key];
    if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) throw invalidParam(`${key} needs an object of fields`);
    if (key === '$setOnInsert') setOnInsert = fields as Doc;
    else if (updateOperators.has(key)) modifier[key] = key === '$addToSet' ? uniqueEach(fields as Doc) : fields;
    else throw new DatabaseError('DATABASE_REQUEST_FAILED', `unknown update operator ${key}`);
  }
  return { kind: 'update', modifier, setOnInsert };
}

/** MongoDB adds each distinct value of `$addToSet: {$each}` once; mingo would add repeats of the list itself. */
function uniqueEach(fields: Doc): Doc {
  const result: Doc = {};
  for (const [field, value] of Object.entries(fields)) {
    const each = isOperatorObject(value) && Array.isArray(value.$each) ? (value.$each as unknown[]) : undefined;
    result[field] = each ? { ...(value as Doc), $each: each.filter((item, i) => each.findIndex((other) => isEqual(other, item)) === i) } : value;
  }
  return result;
}

/** MongoDB refuses arithmetic on non-numbers; mingo would silently skip the field. */
function checkArithmetic(doc: Doc, modifier: Doc): void {
  for (const operator of ['$inc', '$mul'] as const) {
    const fields = modifier[operator] as Doc | undefined;
    if (!fields) continue;
    for (const [field, operand] of Object.entries(fields)) {
      if (typeof operand !== 'number') throw new DatabaseError('DATABASE_REQUEST_FAILED', `Cannot ${operator} with non-numeric argument: {${field}: ${encodeDocument(operand)}}`);
      const current = valueAt(doc, field);
      if (current !== undefined && typeof current !== 'number') {
        throw new DatabaseError('DATABASE_REQUEST_FAILED', `Cannot apply ${operator} to a value of non-numeric type. {_id: ${encodeDocument(doc._id)}} has the field '${field}' of non-numeric type`);
      }
    }
  }
}

function touchesId(modifier: Doc): boolean {
  return Object.values(modifier).some((fields) =>
    Object.keys(fields as Doc).some((field) => field === '_id' || field.startsWith('_id.') || (fields as Doc)[field] === '_id'),
  );
}

/**
 * A document's new content, and for an update of plain field paths those paths (nothing else in it changed; the store
 * then leaves index entries and shapes of other paths alone).
 */
interface ModifiedDocument {
  doc: Doc;
  changedPaths?: string[];
}

/** The new content of a document under a modification; undefined when nothing changes. */
function modifyDocument(current: Match, modification: Modification): ModifiedDocument | undefined {
  if (modification.kind === 'replace') {
    const { _id: _ignored, ...fields } = modification.doc;
    const next = { _id: current.doc._id, ...fields };
    return encodeDocument(next) === current.text ? undefined : { doc: next };
  }
  const { modifier } = modification;
  if (Object.keys(modifier).length === 0) return undefined;
  if (touchesId(modifier)) {
    throw new DatabaseError('DATABASE_REQUEST_FAILED', "Performing an update on the path '_id' would modify the immutable field '_id'");
  }
  const next = decodeDocument(current.text);
  checkArithmetic(next, modifier);
  const simple = applySimpleUpdate(next, modifier);
  if (simple !== undefined) return simple ? { doc: next, changedPaths: Object.values(modifier).flatMap((fields) => Object.keys(fields as Doc)) } : undefined;
  return mingoUpdate(next, modifier) ? { doc: next } : undefined;
}

function mingoUpdate(doc: Doc, modifier: Doc): boolean {
  return mingoCall(() => applyUpdate(doc, modifier, undefined, undefined, { cloneMode: 'deep' })).length > 0;
}

/** Applies update operators in place; answers whether anything changed. */
function applyModifier(doc: Doc, modifier: Doc): boolean {
  checkArithmetic(doc, modifier);
  return applySimpleUpdate(doc, modifier) ?? mingoUpdate(doc, modifier);
}

/** The document an upsert inserts: the query's equality fields, then the update (MongoDB's upsert rule). */
function upsertDocument(filter: Doc, modification: Modification): Doc {
  let doc: Doc;
  if (modification.kind === 'replace') {
    doc = { ...modification.doc };
  } else {
    doc = {};
    for (const [field, condition] of Object.entries(filter)) {
      if (field.startsWith('$')) continue;
      if (!isOperatorObject(condition)) setValue(doc, field, condition);
      else if ('$eq' in condition) setValue(doc, field, condition.$eq);
    }
    if (modification.setOnInsert) applyModifier(doc, { $set: modification.setOnInsert });
    if (Object.keys(modification.modifier).length) applyModifier(doc, modification.modifier);
  }
  const filterId = filter._id;
  const id = typeof filterId === 'string' || typeof filterId === 'number' ? filterId : (doc._id ?? generateDocumentId());
  const { _id: _ignored, ...fields } = doc;
  return { _id: id, ...fields };
}

function isIdLookup(filter: Doc): string | undefined {
  const keys = Object.keys(filter);
  return keys.length === 1 && keys[0] === '_id' && typeof filter._id === 'string' ? filter._id : undefined;
}

/**
 * The database semantics over the SQLite store: reads (with SQL push-down), writes, aggregation and
 * transactions. Synchronous throughout: one request is served completely before the next, which is what
 * makes each single-document write atomic, as it is on CloudBase.
 */
export class DatabaseEngine {
  readonly transactions = new TransactionRegistry();

  constructor(
    private readonly store: SqliteStore,
    private readonly now: () => number,
  ) {}

  find(collection: string, filter: Doc, options: ReadOptions, transaction?: Transaction): Match[] {
    const table = this.store.collection(collection);
    if (!transaction) return this.committedMatches(table, filter, options);
    const idLookup = isIdLookup(filter);
    if (idLookup !== undefined) this.noteSeen(transaction, table, idLookup, table.versionOf(idLookup));
    const matches = transaction.hasWritesIn(collection)
      ? this.matchesWithPendingWrites(table, filter, options, transaction)
      : this.committedMatches(table, filter, options);
    for (const match of matches) if (match.version > 0) this.noteSeen(transaction, table, match.key, match.version);
    return matches;
  }

  count(collection: string, filter: Doc): number {
    const table = this.store.collection(collection);
    const plan = planCount(table, filter);
    if (plan.exact) return table.number(plan.sql, plan.params);
    return this.committedMatches(table, filter, { sort: [], skip: 0, limit: undefined }).length;
  }

  /** The statement a read would run and SQLite's plan for it, step by step (for tests and tuning). */
  explain(collection: string, filter: Doc, options: ReadOptions): { plan: QueryPlan; steps: string[] } {
    const table = this.store.collection(collection);
    const plan = planQuery(table, filter, options.sort, { limit: options.limit, skip: options.skip });
    return { plan, steps: table.explain(plan.sql, plan.params) };
  }

  insert(collection: string, docs: Doc[], transaction?: Transaction): unknown[] {
    const table = this.store.collection(collection);
    const prepared = docs.map((doc) => {
      const { _id, ...fields } = doc;
      return { _id: _id ?? generateDocumentId(), ...fields };
    });
    if (transaction) {
      for (const doc of prepared) {
        const key = documentKey(doc._id);
        const slot = Transaction.slot(collection, key);
        const pending = transaction.writes.get(slot);
        const version = table.versionOf(key);
        if (pending ? pending.doc !== null : version > 0) throw duplicateKey(collection, '_id_', `{ _id: ${encodeDocument(doc._id)} }`);
        this.noteSeen(transaction, table, key, version);
        transaction.writes.set(slot, { collection, key, doc });
      }
    } else {
      this.store.atomically(() => {
        for (const doc of prepared) table.insert(documentKey(doc._id), doc, encodeDocument(doc), this.store.nextVersion());
      });
    }
    return prepared.map((doc) => doc._id);
  }

  /**
   * Updates (or replaces) the first match, or every match with `multi`; upserts when nothing matched. `texts` are the
   * resulting documents as stored.
   */
  modify(
    collection: string,
    filter: Doc,
    modification: Modification,
    options: { multi: boolean; upsert: boolean },
    transaction?: Transaction,
  ): { updated: number; upsertedId?: unknown; texts: string[] } {
    const table = this.store.collection(collection);
    const work = () => {
      const targets = this.find(collection, filter, { sort: [], skip: 0, limit: options.multi ? undefined : 1 }, transaction);
      const texts: string[] = [];
      let updated = 0;
      for (const target of targets) {
        const next = modifyDocument(target, modification);
        if (next) {
          texts.push(this.write(table, target.key, next, transaction));
          updated++;
        } else {
          texts.push(target.text);
        }
      }
      if (targets.length === 0 && options.upsert) {
        const doc = upsertDocument(filter, modification);
        const [upsertedId] = this.insert(collection, [doc], transaction);
        return { updated: 0, upsertedId, texts: [encodeDocument(doc)] };
      }
      return { updated, texts };
    };
    return transaction ? work() : this.store.atomically(work);
  }

  remove(collection: string, filter: Doc, multi: boolean, transaction?: Transaction): number {
    const table = this.store.collection(collection);
    const work = () => {
      const targets = this.find(collection, filter, { sort: [], skip: 0, limit: multi ? undefined : 1 }, transaction);
      for (const target of targets) {
        if (transaction) transaction.writes.set(Transaction.slot(collection, target.key), { collection, key: target.key, doc: null });
        else table.delete(target.key);
      }
      return targets.length;
    };
    return transaction ? work() : this.store.atomically(work);
  }

  aggregate(collection: string, pipeline: Doc[]): Doc[] {
    const table = this.store.collection(collection);
    const leadingMatch = pipeline[0]?.$match;
    const filter = leadingMatch !== null && typeof leadingMatch === 'object' && !Array.isArray(leadingMatch) ? (leadingMatch as Doc) : {};
    const source = this.committedMatches(table, filter, { sort: [], skip: 0, limit: undefined }).map((match) => match.doc);
    const hasLimit = pipeline.some((stage) => '$limit' in stage);
    const stages = hasLimit ? pipeline : [...pipeline, { $limit: defaultAggregateLimit }];
    return mingoCall(() =>
      new Aggregator(stages, {
        collectionResolver: (name: string) =>
          this.store.hasCollection(name)
            ? this.committedMatches(this.store.collection(name), {}, { sort: [], skip: 0, limit: undefined }).map((match) => match.doc)
            : [],
      }).run(source),
    );
  }

  startTransaction(): Transaction {
    return this.transactions.start(this.now());
  }

  transaction(id: unknown): Transaction {
    return this.transactions.get(id, this.now());
  }

  /** Applies the buffered writes atomically, or fails with a conflict when anything the transaction saw has moved. */
  commit(id: unknown): void {
    const transaction = this.transaction(id);
    this.transactions.finish(transaction.id);
    this.store.atomically(() => {
      for (const { collection, key, version } of transaction.seen.values()) {
        if (this.store.collection(collection).versionOf(key) !== version) throw transactionConflict(collection, key);
      }
      for (const { collection, key, doc } of transaction.writes.values()) {
        const table = this.store.collection(collection);
        if (!doc) table.delete(key);
        else if (table.versionOf(key) > 0) table.replace(key, doc, encodeDocument(doc), this.store.nextVersion());
        else table.insert(key, doc, encodeDocument(doc), this.store.nextVersion());
      }
    });
  }

  abort(id: unknown): void {
    this.transactions.finish(this.transaction(id).id);
  }

  /** Answers the document's stored text. */
  private write(table: CollectionTable, key: string, { doc, changedPaths }: ModifiedDocument, transaction?: Transaction): string {
    const text = encodeDocument(doc);
    if (transaction) transaction.writes.set(Transaction.slot(table.name, key), { collection: table.name, key, doc });
    else table.replace(key, doc, text, this.store.nextVersion(), changedPaths);
    return text;
  }

  /** Remembers the first version a transaction saw; a later different version means it already lost. */
  private noteSeen(transaction: Transaction, table: CollectionTable, key: string, version: number): void {
    const slot = Transaction.slot(table.name, key);
    const seen = transaction.seen.get(slot);
    if (!seen) transaction.seen.set(slot, { collection: table.name, key, version });
    else if (seen.version !== version && !transaction.writes.has(slot)) throw transactionConflict(table.name, key);
  }

  private committedMatches(table: CollectionTable, filter: Doc, options: ReadOptions): Match[] {
    const plan = planQuery(table, filter, options.sort, { limit: options.limit, skip: options.skip });
    const query = plan.exact ? undefined : compileFilter(filter);
    const matches: Match[] = [];
    if (!plan.sorted) {
      for (const row of table.rows(plan.sql, plan.params)) {
        const match = new Match(row.key, row.version, row.text);
        if (!query || query.test(match.doc)) matches.push(match);
      }
      return this.page(this.sortInMemory(matches, options.sort), options);
    }
    if (plan.paged || (!query && options.limit === undefined)) {
      for (const row of table.rows(plan.sql, plan.params)) matches.push(new Match(row.key, row.version, row.text));
      return plan.paged ? matches : matches.slice(options.skip);
    }
    let skipped = 0;
    for (const row of table.rows(plan.sql, plan.params)) {
      const match = new Match(row.key, row.version, row.text);
      if (query && !query.test(match.doc)) continue;
      if (skipped < options.skip) skipped++;
      else matches.push(match);
      if (options.limit !== undefined && matches.length >= options.limit) break;
    }
    return matches;
  }

  /** Inside a transaction that wrote to this collection: committed documents overlaid with its own writes. */
  private matchesWithPendingWrites(table: CollectionTable, filter: Doc, options: ReadOptions, transaction: Transaction): Match[] {
    const query = compileFilter(filter);
    const pool = this.committedMatches(table, filter, { sort: [], skip: 0, limit: undefined }).filter(
      (match) => !transaction.writes.has(Transaction.slot(table.name, match.key)),
    );
    for (const write of transaction.writes.values()) {
      if (write.collection === table.name && write.doc && query.test(write.doc)) {
        pool.push(new Match(write.key, 0, encodeDocument(write.doc), write.doc));
      }
    }
    return this.page(this.sortInMemory(pool, options.sort), options);
  }

  private sortInMemory(matches: Match[], sort: SortSpec): Match[] {
    if (sort.length === 0 || matches.length < 2) return matches;
    const byDoc = new Map(matches.map((match) => [match.doc, match]));
    const sorted = mingoCall(() => new Aggregator([{ $sort: Object.fromEntries(sort) }]).run(matches.map((match) => match.doc)));
    return sorted.map((doc) => byDoc.get(doc)!);
  }

  private page(matches: Match[], options: ReadOptions): Match[] {
    return matches.slice(options.skip, options.limit === undefined ? undefined : options.skip + options.limit);
  }
}
