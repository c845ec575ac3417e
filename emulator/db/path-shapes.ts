import { type Doc, storedDateText } from './document-codec';

/**
 * The kinds of stored value SQL tells apart. `date` is a date stored as ISO text (years 0-9999); `special` is
 * any other EJSON value (NaN, Infinity, 64-bit integers, other dates, regexes, BSON types), which SQL cannot
 * compare the way MongoDB does.
 */
export type ValueKind = 'number' | 'string' | 'boolean' | 'null' | 'date' | 'object' | 'special' | 'array';

/**
 * What one field path has held in any document since it was first tracked: the kinds of its values and, where
 * it held arrays, of their elements. Kinds are only ever added, like MongoDB's multikey flag, so a shape read
 * before a query is still true of every document the query sees.
 */
export interface PathShape {
  values: Set<ValueKind>;
  elements: Set<ValueKind>;
}

export function emptyShape(): PathShape {
  return { values: new Set(), elements: new Set() };
}

export function encodeShape(shape: PathShape): string {
  return JSON.stringify({ values: [...shape.values].sort(), elements: [...shape.elements].sort() });
}

export function decodeShape(text: string): PathShape {
  const parsed = JSON.parse(text) as { values: ValueKind[]; elements: ValueKind[] };
  return { values: new Set(parsed.values), elements: new Set(parsed.elements) };
}

/** Whether a path can be tracked and queried through SQLite's JSON paths: plain field names only. */
export function isTrackablePath(path: string): boolean {
  return path.split('.').every((segment) => segment !== '' && !segment.startsWith('$') && !/["\\]/.test(segment));
}

/** `a.b.c` -> `a`, `a.b` (the paths an array could hide behind). */
export function properPrefixes(path: string): string[] {
  const segments = path.split('.');
  return segments.slice(0, -1).map((_, i) => segments.slice(0, i + 1).join('.'));
}

/** The kind a value is stored as (undefined = missing), matching `sqlKindExpression` on the stored JSON. */
export function kindOf(value: unknown): ValueKind | undefined {
  if (value === undefined) return undefined;
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'number':
      return Number.isFinite(value) ? 'number' : 'special';
    case 'object':
      break;
    default:
      return 'special';
  }
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return !Number.isNaN(value.getTime()) && typeof storedDateText(value) === 'string' ? 'date' : 'special';
  if (value instanceof RegExp || '_bsontype' in (value as object)) return 'special';
  return 'object';
}

/** Plain objects are what a JSON path walks through; dates and EJSON values are leaves. */
function isTraversable(value: unknown): value is Doc {
  return kindOf(value) === 'object';
}

/** Adds what `doc` holds at `path` to `shape`; answers whether the shape grew. */
export function noteShape(shape: PathShape, doc: Doc, path: string): boolean {
  let value: unknown = doc;
  for (const segment of path.split('.')) {
    if (!isTraversable(value)) return false;
    value = value[segment];
  }
  const kind = kindOf(value);
  if (kind === undefined) return false;
  let grew = add(shape.values, kind);
  if (kind === 'array') for (const element of value as unknown[]) grew = add(shape.elements, kindOf(element) ?? 'null') || grew;
  return grew;
}

function add(kinds: Set<ValueKind>, kind: ValueKind): boolean {
  if (kinds.has(kind)) return false;
  kinds.add(kind);
  return true;
}

/**
 * The kind of a stored JSON value from its `json_type` and its `json_extract` / `json_each` value, in SQL: the
 * same answer `kindOf` gives for the decoded value. Dates and EJSON values are objects whose text starts `{"$`.
 */
export function sqlKindExpression(type: string, value: string): string {
  return `CASE ${type} WHEN 'integer' THEN 'number' WHEN 'real' THEN 'number' WHEN 'text' THEN 'string' WHEN 'true' THEN 'boolean' `
    + `WHEN 'false' THEN 'boolean' WHEN 'null' THEN 'null' WHEN 'array' THEN 'array' WHEN 'object' THEN `
    + `CASE WHEN ${value} GLOB '{"$date":"*' THEN 'date' WHEN ${value} GLOB '{"$*' THEN 'special' ELSE 'object' END END`;
}

/**
 * MongoDB sorts across types (null < numbers < strings < objects < arrays < booleans < dates); SQLite sorts
 * `json_extract` values as NULL < numbers (booleans as 0/1) < text (strings, dates and objects as JSON text).
 * The two orders agree exactly when a path holds at most these kinds, besides null and missing.
 */
const sqlSortableKindSets: ValueKind[][] = [['number', 'string'], ['number', 'date'], ['boolean']];

export function sortsInSql(shape: PathShape): boolean {
  const kinds = [...shape.values].filter((kind) => kind !== 'null');
  return sqlSortableKindSets.some((allowed) => kinds.every((kind) => allowed.includes(kind)));
}
