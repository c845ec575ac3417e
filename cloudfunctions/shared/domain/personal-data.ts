import type { MyDataResult } from '../contract/members';

/** Stored records made portable: instants as ISO strings, the rest as stored. */
export function toPortableRecord(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toPortableRecord);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, toPortableRecord(field)]));
  }
  return value;
}

/** A member's data export: every record stored about them, grouped by collection. */
export function buildMyData(recordsByCollection: Record<string, object[]>, now: Date): MyDataResult {
  return {
    exportedAt: now.toISOString(),
    collections: Object.fromEntries(
      Object.entries(recordsByCollection).map(([collection, records]) => [collection, records.map(toPortableRecord)]),
    ),
  };
}
