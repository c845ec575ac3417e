import { randomBytes } from 'node:crypto';
import tcb from '@cloudbase/node-sdk';
import type { CheckinCounter, MyRegistration, Reply, ScanResult, TicketView } from '../cloudfunctions/shared/contract';
import { checkCode, deriveSecret, makeCode, parseCode } from '../cloudfunctions/shared/contract/ticket-code';
import { collections, type EventDoc, type RegistrationDoc } from '../cloudfunctions/shared/data/documents';
import { openEventDoc } from '../test/support/event-doc';
import { issueTokenForOpenId } from '../emulator/host/dev-sign-in';
import { localSettings } from '../emulator/settings';
import { startLocalHost } from '../test/support/local-host';
import { loggedCalls, mean } from './support/host-log';
import { percentile, report, runLoad, type LoadResult } from './support/http-load';
import { readyMember } from './support/members';

/**
 * Check-in at a 600-person gate, over the local host's HTTP API. 600 members sign up (events.signup) for two events
 * of one organisation and open their tickets (checkin.ticket); an organizer assigns 4 stewards to both.
 * - gate: the 600 tickets dealt to the 4 stewards, each scanned once, as at a real entrance. Gives the server-side
 *   redeem time (the `<ms>ms` of the host's log line: the function's own time, HTTP excluded) and the database round
 *   trips per redeem (the emulator's count per call).
 * - race: each steward scans all 600 tickets, every steward in an order of its own, all 4 at once: 2,400 scans that
 *   must check exactly 600 people in, once each.
 * Plus the on-device check of one code (what a steward's phone does offline), timed in this process.
 */
const attendees = 600;
const stewards = 4;
const signupConcurrency = 50;
const gateEventId = 'ev-bench-checkin-gate';
const raceEventId = 'ev-bench-checkin-race';
const hostOrgId = 'org-street-lujiazui';
/** A demo persona who organizes the host organisation: assigns the stewards. */
const organizerPersona = 'm-li-huimin';
const verifiedCodes = 50_000;
const hour = 3600 * 1000;

type Database = ReturnType<ReturnType<typeof tcb.init>['database']>;

interface ScanPass {
  /** Per steward, the tickets in the order scanned, the nonces sent and what the host answered. */
  tickets: TicketView[][];
  nonces: string[][];
  loads: LoadResult[];
  /** The host's log lines of this pass's redeems. */
  logged: ReturnType<typeof loggedCalls>;
}

export async function benchCheckin(): Promise<void> {
  report('checkin.verify_ms', verifyMsPerCode().toPrecision(2));

  const settings = localSettings(process.env);
  const host = await startLocalHost({ args: ['--no-app-build'] });
  try {
    const app = tcb.init({ env: settings.env, secretId: settings.secretId, secretKey: settings.secretKey, serviceUrl: `${host.url}/admin`, timeout: 60_000 });
    const db = app.database();
    const { attendeeOpenIds, stewardOpenIds } = await seedMembers(db);
    const now = new Date();
    await db.collection(collections.events).add([benchEvent(gateEventId, '滨江定向赛（检票压测）', now), benchEvent(raceEventId, '滨江定向赛（重复扫码压测）', now)]);
    const tokenOf = (openId: string) => issueTokenForOpenId(openId, settings.secretKey);
    const gateTickets = await confirmedTickets(host.url, gateEventId, attendeeOpenIds, tokenOf);
    const raceTickets = await confirmedTickets(host.url, raceEventId, attendeeOpenIds, tokenOf);
    const team = stewardOpenIds.map(tokenOf);
    await assignStewards(host.url, [gateEventId, raceEventId], stewardOpenIds.map(memberIdOfOpenId));

    const gate = await scanPass(host, gateEventId, team, team.map((_, k) => gateTickets.filter((__, n) => n % stewards === k)));
    const gateAccepted = answers(gate).filter(({ reply }) => reply.ok && reply.data.accepted).length;
    report('checkin.p95_ms', percentile(gate.logged.map((call) => call.ms), 95));
    report('checkin.client_p95_ms', percentile(gate.loads.flatMap((load) => load.latenciesMs), 95));
    report('checkin.db_round_trips', mean(gate.logged.map((call) => call.roundTrips)));

    const race = await scanPass(host, raceEventId, team, raceOrders(raceTickets));
    const raceAnswers = answers(race);
    const acceptedAnswers = raceAnswers.filter(({ reply }) => reply.ok && reply.data.accepted);
    const acceptedTickets = new Set(acceptedAnswers.map(({ ticket }) => ticket.ticketId));
    const rows = await registrationsOf(db, raceEventId);
    const checkedInRows = rows.filter((row) => row.checkin);
    report('checkin.accepted', acceptedAnswers.length);
    // Accepted answers beyond the first for a ticket: a person counted twice.
    const doubleCounted = acceptedAnswers.length - acceptedTickets.size;
    report('checkin.double_counted', doubleCounted);
    report('checkin.checked_in_rows', checkedInRows.length);
    report('checkin.race_scans', raceAnswers.length);
    report('checkin.race_p95_ms', percentile(race.logged.map((call) => call.ms), 95));

    const problems = [
      ...(gateAccepted === attendees && gate.logged.length === attendees ? [] : [`gate: ${gateAccepted} of ${attendees} first scans accepted, ${gate.logged.length} logged`]),
      ...(acceptedAnswers.length === attendees && doubleCounted === 0 ? [] : [`race: ${acceptedAnswers.length} scans accepted (${doubleCounted} double counted), expected ${attendees} once each`]),
      ...(checkedInRows.length === attendees && rows.length === attendees ? [] : [`race: ${checkedInRows.length} of ${rows.length} registrations checked in, expected ${attendees}`]),
      ...raceProblems(race, rows),
      ...(await counterProblems(host.url, team[0])),
      ...(await scanLogProblems(db, stewards * attendees - attendees)),
    ];
    if (problems.length) throw new Error(`checkin bench failed:\n- ${problems.join('\n- ')}`);
  } finally {
    await host.stop();
  }
}

