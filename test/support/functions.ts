import * as tcb from '@cloudbase/node-sdk';
import { invoke as invokeCheckin } from '../../cloudfunctions/checkin';
import { invoke as invokeClubs } from '../../cloudfunctions/clubs';
import { invoke as invokeEvents } from '../../cloudfunctions/events';
import { invoke as invokeMembers } from '../../cloudfunctions/members';
import { invoke as invokeOrgs } from '../../cloudfunctions/orgs';
import { invoke as invokePledge } from '../../cloudfunctions/pledge';
import { invoke as invokeReports } from '../../cloudfunctions/reports';
import type { FunctionName, Reply } from '../../cloudfunctions/shared/contract';
import type { Database } from '../../cloudfunctions/shared/data/database';
import { collections, type EventDoc, type MemberDoc, type OrgDoc } from '../../cloudfunctions/shared/data/documents';
import type { CloudConfig, InvocationResult, LocalInvocation } from '../../cloudfunctions/shared/runtime';
import { openingLedger } from '../../cloudfunctions/shared/domain/seat-ledger';
import { startTestEmulator } from './emulator';

type Invoke = (event: unknown, local: LocalInvocation) => Promise<InvocationResult>;

const functions: Record<FunctionName, Invoke> = { members: invokeMembers, orgs: invokeOrgs, events: invokeEvents, pledge: invokePledge, checkin: invokeCheckin, clubs: invokeClubs, reports: invokeReports };

/** The instant the seeded events are placed around: 10:00 on 25 Nov 2026 in Shanghai. */
export const seedNow = new Date('2026-11-25T02:00:00Z');

const hour = 3600 * 1000;
const day = 24 * hour;

export const orgIds = {
  general: 'org-general',
  professional: 'org-sector-professional',
  lujiazui: 'org-street-lujiazui',
  lujiazuiReading: 'org-club-lujiazui-reading',
  huamu: 'org-street-huamu',
};

export const openIds = {
  admin: 'openid-admin',
  generalOrganizer: 'openid-general-organizer',
  lujiazuiOrganizer: 'openid-lujiazui-organizer',
  huamuOrganizer: 'openid-huamu-organizer',
  steward: 'openid-steward',
  member: 'openid-member',
  otherMember: 'openid-other-member',
  consentedOnly: 'openid-consented-only',
};

function org(_id: string, name: string, kind: OrgDoc['kind'], parent: OrgDoc | null, order: number): OrgDoc {
  return {
    _id,
    name,
    kind,
    parentId: parent?._id ?? null,
    ancestorIds: parent ? [...parent.ancestorIds, parent._id] : [],
    description: `${name}简介`,
    memberCount: 0,
    order,
  };
}

function buildOrgs(): OrgDoc[] {
  const general = org(orgIds.general, '浦东新区新的社会阶层人士联谊会', 'general', null, 0);
  const professional = org(orgIds.professional, '浦东新区专业机构从业人员联谊会', 'sector', general, 1);
  const lujiazui = org(orgIds.lujiazui, '陆家嘴街道新联会', 'street', general, 2);
  const reading = org(orgIds.lujiazuiReading, '陆家嘴悦读会', 'club', lujiazui, 3);
  const huamu = org(orgIds.huamu, '花木街道新联会', 'street', general, 4);
  return [general, professional, lujiazui, reading, huamu];
}

function person(
  _id: string,
  openId: string,
  name: string,
  mobile: string,
  memberOrgIds: string[],
  roles: MemberDoc['roles'],
): MemberDoc {
  return {
    _id,
    openId,
    profile: { name, mobile, sector: 'professional', employer: '浦江律师事务所', title: '' },
    orgIds: memberOrgIds,
    roles,
    privacyAcceptedVersion: '2026-11',
    privacyAcceptedAt: new Date(seedNow.getTime() - 30 * day),
    createdAt: new Date(seedNow.getTime() - 30 * day),
    updatedAt: new Date(seedNow.getTime() - 30 * day),
    deletedAt: null,
  };
}

