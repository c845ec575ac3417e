import { eventFieldsSchema, type EventFields, type EventFieldsInput } from '../../cloudfunctions/shared/contract/events';
import type { EventDoc, OrgDoc } from '../../cloudfunctions/shared/data/documents';
import { AppError } from '../../cloudfunctions/shared/domain/app-error';
import {
  assertEditable,
  assertEventFields,
  assertLockedSettings,
  closedSignupWindow,
  decideTransition,
  eventHosts,
  hostFields,
  ledgerShowsRegistrations,
  managedOrgIds,
  maxEventDays,
  needsOrgTree,
  newEventDoc,
  planEventEdit,
  type EventTransition,
} from '../../cloudfunctions/shared/domain/event-rules';
import { openingLedger } from '../../cloudfunctions/shared/domain/seat-ledger';
import { eventDoc } from './fixtures';

/** 10:00 on 25 Nov 2026 in Shanghai. */
const now = new Date('2026-11-25T02:00:00Z');
const minute = 60 * 1000;
const day = 24 * 60 * minute;

/** A salon on 5 Dec 2026, 14:00–16:00 in Shanghai, written the way the editor sends Shanghai wall-clock times. */
function fields(overrides: Partial<EventFieldsInput> = {}): EventFields {
  return eventFieldsSchema.parse({
    title: '"一带一路"专业人士沙龙',
    kind: 'salon',
    description: '与专业服务机构从业人员交流出海经验',
    venue: { name: '陆家嘴金融城会客厅', address: '浦东新区银城中路' },
    startAt: '2026-12-05T14:00:00+08:00',
    endAt: '2026-12-05T16:00:00+08:00',
    signupOpensAt: '2026-11-20T08:00:00+08:00',
    signupClosesAt: '2026-12-04T18:00:00+08:00',
    capacity: 40,
    requiresApproval: true,
    coHostOrgIds: ['org-sector-professional'],
    schedule: [{ time: '14:00', title: '签到' }],
    ...overrides,
  });
}

/** The stored event the fields above describe. */
function stored(overrides: Partial<EventDoc> = {}): EventDoc {
  return eventDoc({ arrivals: 0, ...overrides });
}

