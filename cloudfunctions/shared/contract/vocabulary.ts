/** Vocabularies both sides share at run time; kept free of zod so the mini program bundle stays small. */

export const roleNames = ['member', 'steward', 'organizer', 'admin'] as const;
export type RoleName = (typeof roleNames)[number];
export const grantableRoles = ['steward', 'organizer', 'admin'] as const;
export type GrantableRole = (typeof grantableRoles)[number];
export const roleLabels: Record<RoleName, string> = {
  member: '会员',
  steward: '签到员',
  organizer: '组织者',
  admin: '管理员',
};

export const sectors = ['enterprise', 'professional', 'freelance', 'newmedia', 'innovation', 'other'] as const;
export type Sector = (typeof sectors)[number];
export const sectorLabels: Record<Sector, string> = {
  enterprise: '企业管理技术人员',
  professional: '专业机构从业人员',
  freelance: '自由职业人员',
  newmedia: '新媒体从业人员',
  innovation: '创新创业人员',
  other: '其他',
};
/** The privacy notice a member accepts before giving personal data; bump it when the notice changes. */
export const privacyNoticeVersion = '2026-11';

/** The "1+6+N" tree: one general association, six sector associations, then streets, towns, zones and clubs. */
export const orgKinds = ['general', 'sector', 'street', 'town', 'zone', 'club'] as const;
export type OrgKind = (typeof orgKinds)[number];
export const orgKindLabels: Record<OrgKind, string> = {
  general: '总会',
  sector: '行业联谊会',
  street: '街道',
  town: '镇',
  zone: '开发区',
  club: '兴趣社团',
};

export const eventKinds = ['forum', 'salon', 'sports', 'service', 'study', 'reading'] as const;
export type EventKind = (typeof eventKinds)[number];
export const eventKindLabels: Record<EventKind, string> = {
  forum: '论坛',
  salon: '沙龙',
  sports: '体育',
  service: '公益',
  study: '学习',
  reading: '读书',
};
export const eventStatuses = ['draft', 'published', 'closed', 'cancelled'] as const;
export type EventStatus = (typeof eventStatuses)[number];
export const questionKinds = ['text', 'single', 'multiple'] as const;
export type QuestionKind = (typeof questionKinds)[number];
export const questionKindLabels: Record<QuestionKind, string> = { text: '填空', single: '单选', multiple: '多选' };
export const eventStatusLabels: Record<EventStatus, string> = {
  draft: '草稿',
  published: '报名中',
  closed: '报名已截止',
  cancelled: '已取消',
};

/** When a seat frees: the first in line gets it at once, or is offered it and must claim it before a deadline. */
export const waitlistModes = ['auto', 'offer'] as const;
export type WaitlistMode = (typeof waitlistModes)[number];
export const waitlistModeLabels: Record<WaitlistMode, string> = { auto: '自动递补', offer: '通知候补者限时确认' };

/**
 * A registration's standing as the member sees it. `forming` is a team below its minimum size;
 * `offered` is a freed seat held for a waitlisted member until the claim deadline.
 */
export const registrationStatuses = ['pending', 'forming', 'confirmed', 'offered', 'waitlisted', 'cancelled', 'rejected', 'expired'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];
export const registrationStatusLabels: Record<RegistrationStatus, string> = {
  pending: '待审核',
  forming: '组队中',
  confirmed: '已报名',
  offered: '候补到位，待确认',
  waitlisted: '候补',
  cancelled: '已取消',
  rejected: '未通过',
  expired: '已过期',
};

export const notificationKinds = ['promoted', 'offered', 'offerExpired', 'approved', 'rejected', 'eventCancelled', 'addedByOrganizer', 'teamConfirmed', 'teamDisbanded'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** A signature's standing: valid for the current version, superseded by a newer one, or withdrawn by its signer. */
export const signatureStatuses = ['valid', 'superseded', 'withdrawn'] as const;
export type SignatureStatus = (typeof signatureStatuses)[number];
export const signatureStatusLabels: Record<SignatureStatus | 'unknown', string> = {
  valid: '有效',
  superseded: '已被新版本取代',
  withdrawn: '已撤回',
  unknown: '未找到该证书',
};

/** The largest signature image the pledge accepts, before base64. */
export const maxSignatureImageBytes = 512 * 1024;

/** Why a scan was turned away, in the words a steward reads out. */
export const scanRejectionLabels = {
  alreadyCheckedIn: '已签到',
  notConfirmed: '报名未确认',
  otherEvent: '不是本场活动的签到码',
  expired: '签到码已过期，请让对方刷新',
  invalid: '签到码无效',
  notOpenYet: '签到尚未开始',
  closed: '签到已结束',
  conflict: '多台设备离线重复签到',
} as const;
export const checkinSourceLabels = { scan: '扫码签到', offline: '离线扫码签到', hand: '手动签到', self: '自助签到' } as const;
