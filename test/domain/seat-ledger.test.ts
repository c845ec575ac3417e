import { answerProblems, cleanAnswers } from '../../cloudfunctions/shared/contract/answer-rules';
import type { EventQuestion } from '../../cloudfunctions/shared/contract/events';
import { cancelUntil, inviteCodeFrom, isEligible, signupRefusal } from '../../cloudfunctions/shared/domain/registration-rules';
import { changeCapacity, newestWaitlistPosition, openingLedger, registrationStatus, seatCounters, type SeatLedger } from '../../cloudfunctions/shared/domain/seat-ledger';
import { eventDoc } from './fixtures';

function ledger(overrides: Partial<SeatLedger>): SeatLedger {
  return { capacity: 10, ...openingLedger(10), ...overrides };
}

describe('seat counters', () => {
  it('counts seats from the numbers handed out and released', () => {
    expect(seatCounters(ledger({ arrivals: 3 }))).toEqual({ seatsTaken: 3, waitlistCount: 0, openOffers: 0, pendingCount: 0 });
    expect(seatCounters(ledger({ arrivals: 14 }))).toMatchObject({ seatsTaken: 10, waitlistCount: 4 });
    // Two seated people cancelled: the seats moved on to numbers 11 and 12.
    expect(seatCounters(ledger({ arrivals: 14, admitThrough: 12, releasedSlots: 2 }))).toMatchObject({ seatsTaken: 10, waitlistCount: 2 });
    // One waiting member left: a dead number in line is not counted as waiting.
    expect(seatCounters(ledger({ arrivals: 14, deadWaiting: 1 }))).toMatchObject({ seatsTaken: 10, waitlistCount: 3 });
    // Fewer arrivals than seats, one of them cancelled.
    expect(seatCounters(ledger({ arrivals: 3, admitThrough: 11, releasedSlots: 1 }))).toMatchObject({ seatsTaken: 2, waitlistCount: 0 });
    expect(seatCounters(ledger({ arrivals: 12, admitThrough: 11, releasedSlots: 1, openOffers: 1 }))).toMatchObject({ seatsTaken: 9, openOffers: 1, waitlistCount: 1 });
  });

  it('places the newest number behind everyone still waiting', () => {
    expect(newestWaitlistPosition(ledger({ arrivals: 11 }), 11)).toBe(1);
    expect(newestWaitlistPosition(ledger({ arrivals: 15, deadWaiting: 2 }), 15)).toBe(3);
  });
});

describe('capacity changes', () => {
  it('raises by seating the next numbers, after paying off any seat debt', () => {
    expect(changeCapacity(ledger({ arrivals: 14 }), 12)).toEqual({ capacity: 12, admitThroughDelta: 2, seatDebtDelta: 0 });
    expect(changeCapacity(ledger({ arrivals: 14, seatDebt: 3 }), 12)).toEqual({ capacity: 12, admitThroughDelta: 0, seatDebtDelta: -2 });
    expect(changeCapacity(ledger({ arrivals: 14, seatDebt: 1 }), 13)).toEqual({ capacity: 13, admitThroughDelta: 2, seatDebtDelta: -1 });
  });

  it('lowers by taking back unissued seats first and never unseating anyone', () => {
    expect(changeCapacity(ledger({ arrivals: 4 }), 6)).toEqual({ capacity: 6, admitThroughDelta: -4, seatDebtDelta: 0 });
    expect(changeCapacity(ledger({ arrivals: 8 }), 5)).toEqual({ capacity: 5, admitThroughDelta: -2, seatDebtDelta: 3 });
    expect(changeCapacity(ledger({ arrivals: 20 }), 4)).toEqual({ capacity: 4, admitThroughDelta: 0, seatDebtDelta: 6 });
  });
});

describe('registration status', () => {
  const standing = { state: 'active' as const, arrival: 5, offer: null, forming: false };
  it('reads confirmed, waitlisted, offered and forming from the ledger', () => {
    expect(registrationStatus({ admitThrough: 5 }, standing)).toBe('confirmed');
    expect(registrationStatus({ admitThrough: 4 }, standing)).toBe('waitlisted');
    expect(registrationStatus({ admitThrough: 5 }, { ...standing, offer: { claimedAt: null } })).toBe('offered');
    expect(registrationStatus({ admitThrough: 5 }, { ...standing, offer: { claimedAt: new Date() } })).toBe('confirmed');
    expect(registrationStatus({ admitThrough: 5 }, { ...standing, arrival: null, forming: true })).toBe('forming');
    expect(registrationStatus({ admitThrough: 5 }, { ...standing, state: 'pending', arrival: null })).toBe('pending');
    expect(registrationStatus({ admitThrough: 9 }, { ...standing, state: 'cancelled' })).toBe('cancelled');
  });
});

