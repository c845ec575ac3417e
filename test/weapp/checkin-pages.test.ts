/**
 * @jest-environment jsdom
 */
import type { AttendeeRow, Preload, ScannerSession, ScanResult } from '../../cloudfunctions/shared/contract/checkin';
import { deriveSecret, makeCode } from '../../cloudfunctions/shared/contract/ticket-code';
import { type CloudAnswer, type CloudCall, type RenderedPage, renderPage, settle, startWeapp, tap, textOf } from './simulate-page';

const scanRoute = 'package-checkin/scan/index';
const attendeesRoute = 'package-checkin/attendees/index';
const eventId = 'ev-riverside-orienteering';
const ticketId = `${eventId}_m-lin`;
const secret = deriveSecret('test-key', 'ticket', ticketId);

interface Globals {
  wx: Record<string, unknown>;
  Page: (options: Record<string, unknown>) => void;
}

const storage = new Map<string, unknown>();
let scanned: string | null = null;

function session(overrides: Partial<ScannerSession> = {}): ScannerSession {
  const now = Date.now();
  return {
    event: {
      id: eventId,
      title: '滨江定向赛',
      startAt: new Date(now + 3600_000).toISOString(),
      endAt: new Date(now + 5 * 3600_000).toISOString(),
      venue: { name: '前滩休闲公园', address: '浦东新区海阳西路 1 号' },
    },
    role: 'steward',
    checkInOpensAt: new Date(now - 3600_000).toISOString(),
    checkInClosesAt: new Date(now + 5 * 3600_000).toISOString(),
    counter: { checkedIn: 3, confirmed: 40 },
    ...overrides,
  };
}

function preload(): Preload {
  const now = Date.now();
  return {
    eventId,
    title: '滨江定向赛',
    stepSeconds: 30,
    serverTime: new Date(now).toISOString(),
    checkInOpensAt: new Date(now - 3600_000).toISOString(),
    checkInClosesAt: new Date(now + 5 * 3600_000).toISOString(),
    tickets: [{ ticketId, secret, name: '林晓', team: '陆家嘴跑团', checkedInAt: null }],
  };
}

const accepted: ScanResult = {
  accepted: true,
  rejection: null,
  message: '签到成功',
  name: '林晓',
  team: '陆家嘴跑团',
  checkin: { at: new Date().toISOString(), byName: '张晨', source: 'scan' },
};

/** The harness loads pages without a query and with no-op storage and scanner: give the page those. */
function prepare(answer: CloudAnswer, route: string): CloudCall[] {
  const globals = global as unknown as Globals;
  globals.wx.getStorageSync = (key: string) => storage.get(key) ?? '';
  globals.wx.setStorageSync = (key: string, value: unknown) => void storage.set(key, JSON.parse(JSON.stringify(value)));
  globals.wx.removeStorageSync = (key: string) => void storage.delete(key);
  globals.wx.getDeviceInfo = () => ({ platform: 'ios' });
  globals.wx.scanCode = (options: { success?: (result: { result: string }) => void; fail?: (error: { errMsg: string }) => void }) => {
    if (scanned) options.success?.({ result: scanned });
    else options.fail?.({ errMsg: 'scanCode:fail cancel' });
  };
  const calls = startWeapp(answer, route);
  const page = globals.Page;
  globals.Page = (options) =>
    page({
      ...options,
      onLoad(this: unknown) {
        return (options.onLoad as (query: Record<string, string>) => unknown).call(this, { eventId });
      },
    });
  return calls;
}

async function until(page: RenderedPage, ready: (text: string) => boolean): Promise<string> {
  for (let waited = 0; !ready(textOf(page)) && waited < 3000; waited += 150) await settle();
  return textOf(page);
}

const unknown = { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };

beforeEach(() => {
  jest.resetModules();
  storage.clear();
  scanned = null;
});

