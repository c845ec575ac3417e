export interface Refusal {
  title: string;
  hint: string;
}

/** Why the scan page will not open for this caller, when the answer is a refusal rather than a failure. */
export function staffRefusal(code: string): Refusal | null {
  if (code === 'FORBIDDEN') return { title: '你不是本场活动的签到员', hint: '请联系活动组织者，在“签到管理 · 签到员”中添加你。' };
  if (code === 'NOT_FOUND' || code === 'VALIDATION_FAILED') return { title: '活动不存在或已被删除', hint: '请回到活动页面重新进入。' };
  return null;
}

/** The same for the organizer-only pages (attendees, stewards, scan log, venue code). */
export function organizerRefusal(code: string): Refusal | null {
  if (code === 'FORBIDDEN') return { title: '没有权限', hint: '只有本场活动主办组织的组织者可以使用签到管理。' };
  return staffRefusal(code);
}
