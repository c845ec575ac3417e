import type { SignatureCounts } from '../../../cloudfunctions/shared/contract/pledge';
import { sectorLabels } from '../../../cloudfunctions/shared/contract/vocabulary';

export interface Bar {
  key: string;
  label: string;
  count: number;
  /** Share of the longest bar, 0–100; a non-zero count never shrinks below a visible sliver. */
  percent: number;
}

const smallestVisiblePercent = 2;

function scale(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.max(smallestVisiblePercent, Math.round((count / max) * 100));
}

export function sectorBars(bySector: SignatureCounts['bySector']): Bar[] {
  const max = Math.max(0, ...bySector.map((row) => row.count));
  return [...bySector]
    .sort((a, b) => b.count - a.count)
    .map((row) => ({ key: row.sector, label: sectorLabels[row.sector], count: row.count, percent: scale(row.count, max) }));
}

/** The busiest child organisations; the rest are summed into one "其他" bar so the chart stays short. */
export function orgBars(byOrg: SignatureCounts['byOrg'], limit: number): Bar[] {
  const sorted = [...byOrg].filter((row) => row.count > 0).sort((a, b) => b.count - a.count);
  const shown = sorted.slice(0, limit).map((row) => ({ key: row.orgId, label: row.orgName || '未命名组织', count: row.count }));
  const restCount = sorted.slice(limit).reduce((sum, row) => sum + row.count, 0);
  const rows = restCount > 0 ? [...shown, { key: 'rest', label: `其他 ${sorted.length - limit} 个组织`, count: restCount }] : shown;
  const max = Math.max(0, ...rows.map((row) => row.count));
  return rows.map((row) => ({ ...row, percent: scale(row.count, max) }));
}

export interface WeekColumn {
  weekStart: string;
  /** "11/23": the Monday the week (Asia/Shanghai) starts on. */
  label: string;
  count: number;
  percent: number;
}

/** The most recent `weeks` weeks, oldest first, each column as a share of the tallest. */
export function weekColumns(byWeek: SignatureCounts['byWeek'], weeks: number): WeekColumn[] {
  const recent = [...byWeek].sort((a, b) => a.weekStart.localeCompare(b.weekStart)).slice(-weeks);
  const max = Math.max(0, ...recent.map((row) => row.count));
  return recent.map((row) => {
    const [, month, day] = row.weekStart.split('-').map(Number);
    return { weekStart: row.weekStart, label: `${month}/${day}`, count: row.count, percent: scale(row.count, max) };
  });
}
