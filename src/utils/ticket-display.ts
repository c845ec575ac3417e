import type { CheckinRecord, TicketView } from '../../cloudfunctions/shared/contract/checkin';
import { checkinSourceLabels } from '../../cloudfunctions/shared/contract/vocabulary';
import { codeStepSeconds, makeCode } from '../../cloudfunctions/shared/contract/ticket-code';
import { formatDateTime } from './time';

/**
 * How far the server's clock runs ahead of this phone's, in ms. Codes are drawn at local time plus this, so a phone
 * whose clock is minutes off still draws codes the steward accepts.
 */
export function clockOffsetMs(serverTime: string, receivedAt: number): number {
  const server = Date.parse(serverTime);
  return Number.isNaN(server) ? 0 : server - receivedAt;
}

export interface StepCountdown {
  /** Whole seconds until the code changes, 1 … codeStepSeconds. */
  secondsLeft: number;
  /** The share of the current step still ahead, 1 → 0, for the progress bar. */
  remaining: number;
}

export function stepCountdown(at: number): StepCountdown {
  const stepMs = codeStepSeconds * 1000;
  const left = stepMs - (((at % stepMs) + stepMs) % stepMs);
  return { secondsLeft: Math.ceil(left / 1000), remaining: left / stepMs };
}

/** The code to show at `at` (already corrected by the clock offset); it changes once per step. */
export function ticketCode(ticket: Pick<TicketView, 'ticketId' | 'secret'>, at: number): string {
  return makeCode('ticket', ticket.ticketId, ticket.secret, at);
}

/** "11月20日 13:42 · 扫码签到" */
export function checkinLine(checkin: CheckinRecord, now: Date): string {
  return `${formatDateTime(checkin.at, now)} · ${checkinSourceLabels[checkin.source]}`;
}

/** The check-in window closes when the event ends: past that a code would only be turned away. */
export function eventOver(ticket: Pick<TicketView, 'event'>, at: number): boolean {
  return at >= Date.parse(ticket.event.endAt);
}

/** A ticket as kept on the phone, with the local time it arrived (for the clock offset when offline). */
export interface CachedTicket {
  ticket: TicketView;
  receivedAt: number;
}

export function ticketCacheKey(eventId: string): string {
  return `xinlian.ticket.${eventId}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** What storage holds under the key, if it is a ticket of this event (an old or damaged entry is ignored). */
export function parseCachedTicket(value: unknown, eventId: string): CachedTicket | null {
  if (!isRecord(value) || typeof value.receivedAt !== 'number' || !isRecord(value.ticket)) return null;
  const ticket = value.ticket;
  if (typeof ticket.ticketId !== 'string' || typeof ticket.secret !== 'string' || typeof ticket.serverTime !== 'string') return null;
  if (!isRecord(ticket.event) || ticket.event.id !== eventId || typeof ticket.maskedName !== 'string') return null;
  return { ticket: ticket as unknown as TicketView, receivedAt: value.receivedAt };
}

export type TicketScreen =
  | { kind: 'loading' }
  | { kind: 'ticket'; ticket: TicketView; offsetMs: number; offline: boolean }
  /** The registration exists but holds no seat yet (候补, 待审核, 组队中) or no longer does. */
  | { kind: 'notReady' }
  | { kind: 'notRegistered'; message: string }
  | { kind: 'error'; message: string };

export function screenOfTicket(cached: CachedTicket, offline: boolean): TicketScreen {
  return { kind: 'ticket', ticket: cached.ticket, offsetMs: clockOffsetMs(cached.ticket.serverTime, cached.receivedAt), offline };
}

/** Failures that mean the call never reached a working server: a ticket already on the phone still draws good codes. */
const unreachableCodes = new Set(['NETWORK', 'INTERNAL']);

/** Answers after which a kept ticket must go: the seat is gone, so its codes would only be turned away. */
const ticketRevokingCodes = new Set(['TICKET_NOT_READY', 'NOT_REGISTERED', 'NOT_FOUND']);

export function failureDropsCachedTicket(code: string): boolean {
  return ticketRevokingCodes.has(code);
}

/**
 * What the page shows after a failed load. When the server is out of reach, the ticket on screen (or the one kept on
 * the phone) stays, marked offline; otherwise the failure explains itself.
 */
export function screenAfterFailure(failure: { code: string; message: string }, shown: TicketScreen, cached: CachedTicket | null): TicketScreen {
  if (unreachableCodes.has(failure.code)) {
    if (shown.kind === 'ticket') return { ...shown, offline: true };
    if (cached) return screenOfTicket(cached, true);
    return { kind: 'error', message: failure.message };
  }
  if (failure.code === 'TICKET_NOT_READY') return { kind: 'notReady' };
  if (failure.code === 'NOT_REGISTERED' || failure.code === 'NOT_FOUND' || failure.code === 'VALIDATION_FAILED') {
    return { kind: 'notRegistered', message: failure.message };
  }
  return { kind: 'error', message: failure.message };
}