function buildMembers(): MemberDoc[] {
  return [
    person('m-admin', openIds.admin, '管理员甲', '13900000001', [orgIds.general], [{ orgId: orgIds.general, role: 'admin' }]),
    person('m-general-organizer', openIds.generalOrganizer, '总会组织者', '13900000002', [orgIds.general], [
      { orgId: orgIds.general, role: 'organizer' },
    ]),
    person('m-lujiazui-organizer', openIds.lujiazuiOrganizer, '陆家嘴组织者', '13900000003', [orgIds.lujiazui], [
      { orgId: orgIds.lujiazui, role: 'organizer' },
    ]),
    person('m-huamu-organizer', openIds.huamuOrganizer, '花木组织者', '13900000004', [orgIds.huamu], [
      { orgId: orgIds.huamu, role: 'organizer' },
    ]),
    person('m-steward', openIds.steward, '签到员乙', '13900000005', [orgIds.lujiazui], [{ orgId: orgIds.lujiazui, role: 'steward' }]),
    person('m-member', openIds.member, '陈思远', '13812341234', [orgIds.lujiazui], []),
    person('m-other-member', openIds.otherMember, '李明', '13700001111', [orgIds.lujiazui, orgIds.professional], []),
    { ...person('m-consented-only', openIds.consentedOnly, '', '', [], []), profile: null },
  ];
}

function event(
  _id: string,
  title: string,
  kind: EventDoc['kind'],
  status: EventDoc['status'],
  hosts: OrgDoc[],
  startAt: Date,
  durationHours: number,
): EventDoc {
  return {
    _id,
    title,
    kind,
    status,
    orgId: hosts[0]._id,
    coHostOrgIds: hosts.slice(1).map((host) => host._id),
    hostOrgIds: hosts.map((host) => host._id),
    hosts: hosts.map((host) => ({ id: host._id, name: host.name })),
    description: `${title}的介绍`,
    venue: { name: '新联会客厅', address: '浦东新区世纪大道' },
    startAt,
    endAt: new Date(startAt.getTime() + durationHours * hour),
    signupOpensAt: new Date(startAt.getTime() - 14 * day),
    signupClosesAt: new Date(startAt.getTime() - day),
    cancellationDeadline: null,
    capacity: 50,
    ...openingLedger(50),
    waitlistMode: 'auto',
    offerHours: 24,
    requiresApproval: kind === 'salon',
    membersOnly: false,
    team: null,
    questions: [],
    schedule: [],
    createdBy: 'm-lujiazui-organizer',
    createdAt: new Date(seedNow.getTime() - 20 * day),
    updatedAt: new Date(seedNow.getTime() - 20 * day),
  };
}

function buildEvents(orgs: OrgDoc[]): EventDoc[] {
  const byId = new Map(orgs.map((o) => [o._id, o]));
  const at = (offset: number) => new Date(seedNow.getTime() + offset);
  const host = (...ids: string[]) => ids.map((id) => byId.get(id)!);
  return [
    event('ev-past', '上周的读书分享', 'reading', 'published', host(orgIds.lujiazui), at(-3 * day), 2),
    event('ev-ongoing', '正在进行的公益服务', 'service', 'published', host(orgIds.huamu), at(-1 * hour), 3),
    event('ev-closed', '报名已截止的论坛', 'forum', 'closed', host(orgIds.general), at(2 * day), 3),
    event('ev-cancelled', '取消的体育活动', 'sports', 'cancelled', host(orgIds.general), at(3 * day), 4),
    event('ev-salon', '"一带一路"专业人士沙龙', 'salon', 'published', host(orgIds.lujiazui, orgIds.professional), at(5 * day), 2),
    // 23:30 on 1 Dec in Shanghai, 15:30 UTC on 1 Dec: the day filter must count it on 1 Dec, not 2 Dec.
    event('ev-late', '深夜读书会', 'reading', 'published', host(orgIds.lujiazuiReading), new Date('2026-12-01T15:30:00Z'), 1),
    event('ev-draft', '筹备中的沙龙', 'salon', 'draft', host(orgIds.lujiazui), at(7 * day), 2),
    event('ev-forum', '花木创新论坛', 'forum', 'published', host(orgIds.huamu), at(10 * day), 3),
    event('ev-study', '学习会', 'study', 'published', host(orgIds.general), at(12 * day), 2),
  ];
}

