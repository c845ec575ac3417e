export interface Refusal {
  title: string;
  hint: string;
}

export const forbidden: Refusal = { title: '没有权限', hint: '活动管理仅对组织者和管理员开放；如需权限，请联系所在联谊会的管理员。' };

/** Words for a refusal, so someone without an organizer role learns why rather than seeing an error. */
export function organizerRefusal(code: string): Refusal | null {
  if (code === 'FORBIDDEN') return forbidden;
  if (code === 'UNAUTHENTICATED') return { title: '请先登录', hint: '登录后才能管理活动。' };
  return null;
}
