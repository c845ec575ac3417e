import type { EventDetail, EventFieldsInput, EventSummary, ManagedEvent, MyRegistration, Notification, Page, Reply } from '../../cloudfunctions/shared/contract';
import { collections, type AuditDoc, type EventDoc, type RegistrationDoc } from '../../cloudfunctions/shared/data/documents';
import { dataOf, harnessForThisFile, openIds, orgIds, seedNow } from '../support/functions';
import { nextRequestId } from './signup-support';

const harness = harnessForThisFile();

const hour = 3600 * 1000;

/** A salon on 10 Dec 2026, 14:00–16:00 in Shanghai; sign-up is open at seedNow (10:00 on 25 Nov). */
function salonFields(overrides: Partial<EventFieldsInput> = {}): EventFieldsInput {
  return {
    title: '跨境合规沙龙',
    kind: 'salon',
    description: '律师与会计师交流跨境合规经验',
    venue: { name: '陆家嘴金融城会客厅', address: '浦东新区银城中路 8 号' },
    startAt: '2026-12-10T14:00:00+08:00',
    endAt: '2026-12-10T16:00:00+08:00',
    signupOpensAt: '2026-11-25T08:00:00+08:00',
    signupClosesAt: '2026-12-09T18:00:00+08:00',
    capacity: 30,
    ...overrides,
  };
}

/** What the organizer's editor sends back for an event it loaded: its fields as they are. */
function fieldsOf(detail: EventDetail, overrides: Partial<EventFieldsInput> = {}): EventFieldsInput {
  return {
    title: detail.title,
    kind: detail.kind,
    description: detail.description,
    venue: detail.venue,
    startAt: detail.startAt,
    endAt: detail.endAt,
    signupOpensAt: detail.signupOpensAt,
    signupClosesAt: detail.signupClosesAt,
    cancellationDeadline: detail.cancellationDeadline,
    capacity: detail.capacity,
    requiresApproval: detail.requiresApproval,
    membersOnly: detail.membersOnly,
    waitlistMode: detail.waitlistMode,
    offerHours: detail.offerHours,
    team: detail.team,
    questions: detail.questions,
    schedule: detail.schedule,
    coHostOrgIds: detail.hosts.slice(1).map((host) => host.id),
    ...overrides,
  };
}

const call = (openId: string | null, action: string, data?: unknown) => harness.call(openId, 'events', action, data);

async function create(openId: string, orgId: string, overrides: Partial<EventFieldsInput> = {}): Promise<EventDetail> {
  return dataOf<EventDetail>(await call(openId, 'create', { requestId: nextRequestId(), orgId, fields: salonFields(overrides) }));
}

async function published(openId: string, orgId: string, overrides: Partial<EventFieldsInput> = {}): Promise<EventDetail> {
  const draft = await create(openId, orgId, overrides);
  return dataOf<EventDetail>(await call(openId, 'publish', { id: draft.id }));
}

async function storedEvent(eventId: string): Promise<EventDoc> {
  const { data } = await harness.db.collection(collections.events).doc(eventId).get();
  return (data as EventDoc[])[0];
}

async function auditOf(eventId: string): Promise<AuditDoc[]> {
  const { data } = await harness.db.collection(collections.audit).where({ 'target.id': eventId }).limit(100).get();
  return data as AuditDoc[];
}

async function registrationsOf(eventId: string): Promise<RegistrationDoc[]> {
  const { data } = await harness.db.collection(collections.registrations).where({ eventId }).limit(100).get();
  return data as RegistrationDoc[];
}

async function countEvents(): Promise<number> {
  return (await harness.db.collection(collections.events).count()).total ?? 0;
}

let requestCounter = 0;
const contacts: Record<string, { name: string; mobile: string }> = {
  [openIds.member]: { name: '陈思远', mobile: '13812341234' },
  [openIds.otherMember]: { name: '李明', mobile: '13700001111' },
  [openIds.steward]: { name: '签到员乙', mobile: '13900000005' },
  [openIds.huamuOrganizer]: { name: '花木组织者', mobile: '13900000004' },
};

async function signUp(openId: string, eventId: string): Promise<Reply<unknown>> {
  return call(openId, 'signup', { eventId, requestId: `req-mgmt-${++requestCounter}`, contact: contacts[openId] });
}