/** A steward's phone checking a scanned code offline: parse it, then its mac and time step against the ticket's secret. */
function verifyMsPerCode(): number {
  const serverKey = randomBytes(16).toString('hex');
  const tickets = Array.from({ length: attendees }, (_, n) => {
    const ticketId = `${raceEventId}_${memberIdOf(n)}`;
    return { ticketId, secret: deriveSecret(serverKey, 'ticket', ticketId) };
  });
  const secretOf = new Map(tickets.map((ticket) => [ticket.ticketId, ticket.secret]));
  const now = Date.now();
  const codes = Array.from({ length: verifiedCodes }, (_, i) => makeCode('ticket', tickets[i % attendees].ticketId, tickets[i % attendees].secret, now));
  let valid = 0;
  const started = performance.now();
  for (const text of codes) {
    const code = parseCode(text);
    if (code && checkCode(code, secretOf.get(code.id) ?? '', now) === 'valid') valid++;
  }
  const elapsed = performance.now() - started;
  if (valid !== verifiedCodes) throw new Error(`checkin bench: ${valid} of ${verifiedCodes} codes verified`);
  return elapsed / verifiedCodes;
}

function memberIdOf(n: number): string {
  return `m-bench-ci-${n}`;
}

function stewardName(k: number): string {
  return `检票员${k + 1}`;
}

function memberIdOfOpenId(openId: string): string {
  return openId.replace(/^openid-/, '');
}

async function seedMembers(db: Database): Promise<{ attendeeOpenIds: string[]; stewardOpenIds: string[] }> {
  const now = new Date();
  const member = (_id: string, name: string, mobile: string) => readyMember({ _id, openId: `openid-${_id}`, name, mobile, employer: '陆家嘴金融城', orgIds: [hostOrgId] }, now);
  const people = Array.from({ length: attendees }, (_, n) => member(memberIdOf(n), `参赛者${n}`, mobileOf(n)));
  const staff = Array.from({ length: stewards }, (_, k) => member(`m-bench-steward-${k}`, stewardName(k), mobileOf(attendees + k)));
  await db.collection(collections.members).add([...people, ...staff]);
  return { attendeeOpenIds: people.map((doc) => doc.openId!), stewardOpenIds: staff.map((doc) => doc.openId!) };
}

function mobileOf(n: number): string {
  return `138${String(n).padStart(8, '0')}`;
}

