import type { Preload, ScanLogEntry, ScanResult } from '../../cloudfunctions/shared/contract/checkin';
import { codeStepSeconds, deriveSecret, makeCode } from '../../cloudfunctions/shared/contract/ticket-code';
import { attendeeState, handCheckinMessage, logLine, logVerdict, spacedMobile } from '../../src/package-checkin/helpers/checkin-display';
import { organizerRefusal, staffRefusal } from '../../src/package-checkin/helpers/refusal';
import {
  acceptedDismissMs,
  counterPercent,
  counterText,
  failureView,
  scanResultView,
  syncReportText,
  windowPhase,
  windowText,
} from '../../src/package-checkin/helpers/scan-display';
import { checkinPageUrl, scannerEntryDue } from '../../src/utils/checkin-entry';
import { deviceName, isDeviceId, newDeviceId } from '../../src/utils/device-name';
import {
  enqueue,
  isTicketOfEvent,
  nextSyncBatch,
  type OfflineKit,
  prepareKit,
  type QueuedScan,
  rememberCheckin,
  serverClock,
  settleSync,
  syncBatchSize,
  verifyOffline,
} from '../../src/utils/offline-checkin';
import { CameraRepeatFilter, PendingNonces, scanKey, scannedCode, scannerFieldChange } from '../../src/utils/scanner-field';

const serverKey = 'test-server-key';
const eventId = 'ev-riverside-orienteering';
const otherEventId = 'ev-reading-salon';
const ticketOf = (memberId: string, event = eventId) => `${event}_${memberId}`;
const secretOf = (ticketId: string) => deriveSecret(serverKey, 'ticket', ticketId);

// 2026-11-28 14:00 in Shanghai; check-in runs 12:00–17:00 there.
const serverNow = new Date('2026-11-28T06:00:00.000Z');

function preload(overrides: Partial<Preload> = {}): Preload {
  return {
    eventId,
    title: '滨江定向赛',
    stepSeconds: codeStepSeconds,
    serverTime: serverNow.toISOString(),
    checkInOpensAt: '2026-11-28T04:00:00.000Z',
    checkInClosesAt: '2026-11-28T09:00:00.000Z',
    tickets: [
      { ticketId: ticketOf('m-lin'), secret: secretOf(ticketOf('m-lin')), name: '林晓', team: '陆家嘴跑团', checkedInAt: null },
      { ticketId: ticketOf('m-zhou'), secret: secretOf(ticketOf('m-zhou')), name: '周雯', team: null, checkedInAt: '2026-11-28T05:40:00.000Z' },
      { ticketId: ticketOf('m-he'), secret: secretOf(ticketOf('m-he')), name: '何佳怡', team: null, checkedInAt: null },
    ],
    ...overrides,
  };
}

/** A device whose clock runs five minutes slow: codes must still be checked on the server's clock. */
const deviceLag = 5 * 60 * 1000;
const deviceNow = new Date(serverNow.getTime() - deviceLag);
const kit: OfflineKit = prepareKit(preload(), deviceNow);
const codeOf = (memberId: string, at: Date = serverNow, event = eventId) => makeCode('ticket', ticketOf(memberId, event), secretOf(ticketOf(memberId, event)), at);

