import dayjs from 'dayjs';
import { eventKinds } from '../../cloudfunctions/shared/contract/vocabulary';
import { EventsRepository } from '../../cloudfunctions/shared/data/events-repository';
import { planEventList } from '../../cloudfunctions/shared/domain/event-listing';
import { connect, declaredIndexes, startTestEmulator, type TestEmulator } from '../support/emulator';

/**
 * Lists must stay fast at 100k documents: SQL decides every condition it can express, reads through the declared
 * index that gives the requested order, and stops at the page's end. Medians here (2 cores, through the SDK and
 * HTTP: a get by id, almost all round trip, takes ~0.9 ms) are printed; emulator/db/README.md records them.
 */
const documentCount = 100_000;
let local: TestEmulator;
const base = Date.parse('2026-01-01T00:00:00Z');
const now = new Date();

beforeAll(async () => {
  local = await startTestEmulator({
    indexes: {
      ...declaredIndexes,
      registrations_at_scale: [
        { name: 'eventId_createdAt', keys: [{ field: 'eventId', direction: 1 }, { field: 'createdAt', direction: -1 }] },
        { name: 'orgIds', keys: [{ field: 'orgIds', direction: 1 }] },
        { name: 'orgIds_createdAt', keys: [{ field: 'orgIds', direction: 1 }, { field: 'createdAt', direction: -1 }] },
      ],
    },
  });
  const db = connect(local).database();
  const orgs = Array.from({ length: 36 }, (_, i) => `org-${i}`);
  const start = dayjs(now).subtract(1, 'year');
  for (let batch = 0; batch < documentCount / 1000; batch++) {
    const registrations = Array.from({ length: 1000 }, (_, j) => {
      const i = batch * 1000 + j;
      return { _id: `r${i}`, eventId: `e${i % 500}`, memberId: `m${i}`, status: i % 7 ? 'confirmed' : 'waitlisted', orgIds: [`o${i % 40}`], createdAt: new Date(base + i * 1000) };
    });
    // The shape of `npm run bench -- events-list`: 36 street-towns, two years, half of it past.
    const events = Array.from({ length: 1000 }, (_, j) => {
      const n = batch * 1000 + j;
      const startAt = start.add(n % 730, 'day').hour(11).toDate();
      return { _id: `ev${n}`, title: `活动 ${n}`, kind: eventKinds[n % eventKinds.length], status: 'published', hostOrgIds: [orgs[n % 36]], startAt, endAt: dayjs(startAt).add(2, 'hour').toDate() };
    });
    await db.collection('registrations_at_scale').add(registrations);
    await db.collection('events').add(events);
  }
}, 120_000);

afterAll(() => local.close());

async function medianMs(work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[3];
}

const report = (figures: Record<string, number>) => Object.entries(figures).map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join(', ');

test(`pages, counts and lookups among ${documentCount.toLocaleString('en')} registrations stay fast`, async () => {
  const db = connect(local).database();
  const _ = db.command;
  const registrations = db.collection('registrations_at_scale');
  const page = () => registrations.where({ eventId: 'e42', status: 'confirmed' }).orderBy('createdAt', 'desc').skip(20).limit(20).get();
  const { data } = await page();
  const confirmedNewestFirst = Array.from({ length: 200 }, (_, k) => 42 + 500 * (199 - k)).filter((i) => i % 7 !== 0);
  expect((data as { _id: string }[]).map((doc) => doc._id)).toEqual(confirmedNewestFirst.slice(20, 40).map((i) => `r${i}`));
  const contains = await registrations.where({ orgIds: 'o7' }).orderBy('createdAt', 'desc').limit(3).get();
  expect((contains.data as { _id: string }[]).map((doc) => doc._id)).toEqual(['r99967', 'r99927', 'r99887']);

  const figures = {
    indexedPage: await medianMs(page),
    indexedRange: await medianMs(() => registrations.where({ eventId: 'e42', createdAt: _.gte(new Date(base + 50_000_000)) }).orderBy('createdAt', 'desc').limit(20).get()),
    indexedCount: await medianMs(() => registrations.where({ eventId: 'e42' }).count()),
    byId: await medianMs(() => registrations.doc('r77777').get()),
    arrayContainsOrdered: await medianMs(() => registrations.where({ orgIds: 'o7' }).orderBy('createdAt', 'desc').limit(20).get()),
    arrayInCount: await medianMs(() => registrations.where({ orgIds: _.in(['o7', 'o8']) }).count()),
    unindexedScan: await medianMs(() => registrations.where({ memberId: 'm99999' }).get()),
  };
  console.log(`median ms at ${documentCount} registrations: ${report(figures)}`);
  expect((await registrations.where({ eventId: 'e42' }).count()).total).toBe(200);
  expect((await registrations.where({ orgIds: _.in(['o7', 'o8']) }).count()).total).toBe(5000);
  for (const name of ['indexedPage', 'indexedRange', 'indexedCount', 'byId', 'arrayContainsOrdered'] as const) expect(figures[name]).toBeLessThan(25);
  // Without an index SQLite still scans every row (though no document is parsed in JavaScript).
  expect(figures.unindexedScan).toBeGreaterThan(figures.indexedPage * 5);
});

test(`every events.list filter the app sends answers a page among ${documentCount.toLocaleString('en')} events fast`, async () => {
  const events = new EventsRepository(connect(local).database());
  const filters = {
    fromNow: {},
    organisation: { orgId: 'org-1' },
    kind: { kind: 'study' as const },
    days: { from: dayjs(now).add(30, 'day').format('YYYY-MM-DD'), to: dayjs(now).add(60, 'day').format('YYYY-MM-DD') },
    organisationAndKindPage2: { orgId: 'org-21', kind: 'service' as const, page: 2 },
  };
  const figures: Record<string, number> = {};
  for (const [name, filter] of Object.entries(filters)) {
    const query = planEventList({ page: 1, pageSize: 20, ...filter }, now);
    const page = await events.list(query);
    expect(page).toHaveLength(21);
    expect(page.every((event) => event.endAt >= (query.endsFrom ?? event.endAt))).toBe(true);
    expect(page.map((event) => event.startAt.getTime())).toEqual(page.map((event) => event.startAt.getTime()).sort((a, b) => a - b));
    figures[name] = await medianMs(() => events.list(query));
  }
  console.log(`median ms of events.list's query at ${documentCount} events: ${report(figures)}`);
  for (const ms of Object.values(figures)) expect(ms).toBeLessThan(25);
});