describe('scan page (compiled weapp page)', () => {
  it('shows the event, the role and the counter, scans with one tap and shows green', async () => {
    const calls = prepare((fn, action) => {
      if (fn !== 'checkin') return unknown;
      if (action === 'openScanner') return { ok: true, data: session() };
      if (action === 'redeem') return { ok: true, data: accepted };
      if (action === 'counter') return { ok: true, data: { checkedIn: 4, confirmed: 40 } };
      return unknown;
    }, scanRoute);
    const page = await renderPage(scanRoute);

    let text = await until(page, (shown) => shown.includes('已签到 3 / 40'));
    expect(text).toContain('滨江定向赛');
    expect(text).toContain('签到员');
    expect(text).toContain('离线准备');
    expect(page.querySelector('.scan-input')).toBeTruthy();
    // Stewards see the scan loop only, not the organizer's tools.
    expect(text).not.toContain('签到名单');

    scanned = makeCode('ticket', ticketId, secret, Date.now());
    await tap(page, 'camera-scanner');
    text = await until(page, (shown) => shown.includes('签到成功'));
    expect(page.querySelector('.scan-result--accepted')).toBeTruthy();
    expect(text).toContain('林晓');
    expect(text).toContain('队伍：陆家嘴跑团');

    const redeem = calls.find((call) => call.action === 'redeem');
    expect(redeem?.data).toMatchObject({ eventId, code: scanned, device: expect.stringMatching(/^iOS-[0-9A-F]{4}$/) });
    expect((redeem?.data as { nonce: string }).nonce).toMatch(/^[A-Za-z0-9-]{8,64}$/);
    text = await until(page, (shown) => shown.includes('已签到 4 / 40'));
    expect(text).toContain('已签到 4 / 40');

    // One tap on 继续扫码 dismisses and scans the next person.
    scanned = null;
    await tap(page, 'scan-result__next');
    expect(page.querySelector('.scan-result')).toBeFalsy();
  });

  it('shows red with the first check-in for a second scan', async () => {
    const calls = prepare((_fn, action) => {
      if (action === 'openScanner') return { ok: true, data: session({ role: 'organizer' }) };
      if (action === 'redeem') {
        return {
          ok: true,
          data: { ...accepted, accepted: false, rejection: 'alreadyCheckedIn', message: '已于 11月28日 13:41 签到（张晨）', checkin: { at: '2026-11-28T05:41:00.000Z', byName: '张晨', source: 'scan' } },
        };
      }
      if (action === 'counter') return { ok: true, data: { checkedIn: 3, confirmed: 40 } };
      return unknown;
    }, scanRoute);
    const page = await renderPage(scanRoute);
    let text = await until(page, (shown) => shown.includes('组织者'));
    expect(text).toContain('签到名单');
    expect(text).toContain('自助签到码');

    // A USB scanner types the code and Enter into the field: it is sent trimmed, without a tap.
    const code = makeCode('ticket', ticketId, secret, Date.now());
    page.querySelector('.scan-input')?.dispatchEvent('confirm', { detail: { value: `  ${code}\r` } });
    text = await until(page, (shown) => shown.includes('首次签到'));
    expect(calls.find((call) => call.action === 'redeem')?.data).toMatchObject({ code });
    expect(page.querySelector('.scan-result--rejected')).toBeTruthy();
    expect(text).toContain('已签到');
    expect(text).toContain('张晨 · 扫码签到');
  });

  it('refuses a member who is not staff at this event, in words', async () => {
    prepare((_fn, action) => (action === 'openScanner' ? { ok: false, code: 'FORBIDDEN', message: '没有权限进行此操作' } : unknown), scanRoute);
    const page = await renderPage(scanRoute);
    const text = await until(page, (shown) => shown.includes('签到员'));
    expect(text).toContain('你不是本场活动的签到员');
    expect(page.querySelector('.scan-input')).toBeFalsy();
  });

  it('checks a code on the device when the network is gone, queues it, and syncs it back', async () => {
    let online = true;
    const calls = prepare((_fn, action) => {
      if (action === 'openScanner') return { ok: true, data: session() };
      if (action === 'preload') return { ok: true, data: preload() };
      if (action === 'counter') return online ? { ok: true, data: { checkedIn: 3, confirmed: 40 } } : undefined;
      if (action === 'redeem' && !online) throw new Error('cloud.callFunction:fail network');
      if (action === 'sync') {
        const { scans } = calls.filter((call) => call.action === 'sync').pop()!.data as { scans: { nonce: string }[] };
        return { ok: true, data: { outcomes: scans.map(({ nonce }) => ({ nonce, accepted: true, rejection: null })), counter: { checkedIn: 4, confirmed: 40 } } };
      }
      return unknown;
    }, scanRoute);
    const page = await renderPage(scanRoute);
    await until(page, (shown) => shown.includes('离线准备'));

    await tap(page, 'scan-page__prepare');
    let text = await until(page, (shown) => shown.includes('已保存 1 张签到码'));
    expect(text).toContain('更新离线包');

    online = false;
    const firstCode = makeCode('ticket', ticketId, secret, Date.now());
    scanned = firstCode;
    await tap(page, 'camera-scanner');
    text = await until(page, (shown) => shown.includes('离线核验'));
    expect(page.querySelector('.scan-result--accepted')).toBeTruthy();
    expect(text).toContain('林晓');
    expect(text).toContain('1 条待同步');
    const queued = [...storage.entries()].find(([key]) => key === `xinlian.checkin.queue.${eventId}`)?.[1] as { nonce: string; scannedAt: string }[];
    expect(queued).toHaveLength(1);

    // The same ticket again, still offline: the device knows it is in.
    await tap(page, 'scan-result__next');
    scanned = makeCode('ticket', ticketId, secret, Date.now());
    await tap(page, 'camera-scanner');
    text = await until(page, (shown) => shown.includes('首次签到'));
    expect(page.querySelector('.scan-result--rejected')).toBeTruthy();
    await tap(page, 'scan-result');

    online = true;
    await tap(page, 'scan-page__sync');
    text = await until(page, (shown) => !shown.includes('条待同步'));
    const sync = calls.find((call) => call.action === 'sync');
    expect(sync?.data).toMatchObject({ eventId, scans: [{ code: firstCode, nonce: queued[0].nonce, scannedAt: queued[0].scannedAt }] });
    expect(text).toContain('已签到 4 / 40');
    expect(storage.get(`xinlian.checkin.queue.${eventId}`)).toEqual([]);
  });
});