describe('offline verification', () => {
  it('keeps the server clock: the kit notes how far the device is off', () => {
    expect(kit.clockOffsetMs).toBe(deviceLag);
    expect(serverClock(kit, deviceNow).toISOString()).toBe(serverNow.toISOString());
    expect(kit.preparedAt).toBe(serverNow.toISOString());
  });

  it('accepts a valid code and queues it with the scan time on the server clock', () => {
    const code = codeOf('m-lin');
    const verdict = verifyOffline(kit, [], {}, code, 'nonce-0001', deviceNow);
    expect(verdict.result).toEqual({
      accepted: true,
      rejection: null,
      message: '签到成功（离线）',
      name: '林晓',
      team: '陆家嘴跑团',
      checkin: { at: serverNow.toISOString(), byName: '本机离线签到', source: 'offline' },
    });
    expect(verdict.queued).toEqual({ code, nonce: 'nonce-0001', scannedAt: serverNow.toISOString(), ticketId: ticketOf('m-lin'), name: '林晓', team: '陆家嘴跑团' });
  });

  it('accepts a code drawn a minute ago, and one from a phone whose clock runs a step ahead', () => {
    expect(verifyOffline(kit, [], {}, codeOf('m-lin', new Date(serverNow.getTime() - 60_000)), 'nonce-0002', deviceNow).result.accepted).toBe(true);
    expect(verifyOffline(kit, [], {}, codeOf('m-lin', new Date(serverNow.getTime() + 30_000)), 'nonce-0003', deviceNow).result.accepted).toBe(true);
  });

  it('turns away an expired code (a screenshot) with the name, and queues nothing', () => {
    const screenshot = codeOf('m-lin', new Date(serverNow.getTime() - 5 * 60_000));
    const verdict = verifyOffline(kit, [], {}, screenshot, 'nonce-0004', deviceNow);
    expect(verdict.result).toMatchObject({ accepted: false, rejection: 'expired', name: '林晓' });
    expect(verdict.queued).toBeNull();
  });

  it('would call a fresh code expired if the device trusted its own slow clock', () => {
    const honest = prepareKit(preload({ serverTime: deviceNow.toISOString() }), deviceNow);
    const freshFromServerClock = codeOf('m-lin', new Date(serverNow.getTime() + deviceLag));
    expect(verifyOffline(honest, [], {}, freshFromServerClock, 'nonce-0005', deviceNow).result.rejection).toBe('expired');
  });

  it('calls a tampered or forged code invalid, whatever its time', () => {
    const genuine = codeOf('m-lin');
    const tampered = genuine.replace(/.$/, (last) => (last === '0' ? '1' : '0'));
    expect(verifyOffline(kit, [], {}, tampered, 'nonce-0006', deviceNow).result).toMatchObject({ accepted: false, rejection: 'invalid', name: null });
    const forged = makeCode('ticket', ticketOf('m-lin'), 'guessed-secret', serverNow);
    expect(verifyOffline(kit, [], {}, forged, 'nonce-0007', deviceNow).result.rejection).toBe('invalid');
    const stolenSecret = makeCode('ticket', ticketOf('m-lin'), secretOf(ticketOf('m-he')), serverNow);
    expect(verifyOffline(kit, [], {}, stolenSecret, 'nonce-0008', deviceNow).result.rejection).toBe('invalid');
  });

  it('calls text that is not a ticket code invalid: stray input, a venue code, another app’s QR', () => {
    for (const text of ['', 'hello', 'https://example.com/x', makeCode('venue', eventId, 'venue-secret', serverNow)]) {
      expect(verifyOffline(kit, [], {}, text, 'nonce-0009', deviceNow).result).toMatchObject({ accepted: false, rejection: 'invalid' });
    }
  });

  it('says "another event" for a ticket of another event, without a secret for it', () => {
    const verdict = verifyOffline(kit, [], {}, codeOf('m-lin', serverNow, otherEventId), 'nonce-0010', deviceNow);
    expect(verdict.result.rejection).toBe('otherEvent');
    expect(isTicketOfEvent(ticketOf('m-lin', otherEventId), eventId)).toBe(false);
    // An event id that merely starts like ours is still another event.
    expect(isTicketOfEvent(`${eventId}-b_m-lin`, eventId)).toBe(false);
  });

  it('cannot vouch for a ticket of this event issued after the preload, and says so', () => {
    const late = makeCode('ticket', ticketOf('m-new'), secretOf(ticketOf('m-new')), serverNow);
    const verdict = verifyOffline(kit, [], {}, late, 'nonce-0011', deviceNow);
    expect(verdict.result.rejection).toBe('notConfirmed');
    expect(verdict.result.message).toContain('联网');
    expect(verdict.queued).toBeNull();
  });

  it('refuses outside the check-in window, on the server clock', () => {
    const early = prepareKit(preload({ serverTime: '2026-11-28T03:59:00.000Z' }), deviceNow);
    expect(verifyOffline(early, [], {}, codeOf('m-lin', new Date('2026-11-28T03:59:00.000Z')), 'nonce-0012', deviceNow).result.rejection).toBe('notOpenYet');
    const late = prepareKit(preload({ serverTime: '2026-11-28T09:00:00.000Z' }), deviceNow);
    expect(verifyOffline(late, [], {}, codeOf('m-lin', new Date('2026-11-28T09:00:00.000Z')), 'nonce-0013', deviceNow).result.rejection).toBe('closed');
  });

  it('says "already checked in" with the first time for a ticket checked in before the preload', () => {
    const verdict = verifyOffline(kit, [], {}, codeOf('m-zhou'), 'nonce-0014', deviceNow);
    expect(verdict.result).toMatchObject({ accepted: false, rejection: 'alreadyCheckedIn', name: '周雯', checkin: { at: '2026-11-28T05:40:00.000Z' } });
    expect(verdict.queued).toBeNull();
  });

  it('catches a ticket this device saw checked in online since the preload', () => {
    const seen = rememberCheckin({}, ticketOf('m-he'), '2026-11-28T05:58:00.000Z');
    expect(verifyOffline(kit, [], seen, codeOf('m-he'), 'nonce-0015', deviceNow).result).toMatchObject({
      rejection: 'alreadyCheckedIn',
      checkin: { at: '2026-11-28T05:58:00.000Z' },
    });
  });

  it('turns away a second scan of a ticket already in the queue, naming when it was queued', () => {
    const first = verifyOffline(kit, [], {}, codeOf('m-lin'), 'nonce-0016', deviceNow);
    const queue = enqueue([], first.queued!);
    const later = new Date(deviceNow.getTime() + 20_000);
    const second = verifyOffline(kit, queue, {}, codeOf('m-lin', new Date(serverNow.getTime() + 20_000)), 'nonce-0017', later);
    expect(second.result).toMatchObject({ accepted: false, rejection: 'alreadyCheckedIn', checkin: { at: serverNow.toISOString(), byName: '本机离线签到' } });
    expect(second.queued).toBeNull();
  });

  it('answers a retry of the queued scan (same nonce) as it did, and queues it once', () => {
    const code = codeOf('m-lin');
    const first = verifyOffline(kit, [], {}, code, 'nonce-0018', deviceNow);
    const queue = enqueue([], first.queued!);
    const retry = verifyOffline(kit, queue, {}, code, 'nonce-0018', new Date(deviceNow.getTime() + 1000));
    expect(retry.result).toEqual(first.result);
    expect(retry.queued).toBeNull();
    expect(enqueue(queue, first.queued!)).toBe(queue);
  });
});

