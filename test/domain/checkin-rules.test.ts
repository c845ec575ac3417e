import { codeStepSeconds, deriveSecret, makeCode, timeStep } from '../../cloudfunctions/shared/contract/ticket-code';
import type { CheckinDoc, RegistrationDoc, ScanLogDoc } from '../../cloudfunctions/shared/data/documents';
import {
  afterMissedCheckin,
  checkInWindow,
  checkScannedCode,
  confirmedAttendees,
  mergeScanLog,
  nameAttendees,
  offlineScanTime,
  rejectedScan,
  teamNameOf,
  unnamedRegistrationIds,
  windowRejection,
} from '../../cloudfunctions/shared/domain/checkin-rules';
import { memberStatus } from '../../cloudfunctions/shared/domain/registration-views';
import { eventDoc } from './fixtures';

const key = 'domain-test-key';
const secretOf = (id: string) => deriveSecret(key, 'ticket', id);
const venueSecretOf = (id: string) => deriveSecret(key, 'venue', id);
const stepMs = codeStepSeconds * 1000;
/** The first instant of a 30-second step, so boundaries are exact. */
const stepStart = new Date(timeStep(new Date('2026-12-05T05:00:00Z')) * stepMs);
const ticketId = 'ev-1_m-1';

function at(offsetMs: number): Date {
  return new Date(stepStart.getTime() + offsetMs);
}

function registration(overrides: Partial<RegistrationDoc> = {}): RegistrationDoc {
  return {
    _id: ticketId,
    eventId: 'ev-1',
    kind: 'person',
    memberId: 'm-1',
    state: 'active',
    arrival: 1,
    teamId: null,
    team: null,
    contact: { name: '陈思远', mobile: '13812341234' },
    answers: {},
    requestId: null,
    offer: null,
    decisionMessage: null,
    addedBy: null,
    event: { title: '沙龙', kind: 'salon', startAt: new Date('2026-12-05T06:00:00Z'), endAt: new Date('2026-12-05T08:00:00Z'), venue: { name: '会客厅', address: '银城中路' } },
    createdAt: new Date('2026-11-20T00:00:00Z'),
    updatedAt: new Date('2026-11-20T00:00:00Z'),
    cancelledAt: null,
    ...overrides,
  };
}

function checkin(overrides: Partial<CheckinDoc> = {}): CheckinDoc {
  return {
    at: new Date('2026-12-05T05:30:00Z'),
    recordedAt: new Date('2026-12-05T05:30:00Z'),
    byMemberId: 'm-steward',
    byName: '签到员乙',
    device: '入口1号机',
    nonce: 'nonce-first',
    source: 'scan',
    ...overrides,
  };
}

describe('the check-in window', () => {
  const event = eventDoc({ startAt: new Date('2026-12-05T06:00:00Z'), endAt: new Date('2026-12-05T08:00:00Z') });
  const window = checkInWindow(event);

  it('opens two hours before the start and closes at the end', () => {
    expect(window).toEqual({ opensAt: new Date('2026-12-05T04:00:00Z'), closesAt: new Date('2026-12-05T08:00:00Z') });
  });

  it('includes its opening instant and excludes its closing one', () => {
    expect(windowRejection(window, new Date('2026-12-05T03:59:59.999Z'))).toBe('notOpenYet');
    expect(windowRejection(window, new Date('2026-12-05T04:00:00Z'))).toBeNull();
    expect(windowRejection(window, new Date('2026-12-05T07:59:59.999Z'))).toBeNull();
    expect(windowRejection(window, new Date('2026-12-05T08:00:00Z'))).toBe('closed');
  });
});

