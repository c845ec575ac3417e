import { isPublicEvent, planEventList } from '../../cloudfunctions/shared/domain/event-listing';
import { AppError } from '../../cloudfunctions/shared/domain/app-error';

const now = new Date('2026-11-25T02:00:00Z');
const defaults = { page: 1, pageSize: 20 };

function failure(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('planEventList', () => {
  it('lists what has not ended yet, drafts excluded, by default', () => {
    const query = planEventList(defaults, now);
    expect(query.statuses).toEqual(['published', 'closed', 'cancelled']);
    expect(query.statuses).not.toContain('draft');
    expect(query.endsFrom).toEqual(now);
    expect(query.startsFrom).toBeNull();
    expect(query.startsBefore).toBeNull();
    expect(query.hostOrgId).toBeNull();
    expect(query.kind).toBeNull();
    expect(query.window).toEqual({ offset: 0, limit: 21 });
  });

  it('turns Shanghai calendar days into UTC bounds on the start', () => {
    const query = planEventList({ ...defaults, from: '2026-11-25', to: '2026-11-26' }, now);
    expect(query.startsFrom?.toISOString()).toBe('2026-11-24T16:00:00.000Z');
    expect(query.startsBefore?.toISOString()).toBe('2026-11-26T16:00:00.000Z');
    expect(query.endsFrom).toBeNull();
  });

  it('keeps "starts now" when only the last day is given', () => {
    const query = planEventList({ ...defaults, to: '2026-12-31' }, now);
    expect(query.endsFrom).toEqual(now);
    expect(query.startsBefore?.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('passes the organisation and kind filters through', () => {
    const query = planEventList({ ...defaults, orgId: 'org-street-lujiazui', kind: 'salon', page: 3, pageSize: 5 }, now);
    expect(query.hostOrgId).toBe('org-street-lujiazui');
    expect(query.kind).toBe('salon');
    expect(query.window).toEqual({ offset: 10, limit: 6 });
  });

  it('refuses days that do not exist', () => {
    const error = failure(() => planEventList({ ...defaults, from: '2026-02-30' }, now));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.field).toBe('from');
    expect(failure(() => planEventList({ ...defaults, to: '2026-13-01' }, now)).field).toBe('to');
  });

  it('refuses a range that ends before it starts', () => {
    const error = failure(() => planEventList({ ...defaults, from: '2026-11-26', to: '2026-11-25' }, now));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.field).toBe('to');
    expect(error.message).toBe('结束日期不能早于开始日期');
  });

  it('accepts a single-day range', () => {
    const query = planEventList({ ...defaults, from: '2026-11-25', to: '2026-11-25' }, now);
    expect(query.startsBefore!.getTime() - query.startsFrom!.getTime()).toBe(24 * 3600 * 1000);
  });
});

describe('isPublicEvent', () => {
  it('hides drafts and shows the rest, cancelled included', () => {
    expect(isPublicEvent({ status: 'draft' })).toBe(false);
    expect(isPublicEvent({ status: 'published' })).toBe(true);
    expect(isPublicEvent({ status: 'closed' })).toBe(true);
    expect(isPublicEvent({ status: 'cancelled' })).toBe(true);
  });
});