describe('offline queue and sync', () => {
  const scan = (n: number, memberId = `m-${n}`): QueuedScan => ({
    code: `XT1.${ticketOf(memberId)}.1.aaaaaaaaaaaaaaaaaaaa`,
    nonce: `nonce-${String(n).padStart(4, '0')}`,
    scannedAt: new Date(serverNow.getTime() + n * 1000).toISOString(),
    ticketId: ticketOf(memberId),
    name: `参加者${n}`,
    team: null,
  });

  it('sends the oldest scans first, at most 500 a call, with only what the contract takes', () => {
    const queue = Array.from({ length: 620 }, (_, n) => scan(n));
    const batch = nextSyncBatch(queue);
    expect(batch).toHaveLength(syncBatchSize);
    expect(batch[0]).toEqual({ code: queue[0].code, nonce: queue[0].nonce, scannedAt: queue[0].scannedAt });
    expect(batch[499].nonce).toBe(queue[499].nonce);
  });

  it('takes answered scans off the queue and sorts them into accepted, conflicts and refusals', () => {
    const queue = [scan(1), scan(2), scan(3), scan(4)];
    const { remaining, report } = settleSync(queue, [
      { nonce: scan(1).nonce, accepted: true, rejection: null },
      { nonce: scan(2).nonce, accepted: false, rejection: 'conflict' },
      { nonce: scan(3).nonce, accepted: false, rejection: 'expired' },
    ]);
    expect(remaining).toEqual([scan(4)]);
    expect(report.accepted).toEqual([scan(1)]);
    expect(report.conflicts).toEqual([scan(2)]);
    expect(report.rejected).toEqual([{ scan: scan(3), rejection: 'expired' }]);
    expect(syncReportText(report)).toBe('已同步 3 条；1 条冲突，1 条未通过');
  });

  it('keeps scans queued meanwhile (not in the answer) and ignores answers for nonces it does not hold', () => {
    const { remaining, report } = settleSync([scan(1), scan(2)], [{ nonce: 'nonce-9999', accepted: true, rejection: null }]);
    expect(remaining).toEqual([scan(1), scan(2)]);
    expect(report.accepted).toEqual([]);
  });

  it('remembers the first check-in of a ticket, not a later one', () => {
    const seen = rememberCheckin({}, 't-1', '2026-11-28T05:00:00.000Z');
    expect(rememberCheckin(seen, 't-1', '2026-11-28T05:30:00.000Z')).toBe(seen);
    expect(rememberCheckin(seen, 't-2', '2026-11-28T05:30:00.000Z')).toEqual({ 't-1': '2026-11-28T05:00:00.000Z', 't-2': '2026-11-28T05:30:00.000Z' });
  });

  it('reports a clean sync briefly', () => {
    expect(syncReportText({ accepted: [scan(1), scan(2)], conflicts: [], rejected: [] })).toBe('已同步 2 条');
  });
});

