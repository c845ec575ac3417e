/**
 * @jest-environment jsdom
 */
import jsQR from 'jsqr';
import type { ScanResult, TicketView } from '../../cloudfunctions/shared/contract/checkin';
import { checkCode, deriveSecret, makeCode, parseCode } from '../../cloudfunctions/shared/contract/ticket-code';
import { type CloudAnswer, type RenderedPage, renderPage, settle, startWeapp, tap, textOf } from './simulate-page';

const ticketRoute = 'package-ticket/ticket/index';
const selfCheckInRoute = 'package-ticket/self-checkin/index';
const ticketId = 'ev-annual-forum_m-zhang-wei';

function ticketView(overrides: Partial<TicketView> = {}): TicketView {
  return {
    ticketId,
    secret: deriveSecret('test-key', 'ticket', ticketId),
    stepSeconds: 30,
    serverTime: new Date().toISOString(),
    event: {
      id: 'ev-annual-forum',
      title: '新阶层·新作为——浦东新联会年度论坛',
      startAt: '2099-12-15T05:30:00.000Z',
      endAt: '2099-12-15T09:30:00.000Z',
      venue: { name: '浦东新区市民中心报告厅', address: '浦东新区合欢路 2 号' },
    },
    maskedName: '张*',
    team: '陆家嘴一队',
    checkin: null,
    ...overrides,
  };
}

interface Globals {
  wx: Record<string, unknown>;
  Page: (options: Record<string, unknown>) => void;
}

const storage = new Map<string, unknown>();

/** What the page painted on its 2d canvas, as RGBA pixels (the simulator has no canvas of its own). */
interface FakeCanvas {
  width: number;
  height: number;
  pixels: Uint8ClampedArray;
  getContext: () => unknown;
}

function fakeCanvas(): FakeCanvas {
  const canvas: FakeCanvas = {
    width: 0,
    height: 0,
    pixels: new Uint8ClampedArray(0),
    getContext: () => {
      canvas.pixels = new Uint8ClampedArray(canvas.width * canvas.height * 4);
      // One 32-bit word per pixel (little-endian RGBA), so a rectangle fills row by row.
      const words = new Uint32Array(canvas.pixels.buffer);
      let colour = 0;
      return {
        set fillStyle(value: string) {
          const [red, green, blue] = [1, 3, 5].map((at) => parseInt(value.slice(at, at + 2), 16));
          colour = ((255 << 24) | (blue << 16) | (green << 8) | red) >>> 0;
        },
        fillRect(x: number, y: number, width: number, height: number) {
          for (let row = y; row < y + height; row++) words.fill(colour, row * canvas.width + x, row * canvas.width + x + width);
        },
      };
    },
  };
  return canvas;
}

let canvas = fakeCanvas();

/** The harness loads pages without a query and with no-op storage: give the page its eventId and a working storage. */
function prepare(answer: CloudAnswer, route: string) {
  const globals = global as unknown as Globals;
  globals.wx.getStorageSync = (key: string) => storage.get(key) ?? '';
  globals.wx.setStorageSync = (key: string, value: unknown) => void storage.set(key, JSON.parse(JSON.stringify(value)));
  globals.wx.removeStorageSync = (key: string) => void storage.delete(key);
  // The page finds its canvas node through a selector query; hand it the stand-in, 280 CSS px wide.
  globals.wx.createSelectorQuery = () => {
    const query = {
      select: () => ({ fields: () => query }),
      exec: (done: (found: unknown[]) => void) => done([{ node: canvas, width: 280, height: 280 }]),
    };
    return query;
  };
  globals.wx.getWindowInfo = () => ({ pixelRatio: 1 });
  const calls = startWeapp(answer, route);
  const page = globals.Page;
  globals.Page = (options) =>
    page({
      ...options,
      onLoad(this: unknown) {
        return (options.onLoad as (query: Record<string, string>) => unknown).call(this, { eventId: 'ev-annual-forum' });
      },
    });
  return calls;
}