/** On now: check-in opened an hour ago (two hours before the start) and closes when it ends. */
function benchEvent(_id: string, title: string, now: Date): EventDoc {
  const startAt = new Date(now.getTime() + hour);
  return openEventDoc(now, {
    _id,
    title,
    kind: 'sports',
    orgId: hostOrgId,
    hostOrgIds: [hostOrgId],
    hosts: [{ id: hostOrgId, name: '陆家嘴街道新联会' }],
    venue: { name: '滨江大道', address: '浦东新区滨江大道' },
    startAt,
    endAt: new Date(startAt.getTime() + 4 * hour),
    signupClosesAt: startAt,
    cancellationDeadline: null,
    capacity: attendees,
    createdBy: 'bench',
  });
}

/** Every attendee signs up (confirmed: one seat each) and opens the ticket, which issues it. */
async function confirmedTickets(url: string, eventId: string, openIds: string[], tokenOf: (openId: string) => string): Promise<TicketView[]> {
  const signups = await runLoad(url, openIds.map((openId, n) => ({
    path: '/api/events',
    body: { action: 'signup', data: { eventId, requestId: `bench-ci-${n}-${randomBytes(4).toString('hex')}`, contact: { name: `参赛者${n}`, mobile: mobileOf(n) }, answers: {} } },
    token: tokenOf(openId),
  })), signupConcurrency);
  const unconfirmed = (signups.replies as Reply<MyRegistration>[]).filter((reply) => !reply.ok || reply.data.status !== 'confirmed');
  if (unconfirmed.length) throw new Error(`checkin bench: ${unconfirmed.length} sign-ups not confirmed, first: ${JSON.stringify(unconfirmed[0])}`);
  const opened = await runLoad(url, openIds.map((openId) => ({ path: '/api/checkin', body: { action: 'ticket', data: { eventId } }, token: tokenOf(openId) })), signupConcurrency);
  const replies = opened.replies as Reply<TicketView>[];
  const refused = replies.find((reply) => !reply.ok);
  if (refused) throw new Error(`checkin bench: a ticket was refused: ${JSON.stringify(refused)}`);
  return replies.map((reply) => (reply as { ok: true; data: TicketView }).data);
}

async function assignStewards(url: string, eventIds: string[], memberIds: string[]): Promise<void> {
  const session = await fetch(`${url}/dev/session`, { method: 'POST', body: JSON.stringify({ persona: organizerPersona }) });
  const { token } = (await session.json()) as { token: string };
  const assigned = await runLoad(url, eventIds.flatMap((eventId) => memberIds.map((memberId) => ({ path: '/api/checkin', body: { action: 'assignSteward', data: { eventId, memberId } }, token }))), 1);
  if (assigned.errors) throw new Error(`checkin bench: assigning stewards failed: ${JSON.stringify(assigned.replies.find((reply) => !(reply as Reply<unknown>).ok))}`);
}

/**
 * The four stewards' orders for the race: two walk the list from the front, two from the back, and in each pair one
 * takes neighbours the other way round (1,0,3,2,...), so the pair reaches every ticket within a scan of each other and
 * a ticket is often in flight on two phones at once; the two directions cross in the middle.
 */
function raceOrders(tickets: TicketView[]): TicketView[][] {
  const swapNeighbours = (list: TicketView[]) => list.map((_, i) => list[i % 2 === 0 ? Math.min(i + 1, list.length - 1) : i - 1]);
  const backwards = [...tickets].reverse();
  return [tickets, swapNeighbours(tickets), backwards, swapNeighbours(backwards)];
}

/**
 * Each steward opens the scanner, then scans their list one code after another (one phone, one connection, the next
 * scan when the answer shows), all stewards at once. Codes are drawn as the member's phone draws them, just before.
 */
async function scanPass(host: { url: string; output(): string }, eventId: string, team: string[], lists: TicketView[][]): Promise<ScanPass> {
  const opened = await runLoad(host.url, team.map((token) => ({ path: '/api/checkin', body: { action: 'openScanner', data: { eventId } }, token })), 1);
  if (opened.errors) throw new Error(`checkin bench: a steward could not open the scanner: ${JSON.stringify(opened.replies)}`);
  const logStart = host.output().length;
  const nonces = lists.map((list, k) => list.map((_, i) => `bench-${k}-${i}-${randomBytes(4).toString('hex')}`));
  const loads = await Promise.all(team.map((token, k) => {
    const drawnAt = Date.now();
    return runLoad(host.url, lists[k].map((ticket, i) => ({
      path: '/api/checkin',
      body: { action: 'redeem', data: { eventId, code: makeCode('ticket', ticket.ticketId, ticket.secret, drawnAt), nonce: nonces[k][i], device: `入口${k + 1}号机` } },
      token,
    })), 1);
  }));
  // The host writes its per-call log lines right after the turn that logged them.
  await new Promise((resolve) => setTimeout(resolve, 200));
  return { tickets: lists, nonces, loads, logged: loggedCalls(host.output().slice(logStart), 'checkin.redeem') };
}

