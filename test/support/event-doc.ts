import type { EventDoc } from '../../cloudfunctions/shared/data/documents';
import { openingLedger } from '../../cloudfunctions/shared/domain/seat-ledger';

const hour = 3600 * 1000;
const day = 24 * hour;

/**
 * A published event of the general association, open for sign-up since a day before `now`, starting five days
 * after it unless told otherwise: the one shape tests, end-to-end tests and benchmarks write straight into the
 * database. The seat ledger follows `capacity`.
 */
export function openEventDoc(now: Date, fields: Partial<EventDoc> & Pick<EventDoc, '_id' | 'title'>): EventDoc {
  const capacity = fields.capacity ?? 10;
  const startAt = fields.startAt ?? new Date(now.getTime() + 5 * day);
  return {
    kind: 'forum',
    status: 'published',
    orgId: 'org-general',
    coHostOrgIds: [],
    hostOrgIds: ['org-general'],
    hosts: [{ id: 'org-general', name: '浦东新区新的社会阶层人士联谊会' }],
    description: '',
    venue: { name: '新联会客厅', address: '浦东新区世纪大道 100 号' },
    startAt,
    endAt: new Date(startAt.getTime() + 3 * hour),
    signupOpensAt: new Date(now.getTime() - day),
    signupClosesAt: new Date(startAt.getTime() - day),
    cancellationDeadline: new Date(startAt.getTime() - 2 * day),
    capacity,
    requiresApproval: false,
    membersOnly: false,
    team: null,
    waitlistMode: 'auto',
    offerHours: 24,
    questions: [],
    schedule: [],
    createdBy: 'm-chen-siyuan',
    createdAt: now,
    updatedAt: now,
    ...openingLedger(capacity),
    ...fields,
  };
}
