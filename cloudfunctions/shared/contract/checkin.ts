import { z } from 'zod';
import { idSchema, pageSchema, pageSizeSchema, type Instant, type Page } from './common';
import type { Venue } from './events';

/** A client-made id per scan: a network retry of the same scan is one check-in, and answers the same. */
export const nonceSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, '扫码编号格式不正确');
/** Which phone or desk scanner made a scan, as the steward's device names itself (for the scan log). */
export const deviceSchema = z.string().trim().min(1).max(40);
const codeSchema = z.string().trim().min(1, '请扫描或输入签到码').max(200, '签到码格式不正确');
const instantSchema = z.iso.datetime({ offset: true, message: '时间格式不正确' });
const eventRef = z.strictObject({ eventId: idSchema });

export const scanRejections = [
  'alreadyCheckedIn',
  'notConfirmed',
  'otherEvent',
  'expired',
  'invalid',
  'notOpenYet',
  'closed',
] as const;
export type ScanRejection = (typeof scanRejections)[number];

export const checkinSources = ['scan', 'offline', 'hand', 'self'] as const;
export type CheckinSource = (typeof checkinSources)[number];

export const checkinInput = {
  /** Member: the ticket of their confirmed registration (its secret draws the rotating code, also offline). */
  ticket: eventRef,
  /** Organizers: who scans at an event. */
  stewards: eventRef,
  assignSteward: z.strictObject({ eventId: idSchema, memberId: idSchema }),
  removeSteward: z.strictObject({ eventId: idSchema, memberId: idSchema }),
  /** Stewards and organizers opening the scan page: the event, their role there, the counter. */
  openScanner: eventRef,
  redeem: z.strictObject({ eventId: idSchema, code: codeSchema, nonce: nonceSchema, device: deviceSchema }),
  counter: eventRef,
  /** Organizers: attendees by name or the last 4 digits of a mobile. */
  search: z.strictObject({ eventId: idSchema, query: z.string().trim().min(1, '请输入姓名或手机尾号').max(20) }),
  checkInByHand: z.strictObject({ eventId: idSchema, memberId: idSchema, nonce: nonceSchema, device: deviceSchema }),
  undoCheckIn: z.strictObject({ eventId: idSchema, memberId: idSchema, reason: z.string().trim().min(1, '请填写撤销原因').max(100) }),
  /** Stewards: what a device needs to check codes with no network. */
  preload: eventRef,
  /** Stewards: check-ins made offline, with the time each was scanned. */
  sync: z.strictObject({
    eventId: idSchema,
    device: deviceSchema,
    scans: z.array(z.strictObject({ code: codeSchema, nonce: nonceSchema, scannedAt: instantSchema })).min(1).max(500),
  }),
  /** Organizers: every scan, accepted or not, newest first; `conflicts` for tickets scanned on two offline devices. */
  scanLog: z.strictObject({ eventId: idSchema, only: z.enum(['all', 'rejected', 'conflicts']).default('all'), page: pageSchema, pageSize: pageSizeSchema }),
  /** Organizers: the secret that draws the rotating venue code members scan to check themselves in. */
  venueCode: eventRef,
  selfCheckIn: z.strictObject({ code: codeSchema, nonce: nonceSchema }),
};

export interface CheckinRecord {
  at: Instant;
  byName: string;
  source: CheckinSource;
}

export interface TicketView {
  ticketId: string;
  /** Draws the code on the phone; never shown. */
  secret: string;
  stepSeconds: number;
  /** The server's clock when answering, so a phone with a wrong clock can correct its codes. */
  serverTime: Instant;
  event: { id: string; title: string; startAt: Instant; endAt: Instant; venue: Venue };
  maskedName: string;
  team: string | null;
  checkin: CheckinRecord | null;
}

export interface CheckinCounter {
  checkedIn: number;
  confirmed: number;
}

export interface StewardView {
  memberId: string;
  name: string;
  mobile: string;
  assignedAt: Instant;
}

export interface ScannerSession {
  event: { id: string; title: string; startAt: Instant; endAt: Instant; venue: Venue };
  role: 'steward' | 'organizer';
  checkInOpensAt: Instant;
  checkInClosesAt: Instant;
  counter: CheckinCounter;
}

/**
 * What one scan tells the steward: enough to wave the person in or say why not, nothing more. The counter is not
 * in it (that would cost a redeem a third round trip); the scan page counts accepted scans and refreshes the counter.
 */
export interface ScanResult {
  accepted: boolean;
  rejection: ScanRejection | null;
  /** In Chinese, ready to show full screen. */
  message: string;
  name: string | null;
  team: string | null;
  /** For an accepted scan its time; for "already checked in" the first check-in. */
  checkin: CheckinRecord | null;
}

export interface AttendeeRow {
  memberId: string;
  name: string;
  mobile: string;
  team: string | null;
  checkin: CheckinRecord | null;
}

export interface PreloadedTicket {
  ticketId: string;
  secret: string;
  name: string;
  team: string | null;
  checkedInAt: Instant | null;
}

export interface Preload {
  eventId: string;
  title: string;
  stepSeconds: number;
  serverTime: Instant;
  checkInOpensAt: Instant;
  checkInClosesAt: Instant;
  tickets: PreloadedTicket[];
}

export interface SyncOutcome {
  nonce: string;
  accepted: boolean;
  rejection: ScanRejection | 'conflict' | null;
}

export interface ScanLogEntry {
  id: string;
  at: Instant;
  scannedAt: Instant;
  stewardName: string;
  device: string;
  source: CheckinSource;
  accepted: boolean;
  rejection: ScanRejection | 'conflict' | null;
  attendeeName: string | null;
}

export interface VenueCodeView {
  eventId: string;
  secret: string;
  stepSeconds: number;
  serverTime: Instant;
}

export interface CheckinOutput {
  ticket: TicketView;
  stewards: StewardView[];
  assignSteward: StewardView[];
  removeSteward: StewardView[];
  openScanner: ScannerSession;
  redeem: ScanResult;
  counter: CheckinCounter;
  search: AttendeeRow[];
  checkInByHand: ScanResult;
  undoCheckIn: AttendeeRow;
  preload: Preload;
  sync: { outcomes: SyncOutcome[]; counter: CheckinCounter };
  scanLog: Page<ScanLogEntry>;
  venueCode: VenueCodeView;
  selfCheckIn: ScanResult;
}
