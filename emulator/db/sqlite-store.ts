import Database from 'better-sqlite3';
import type { IndexDeclarations, IndexSpec } from './declarations';
import { type Doc, encodeDocument } from './document-codec';
import { collectionNotExist, DatabaseError, duplicateKey } from './errors';
import {
  decodeShape, emptyShape, encodeShape, isTrackablePath, noteShape, type PathShape, properPrefixes, sqlKindExpression, type ValueKind,
} from './path-shapes';

/** One stored document: `key` is its `_id` (see documentKey), `version` changes on every write. */
export interface StoredRow {
  key: string;
  version: number;
  text: string;
}

const collectionsTable = '__collections';
const shapesTable = '__paths';
/** Paths a collection tracks beyond its index fields are learned from queries; this bounds the learning. */
const maxTrackedPaths = 256;
const maxCachedStatements = 500;

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A JSON path for SQLite's json functions, each segment quoted so any field name is taken literally. */
export function jsonPath(field: string): string {
  return `$${field.split('.').map((segment) => `."${segment.replace(/"/g, '\\"')}"`).join('')}`;
}

/** `json_extract` of a field from a data column (`data`, or `c.data` in a query). */
export function extractExpression(field: string, data: string): string {
  return `json_extract(${data}, ${quoteLiteral(jsonPath(field))})`;
}

/**
 * A declared index as SQLite holds it: an expression index on the collection's table, or, once its first field has
 * held an array, a multikey side table with one row per distinct element (MongoDB's multikey index entries):
 * columns k0 (the element), k1.. (the other keys, as json_extract gives them) and id.
 */
export interface TableIndex {
  spec: IndexSpec;
  storage: 'expression' | 'multikey';
  /** Quoted name of the SQLite index or side table. */
  sqlName: string;
}

/**
 * One collection: a table of (seq, id, version, data), each declared index as a SQLite expression index over
 * `json_extract(data, ...)` or as a multikey side table, and the shapes of the paths it tracks (what kinds of
 * value each has held), which tell the query planner what SQL can decide exactly.
 */
export class CollectionTable {
  readonly sqlName: string;
  /** Moves whenever a tracked shape or an index's storage changes, which is when query plans must be made afresh. */
  generation = 0;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly uniqueFields: Set<string>;
  private readonly multikey = new Set<string>();
  private readonly entryStatementsByIndex = new Map<string, { add: Database.Statement; remove: Database.Statement }>();

  constructor(
    private readonly db: Database.Database,
    readonly name: string,
    private readonly declared: IndexSpec[],
    private readonly shapes: Map<string, PathShape>,
    private readonly saveShape: (collection: string, path: string, shape: PathShape) => void,
  ) {
    this.sqlName = quoteIdentifier(`c:${name}`);
    this.uniqueFields = new Set(declared.filter((index) => index.unique).flatMap((index) => index.keys.map((key) => key.field)));
  }

