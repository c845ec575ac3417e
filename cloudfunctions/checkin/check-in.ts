import type { CheckinCounter, CheckinSource, ScanRejection, ScanResult } from '../shared/contract/checkin';
import type { CheckinDoc, EventDoc, RegistrationDoc } from '../shared/data/documents';
import { acceptedScan, afterMissedCheckin, rejectedScan, scanLogId, teamNameOf } from '../shared/domain/checkin-rules';
import { memberStatus } from '../shared/domain/registration-views';
import { seatCounters } from '../shared/domain/seat-ledger';
import { AppError, type ActionContext } from '../shared/runtime';

/** Who made a scan, on what, and when: what a check-in or a scan log entry records. */
export interface Scan {
  eventId: string;
  memberId: string;
  name: string;
  device: string;
  nonce: string;
  source: CheckinSource;
  /** When the code was scanned: now, or an offline scan's own time. */
  at: Date;
}

export interface ScanOutcome {
  result: ScanResult;
  /** The registration as read or written; null when the scan named none of this event. */
  row: RegistrationDoc | null;
}

function newCheckin(scan: Scan, now: Date): CheckinDoc {
  return { at: scan.at, recordedAt: now, byMemberId: scan.memberId, byName: scan.name, device: scan.device, nonce: scan.nonce, source: scan.source };
}

/**
 * Checks a registration in for a scan. With `issuedOnly` (a ticket code) it first tries the one conditional write that
 * needs no read; when that matches nothing, or for a hand or self check-in, it reads the registration to say why, and
 * checks it in if it turns out confirmed (issuing its ticket fields if the ticket was never opened). A retry of the
 * scan that checked it in answers the same; any other scan of a checked-in registration is told when and by whom.
 */
export async function checkIn(ctx: ActionContext, registrationId: string, scan: Scan, options: { issuedOnly: boolean; event?: EventDoc }): Promise<ScanOutcome> {
  const checkin = newCheckin(scan, ctx.now);
  if (options.issuedOnly) {
    const row = await ctx.data.checkin.redeemIssued(registrationId, scan.eventId, checkin);
    if (row) return { result: acceptedScan(row, checkin), row };
  }
  let event = options.event ?? null;
  // Two passes: a concurrent undo or cancellation between the read and the write is read again once.
  for (let pass = 0; pass < 2; pass++) {
    const row = await ctx.data.registrations.findById(registrationId);
    if (!row || row.kind === 'team' || row.eventId !== scan.eventId) return { result: rejectedScan('otherEvent'), row: null };
    const missed = afterMissedCheckin(row, scan.nonce);
    if (missed === 'repeat') return { result: acceptedScan(row, row.checkin!), row };
    if (missed === 'alreadyCheckedIn') return { result: rejectedScan('alreadyCheckedIn', { row }), row };
    event ??= await ctx.data.events.findById(scan.eventId);
    const teamEntry = row.teamId ? await ctx.data.registrations.findById(row.teamId) : null;
    const teamName = teamNameOf(row, teamEntry);
    const status = event ? memberStatus(event, row, teamEntry) : 'cancelled';
    if (status !== 'confirmed') return { result: rejectedScan('notConfirmed', { row, status, teamName }), row };
    const written = await ctx.data.checkin.checkInConfirmed(row, checkin, teamName);
    if (written) return { result: acceptedScan(written, checkin, teamName), row: written };
  }
  throw new AppError('CONFLICT');
}

/** Records a scan that checked nobody in, under its nonce, so a retried scan is recorded once. */
export async function logRefusal(ctx: ActionContext, scan: Scan, rejection: ScanRejection | 'conflict', registrationId: string | null, row: RegistrationDoc | null): Promise<void> {
  await ctx.data.checkin.logScan({
    _id: scanLogId(scan.eventId, scan.nonce),
    eventId: scan.eventId,
    registrationId: row?._id ?? registrationId,
    attendeeName: row?.contact.name ?? null,
    stewardMemberId: scan.memberId,
    stewardName: scan.name,
    device: scan.device,
    nonce: scan.nonce,
    source: scan.source,
    rejection,
    scannedAt: scan.at,
    at: ctx.now,
  });
}

/** Checked in against confirmed people; in a team event a seated team counts all its members. */
export async function countCheckins(ctx: ActionContext, event: EventDoc): Promise<CheckinCounter> {
  const confirmed = async () => {
    if (event.status === 'cancelled') return 0;
    if (event.team) return ctx.data.checkin.countSeatedTeamPeople(event);
    return seatCounters(event).seatsTaken;
  };
  const [checkedIn, confirmedPeople] = await Promise.all([ctx.data.checkin.countCheckedIn(event._id), confirmed()]);
  return { checkedIn, confirmed: confirmedPeople };
}