async function myRegistration(openId: string, eventId: string): Promise<MyRegistration | null> {
  return dataOf<MyRegistration | null>(await call(openId, 'myRegistration', { eventId }));
}

function refusedWith(code: string, field?: string) {
  return field === undefined ? { ok: false, code } : { ok: false, code, field };
}

describe('events.create', () => {
  it('makes a draft for an organisation the caller organizes, hosts named, ledger empty, the write audited', async () => {
    const detail = await create(openIds.lujiazuiOrganizer, orgIds.lujiazui, { coHostOrgIds: [orgIds.professional] });
    expect(detail).toMatchObject({
      status: 'draft',
      title: '跨境合规沙龙',
      startAt: '2026-12-10T06:00:00.000Z',
      endAt: '2026-12-10T08:00:00.000Z',
      signupClosesAt: '2026-12-09T10:00:00.000Z',
      hosts: [
        { id: orgIds.lujiazui, name: '陆家嘴街道新联会' },
        { id: orgIds.professional, name: '浦东新区专业机构从业人员联谊会' },
      ],
      capacity: 30,
      seatsTaken: 0,
      waitlistCount: 0,
      openOffers: 0,
      pendingCount: 0,
      requiresApproval: false,
      waitlistMode: 'auto',
      team: null,
      createdAt: seedNow.toISOString(),
    });
    const stored = await storedEvent(detail.id);
    expect(stored).toMatchObject({
      orgId: orgIds.lujiazui,
      hostOrgIds: [orgIds.lujiazui, orgIds.professional],
      createdBy: 'm-lujiazui-organizer',
      arrivals: 0,
      admitThrough: 30,
      startAt: new Date('2026-12-10T06:00:00Z'),
    });
    expect(await auditOf(detail.id)).toEqual([
      expect.objectContaining({ actorMemberId: 'm-lujiazui-organizer', actorRole: 'organizer', function: 'events', action: 'create', orgId: orgIds.lujiazui }),
    ]);
  });

  it('makes one event of a create retried with the same request id, also when the two race', async () => {
    const requestId = nextRequestId();
    const before = await countEvents();
    const [first, second] = await Promise.all([0, 1].map(() => call(openIds.lujiazuiOrganizer, 'create', { requestId, orgId: orgIds.lujiazui, fields: salonFields() })));
    const third = await call(openIds.lujiazuiOrganizer, 'create', { requestId, orgId: orgIds.lujiazui, fields: salonFields() });
    const ids = [first, second, third].map((reply) => dataOf<EventDetail>(reply).id);
    expect(new Set(ids).size).toBe(1);
    expect(await countEvents()).toBe(before + 1);
    expect(await auditOf(ids[0])).toHaveLength(1);
    // Another request, or the same request id from another organizer, is another event.
    const other = dataOf<EventDetail>(await call(openIds.lujiazuiOrganizer, 'create', { requestId: nextRequestId(), orgId: orgIds.lujiazui, fields: salonFields() }));
    const someoneElse = dataOf<EventDetail>(await call(openIds.generalOrganizer, 'create', { requestId, orgId: orgIds.lujiazui, fields: salonFields() }));
    expect(new Set([ids[0], other.id, someoneElse.id]).size).toBe(3);
  });

  it('refuses a plain member, a steward and an organizer of an unrelated organisation, storing nothing', async () => {
    const before = await countEvents();
    for (const openId of [openIds.member, openIds.steward, openIds.huamuOrganizer]) {
      expect(await call(openId, 'create', { requestId: nextRequestId(), orgId: orgIds.lujiazui, fields: salonFields() })).toMatchObject(refusedWith('FORBIDDEN'));
    }
    expect(await call(null, 'create', { requestId: nextRequestId(), orgId: orgIds.lujiazui, fields: salonFields() })).toMatchObject(refusedWith('UNAUTHENTICATED'));
    expect(await countEvents()).toBe(before);
  });

  it('lets an organizer reach down the tree and never up it', async () => {
    expect(await call(openIds.lujiazuiOrganizer, 'create', { requestId: nextRequestId(), orgId: orgIds.general, fields: salonFields() })).toMatchObject(refusedWith('FORBIDDEN'));
    expect((await create(openIds.lujiazuiOrganizer, orgIds.lujiazuiReading)).hosts[0].id).toBe(orgIds.lujiazuiReading);
    expect((await create(openIds.generalOrganizer, orgIds.lujiazui)).hosts[0].id).toBe(orgIds.lujiazui);
    expect((await create(openIds.admin, orgIds.huamu)).hosts[0].id).toBe(orgIds.huamu);
  });

  it('answers NOT_FOUND for an unknown organisation and names an unknown co-host', async () => {
    expect(await call(openIds.admin, 'create', { requestId: nextRequestId(), orgId: 'org-nowhere', fields: salonFields() })).toMatchObject(refusedWith('NOT_FOUND'));
    expect(await call(openIds.lujiazuiOrganizer, 'create', { requestId: nextRequestId(), orgId: orgIds.lujiazui, fields: salonFields({ coHostOrgIds: ['org-nowhere'] }) })).toEqual({
      ok: false,
      code: 'VALIDATION_FAILED',
      message: '协办组织不存在',
      field: 'fields.coHostOrgIds',
    });
  });

  it('answers the rules beyond the schema with the field at fault', async () => {
    const attempt = (overrides: Partial<EventFieldsInput>) => call(openIds.lujiazuiOrganizer, 'create', { requestId: nextRequestId(), orgId: orgIds.lujiazui, fields: salonFields(overrides) });
    expect(await attempt({ endAt: '2026-12-10T13:00:00+08:00' })).toEqual({ ok: false, code: 'VALIDATION_FAILED', message: '结束时间必须晚于开始时间', field: 'fields.endAt' });
    expect(await attempt({ startAt: '2026-11-25T09:00:00+08:00', endAt: '2026-11-25T12:00:00+08:00', signupClosesAt: '2026-11-25T09:00:00+08:00' })).toMatchObject(
      refusedWith('VALIDATION_FAILED', 'fields.startAt'),
    );
    expect(await attempt({ endAt: '2026-12-25T14:00:00+08:00' })).toMatchObject(refusedWith('VALIDATION_FAILED', 'fields.endAt'));
    expect(await attempt({ signupClosesAt: '2026-12-10T17:00:00+08:00' })).toMatchObject(refusedWith('VALIDATION_FAILED', 'fields.signupClosesAt'));
    expect(await attempt({ cancellationDeadline: '2026-12-10T15:00:00+08:00' })).toMatchObject(refusedWith('VALIDATION_FAILED', 'fields.cancellationDeadline'));
    expect(await attempt({ team: { minSize: 5, maxSize: 3 } })).toMatchObject(refusedWith('VALIDATION_FAILED', 'fields.team.maxSize'));
    expect(await attempt({ questions: [{ id: 'size', kind: 'single', label: '尺码', required: true, options: ['M'] }] })).toMatchObject(
      refusedWith('VALIDATION_FAILED', 'fields.questions.0.options'),
    );
  });

  it('refuses hostile fields inside `fields`, the seat ledger and the status included', async () => {
    const attempt = (fields: Record<string, unknown>) => call(openIds.admin, 'create', { requestId: nextRequestId(), orgId: orgIds.lujiazui, fields });
    const cases: [Record<string, unknown>, string][] = [
      [{ ...salonFields(), status: 'published' }, 'fields.status'],
      [{ ...salonFields(), arrivals: -100 }, 'fields.arrivals'],
      [{ ...salonFields(), title: { $ne: null } }, 'fields.title'],
      [{ ...salonFields(), title: '' }, 'fields.title'],
      [{ ...salonFields(), venue: { name: '新'.repeat(10_000), address: '' } }, 'fields.venue.name'],
      [{ ...salonFields(), startAt: '2026-12-10 14:00' }, 'fields.startAt'],
      [{ ...salonFields(), capacity: 0 }, 'fields.capacity'],
      [{ ...salonFields(), capacity: 1.5 }, 'fields.capacity'],
      [{ ...salonFields(), coHostOrgIds: [{ $gt: '' }] }, 'fields.coHostOrgIds.0'],
      [{ ...salonFields(), questions: [{ id: 'q', kind: 'essay', label: '问', required: true, options: [] }] }, 'fields.questions.0.kind'],
    ];
    const before = await countEvents();
    for (const [fields, field] of cases) {
      const reply = await attempt(fields);
      expect(reply).toMatchObject(refusedWith('VALIDATION_FAILED', field));
      if (!reply.ok) expect(reply.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await countEvents()).toBe(before);
  });
});

describe('drafts', () => {
  it('stay out of the list and answer NOT_FOUND to all but the host’s organizers until published', async () => {
    const draft = await create(openIds.lujiazuiOrganizer, orgIds.lujiazui, { title: '待发布的沙龙' });
    const listed = async () => dataOf<Page<EventSummary>>(await call(null, 'list', { pageSize: 50 })).items.map((item) => item.id);
    expect(await listed()).not.toContain(draft.id);
    for (const openId of [null, openIds.member, openIds.huamuOrganizer, openIds.steward]) {
      expect(await call(openId, 'get', { id: draft.id })).toMatchObject(refusedWith('NOT_FOUND'));
    }
    for (const openId of [openIds.member, openIds.huamuOrganizer]) {
      for (const action of ['publish', 'closeSignup']) expect(await call(openId, action, { id: draft.id })).toMatchObject(refusedWith('NOT_FOUND'));
      expect(await call(openId, 'update', { id: draft.id, fields: fieldsOf(draft, { title: '被改的标题' }) })).toMatchObject(refusedWith('NOT_FOUND'));
      expect(await call(openId, 'cancelEvent', { id: draft.id, message: '不办了' })).toMatchObject(refusedWith('NOT_FOUND'));
    }
    expect(dataOf<EventDetail>(await call(openIds.generalOrganizer, 'get', { id: draft.id })).status).toBe('draft');
    expect(await signUp(openIds.member, draft.id)).toMatchObject(refusedWith('NOT_FOUND'));

    const live = dataOf<EventDetail>(await call(openIds.lujiazuiOrganizer, 'publish', { id: draft.id }));
    expect(live).toMatchObject({ id: draft.id, status: 'published', title: '待发布的沙龙' });
    expect(await listed()).toContain(draft.id);
    expect(dataOf<EventDetail>(await call(openIds.member, 'get', { id: draft.id })).status).toBe('published');
    // Once listed it exists for everyone, so others are told they may not, rather than that it is not there.
    expect(await call(openIds.huamuOrganizer, 'closeSignup', { id: draft.id })).toMatchObject(refusedWith('FORBIDDEN'));
    expect(await call(openIds.member, 'cancelEvent', { id: draft.id, message: '不办了' })).toMatchObject(refusedWith('FORBIDDEN'));
    expect((await storedEvent(draft.id)).status).toBe('published');
  });
});

describe('events.update', () => {
  it('lets the general organizer edit a street event, and audits it under their name', async () => {
    const event = await published(openIds.lujiazuiOrganizer, orgIds.lujiazui);
    const edited = dataOf<EventDetail>(
      await call(openIds.generalOrganizer, 'update', { id: event.id, fields: fieldsOf(event, { title: '总会修改后的标题', coHostOrgIds: [orgIds.huamu] }) }),
    );
    expect(edited).toMatchObject({ title: '总会修改后的标题', status: 'published', hosts: [{ id: orgIds.lujiazui }, { id: orgIds.huamu, name: '花木街道新联会' }] });
    expect((await storedEvent(event.id)).hostOrgIds).toEqual([orgIds.lujiazui, orgIds.huamu]);
    const audit = await auditOf(event.id);
    expect(audit.filter((entry) => entry.action === 'update')).toEqual([expect.objectContaining({ actorMemberId: 'm-general-organizer', orgId: orgIds.lujiazui })]);
  });

  it('refuses a plain member and an organizer of another street, changing nothing', async () => {
    const event = await published(openIds.lujiazuiOrganizer, orgIds.lujiazui);
    const before = await storedEvent(event.id);
    for (const openId of [openIds.member, openIds.huamuOrganizer, openIds.steward]) {
      expect(await call(openId, 'update', { id: event.id, fields: fieldsOf(event, { title: '越权修改' }) })).toMatchObject(refusedWith('FORBIDDEN'));
    }
    expect(await storedEvent(event.id)).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown event', async () => {
    const event = await create(openIds.admin, orgIds.general);
    expect(await call(openIds.admin, 'update', { id: 'ev-nowhere', fields: fieldsOf(event) })).toMatchObject(refusedWith('NOT_FOUND'));
  });

  it('copies a new title, time or venue to the registrations in one write, and leaves them alone otherwise', async () => {
    const event = await published(openIds.lujiazuiOrganizer, orgIds.lujiazui);
    for (const openId of [openIds.member, openIds.otherMember]) dataOf(await signUp(openId, event.id));
    const untouched = await registrationsOf(event.id);
    dataOf(await call(openIds.lujiazuiOrganizer, 'update', { id: event.id, fields: fieldsOf(event, { description: '只改了介绍' }) }));
    expect(await registrationsOf(event.id)).toEqual(untouched);

    const moved = fieldsOf(event, { title: '改期的沙龙', startAt: '2026-12-11T14:00:00+08:00', endAt: '2026-12-11T17:00:00+08:00', venue: { name: '浦东图书馆', address: '前程路 88 号' } });
    const { reply, roundTrips } = await harness.measure(openIds.lujiazuiOrganizer, 'events', 'update', { id: event.id, fields: moved });
    expect(reply.ok).toBe(true);
    // The event and the caller side by side, the host, the conditional write, the registrations' copy, the stewards'
    // check-in window, the audit.
    expect(roundTrips).toBeLessThanOrEqual(7);
    for (const row of await registrationsOf(event.id)) {
      expect(row.event).toEqual({
        title: '改期的沙龙',
        kind: 'salon',
        startAt: new Date('2026-12-11T06:00:00Z'),
        endAt: new Date('2026-12-11T09:00:00Z'),
        venue: { name: '浦东图书馆', address: '前程路 88 号' },
      });
    }
  });

  it('changes capacity through the seat ledger: a raise seats the waiting list, a cut unseats nobody', async () => {
    const event = await published(openIds.lujiazuiOrganizer, orgIds.lujiazui, { capacity: 1 });
    dataOf(await signUp(openIds.member, event.id));
    expect(dataOf<MyRegistration>(await signUp(openIds.otherMember, event.id))).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

    const raised = dataOf<EventDetail>(await call(openIds.lujiazuiOrganizer, 'update', { id: event.id, fields: fieldsOf(event, { capacity: 2 }) }));
    expect(raised).toMatchObject({ capacity: 2, seatsTaken: 2, waitlistCount: 0 });
    expect((await myRegistration(openIds.otherMember, event.id))?.status).toBe('confirmed');

    const cut = dataOf<EventDetail>(await call(openIds.lujiazuiOrganizer, 'update', { id: event.id, fields: fieldsOf(event, { capacity: 1 }) }));
    expect(cut).toMatchObject({ capacity: 1, seatsTaken: 2 });
    expect((await myRegistration(openIds.member, event.id))?.status).toBe('confirmed');
    expect((await myRegistration(openIds.otherMember, event.id))?.status).toBe('confirmed');
    expect(dataOf<{ consistent: boolean }>(await call(openIds.lujiazuiOrganizer, 'checkCounters', { eventId: event.id })).consistent).toBe(true);
  });

  it('fixes team settings and approval once anyone has signed up, a team still forming included', async () => {
    const plain = await published(openIds.lujiazuiOrganizer, orgIds.lujiazui);
    expect(dataOf<EventDetail>(await call(openIds.lujiazuiOrganizer, 'update', { id: plain.id, fields: fieldsOf(plain, { requiresApproval: true }) })).requiresApproval).toBe(true);
    const approval = dataOf<EventDetail>(await call(openIds.lujiazuiOrganizer, 'get', { id: plain.id }));
    expect(dataOf<MyRegistration>(await signUp(openIds.member, plain.id)).status).toBe('pending');
    expect(await call(openIds.lujiazuiOrganizer, 'update', { id: plain.id, fields: fieldsOf(approval, { requiresApproval: false }) })).toEqual({
      ok: false,
      code: 'VALIDATION_FAILED',
      message: '已有人报名，不能再修改是否需要审核',
      field: 'fields.requiresApproval',
    });
    expect(await call(openIds.lujiazuiOrganizer, 'update', { id: plain.id, fields: fieldsOf(approval, { team: { minSize: 2, maxSize: 4 } }) })).toMatchObject(
      refusedWith('VALIDATION_FAILED', 'fields.team'),
    );

    const race = await published(openIds.lujiazuiOrganizer, orgIds.lujiazui, { kind: 'sports', team: { minSize: 3, maxSize: 6 } });
    dataOf(await call(openIds.member, 'createTeam', { eventId: race.id, requestId: `req-mgmt-${++requestCounter}`, teamName: '滨江快跑队', contact: contacts[openIds.member] }));
    expect((await storedEvent(race.id)).arrivals).toBe(0);
    expect(await call(openIds.lujiazuiOrganizer, 'update', { id: race.id, fields: fieldsOf(race, { team: { minSize: 2, maxSize: 6 } }) })).toEqual({
      ok: false,
      code: 'VALIDATION_FAILED',
      message: '已有人报名，不能再修改组队设置',
      field: 'fields.team',
    });
    expect((await storedEvent(race.id)).team).toEqual({ minSize: 3, maxSize: 6 });
    expect(dataOf<EventDetail>(await call(openIds.lujiazuiOrganizer, 'update', { id: race.id, fields: fieldsOf(race, { title: '滨江定向赛（改名）' }) })).title).toBe(
      '滨江定向赛（改名）',
    );
  });

  it('refuses edits of cancelled and ended events', async () => {
    const cancelled = dataOf<EventDetail>(await call(openIds.generalOrganizer, 'get', { id: 'ev-cancelled' }));
    expect(await call(openIds.generalOrganizer, 'update', { id: 'ev-cancelled', fields: fieldsOf(cancelled, { title: '复活' }) })).toMatchObject(refusedWith('EVENT_NOT_EDITABLE'));
    const past = dataOf<EventDetail>(await call(openIds.lujiazuiOrganizer, 'get', { id: 'ev-past' }));
    expect(await call(openIds.lujiazuiOrganizer, 'update', { id: 'ev-past', fields: fieldsOf(past, { title: '改过去' }) })).toMatchObject(refusedWith('EVENT_NOT_EDITABLE'));
  });

  it('lets an event under way be corrected but not moved into the past', async () => {
    const ongoing = dataOf<EventDetail>(await call(openIds.huamuOrganizer, 'get', { id: 'ev-ongoing' }));
    const corrected = dataOf<EventDetail>(await call(openIds.huamuOrganizer, 'update', { id: 'ev-ongoing', fields: fieldsOf(ongoing, { description: '集合地点改到南门' }) }));
    expect(corrected).toMatchObject({ description: '集合地点改到南门', startAt: ongoing.startAt });
    const earlier = new Date(new Date(ongoing.startAt).getTime() - hour).toISOString();
    expect(await call(openIds.huamuOrganizer, 'update', { id: 'ev-ongoing', fields: fieldsOf(ongoing, { startAt: earlier }) })).toMatchObject(
      refusedWith('VALIDATION_FAILED', 'fields.startAt'),
    );
  });
});

describe('publish, closeSignup and cancelEvent', () => {
  it('publishes once: a repeat answers the event, two taps at once both see it published', async () => {
    const draft = await create(openIds.lujiazuiOrganizer, orgIds.lujiazui);
    const replies = await Promise.all([call(openIds.lujiazuiOrganizer, 'publish', { id: draft.id }), call(openIds.lujiazuiOrganizer, 'publish', { id: draft.id })]);
    for (const reply of replies) expect(dataOf<EventDetail>(reply).status).toBe('published');
    expect(dataOf<EventDetail>(await call(openIds.lujiazuiOrganizer, 'publish', { id: draft.id })).status).toBe('published');
    expect((await auditOf(draft.id)).filter((entry) => entry.action === 'publish')).toHaveLength(1);
  });

  it('closes sign-up now: the window ends at the server’s time and sign-ups are refused', async () => {
    const event = await published(openIds.lujiazuiOrganizer, orgIds.lujiazui);
    const closed = dataOf<EventDetail>(await call(openIds.lujiazuiOrganizer, 'closeSignup', { id: event.id }));
    expect(closed).toMatchObject({ status: 'closed', signupClosesAt: seedNow.toISOString(), signupOpensAt: event.signupOpensAt });
    expect(dataOf<EventDetail>(await call(openIds.lujiazuiOrganizer, 'closeSignup', { id: event.id })).signupClosesAt).toBe(seedNow.toISOString());
    expect(await signUp(openIds.member, event.id)).toMatchObject(refusedWith('SIGNUP_CLOSED'));
    expect(await call(openIds.lujiazuiOrganizer, 'publish', { id: event.id })).toMatchObject(refusedWith('WRONG_EVENT_STATUS'));
    // Its description can still be corrected; its window cannot be reopened.
    expect(dataOf<EventDetail>(await call(openIds.lujiazuiOrganizer, 'update', { id: event.id, fields: fieldsOf(closed, { description: '报名已满，感谢关注' }) })).status).toBe('closed');
    expect(await call(openIds.lujiazuiOrganizer, 'update', { id: event.id, fields: fieldsOf(closed, { signupClosesAt: '2026-12-09T18:00:00+08:00' }) })).toMatchObject(
      refusedWith('VALIDATION_FAILED', 'fields.signupClosesAt'),
    );
  });

  it('refuses to close sign-up of a draft', async () => {
    const draft = await create(openIds.lujiazuiOrganizer, orgIds.lujiazui);
    expect(await call(openIds.lujiazuiOrganizer, 'closeSignup', { id: draft.id })).toEqual({
      ok: false,
      code: 'WRONG_EVENT_STATUS',
      message: '只有报名中的活动可以截止报名',
    });
  });

  it('cancels the event and its registrations, telling each member once, even when tapped twice', async () => {
    const event = await published(openIds.lujiazuiOrganizer, orgIds.lujiazui, { capacity: 1 });
    dataOf(await signUp(openIds.member, event.id));
    dataOf(await signUp(openIds.otherMember, event.id));
    const replies = await Promise.all([
      call(openIds.lujiazuiOrganizer, 'cancelEvent', { id: event.id, message: '场地临时检修' }),
      call(openIds.lujiazuiOrganizer, 'cancelEvent', { id: event.id, message: '场地临时检修' }),
    ]);
    const results = replies.map((reply) => dataOf<EventDetail & { registrationsCancelled: number }>(reply));
    expect(results.map((result) => result.registrationsCancelled).sort()).toEqual([0, 2]);
    for (const result of results) expect(result).toMatchObject({ status: 'cancelled', seatsTaken: 0, waitlistCount: 0 });
    expect((await myRegistration(openIds.member, event.id))?.status).toBe('cancelled');
    expect((await myRegistration(openIds.otherMember, event.id))?.status).toBe('cancelled');
    for (const openId of [openIds.member, openIds.otherMember]) {
      const notes = dataOf<Page<Notification>>(await harness.call(openId, 'members', 'notifications', { pageSize: 50 })).items.filter((note) => note.eventId === event.id);
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ kind: 'eventCancelled', title: '活动已取消' });
      expect(notes[0].body).toContain('场地临时检修');
    }
    expect(dataOf<EventDetail & { registrationsCancelled: number }>(await call(openIds.lujiazuiOrganizer, 'cancelEvent', { id: event.id, message: '再点一次' })).registrationsCancelled).toBe(0);
    expect(await call(openIds.lujiazuiOrganizer, 'publish', { id: event.id })).toMatchObject(refusedWith('EVENT_NOT_EDITABLE'));
    expect(await call(openIds.lujiazuiOrganizer, 'update', { id: event.id, fields: fieldsOf(event) })).toMatchObject(refusedWith('EVENT_NOT_EDITABLE'));
    expect(await signUp(openIds.steward, event.id)).toMatchObject(refusedWith('EVENT_CANCELLED'));
    expect((await auditOf(event.id)).filter((entry) => entry.action === 'cancelEvent')).toHaveLength(1);
  });

  it('cancels a draft, and refuses to cancel an event that has ended or to go without a reason', async () => {
    const draft = await create(openIds.lujiazuiOrganizer, orgIds.lujiazui);
    expect(dataOf<EventDetail & { registrationsCancelled: number }>(await call(openIds.lujiazuiOrganizer, 'cancelEvent', { id: draft.id, message: '计划有变' }))).toMatchObject({
      status: 'cancelled',
      registrationsCancelled: 0,
    });
    expect(await call(openIds.lujiazuiOrganizer, 'cancelEvent', { id: 'ev-past', message: '补取消' })).toMatchObject(refusedWith('EVENT_NOT_EDITABLE'));
    expect(await call(openIds.lujiazuiOrganizer, 'cancelEvent', { id: 'ev-salon', message: '   ' })).toMatchObject({ code: 'VALIDATION_FAILED', field: 'message', message: '请填写取消原因' });
    expect((await storedEvent('ev-salon')).status).toBe('published');
  });
});

