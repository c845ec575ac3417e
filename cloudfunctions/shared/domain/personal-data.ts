import type { MyDataResult } from '../contract/members';
import type { RegistrationDoc } from '../data/documents';

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

/** A team entry counts its members by id; in its captain's export the team is theirs, the other members' ids are not. */
export function ownRegistrationRecord(row: RegistrationDoc): object {
  if (!row.team) return row;
  const { memberIds: _memberIds, ...team } = row.team;
  return { ...row, team };
}
