import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import tcb from '@cloudbase/node-sdk';
import ExcelJS from 'exceljs';
import type { CounterCheck, MyRegistration, RegistrationExport, Reply } from '../cloudfunctions/shared/contract';
import { collections, type EventDoc, type RegistrationDoc } from '../cloudfunctions/shared/data/documents';
import { openEventDoc } from '../test/support/event-doc';
import { issueTokenForOpenId } from '../emulator/host/dev-sign-in';
import { localSettings } from '../emulator/settings';
import { startLocalHost } from '../test/support/local-host';
import { percentile, report, roundTripsPerCall, runLoad } from './support/http-load';
import { readyMember } from './support/members';

/**
 * A sign-up burst: 5,000 distinct members each sign up once for one 600-seat event over the local host's HTTP
 * API, 50 connections at a time. It must end with exactly 600 seated and 4,400 waiting, in arrival order.
 *
 * The burst meets a warm host, as a popular event's opening meets a host that has been serving for hours: first
 * 2,000 other members sign up for another event (seated and waiting alike), which compiles the code paths the burst
 * takes. The cold host's first thousand sign-ups run at about half speed; `signup.cold_*` reports that first burst.
 * `signup.host_cpu_ms` is the host's CPU (all its threads) per sign-up over the burst: the two cores it shares with
 * the load generator cap the burst near 2,000 / host_cpu_ms sign-ups/s, and when the machine runs slow the same code
 * shows a higher figure. `XINLIAN_BENCH_CPU_PROF=<dir>` writes a CPU profile of the host process there (open it in
 * Chrome DevTools).
 */
const members = 5_000;
const capacity = 600;
const concurrency = 50;
const eventId = 'ev-bench-signup';
const warmUp = { members: 2_000, capacity: 300, eventId: 'ev-bench-warm-up' };
const hostOrgId = 'org-street-lujiazui';
/** A demo persona who organizes the host organisation, for the counter check. */
const organizerPersona = 'm-li-huimin';

type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;

export async function benchSignup(): Promise<void> {
  const settings = localSettings(process.env);
  const host = await withHostProfile(process.env.XINLIAN_BENCH_CPU_PROF, () => startLocalHost({ args: ['--no-app-build'] }));
  try {
    const app = tcb.init({ env: settings.env, secretId: settings.secretId, secretKey: settings.secretKey, serviceUrl: `${host.url}/admin`, timeout: 60_000 });
    const db = app.database();
    const openIds = await seedMembers(db, 'bench', members);
    const warmUpOpenIds = await seedMembers(db, 'warm', warmUp.members);
    await db.collection(collections.events).add([openEvent(new Date(), eventId, capacity), openEvent(new Date(), warmUp.eventId, warmUp.capacity)]);

    const signups = (forEvent: string, ids: string[]) => ids.map((openId, n) => ({
      path: '/api/events',
      body: { action: 'signup', data: { eventId: forEvent, requestId: `${forEvent}-${n}-${randomBytes(4).toString('hex')}`, contact: { name: `会员${n}`, mobile: mobileOf(n) }, answers: {} } },
      token: issueTokenForOpenId(openId, settings.secretKey),
    }));
    const cold = await runLoad(host.url, signups(warmUp.eventId, warmUpOpenIds), concurrency);
    if (cold.errors) throw new Error(`signup bench: ${cold.errors} warm-up sign-ups failed, first: ${JSON.stringify(cold.replies.find((reply) => !(reply as Reply<unknown>).ok))}`);
    report('signup.cold_per_s', (warmUp.members / cold.elapsedMs) * 1000);
    report('signup.cold_p99_ms', percentile(cold.latenciesMs, 99));
    const cpuBefore = host.cpuSeconds();
    const burst = await runLoad(host.url, signups(eventId, openIds), concurrency);
    const cpuAfter = host.cpuSeconds();
    // The host writes its per-call log lines right after the turn that logged them.
    await new Promise((resolve) => setTimeout(resolve, 200));

    const replies = burst.replies as Reply<MyRegistration>[];
    const { data: events } = await db.collection(collections.events).doc(eventId).get();
    const event = (events as EventDoc[])[0];
    const rows = await rowsByArrival(db);
    const active = rows.filter((row) => row.state === 'active' && row.arrival !== null);
    const seatedRows = active.filter((row) => row.arrival! <= event.admitThrough).length;
    const waitingRows = active.length - seatedRows;
    report('signup.confirmed', seatedRows);
    report('signup.waitlisted', waitingRows);
    report('signup.errors', burst.errors);
    report('signup.per_s', (members / burst.elapsedMs) * 1000);
    report('signup.p50_ms', percentile(burst.latenciesMs, 50));
    report('signup.p99_ms', percentile(burst.latenciesMs, 99));
    report('signup.db_round_trips', roundTripsPerCall(host.output(), 'events.signup'));
    if (cpuBefore !== null && cpuAfter !== null) report('signup.host_cpu_ms', ((cpuAfter - cpuBefore) * 1000) / members);

    const problems = [
      ...(seatedRows === capacity ? [] : [`${seatedRows} rows seated, expected ${capacity}`]),
      ...(waitingRows === members - capacity ? [] : [`${waitingRows} rows waiting, expected ${members - capacity}`]),
      ...(burst.errors === 0 ? [] : [`${burst.errors} sign-ups failed, first: ${JSON.stringify(replies.find((reply) => !reply.ok))}`]),
      ...arrivalProblems(event, rows, replies),
      ...(await counterProblems(host.url)),
      ...(await exportProblems(host.url)),
    ];
    if (problems.length) throw new Error(`signup bench failed:\n- ${problems.join('\n- ')}`);
  } finally {
    await host.stop();
  }
}

