import type {
  AttendeeRow,
  CheckinRecord,
  CheckinSource,
  PreloadedTicket,
  ScanLogEntry,
  ScanRejection,
  ScanResult,
  StewardView,
  TicketView,
} from '../contract/checkin';
import { checkCode, codeStepSeconds, parseCode, type CodeKind } from '../contract/ticket-code';
import { registrationStatusLabels, scanRejectionLabels, type RegistrationStatus } from '../contract/vocabulary';
import type { CheckinDoc, EventDoc, EventStaffDoc, RegistrationDoc, ScanLogDoc } from '../data/documents';
import { toInstant } from './mapping';
import { maskName } from './masking';
import { shanghaiDateTime } from './shanghai-time';

/** Check-in opens this long before the event starts (people queue early at a large gate) and closes when it ends. */
export const checkInOpensBeforeStartMs = 2 * 3600 * 1000;

export interface CheckInWindow {
  opensAt: Date;
  closesAt: Date;
}

export function checkInWindow(event: Pick<EventDoc, 'startAt' | 'endAt'>): CheckInWindow {
  return { opensAt: new Date(event.startAt.getTime() - checkInOpensBeforeStartMs), closesAt: event.endAt };
}

/** Why `at` is outside the window, or null inside it (the opening instant included, the closing one not). */
export function windowRejection(window: CheckInWindow, at: Date): 'notOpenYet' | 'closed' | null {
  if (at < window.opensAt) return 'notOpenYet';
  if (at >= window.closesAt) return 'closed';
  return null;
}

/** A refused code carries its id only when that id is genuine and of this event (an expired code), for the scan log. */
export type CodeDecision = { ok: true; id: string } | { ok: false; rejection: 'invalid' | 'expired' | 'otherEvent'; id?: string };

/** A ticket id is its registration's id, `<eventId>_<memberId>`: the event shows in it without a read. */
export function isTicketOfEvent(ticketId: string, eventId: string): boolean {
  return ticketId.startsWith(`${eventId}_`);
}

/**
 * Checks a scanned text as a code of `kind` at the instant `at`: anything unparsable or with a wrong mac is invalid,
 * a ticket of another event is refused before its age is looked at, a genuine code out of its steps is expired.
 * `secretOf` derives the secret of an id (the server's key never enters this module).
 */
export function checkScannedCode(text: string, kind: CodeKind, secretOf: (id: string) => string, at: Date, eventId?: string): CodeDecision {
  const parsed = parseCode(text);
  if (!parsed || parsed.kind !== kind) return { ok: false, rejection: 'invalid' };
  const check = checkCode(parsed, secretOf(parsed.id), at);
  if (check === 'forged') return { ok: false, rejection: 'invalid' };
  if (eventId !== undefined && !isTicketOfEvent(parsed.id, eventId)) return { ok: false, rejection: 'otherEvent' };
  if (check === 'expired') return { ok: false, rejection: 'expired', id: parsed.id };
  return { ok: true, id: parsed.id };
}

/** An offline scan is recorded at the time it was made, but never later than the server's now (a fast device clock). */
export function offlineScanTime(scannedAt: Date, now: Date): Date {
  return scannedAt > now ? now : scannedAt;
}

/**
 * What a failed conditional check-in write means, from the registration read after it: a retry of the scan that
 * checked it in (same nonce) answers as that scan did; any other scan finds it checked in already; otherwise the
 * caller must look at the registration's standing.
 */
export function afterMissedCheckin(row: RegistrationDoc, nonce: string): 'repeat' | 'alreadyCheckedIn' | 'checkStanding' {
  if (!row.checkin) return 'checkStanding';
  return row.checkin.nonce === nonce ? 'repeat' : 'alreadyCheckedIn';
}

/** The team a ticket names: the teammate's copy from ticket issue, or the team entry when it has been read. */
export function teamNameOf(own: RegistrationDoc, teamEntry: RegistrationDoc | null): string | null {
  return teamEntry?.team?.name ?? own.teamName ?? null;
}

export function toCheckinRecord(checkin: CheckinDoc): CheckinRecord {
  return { at: toInstant(checkin.at), byName: checkin.byName, source: checkin.source };
}

export function acceptedScan(row: RegistrationDoc, checkin: CheckinDoc, teamName: string | null = teamNameOf(row, null)): ScanResult {
  return { accepted: true, rejection: null, message: '签到成功', name: row.contact.name, team: teamName, checkin: toCheckinRecord(checkin) };
}

export interface RejectionDetails {
  row?: RegistrationDoc | null;
  teamName?: string | null;
  /** For notConfirmed: the standing that keeps the registration from checking in. */
  status?: RegistrationStatus;
  /** Words that say it better than the label, for a case the label does not fit. */
  message?: string;
}

export function rejectionMessage(rejection: ScanRejection, details: RejectionDetails = {}): string {
  if (details.message) return details.message;
  const first = details.row?.checkin;
  if (rejection === 'alreadyCheckedIn' && first) return `已于 ${shanghaiDateTime(first.at)} 签到（${first.byName}）`;
  if (rejection === 'notConfirmed' && details.status && details.status !== 'confirmed') {
    return `${scanRejectionLabels.notConfirmed}：${registrationStatusLabels[details.status]}`;
  }
  return scanRejectionLabels[rejection];
}

