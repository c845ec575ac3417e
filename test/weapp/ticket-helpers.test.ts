import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { ScanResult, TicketView } from '../../cloudfunctions/shared/contract/checkin';
import { checkCode, codeStepSeconds, deriveSecret, makeCode, parseCode } from '../../cloudfunctions/shared/contract/ticket-code';

const storage = new Map<string, unknown>();
const mockTaro = {
  failing: false,
  getStorageSync: (key: string) => {
    if (mockTaro.failing) throw new Error('getStorageSync:fail');
    return storage.get(key) ?? '';
  },
  setStorageSync: (key: string, value: unknown) => {
    if (mockTaro.failing) throw new Error('setStorageSync:fail storage full');
    storage.set(key, JSON.parse(JSON.stringify(value)));
  },
  removeStorageSync: (key: string) => void storage.delete(key),
};
// A getter, because jest hoists this factory above the object it hands out.
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  get default() {
    return mockTaro;
  },
}));

import { paintQr, type QrPainter, quietZoneModules } from '../../src/components/qr-code/paint-qr';
import { qrMatrix } from '../../src/components/qr-code/qr-matrix';
import { dropCachedTicket, readCachedTicket, saveCachedTicket } from '../../src/package-ticket/ticket-storage';
import { cameraProblem, gateOfFailure, gateOfResult, readVenueCode } from '../../src/utils/self-checkin';
import {
  type CachedTicket,
  checkinLine,
  clockOffsetMs,
  eventOver,
  failureDropsCachedTicket,
  parseCachedTicket,
  screenAfterFailure,
  screenOfTicket,
  stepCountdown,
  ticketCacheKey,
  ticketCode,
} from '../../src/utils/ticket-display';
import { selfCheckInPageUrl, ticketPageUrl } from '../../src/utils/ticket-links';

const serverKey = 'test-server-key';
const ticketId = 'ev-annual-forum_m-zhangwei';
const now = new Date('2026-12-10T05:00:00.000Z');

function ticketView(overrides: Partial<TicketView> = {}): TicketView {
  return {
    ticketId,
    secret: deriveSecret(serverKey, 'ticket', ticketId),
    stepSeconds: codeStepSeconds,
    serverTime: now.toISOString(),
    event: {
      id: 'ev-annual-forum',
      title: '新阶层·新作为——浦东新联会年度论坛',
      startAt: '2026-12-10T05:30:00.000Z',
      endAt: '2026-12-10T09:30:00.000Z',
      venue: { name: '浦东新区市民中心报告厅', address: '浦东新区合欢路 2 号' },
    },
    maskedName: '张*',
    team: null,
    checkin: null,
    ...overrides,
  };
}

/** A canvas stand-in that paints into RGBA pixels, as the phone's canvas does. */
function pixelPainter(size: number): QrPainter & { png: PNG } {
  const png = new PNG({ width: size, height: size });
  let colour = [0, 0, 0];
  return {
    png,
    get fillStyle() {
      return `#${colour.map((part) => part.toString(16).padStart(2, '0')).join('')}`;
    },
    set fillStyle(value) {
      const hex = String(value).slice(1);
      colour = [0, 2, 4].map((at) => parseInt(hex.slice(at, at + 2), 16));
    },
    fillRect(x, y, width, height) {
      const pixel = Buffer.from([...colour, 255]);
      for (let row = y; row < y + height; row++) {
        for (let column = x; column < x + width; column++) pixel.copy(png.data, (row * size + column) * 4);
      }
    },
  };
}

