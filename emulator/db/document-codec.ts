import { randomBytes } from 'node:crypto';
import { BSONRegExp, EJSON } from 'bson';
import { invalidParam } from './errors';

export type Doc = Record<string, unknown>;

/**
 * Parses an EJSON string as the SDK sends it (canonical EJSON: `{"$numberInt":"1"}`, `{"$date":...}`) into
 * plain values: numbers, Dates, RegExps. `db.serverDate({ offset })` arrives as `{"$tcb_server_date":{"offset":N}}`
 * and becomes the emulator's clock plus the offset, in inserts, updates and queries alike.
 */
export function parseWireEJSON(text: unknown, what: string, now: number): unknown {
  if (typeof text !== 'string') throw invalidParam(`${what} must be an EJSON string`);
  try {
    return fromWire(JSON.parse(text), now);
  } catch (error) {
    throw invalidParam(`${what} is not valid EJSON: ${(error as Error).message}`);
  }
}

/** Keys that make an object an EJSON-encoded value (bson's codecs) rather than a document or a query operator. */
const wireTypeKeys = new Set([
  '$oid', '$binary', '$uuid', '$symbol', '$numberInt', '$numberDecimal', '$numberDouble', '$numberLong', '$minKey', '$maxKey',
  '$regex', '$regularExpression', '$timestamp', '$date', '$code', '$ref', '$dbPointer', '$undefined',
]);

/**
 * Decodes parsed JSON in place. The SDK's three common encodings (`$numberInt`, `$numberDouble` and an ISO `$date`)
 * are read here; any other encoded value goes through bson's EJSON parser, so every value decodes as bson decodes it.
 * Walking plain JSON once is what keeps this off the profile: bson's parser revives every value it meets.
 */
function fromWire(value: unknown, now: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = fromWire(value[i], now);
    return value;
  }
  const record = value as Doc;
  const keys = Object.keys(record);
  let encoded = false;
  for (const key of keys) {
    if (key.includes('\0')) throw new Error(`field names cannot contain null bytes, found: ${JSON.stringify(key)}`);
    if (key.charCodeAt(0) === 36 && wireTypeKeys.has(key)) encoded = true;
  }
  if (encoded) return fromEncoded(record, keys, now);
  for (const key of keys) record[key] = fromWire(record[key], now);
  if (keys.length === 1 && keys[0] === '$tcb_server_date') {
    const offset = (record.$tcb_server_date as { offset?: unknown } | null)?.offset;
    return new Date(now + (typeof offset === 'number' && Number.isFinite(offset) ? offset : 0));
  }
  return record;
}

function fromEncoded(record: Doc, keys: string[], now: number): unknown {
  if (keys.length === 1) {
    const [key] = keys;
    const value = record[key];
    if (typeof value === 'string') {
      if (key === '$numberInt') return parseInt(value, 10);
      if (key === '$numberDouble') return parseFloat(value);
      if (key === '$date') return new Date(Date.parse(value));
    }
    // The SDK sends every date as {"$date":{"$numberLong":"<ms>"}}; up to 15 digits the number is exact.
    const millis = key === '$date' ? (value as { $numberLong?: unknown } | null)?.$numberLong : undefined;
    if (typeof millis === 'string' && /^-?\d{1,15}$/.test(millis) && Object.keys(value as Doc).length === 1) return new Date(Number(millis));
  }
  return resolveWireValues(EJSON.parse(JSON.stringify(record), { relaxed: true }), now);
}

function resolveWireValues(value: unknown, now: number): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Date || value instanceof RegExp) return value;
  if (value instanceof BSONRegExp) return toRegExp(value);
  if (Array.isArray(value)) return value.map((item) => resolveWireValues(item, now));
  if ('_bsontype' in value) return value;
  const record = value as Doc;
  const serverDate = record.$tcb_server_date;
  if (serverDate !== undefined && Object.keys(record).length === 1) {
    const offset = (serverDate as { offset?: unknown } | null)?.offset;
    return new Date(now + (typeof offset === 'number' && Number.isFinite(offset) ? offset : 0));
  }
  const resolved: Doc = {};
  for (const key of Object.keys(record)) resolved[key] = resolveWireValues(record[key], now);
  return resolved;
}

function toRegExp(value: BSONRegExp): RegExp {
  // JavaScript knows i, m, s and u; MongoDB's x (extended) has no equivalent and is dropped.
  const flags = [...new Set(value.options.split(''))].filter((flag) => 'imsu'.includes(flag)).join('');
  try {
    return new RegExp(value.pattern, flags);
  } catch (error) {
    throw invalidParam(`invalid regular expression /${value.pattern}/: ${(error as Error).message}`);
  }
}

/**
 * Documents are stored as relaxed-EJSON text: plain JSON numbers and strings, dates as `{"$date":"<ISO>"}`
 * for every year 0-9999 (relaxed EJSON itself switches to `$numberLong` before 1970). A fixed-width ISO
 * string keeps `json_extract` results of dates in time order, which the SQL push-down relies on. The same
 * text is a valid reply item: the SDK parses it with `EJSON.parse`.
 */
export function encodeDocument(value: unknown): string {
  return JSON.stringify(toStorable(value));
}

function toStorable(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return { $numberDouble: String(value) };
    if (typeof value === 'bigint') return { $numberLong: value.toString() };
    return value;
  }
  if (value instanceof Date) return { $date: storedDateText(value) };
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : toStorable(item)));
  if (value instanceof RegExp || '_bsontype' in value) return EJSON.serialize(value, { relaxed: true });
  const record = value as Doc;
  const stored: Doc = {};
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (item !== undefined) stored[key] = toStorable(item);
  }
  return stored;
}

/** The stored form of a date; also what the query push-down compares dates with. */
export function storedDateText(date: Date): string | { $numberLong: string } {
  const time = date.getTime();
  if (Number.isNaN(time)) throw invalidParam('invalid date');
  const year = date.getUTCFullYear();
  return year >= 0 && year <= 9999 ? date.toISOString() : { $numberLong: String(time) };
}

export function decodeDocument(text: string): Doc {
  const parsed = JSON.parse(text) as Doc;
  return text.includes('{"$') ? (fromStored(parsed) as Doc) : parsed;
}

function fromStored(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = fromStored(value[i]);
    return value;
  }
  const record = value as Doc;
  const keys = Object.keys(record);
  if (keys.length > 0 && keys[0].startsWith('$')) {
    if (keys.length === 1 && keys[0] === '$date' && typeof record.$date === 'string') return new Date(record.$date);
    return EJSON.deserialize(record, { relaxed: true });
  }
  for (const key of keys) record[key] = fromStored(record[key]);
  return record;
}

/** 32 hex characters like CloudBase's ids; a leading timestamp keeps ids of one second near each other. */
export function generateDocumentId(): string {
  const seconds = Math.floor(Date.now() / 1000).toString(16).padStart(8, '0');
  return seconds + randomBytes(12).toString('hex');
}

/** The primary key of a document: its `_id` when a string, otherwise a tagged canonical form. */
export function documentKey(id: unknown): string {
  return typeof id === 'string' ? id : `\u0000${encodeDocument(id)}`;
}
