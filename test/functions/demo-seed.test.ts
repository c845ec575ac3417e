import tcb from '@cloudbase/node-sdk';
import { invoke as invokeClubs } from '../../cloudfunctions/clubs';
import { invoke as invokeEvents } from '../../cloudfunctions/events';
import { invoke } from '../../cloudfunctions/pledge';
import type {
  ChainCheck,
  ClubDetail,
  ClubStats,
  CounterCheck,
  EventDetail,
  MyReading,
  MyRegistration,
  MyRegistrationItem,
  NoteView,
  Page,
  PledgeOutput,
  Reply,
  VerifyResult,
} from '../../cloudfunctions/shared/contract';
import { collections, type PledgeSignatureDoc, type RegistrationDoc } from '../../cloudfunctions/shared/data/documents';
import { demoClubId } from '../../emulator/seed/clubs';
import { seedDemoData } from '../../emulator/seed/seed';
import { personaOpenId } from '../../emulator/seed/people';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { dataOf } from '../support/functions';

let target: TestEmulator;
const now = new Date('2026-11-25T02:00:00Z');

beforeAll(async () => {
  target = await startTestEmulator();
  await seedDemoData({ env: target.env, secretId: target.secretId, secretKey: target.secretKey, serviceUrl: target.serviceUrl }, now);
});

afterAll(async () => {
  await target?.close();
});

async function call(openId: string | null, action: string, data: unknown = {}): Promise<Reply<unknown>> {
  const cloud = { env: target.env, secretId: target.secretId, secretKey: target.secretKey, serviceUrl: target.serviceUrl };
  return (await invoke({ action, data }, { openId, cloud, now })).reply;
}

it('publishes version 2 a week ago, with version 1 retired', async () => {
  const current = dataOf<PledgeOutput['current']>(await call(null, 'current'));
  expect(current.pledge).toMatchObject({ id: 'pledge-v2', version: 2, status: 'published' });
  expect(current.pledge?.articles.length).toBeGreaterThanOrEqual(8);
  expect(current.pledge?.articles.length).toBeLessThanOrEqual(10);
  expect(current.signatureCount).toBe(1);
});

it('shows Lin Xiao, who signed version 1, that a newer version awaits, article by article', async () => {
  const { my } = dataOf<PledgeOutput['current']>(await call(personaOpenId('m-lin-xiao'), 'current'));
  expect(my).toMatchObject({ state: 'outdated', signature: { version: 1, status: 'superseded', imageUrl: expect.stringMatching(/^http/) } });
  expect(my?.changes.map((change) => change.change).sort()).toEqual(['added', 'changed', 'changed']);
});

it('stores demo signatures through the chain, with images in file storage, so the chain check is intact', async () => {
  expect(dataOf<ChainCheck>(await call(personaOpenId('m-zhao-jianguo'), 'verifyChain'))).toEqual({ intact: true, checked: 5, firstProblem: null });
  const { data } = await tcb
    .init({ env: target.env, secretId: target.secretId, secretKey: target.secretKey, serviceUrl: target.serviceUrl })
    .database()
    .collection(collections.pledgeSignatures)
    .where({ version: 2 })
    .get();
  const [renewed] = data as PledgeSignatureDoc[];
  expect(dataOf<VerifyResult>(await call(null, 'verify', { serial: renewed.serial }))).toMatchObject({ status: 'valid', maskedName: '周*' });
});

it('seeds once: a second run changes nothing', async () => {
  expect(await seedDemoData({ env: target.env, secretId: target.secretId, secretKey: target.secretKey, serviceUrl: target.serviceUrl }, now)).toBe(false);
});

