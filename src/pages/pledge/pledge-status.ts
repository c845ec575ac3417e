import type { ArticleChange, PledgeCurrent } from '../../../cloudfunctions/shared/contract/pledge';
import type { RoleGrant } from '../../../cloudfunctions/shared/contract/common';
import type { Tone } from '../../utils/event-display';

export interface PledgeStatusBadge {
  text: string;
  tone: Tone;
}

/** 未签署 / 已签署第 N 版 / 公约已更新，请重新签署; nothing for a caller the server does not know. */
export function myPledgeStatus(my: PledgeCurrent['my']): PledgeStatusBadge | null {
  if (!my) return null;
  if (my.state === 'signed' && my.signature) return { text: `已签署第 ${my.signature.version} 版`, tone: 'success' };
  if (my.state === 'outdated') return { text: '公约已更新，请重新签署', tone: 'warning' };
  return { text: '未签署', tone: 'muted' };
}

export const articleChangeLabels: Record<ArticleChange['change'], string> = {
  added: '新增',
  removed: '删除',
  changed: '修改',
};

/** "第三条" style numbering, as pledges are printed. */
export function articleNumber(no: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (no < 10) return `第${digits[no]}条`;
  if (no < 20) return `第十${no === 10 ? '' : digits[no % 10]}条`;
  const tens = Math.floor(no / 10);
  return `第${digits[tens]}十${no % 10 === 0 ? '' : digits[no % 10]}条`;
}

/** What the main button says and whether it may be pressed, given how far the member read. */
export function signAction(my: PledgeCurrent['my'], readToEnd: boolean): { text: string; enabled: boolean } {
  if (my?.state === 'signed') return { text: '已签署，查看证书', enabled: true };
  if (!readToEnd) return { text: '请阅读至文末后签署', enabled: false };
  return { text: my?.state === 'outdated' ? '签署新版公约' : '签署公约', enabled: true };
}

/** Admins and organizers manage the pledge; stewards only scan tickets. */
export function canManagePledge(roles: RoleGrant[]): boolean {
  return roles.some((grant) => grant.role === 'admin' || grant.role === 'organizer');
}