describe('device name', () => {
  it('is the platform and four hex digits', () => {
    const id = newDeviceId(() => 0.2);
    expect(id).toBe('3333');
    expect(newDeviceId(() => 0.99)).toBe('FFFF');
    expect(deviceName('h5', '3F2A')).toBe('H5-3F2A');
    expect(deviceName('ios', '07BC')).toBe('iOS-07BC');
    expect(deviceName('Android', '07BC')).toBe('Android-07BC');
    expect(deviceName('windows', '07BC')).toBe('PC-07BC');
    expect(deviceName('something-new', '07BC')).toBe('WX-07BC');
  });

  it('makes ids that differ, and recognises a stored one', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newDeviceId()));
    expect(ids.size).toBeGreaterThan(40);
    ids.forEach((id) => expect(isDeviceId(id)).toBe(true));
    for (const bad of ['', '3f2a', '3F2', 'GGGG', 42, null, undefined, { id: '3F2A' }]) expect(isDeviceId(bad)).toBe(false);
  });

  it('fits the contract’s device field', () => {
    expect(deviceName('devtools', newDeviceId()).length).toBeLessThanOrEqual(40);
  });
});

describe('scanner field', () => {
  const code = 'XT1.ev-riverside-orienteering_m-lin.59012345.0123456789abcdef0123';

  it('trims what the scanner typed and drops its prefix and suffix characters', () => {
    expect(scannedCode(`  ${code}  `)).toBe(code);
    expect(scannedCode(`${code}\r\n`)).toBe(code);
    expect(scannedCode(`\u0002${code}\t`)).toBe(code);
    expect(scannedCode('   ')).toBeNull();
    expect(scannedCode('\r\n')).toBeNull();
  });

  it('undoes what a Chinese input method in full-width mode makes of a code', () => {
    const fullWidth = code.replace(/\./g, '。').replace('XT1', 'ＸＴ１');
    expect(scannedCode(fullWidth)).toBe(code);
    expect(scannedCode(code.replace(/\./g, '．'))).toBe(code);
    expect(scannedCode(`\u3000${code}\u3000`)).toBe(code);
  });

  it('submits on a typed line break (Enter) and keeps what comes after', () => {
    expect(scannerFieldChange(code)).toEqual({ submit: [], rest: code });
    expect(scannerFieldChange(`${code}\n`)).toEqual({ submit: [code], rest: '' });
    expect(scannerFieldChange(` ${code} \r\nXT1.ab`)).toEqual({ submit: [code], rest: 'XT1.ab' });
  });

  it('submits every line of a paste in order, and skips blank ones', () => {
    expect(scannerFieldChange(`${code}\n\nsecond\r\nthird\n`)).toEqual({ submit: [code, 'second', 'third'], rest: '' });
  });

  it('reuses a nonce for a code until the server answered it', () => {
    let made = 0;
    const nonces = new PendingNonces(() => `nonce-${++made}-abcdef`);
    const first = nonces.nonceFor(code);
    expect(nonces.nonceFor(code)).toBe(first);
    expect(nonces.nonceFor('other')).not.toBe(first);
    nonces.answered(code);
    expect(nonces.nonceFor(code)).not.toBe(first);
  });

  it('treats one phone held in front of the camera as one scan, even as its code rotates', () => {
    const filter = new CameraRepeatFilter(2500);
    const now = Date.parse('2026-11-28T06:00:00.000Z');
    const rotated = code.replace('59012345', '59012346');
    expect(scanKey(code)).toBe(scanKey(rotated));
    expect(filter.sighted(code, now)).toBe(true);
    // Eight frames a second for half a minute, the code rotating on the way: no second scan.
    for (let at = now + 120; at < now + 30_000; at += 120) {
      expect(filter.sighted(at < now + 15_000 ? code : rotated, at)).toBe(false);
    }
    expect(filter.sighted(rotated, now + 30_000)).toBe(false);
    expect(filter.sighted(code.replace('m-lin', 'm-he'), now + 30_100)).toBe(true);
    expect(filter.sighted(code, now + 30_200)).toBe(true);
    // The same person stepping back up after a pause is a new scan (and hears "already checked in").
    expect(filter.sighted(code, now + 40_000)).toBe(true);
  });
});