function answering(ticket: () => unknown, selfCheckIn: () => unknown = () => ({ ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' })): CloudAnswer {
  return (fn, action) => {
    if (fn === 'checkin' && action === 'ticket') return ticket();
    if (fn === 'checkin' && action === 'selfCheckIn') return selfCheckIn();
    return { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
  };
}

/** The page answers after its calls settle; the first render of a run also compiles the templates, so allow a while. */
async function until(page: RenderedPage, ready: (text: string) => boolean): Promise<string> {
  for (let waited = 0; !ready(textOf(page)) && waited < 3000; waited += 150) await settle();
  return textOf(page);
}

function codeOn(page: RenderedPage): string {
  return (page.querySelector('.ticket-code-text')?.dom?.textContent ?? '').trim();
}

beforeEach(() => {
  jest.resetModules();
  storage.clear();
  canvas = fakeCanvas();
});

describe('ticket page (compiled weapp page)', () => {
  it('shows the event, the masked name and team, and a code the server accepts now', async () => {
    const ticket = ticketView();
    const calls = prepare(answering(() => ({ ok: true, data: ticket })), ticketRoute);
    const page = await renderPage(ticketRoute);

    const text = await until(page, (shown) => shown.includes('XT1.'));
    expect(calls).toContainEqual({ name: 'checkin', action: 'ticket', data: { eventId: 'ev-annual-forum' } });
    expect(text).toContain('新阶层·新作为——浦东新联会年度论坛');
    expect(text).toContain('浦东新区市民中心报告厅');
    expect(text).toContain('张*');
    expect(text).toContain('陆家嘴一队');
    expect(text).toMatch(/\d+ 秒后自动刷新/);
    expect(page.querySelector('.ticket-qr')).toBeTruthy();
    // The QR on the canvas says exactly what the text under it says.
    for (let waited = 0; canvas.width === 0 && waited < 3000; waited += 150) await settle();
    expect(canvas.width).toBe(280);
    expect(jsQR(canvas.pixels, canvas.width, canvas.height)?.data).toBe(codeOn(page));
    const parsed = parseCode(codeOn(page));
    expect(parsed).toMatchObject({ kind: 'ticket', id: ticketId });
    expect(parsed && checkCode(parsed, ticket.secret, new Date())).toBe('valid');
    // Kept for the door, where the network may be gone.
    expect(storage.get('xinlian.ticket.ev-annual-forum')).toMatchObject({ ticket: { ticketId } });
  });

  it('draws codes on the server’s clock when the phone’s clock is wrong', async () => {
    // The server answers with a time twenty minutes ahead of this phone.
    const serverNow = new Date(Date.now() + 20 * 60_000);
    const ticket = ticketView({ serverTime: serverNow.toISOString() });
    prepare(answering(() => ({ ok: true, data: ticket })), ticketRoute);
    const page = await renderPage(ticketRoute);
    await until(page, (shown) => shown.includes('XT1.'));
    const parsed = parseCode(codeOn(page));
    expect(parsed && checkCode(parsed, ticket.secret, serverNow)).toBe('valid');
  });

  it('shows 已签到 with the time and how, instead of the code', async () => {
    const checkedIn = ticketView({ checkin: { at: '2099-12-15T05:12:00.000Z', byName: '李静', source: 'scan' } });
    prepare(answering(() => ({ ok: true, data: checkedIn })), ticketRoute);
    const page = await renderPage(ticketRoute);
    await until(page, (shown) => shown.includes('已签到'));
    expect(page.querySelector('.ticket-checked-in')).toBeTruthy();
    expect(textOf(page)).toContain('已签到');
    expect(textOf(page)).toContain('2099年12月15日 13:12 · 扫码签到');
    expect(page.querySelector('.ticket-code-text')).toBeFalsy();
  });

  it('keeps showing a loaded ticket offline, from the phone’s storage', async () => {
    const ticket = ticketView();
    storage.set('xinlian.ticket.ev-annual-forum', { ticket, receivedAt: Date.now() });
    prepare(
      answering(() => {
        throw new Error('network down');
      }),
      ticketRoute,
    );
    const page = await renderPage(ticketRoute);
    expect(await until(page, (text) => text.includes('离线模式'))).toContain('离线模式：签到码仍然有效');
    const parsed = parseCode(codeOn(page));
    expect(parsed && checkCode(parsed, ticket.secret, new Date())).toBe('valid');
  });

  it('explains that a waitlisted or pending registration has no code yet, and forgets a kept one', async () => {
    storage.set('xinlian.ticket.ev-annual-forum', { ticket: ticketView(), receivedAt: Date.now() });
    prepare(answering(() => ({ ok: false, code: 'TICKET_NOT_READY', message: '报名确认后才有签到码' })), ticketRoute);
    const page = await renderPage(ticketRoute);
    expect(await until(page, (text) => !text.includes('XT1.'))).toContain('暂时还没有签到码');
    expect(textOf(page)).toContain('候补、待审核或组队中的报名暂不能签到');
    expect(page.querySelector('.ticket-code-text')).toBeFalsy();
    expect(storage.has('xinlian.ticket.ev-annual-forum')).toBe(false);
  });

  it('offers a retry when the first load fails with nothing kept', async () => {
    let attempts = 0;
    prepare(
      answering(() => {
        attempts += 1;
        if (attempts === 1) throw new Error('network down');
        return { ok: true, data: ticketView() };
      }),
      ticketRoute,
    );
    const page = await renderPage(ticketRoute);
    expect(await until(page, (shown) => shown.includes('加载失败'))).toContain('网络异常');
    await tap(page, 'error-state__retry');
    await until(page, (shown) => shown.includes('XT1.'));
    expect(codeOn(page)).toMatch(/^XT1\./);
  });
});

describe('self check-in page (compiled weapp page)', () => {
  const venueCode = () => makeCode('venue', 'ev-annual-forum', deriveSecret('test-key', 'venue', 'ev-annual-forum'), new Date());
  const accepted: ScanResult = {
    accepted: true,
    rejection: null,
    message: '签到成功',
    name: '张伟',
    team: '陆家嘴一队',
    checkin: { at: '2099-12-15T05:20:00.000Z', byName: '张伟', source: 'self' },
  };

  function scanning(result: () => string) {
    const globals = global as unknown as Globals;
    globals.wx.scanCode = (options: { success?: (answer: unknown) => void; complete?: (answer: unknown) => void }) => {
      const answer = { result: result(), scanType: 'QR_CODE', errMsg: 'scanCode:ok' };
      options.success?.(answer);
      options.complete?.(answer);
    };
  }

  it('scans the venue code and shows a green pass with name and time', async () => {
    const code = venueCode();
    const calls = prepare(
      answering(
        () => ({ ok: true, data: ticketView() }),
        () => ({ ok: true, data: accepted }),
      ),
      selfCheckInRoute,
    );
    scanning(() => code);
    const page = await renderPage(selfCheckInRoute);
    expect(await until(page, (shown) => shown.includes('扫描现场签到码'))).toContain('新阶层·新作为——浦东新联会年度论坛');

    await tap(page, 'code-scanner__button');
    await until(page, (shown) => shown.includes('签到成功'));
    const checkIns = calls.filter((call) => call.action === 'selfCheckIn');
    expect(checkIns).toHaveLength(1);
    expect(checkIns[0].data).toMatchObject({ code });
    expect((checkIns[0].data as { nonce: string }).nonce).toMatch(/^[A-Za-z0-9-]{8,64}$/);
    expect(page.querySelector('.gate--pass')).toBeTruthy();
    expect(textOf(page)).toContain('签到成功');
    expect(textOf(page)).toContain('张伟 · 陆家嘴一队');
  });

  it('refuses a personal ticket code without calling the server', async () => {
    const calls = prepare(answering(() => ({ ok: true, data: ticketView() })), selfCheckInRoute);
    scanning(() => makeCode('ticket', ticketId, 'any-secret', new Date()));
    const page = await renderPage(selfCheckInRoute);
    await until(page, (shown) => shown.includes('扫描现场签到码'));
    await tap(page, 'code-scanner__button');
    await until(page, (shown) => shown.includes('这是个人签到码'));
    expect(calls.filter((call) => call.action === 'selfCheckIn')).toHaveLength(0);
    expect(page.querySelector('.gate--stop')).toBeTruthy();
    expect(textOf(page)).toContain('这是个人签到码');
  });

  it('shows the reason in red, and retries a lost answer with the same nonce', async () => {
    let attempts = 0;
    const calls = prepare(
      answering(
        () => ({ ok: true, data: ticketView() }),
        () => {
          attempts += 1;
          if (attempts === 1) throw new Error('network down');
          return { ok: true, data: { ...accepted, accepted: false, rejection: 'notOpenYet', message: '签到尚未开始', checkin: null } };
        },
      ),
      selfCheckInRoute,
    );
    scanning(venueCode);
    const page = await renderPage(selfCheckInRoute);
    await until(page, (shown) => shown.includes('扫描现场签到码'));
    await tap(page, 'code-scanner__button');
    expect(await until(page, (shown) => shown.includes('网络异常'))).toContain('没能连上服务器');
    await tap(page, 'gate__button--solid');
    await until(page, (shown) => shown.includes('签到尚未开始'));

    const nonces = calls.filter((call) => call.action === 'selfCheckIn').map((call) => (call.data as { nonce: string }).nonce);
    expect(nonces).toHaveLength(2);
    expect(nonces[1]).toBe(nonces[0]);
    expect(page.querySelector('.gate--stop')).toBeTruthy();
    expect(textOf(page)).toContain('签到尚未开始');
  });
});
