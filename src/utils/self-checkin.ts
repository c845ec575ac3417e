import type { ScanResult } from '../../cloudfunctions/shared/contract/checkin';
import { parseCode } from '../../cloudfunctions/shared/contract/ticket-code';
import { scanRejectionLabels } from '../../cloudfunctions/shared/contract/vocabulary';
import { checkinLine } from './ticket-display';

/** A full-screen answer, like a ticket gate: green to go in, red with the reason. */
export interface Gate {
  pass: boolean;
  title: string;
  detail: string;
  /** When the member was checked in, with how. */
  checkedIn: string | null;
}

export type VenueCodeReading = { ok: true; code: string } | { ok: false; gate: Gate };

function stop(title: string, detail: string): { ok: false; gate: Gate } {
  return { ok: false, gate: { pass: false, title, detail, checkedIn: null } };
}

/**
 * Looks at a scanned or pasted text before sending it. A venue code names its event, and selfCheckIn takes only the
 * code, so a venue code of another event the member also signed up for would check them in there: refuse it here.
 */
export function readVenueCode(text: string, eventId: string | null): VenueCodeReading {
  const parsed = parseCode(text);
  if (!parsed) return stop(scanRejectionLabels.invalid, '这不是新联的签到码，请对准现场展示的自助签到码。');
  if (parsed.kind === 'ticket') return stop('这是个人签到码', '个人签到码由工作人员扫描；自助签到请扫描现场展示的签到码。');
  if (eventId && parsed.id !== eventId) return stop(scanRejectionLabels.otherEvent, '请确认扫描的是本场活动现场展示的签到码。');
  return { ok: true, code: text.trim() };
}

/** The server's answer as a gate. Already checked in is good news for the member themself, so it shows green. */
export function gateOfResult(result: ScanResult, now: Date): Gate {
  const checkedIn = result.checkin ? checkinLine(result.checkin, now) : null;
  if (result.accepted) {
    return { pass: true, title: '签到成功', detail: [result.name, result.team].filter(Boolean).join(' · '), checkedIn };
  }
  if (result.rejection === 'alreadyCheckedIn') {
    return { pass: true, title: '你已签到', detail: '无需重复签到，直接入场即可。', checkedIn };
  }
  const title = result.rejection ? scanRejectionLabels[result.rejection] : '签到失败';
  return { pass: false, title, detail: result.message === title ? '' : result.message, checkedIn: null };
}

/** A call that failed outright (no seat, no network, …). */
export function gateOfFailure(failure: { code: string; message: string }): Gate {
  if (failure.code === 'NETWORK') return { pass: false, title: '网络异常', detail: '没能连上服务器，请检查网络后重试。', checkedIn: null };
  const title = failure.code === 'TICKET_NOT_READY' ? scanRejectionLabels.notConfirmed : '签到失败';
  return { pass: false, title, detail: failure.message, checkedIn: null };
}

/** Why the browser's camera did not open (null: the browser has none to offer), and what to do instead. */
export function cameraProblem(failure: unknown): string {
  if (failure === null) return '当前浏览器无法使用摄像头，请在下方粘贴签到码。';
  const name = typeof failure === 'object' && 'name' in failure ? String(failure.name) : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return '未获得摄像头权限。请在浏览器设置中允许使用摄像头，或在下方粘贴签到码。';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return '没有找到可用的摄像头，请在下方粘贴签到码。';
  if (name === 'NotReadableError') return '摄像头正被其他应用占用，请关闭后重试，或在下方粘贴签到码。';
  return '摄像头无法打开，请在下方粘贴签到码。';
}