function answers(pass: ScanPass): { steward: number; ticket: TicketView; nonce: string; reply: Reply<ScanResult> }[] {
  return pass.loads.flatMap((load, k) => (load.replies as Reply<ScanResult>[]).map((reply, i) => ({ steward: k, ticket: pass.tickets[k][i], nonce: pass.nonces[k][i], reply })));
}

async function registrationsOf(db: Database, eventId: string): Promise<RegistrationDoc[]> {
  const { data } = await db.collection(collections.registrations).where({ eventId }).limit(1000).get();
  return data as RegistrationDoc[];
}

/**
 * Every scan answered; every ticket accepted exactly once, by the scan whose nonce its row holds, with the row's time
 * and steward; every other scan told "already checked in" with that same first check-in.
 */
function raceProblems(race: ScanPass, rows: RegistrationDoc[]): string[] {
  const rowOf = new Map(rows.map((row) => [row._id, row]));
  const problems: string[] = [];
  const errors = race.loads.reduce((sum, load) => sum + load.errors, 0);
  if (errors) problems.push(`race: ${errors} scans failed, first: ${JSON.stringify(answers(race).find(({ reply }) => !reply.ok)?.reply)}`);
  if (race.logged.length !== stewards * attendees) problems.push(`race: ${race.logged.length} redeems logged, expected ${stewards * attendees}`);
  const acceptedNonces = new Map<string, string[]>();
  for (const { ticket, nonce, reply, steward } of answers(race)) {
    if (!reply.ok) continue;
    const stored = rowOf.get(ticket.ticketId)?.checkin;
    if (!stored) continue;
    const sameCheckin = reply.data.checkin !== null && new Date(reply.data.checkin.at).getTime() === new Date(stored.at).getTime() && reply.data.checkin.byName === stored.byName;
    if (reply.data.accepted) acceptedNonces.set(ticket.ticketId, [...(acceptedNonces.get(ticket.ticketId) ?? []), nonce]);
    else if (reply.data.rejection !== 'alreadyCheckedIn') problems.push(`race: ${stewardName(steward)} was told ${reply.data.rejection} for ${ticket.ticketId}`);
    if (!sameCheckin) problems.push(`race: ${stewardName(steward)}'s answer for ${ticket.ticketId} names another check-in than the stored one`);
  }
  for (const row of rows) {
    const nonces = acceptedNonces.get(row._id) ?? [];
    if (nonces.length !== 1 || row.checkin?.nonce !== nonces[0]) problems.push(`race: ${row._id} stored ${row.checkin?.nonce ?? 'no check-in'}, accepted scans ${JSON.stringify(nonces)}`);
  }
  return problems.slice(0, 20);
}

/** The scan page's counter after the race. */
async function counterProblems(url: string, stewardToken: string): Promise<string[]> {
  const reply = (await runLoad(url, [{ path: '/api/checkin', body: { action: 'counter', data: { eventId: raceEventId } }, token: stewardToken }], 1)).replies[0] as Reply<CheckinCounter>;
  const expected: CheckinCounter = { checkedIn: attendees, confirmed: attendees };
  return reply.ok && JSON.stringify(reply.data) === JSON.stringify(expected) ? [] : [`race: counter answered ${JSON.stringify(reply)}, expected ${JSON.stringify(expected)}`];
}

/** Every refused scan of the race left a scan log entry (accepted ones are recorded on the registration). */
async function scanLogProblems(db: Database, refused: number): Promise<string[]> {
  const { total } = await db.collection(collections.scanLog).where({ eventId: raceEventId, rejection: 'alreadyCheckedIn' }).count();
  return total === refused ? [] : [`race: ${total} scan log entries, expected ${refused}`];
}
