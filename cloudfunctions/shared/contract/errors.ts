import { eventLimits } from './event-limits';

import { clubLimits } from './club-limits';

/** Stable error codes every function may answer with, and the Chinese message a user sees for each. */
export const errorMessages = {
  VALIDATION_FAILED: '提交的内容有误，请检查后重试',
  UNKNOWN_ACTION: '不支持的操作',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限进行此操作',
  NOT_FOUND: '内容不存在或已被删除',
  CONSENT_REQUIRED: '请先阅读并同意隐私保护指引',
  PROFILE_REQUIRED: '请先完善个人资料',
  ALREADY_MEMBER: '你已经是该组织的成员',
  NOT_MEMBER: '你还不是该组织的成员',
  ALREADY_SIGNED: '你已签署过该版本的公约',
  PLEDGE_VERSION_OUTDATED: '公约已有新版本，请阅读新版本后再签署',
  SIGNATURE_TOO_LIGHT: '签名笔画太少，请用手写完整签名',
  SIGNATURE_IMAGE_INVALID: '签名图片格式不正确，仅支持 PNG 或 JPEG',
  SIGNATURE_IMAGE_TOO_LARGE: '签名图片不能超过 512 KB',
  SIGNATURE_IMAGE_EMPTY: '签名是空白的，请先签名',
  SIGNUP_CLOSED: '报名未开始或已截止',
  ALREADY_REGISTERED: '你已报名该活动',
  NOT_ELIGIBLE: '该活动仅限主办组织的会员报名',
  EVENT_CANCELLED: '活动已取消',
  NOT_REGISTERED: '你还没有报名该活动',
  CANCELLATION_CLOSED: '已过取消报名的截止时间，如需取消请联系组织者',
  NO_OPEN_OFFER: '没有待确认的候补名额，可能已过确认期限',
  TEAM_NOT_FOUND: '邀请码无效，请向队长核对',
  TEAM_FULL: '队伍人数已满',
  TEAM_EVENT: '该活动以队伍报名，请创建队伍或凭邀请码加入',
  NOT_TEAM_EVENT: '该活动不是组队活动',
  TEAM_BELOW_MINIMUM: '退出后队伍将少于最低人数，请联系队长解散队伍',
  CAPTAIN_CANNOT_LEAVE: '队长不能单独退出，如需退出请解散队伍',
  EVENT_NOT_EDITABLE: '活动已取消或已结束，不能修改',
  NOT_PENDING: '该报名不在待审核状态',
  WRONG_EVENT_STATUS: '活动当前的状态不能进行此操作',
  NOT_CHECKED_IN: '该报名尚未签到',
  TICKET_NOT_READY: '报名确认后才有签到码',
  EVENT_NOT_ENDED: '活动结束后才能发布活动回顾',
  SUMMARY_PHOTO_INVALID: '照片格式不正确，仅支持 PNG 或 JPEG',
  SUMMARY_PHOTO_TOO_LARGE: `每张照片不能超过 ${eventLimits.summaryPhotoBytes / 1024} KB，请压缩后再上传`,
  NOT_CLUB_MEMBER: '请先加入该读书会',
  CLUB_FULL: '读书会成员已满',
  NO_CURRENT_BOOK: '读书会还没有设定正在共读的书，暂时不能发布笔记',
  NOTE_RATE_LIMITED: `今天在该读书会发布的笔记已达 ${clubLimits.notesPerDay} 条，明天再来吧`,
  NOT_CLUB_SESSION: '该活动不是读书会的共读场次',
  NO_SCHEDULE: '请先设置读书会的共读时间安排',
  COVER_IMAGE_INVALID: '封面图片格式不正确，仅支持 PNG 或 JPEG',
  COVER_IMAGE_TOO_LARGE: '封面图片不能超过 1 MB',
  CONFLICT: '操作冲突，请稍后重试',
  INTERNAL: '系统繁忙，请稍后重试',
} as const;

export type ErrorCode = keyof typeof errorMessages;

/** The reply of every function call. */
export type Reply<T> = { ok: true; data: T } | { ok: false; code: ErrorCode | string; message: string; field?: string };
