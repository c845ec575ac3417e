import { type Doc, storedDateText } from './document-codec';
import { type PathShape, sortsInSql, type ValueKind } from './path-shapes';
import { type CollectionTable, quoteLiteral, jsonPath, type TableIndex } from './sqlite-store';

export type SortSpec = [field: string, direction: 1 | -1][];

/** A statement over the collection's rows (`key, version, text`, or a count) and what it decides. */
export interface QueryPlan {
  sql: string;
  params: unknown[];
  /** The SQL selects exactly the documents the filter matches; otherwise a superset that mingo must test. */
  exact: boolean;
  /** Rows come in the requested order; otherwise the caller sorts in memory. */
  sorted: boolean;
  /** LIMIT and OFFSET are in the SQL: only when it is exact and sorted. */
  paged: boolean;
}

/**
 * A query value SQL can compare: its kind and the parameter json_extract results are compared with. `slot` is its
 * place among the filter's operands, which is how a cached plan finds its parameters in another filter of the same form.
 */
interface Operand {
  kind: 'string' | 'number' | 'boolean' | 'date' | 'null';
  value: string | number | null;
  slot: number;
}

/** A statement parameter as rendered: an operand of the filter, or a value of the statement itself. */
type Param = Operand | string | number | null;

type Comparison = 'eq' | 'gt' | 'gte' | 'lt' | 'lte';

/** A filter as a tree of conditions SQL may express; `opaque` is anything only mingo decides. */
type Condition =
  | { type: 'and' | 'or' | 'nor'; children: Condition[] }
  | { type: 'not'; child: Condition }
  | { type: 'compare'; field: string; op: Comparison; operand: Operand }
  | { type: 'in'; field: string; operands: Operand[] }
  | { type: 'exists'; field: string; exists: boolean }
  | { type: 'opaque' };

const comparisons: Record<string, Comparison> = { $eq: 'eq', $gt: 'gt', $gte: 'gte', $lt: 'lt', $lte: 'lte' };
const sqlComparisons: Record<Comparison, string> = { eq: '=', gt: '>', gte: '>=', lt: '<', lte: '<=' };

/** Dates are stored as `{"$date":"<ISO>"}`; these bound every such text and nothing that is not one. */
const dateTextLow = '{"$date":"';
const dateTextHigh = '{"$date":"~';

/** The operands of one filter in the order parsing meets them. */
type Operands = Operand[];

function operandOf(value: unknown, operands: Operands): Operand | undefined {
  const operand = comparable(value, operands.length);
  if (operand) operands.push(operand);
  return operand;
}

function comparable(value: unknown, slot: number): Operand | undefined {
  if (value === null) return { kind: 'null', value: null, slot };
  if (typeof value === 'string') return { kind: 'string', value, slot };
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value, slot } : undefined;
  if (typeof value === 'boolean') return { kind: 'boolean', value: value ? 1 : 0, slot };
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const text = storedDateText(value);
    return typeof text === 'string' ? { kind: 'date', value: JSON.stringify({ $date: text }), slot } : undefined;
  }
  return undefined;
}

function isParamOperand(param: Param): param is Operand {
  return param !== null && typeof param === 'object';
}

function isPlainObject(value: unknown): value is Doc {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof RegExp) && !('_bsontype' in value);
}

function isOperatorObject(value: unknown): value is Doc {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => key.startsWith('$'));
}

const opaque: Condition = { type: 'opaque' };

function parseFilter(filter: Doc, operands: Operands): Condition {
  const children: Condition[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' || key === '$or' || key === '$nor') {
      if (!Array.isArray(value) || value.length === 0 || !value.every(isPlainObject)) children.push(opaque);
      else children.push({ type: key.slice(1) as 'and' | 'or' | 'nor', children: value.map((branch) => parseFilter(branch, operands)) });
    } else if (key.startsWith('$')) {
      children.push(opaque);
    } else {
      children.push(parseField(key, value, operands));
    }
  }
  return { type: 'and', children };
}