export function buildSeed() {
  const orgs = buildOrgs();
  const members = buildMembers();
  for (const o of orgs) o.memberCount = members.filter((member) => member.orgIds.includes(o._id)).length;
  return { orgs, members, events: buildEvents(orgs) };
}

export interface CallOptions {
  now?: Date;
  callId?: string;
}

export interface FunctionHarness {
  cloud: CloudConfig;
  /** The SDK straight at the emulator, as an admin script would use it: for seeding and for checking stored state. */
  db: Database;
  emulator: Awaited<ReturnType<typeof startTestEmulator>>['emulator'];
  /** Where the file storage keeps its files (`<storageDir>/files/<cloudPath>`). */
  storageDir: string;
  /** One action through the function's `invoke`, the way the local host calls it. */
  call(openId: string | null, fn: FunctionName, action: string, data?: unknown, options?: CallOptions): Promise<Reply<unknown>>;
  /** A raw event through `invoke`, for malformed events. */
  invokeRaw(openId: string | null, fn: FunctionName, event: unknown, options?: CallOptions): Promise<InvocationResult>;
  /** The reply and the number of database round trips the call made. */
  measure(openId: string | null, fn: FunctionName, action: string, data?: unknown): Promise<{ reply: Reply<unknown>; roundTrips: number }>;
  findMember(memberId: string): Promise<MemberDoc | null>;
  findOrg(orgId: string): Promise<OrgDoc | null>;
  close(): Promise<void>;
}

async function insertAll(db: Database, collection: string, docs: { _id: string }[]): Promise<void> {
  if (docs.length > 0) await db.collection(collection).add(docs);
}

let nextCallId = 0;

/** Starts an emulator, seeds a small tree with members and events through the SDK, and calls functions against it. */
export async function startFunctionHarness(): Promise<FunctionHarness> {
  const started = await startTestEmulator();
  const cloud: CloudConfig = { env: started.env, secretId: started.secretId, secretKey: started.secretKey, serviceUrl: started.serviceUrl };
  const db = tcb.init({ ...cloud }).database();
  const seed = buildSeed();
  await insertAll(db, collections.orgs, seed.orgs);
  await insertAll(db, collections.members, seed.members);
  await insertAll(db, collections.events, seed.events);

  const invokeRaw = (openId: string | null, fn: FunctionName, eventValue: unknown, options: CallOptions = {}) =>
    functions[fn](eventValue, { openId, cloud, callId: options.callId, now: options.now ?? seedNow });
  const call = async (openId: string | null, fn: FunctionName, action: string, data?: unknown, options?: CallOptions) =>
    (await invokeRaw(openId, fn, data === undefined ? { action } : { action, data }, options)).reply;

  return {
    cloud,
    db,
    emulator: started.emulator,
    storageDir: started.storageDir,
    call,
    invokeRaw,
    async measure(openId, fn, action, data) {
      const callId = `measure-${++nextCallId}`;
      const reply = await call(openId, fn, action, data, { callId });
      return { reply, roundTrips: started.emulator.takeCallCount(callId) };
    },
    async findMember(memberId) {
      const { data } = await db.collection(collections.members).doc(memberId).get();
      return (data as MemberDoc[])[0] ?? null;
    },
    async findOrg(orgId) {
      const { data } = await db.collection(collections.orgs).doc(orgId).get();
      return (data as OrgDoc[])[0] ?? null;
    },
    close: () => started.close(),
  };
}

/**
 * The test file's harness, started before its first test and closed after its last (jest's beforeAll and
 * afterAll): `const harness = harnessForThisFile();` at the top of a file, then `harness.call(...)` in its tests.
 */
export function harnessForThisFile(): FunctionHarness {
  let started: FunctionHarness | null = null;
  beforeAll(async () => {
    started = await startFunctionHarness();
  });
  afterAll(async () => {
    await started?.close();
  });
  return new Proxy({} as FunctionHarness, {
    get(_target, key) {
      if (!started) throw new Error('the function harness starts in beforeAll: use it inside tests and hooks');
      return started[key as keyof FunctionHarness];
    },
  });
}

/** The data of a successful reply, failing the test with the reply otherwise. */
export function dataOf<T>(reply: Reply<unknown>): T {
  if (!reply.ok) throw new Error(`expected success, got ${JSON.stringify(reply)}`);
  return reply.data as T;
}