describe('checking a scanned ticket code', () => {
  const code = makeCode('ticket', ticketId, secretOf(ticketId), stepStart);

  it('accepts a code in its own step, up to two steps after it and one step before it (clock skew)', () => {
    expect(checkScannedCode(code, 'ticket', secretOf, at(0), 'ev-1')).toEqual({ ok: true, id: ticketId });
    expect(checkScannedCode(code, 'ticket', secretOf, at(3 * stepMs - 1), 'ev-1')).toEqual({ ok: true, id: ticketId });
    expect(checkScannedCode(code, 'ticket', secretOf, at(-stepMs), 'ev-1')).toEqual({ ok: true, id: ticketId });
  });

  it('calls a genuine code expired the moment its steps run out, either side, and keeps its id for the log', () => {
    expect(checkScannedCode(code, 'ticket', secretOf, at(3 * stepMs), 'ev-1')).toEqual({ ok: false, rejection: 'expired', id: ticketId });
    expect(checkScannedCode(code, 'ticket', secretOf, at(-stepMs - 1), 'ev-1')).toEqual({ ok: false, rejection: 'expired', id: ticketId });
  });

  it('refuses a tampered mac, id or step, a code drawn with another secret, and text that is no code, as invalid', () => {
    const [prefix, id, step, mac] = code.split('.');
    const flipped = mac.slice(0, -1) + (mac.endsWith('0') ? '1' : '0');
    const refusals = [
      `${prefix}.${id}.${step}.${flipped}`,
      `${prefix}.ev-1_m-2.${step}.${mac}`,
      `${prefix}.${id}.${Number(step) + 1}.${mac}`,
      makeCode('ticket', ticketId, 'not-the-secret', stepStart),
      'https://example.com/?ticket=ev-1_m-1',
      '',
    ].map((text) => checkScannedCode(text, 'ticket', secretOf, at(0), 'ev-1'));
    for (const refusal of refusals) expect(refusal).toEqual({ ok: false, rejection: 'invalid' });
  });

  it('calls a genuine ticket of another event otherEvent, whatever its age, without giving its id', () => {
    const other = makeCode('ticket', 'ev-2_m-1', secretOf('ev-2_m-1'), stepStart);
    expect(checkScannedCode(other, 'ticket', secretOf, at(0), 'ev-1')).toEqual({ ok: false, rejection: 'otherEvent' });
    expect(checkScannedCode(other, 'ticket', secretOf, at(10 * stepMs), 'ev-1')).toEqual({ ok: false, rejection: 'otherEvent' });
    // An event whose id merely starts like this one's is another event.
    const lookalike = makeCode('ticket', 'ev-10_m-1', secretOf('ev-10_m-1'), stepStart);
    expect(checkScannedCode(lookalike, 'ticket', secretOf, at(0), 'ev-1')).toEqual({ ok: false, rejection: 'otherEvent' });
  });

  it('takes a venue code only where a venue code is asked for', () => {
    const venue = makeCode('venue', 'ev-1', venueSecretOf('ev-1'), stepStart);
    expect(checkScannedCode(venue, 'ticket', secretOf, at(0), 'ev-1')).toEqual({ ok: false, rejection: 'invalid' });
    expect(checkScannedCode(venue, 'venue', venueSecretOf, at(0))).toEqual({ ok: true, id: 'ev-1' });
    expect(checkScannedCode(code, 'venue', venueSecretOf, at(0))).toEqual({ ok: false, rejection: 'invalid' });
    expect(checkScannedCode(venue, 'venue', venueSecretOf, at(3 * stepMs))).toEqual({ ok: false, rejection: 'expired', id: 'ev-1' });
    // A ticket's secret does not draw the venue code of the same id.
    expect(checkScannedCode(makeCode('venue', 'ev-1', secretOf('ev-1'), stepStart), 'venue', venueSecretOf, at(0))).toEqual({ ok: false, rejection: 'invalid' });
  });
});

describe('after a check-in write that matched nothing', () => {
  it('answers a retry of the scan that checked in as that scan, any other scan as already checked in', () => {
    const row = registration({ checkin: checkin() });
    expect(afterMissedCheckin(row, 'nonce-first')).toBe('repeat');
    expect(afterMissedCheckin(row, 'nonce-second')).toBe('alreadyCheckedIn');
    expect(afterMissedCheckin(registration(), 'nonce-first')).toBe('checkStanding');
    expect(afterMissedCheckin(registration({ checkin: null }), 'nonce-first')).toBe('checkStanding');
  });

  it('tells the steward when and by whom it was checked in, in Shanghai time', () => {
    const result = rejectedScan('alreadyCheckedIn', { row: registration({ checkin: checkin(), teamName: '飞鱼队' }) });
    expect(result).toEqual({
      accepted: false,
      rejection: 'alreadyCheckedIn',
      message: '已于 12月5日 13:30 签到（签到员乙）',
      name: '陈思远',
      team: '飞鱼队',
      checkin: { at: '2026-12-05T05:30:00.000Z', byName: '签到员乙', source: 'scan' },
    });
  });

  it('says which standing keeps a registration from checking in', () => {
    expect(rejectedScan('notConfirmed', { row: registration(), status: 'waitlisted' }).message).toBe('报名未确认：候补');
    expect(rejectedScan('notConfirmed', { row: registration(), status: 'pending' }).message).toBe('报名未确认：待审核');
    expect(rejectedScan('notConfirmed', { row: registration(), status: 'cancelled' }).message).toBe('报名未确认：已取消');
    expect(rejectedScan('expired')).toMatchObject({ message: '签到码已过期，请让对方刷新', name: null, team: null, checkin: null });
  });
});