async function seedMembers(db: Db, prefix: string, count: number): Promise<string[]> {
  const now = new Date();
  const docs = Array.from({ length: count }, (_, n) =>
    readyMember({ _id: `m-${prefix}-${n}`, openId: `openid-${prefix}-${n}`, name: `会员${n}`, mobile: mobileOf(n), employer: '张江科技', orgIds: ['org-street-huamu'] }, now));
  // The emulator takes up to 1,000 documents per insert, like CloudBase.
  for (let start = 0; start < docs.length; start += 1000) await db.collection(collections.members).add(docs.slice(start, start + 1000));
  return docs.map((doc) => doc.openId!);
}

function openEvent(now: Date, id: string, seats: number): EventDoc {
  return openEventDoc(now, {
    _id: id,
    title: '滨江定向赛（报名压测）',
    kind: 'sports',
    orgId: hostOrgId,
    hostOrgIds: [hostOrgId],
    hosts: [{ id: hostOrgId, name: '陆家嘴街道新联会' }],
    venue: { name: '滨江大道', address: '浦东新区滨江大道' },
    capacity: seats,
    createdBy: 'bench',
  });
}

function mobileOf(n: number): string {
  return `139${String(n).padStart(8, '0')}`;
}

/** The event's registrations in sign-up number order, read a page (CloudBase's 1,000-row cap) at a time. */
async function rowsByArrival(db: Db): Promise<RegistrationDoc[]> {
  const rows: RegistrationDoc[] = [];
  for (;;) {
    const { data } = await db.collection(collections.registrations).where({ eventId }).orderBy('arrival', 'asc').skip(rows.length).limit(1000).get();
    rows.push(...(data as RegistrationDoc[]));
    if (data.length < 1000) return rows;
  }
}

/**
 * Sign-up numbers 1..5,000 went to one member each, the first 600 hold the seats, and each member was told what
 * their row says: confirmed, or waitlisted with their place in arrival order.
 */