function parseField(field: string, condition: unknown, operands: Operands): Condition {
  if (!isOperatorObject(condition)) return parseOperator(field, '$eq', condition, operands);
  return { type: 'and', children: Object.entries(condition).map(([operator, operand]) => parseOperator(field, operator, operand, operands)) };
}

function parseOperator(field: string, operator: string, operand: unknown, operands: Operands): Condition {
  const op = comparisons[operator];
  if (op) {
    const value = operandOf(operand, operands);
    // Ranges against null have their own rules for missing fields; mingo keeps deciding them.
    if (!value || (value.kind === 'null' && op !== 'eq')) return opaque;
    return { type: 'compare', field, op, operand: value };
  }
  switch (operator) {
    case '$ne':
      return { type: 'not', child: parseOperator(field, '$eq', operand, operands) };
    case '$in':
    case '$nin': {
      const list = Array.isArray(operand) ? operand.map((item) => operandOf(item, operands)) : [undefined];
      if (list.some((value) => value === undefined)) return opaque;
      const inList: Condition = { type: 'in', field, operands: list as Operand[] };
      return operator === '$in' ? inList : { type: 'not', child: inList };
    }
    case '$exists':
      return typeof operand === 'boolean' ? { type: 'exists', field, exists: operand } : opaque;
    case '$not':
      return isOperatorObject(operand) ? { type: 'not', child: parseField(field, operand, operands) } : opaque;
    default:
      return opaque;
  }
}

/**
 * What planning reads of an operand: its kind, and for the two kinds whose equality may need a type check, whether
 * the value could be mistaken for another kind (text that looks like JSON, a number that equals a boolean).
 */