describe('demo registrations, made through the events function', () => {
  async function events(openId: string | null, action: string, data: unknown): Promise<Reply<unknown>> {
    const cloud = { env: target.env, secretId: target.secretId, secretKey: target.secretKey, serviceUrl: target.serviceUrl };
    return (await invokeEvents({ action, data }, { openId, cloud, now })).reply;
  }
  const organizer = personaOpenId('m-chen-siyuan');

  it.each([
    ['ev-annual-forum', { seatsTaken: 187, waitlistCount: 0, pendingCount: 0 }],
    ['ev-founder-breakfast', { seatsTaken: 12, waitlistCount: 3, pendingCount: 0 }],
    ['ev-reading-12', { seatsTaken: 20, waitlistCount: 2, pendingCount: 0 }],
    ['ev-belt-road-salon', { seatsTaken: 9, waitlistCount: 0, pendingCount: 6 }],
    ['ev-riverside-orienteering', { seatsTaken: 4, waitlistCount: 0, pendingCount: 0 }],
  ])('%s holds what its sign-ups made, and its counters check out', async (eventId, counted) => {
    expect(dataOf<CounterCheck>(await events(organizer, 'checkCounters', { eventId }))).toMatchObject({ consistent: true, repairedSlots: 0, repairedTeamPlaces: 0, counted });
  });

  it('gives the personas something to see: a seat, a place in line, an application, a forming team', async () => {
    expect(dataOf<MyRegistration>(await events(personaOpenId('m-zhang-wei'), 'myRegistration', { eventId: 'ev-annual-forum' })).status).toBe('confirmed');
    expect(dataOf<MyRegistration>(await events(personaOpenId('m-wu-hao'), 'myRegistration', { eventId: 'ev-founder-breakfast' })).status).toBe('confirmed');
    expect(dataOf<MyRegistration>(await events(personaOpenId('m-lin-xiao'), 'myRegistration', { eventId: 'ev-reading-12' })).status).toBe('confirmed');
    expect(dataOf<MyRegistration>(await events(personaOpenId('m-liu-yang'), 'myRegistration', { eventId: 'ev-belt-road-salon' })).status).toBe('pending');
    const forming = dataOf<{ items: { status: string }[] }>(await events(organizer, 'registrations', { eventId: 'ev-riverside-orienteering', status: 'forming' }));
    expect(forming.items).toHaveLength(2);
  });
});

describe('demo salons', () => {
  async function events(openId: string | null, action: string, data: unknown): Promise<Reply<unknown>> {
    const cloud = { env: target.env, secretId: target.secretId, secretKey: target.secretKey, serviceUrl: target.serviceUrl };
    return (await invokeEvents({ action, data }, { openId, cloud, now })).reply;
  }

  it('list the Belt and Road salon’s guests', async () => {
    const salon = dataOf<EventDetail>(await events(null, 'get', { id: 'ev-belt-road-salon' }));
    expect(salon.guests.map((guest) => guest.name)).toEqual(['顾明远', '沈立群', '高芳']);
    expect(salon.summary).toBeNull();
  });

  it('show the past salon’s summary with its photos, after applications were decided and attendees checked in', async () => {
    const salon = dataOf<EventDetail>(await events(null, 'get', { id: 'ev-digital-trade-salon' }));
    expect(new Date(salon.endAt).getTime()).toBeLessThan(now.getTime());
    expect(salon.summary?.text).toMatch(/12 位/);
    expect(salon.summary?.photoUrls).toHaveLength(3);
    for (const url of salon.summary!.photoUrls) expect((await fetch(url)).headers.get('content-type')).toBe('image/png');

    const check = dataOf<CounterCheck>(await events(personaOpenId('m-chen-siyuan'), 'checkCounters', { eventId: 'ev-digital-trade-salon' }));
    expect(check).toMatchObject({ consistent: true, counted: { seatsTaken: 14, waitlistCount: 0, pendingCount: 0 } });
    const { data } = await tcb
      .init({ env: target.env, secretId: target.secretId, secretKey: target.secretKey, serviceUrl: target.serviceUrl })
      .database()
      .collection(collections.registrations)
      .where({ eventId: 'ev-digital-trade-salon' })
      .get();
    expect((data as RegistrationDoc[]).filter((row) => row.checkin).length).toBe(12);
  });

  it('offer Liu Yang, who attended, the summary from his past registrations', async () => {
    const past = dataOf<Page<MyRegistrationItem>>(await events(personaOpenId('m-liu-yang'), 'myRegistrations', { when: 'past', page: 1, pageSize: 20 }));
    expect(past.items.find((item) => item.eventId === 'ev-digital-trade-salon')).toMatchObject({ status: 'confirmed', event: { hasSummary: true } });
  });
});

