import Database from 'better-sqlite3';
import type { IndexDeclarations, IndexSpec } from './declarations';
import { type Doc, encodeDocument } from './document-codec';
import { collectionNotExist, DatabaseError, duplicateKey } from './errors';

/** One stored document: `key` is its `_id` (see documentKey), `version` changes on every write. */
export interface StoredRow {
  key: string;
  version: number;
  text: string;
}

const metaTable = '__collections';

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A JSON path for SQLite's json functions, each segment quoted so any field name is taken literally. */
export function jsonPath(field: string): string {
  return `$${field.split('.').map((segment) => `."${segment.replace(/"/g, '\\"')}"`).join('')}`;
}

function fieldExpression(field: string): string {
  return `json_extract(data, ${quoteLiteral(jsonPath(field))})`;
}

/**
 * MongoDB (under CloudBase) indexes a missing field as null, so a unique index admits one document without the
 * field; SQLite's NULLs never collide. Unique indexes therefore key on a blob stand-in for null.
 */
function uniqueFieldExpression(field: string): string {
  return `ifnull(${fieldExpression(field)}, x'00')`;
}

/** True when the value at `field` is an array, or the path crosses an array: MongoDB's "multikey". */
function crossesArray(doc: Doc, field: string): boolean {
  let value: unknown = doc;
  for (const segment of field.split('.')) {
    if (Array.isArray(value)) return true;
    if (value === null || typeof value !== 'object') return false;
    value = (value as Doc)[segment];
  }
  return Array.isArray(value);
}

/**
 * One collection: a table of (seq, id, version, data), with each declared index as a SQLite expression index
 * over `json_extract(data, ...)`. Statements are prepared once and cached by their SQL text.
 */
export class CollectionTable {
  private readonly table: string;
  private readonly statements = new Map<string, Database.Statement>();
  /** Indexed field -> the SQL expression its index is built on. */
  private readonly indexedFields = new Map<string, string>();
  private readonly uniqueIndexes: IndexSpec[];

  constructor(
    private readonly db: Database.Database,
    readonly name: string,
    indexes: IndexSpec[],
    private readonly multikey: Record<string, boolean>,
    private readonly saveMultikey: (name: string, multikey: Record<string, boolean>) => void,
  ) {
    this.table = quoteIdentifier(`c:${name}`);
    this.uniqueIndexes = indexes.filter((index) => index.unique);
    const uniqueFields = new Set(this.uniqueIndexes.flatMap((index) => index.keys.map((key) => key.field)));
    for (const index of indexes) {
      for (const { field } of index.keys) {
        this.indexedFields.set(field, uniqueFields.has(field) ? uniqueFieldExpression(field) : fieldExpression(field));
      }
    }
  }