/** Paints the code, writes it out as a PNG file's bytes, reads them back and decodes them as a camera app would. */
function roundTrip(text: string, size: number): string | null {
  const painter = pixelPainter(size);
  paintQr(painter, qrMatrix(text), size);
  // One fixed filter: pngjs tries all five per row otherwise, which is slow inside jest.
  const image = PNG.sync.read(PNG.sync.write(painter.png, { filterType: 0 }));
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

describe('the ticket QR code', () => {
  it('paints a code that a QR decoder reads back from a PNG', () => {
    const code = ticketCode(ticketView(), now.getTime());
    expect(roundTrip(code, 360)).toBe(code);
  });

  it('reads back at sizes where modules do not fall on whole pixels', () => {
    const code = makeCode('venue', 'ev-riverside-orienteering', deriveSecret(serverKey, 'venue', 'ev-riverside-orienteering'), now);
    for (const size of [203, 287, 451]) expect(roundTrip(code, size)).toBe(code);
  });

  it('keeps a white quiet zone of four modules and paints modules with no grey seams', () => {
    const size = 300;
    const painter = pixelPainter(size);
    const matrix = qrMatrix(ticketCode(ticketView(), now.getTime()));
    paintQr(painter, matrix, size);
    const quiet = Math.floor((quietZoneModules * size) / (matrix.length + quietZoneModules * 2));
    const pixel = (x: number, y: number) => painter.png.data[(y * size + x) * 4];
    for (let at = 0; at < size; at++) {
      expect([pixel(at, 0), pixel(0, at), pixel(at, quiet - 1), pixel(quiet - 1, at)]).toEqual([255, 255, 255, 255]);
    }
    // The top-left finder pattern starts right after the quiet zone.
    expect(pixel(quiet + 1, quiet + 1)).toBe(0);
    const values = new Set<number>();
    for (let index = 0; index < painter.png.data.length; index += 4) values.add(painter.png.data[index]);
    expect([...values].sort()).toEqual([0, 255]);
  });
});

describe('the rotating code', () => {
  it('corrects a wrong phone clock with the server time, so the server accepts its codes', () => {
    const ticket = ticketView();
    // The phone's clock runs ten minutes slow; the answer reached it at its own 04:50.
    const phoneNow = now.getTime() - 10 * 60_000;
    const offset = clockOffsetMs(ticket.serverTime, phoneNow);
    expect(offset).toBe(10 * 60_000);
    const corrected = parseCode(ticketCode(ticket, phoneNow + offset));
    const uncorrected = parseCode(ticketCode(ticket, phoneNow));
    expect(corrected && checkCode(corrected, ticket.secret, now)).toBe('valid');
    expect(uncorrected && checkCode(uncorrected, ticket.secret, now)).toBe('expired');
  });

  it('treats an unreadable server time as no offset', () => {
    expect(clockOffsetMs('not a time', now.getTime())).toBe(0);
  });

  it('draws one code per step, naming the ticket', () => {
    const ticket = ticketView();
    const stepStart = Math.floor(now.getTime() / 30_000) * 30_000;
    const code = ticketCode(ticket, stepStart);
    expect(ticketCode(ticket, stepStart + 29_999)).toBe(code);
    expect(ticketCode(ticket, stepStart + 30_000)).not.toBe(code);
    expect(parseCode(code)).toMatchObject({ kind: 'ticket', id: ticketId });
  });

  it('counts down to the next step', () => {
    const stepStart = Math.floor(now.getTime() / 30_000) * 30_000;
    expect(stepCountdown(stepStart)).toEqual({ secondsLeft: 30, remaining: 1 });
    expect(stepCountdown(stepStart + 10_000)).toEqual({ secondsLeft: 20, remaining: 2 / 3 });
    expect(stepCountdown(stepStart + 29_500)).toEqual({ secondsLeft: 1, remaining: 0.5 / 30 });
    expect(stepCountdown(stepStart + 30_000).secondsLeft).toBe(30);
  });

  it('stops showing a code once the event is over', () => {
    const ticket = ticketView();
    expect(eventOver(ticket, Date.parse(ticket.event.endAt) - 1)).toBe(false);
    expect(eventOver(ticket, Date.parse(ticket.event.endAt))).toBe(true);
  });

  it('tells when and how the member was checked in, in Shanghai time', () => {
    expect(checkinLine({ at: '2026-12-10T05:42:00.000Z', byName: '李静', source: 'scan' }, now)).toBe('12月10日 13:42 · 扫码签到');
    expect(checkinLine({ at: '2026-12-10T05:42:00.000Z', byName: '张伟', source: 'self' }, now)).toBe('12月10日 13:42 · 自助签到');
  });

  it('links to the ticket and the self check-in pages', () => {
    expect(ticketPageUrl('ev-annual-forum')).toBe('/package-ticket/ticket/index?eventId=ev-annual-forum');
    expect(selfCheckInPageUrl('ev a&b')).toBe('/package-ticket/self-checkin/index?eventId=ev%20a%26b');
  });
});

describe('the ticket kept on the phone', () => {
  const cached: CachedTicket = { ticket: ticketView(), receivedAt: now.getTime() - 60_000 };

  beforeEach(() => {
    storage.clear();
    mockTaro.failing = false;
  });

  it('keeps one ticket per event and reads it back', () => {
    saveCachedTicket('ev-annual-forum', cached);
    expect(storage.has(ticketCacheKey('ev-annual-forum'))).toBe(true);
    expect(readCachedTicket('ev-annual-forum')).toEqual(cached);
    expect(readCachedTicket('ev-policy-study')).toBeNull();
    dropCachedTicket('ev-annual-forum');
    expect(readCachedTicket('ev-annual-forum')).toBeNull();
  });

  it('ignores an entry of another event, an old shape or junk', () => {
    expect(parseCachedTicket(cached, 'ev-annual-forum')).toEqual(cached);
    expect(parseCachedTicket(cached, 'ev-policy-study')).toBeNull();
    expect(parseCachedTicket({ ticket: { ...cached.ticket, secret: undefined }, receivedAt: 1 }, 'ev-annual-forum')).toBeNull();
    expect(parseCachedTicket({ ticket: cached.ticket }, 'ev-annual-forum')).toBeNull();
    expect(parseCachedTicket('', 'ev-annual-forum')).toBeNull();
    expect(parseCachedTicket(null, 'ev-annual-forum')).toBeNull();
  });

  it('survives storage that refuses to read or write', () => {
    mockTaro.failing = true;
    expect(() => saveCachedTicket('ev-annual-forum', cached)).not.toThrow();
    expect(readCachedTicket('ev-annual-forum')).toBeNull();
  });

  it('draws codes from the kept ticket with the clock offset of the moment it arrived', () => {
    const screen = screenOfTicket(cached, true);
    expect(screen).toEqual({ kind: 'ticket', ticket: cached.ticket, offsetMs: 60_000, offline: true });
  });

  it('keeps the ticket on screen, marked offline, when the server cannot be reached', () => {
    const shown = screenOfTicket({ ticket: ticketView({ checkin: { at: now.toISOString(), byName: '李静', source: 'scan' } }), receivedAt: now.getTime() }, false);
    expect(screenAfterFailure({ code: 'NETWORK', message: '网络异常' }, shown, cached)).toEqual({ ...shown, offline: true });
    expect(screenAfterFailure({ code: 'INTERNAL', message: '系统繁忙' }, { kind: 'loading' }, cached)).toEqual(screenOfTicket(cached, true));
    expect(screenAfterFailure({ code: 'NETWORK', message: '网络异常，请检查网络后重试' }, { kind: 'loading' }, null)).toEqual({
      kind: 'error',
      message: '网络异常，请检查网络后重试',
    });
  });

  it('gives up the ticket once the server says the seat is not (or no longer) confirmed', () => {
    const shown = screenOfTicket(cached, false);
    expect(screenAfterFailure({ code: 'TICKET_NOT_READY', message: '报名确认后才有签到码' }, shown, cached)).toEqual({ kind: 'notReady' });
    expect(screenAfterFailure({ code: 'NOT_REGISTERED', message: '你还没有报名该活动' }, shown, cached)).toEqual({ kind: 'notRegistered', message: '你还没有报名该活动' });
    expect(screenAfterFailure({ code: 'FORBIDDEN', message: '没有权限进行此操作' }, shown, cached)).toEqual({ kind: 'error', message: '没有权限进行此操作' });
    expect(['TICKET_NOT_READY', 'NOT_REGISTERED', 'NOT_FOUND'].every(failureDropsCachedTicket)).toBe(true);
    expect(['NETWORK', 'INTERNAL', 'FORBIDDEN', 'UNAUTHENTICATED'].some(failureDropsCachedTicket)).toBe(false);
  });
});

describe('self check-in', () => {
  const venueSecret = deriveSecret(serverKey, 'venue', 'ev-annual-forum');
  const venueCode = makeCode('venue', 'ev-annual-forum', venueSecret, now);

  it('accepts this event’s venue code, trimmed of what a paste or scanner adds', () => {
    expect(readVenueCode(`  ${venueCode}\n`, 'ev-annual-forum')).toEqual({ ok: true, code: venueCode });
    expect(readVenueCode(venueCode, null)).toEqual({ ok: true, code: venueCode });
  });

  it('refuses another event’s venue code, a personal ticket code and stray text before calling', () => {
    const other = readVenueCode(makeCode('venue', 'ev-policy-study', venueSecret, now), 'ev-annual-forum');
    expect(other).toMatchObject({ ok: false, gate: { pass: false, title: '不是本场活动的签到码' } });
    expect(readVenueCode(ticketCode(ticketView(), now.getTime()), 'ev-annual-forum')).toMatchObject({ ok: false, gate: { pass: false, title: '这是个人签到码' } });
    expect(readVenueCode('https://example.com/', 'ev-annual-forum')).toMatchObject({ ok: false, gate: { pass: false, title: '签到码无效' } });
    expect(readVenueCode('', null)).toMatchObject({ ok: false });
  });

  const scan = (overrides: Partial<ScanResult>): ScanResult => ({
    accepted: false,
    rejection: null,
    message: '',
    name: null,
    team: null,
    checkin: null,
    ...overrides,
  });

  it('shows a pass with name, team and time for an accepted check-in', () => {
    const gate = gateOfResult(
      scan({ accepted: true, message: '签到成功', name: '张伟', team: '陆家嘴一队', checkin: { at: '2026-12-10T05:42:00.000Z', byName: '张伟', source: 'self' } }),
      now,
    );
    expect(gate).toEqual({ pass: true, title: '签到成功', detail: '张伟 · 陆家嘴一队', checkedIn: '12月10日 13:42 · 自助签到' });
  });

  it('shows green for "already checked in", with the first time, since it is the member’s own ticket', () => {
    const gate = gateOfResult(
      scan({ rejection: 'alreadyCheckedIn', message: '已签到', name: '张伟', checkin: { at: '2026-12-10T05:30:00.000Z', byName: '李静', source: 'scan' } }),
      now,
    );
    expect(gate).toMatchObject({ pass: true, title: '你已签到', checkedIn: '12月10日 13:30 · 扫码签到' });
  });

  it('shows red with the reason in words for every other rejection', () => {
    expect(gateOfResult(scan({ rejection: 'notOpenYet', message: '签到尚未开始' }), now)).toEqual({ pass: false, title: '签到尚未开始', detail: '', checkedIn: null });
    expect(gateOfResult(scan({ rejection: 'closed', message: '签到已结束' }), now)).toMatchObject({ pass: false, title: '签到已结束' });
    expect(gateOfResult(scan({ rejection: 'expired', message: '签到码已过期，请刷新' }), now)).toEqual({
      pass: false,
      title: '签到码已过期，请让对方刷新',
      detail: '签到码已过期，请刷新',
      checkedIn: null,
    });
    expect(gateOfResult(scan({ rejection: 'notConfirmed', message: '报名未确认（候补中）' }), now)).toMatchObject({ pass: false, title: '报名未确认', detail: '报名未确认（候补中）' });
  });

  it('turns failed calls into a red gate', () => {
    expect(gateOfFailure({ code: 'NETWORK', message: '网络异常，请检查网络后重试' })).toMatchObject({ pass: false, title: '网络异常' });
    expect(gateOfFailure({ code: 'TICKET_NOT_READY', message: '报名确认后才有签到码' })).toEqual({ pass: false, title: '报名未确认', detail: '报名确认后才有签到码', checkedIn: null });
    expect(gateOfFailure({ code: 'VALIDATION_FAILED', message: '签到码格式不正确' })).toMatchObject({ pass: false, title: '签到失败', detail: '签到码格式不正确' });
  });

  it('explains why the browser camera did not open', () => {
    expect(cameraProblem(null)).toContain('无法使用摄像头');
    expect(cameraProblem(Object.assign(new Error('denied'), { name: 'NotAllowedError' }))).toContain('未获得摄像头权限');
    expect(cameraProblem(Object.assign(new Error('none'), { name: 'NotFoundError' }))).toContain('没有找到可用的摄像头');
    expect(cameraProblem(Object.assign(new Error('busy'), { name: 'NotReadableError' }))).toContain('占用');
    expect(cameraProblem('odd')).toBe('摄像头无法打开，请在下方粘贴签到码。');
  });
});
