import type { CheckinRecord, Preload, PreloadedTicket, ScanRejection, ScanResult, SyncOutcome } from '../../cloudfunctions/shared/contract/checkin';
import type { Instant } from '../../cloudfunctions/shared/contract/common';
import { checkCode, parseCode } from '../../cloudfunctions/shared/contract/ticket-code';
import { scanRejectionLabels } from '../../cloudfunctions/shared/contract/vocabulary';

/**
 * Checking tickets with no network: the device holds one event's preload (secrets, names, who was already in),
 * checks a code against it exactly as the server would, and queues the check-in with the time it was scanned.
 * Pure: storage and the clock are the caller's.
 */

/** What 离线准备 leaves on the device. */
export interface OfflineKit {
  preload: Preload;
  /** Server clock minus device clock when the preload arrived: codes are checked, and scans stamped, on the server's clock. */
  clockOffsetMs: number;
  /** When the preload arrived, on the server's clock. */
  preparedAt: Instant;
}

/** A check-in made offline, waiting for `checkin.sync`. */
export interface QueuedScan {
  code: string;
  nonce: string;
  /** On the server's clock. */
  scannedAt: Instant;
  ticketId: string;
  name: string;
  team: string | null;
}

/** Tickets this device saw checked in since the preload (online or offline): ticket id → first check-in time. */
export type SeenCheckins = Record<string, Instant>;

export interface OfflineVerdict {
  result: ScanResult;
  /** The check-in to add to the queue; null for a rejection or a repeat of a scan already queued. */
  queued: QueuedScan | null;
}

/** Who is named as having checked someone in when the device only knows the time. */
const offlineCheckerName = '本机离线签到';
const earlierCheckerName = '其他设备';

export function prepareKit(preload: Preload, deviceNow: Date): OfflineKit {
  const clockOffsetMs = Date.parse(preload.serverTime) - deviceNow.getTime();
  return { preload, clockOffsetMs, preparedAt: preload.serverTime };
}

export function serverClock(kit: OfflineKit, deviceNow: Date): Date {
  return new Date(deviceNow.getTime() + kit.clockOffsetMs);
}

function rejected(rejection: ScanRejection, message: string, ticket: PreloadedTicket | null = null, checkin: CheckinRecord | null = null): OfflineVerdict {
  return { result: { accepted: false, rejection, message, name: ticket?.name ?? null, team: ticket?.team ?? null, checkin }, queued: null };
}

function accepted(ticket: PreloadedTicket, at: Instant): ScanResult {
  return { accepted: true, rejection: null, message: '签到成功（离线）', name: ticket.name, team: ticket.team, checkin: { at, byName: offlineCheckerName, source: 'offline' } };
}

/** A registration id is `<eventId>_<memberId>`, so a ticket names its event even when the device has no secret for it. */
export function isTicketOfEvent(ticketId: string, eventId: string): boolean {
  return ticketId.startsWith(`${eventId}_`);
}

/**
 * The server's redeem, on the device. The order follows what a steward should hear first: not our code at all,
 * then the window, then which event, then whether the code is genuine and fresh, then whether the person is in.
 */
export function verifyOffline(kit: OfflineKit, queue: QueuedScan[], seen: SeenCheckins, text: string, nonce: string, deviceNow: Date): OfflineVerdict {
  const { preload } = kit;
  const code = parseCode(text);
  if (!code || code.kind !== 'ticket') return rejected('invalid', '不是有效的签到码');

  const now = serverClock(kit, deviceNow);
  if (now.getTime() < Date.parse(preload.checkInOpensAt)) return rejected('notOpenYet', scanRejectionLabels.notOpenYet);
  if (now.getTime() >= Date.parse(preload.checkInClosesAt)) return rejected('closed', scanRejectionLabels.closed);
  if (!isTicketOfEvent(code.id, preload.eventId)) return rejected('otherEvent', scanRejectionLabels.otherEvent);

  const ticket = preload.tickets.find((candidate) => candidate.ticketId === code.id);
  if (!ticket) {
    // The device cannot check a ticket it has no secret for: issued after the preload, or never confirmed.
    return rejected('notConfirmed', '离线名单中没有这张签到码（报名未确认，或在离线准备之后才确认），请联网后再扫');
  }
  const check = checkCode(code, ticket.secret, now);
  if (check === 'forged') return rejected('invalid', scanRejectionLabels.invalid);
  if (check === 'expired') return rejected('expired', scanRejectionLabels.expired, ticket);

  const repeat = queue.find((scan) => scan.nonce === nonce);
  if (repeat) return { result: accepted(ticket, repeat.scannedAt), queued: null };
  const queuedBefore = queue.find((scan) => scan.ticketId === ticket.ticketId);
  if (queuedBefore) {
    return rejected('alreadyCheckedIn', scanRejectionLabels.alreadyCheckedIn, ticket, { at: queuedBefore.scannedAt, byName: offlineCheckerName, source: 'offline' });
  }
  const earlier = seen[ticket.ticketId] ?? ticket.checkedInAt;
  if (earlier) {
    return rejected('alreadyCheckedIn', scanRejectionLabels.alreadyCheckedIn, ticket, { at: earlier, byName: earlierCheckerName, source: 'scan' });
  }

  const scannedAt = now.toISOString();
  return {
    result: accepted(ticket, scannedAt),
    queued: { code: text.trim(), nonce, scannedAt, ticketId: ticket.ticketId, name: ticket.name, team: ticket.team },
  };
}

/** Adds a scan once: a retry carries the same nonce. */
export function enqueue(queue: QueuedScan[], scan: QueuedScan): QueuedScan[] {
  return queue.some((queued) => queued.nonce === scan.nonce) ? queue : [...queue, scan];
}

/** The contract takes at most 500 scans per sync. */
export const syncBatchSize = 500;

/** The oldest scans first, as `checkin.sync` wants them. */
export function nextSyncBatch(queue: QueuedScan[]): { code: string; nonce: string; scannedAt: Instant }[] {
  return queue.slice(0, syncBatchSize).map(({ code, nonce, scannedAt }) => ({ code, nonce, scannedAt }));
}

export interface SyncReport {
  accepted: QueuedScan[];
  /** The same ticket was checked in on another device first: recorded for the organizer, not counted twice. */
  conflicts: QueuedScan[];
  rejected: { scan: QueuedScan; rejection: ScanRejection }[];
}

/**
 * Takes the server's answers off the queue. A scan the server did not answer for stays queued for the next try;
 * every answered one leaves it, whatever the answer, since sending it again would only repeat that answer.
 */
export function settleSync(queue: QueuedScan[], outcomes: SyncOutcome[]): { remaining: QueuedScan[]; report: SyncReport } {
  const byNonce = new Map(outcomes.map((outcome) => [outcome.nonce, outcome]));
  const report: SyncReport = { accepted: [], conflicts: [], rejected: [] };
  const remaining: QueuedScan[] = [];
  for (const scan of queue) {
    const outcome = byNonce.get(scan.nonce);
    if (!outcome) remaining.push(scan);
    else if (outcome.accepted) report.accepted.push(scan);
    else if (outcome.rejection === 'conflict') report.conflicts.push(scan);
    else report.rejected.push({ scan, rejection: outcome.rejection ?? 'invalid' });
  }
  return { remaining, report };
}

/** Remembers a check-in the device saw (the first one counts), so a later offline scan of that ticket is caught. */
export function rememberCheckin(seen: SeenCheckins, ticketId: string, at: Instant): SeenCheckins {
  return seen[ticketId] ? seen : { ...seen, [ticketId]: at };
}