function arrivalProblems(event: EventDoc, rows: RegistrationDoc[], replies: Reply<MyRegistration>[]): string[] {
  const problems: string[] = [];
  if (event.arrivals !== members || event.admitThrough !== capacity) problems.push(`event ledger arrivals=${event.arrivals} admitThrough=${event.admitThrough}`);
  if (rows.length !== members || rows.some((row, i) => row.arrival !== i + 1)) problems.push(`sign-up numbers are not 1..${members}, one row each`);
  const arrivalOf = new Map(rows.map((row) => [row.memberId, row.arrival ?? 0]));
  const misinformed = replies.filter((reply, n) => {
    if (!reply.ok) return false;
    const arrival = arrivalOf.get(`m-bench-${n}`) ?? 0;
    return arrival <= capacity
      ? reply.data.status !== 'confirmed' || reply.data.waitlistPosition !== null
      : reply.data.status !== 'waitlisted' || reply.data.waitlistPosition !== arrival - capacity;
  }).length;
  if (misinformed) problems.push(`${misinformed} replies disagree with the member's row`);
  return problems;
}

/** One action as the organizer persona, over the host's HTTP API. */
async function asOrganizer<T>(url: string, fn: 'events' | 'reports', action: string, data: unknown): Promise<Reply<T>> {
  const session = await fetch(`${url}/dev/session`, { method: 'POST', body: JSON.stringify({ persona: organizerPersona }) });
  const { token } = (await session.json()) as { token: string };
  const answer = await fetch(`${url}/api/${fn}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ action, data }),
  });
  return (await answer.json()) as Reply<T>;
}

/** The organizer's counter check: the event's counters against a recount of the rows. */
async function counterProblems(url: string): Promise<string[]> {
  const reply = await asOrganizer<CounterCheck>(url, 'events', 'checkCounters', { eventId });
  if (!reply.ok) return [`checkCounters answered ${reply.code}`];
  const { consistent, repairedSlots, stored } = reply.data;
  const expected = { seatsTaken: capacity, waitlistCount: members - capacity, openOffers: 0, pendingCount: 0 };
  return [
    ...(consistent && repairedSlots === 0 ? [] : [`counter check found differences: ${JSON.stringify(reply.data)}`]),
    ...(isDeepStrictEqual(stored, expected) ? [] : [`event counters ${JSON.stringify(stored)}, expected ${JSON.stringify(expected)}`]),
  ];
}

/**
 * The organizer exports the 5,000 registrations as Excel: `signup.export_ms` is the call (reading every row and
 * member, writing the workbook, storing it), `signup.export_kib` the file; the file must list everyone.
 */
async function exportProblems(url: string): Promise<string[]> {
  const started = performance.now();
  const reply = await asOrganizer<RegistrationExport>(url, 'reports', 'exportRegistrations', { eventId });
  const elapsedMs = performance.now() - started;
  if (!reply.ok) return [`exportRegistrations answered ${reply.code}`];
  const bytes = Buffer.from(await (await fetch(reply.data.url)).arrayBuffer());
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const listed = workbook.getWorksheet('报名名单')!.rowCount - 1;
  report('signup.export_ms', elapsedMs);
  report('signup.export_kib', bytes.length / 1024);
  return listed === members && reply.data.people === members ? [] : [`the export lists ${listed} rows (says ${reply.data.people}), expected ${members}`];
}

/** Starts the host with the profiler preloaded (see support/host-cpu-profile.cjs) without profiling this process. */
async function withHostProfile<T>(profileDir: string | undefined, start: () => Promise<T>): Promise<T> {
  if (!profileDir) return start();
  const before = { options: process.env.NODE_OPTIONS, dir: process.env.XINLIAN_HOST_CPU_PROF };
  process.env.NODE_OPTIONS = `${before.options ?? ''} --require ${path.join(__dirname, 'support', 'host-cpu-profile.cjs')}`.trim();
  process.env.XINLIAN_HOST_CPU_PROF = path.resolve(profileDir);
  try {
    return await start();
  } finally {
    restoreEnv('NODE_OPTIONS', before.options);
    restoreEnv('XINLIAN_HOST_CPU_PROF', before.dir);
  }
}

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