function failure(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

function refusal(run: () => unknown): { code: string; field: string | undefined; message: string } {
  const error = failure(run);
  expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  return { code: error.code, field: error.field, message: error.message };
}

const createCheck = (input: EventFields, at = now) => () => assertEventFields(input, 'org-street-lujiazui', at);

describe('assertEventFields on create', () => {
  it('accepts a well-formed event', () => {
    expect(() => assertEventFields(fields(), 'org-street-lujiazui', now)).not.toThrow();
  });

  it('refuses a start that is not after now, judged on instants whatever the offset', () => {
    // 10:00 in Shanghai is 02:00 UTC: "now" written either way is not in the future.
    for (const startAt of ['2026-11-25T10:00:00+08:00', '2026-11-25T02:00:00Z', '2026-11-25T09:59:00+08:00']) {
      expect(refusal(createCheck(fields({ startAt, endAt: '2026-11-25T12:00:00+08:00', signupOpensAt: '2026-11-20T00:00:00Z', signupClosesAt: '2026-11-25T11:00:00+08:00' })))).toEqual({
        code: 'VALIDATION_FAILED',
        field: 'fields.startAt',
        message: '开始时间不能早于当前时间',
      });
    }
    expect(() => createCheck(fields({ startAt: '2026-11-25T10:01:00+08:00', endAt: '2026-11-25T12:00:00+08:00', signupOpensAt: '2026-11-20T00:00:00Z', signupClosesAt: '2026-11-25T11:00:00+08:00' }))()).not.toThrow();
  });

  it('refuses an end that is not after the start', () => {
    // 14:00 in Shanghai and 06:00 UTC are the same instant.
    expect(refusal(createCheck(fields({ endAt: '2026-12-05T06:00:00Z', signupClosesAt: '2026-12-04T18:00:00+08:00' })))).toMatchObject({
      field: 'fields.endAt',
      message: '结束时间必须晚于开始时间',
    });
    expect(refusal(createCheck(fields({ endAt: '2026-12-05T13:00:00+08:00' }))).field).toBe('fields.endAt');
    expect(() => createCheck(fields({ endAt: '2026-12-05T06:01:00Z' }))()).not.toThrow();
  });

  it(`lets an event last ${maxEventDays} days and no longer`, () => {
    expect(() => createCheck(fields({ endAt: '2026-12-19T14:00:00+08:00' }))()).not.toThrow();
    expect(refusal(createCheck(fields({ endAt: '2026-12-19T14:01:00+08:00' })))).toMatchObject({ field: 'fields.endAt', message: '活动时长不能超过 14 天' });
  });

  it('needs the sign-up window to open before it closes', () => {
    for (const signupClosesAt of ['2026-11-20T08:00:00+08:00', '2026-11-20T00:00:00Z', '2026-11-19T08:00:00+08:00']) {
      expect(refusal(createCheck(fields({ signupClosesAt })))).toMatchObject({ field: 'fields.signupClosesAt', message: '报名截止时间必须晚于报名开始时间' });
    }
  });

  it('lets sign-up close at the end of the event at the latest', () => {
    // An event under way may still take sign-ups (a day of service); 16:00 Shanghai is 08:00 UTC.
    expect(() => createCheck(fields({ signupClosesAt: '2026-12-05T08:00:00Z' }))()).not.toThrow();
    expect(refusal(createCheck(fields({ signupClosesAt: '2026-12-05T16:01:00+08:00' })))).toMatchObject({
      field: 'fields.signupClosesAt',
      message: '报名截止时间不能晚于活动结束时间',
    });
  });

  it('lets the cancellation deadline be the start at the latest, or absent', () => {
    expect(() => createCheck(fields({ cancellationDeadline: null }))()).not.toThrow();
    expect(() => createCheck(fields({ cancellationDeadline: '2026-12-05T06:00:00Z' }))()).not.toThrow();
    expect(refusal(createCheck(fields({ cancellationDeadline: '2026-12-05T14:00:01+08:00' })))).toMatchObject({
      field: 'fields.cancellationDeadline',
      message: '取消报名截止时间不能晚于活动开始时间',
    });
  });

  it('needs a team minimum no larger than its maximum', () => {
    expect(() => createCheck(fields({ team: { minSize: 3, maxSize: 3 } }))()).not.toThrow();
    expect(refusal(createCheck(fields({ team: { minSize: 4, maxSize: 3 } })))).toMatchObject({ field: 'fields.team.maxSize' });
  });

  it('needs unique question ids', () => {
    const questions = [
      { id: 'diet', kind: 'text' as const, label: '饮食', required: false },
      { id: 'diet', kind: 'text' as const, label: '忌口', required: false },
    ];
    expect(refusal(createCheck(fields({ questions })))).toMatchObject({ field: 'fields.questions.1.id', message: '问题编号“diet”重复了' });
  });

  it('needs at least two distinct options on a choice and none on a text question', () => {
    const single = { id: 'size', kind: 'single' as const, label: '尺码', required: true, options: ['M'] };
    expect(refusal(createCheck(fields({ questions: [single] })))).toMatchObject({ field: 'fields.questions.0.options', message: '选择题“尺码”至少需要 2 个选项' });
    const multiple = { id: 'topics', kind: 'multiple' as const, label: '议题', required: false, options: [] };
    expect(refusal(createCheck(fields({ questions: [{ id: 'ok', kind: 'text', label: '备注', required: false }, multiple] }))).field).toBe('fields.questions.1.options');
    const text = { id: 'note', kind: 'text' as const, label: '备注', required: false, options: ['甲', '乙'] };
    expect(refusal(createCheck(fields({ questions: [text] })))).toMatchObject({ field: 'fields.questions.0.options', message: '填空题“备注”不需要选项' });
    const repeated = { ...single, options: ['M', 'L', 'M'] };
    expect(refusal(createCheck(fields({ questions: [repeated] })))).toMatchObject({ field: 'fields.questions.0.options', message: '“尺码”的选项“M”重复了' });
    expect(() => createCheck(fields({ questions: [{ ...single, options: ['M', 'L'] }, { ...multiple, options: ['合规', '税务'] }] }))()).not.toThrow();
  });

  it('refuses the host as its own co-host and a co-host twice', () => {
    expect(refusal(createCheck(fields({ coHostOrgIds: ['org-street-lujiazui'] })))).toMatchObject({ field: 'fields.coHostOrgIds' });
    expect(refusal(createCheck(fields({ coHostOrgIds: ['org-sector-professional', 'org-sector-professional'] })))).toMatchObject({
      field: 'fields.coHostOrgIds',
      message: '协办组织重复了',
    });
  });
});

describe('eventHosts and newEventDoc', () => {
  const host: Pick<OrgDoc, '_id' | 'name'> = { _id: 'org-street-lujiazui', name: '陆家嘴街道新联会' };
  const professional = { _id: 'org-sector-professional', name: '浦东新区专业机构从业人员联谊会' };
  const huamu = { _id: 'org-street-huamu', name: '花木街道新联会' };

  it('puts the host first, then the co-hosts in the order given, whatever order they were found in', () => {
    expect(eventHosts(host, ['org-street-huamu', 'org-sector-professional'], [professional, huamu])).toEqual([
      { id: 'org-street-lujiazui', name: '陆家嘴街道新联会' },
      { id: 'org-street-huamu', name: '花木街道新联会' },
      { id: 'org-sector-professional', name: '浦东新区专业机构从业人员联谊会' },
    ]);
    expect(hostFields(eventHosts(host, [], [])).hostOrgIds).toEqual(['org-street-lujiazui']);
  });

  it('refuses a co-host that does not exist', () => {
    expect(refusal(() => eventHosts(host, ['org-sector-professional', 'org-nowhere'], [professional]))).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'fields.coHostOrgIds',
      message: '协办组织不存在',
    });
  });

  it('builds a draft with UTC instants, an opening ledger and the hosts', () => {
    const hosts = eventHosts(host, ['org-sector-professional'], [professional]);
    const doc = newEventDoc(fields({ cancellationDeadline: '2026-12-04T20:00:00+08:00' }), hosts, 'm-organizer', now);
    expect(doc).toMatchObject({
      status: 'draft',
      orgId: 'org-street-lujiazui',
      coHostOrgIds: ['org-sector-professional'],
      hostOrgIds: ['org-street-lujiazui', 'org-sector-professional'],
      hosts,
      capacity: 40,
      ...openingLedger(40),
      createdBy: 'm-organizer',
      createdAt: now,
      updatedAt: now,
      requiresApproval: true,
      waitlistMode: 'auto',
      offerHours: 24,
      team: null,
    });
    expect(doc.startAt).toEqual(new Date('2026-12-05T06:00:00Z'));
    expect(doc.endAt).toEqual(new Date('2026-12-05T08:00:00Z'));
    expect(doc.signupClosesAt).toEqual(new Date('2026-12-04T10:00:00Z'));
    expect(doc.cancellationDeadline).toEqual(new Date('2026-12-04T12:00:00Z'));
    expect(doc).not.toHaveProperty('_id');
  });
});

