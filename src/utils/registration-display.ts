import type { EventSummary } from '../../cloudfunctions/shared/contract/events';
import type { MyRegistration } from '../../cloudfunctions/shared/contract/registrations';
import { type RegistrationStatus, registrationStatusLabels } from '../../cloudfunctions/shared/contract/vocabulary';
import type { Badge } from './event-display';
import { formatDateTime } from './time';

type StatusFacts = Pick<MyRegistration, 'status' | 'waitlistPosition' | 'team'>;

const statusTones: Record<RegistrationStatus, Badge['tone']> = {
  confirmed: 'success',
  pending: 'info',
  waitlisted: 'warning',
  forming: 'info',
  offered: 'brand',
  cancelled: 'muted',
  rejected: 'muted',
  expired: 'muted',
};

/** Registrations that still hold (or wait for) a place; the others leave the member free to sign up again. */
export function isActiveRegistration(status: RegistrationStatus): boolean {
  return status !== 'cancelled' && status !== 'rejected' && status !== 'expired';
}

/** The status tag: "已报名", "候补 第 3 位", "组队中 2/3", ... */
export function registrationBadge(registration: StatusFacts): Badge {
  const tone = statusTones[registration.status];
  if (registration.status === 'waitlisted' && registration.waitlistPosition !== null) {
    return { text: `候补 第 ${registration.waitlistPosition} 位`, tone };
  }
  if (registration.status === 'forming' && registration.team) {
    return { text: `组队中 ${registration.team.size}/${registration.team.minSize}`, tone };
  }
  return { text: registrationStatusLabels[registration.status], tone };
}

type EventFacts = Pick<EventSummary, 'waitlistMode' | 'startAt'>;

/** One or two sentences under the status tag: what the status means and what happens next. */
export function registrationExplanation(registration: StatusFacts & Pick<MyRegistration, 'offerExpiresAt'>, event: EventFacts, now: Date): string {
  const team = registration.team;
  switch (registration.status) {
    case 'confirmed':
      return team ? `队伍已有 ${team.size} 人，报名成功。请于 ${formatDateTime(event.startAt, now)} 前到场签到。` : `报名成功，请于 ${formatDateTime(event.startAt, now)} 前到场签到。`;
    case 'pending':
      return '已提交，等待主办方审核，审核结果会通过消息通知你。';
    case 'waitlisted':
      return event.waitlistMode === 'offer'
        ? '有名额空出时会通知你，请在限定时间内确认参加。'
        : '有名额空出时将按顺序自动为你递补，并通知你。';
    case 'forming': {
      const missing = team ? Math.max(0, team.minSize - team.size) : 0;
      return team ? `队伍还差 ${missing} 人即可确认参赛（每队 ${team.minSize}–${team.maxSize} 人），把邀请码发给队友吧。` : '队伍人数达到下限后即可确认参赛。';
    }
    case 'offered':
      return registration.offerExpiresAt
        ? `有名额空出，已为你保留。请在 ${formatDateTime(registration.offerExpiresAt, now)} 前确认，逾期将让给下一位候补者。`
        : '有名额空出，已为你保留，请尽快确认。';
    case 'cancelled':
      return '你已取消报名。报名开放期间可以重新报名。';
    case 'rejected':
      return '很抱歉，你的报名未通过审核。';
    case 'expired':
      return '候补名额的确认期限已过，名额已让给下一位。';
  }
}

/** The cancel button's words: leaving a waiting list or a team reads differently from cancelling a seat. */
export function cancelLabel(registration: StatusFacts): string {
  if (registration.team && !registration.team.members.some((member) => member.isMe && member.isCaptain)) return '退出队伍';
  return registration.status === 'waitlisted' ? '退出候补' : '取消报名';
}

export interface ConfirmText {
  title: string;
  content: string;
  confirmText: string;
}

/** The confirm dialog before a cancel, so a stray tap never gives away a seat. */
export function cancelConfirm(registration: StatusFacts): ConfirmText {
  const label = cancelLabel(registration);
  if (label === '退出队伍') return { title: '退出队伍', content: '退出后你将不再是该队队员，确定退出吗？', confirmText: '确认退出' };
  if (label === '退出候补') return { title: '退出候补', content: '退出后将失去当前的候补位置，确定退出吗？', confirmText: '确认退出' };
  return { title: '取消报名', content: '取消后你的名额将让给候补者，确定取消吗？', confirmText: '确认取消' };
}