describe('attendees page (compiled weapp page)', () => {
  const row = (overrides: Partial<AttendeeRow> = {}): AttendeeRow => ({ memberId: 'm-lin', name: '林晓', mobile: '13812345678', team: null, checkin: null, ...overrides });

  it('finds an attendee and checks them in by hand', async () => {
    const calls = prepare((_fn, action) => {
      if (action === 'counter') return { ok: true, data: { checkedIn: 3, confirmed: 40 } };
      if (action === 'search') return { ok: true, data: [row()] };
      if (action === 'checkInByHand') return { ok: true, data: { ...accepted, checkin: { at: new Date().toISOString(), byName: '陈思远', source: 'hand' } } };
      return unknown;
    }, attendeesRoute);
    const page = await renderPage(attendeesRoute);
    await until(page, (shown) => shown.includes('已签到 3 / 40'));

    page.querySelector('.attendees__input')?.dispatchEvent('confirm', { detail: { value: '5678' } });
    let text = await until(page, (shown) => shown.includes('林晓'));
    expect(calls).toContainEqual({ name: 'checkin', action: 'search', data: { eventId, query: '5678' } });
    expect(text).toContain('138 1234 5678');
    expect(text).toContain('未签到');

    await tap(page, 'attendee-row__check-in');
    text = await until(page, (shown) => shown.includes('撤销签到'));
    expect(text).toContain('陈思远 · 手动签到');
    expect(calls.find((call) => call.action === 'checkInByHand')?.data).toMatchObject({ eventId, memberId: 'm-lin', device: expect.stringMatching(/^iOS-/) });
  });

  it('asks for a reason before undoing a check-in', async () => {
    const calls = prepare((_fn, action) => {
      if (action === 'counter') return { ok: true, data: { checkedIn: 3, confirmed: 40 } };
      if (action === 'search') return { ok: true, data: [row({ checkin: { at: new Date().toISOString(), byName: '张晨', source: 'scan' } })] };
      if (action === 'undoCheckIn') return { ok: true, data: row() };
      return unknown;
    }, attendeesRoute);
    const page = await renderPage(attendeesRoute);
    page.querySelector('.attendees__input')?.dispatchEvent('confirm', { detail: { value: '林晓' } });
    await until(page, (shown) => shown.includes('撤销签到'));

    await tap(page, 'attendee-row__undo');
    expect(page.querySelector('.reason-dialog')).toBeTruthy();
    // No reason, no undo.
    await tap(page, 'reason-dialog__confirm');
    expect(calls.some((call) => call.action === 'undoCheckIn')).toBe(false);

    page.querySelector('.reason-dialog__field')?.dispatchEvent('input', { detail: { value: '误扫了同伴的码' } });
    await settle();
    await tap(page, 'reason-dialog__confirm');
    const text = await until(page, (shown) => shown.includes('手动签到'));
    expect(calls.find((call) => call.action === 'undoCheckIn')?.data).toEqual({ eventId, memberId: 'm-lin', reason: '误扫了同伴的码' });
    expect(text).toContain('未签到');
    expect(page.querySelector('.reason-dialog')).toBeFalsy();
  });
});