describe('planEventEdit', () => {
  it('reports nothing to do beyond the fields for a description change', () => {
    const edit = planEventEdit(stored(), fields({ description: '新的介绍' }), now);
    expect(edit).toMatchObject({ coHostsChanged: false, capacity: null, snapshot: null, lockedField: null });
    expect(edit.fields.description).toBe('新的介绍');
    expect(edit.fields).not.toHaveProperty('capacity');
    expect(edit.fields).not.toHaveProperty('arrivals');
  });

  it('lets an event under way be corrected, but not moved into the past', () => {
    const underWay = stored({ startAt: new Date('2026-11-25T01:00:00Z'), endAt: new Date('2026-11-25T05:00:00Z'), signupClosesAt: new Date('2026-11-25T05:00:00Z') });
    const same = { startAt: '2026-11-25T09:00:00+08:00', endAt: '2026-11-25T13:00:00+08:00', signupClosesAt: '2026-11-25T05:00:00Z' };
    expect(() => planEventEdit(underWay, fields({ ...same, description: '改正错字' }), now)).not.toThrow();
    expect(refusal(() => planEventEdit(underWay, fields({ ...same, startAt: '2026-11-25T09:30:00+08:00' }), now))).toMatchObject({ field: 'fields.startAt' });
    expect(refusal(() => planEventEdit(underWay, fields({ ...same, endAt: '2026-11-25T09:59:00+08:00' }), now))).toMatchObject({
      field: 'fields.endAt',
      message: '结束时间不能早于当前时间',
    });
  });

  it('refuses edits of a cancelled or ended event', () => {
    expect(failure(() => planEventEdit(stored({ status: 'cancelled' }), fields(), now)).code).toBe('EVENT_NOT_EDITABLE');
    const endedNow = stored({ startAt: new Date('2026-11-25T00:00:00Z'), endAt: now });
    expect(failure(() => planEventEdit(endedNow, fields(), now)).code).toBe('EVENT_NOT_EDITABLE');
  });

  it('freezes the sign-up window of a closed event', () => {
    const closed = stored({ status: 'closed', signupClosesAt: now });
    const window = { signupOpensAt: '2026-11-20T00:00:00Z', signupClosesAt: '2026-11-25T10:00:00+08:00' };
    expect(() => planEventEdit(closed, fields({ ...window, title: '新标题' }), now)).not.toThrow();
    expect(refusal(() => planEventEdit(closed, fields({ ...window, signupClosesAt: '2026-12-04T18:00:00+08:00' }), now))).toMatchObject({
      field: 'fields.signupClosesAt',
      message: '报名已截止，不能再修改报名时间',
    });
    expect(refusal(() => planEventEdit(closed, fields({ ...window, signupOpensAt: '2026-11-21T00:00:00Z' }), now)).field).toBe('fields.signupOpensAt');
  });

  it('gives the registrations a new copy when what they show changes', () => {
    for (const change of [
      { title: '改名的沙龙' },
      { kind: 'forum' as const },
      { venue: { name: '陆家嘴金融城会客厅', address: '浦东新区银城中路 8 号' } },
      { startAt: '2026-12-05T13:00:00+08:00' },
      { endAt: '2026-12-05T17:00:00+08:00' },
    ]) {
      expect(planEventEdit(stored(), fields(change), now).snapshot).not.toBeNull();
    }
    const moved = planEventEdit(stored(), fields({ title: '改名的沙龙', startAt: '2026-12-05T13:00:00+08:00' }), now).snapshot;
    expect(moved).toEqual({
      title: '改名的沙龙',
      kind: 'salon',
      startAt: new Date('2026-12-05T05:00:00Z'),
      endAt: new Date('2026-12-05T08:00:00Z'),
      venue: { name: '陆家嘴金融城会客厅', address: '浦东新区银城中路' },
    });
    expect(planEventEdit(stored(), fields({ capacity: 60, membersOnly: true, questions: [] }), now).snapshot).toBeNull();
  });

  it('reports a capacity change, co-host changes and locked settings', () => {
    expect(planEventEdit(stored(), fields({ capacity: 60 }), now).capacity).toBe(60);
    expect(planEventEdit(stored(), fields({ coHostOrgIds: [] }), now).coHostsChanged).toBe(true);
    expect(planEventEdit(stored(), fields({ coHostOrgIds: ['org-sector-professional', 'org-street-huamu'] }), now).coHostsChanged).toBe(true);
    expect(planEventEdit(stored(), fields({ team: { minSize: 3, maxSize: 6 } }), now).lockedField).toBe('fields.team');
    expect(planEventEdit(stored({ team: { minSize: 3, maxSize: 6 } }), fields({ team: { minSize: 3, maxSize: 5 } }), now).lockedField).toBe('fields.team');
    expect(planEventEdit(stored({ team: { minSize: 3, maxSize: 6 } }), fields({ team: { minSize: 3, maxSize: 6 } }), now).lockedField).toBeNull();
    expect(planEventEdit(stored(), fields({ requiresApproval: false }), now).lockedField).toBe('fields.requiresApproval');
  });
});