/** "还剩 5 小时 12 分", "还剩 3 分 08 秒"; null once the deadline has passed. */
export function countdownText(deadline: string, now: Date): string | null {
  const left = Math.floor((Date.parse(deadline) - now.getTime()) / 1000);
  if (!(left > 0)) return null;
  const days = Math.floor(left / 86400);
  const hours = Math.floor((left % 86400) / 3600);
  const minutes = Math.floor((left % 3600) / 60);
  const seconds = left % 60;
  if (days > 0) return `还剩 ${days} 天 ${hours} 小时`;
  if (hours > 0) return `还剩 ${hours} 小时 ${minutes} 分`;
  return `还剩 ${minutes} 分 ${String(seconds).padStart(2, '0')} 秒`;
}

/** Whether the member may still cancel themselves; past `cancelUntil` only an organizer can. */
export function canSelfCancel(registration: Pick<MyRegistration, 'status' | 'cancelUntil'>, now: Date): boolean {
  if (!isActiveRegistration(registration.status) || registration.cancelUntil === null) return false;
  return now.getTime() <= Date.parse(registration.cancelUntil);
}

export interface SignupOutcome {
  title: string;
  hint: string;
  tone: Badge['tone'];
}

export type SignupMode = 'signup' | 'createTeam' | 'joinTeam';

/** The result screen after submitting: 报名成功 / 已提交，等待审核 / 已进入候补，第 N 位 / 队伍已创建 ... */
export function signupOutcome(registration: StatusFacts, mode: SignupMode): SignupOutcome {
  switch (registration.status) {
    case 'confirmed':
      return mode === 'signup'
        ? { title: '报名成功', hint: '请按时到场参加，可在「我的报名」中随时查看。', tone: 'success' }
        : { title: '队伍报名成功', hint: '队伍人数已达到下限，参赛资格已确认。队友仍可凭邀请码加入，直到满员。', tone: 'success' };
    case 'pending':
      return { title: '已提交，等待审核', hint: '主办方审核后会通过「消息通知」告诉你结果，请留意。', tone: 'info' };
    case 'waitlisted': {
      const place = registration.waitlistPosition === null ? '' : `，第 ${registration.waitlistPosition} 位`;
      return { title: `已进入候补${place}`, hint: '名额已满。有人取消时将按候补顺序递补，并通过「消息通知」告诉你。', tone: 'warning' };
    }
    case 'forming':
      return mode === 'createTeam'
        ? { title: '队伍已创建', hint: '把邀请码发给队友，人数达到下限后队伍即确认参赛。', tone: 'info' }
        : { title: '已加入队伍', hint: '队伍人数达到下限后即确认参赛，届时会通知你。', tone: 'info' };
    case 'offered':
      return { title: '候补到位，待确认', hint: '已为你保留一个名额，请在活动页面确认参加。', tone: 'brand' };
    default:
      return { title: registrationStatusLabels[registration.status], hint: '可在活动页面查看详情。', tone: 'muted' };
  }
}

export interface Refusal {
  title: string;
  hint: string;
  /** Where the member can act on it: their current registration, the host organisation, or another invite code. */
  next: 'myRegistration' | 'hostOrg' | 'otherCode' | 'event';
}

/** Refusals that end this sign-up attempt, in words; null for problems the form itself shows (bad input, network). */
export function signupRefusal(code: string, message: string): Refusal | null {
  switch (code) {
    case 'ALREADY_REGISTERED':
      return { title: '你已报名该活动', hint: '无需重复报名，可以查看当前的报名状态。', next: 'myRegistration' };
    case 'SIGNUP_CLOSED':
      return { title: '报名未开始或已截止', hint: '当前不在报名时间内，请留意活动的报名时间。', next: 'event' };
    case 'NOT_ELIGIBLE':
      return { title: '仅限会员报名', hint: '该活动仅限主办组织的会员报名，加入主办组织后即可报名。', next: 'hostOrg' };
    case 'EVENT_CANCELLED':
      return { title: '活动已取消', hint: '主办方已取消该活动，去看看其他活动吧。', next: 'event' };
    case 'TEAM_NOT_FOUND':
      return { title: '邀请码无效', hint: '请向队长核对邀请码，或重新输入。', next: 'otherCode' };
    case 'TEAM_FULL':
      return { title: '队伍人数已满', hint: '该队伍已满员，可以请队长确认，或加入其他队伍。', next: 'otherCode' };
    case 'TEAM_EVENT':
    case 'NOT_TEAM_EVENT':
      return { title: message, hint: '请返回活动页面重新选择报名方式。', next: 'event' };
    default:
      return null;
  }
}