describe('the demo reading club, made through the clubs, events and checkin functions', () => {
  const cloud = () => ({ env: target.env, secretId: target.secretId, secretKey: target.secretKey, serviceUrl: target.serviceUrl });
  async function clubs(openId: string | null, action: string, data: unknown): Promise<Reply<unknown>> {
    return (await invokeClubs({ action, data }, { openId, cloud: cloud(), now })).reply;
  }
  const lin = personaOpenId('m-lin-xiao');
  const organizer = personaOpenId('m-chen-siyuan');

  it('reads 《乡土中国》 now, after two other books, on Saturdays, with the demo reading events as its next sessions', async () => {
    const club = dataOf<ClubDetail>(await clubs(lin, 'get', { clubId: demoClubId }));
    expect(club).toMatchObject({
      name: '新联悦读会',
      orgId: 'org-club-reading',
      joined: true,
      memberCount: 18,
      currentBook: { title: '乡土中国', author: '费孝通', coverUrl: expect.stringMatching(/^http/) },
      scheduleText: '每周六 19:30 · 浦东图书馆 4 楼研讨室',
      myNotes: { count: 4, streakDays: 3 },
      nextSession: { id: 'ev-reading-12', topic: '第 1–5 章：乡土本色、文字下乡、差序格局' },
    });
    expect(club.books.map((book) => book.title)).toEqual(['平凡的世界', '额尔古纳河右岸']);
    expect(club.upcomingSessions.map((session) => [session.id, session.occurrence])).toEqual([
      ['ev-reading-12', '2026-11-28'],
      [`club-${demoClubId}-2026-12-05`, '2026-12-05'],
      ['ev-reading-13', '2026-12-12'],
      [`club-${demoClubId}-2026-12-19`, '2026-12-19'],
    ]);
    expect(dataOf<MyReading>(await clubs(lin, 'myReading', {}))).toMatchObject({ totalNotes: 4, clubs: [{ clubId: demoClubId, streakDays: 3 }] });
  });

  it('pins the guide to the top of the feed, and keeps the note reported three times from members until an organizer decides', async () => {
    const members = dataOf<Page<NoteView>>(await clubs(lin, 'notes', { clubId: demoClubId, page: 1, pageSize: 50 }));
    expect(members.items[0]).toMatchObject({ pinned: true, text: expect.stringMatching(/^导读/) });
    expect(members.items.some((note) => note.text.includes('加微信'))).toBe(false);
    expect(members.items.filter((note) => note.isMine)).toHaveLength(4);
    const organizers = dataOf<Page<NoteView>>(await clubs(organizer, 'notes', { clubId: demoClubId, page: 1, pageSize: 50 }));
    expect(organizers.items.find((note) => note.text.includes('加微信'))).toMatchObject({ hidden: true, awaitingDecision: true, reportCount: 3 });
  });

  it('counts attendance of the four sessions held, whose sign-ups and check-ins went through events and checkin', async () => {
    const stats = dataOf<ClubStats>(await clubs(organizer, 'stats', { clubId: demoClubId }));
    expect(stats.sessions.map((session) => session.topic)).toEqual(['全书总结与交流', '第三部：奋斗与尊严', '第二部：双水村的变迁', '第一部：孙少平的青春']);
    for (const session of stats.sessions) {
      expect(session.checkedIn).toBeGreaterThan(0);
      expect(session.checkedIn).toBeLessThanOrEqual(session.confirmed);
    }
    expect(stats.members.find((member) => member.memberId === 'm-lin-xiao')).toMatchObject({ attended: 3, sessions: 4, rate: 0.75, notes: 4 });
    expect(stats).toMatchObject({ memberCount: 18, activeReaders: 6 });
    const events = async (action: string, data: unknown) => (await invokeEvents({ action, data }, { openId: organizer, cloud: cloud(), now })).reply;
    for (const session of stats.sessions) {
      expect(dataOf<CounterCheck>(await events('checkCounters', { eventId: session.eventId }))).toMatchObject({ consistent: true, repairedSlots: 0, counted: { seatsTaken: session.confirmed } });
    }
  });
});