  /** Creates the table and its indexes when missing; learns which indexed fields already hold arrays. */
  ensureSchema(indexes: IndexSpec[]): void {
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS ${this.table} (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, version INTEGER NOT NULL, data TEXT NOT NULL)`,
    );
    for (const index of indexes) {
      const columns = index.keys.map((key) => `${this.indexedFields.get(key.field)}${key.direction === -1 ? ' DESC' : ''}`);
      const indexName = quoteIdentifier(`ix:${this.name}:${index.name}`);
      try {
        this.db.exec(`CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${indexName} ON ${this.table} (${columns.join(', ')})`);
      } catch (error) {
        throw new Error(`cannot create index ${index.name} on ${this.name}: ${(error as Error).message}`);
      }
    }
    let learned = false;
    for (const field of this.indexedFields.keys()) {
      if (field in this.multikey) continue;
      const prefixes = field.split('.').map((_, i, segments) => segments.slice(0, i + 1).join('.'));
      const test = prefixes.map((prefix) => `json_type(data, ${quoteLiteral(jsonPath(prefix))}) = 'array'`).join(' OR ');
      this.multikey[field] = Boolean(this.db.prepare(`SELECT EXISTS (SELECT 1 FROM ${this.table} WHERE ${test}) AS found`).pluck().get());
      learned = true;
    }
    if (learned) this.saveMultikey(this.name, this.multikey);
  }

  /** The SQL expression of an indexed field (undefined when no declared index has it). */
  indexExpression(field: string): string | undefined {
    return this.indexedFields.get(field);
  }

  /** Whether some document ever stored an array at (or along) this indexed field. Never reset, like MongoDB's flag. */
  isMultikey(field: string): boolean {
    return this.multikey[field] !== false;
  }

  maxVersion(): number {
    return (this.statement(`SELECT max(version) FROM ${this.table}`).pluck().get() as number | null) ?? 0;
  }

  get(key: string): StoredRow | undefined {
    return this.statement(`SELECT id AS key, version, data AS text FROM ${this.table} WHERE id = ?`).get(key) as StoredRow | undefined;
  }

  versionOf(key: string): number {
    return (this.statement(`SELECT version FROM ${this.table} WHERE id = ?`).pluck().get(key) as number | undefined) ?? 0;
  }

  /** Rows for a SQL filter and order built by the query planner; iterate to the end or break early. */
  select(where: string, params: unknown[], orderBy: string, page?: { limit: number; offset: number }): IterableIterator<StoredRow> {
    const sql = `SELECT id AS key, version, data AS text FROM ${this.table}${where ? ` WHERE ${where}` : ''}${orderBy ? ` ORDER BY ${orderBy}` : ''}${page ? ' LIMIT ? OFFSET ?' : ''}`;
    return this.statement(sql).iterate(...params, ...(page ? [page.limit, page.offset] : [])) as IterableIterator<StoredRow>;
  }

  count(where: string, params: unknown[]): number {
    return this.statement(`SELECT count(*) FROM ${this.table}${where ? ` WHERE ${where}` : ''}`).pluck().get(...params) as number;
  }

  insert(key: string, doc: Doc, text: string, version: number): void {
    this.noteArrays(doc);
    this.write(() => this.statement(`INSERT INTO ${this.table} (id, version, data) VALUES (?, ?, ?)`).run(key, version, text), doc);
  }

  replace(key: string, doc: Doc, text: string, version: number): void {
    this.noteArrays(doc);
    this.write(() => this.statement(`UPDATE ${this.table} SET version = ?, data = ? WHERE id = ?`).run(version, text, key), doc);
  }

  delete(key: string): boolean {
    return this.statement(`DELETE FROM ${this.table} WHERE id = ?`).run(key).changes > 0;
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
    const violated = this.uniqueIndexes.find((index) => message.includes(`'ix:${this.name}:${index.name}'`));
    if (!violated) return duplicateKey(this.name, '_id_', `{ _id: ${encodeDocument(doc._id)} }`);
    const key = violated.keys.map(({ field }) => `${field}: ${encodeDocument(valueAt(doc, field) ?? null)}`).join(', ');
    return duplicateKey(this.name, violated.name, `{ ${key} }`);
  }

  private noteArrays(doc: Doc): void {
    let learned = false;
    for (const field of this.indexedFields.keys()) {
      if (this.multikey[field] === false && crossesArray(doc, field)) {
        this.multikey[field] = true;
        learned = true;
      }
    }
    if (learned) this.saveMultikey(this.name, this.multikey);
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
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
 * (an OS crash may lose the last few). A meta table lists the collections and their multikey flags.
 */
export class SqliteStore {
  private readonly db: Database.Database;
  private readonly collections = new Map<string, CollectionTable>();
  private lastVersion = 0;
  private readonly runAtomically: (work: () => unknown) => unknown;

  constructor(
    file: string,
    private readonly indexes: IndexDeclarations,
  ) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${metaTable} (name TEXT PRIMARY KEY, multikey TEXT NOT NULL DEFAULT '{}')`);
    this.runAtomically = this.db.transaction((work: () => unknown) => work());
    this.openCollections();
  }

  private openCollections(): void {
    const rows = this.db.prepare(`SELECT name, multikey FROM ${metaTable}`).all() as { name: string; multikey: string }[];
    for (const row of rows) this.openCollection(row.name, JSON.parse(row.multikey) as Record<string, boolean>);
    for (const name of Object.keys(this.indexes)) {
      if (!this.collections.has(name)) this.createCollection(name);
    }
    this.lastVersion = Math.max(0, ...[...this.collections.values()].map((collection) => collection.maxVersion()));
  }

  private openCollection(name: string, multikey: Record<string, boolean>): CollectionTable {
    const indexes = this.indexes[name] ?? [];
    const table = new CollectionTable(this.db, name, indexes, multikey, (collection, flags) => {
      this.db.prepare(`UPDATE ${metaTable} SET multikey = ? WHERE name = ?`).run(JSON.stringify(flags), collection);
    });
    table.ensureSchema(indexes);
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
      this.db.prepare(`INSERT INTO ${metaTable} (name) VALUES (?)`).run(name);
      this.openCollection(name, {});
    });
    return true;
  }

  atomically<T>(work: () => T): T {
    return this.runAtomically(work) as T;
  }

  /** Drops every collection, then re-creates the declared ones, empty. */
  reset(): void {
    this.atomically(() => {
      for (const name of this.collections.keys()) this.db.exec(`DROP TABLE IF EXISTS ${quoteIdentifier(`c:${name}`)}`);
      this.db.exec(`DELETE FROM ${metaTable}`);
    });
    this.collections.clear();
    for (const name of Object.keys(this.indexes)) this.createCollection(name);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
