import type { AttendeeRow, ScanLogEntry, ScanResult } from '../../../cloudfunctions/shared/contract/checkin';
import { checkinSourceLabels, scanRejectionLabels } from '../../../cloudfunctions/shared/contract/vocabulary';
import type { Badge } from '../../utils/event-display';
import { formatDateTime } from '../../utils/time';
import { checkinBy, checkinClock } from './scan-display';

/** "138 1234 5678": easier to read out over the desk than eleven digits in a row. */
export function spacedMobile(mobile: string): string {
  return /^\d{11}$/.test(mobile) ? `${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}` : mobile;
}

export interface AttendeeState {
  badge: Badge;
  /** "14:03 · 张晨 · 扫码签到" once checked in. */
  detail: string | null;
}

export function attendeeState(row: Pick<AttendeeRow, 'checkin'>, now: Date): AttendeeState {
  if (!row.checkin) return { badge: { text: '未签到', tone: 'muted' }, detail: null };
  return { badge: { text: '已签到', tone: 'success' }, detail: [checkinClock(row.checkin.at, now), checkinBy(row.checkin)].join(' · ') };
}

/** The toast after 手动签到: the name when it worked, the reason in words when it did not. */
export function handCheckinMessage(result: ScanResult, name: string): string {
  if (result.accepted) return `${name} 已签到`;
  if (result.rejection === 'alreadyCheckedIn') return `${name} 已签到过`;
  return result.message || (result.rejection ? scanRejectionLabels[result.rejection] : '签到失败');
}

export type LogFilter = 'all' | 'rejected' | 'conflicts';

export const logFilters: { value: LogFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'rejected', label: '未通过' },
  { value: 'conflicts', label: '离线冲突' },
];

export function logVerdict(entry: Pick<ScanLogEntry, 'accepted' | 'rejection'>): Badge {
  if (entry.accepted) return { text: '签到成功', tone: 'success' };
  if (entry.rejection === 'conflict') return { text: scanRejectionLabels.conflict, tone: 'warning' };
  return { text: entry.rejection ? scanRejectionLabels[entry.rejection] : '未通过', tone: 'brand' };
}

// An offline scan reaches the server minutes later; past this gap the log says when it arrived.
const syncedLaterMs = 60 * 1000;

/** "张晨 · H5-3F2A · 扫码签到", and when an offline scan was synced. */
export function logLine(entry: ScanLogEntry, now: Date): string {
  const parts = [entry.stewardName, entry.device, checkinSourceLabels[entry.source]];
  if (Date.parse(entry.at) - Date.parse(entry.scannedAt) > syncedLaterMs) parts.push(`${formatDateTime(entry.at, now)} 同步`);
  return parts.filter(Boolean).join(' · ');
}