describe('scan result texts', () => {
  const now = serverNow;
  const accepted: ScanResult = {
    accepted: true,
    rejection: null,
    message: '签到成功',
    name: '林晓',
    team: '陆家嘴跑团',
    checkin: { at: '2026-11-28T06:00:00.000Z', byName: '张晨', source: 'scan' },
  };

  it('shows green with name, team and time, and clears itself', () => {
    expect(scanResultView(accepted, false, now)).toEqual({
      tone: 'accepted',
      headline: '签到成功',
      name: '林晓',
      team: '陆家嘴跑团',
      details: ['14:00 扫码签到'],
      offline: false,
      dismissAfterMs: acceptedDismissMs,
    });
    expect(acceptedDismissMs).toBe(2500);
  });

  it('shows red "already checked in" with the first time and who, and waits to be read', () => {
    const view = scanResultView(
      { accepted: false, rejection: 'alreadyCheckedIn', message: '已于 11月28日 13:41 签到（张晨）', name: '周雯', team: null, checkin: { at: '2026-11-28T05:41:00.000Z', byName: '张晨', source: 'scan' } },
      false,
      now,
    );
    expect(view).toMatchObject({ tone: 'rejected', headline: '已签到', name: '周雯', details: ['首次签到 13:41', '张晨 · 扫码签到'], dismissAfterMs: null });
  });

  it('names another day in full, and leaves out an unknown checker', () => {
    const view = scanResultView(
      { accepted: false, rejection: 'alreadyCheckedIn', message: '已签到', name: '周雯', team: null, checkin: { at: '2026-11-27T05:41:00.000Z', byName: '', source: 'hand' } },
      false,
      now,
    );
    expect(view.details).toEqual(['首次签到 11月27日 13:41', '手动签到']);
  });

  it('gives every rejection its words, with the server’s detail when it says more', () => {
    const rejected = (rejection: ScanResult['rejection'], message: string): ScanResult => ({ accepted: false, rejection, message, name: null, team: null, checkin: null });
    expect(scanResultView(rejected('notConfirmed', '报名未确认：候补中'), false, now)).toMatchObject({ headline: '报名未确认', details: ['报名未确认：候补中'] });
    expect(scanResultView(rejected('otherEvent', '不是本场活动的签到码'), false, now)).toMatchObject({ headline: '不是本场活动的签到码', details: [] });
    expect(scanResultView(rejected('expired', '签到码已过期，请让对方刷新'), false, now).headline).toBe('签到码已过期，请让对方刷新');
    expect(scanResultView(rejected('invalid', '签到码无效'), false, now).headline).toBe('签到码无效');
    expect(scanResultView(rejected('notOpenYet', '签到尚未开始'), false, now).headline).toBe('签到尚未开始');
    expect(scanResultView(rejected('closed', '签到已结束'), false, now).headline).toBe('签到已结束');
  });

  it('marks an offline verdict', () => {
    expect(scanResultView({ ...accepted, checkin: { ...accepted.checkin!, source: 'offline' } }, true, now)).toMatchObject({ offline: true, details: ['14:00 离线扫码签到'] });
  });

  it('shows a refused call (not a steward, no network) in red with the message', () => {
    expect(failureView({ code: 'FORBIDDEN', message: '没有权限进行此操作' })).toMatchObject({ tone: 'rejected', headline: '无权签到', details: ['没有权限进行此操作'] });
    expect(failureView({ code: 'NETWORK', message: '网络异常' }).headline).toBe('网络异常');
    expect(failureView({ code: 'CONFLICT', message: '操作冲突，请稍后重试' }).headline).toBe('签到失败');
  });

  it('counts and shows where the window stands', () => {
    expect(counterText({ checkedIn: 12, confirmed: 600 })).toBe('已签到 12 / 600');
    expect(counterPercent({ checkedIn: 12, confirmed: 600 })).toBe(2);
    expect(counterPercent({ checkedIn: 0, confirmed: 0 })).toBe(0);
    const window = { checkInOpensAt: '2026-11-28T04:00:00.000Z', checkInClosesAt: '2026-11-28T09:00:00.000Z' };
    expect(windowText(window, now)).toBe('签到时间 11月28日 12:00 – 17:00');
    expect(windowPhase(window, new Date('2026-11-28T03:59:59.000Z'))).toBe('notOpenYet');
    expect(windowText(window, new Date('2026-11-28T03:00:00.000Z'))).toContain('（尚未开始）');
    expect(windowPhase(window, new Date('2026-11-28T09:00:00.000Z'))).toBe('closed');
  });
});

