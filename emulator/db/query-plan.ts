import { type Doc, storedDateText } from './document-codec';
import { type CollectionTable, jsonPath } from './sqlite-store';

/**
 * What SQL can decide of a MongoDB-style filter. `clauses` select a superset of the matching rows; when
 * `exact`, they select exactly the matching rows and the filter need not be evaluated again in JavaScript.
 */
export interface SqlFilter {
  clauses: string[];
  params: unknown[];
  exact: boolean;
}

export type SortSpec = [field: string, direction: 1 | -1][];

interface SqlOperand {
  value: unknown;
  /** Equality on this value in SQL means equality in MongoDB (strings: yes; numbers also match booleans). */
  exactEquality: boolean;
}

/**
 * Turns the SQL-comparable part of a value into a parameter: json_extract yields numbers, text, 1/0 for
 * booleans and the stored JSON text for objects, where dates read `{"$date":"<ISO>"}`.
 */
function sqlOperand(value: unknown): SqlOperand | undefined {
  if (typeof value === 'string') return { value, exactEquality: true };
  if (typeof value === 'number' && Number.isFinite(value)) return { value, exactEquality: false };
  if (typeof value === 'boolean') return { value: value ? 1 : 0, exactEquality: false };
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const text = storedDateText(value);
    return typeof text === 'string' ? { value: JSON.stringify({ $date: text }), exactEquality: false } : undefined;
  }
  return undefined;
}

function isOperatorObject(value: unknown): value is Doc {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Date || value instanceof RegExp) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => key.startsWith('$'));
}

const rangeOperators: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

/**
 * Pushes equality, `$in` and range conditions on `_id` and on declared-index fields down to SQL, through the
 * same expressions the indexes are built on, so SQLite answers from the index. Top-level fields and `$and`
 * branches only; `$or`, `$nor`, negations, regexes and the like are left to mingo. A field that holds
 * arrays ("contains" semantics) is matched with `json_each` when it is a top-level field: that scans the
 * collection inside SQLite, but no document is parsed in JavaScript that cannot match.
 */
export function pushDownFilter(table: CollectionTable, filter: Doc): SqlFilter {
  const result: SqlFilter = { clauses: [], params: [], exact: true };
  const visit = (conditions: Doc) => {
    for (const [field, condition] of Object.entries(conditions)) {
      if (field === '$and' && Array.isArray(condition)) {
        for (const branch of condition) {
          if (branch !== null && typeof branch === 'object' && !Array.isArray(branch)) visit(branch as Doc);
          else result.exact = false;
        }
      } else if (field.startsWith('$') || !pushDownField(table, field, condition, result)) {
        result.exact = false;
      }
    }
  };
  visit(filter);
  return result;
}

/** Adds the clauses for one field; answers whether they decide the whole condition exactly. */
function pushDownField(table: CollectionTable, field: string, condition: unknown, out: SqlFilter): boolean {
  const isId = field === '_id';
  const expression = isId ? 'id' : table.indexExpression(field);
  if (!expression) return false;
  const multikey = !isId && table.isMultikey(field);
  if (multikey && field.includes('.')) return false;
  const operators = isOperatorObject(condition) ? condition : { $eq: condition };
  let exact = true;
  for (const [operator, operand] of Object.entries(operators)) {
    if (operator === '$eq') {
      exact = pushDownEquality(expression, field, operand, isId, multikey, out) && exact;
    } else if (operator === '$in' && Array.isArray(operand)) {
      exact = pushDownIn(expression, field, operand, isId, multikey, out) && exact;
    } else if (operator in rangeOperators && !multikey) {
      const sql = sqlOperand(operand);
      if (sql && (!isId || typeof operand === 'string')) {
        out.clauses.push(`${expression} ${rangeOperators[operator]} ?`);
        out.params.push(sql.value);
      }
      // SQL compares across types (numbers < text); MongoDB only within one, so mingo still decides.
      exact = false;
    } else {
      exact = false;
    }
  }
  return exact;
}

function eachValueClause(field: string, test: string): string {
  return `EXISTS (SELECT 1 FROM json_each(data, '${jsonPath(field).replace(/'/g, "''")}') WHERE value ${test})`;
}

function pushDownEquality(expression: string, field: string, operand: unknown, isId: boolean, multikey: boolean, out: SqlFilter): boolean {
  if (isId) {
    if (typeof operand !== 'string') return false;
    out.clauses.push('id = ?');
    out.params.push(operand);
    return true;
  }
  if (operand === null && !multikey && !expression.startsWith('ifnull(')) {
    out.clauses.push(`${expression} IS NULL`);
    return false;
  }
  const sql = sqlOperand(operand);
  if (!sql) return false;
  if (multikey) {
    // json_each sees dates as their inner ISO text; only plain scalars are matched this way.
    if (operand instanceof Date) return false;
    out.clauses.push(eachValueClause(field, '= ?'));
    out.params.push(sql.value);
    return false;
  }
  out.clauses.push(`${expression} = ?`);
  out.params.push(sql.value);
  return sql.exactEquality;
}

function pushDownIn(expression: string, field: string, operands: unknown[], isId: boolean, multikey: boolean, out: SqlFilter): boolean {
  if (operands.length === 0) {
    out.clauses.push('0');
    return true;
  }
  if (isId) {
    if (!operands.every((operand) => typeof operand === 'string')) return false;
    out.clauses.push(`id IN (${operands.map(() => '?').join(', ')})`);
    out.params.push(...operands);
    return true;
  }
  const sql = operands.map((operand) => (operand instanceof Date && multikey ? undefined : sqlOperand(operand)));
  if (sql.some((operand) => operand === undefined)) return false;
  const placeholders = sql.map(() => '?').join(', ');
  out.clauses.push(multikey ? eachValueClause(field, `IN (${placeholders})`) : `${expression} IN (${placeholders})`);
  out.params.push(...sql.map((operand) => operand!.value));
  return !multikey && sql.every((operand) => operand!.exactEquality);
}

/**
 * An ORDER BY that yields MongoDB's order, or undefined when only an in-memory sort can: every sort field must
 * be `_id` or a declared-index field that never held an array (MongoDB sorts arrays by their extreme element).
 * Within one type SQLite's order is MongoDB's (numbers, binary UTF-8 strings, dates as fixed-width ISO text,
 * missing and null first); a field mixing types sorts numbers < strings < dates here, as in MongoDB, but
 * booleans among numbers.
 */
export function sqlOrderBy(table: CollectionTable, sort: SortSpec): string | undefined {
  const terms: string[] = [];
  for (const [field, direction] of sort) {
    const expression = field === '_id' ? 'id' : table.indexExpression(field);
    if (!expression || expression.startsWith('ifnull(') || (field !== '_id' && table.isMultikey(field))) return undefined;
    terms.push(`${expression}${direction === -1 ? ' DESC' : ''}`);
  }
  return terms.join(', ');
}
