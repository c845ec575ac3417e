import type { CounterCheck, MyRegistration, Reply } from '../../cloudfunctions/shared/contract';
import { collections, type EventDoc, type MemberDoc, type RegistrationDoc } from '../../cloudfunctions/shared/data/documents';
import { openEventDoc } from '../support/event-doc';
import { dataOf, openIds, orgIds, seedNow, type FunctionHarness } from '../support/functions';

let eventCounter = 0;
let memberCounter = 0;
let requestCounter = 0;

/** An open, published event starting in five days, with sign-up open now; anything can be overridden. */
export async function addEvent(harness: FunctionHarness, overrides: Partial<EventDoc> = {}): Promise<EventDoc> {
  const event = openEventDoc(seedNow, {
    _id: `ev-signup-${++eventCounter}`,
    title: `报名测试活动 ${eventCounter}`,
    orgId: orgIds.lujiazui,
    hostOrgIds: [orgIds.lujiazui],
    hosts: [{ id: orgIds.lujiazui, name: '陆家嘴街道新联会' }],
    venue: { name: '陆家嘴会客厅', address: '浦东新区银城中路' },
    createdBy: 'm-lujiazui-organizer',
    ...overrides,
  });
  await harness.db.collection(collections.events).add(event);
  return event;
}

/** Members with consent and a profile, each with their own OPENID. */
export async function addMembers(harness: FunctionHarness, count: number, memberOrgIds: string[] = [orgIds.huamu]): Promise<string[]> {
  const members: MemberDoc[] = Array.from({ length: count }, () => {
    const n = ++memberCounter;
    return {
      _id: `m-signup-${n}`,
      openId: `openid-signup-${n}`,
      profile: { name: `会员${n}`, mobile: `139${String(n).padStart(8, '0')}`, sector: 'enterprise', employer: '张江科技', title: '' },
      orgIds: memberOrgIds,
      roles: [],
      privacyAcceptedVersion: '2026-11',
      privacyAcceptedAt: seedNow,
      createdAt: seedNow,
      updatedAt: seedNow,
      deletedAt: null,
    };
  });
  await harness.db.collection(collections.members).add(members);
  return members.map((member) => member.openId!);
}

export function memberIdOf(openId: string): string {
  return openId.replace('openid-signup-', 'm-signup-');
}

export function nextRequestId(): string {
  return `req-${++requestCounter}-${Date.now().toString(36)}`;
}

export function signupInput(eventId: string, openId: string, extra: Record<string, unknown> = {}) {
  const n = openId.replace(/\D/g, '').slice(-8).padStart(8, '0');
  return { eventId, requestId: nextRequestId(), contact: { name: '报名人', mobile: `138${n}` }, answers: {}, ...extra };
}

export function signUp(harness: FunctionHarness, eventId: string, openId: string, extra: Record<string, unknown> = {}, now = seedNow): Promise<Reply<unknown>> {
  return harness.call(openId, 'events', 'signup', signupInput(eventId, openId, extra), { now });
}

export async function statusOf(harness: FunctionHarness, eventId: string, openId: string, now = seedNow): Promise<MyRegistration | null> {
  return dataOf<MyRegistration | null>(await harness.call(openId, 'events', 'myRegistration', { eventId }, { now }));
}

/** The organizer's counter check: what the event says against what the rows say. */
export async function checkCounters(harness: FunctionHarness, eventId: string, now = seedNow): Promise<CounterCheck> {
  return dataOf<CounterCheck>(await harness.call(openIds.lujiazuiOrganizer, 'events', 'checkCounters', { eventId }, { now }));
}

export async function storedEvent(harness: FunctionHarness, eventId: string): Promise<EventDoc> {
  const { data } = await harness.db.collection(collections.events).doc(eventId).get();
  return (data as EventDoc[])[0];
}

export async function rowsOf(harness: FunctionHarness, eventId: string): Promise<RegistrationDoc[]> {
  const { data } = await harness.db.collection(collections.registrations).where({ eventId }).limit(1000).get();
  return data as RegistrationDoc[];
}

export function codeOf(reply: Reply<unknown>): string {
  return reply.ok ? 'OK' : reply.code;
}