describe('sign-up rules', () => {
  const now = new Date('2026-11-25T02:00:00Z');
  const open = eventDoc({ signupOpensAt: new Date('2026-11-20T00:00:00Z'), signupClosesAt: new Date('2026-12-04T10:00:00Z') });

  it('refuses for the reason a member cares about first', () => {
    expect(signupRefusal(open, now, [], 'person')).toBeNull();
    expect(signupRefusal({ ...open, status: 'cancelled' }, now, [], 'person')?.code).toBe('EVENT_CANCELLED');
    expect(signupRefusal({ ...open, status: 'draft' }, now, [], 'person')?.code).toBe('NOT_FOUND');
    expect(signupRefusal({ ...open, status: 'closed' }, now, [], 'person')?.code).toBe('SIGNUP_CLOSED');
    expect(signupRefusal(open, new Date('2026-12-04T10:00:00Z'), [], 'person')?.code).toBe('SIGNUP_CLOSED');
    expect(signupRefusal(open, new Date('2026-11-19T23:59:59Z'), [], 'person')?.code).toBe('SIGNUP_CLOSED');
    expect(signupRefusal({ ...open, team: { minSize: 3, maxSize: 6 } }, now, [], 'person')?.code).toBe('TEAM_EVENT');
    expect(signupRefusal(open, now, [], 'team')?.code).toBe('NOT_TEAM_EVENT');
    expect(signupRefusal({ ...open, membersOnly: true }, now, ['org-street-huamu'], 'person')?.code).toBe('NOT_ELIGIBLE');
  });

  it('takes members of a host or of an organisation beneath one for members-only events', () => {
    const event = { membersOnly: true, hostOrgIds: ['org-street-lujiazui'] };
    expect(isEligible(event, ['org-club-lujiazui-reading', 'org-street-lujiazui', 'org-general'])).toBe(true);
    expect(isEligible(event, ['org-street-huamu', 'org-general'])).toBe(false);
    expect(isEligible({ ...event, membersOnly: false }, [])).toBe(true);
  });

  it('lets members cancel until the deadline, or the start without one', () => {
    const deadline = new Date('2026-12-03T10:00:00Z');
    expect(cancelUntil({ ...open, cancellationDeadline: deadline }, now)).toEqual(deadline);
    expect(cancelUntil({ ...open, cancellationDeadline: deadline }, deadline)).toBeNull();
    expect(cancelUntil({ ...open, cancellationDeadline: null }, now)).toEqual(open.startAt);
    expect(cancelUntil({ ...open, status: 'cancelled' }, now)).toBeNull();
  });

  it('makes invite codes without look-alike characters', () => {
    const code = inviteCodeFrom(Uint8Array.from([0, 8, 14, 24, 31, 255]));
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(code).toHaveLength(6);
  });
});

describe('answers', () => {
  const questions: EventQuestion[] = [
    { id: 'size', kind: 'single', label: '尺码', required: true, options: ['M', 'L'] },
    { id: 'topics', kind: 'multiple', label: '议题', required: false, options: ['合规', '税务'] },
    { id: 'note', kind: 'text', label: '备注', required: false, options: [] },
  ];
  it('names each problem by question', () => {
    expect(answerProblems(questions, {})).toEqual([{ questionId: 'size', message: '请回答“尺码”' }]);
    expect(answerProblems(questions, { size: 'S' })[0].questionId).toBe('size');
    expect(answerProblems(questions, { size: ['M'] })[0].questionId).toBe('size');
    expect(answerProblems(questions, { size: 'M', topics: ['合规', '合规'] })[0].message).toContain('重复');
    expect(answerProblems(questions, { size: 'M', topics: '合规' })[0].questionId).toBe('topics');
    expect(answerProblems(questions, { size: 'M', note: ['x'] })[0].questionId).toBe('note');
    expect(answerProblems(questions, { size: 'M', other: 'x' })).toEqual([{ questionId: 'other', message: '回答了活动没有的问题' }]);
    expect(answerProblems(questions, { size: 'L', topics: ['税务'], note: '' })).toEqual([]);
  });

  it('stores trimmed answers without blank optional ones', () => {
    expect(cleanAnswers(questions, { size: 'L', topics: [], note: '  素食 ' })).toEqual({ size: 'L', note: '素食' });
  });
});
