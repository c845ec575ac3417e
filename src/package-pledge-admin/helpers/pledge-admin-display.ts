import type { ArticleChange, ChainCheck } from '../../../cloudfunctions/shared/contract/pledge';
import { type SignatureStatus, signatureStatusLabels } from '../../../cloudfunctions/shared/contract/vocabulary';
import type { Badge } from '../../utils/event-display';

export interface ChainVerdict {
  intact: boolean;
  title: string;
  detail: string;
}

const problemLabels: Record<NonNullable<ChainCheck['firstProblem']>['problem'], string> = {
  altered: '被篡改',
  removed: '被删除',
  reordered: '顺序被调换',
};

/** The chain check in words: green with the count, or red naming the first record that breaks it. */
export function chainVerdict(check: ChainCheck): ChainVerdict {
  if (check.intact || !check.firstProblem) {
    return { intact: true, title: `签署链完整，已校验 ${check.checked} 条`, detail: '每条签署记录的哈希都与前一条相连，未发现篡改、删除或调换顺序。' };
  }
  const { seq, serial, problem } = check.firstProblem;
  const record = serial ? `第 ${seq} 条记录（证书编号 ${serial}）` : `第 ${seq} 条记录`;
  return {
    intact: false,
    title: `${record}${problemLabels[problem]}`,
    detail: `已校验 ${check.checked} 条。从这条记录起签署链不再连续，请核对数据库中的签署记录并保留现场。`,
  };
}

const statusTones: Record<SignatureStatus, Badge['tone']> = { valid: 'success', superseded: 'warning', withdrawn: 'muted' };

export function signatureStatusBadge(status: SignatureStatus): Badge {
  return { text: signatureStatusLabels[status], tone: statusTones[status] };
}

export const changeLabels: Record<ArticleChange['change'], Badge> = {
  added: { text: '新增', tone: 'success' },
  removed: { text: '删除', tone: 'brand' },
  changed: { text: '修改', tone: 'warning' },
};

/** "新增 2 条，修改 1 条" — or that nothing differs from the published text. */
export function summarizeChanges(changes: ArticleChange[]): string {
  const counts = (['added', 'changed', 'removed'] as const)
    .map((kind) => ({ kind, count: changes.filter((change) => change.change === kind).length }))
    .filter((entry) => entry.count > 0);
  if (counts.length === 0) return '条款与现行版本相同';
  return counts.map((entry) => `${changeLabels[entry.kind].text} ${entry.count} 条`).join('，');
}

/** Words for a refusal, so a member who lands here without a role learns why rather than seeing a blank page. */
export function refusalText(code: string, audience: 'organizers' | 'admins'): { title: string; hint: string } | null {
  if (code === 'FORBIDDEN') {
    const who = audience === 'admins' ? '仅对管理员开放' : '仅对组织者和管理员开放';
    return { title: '没有权限', hint: `此功能${who}；如需权限，请联系所在联谊会的管理员。` };
  }
  if (code === 'UNAUTHENTICATED') return { title: '请先登录', hint: '登录后才能查看公约管理。' };
  return null;
}
