import type { CheckinCounter, CheckinRecord, ScannerSession, ScanResult } from '../../../cloudfunctions/shared/contract/checkin';
import { checkinSourceLabels, scanRejectionLabels } from '../../../cloudfunctions/shared/contract/vocabulary';
import type { SyncReport } from '../../utils/offline-checkin';
import { formatDateTime, inShanghai } from '../../utils/time';

export type ScanTone = 'accepted' | 'rejected';

/** What the full-screen result shows, read at arm's length. */
export interface ScanResultView {
  tone: ScanTone;
  headline: string;
  name: string | null;
  team: string | null;
  details: string[];
  /** Checked on this device against the preload, not by the server. */
  offline: boolean;
  /** A green result clears itself; a red one waits until the steward has read it out. */
  dismissAfterMs: number | null;
}

export const acceptedDismissMs = 2500;

/** "14:03" today, "11月27日 14:03" another day: at the gate the time is what matters. */
export function checkinClock(at: string, now: Date): string {
  return inShanghai(at).isSame(inShanghai(now), 'day') ? inShanghai(at).format('HH:mm') : formatDateTime(at, now);
}

/** "张晨 · 扫码签到": who checked the person in, when known. */
export function checkinBy(checkin: CheckinRecord): string {
  return [checkin.byName, checkinSourceLabels[checkin.source]].filter(Boolean).join(' · ');
}

export function scanResultView(result: ScanResult, offline: boolean, now: Date): ScanResultView {
  if (result.accepted) {
    return {
      tone: 'accepted',
      headline: '签到成功',
      name: result.name,
      team: result.team,
      details: result.checkin ? [`${checkinClock(result.checkin.at, now)} ${checkinSourceLabels[result.checkin.source]}`] : [],
      offline,
      dismissAfterMs: acceptedDismissMs,
    };
  }
  const headline = result.rejection ? scanRejectionLabels[result.rejection] : '签到失败';
  const details: string[] = [];
  if (result.rejection === 'alreadyCheckedIn' && result.checkin) {
    details.push(`首次签到 ${checkinClock(result.checkin.at, now)}`);
    const by = checkinBy(result.checkin);
    if (by) details.push(by);
  } else if (result.message && result.message !== headline) {
    details.push(result.message);
  }
  return { tone: 'rejected', headline, name: result.name, team: result.team, details, offline, dismissAfterMs: null };
}

const failureHeadlines: Record<string, string> = {
  FORBIDDEN: '无权签到',
  VALIDATION_FAILED: '签到码无效',
  NOT_FOUND: '活动不存在',
  NETWORK: '网络异常',
  UNAUTHENTICATED: '请先登录',
};

/** A redeem the server refused as a whole (not a verdict on the ticket), or one that never got an answer. */
export function failureView(failure: { code: string; message: string }): ScanResultView {
  return {
    tone: 'rejected',
    headline: failureHeadlines[failure.code] ?? '签到失败',
    name: null,
    team: null,
    details: [failure.message],
    offline: false,
    dismissAfterMs: null,
  };
}

export function counterText(counter: CheckinCounter): string {
  return `已签到 ${counter.checkedIn} / ${counter.confirmed}`;
}

export function counterPercent(counter: CheckinCounter): number {
  return counter.confirmed === 0 ? 0 : Math.min(100, Math.round((counter.checkedIn / counter.confirmed) * 100));
}

export type WindowPhase = 'notOpenYet' | 'open' | 'closed';

export function windowPhase(session: Pick<ScannerSession, 'checkInOpensAt' | 'checkInClosesAt'>, now: Date): WindowPhase {
  if (now.getTime() < Date.parse(session.checkInOpensAt)) return 'notOpenYet';
  return now.getTime() >= Date.parse(session.checkInClosesAt) ? 'closed' : 'open';
}

/** "签到时间 11月28日 12:00 – 17:00" with a word on where the window stands. */
export function windowText(session: Pick<ScannerSession, 'checkInOpensAt' | 'checkInClosesAt'>, now: Date): string {
  const opens = formatDateTime(session.checkInOpensAt, now);
  const closes = inShanghai(session.checkInOpensAt).isSame(inShanghai(session.checkInClosesAt), 'day')
    ? inShanghai(session.checkInClosesAt).format('HH:mm')
    : formatDateTime(session.checkInClosesAt, now);
  const phase = windowPhase(session, now);
  const note = phase === 'notOpenYet' ? '（尚未开始）' : phase === 'closed' ? '（已结束）' : '';
  return `签到时间 ${opens} – ${closes}${note}`;
}

/** "已同步 12 条；1 条冲突，2 条未通过" after a sync. */
export function syncReportText(report: SyncReport): string {
  const total = report.accepted.length + report.conflicts.length + report.rejected.length;
  const problems = [
    report.conflicts.length > 0 ? `${report.conflicts.length} 条冲突` : '',
    report.rejected.length > 0 ? `${report.rejected.length} 条未通过` : '',
  ].filter(Boolean);
  return problems.length === 0 ? `已同步 ${total} 条` : `已同步 ${total} 条；${problems.join('，')}`;
}

export function pendingText(count: number): string {
  return `${count} 条待同步`;
}