describe('events.managed', () => {
  async function allManaged(openId: string): Promise<ManagedEvent[]> {
    const items: ManagedEvent[] = [];
    for (let page = 1; ; page++) {
      const result = dataOf<Page<ManagedEvent>>(await call(openId, 'managed', { page, pageSize: 7 }));
      items.push(...result.items);
      if (!result.hasMore) return items;
    }
  }

  function expectNewestFirst(items: ManagedEvent[]): void {
    for (let i = 1; i < items.length; i++) expect(items[i - 1].startAt >= items[i].startAt).toBe(true);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
  }

  it('shows a street organizer the events of the street and its clubs, drafts included, newest first', async () => {
    await create(openIds.lujiazuiOrganizer, orgIds.lujiazuiReading, { title: '读书会草稿', startAt: '2027-01-05T19:00:00+08:00', endAt: '2027-01-05T21:00:00+08:00', signupClosesAt: '2027-01-04T18:00:00+08:00' });
    const items = await allManaged(openIds.lujiazuiOrganizer);
    expectNewestFirst(items);
    expect(items[0]).toMatchObject({ title: '读书会草稿', status: 'draft', hosts: [{ id: orgIds.lujiazuiReading }], pendingCount: 0, openOffers: 0 });
    const ids = items.map((item) => item.id);
    for (const id of ['ev-past', 'ev-salon', 'ev-late', 'ev-draft']) expect(ids).toContain(id);
    for (const id of ['ev-forum', 'ev-ongoing', 'ev-study', 'ev-closed']) expect(ids).not.toContain(id);
    expect(items.every((item) => item.hosts[0].id === orgIds.lujiazui || item.hosts[0].id === orgIds.lujiazuiReading)).toBe(true);
  });

  it('shows an organizer of another street only theirs, and the general organizer and the admin everything', async () => {
    const huamu = await allManaged(openIds.huamuOrganizer);
    expect(huamu.length).toBeGreaterThan(0);
    expect(huamu.every((item) => item.hosts[0].id === orgIds.huamu)).toBe(true);
    const total = await countEvents();
    for (const openId of [openIds.generalOrganizer, openIds.admin]) {
      const items = await allManaged(openId);
      expect(items).toHaveLength(total);
      expectNewestFirst(items);
    }
  });

  it('pages without overlap and counts pending sign-ups', async () => {
    const approval = await published(openIds.huamuOrganizer, orgIds.huamu, { requiresApproval: true, startAt: '2027-02-01T14:00:00+08:00', endAt: '2027-02-01T16:00:00+08:00', signupClosesAt: '2027-01-31T18:00:00+08:00' });
    dataOf(await signUp(openIds.member, approval.id));
    const first = dataOf<Page<ManagedEvent>>(await call(openIds.huamuOrganizer, 'managed', { page: 1, pageSize: 1 }));
    expect(first).toMatchObject({ page: 1, pageSize: 1, hasMore: true });
    expect(first.items[0]).toMatchObject({ id: approval.id, pendingCount: 1 });
    const second = dataOf<Page<ManagedEvent>>(await call(openIds.huamuOrganizer, 'managed', { page: 2, pageSize: 1 }));
    expect(second.items[0].id).not.toBe(approval.id);
  });

  it('refuses members without an organizer role', async () => {
    for (const openId of [openIds.member, openIds.steward, openIds.consentedOnly, 'openid-stranger']) {
      expect(await call(openId, 'managed', {})).toMatchObject(refusedWith('FORBIDDEN'));
    }
    expect(await call(null, 'managed', {})).toMatchObject(refusedWith('UNAUTHENTICATED'));
  });

  it('costs a street organizer three round trips and an admin two', async () => {
    expect((await harness.measure(openIds.lujiazuiOrganizer, 'events', 'managed', {})).roundTrips).toBe(3);
    expect((await harness.measure(openIds.admin, 'events', 'managed', {})).roundTrips).toBe(2);
  });
});