describe('locked settings', () => {
  it('counts numbers handed out and sign-ups awaiting approval as registrations', () => {
    expect(ledgerShowsRegistrations(stored())).toBe(false);
    expect(ledgerShowsRegistrations(stored({ arrivals: 1 }))).toBe(true);
    expect(ledgerShowsRegistrations(stored({ pendingCount: 1 }))).toBe(true);
  });

  it('refuses a change of team settings or approval once anyone registered, naming the field', () => {
    expect(() => assertLockedSettings({ lockedField: 'fields.team' }, false)).not.toThrow();
    expect(() => assertLockedSettings({ lockedField: null }, true)).not.toThrow();
    expect(refusal(() => assertLockedSettings({ lockedField: 'fields.team' }, true))).toEqual({
      code: 'VALIDATION_FAILED',
      field: 'fields.team',
      message: '已有人报名，不能再修改组队设置',
    });
    expect(refusal(() => assertLockedSettings({ lockedField: 'fields.requiresApproval' }, true)).field).toBe('fields.requiresApproval');
  });
});

describe('status transitions', () => {
  const upcoming = (status: EventDoc['status']) => stored({ status });
  const outcomes: [EventDoc['status'], EventTransition, string][] = [
    ['draft', 'publish', 'apply'],
    ['published', 'publish', 'repeat'],
    ['closed', 'publish', 'WRONG_EVENT_STATUS'],
    ['cancelled', 'publish', 'EVENT_NOT_EDITABLE'],
    ['draft', 'closeSignup', 'WRONG_EVENT_STATUS'],
    ['published', 'closeSignup', 'apply'],
    ['closed', 'closeSignup', 'repeat'],
    ['cancelled', 'closeSignup', 'EVENT_NOT_EDITABLE'],
    ['draft', 'cancel', 'apply'],
    ['published', 'cancel', 'apply'],
    ['closed', 'cancel', 'apply'],
    ['cancelled', 'cancel', 'repeat'],
  ];

  it.each(outcomes)('%s → %s: %s', (status, transition, expected) => {
    const decide = () => decideTransition(upcoming(status), transition, now);
    if (expected === 'apply' || expected === 'repeat') expect(decide()).toBe(expected);
    else expect(failure(decide).code).toBe(expected);
  });

  it('moves an ended event no further, though a repeat still answers it', () => {
    const ended = (status: EventDoc['status']) => stored({ status, startAt: new Date('2026-11-24T00:00:00Z'), endAt: new Date('2026-11-25T01:59:59Z') });
    for (const transition of ['publish', 'closeSignup', 'cancel'] as const) expect(failure(() => decideTransition(ended('draft'), transition, now)).code).toBe('EVENT_NOT_EDITABLE');
    expect(failure(() => decideTransition(ended('published'), 'cancel', now)).code).toBe('EVENT_NOT_EDITABLE');
    expect(decideTransition(ended('closed'), 'closeSignup', now)).toBe('repeat');
  });

  it('allows edits until the end and never after a cancellation', () => {
    expect(() => assertEditable(stored({ endAt: new Date(now.getTime() + 1) }), now)).not.toThrow();
    expect(failure(() => assertEditable(stored({ endAt: now }), now)).code).toBe('EVENT_NOT_EDITABLE');
    expect(failure(() => assertEditable(stored({ status: 'cancelled' }), now)).code).toBe('EVENT_NOT_EDITABLE');
  });
});

