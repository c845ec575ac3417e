import tcb from '@cloudbase/node-sdk';
import { privacyNoticeVersion } from '../../cloudfunctions/shared/contract/vocabulary';
import { collections, type MemberDoc } from '../../cloudfunctions/shared/data/documents';
import { newMemberRecord } from '../../cloudfunctions/shared/domain/membership';
import { seedClubs } from './clubs';
import { buildDemoEvents } from './events';
import { buildOrgTree } from './org-tree';
import { demoPeople, personaOpenId } from './people';
import { seedPledge } from './pledge';
import { buildCrowd, seedRegistrations } from './registrations';
import { seedSalonRecap } from './salon-recap';
import type { CloudConfig } from '../../cloudfunctions/shared/runtime';

const seedMarker = { collection: 'meta', id: 'demo-seed' };

/** The whole demo data set for a given moment: events sit at dates relative to it. */
export function buildDemoData(now: Date) {
  const orgs = buildOrgTree();
  const people: MemberDoc[] = demoPeople.map((person) => ({
    _id: person.id,
    ...newMemberRecord(person.persona ? personaOpenId(person.id) : `demo-openid-${person.id}`, privacyNoticeVersion, now),
    profile: { name: person.name, mobile: person.mobile, sector: person.sector, employer: person.employer, title: person.title },
    orgIds: person.orgIds,
    roles: person.role ? [person.role] : [],
  }));
  const members = [...people, ...buildCrowd(now)];
  for (const org of orgs) org.memberCount = members.filter((member) => member.orgIds.includes(org._id)).length;
  const events = buildDemoEvents(now, orgs, 'm-chen-siyuan');
  return { orgs, members, events };
}

/**
 * Writes the demo data through the CloudBase SDK, as any admin script pointed at `/admin` would.
 * Idempotent: a marker document says the seed is complete; without it every document is (re)set by id,
 * so a seed interrupted half-way finishes on the next start.
 */
export async function seedDemoData(cloud: CloudConfig, now = new Date()): Promise<boolean> {
  const app = tcb.init({ ...cloud });
  const db = app.database();
  const existing = await db.collection(seedMarker.collection).doc(seedMarker.id).get().catch(() => ({ data: [] }));
  if (Array.isArray(existing.data) && existing.data.length > 0) return false;
  for (const name of [...Object.values(collections), seedMarker.collection]) {
    await db.createCollection(name).catch(() => undefined);
  }
  const { orgs, members, events } = buildDemoData(now);
  const writes: [string, { _id: string }][] = [
    ...orgs.map((doc): [string, { _id: string }] => [collections.orgs, doc]),
    ...members.map((doc): [string, { _id: string }] => [collections.members, doc]),
    ...events.map((doc): [string, { _id: string }] => [collections.events, doc]),
  ];
  for (const [collection, { _id, ...fields }] of writes) {
    await db.collection(collection).doc(_id).set(fields);
  }
  await seedPledge(app, now);
  await seedRegistrations(app, cloud, now);
  await seedSalonRecap(cloud, now);
  await seedClubs(app, cloud, now);
  await db.collection(seedMarker.collection).doc(seedMarker.id).set({ seededAt: now });
  return true;
}
