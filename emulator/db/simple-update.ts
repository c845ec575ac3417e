import { compare, isEqual } from 'mingo/util';
import type { Doc } from './document-codec';

const simpleOperators = new Set(['$set', '$unset', '$inc', '$mul', '$min', '$max']);

/** The parent object of a dotted path, created on the way when `create`; undefined when the path crosses a non-object. */
function parentOf(doc: Doc, segments: string[], create: boolean): Doc | undefined {
  let current: Doc = doc;
  for (const segment of segments.slice(0, -1)) {
    let next = current[segment];
    if (next === undefined && create) {
      next = {};
      current[segment] = next;
    }
    if (next === null || typeof next !== 'object' || Array.isArray(next) || next instanceof Date) return undefined;
    current = next as Doc;
  }
  return current;
}

/**
 * The field operators most writes use ($set, $unset, $inc, $mul, $min, $max) on object paths, applied directly:
 * mingo's updater rebuilds its operator context on every call, which costs more than the rest of a request.
 * Answers whether the document changed, or undefined when the update needs mingo (array operators, paths
 * through arrays or numeric segments, overlapping paths), so every edge case keeps MongoDB's rules.
 */
export function applySimpleUpdate(doc: Doc, modifier: Doc): boolean | undefined {
  const paths: string[] = [];
  for (const [operator, fields] of Object.entries(modifier)) {
    if (!simpleOperators.has(operator)) return undefined;
    for (const path of Object.keys(fields as Doc)) {
      if (path === '' || path.split('.').some((segment) => segment === '' || /^\d+$/.test(segment) || segment.startsWith('$'))) return undefined;
      paths.push(path);
    }
  }
  const sorted = [...paths].sort();
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1] || sorted[i].startsWith(`${sorted[i - 1]}.`)) return undefined;
  }
  for (const path of paths) {
    const segments = path.split('.');
    let current: unknown = doc;
    for (const segment of segments.slice(0, -1)) {
      if (current === undefined) break;
      if (current === null || typeof current !== 'object' || Array.isArray(current) || current instanceof Date) return undefined;
      current = (current as Doc)[segment];
    }
    if (current !== undefined && (current === null || typeof current !== 'object' || Array.isArray(current) || current instanceof Date)) return undefined;
  }
  let changed = false;
  for (const [operator, fields] of Object.entries(modifier)) {
    for (const [path, operand] of Object.entries(fields as Doc)) {
      const segments = path.split('.');
      const field = segments[segments.length - 1];
      const parent = parentOf(doc, segments, operator !== '$unset');
      if (!parent) continue;
      const current = parent[field];
      let next: unknown;
      switch (operator) {
        case '$unset':
          if (field in parent) {
            delete parent[field];
            changed = true;
          }
          continue;
        case '$set':
          next = operand;
          break;
        case '$inc':
          next = current === undefined ? operand : (current as number) + (operand as number);
          break;
        case '$mul':
          next = current === undefined ? 0 : (current as number) * (operand as number);
          break;
        case '$min':
          next = current === undefined || compare(operand, current) < 0 ? operand : current;
          break;
        default:
          next = current === undefined || compare(operand, current) > 0 ? operand : current;
      }
      if (current === undefined || !isEqual(current, next)) {
        parent[field] = next;
        changed = true;
      }
    }
  }
  return changed;
}