describe('confirmed attendees of an event', () => {
  it('takes seated people and the members of seated teams, and nobody waiting, forming or offered', () => {
    const event = eventDoc({ admitThrough: 2, team: { minSize: 2, maxSize: 5 } });
    const seatedTeam = registration({ _id: 'ev-1_team_A', kind: 'team', arrival: 1, team: { name: '飞鱼队', inviteCode: 'A', size: 2, minSize: 2, maxSize: 5, memberIds: ['m-1', 'm-2'] } });
    const waitingTeam = registration({ _id: 'ev-1_team_B', kind: 'team', arrival: 3, team: { name: '海豚队', inviteCode: 'B', size: 2, minSize: 2, maxSize: 5, memberIds: ['m-1', 'm-2'] } });
    const offeredTeam = registration({
      _id: 'ev-1_team_C',
      kind: 'team',
      arrival: 2,
      offer: { offeredAt: event.createdAt, expiresAt: event.startAt, claimedAt: null },
      team: { name: '海鸥队', inviteCode: 'C', size: 2, minSize: 2, maxSize: 5, memberIds: ['m-1', 'm-2'] },
    });
    const rows = [
      seatedTeam,
      waitingTeam,
      offeredTeam,
      registration({ _id: 'ev-1_m-1', kind: 'teammate', arrival: null, teamId: seatedTeam._id }),
      registration({ _id: 'ev-1_m-2', kind: 'teammate', arrival: null, teamId: seatedTeam._id }),
      registration({ _id: 'ev-1_m-3', kind: 'teammate', arrival: null, teamId: waitingTeam._id }),
      registration({ _id: 'ev-1_m-4', kind: 'teammate', arrival: null, teamId: offeredTeam._id }),
      registration({ _id: 'ev-1_m-5', kind: 'teammate', arrival: null, teamId: 'ev-1_team_gone' }),
    ];
    const confirmed = confirmedAttendees(rows, (own, teamEntry) => memberStatus(event, own, teamEntry));
    expect(confirmed.map(({ row }) => row._id)).toEqual(['ev-1_m-1', 'ev-1_m-2']);
    expect(confirmed.map(({ row, teamEntry }) => teamNameOf(row, teamEntry))).toEqual(['飞鱼队', '飞鱼队']);
  });
});

describe('offline scans', () => {
  it('are recorded at their own time, never later than the server’s now', () => {
    const now = new Date('2026-12-05T06:00:00Z');
    expect(offlineScanTime(new Date('2026-12-05T05:40:00Z'), now)).toEqual(new Date('2026-12-05T05:40:00Z'));
    expect(offlineScanTime(new Date('2026-12-05T06:05:00Z'), now)).toEqual(now);
  });
});

describe('the scan log', () => {
  const minute = 60_000;
  const base = new Date('2026-12-05T05:00:00Z').getTime();
  const accepted = [3, 1].map((m) =>
    registration({ _id: `ev-1_m-${m}`, contact: { name: `会员${m}`, mobile: '' }, checkin: checkin({ nonce: `n-${m}`, recordedAt: new Date(base + m * minute), at: new Date(base + m * minute) }) }),
  );
  const logged: ScanLogDoc[] = [4, 2, 1].map((m) => ({
    _id: `ev-1_log-${m}`,
    eventId: 'ev-1',
    registrationId: m === 2 ? 'ev-1_m-9' : null,
    attendeeName: null,
    stewardMemberId: 'm-steward',
    stewardName: '签到员乙',
    device: '入口1号机',
    nonce: `log-${m}`,
    source: 'scan',
    rejection: m === 4 ? 'conflict' : 'expired',
    scannedAt: new Date(base + m * minute),
    at: new Date(base + m * minute),
  }));

  it('merges check-ins and logged scans newest first, ties by id, and pages without overlap', () => {
    const all = mergeScanLog(accepted, logged, 0, 10);
    expect(all.map((entry) => entry.id)).toEqual(['ev-1_log-4', 'ev-1_m-3', 'ev-1_log-2', 'ev-1_log-1', 'ev-1_m-1']);
    expect(all.map((entry) => entry.accepted)).toEqual([false, true, false, false, true]);
    expect(all[0]).toMatchObject({ rejection: 'conflict', attendeeName: null, source: 'scan' });
    const pages = [mergeScanLog(accepted, logged, 0, 2), mergeScanLog(accepted, logged, 2, 2), mergeScanLog(accepted, logged, 4, 2)];
    expect(pages.flat()).toEqual(all);
  });

  it('names the attendees refused scans pointed at, from their registrations', () => {
    const entries = mergeScanLog(accepted, logged, 0, 10);
    expect(unnamedRegistrationIds(entries, logged)).toEqual(['ev-1_m-9']);
    const named = nameAttendees(entries, logged, new Map([['ev-1_m-9', '李明']]));
    expect(named.find((entry) => entry.id === 'ev-1_log-2')?.attendeeName).toBe('李明');
    expect(named.find((entry) => entry.id === 'ev-1_log-1')?.attendeeName).toBeNull();
  });
});