  /**
   * Creates the table, learns the shapes of the index fields, then makes SQLite's index objects match the
   * declarations: an index whose objects are missing or were made for other keys is (re)built.
   */
  ensureSchema(): void {
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS ${this.sqlName} (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, version INTEGER NOT NULL, data TEXT NOT NULL)`,
    );
    for (const index of this.declared) for (const { field } of index.keys) if (field !== '_id') this.shape(field, true);
    for (const index of this.declared) if (this.holdsArraysFirst(index)) this.multikey.add(index.name);
    this.generation++;
    const existing = new Map(
      (this.db.prepare(`SELECT name, sql FROM sqlite_master WHERE name GLOB 'ix:*' OR name GLOB 'mk:*'`).all() as { name: string; sql: string }[])
        .map((object) => [object.name, object.sql]),
    );
    for (const index of this.declared) {
      const objects = this.indexObjects(index);
      if (objects.every(([name, sql]) => existing.get(name) === sql)) continue;
      for (const object of [...this.indexObjects(index, 'expression'), ...this.indexObjects(index, 'multikey')]) {
        if (existing.has(object[0])) this.db.exec(`DROP ${object[1].startsWith('CREATE TABLE') ? 'TABLE' : 'INDEX'} IF EXISTS ${quoteIdentifier(object[0])}`);
      }
      for (const [, sql] of objects) this.db.exec(sql);
      if (this.multikey.has(index.name)) this.backfill(index);
    }
  }

  /** The names of the SQLite objects that hold this collection's declared indexes. */
  indexObjectNames(): string[] {
    return this.declared.flatMap((index) => this.indexObjects(index).map(([name]) => name));
  }

  indexes(): TableIndex[] {
    return this.declared.map((index) => {
      const storage = this.multikey.has(index.name) ? 'multikey' : 'expression';
      return { spec: index, storage, sqlName: quoteIdentifier(`${storage === 'multikey' ? 'mk' : 'ix'}:${this.name}:${index.name}`) };
    });
  }

  /** The expression a declared index keys `field` on, as a query over the table aliased `c` writes it. */
  keyExpression(field: string): string {
    return this.keyExpressionOn(field, 'c.data', 'c.id');
  }

  private keyExpressionOn(field: string, data: string, id: string): string {
    if (field === '_id') return id;
    const value = extractExpression(field, data);
    // MongoDB indexes a missing field as null and lets a unique index hold one such document; SQLite's NULLs never
    // collide, so unique indexes key on a blob stand-in for null.
    return this.uniqueFields.has(field) ? `ifnull(${value}, x'00')` : value;
  }

  isUniqueField(field: string): boolean {
    return this.uniqueFields.has(field);
  }

  /**
   * What `path` has held, learned from the stored documents the first time it is asked for (a scan inside
   * SQLite) and kept in step with every write from then on. Undefined for paths SQL cannot address.
   */
  shape(path: string, alwaysTrack = false): PathShape | undefined {
    const known = this.shapes.get(path);
    if (known) return known;
    if (!isTrackablePath(path) || (!alwaysTrack && this.shapes.size >= maxTrackedPaths)) return undefined;
    for (const prefix of [...properPrefixes(path), path]) {
      if (this.shapes.has(prefix)) continue;
      const shape = this.learnShape(prefix);
      this.shapes.set(prefix, shape);
      this.saveShape(this.name, prefix, shape);
      this.generation++;
    }
    return this.shapes.get(path);
  }

  /** Whether some document held an array at a proper prefix of `path`, where MongoDB would look into each element. */
  arrayAbove(path: string): boolean {
    return properPrefixes(path).some((prefix) => this.shape(prefix)?.values.has('array') ?? true);
  }

  maxVersion(): number {
    return (this.statement(`SELECT max(version) FROM ${this.sqlName}`).pluck().get() as number | null) ?? 0;
  }

  get(key: string): StoredRow | undefined {
    return this.statement(`SELECT id AS key, version, data AS text FROM ${this.sqlName} WHERE id = ?`).get(key) as StoredRow | undefined;
  }

  versionOf(key: string): number {
    return (this.statement(`SELECT version FROM ${this.sqlName} WHERE id = ?`).pluck().get(key) as number | undefined) ?? 0;
  }

  /** Rows of a statement the query planner built (selecting key, version, text); iterate to the end or break early. */
  rows(sql: string, params: unknown[]): IterableIterator<StoredRow> {
    return this.statement(sql).iterate(...params) as IterableIterator<StoredRow>;
  }

  /** The single number a statement answers (a count). */
  number(sql: string, params: unknown[]): number {
    return this.statement(sql).pluck().get(...params) as number;
  }

  /** SQLite's plan for a statement, one line per step (for tests and tuning). */
  explain(sql: string, params: unknown[]): string[] {
    return (this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail);
  }

  insert(key: string, doc: Doc, text: string, version: number): void {
    this.noteShapes(doc);
    this.write(() => this.statement(`INSERT INTO ${this.sqlName} (id, version, data) VALUES (?, ?, ?)`).run(key, version, text), doc);
    this.addEntries(key, text);
  }

  /**
   * `changedPaths`, when given, are the only field paths whose values differ from the stored document: shapes of other
   * paths cannot grow, and side-table rows of indexes on other fields stay as they are.
   */
  replace(key: string, doc: Doc, text: string, version: number, changedPaths?: readonly string[]): void {
    const touched = (path: string) => !changedPaths || changedPaths.some((changed) => pathsOverlap(path, changed));
    this.noteShapes(doc, touched);
    this.write(() => this.statement(`UPDATE ${this.sqlName} SET version = ?, data = ? WHERE id = ?`).run(version, text, key), doc);
    for (const index of this.declared) {
      if (!this.multikey.has(index.name) || !index.keys.some((indexKey) => touched(indexKey.field))) continue;
      const statements = this.entryStatements(index);
      statements.remove.run(key);
      statements.add.run({ data: text, id: key });
    }
  }

  delete(key: string): boolean {
    const deleted = this.statement(`DELETE FROM ${this.sqlName} WHERE id = ?`).run(key).changes > 0;
    if (deleted) this.removeEntries(key);
    return deleted;
  }

  /** After a rolled-back SQLite transaction: shapes and side tables back to what the file says. */
  reloadState(savedShapes: Map<string, PathShape>): void {
    this.shapes.clear();
    for (const [path, shape] of savedShapes) this.shapes.set(path, shape);
    this.multikey.clear();
    const tables = new Set(
      this.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[],
    );
    for (const index of this.declared) if (tables.has(`mk:${this.name}:${index.name}`)) this.multikey.add(index.name);
    this.generation++;
  }

  private learnShape(path: string): PathShape {
    const at = quoteLiteral(jsonPath(path));
    const shape = emptyShape();
    const values = this.db
      .prepare(`SELECT DISTINCT ${sqlKindExpression(`json_type(data, ${at})`, `json_extract(data, ${at})`)} FROM ${this.sqlName}`)
      .pluck()
      .all() as (ValueKind | null)[];
    for (const kind of values) if (kind) shape.values.add(kind);
    if (shape.values.has('array')) {
      const elements = this.db
        .prepare(`SELECT DISTINCT ${sqlKindExpression('e.type', 'e.value')} FROM ${this.sqlName} AS c, json_each(c.data, ${at}) AS e WHERE json_type(c.data, ${at}) = 'array'`)
        .pluck()
        .all() as ValueKind[];
      for (const kind of elements) shape.elements.add(kind);
    }
    return shape;
  }

  /** A side table serves an index whose first field holds arrays directly (not inside an array). */
  private holdsArraysFirst(index: IndexSpec): boolean {
    const first = index.keys[0].field;
    return !index.unique && first !== '_id' && (this.shapes.get(first)?.values.has('array') ?? false) && !this.arrayAbove(first);
  }

  /** The SQLite objects (name, exact CREATE statement) that hold one declared index. */
  private indexObjects(index: IndexSpec, storage = this.multikey.has(index.name) ? 'multikey' : 'expression'): [string, string][] {
    if (storage === 'expression') {
      const name = `ix:${this.name}:${index.name}`;
      const columns = index.keys.map((key) => `${this.keyExpressionOn(key.field, 'data', 'id')}${key.direction === -1 ? ' DESC' : ''}`);
      return [[name, `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${quoteIdentifier(name)} ON ${this.sqlName} (${columns.join(', ')})`]];
    }
    const name = `mk:${this.name}:${index.name}`;
    const keys = index.keys.map((key, i) => `k${i}${key.direction === -1 ? ' DESC' : ''}`);
    return [
      [name, `CREATE TABLE ${quoteIdentifier(name)} (${index.keys.map((_, i) => `k${i}`).join(', ')}, id TEXT NOT NULL, PRIMARY KEY (${keys.join(', ')}, id)) WITHOUT ROWID`],
      [`${name}:id`, `CREATE INDEX ${quoteIdentifier(`${name}:id`)} ON ${quoteIdentifier(name)} (id)`],
    ];
  }

  /**
   * The side-table rows of documents, computed by SQLite from the stored text so they equal what `json_extract`
   * gives in queries: one per distinct non-null element of the first field (or its value when not an array).
   */
  private entriesSelect(index: IndexSpec, data: string, id: string, from: string): string {
    const first = quoteLiteral(jsonPath(index.keys[0].field));
    const others = index.keys.slice(1).map((key) => (key.field === '_id' ? id : extractExpression(key.field, data)));
    const rest = others.length ? `${others.join(', ')}, ` : '';
    return `SELECT e.value, ${rest}${id} FROM ${from ? `${from}, ` : ''}json_each(${data}, ${first}) AS e WHERE json_type(${data}, ${first}) = 'array' AND e.type <> 'null' `
      + `UNION ALL SELECT json_extract(${data}, ${first}), ${rest}${id}${from ? ` FROM ${from}` : ''} WHERE json_type(${data}, ${first}) NOT IN ('array', 'null')`;
  }

  private backfill(index: IndexSpec): void {
    const side = quoteIdentifier(`mk:${this.name}:${index.name}`);
    this.db.exec(`INSERT OR IGNORE INTO ${side} ${this.entriesSelect(index, 'c.data', 'c.id', `${this.sqlName} AS c`)}`);
  }

  /** The statements that keep one side table in step with a document, built once per index. */
  private entryStatements(index: IndexSpec): { add: Database.Statement; remove: Database.Statement } {
    let statements = this.entryStatementsByIndex.get(index.name);
    if (!statements) {
      const side = quoteIdentifier(`mk:${this.name}:${index.name}`);
      statements = {
        add: this.statement(`INSERT OR IGNORE INTO ${side} ${this.entriesSelect(index, '@data', '@id', '')}`),
        remove: this.statement(`DELETE FROM ${side} WHERE id = ?`),
      };
      this.entryStatementsByIndex.set(index.name, statements);
    }
    return statements;
  }

  private addEntries(key: string, text: string): void {
    for (const index of this.declared) if (this.multikey.has(index.name)) this.entryStatements(index).add.run({ data: text, id: key });
  }

  private removeEntries(key: string): void {
    for (const index of this.declared) if (this.multikey.has(index.name)) this.entryStatements(index).remove.run(key);
  }

  /** Grows the tracked shapes by what `doc` holds; an index whose first field now holds arrays moves to a side table. */
  private noteShapes(doc: Doc, touched: (path: string) => boolean = () => true): void {
    let grew = false;
    for (const [path, shape] of this.shapes) {
      if (touched(path) && noteShape(shape, doc, path)) {
        this.saveShape(this.name, path, shape);
        grew = true;
      }
    }
    if (!grew) return;
    this.generation++;
    for (const index of this.declared) {
      if (this.multikey.has(index.name) || !this.holdsArraysFirst(index)) continue;
      const [[expressionIndex]] = this.indexObjects(index, 'expression');
      this.multikey.add(index.name);
      this.db.exec(`DROP INDEX IF EXISTS ${quoteIdentifier(expressionIndex)}`);
      for (const [, sql] of this.indexObjects(index)) this.db.exec(sql);
      this.backfill(index);
    }
  }

  private write(run: () => void, doc: Doc): void {
    try {
      run();
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) throw this.duplicateError((error as Error).message, doc);
      throw error;
    }
  }

  private duplicateError(message: string, doc: Doc): DatabaseError {
    const violated = this.declared.find((index) => index.unique && message.includes(`'ix:${this.name}:${index.name}'`));
    if (!violated) return duplicateKey(this.name, '_id_', `{ _id: ${encodeDocument(doc._id)} }`);
    const key = violated.keys.map(({ field }) => `${field}: ${encodeDocument(valueAt(doc, field) ?? null)}`).join(', ');
    return duplicateKey(this.name, violated.name, `{ ${key} }`);
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      // Filters vary without end ($in lists of any length); keeping every statement would grow without bound.
      if (this.statements.size >= maxCachedStatements) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/** Whether a change at one path can change the value at the other: the same path, or one inside the other. */
function pathsOverlap(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

function valueAt(doc: Doc, field: string): unknown {
  let value: unknown = doc;
  for (const segment of field.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Doc)[segment];
  }
  return value;
}

/**
 * The SQLite file: WAL with synchronous=NORMAL, so a committed write survives the process being killed
 * (an OS crash may lose the last few). Meta tables list the collections and the shapes of their tracked paths.
 */
export class SqliteStore {
  private readonly db: Database.Database;
  private readonly collections = new Map<string, CollectionTable>();
  private lastVersion = 0;
  /** How many `atomically` calls are running, one inside another. */
  private depth = 0;
  /** Replies waiting for the open group commit; null when none is open. */
  private pendingDeliveries: ((commitError?: Error) => void)[] | null = null;
  private readonly runAtomically: (work: () => unknown) => unknown;

  constructor(
    file: string,
    private readonly indexes: IndexDeclarations,
  ) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // Lists at 100k documents scan index pages; SQLite's default 2 MiB page cache would reread them on every query.
    this.db.pragma('cache_size = -65536');
    this.db.pragma('mmap_size = 268435456');
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${collectionsTable} (name TEXT PRIMARY KEY)`);
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${shapesTable} (collection TEXT NOT NULL, path TEXT NOT NULL, shape TEXT NOT NULL, PRIMARY KEY (collection, path))`);
    this.runAtomically = this.db.transaction((work: () => unknown) => work());
    this.openCollections();
  }

  private openCollections(): void {
    this.atomically(() => {
      for (const name of this.db.prepare(`SELECT name FROM ${collectionsTable}`).pluck().all() as string[]) this.openCollection(name);
      for (const name of Object.keys(this.indexes)) if (!this.collections.has(name)) this.createCollection(name);
      // Index objects of collections or declarations that no longer exist.
      const kept = new Set([...this.collections.values()].flatMap((collection) => collection.indexObjectNames()));
      const objects = this.db.prepare(`SELECT type, name FROM sqlite_master WHERE (type = 'index' AND name GLOB 'ix:*') OR (type = 'table' AND name GLOB 'mk:*')`).all() as { type: string; name: string }[];
      for (const { type, name } of objects) if (!kept.has(name)) this.db.exec(`DROP ${type === 'table' ? 'TABLE' : 'INDEX'} IF EXISTS ${quoteIdentifier(name)}`);
    });
    this.lastVersion = Math.max(0, ...[...this.collections.values()].map((collection) => collection.maxVersion()));
  }

  private savedShapes(collection: string): Map<string, PathShape> {
    const rows = this.db.prepare(`SELECT path, shape FROM ${shapesTable} WHERE collection = ?`).all(collection) as { path: string; shape: string }[];
    return new Map(rows.map((row) => [row.path, decodeShape(row.shape)]));
  }

  private openCollection(name: string): CollectionTable {
    const table = new CollectionTable(this.db, name, this.indexes[name] ?? [], this.savedShapes(name), (collection, path, shape) => {
      this.db
        .prepare(`INSERT INTO ${shapesTable} (collection, path, shape) VALUES (?, ?, ?) ON CONFLICT (collection, path) DO UPDATE SET shape = excluded.shape`)
        .run(collection, path, encodeShape(shape));
    });
    table.ensureSchema();
    this.collections.set(name, table);
    return table;
  }

  /** A fresh version for a write: increasing across the whole file, so a re-created document never reuses one. */
  nextVersion(): number {
    return ++this.lastVersion;
  }

  collection(name: string): CollectionTable {
    const table = this.collections.get(name);
    if (!table) throw collectionNotExist(name);
    return table;
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name);
  }

  /** False when the collection already exists. */
  createCollection(name: string): boolean {
    if (this.collections.has(name)) return false;
    this.atomically(() => {
      this.db.prepare(`INSERT INTO ${collectionsTable} (name) VALUES (?)`).run(name);
      this.openCollection(name);
    });
    return true;
  }

  /**
   * Runs `work` in one SQLite transaction (a savepoint inside a group commit). When it fails, SQLite rolls back any
   * shape or side table it created, so every collection reloads those from the file.
   */
  atomically<T>(work: () => T): T {
    this.depth++;
    try {
      return this.runAtomically(work) as T;
    } catch (error) {
      if (this.depth === 1) this.reloadStates();
      throw error;
    } finally {
      this.depth--;
    }
  }

  /**
   * Group commit: runs `work` now, inside the one SQLite transaction that every request served in this turn of the
   * event loop shares, and calls `deliver` once that transaction has committed (with the commit's error if it failed).
   * A commit costs a WAL append whether it carries one request or fifty, and under load it was the largest part of a
   * write. Nothing is answered before its commit, so an answered write survives the process being killed, and a read
   * never answers with data that could still be lost.
   */
  grouped<T>(work: () => T, deliver: (outcome: { value: T } | { error: unknown }, commitError?: Error) => void): void {
    if (!this.pendingDeliveries) {
      this.db.exec('BEGIN');
      this.pendingDeliveries = [];
      setImmediate(() => this.commitGroup());
    }
    let outcome: { value: T } | { error: unknown };
    try {
      outcome = { value: work() };
    } catch (error) {
      outcome = { error };
    }
    this.pendingDeliveries.push((commitError) => deliver(outcome, commitError));
  }

  /** Commits the open group (if any) and answers its requests; also run before closing the file. */
  commitGroup(): void {
    const deliveries = this.pendingDeliveries;
    if (!deliveries) return;
    this.pendingDeliveries = null;
    let commitError: Error | undefined;
    try {
      this.db.exec('COMMIT');
    } catch (error) {
      commitError = error as Error;
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.reloadStates();
    }
    for (const deliver of deliveries) deliver(commitError);
  }

  private reloadStates(): void {
    for (const table of this.collections.values()) table.reloadState(this.savedShapes(table.name));
  }

  /** Drops every collection, then re-creates the declared ones, empty. */
  reset(): void {
    this.atomically(() => {
      const tables = this.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND (name GLOB 'c:*' OR name GLOB 'mk:*')`).pluck().all() as string[];
      for (const name of tables) this.db.exec(`DROP TABLE IF EXISTS ${quoteIdentifier(name)}`);
      this.db.exec(`DELETE FROM ${collectionsTable}; DELETE FROM ${shapesTable}`);
    });
    this.collections.clear();
    for (const name of Object.keys(this.indexes)) this.createCollection(name);
  }

  close(): void {
    this.commitGroup();
    if (this.db.open) this.db.close();
  }
}