export function rejectedScan(rejection: ScanRejection, details: RejectionDetails = {}): ScanResult {
  const row = details.row ?? null;
  return {
    accepted: false,
    rejection,
    message: rejectionMessage(rejection, details),
    name: row ? row.contact.name : null,
    team: row ? (details.teamName ?? teamNameOf(row, null)) : null,
    checkin: rejection === 'alreadyCheckedIn' && row?.checkin ? toCheckinRecord(row.checkin) : null,
  };
}

export function toTicketView(parts: {
  own: RegistrationDoc;
  event: EventDoc;
  teamName: string | null;
  secret: string;
  now: Date;
}): TicketView {
  const { own, event } = parts;
  return {
    ticketId: own._id,
    secret: parts.secret,
    stepSeconds: codeStepSeconds,
    serverTime: toInstant(parts.now),
    event: { id: event._id, title: event.title, startAt: toInstant(event.startAt), endAt: toInstant(event.endAt), venue: event.venue },
    maskedName: maskName(own.contact.name),
    team: parts.teamName,
    checkin: own.checkin ? toCheckinRecord(own.checkin) : null,
  };
}

export function toAttendeeRow(row: RegistrationDoc, teamName: string | null): AttendeeRow {
  return {
    memberId: row.memberId,
    name: row.contact.name,
    mobile: row.contact.mobile,
    team: teamName,
    checkin: row.checkin ? toCheckinRecord(row.checkin) : null,
  };
}

export function toPreloadedTicket(row: RegistrationDoc, teamName: string | null, secret: string): PreloadedTicket {
  return { ticketId: row._id, secret, name: row.contact.name, team: teamName, checkedInAt: row.checkin ? toInstant(row.checkin.at) : null };
}

export function toStewardView(staff: EventStaffDoc, mobile: string): StewardView {
  return { memberId: staff.memberId, name: staff.name, mobile, assignedAt: toInstant(staff.assignedAt) };
}

/**
 * Which registrations of an event hold a confirmed place, from its active rows (people, teams and teammates): a
 * person by their own number, a teammate by their team's.
 */
export function confirmedAttendees(rows: RegistrationDoc[], statusOf: (own: RegistrationDoc, teamEntry: RegistrationDoc | null) => RegistrationStatus): { row: RegistrationDoc; teamEntry: RegistrationDoc | null }[] {
  const teams = new Map(rows.filter((row) => row.kind === 'team').map((row) => [row._id, row]));
  return rows
    .filter((row) => row.kind !== 'team')
    .map((row) => ({ row, teamEntry: row.teamId ? (teams.get(row.teamId) ?? null) : null }))
    .filter(({ row, teamEntry }) => (row.kind !== 'teammate' || teamEntry !== null) && statusOf(row, teamEntry) === 'confirmed');
}

/** The scan log's id of a scan: one per event and nonce, so a retried scan is logged once. */
export function scanLogId(eventId: string, nonce: string): string {
  return `${eventId}_${nonce}`;
}

function acceptedEntry(row: RegistrationDoc): ScanLogEntry {
  const checkin = row.checkin!;
  return {
    id: row._id,
    at: toInstant(checkin.recordedAt),
    scannedAt: toInstant(checkin.at),
    stewardName: checkin.byName,
    device: checkin.device,
    source: checkin.source,
    accepted: true,
    rejection: null,
    attendeeName: row.contact.name,
  };
}

function loggedEntry(doc: ScanLogDoc): ScanLogEntry {
  return {
    id: doc._id,
    at: toInstant(doc.at),
    scannedAt: toInstant(doc.scannedAt),
    stewardName: doc.stewardName,
    device: doc.device,
    source: doc.source as CheckinSource,
    accepted: false,
    rejection: doc.rejection as ScanLogEntry['rejection'],
    attendeeName: doc.attendeeName,
  };
}

/**
 * The scan log as one list: check-ins (registrations checked in, newest record first) and logged scans (newest
 * first), newest record first, cut to a window. Ties go by id, the order each source is read in (an accepted entry's
 * id is its registration's), so the first `offset + limit` rows of each source merge exactly.
 */
export function mergeScanLog(accepted: RegistrationDoc[], logged: ScanLogDoc[], offset: number, limit: number): ScanLogEntry[] {
  const entries = [...accepted.map(acceptedEntry), ...logged.map(loggedEntry)];
  entries.sort((a, b) => (a.at === b.at ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.at < b.at ? 1 : -1));
  return entries.slice(offset, offset + limit);
}

/** Registrations that logged scans in the window point at without naming (refused before the registration was read). */
export function unnamedRegistrationIds(entries: ScanLogEntry[], logged: ScanLogDoc[]): string[] {
  const byId = new Map(logged.map((doc) => [doc._id, doc]));
  const ids = entries.flatMap((entry) => {
    const registrationId = entry.attendeeName === null ? byId.get(entry.id)?.registrationId : null;
    return registrationId ? [registrationId] : [];
  });
  return [...new Set(ids)];
}

export function nameAttendees(entries: ScanLogEntry[], logged: ScanLogDoc[], names: Map<string, string>): ScanLogEntry[] {
  const byId = new Map(logged.map((doc) => [doc._id, doc]));
  return entries.map((entry) => {
    const registrationId = entry.attendeeName === null ? byId.get(entry.id)?.registrationId : null;
    return registrationId && names.has(registrationId) ? { ...entry, attendeeName: names.get(registrationId)! } : entry;
  });
}