describe('organizer texts', () => {
  const now = serverNow;

  it('shows an attendee’s check-in state with time and who', () => {
    expect(attendeeState({ checkin: null }, now)).toEqual({ badge: { text: '未签到', tone: 'muted' }, detail: null });
    expect(attendeeState({ checkin: { at: '2026-11-28T05:30:00.000Z', byName: '陈思远', source: 'hand' } }, now)).toEqual({
      badge: { text: '已签到', tone: 'success' },
      detail: '13:30 · 陈思远 · 手动签到',
    });
    expect(spacedMobile('13812345678')).toBe('138 1234 5678');
    expect(spacedMobile('+85291234567')).toBe('+85291234567');
  });

  it('says what a check-in by hand did', () => {
    const base = { name: '林晓', team: null, checkin: null, message: '' };
    expect(handCheckinMessage({ ...base, accepted: true, rejection: null }, '林晓')).toBe('林晓 已签到');
    expect(handCheckinMessage({ ...base, accepted: false, rejection: 'alreadyCheckedIn' }, '林晓')).toBe('林晓 已签到过');
    expect(handCheckinMessage({ ...base, accepted: false, rejection: 'notConfirmed', message: '报名未确认：候补中' }, '林晓')).toBe('报名未确认：候补中');
    expect(handCheckinMessage({ ...base, accepted: false, rejection: 'closed' }, '林晓')).toBe('签到已结束');
  });

  it('labels scan log entries, and says when an offline scan arrived', () => {
    const entry: ScanLogEntry = {
      id: 'log-1',
      at: '2026-11-28T06:00:05.000Z',
      scannedAt: '2026-11-28T06:00:00.000Z',
      stewardName: '张晨',
      device: 'iOS-07BC',
      source: 'scan',
      accepted: true,
      rejection: null,
      attendeeName: '林晓',
    };
    expect(logVerdict(entry)).toEqual({ text: '签到成功', tone: 'success' });
    expect(logVerdict({ accepted: false, rejection: 'conflict' })).toEqual({ text: '多台设备离线重复签到', tone: 'warning' });
    expect(logVerdict({ accepted: false, rejection: 'expired' })).toEqual({ text: '签到码已过期，请让对方刷新', tone: 'brand' });
    expect(logLine(entry, now)).toBe('张晨 · iOS-07BC · 扫码签到');
    expect(logLine({ ...entry, source: 'offline', at: '2026-11-28T06:20:00.000Z' }, now)).toBe('张晨 · iOS-07BC · 离线扫码签到 · 11月28日 14:20 同步');
  });

  it('tells a refusal from a failure', () => {
    expect(staffRefusal('FORBIDDEN')?.title).toBe('你不是本场活动的签到员');
    expect(staffRefusal('NOT_FOUND')?.title).toBe('活动不存在或已被删除');
    expect(staffRefusal('NETWORK')).toBeNull();
    expect(organizerRefusal('FORBIDDEN')?.title).toBe('没有权限');
    expect(organizerRefusal('INTERNAL')).toBeNull();
  });
});

describe('entries', () => {
  const event = { status: 'published' as const, startAt: '2026-11-28T06:00:00.000Z', endAt: '2026-11-28T09:00:00.000Z' };

  it('asks about the scanner only from a day before the start until the end', () => {
    expect(scannerEntryDue(event, new Date('2026-11-27T05:59:00.000Z'))).toBe(false);
    expect(scannerEntryDue(event, new Date('2026-11-27T06:00:00.000Z'))).toBe(true);
    expect(scannerEntryDue(event, new Date('2026-11-28T08:59:00.000Z'))).toBe(true);
    expect(scannerEntryDue(event, new Date('2026-11-28T09:00:00.000Z'))).toBe(false);
    expect(scannerEntryDue({ ...event, status: 'closed' }, new Date('2026-11-28T07:00:00.000Z'))).toBe(true);
    expect(scannerEntryDue({ ...event, status: 'cancelled' }, new Date('2026-11-28T07:00:00.000Z'))).toBe(false);
    expect(scannerEntryDue({ ...event, status: 'draft' }, new Date('2026-11-28T07:00:00.000Z'))).toBe(false);
  });

  it('links to the check-in pages with the event id escaped', () => {
    expect(checkinPageUrl('scan', 'ev-1')).toBe('/package-checkin/scan/index?eventId=ev-1');
    expect(checkinPageUrl('manage', 'a b')).toBe('/package-checkin/manage/index?eventId=a%20b');
  });
});