describe('closedSignupWindow', () => {
  it('ends an open window now', () => {
    expect(closedSignupWindow(stored(), now)).toEqual({ signupOpensAt: new Date('2026-11-20T00:00:00Z'), signupClosesAt: now });
  });

  it('keeps the end of a window that has already ended', () => {
    const ended = new Date(now.getTime() - day);
    expect(closedSignupWindow(stored({ signupOpensAt: new Date(now.getTime() - 2 * day), signupClosesAt: ended }), now).signupClosesAt).toEqual(ended);
  });

  it('opens and ends a window not yet open now, so it never ends before it opens', () => {
    expect(closedSignupWindow(stored({ signupOpensAt: new Date(now.getTime() + day) }), now)).toEqual({ signupOpensAt: now, signupClosesAt: now });
  });
});

describe('managedOrgIds', () => {
  const org = (_id: string, ancestorIds: string[]) => ({ _id, ancestorIds });
  const tree = [
    org('org-general', []),
    org('org-sector-professional', ['org-general']),
    org('org-street-lujiazui', ['org-general']),
    org('org-club-lujiazui-reading', ['org-general', 'org-street-lujiazui']),
    org('org-street-huamu', ['org-general']),
  ];

  it('reaches the organized organisations and everything below them', () => {
    const lujiazui = { roles: [{ orgId: 'org-street-lujiazui', role: 'organizer' as const }] };
    expect(managedOrgIds(lujiazui, tree)).toEqual(['org-street-lujiazui', 'org-club-lujiazui-reading']);
    const two = { roles: [{ orgId: 'org-street-huamu', role: 'organizer' as const }, { orgId: 'org-sector-professional', role: 'organizer' as const }] };
    expect(managedOrgIds(two, tree)).toEqual(['org-sector-professional', 'org-street-huamu']);
    expect(needsOrgTree(lujiazui)).toBe(true);
  });

  it('answers null (everything) for an admin and for an organizer of the whole tree', () => {
    const admin = { roles: [{ orgId: 'org-street-huamu', role: 'admin' as const }] };
    expect(managedOrgIds(admin, [])).toBeNull();
    expect(needsOrgTree(admin)).toBe(false);
    expect(managedOrgIds({ roles: [{ orgId: 'org-general', role: 'organizer' }] }, tree)).toBeNull();
  });

  it('refuses members without an organizer role, stewards included', () => {
    expect(failure(() => managedOrgIds({ roles: [] }, tree)).code).toBe('FORBIDDEN');
    const steward = { roles: [{ orgId: 'org-street-lujiazui', role: 'steward' as const }] };
    expect(failure(() => managedOrgIds(steward, tree)).code).toBe('FORBIDDEN');
    expect(needsOrgTree(steward)).toBe(false);
  });

  it('reaches nothing, not everything, when the organized organisation is gone from an empty tree', () => {
    expect(managedOrgIds({ roles: [{ orgId: 'org-gone', role: 'organizer' }] }, [])).toEqual([]);
  });
});