function operandClass(operand: Operand): string {
  switch (operand.kind) {
    case 'string':
      return /^[[{]/.test(operand.value as string) ? 'json-like-string' : 'string';
    case 'number':
      return operand.value === 0 || operand.value === 1 ? 'boolean-like-number' : 'number';
    default:
      return operand.kind;
  }
}

/** Everything about a parsed filter that planning depends on, with operands reduced to their class. */
function conditionForm(condition: Condition): string {
  switch (condition.type) {
    case 'and':
    case 'or':
    case 'nor':
      return `${condition.type}(${condition.children.map(conditionForm).join(',')})`;
    case 'not':
      return `not(${conditionForm(condition.child)})`;
    case 'compare':
      return `${condition.op}${JSON.stringify(condition.field)}:${operandClass(condition.operand)}`;
    case 'in':
      return `in${JSON.stringify(condition.field)}[${condition.operands.map(operandClass).join(',')}]`;
    case 'exists':
      return `exists${JSON.stringify(condition.field)}:${condition.exists}`;
    case 'opaque':
      return 'opaque';
  }
}

/** One conjunct of the WHERE clause. `rank` orders them: index columns first, then row values, then type checks. */
interface Term {
  sql: string;
  params: Param[];
  rank: number;
}

/** A condition in SQL: `terms` are ANDed (none = always true); `exact` when they decide it alone. */
interface Rendered {
  terms: Term[];
  exact: boolean;
}

const rankIndexed = 0;
const rankRow = 1;
const rankCheck = 2;

function conjunction(terms: Term[]): Term {
  if (terms.length === 1) return terms[0];
  return { sql: terms.map((term) => `(${term.sql})`).join(' AND '), params: terms.flatMap((term) => term.params), rank: Math.max(...terms.map((term) => term.rank)) };
}

const never: Rendered = { terms: [{ sql: '0', params: [], rank: rankIndexed }], exact: true };

/**
 * What SQL can say about one comparison on a stored value (`value`, its `json_type` in `type`) given the kinds the
 * path has held: value terms that an index can answer, and the type check MongoDB's comparison rules need (a
 * comparison only matches values of its own type; json_extract gives booleans as 0/1 and objects as JSON text).
 * Undefined when SQL cannot decide it exactly.
 */
function comparisonSql(value: string, type: string, kinds: Set<ValueKind>, op: Comparison, operand: Operand): { values: string[]; params: Param[]; check?: string } | undefined {
  const has = (...wanted: ValueKind[]) => wanted.some((kind) => kinds.has(kind));
  const compare = `${value} ${sqlComparisons[op]} ?`;
  const ascending = op === 'gt' || op === 'gte';
  switch (operand.kind) {
    case 'null':
      return { values: [`${value} IS NULL`], params: [] };
    case 'string': {
      const text = operand.value as string;
      const needsCheck = op === 'eq'
        ? /^[[{]/.test(text) && has('object', 'date', 'special', 'array')
        : ascending ? has('object', 'date', 'special', 'array') : has('number', 'boolean', 'object', 'date', 'special', 'array');
      return { values: [compare], params: [operand], check: needsCheck ? `${type} = 'text'` : undefined };
    }
    case 'number': {
      if (kinds.has('special')) return undefined;
      const number = operand.value as number;
      const needsCheck = op === 'eq' ? has('boolean') && (number === 0 || number === 1) : ascending ? has('boolean', 'string', 'date', 'object', 'array') : has('boolean');
      return { values: [compare], params: [operand], check: needsCheck ? `${type} IN ('integer', 'real')` : undefined };
    }
    case 'boolean': {
      const needsCheck = op === 'eq' ? has('number') : [...kinds].some((kind) => kind !== 'boolean' && kind !== 'null');
      return { values: [compare], params: [operand], check: needsCheck ? `${type} IN ('true', 'false')` : undefined };
    }
    case 'date': {
      if (op !== 'eq' && kinds.has('special')) return undefined;
      const check = has('string') ? `${type} = 'object'` : undefined;
      // Other kinds whose json_extract value falls on the same side are kept out by a bound an index can check.
      if (op === 'eq' || !(ascending ? has('string', 'object', 'array') : has('number', 'boolean', 'string', 'object', 'array'))) {
        return { values: [compare], params: [operand], check };
      }
      const bound = ascending ? `${value} < ?` : `${value} >= ?`;
      return { values: [compare, bound], params: [operand, ascending ? dateTextHigh : dateTextLow], check };
    }
  }
}

/** A declared index the planner may read through, with how far it serves the query. */
interface AccessPath {
  index: TableIndex;
  /** Leading keys fixed by an equality. */
  equalities: number;
  /** The keys after those give the requested order. */
  ordered: boolean;
  /** The next key has a range condition. */
  ranged: boolean;
  /** Filtered fields among the keys: conditions SQLite checks in the index, before reading a row. */
  covered: number;
}

/**
 * Plans a read: which declared index to go through, the WHERE clause, the ORDER BY, LIMIT and OFFSET. Every
 * condition SQL can decide exactly on any field is pushed down (equality, `$in`, `$nin`, `$ne`, ranges, `$exists`,
 * `$not`, `$and`, `$or`, `$nor`), with MongoDB's rules: a comparison matches only values of its own type, `null`
 * matches missing too, a field holding arrays matches when any element does. What the stored shapes make
 * uncertain, and operators SQL lacks, are left to mingo.
 */
export function planQuery(table: CollectionTable, filter: Doc, sort: SortSpec, page?: { limit: number | undefined; skip: number }): QueryPlan {
  return cachedPlan(table, filter, sort, page, false);
}

export function planCount(table: CollectionTable, filter: Doc): QueryPlan {
  return cachedPlan(table, filter, [], undefined, true);
}

/** Where a plan's parameter comes from: an operand of the filter (by slot), the page's offset, or the plan itself. */
type ParamSource = { slot: number } | { page: 'skip' } | { fixed: Param };

/** A plan for every filter of one form; valid while the collection's shapes and index storage stay as they were. */
interface PlanTemplate extends Omit<QueryPlan, 'params'> {
  params: ParamSource[];
  generation: number;
}

/** Filters vary without end ($in lists of any length); keeping every form would grow without bound. */
const maxTemplatesPerCollection = 500;
const templatesByTable = new WeakMap<CollectionTable, Map<string, PlanTemplate>>();

/**
 * Planning costs more than running the statement it makes, and an action sends the same few filter forms over and
 * over with other values; so a plan is made once per form (structure, fields, operand classes, order, paging) and
 * the next filter of that form only supplies its operands.
 */
function cachedPlan(table: CollectionTable, filter: Doc, sort: SortSpec, page: { limit: number | undefined; skip: number } | undefined, count: boolean): QueryPlan {
  const operands: Operands = [];
  const condition = parseFilter(filter, operands);
  // The limit is written into the SQL (one template per limit; CloudBase's limits are 1..1000): SQLite re-plans a
  // statement whose LIMIT is a bound parameter each time it runs, which made an indexed lookup ~3x slower.
  const limit = !count && page?.limit !== undefined && Number.isSafeInteger(page.limit) && page.limit >= 0 ? page.limit : undefined;
  const form = `${count ? 'count' : limit !== undefined ? `page ${limit}` : 'all'}|${JSON.stringify(sort)}|${conditionForm(condition)}`;
  let templates = templatesByTable.get(table);
  if (!templates) {
    templates = new Map();
    templatesByTable.set(table, templates);
  }
  let template = templates.get(form);
  if (!template || template.generation !== table.generation) {
    const planned = new Planner(table, condition, sort).plan(limit, count);
    template = { ...planned, generation: table.generation };
    if (templates.size >= maxTemplatesPerCollection) templates.clear();
    templates.set(form, template);
  }
  const params = template.params.map((source) => {
    if ('slot' in source) return operands[source.slot].value;
    if ('page' in source) return page!.skip;
    return source.fixed;
  });
  return { sql: template.sql, params, exact: template.exact, sorted: template.sorted, paged: template.paged };
}

class Planner {
  /** Top-level equalities and ranges by field, which decide the access path. */
  private readonly equalities = new Map<string, Operand>();
  private readonly ranged = new Set<string>();
  private readonly filtered = new Set<string>();
  private readonly indexes: TableIndex[];
  private access: AccessPath | undefined;
  /** The top-level equality the side table's k0 answers in a multikey plan. */
  private sideEquality: Condition | undefined;

  constructor(
    private readonly table: CollectionTable,
    private readonly condition: Condition,
    private readonly sort: SortSpec,
  ) {
    this.indexes = table.indexes();
    for (const condition of this.conjuncts(this.condition)) {
      if (condition.type !== 'compare' && condition.type !== 'in') continue;
      this.filtered.add(condition.field);
      if (condition.type === 'compare' && condition.op === 'eq') {
        if (!this.equalities.has(condition.field)) this.equalities.set(condition.field, condition.operand);
      } else if (this.seekableRange(condition)) {
        this.ranged.add(condition.field);
      }
    }
  }

  /** Whether a range or `$in` renders a plain `key op ?` / `key IN (...)` term that an index on the field can seek. */
  private seekableRange(condition: Condition & { type: 'compare' | 'in' }): boolean {
    if (condition.field === '_id') return true;
    const shape = this.scalarShape(condition.field);
    const operands = condition.type === 'in' ? condition.operands : [condition.operand];
    const op = condition.type === 'in' ? 'eq' : condition.op;
    return shape !== undefined && operands.length > 0 && operands.every((operand) => operand.kind !== 'null' && comparisonSql('v', 't', shape.values, op, operand) !== undefined);
  }

  plan(limit: number | undefined, count: boolean): Omit<PlanTemplate, 'generation'> {
    this.access = this.chooseAccessPath(count);
    const multikey = this.access?.index.storage === 'multikey' ? this.access.index : undefined;
    if (multikey) {
      const first = multikey.spec.keys[0].field;
      this.sideEquality = this.conjuncts(this.condition).find((condition) => condition.type === 'compare' && condition.op === 'eq' && condition.field === first);
    }
    const rendered = this.render(this.condition, true);
    const terms = [...rendered.terms].sort((a, b) => a.rank - b.rank);
    const orderBy = count ? [] : this.orderBy();
    const sorted = orderBy !== undefined;
    // An `_id` equality finds at most one row, which JavaScript pages for free.
    const paged = !count && rendered.exact && sorted && limit !== undefined && !this.equalities.has('_id');
    const from = multikey
      ? `${multikey.sqlName} AS m CROSS JOIN ${this.table.sqlName} AS c ON c.id = m.id`
      : `${this.table.sqlName} AS c${this.access ? ` INDEXED BY ${this.access.index.sqlName}` : ''}`;
    const sql = [
      `SELECT ${count ? 'count(*)' : 'c.id AS key, c.version, c.data AS text'} FROM ${from}`,
      terms.length ? ` WHERE ${terms.length === 1 ? terms[0].sql : terms.map((term) => `(${term.sql})`).join(' AND ')}` : '',
      orderBy?.length ? ` ORDER BY ${orderBy.join(', ')}` : '',
      paged ? ` LIMIT ${limit} OFFSET ?` : '',
    ].join('');
    const params: ParamSource[] = [
      ...terms.flatMap((term) => term.params.map((param) => (isParamOperand(param) ? { slot: param.slot } : { fixed: param }))),
      ...(paged ? [{ page: 'skip' as const }] : []),
    ];
    return { sql, params, exact: rendered.exact, sorted, paged };
  }

  /** The conditions ANDed at the top of the filter, through nested `$and`s. */
  private conjuncts(condition: Condition): Condition[] {
    return condition.type === 'and' ? condition.children.flatMap((child) => this.conjuncts(child)) : [condition];
  }

  /** A field SQL can address as one value per document: tracked, and no array on its path. */
  private scalarShape(field: string): PathShape | undefined {
    const shape = this.table.shape(field);
    return shape && !shape.values.has('array') && !this.table.arrayAbove(field) ? shape : undefined;
  }

  private sortable(field: string): boolean {
    if (field === '_id') return true;
    const shape = this.scalarShape(field);
    return shape !== undefined && sortsInSql(shape);
  }

  /** Whether an equality on `field` renders as `key = ?` (or IS NULL) that an index on the field can seek. */
  private seekableEquality(field: string, operand: Operand | undefined): boolean {
    if (!operand) return false;
    if (field === '_id') return operand.kind === 'string';
    const shape = this.scalarShape(field);
    return shape !== undefined && comparisonSql('v', 't', shape.values, 'eq', operand) !== undefined;
  }

  /** Whether an equality on an array field is answered by a side table's k0 alone (no type check needed). */
  private sideSeekable(field: string, operand: Operand | undefined): boolean {
    const shape = this.table.shape(field);
    if (!operand || operand.kind === 'null' || !shape || this.table.arrayAbove(field)) return false;
    // Side-table rows hold scalar values and elements (nested arrays as JSON text), never a whole array.
    const kinds = new Set([...shape.values, ...shape.elements].filter((kind) => kind !== 'array' || shape.elements.has('array')));
    const sql = comparisonSql('v', 't', kinds, 'eq', operand);
    return sql !== undefined && sql.check === undefined;
  }

  /**
   * The declared index that serves this query best, MongoDB's way: most leading keys fixed by equalities, then
   * one that yields the requested order (so reading stops at the page's end), then a range on the next key, then
   * the most filtered fields checked inside the index. None when the filter names an `_id` (its own index wins) or
   * no index helps.
   */
  private chooseAccessPath(count: boolean): AccessPath | undefined {
    if (this.equalities.has('_id') || this.ranged.has('_id')) return undefined;
    const wantsOrder = !count && this.sort.length > 0;
    const candidates: AccessPath[] = [];
    for (const index of this.indexes) {
      const keys = index.spec.keys;
      const multikey = index.storage === 'multikey';
      if (multikey && !this.sideSeekable(keys[0].field, this.equalities.get(keys[0].field))) continue;
      const usable = (i: number) => (multikey && i === 0) || keys[i].field === '_id' || this.scalarShape(keys[i].field) !== undefined;
      let equalities = multikey ? 1 : 0;
      while (equalities < keys.length && usable(equalities) && this.seekableEquality(keys[equalities].field, this.equalities.get(keys[equalities].field))) equalities++;
      const order = this.sort.filter(([field]) => !this.isFixed(field));
      let ordered = order.length > 0 && order.length <= keys.length - equalities;
      for (let i = 0; ordered && i < order.length; i++) {
        const key = keys[equalities + i];
        const [field, direction] = order[i];
        ordered = key.field === field && usable(equalities + i) && this.sortable(field) && !this.table.isUniqueField(field)
          && (direction === key.direction) === (order[0][1] === keys[equalities].direction);
      }
      const ranged = equalities < keys.length && usable(equalities) && this.ranged.has(keys[equalities].field);
      const covered = keys.filter((key, i) => usable(i) && this.filtered.has(key.field)).length;
      if (equalities > 0 || ranged || (wantsOrder && ordered)) candidates.push({ index, equalities, ordered: wantsOrder && ordered, ranged, covered });
    }
    const rank = (path: AccessPath) => [path.equalities, Number(path.ordered), Number(path.ranged), path.covered];
    return candidates.reduce<AccessPath | undefined>((best, candidate) => {
      if (!best) return candidate;
      const [a, b] = [rank(candidate), rank(best)];
      const i = a.findIndex((value, j) => value !== b[j]);
      return i >= 0 && a[i] > b[i] ? candidate : best;
    }, undefined);
  }

  /** A field every match holds the same value in (an equality on a field without arrays): it cannot change the order. */
  private isFixed(field: string): boolean {
    return field !== '_id' && this.seekableEquality(field, this.equalities.get(field));
  }

  /** ORDER BY terms, or undefined when SQL cannot give MongoDB's order (the caller sorts in memory). */
  private orderBy(): string[] | undefined {
    const terms: string[] = [];
    for (const [field, direction] of this.sort) {
      if (!this.sortable(field)) return undefined;
      if (this.isFixed(field)) continue;
      // A unique index keys missing values as a blob that sorts last; the plain value sorts them first, as MongoDB does.
      const expression = field !== '_id' && this.table.isUniqueField(field) && !this.sideColumn(field)
        ? `json_extract(c.data, ${quoteLiteral(jsonPath(field))})`
        : this.valueExpression(field);
      terms.push(`${expression}${direction === -1 ? ' DESC' : ''}`);
    }
    return terms;
  }

  /** In a multikey plan, the side-table column that holds `field` (k1.. for the index's other keys). */
  private sideColumn(field: string): string | undefined {
    if (this.access?.index.storage !== 'multikey') return undefined;
    const position = this.access.index.spec.keys.findIndex((key, i) => i > 0 && key.field === field);
    if (position > 0) return `m.k${position}`;
    return field === '_id' ? 'm.id' : undefined;
  }

  private valueExpression(field: string): string {
    return this.sideColumn(field) ?? this.table.keyExpression(field);
  }

  /** Index columns of the chosen access path are read without touching the row. */
  private valueRank(field: string): number {
    if (this.sideColumn(field)) return rankIndexed;
    const indexes = this.access ? [this.access.index] : this.indexes.filter((index) => index.storage === 'expression');
    return indexes.some((index) => index.spec.keys.some((key) => key.field === field)) ? rankIndexed : rankRow;
  }

  private render(condition: Condition, topLevel = false): Rendered {
    switch (condition.type) {
      case 'and': {
        const parts = condition.children.map((child) => this.render(child, topLevel));
        return { terms: parts.flatMap((part) => part.terms), exact: parts.every((part) => part.exact) };
      }
      case 'or': {
        const parts = condition.children.map((child) => this.render(child));
        if (parts.some((part) => part.terms.length === 0)) return { terms: [], exact: parts.some((part) => part.terms.length === 0 && part.exact) };
        const sql = parts.map((part) => `(${conjunction(part.terms).sql})`).join(' OR ');
        return { terms: [{ sql, params: parts.flatMap((part) => conjunction(part.terms).params), rank: rankCheck }], exact: parts.every((part) => part.exact) };
      }
      case 'nor':
        return this.negate({ type: 'or', children: condition.children });
      case 'not':
        return this.negate(condition.child);
      case 'compare':
        if (topLevel && condition === this.sideEquality) return { terms: [{ sql: 'm.k0 = ?', params: [condition.operand], rank: rankIndexed }], exact: true };
        return this.renderField(condition.field, [condition.operand], condition.op);
      case 'in':
        if (condition.operands.length === 0) return never;
        return this.renderField(condition.field, condition.operands, 'eq');
      case 'exists':
        return this.renderExists(condition.field, condition.exists);
      case 'opaque':
        return { terms: [], exact: false };
    }
  }

  /** NOT of an exact condition; SQL's NULL (a comparison with a missing value) counts as false inside. */
  private negate(condition: Condition): Rendered {
    const inner = this.render(condition);
    if (!inner.exact) return { terms: [], exact: false };
    if (inner.terms.length === 0) return never;
    const { sql, params } = conjunction(inner.terms);
    return { terms: [{ sql: `NOT coalesce(${sql}, 0)`, params, rank: rankCheck }], exact: true };
  }

  private renderExists(field: string, exists: boolean): Rendered {
    if (field === '_id') return exists ? { terms: [], exact: true } : never;
    if (!this.table.shape(field) || this.table.arrayAbove(field)) return { terms: [], exact: false };
    return { terms: [{ sql: `json_type(c.data, ${quoteLiteral(jsonPath(field))}) IS ${exists ? 'NOT ' : ''}NULL`, params: [], rank: rankCheck }], exact: true };
  }

  /** `field op operand`, or with several operands `field $in operands` (op is then eq). */
  private renderField(field: string, operands: Operand[], op: Comparison): Rendered {
    if (field === '_id') return this.renderId(operands, op);
    const shape = this.table.shape(field);
    if (!shape || this.table.arrayAbove(field)) return { terms: [], exact: false };
    const path = quoteLiteral(jsonPath(field));
    const type = `json_type(c.data, ${path})`;
    if (!shape.values.has('array')) {
      const value = this.valueExpression(field);
      return this.renderValues(value, type, shape.values, operands, op, this.valueRank(field), this.table.isUniqueField(field) && !this.sideColumn(field));
    }
    const side = this.indexes.find((index) => index.storage === 'multikey' && index.spec.keys[0].field === field);
    if (side && operands.every((operand) => this.sideSeekable(field, operand)) && op === 'eq') {
      const placeholders = operands.map(() => '?').join(', ');
      return { terms: [{ sql: `c.id IN (SELECT id FROM ${side.sqlName} WHERE k0 IN (${placeholders}))`, params: operands, rank: rankRow }], exact: true };
    }
    // MongoDB matches an array when the array itself or any element does: the value branch, then the elements.
    const scalar = this.renderValues(`json_extract(c.data, ${path})`, type, shape.values, operands, op, rankRow, false);
    const elements = this.renderValues('e.value', 'e.type', shape.elements, operands, op, rankRow, false);
    if (!scalar.exact || !elements.exact) return { terms: [], exact: false };
    const inElements = elements.terms.length ? conjunction(elements.terms) : { sql: '1', params: [] };
    const scalarSql = scalar.terms.length ? conjunction(scalar.terms) : { sql: '1', params: [] };
    return {
      terms: [{
        sql: `(${scalarSql.sql}) OR (${type} = 'array' AND EXISTS (SELECT 1 FROM json_each(c.data, ${path}) AS e WHERE ${inElements.sql}))`,
        params: [...scalarSql.params, ...inElements.params],
        rank: rankCheck,
      }],
      exact: true,
    };
  }

  /** Comparisons of one value expression: value terms first (an index can answer them), type checks last. */
  private renderValues(value: string, type: string, kinds: Set<ValueKind>, operands: Operand[], op: Comparison, rank: number, nullAsBlob: boolean): Rendered {
    const nullTest: Term = { sql: nullAsBlob ? `${value} = x'00'` : `${value} IS NULL`, params: [], rank };
    const values = operands.filter((operand) => operand.kind !== 'null');
    const hasNull = values.length < operands.length;
    if (values.length === 0) return { terms: [nullTest], exact: true };
    if (operands.length === 1) {
      const sql = comparisonSql(value, type, kinds, op, values[0]);
      if (!sql) return { terms: [], exact: false };
      const terms: Term[] = sql.values.map((text, i) => ({ sql: text, params: [sql.params[i]], rank }));
      if (sql.check) terms.push({ sql: sql.check, params: [], rank: rankCheck });
      return { terms, exact: true };
    }
    // $in: one `IN (...)` over every value, which an index can answer, then the type check each kind needs.
    const list = (members: Operand[]): Term => ({ sql: `${value} IN (${members.map(() => '?').join(', ')})`, params: members, rank });
    const groups: { members: Operand[]; check?: string }[] = [];
    for (const kind of new Set(values.map((operand) => operand.kind))) {
      const members = values.filter((operand) => operand.kind === kind);
      const sql = members.map((member) => comparisonSql(value, type, kinds, 'eq', member));
      if (sql.some((part) => part === undefined)) return { terms: [], exact: false };
      groups.push({ members, check: sql.find((part) => part!.check)?.check });
    }
    if (groups.length === 1 && !hasNull) {
      const [{ members, check }] = groups;
      return { terms: check ? [list(members), { sql: check, params: [], rank: rankCheck }] : [list(members)], exact: true };
    }
    const branches = groups.map(({ members, check }) => (check ? conjunction([list(members), { sql: check, params: [], rank: rankCheck }]) : list(members)));
    const either = conjunction([{ sql: [...branches, ...(hasNull ? [nullTest] : [])].map((branch) => `(${branch.sql})`).join(' OR '), params: [...branches, ...(hasNull ? [nullTest] : [])].flatMap((branch) => branch.params), rank: rankCheck }]);
    return { terms: hasNull ? [either] : [list(values), either], exact: true };
  }

  /**
   * `_id` is the `id` column (string ids as they are). An operand of another type matches nothing while every
   * stored id is a string; otherwise non-string ids are left to mingo.
   */
  private renderId(allOperands: Operand[], op: Comparison): Rendered {
    let operands = allOperands;
    if (!operands.every((operand) => operand.kind === 'string')) {
      const ids = this.table.shape('_id');
      if (!ids || [...ids.values].some((kind) => kind !== 'string')) return { terms: [], exact: false };
      operands = operands.filter((operand) => operand.kind === 'string');
      if (operands.length === 0) return never;
    }
    const column = this.valueExpression('_id');
    if (operands.length > 1) return { terms: [{ sql: `${column} IN (${operands.map(() => '?').join(', ')})`, params: operands, rank: rankIndexed }], exact: true };
    const terms: Term[] = [{ sql: `${column} ${sqlComparisons[op]} ?`, params: [operands[0]], rank: rankIndexed }];
    // Keys of non-string ids start with U+0000 and sort before every string id.
    if (op === 'lt' || op === 'lte') terms.push({ sql: `substr(${column}, 1, 1) <> char(0)`, params: [], rank: rankIndexed });
    return { terms, exact: true };
  }
}
