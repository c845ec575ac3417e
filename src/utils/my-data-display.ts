import { roleLabels, sectorLabels } from '../../cloudfunctions/shared/contract/vocabulary';
import { formatFullDateTime } from './time';

export interface DataLine {
  label: string;
  value: string;
}

const collectionLabels: Record<string, string> = {
  members: '会员资料',
  orgs: '组织',
  memberships: '组织关系',
  events: '活动',
  registrations: '活动报名',
  notifications: '通知消息',
  checkins: '签到记录',
  tickets: '签到码',
  clubs: '读书会',
  clubMembers: '读书会成员',
  clubNotes: '读书笔记',
  noteReports: '举报记录',
  notes: '读书笔记',
  pledgeSignatures: '公约签署',
  proposals: '建言献策',
  audit: '操作记录',
};

const fieldLabels: Record<string, string> = {
  _id: '编号',
  id: '编号',
  openId: '微信标识',
  name: '姓名',
  mobile: '手机号',
  sector: '界别',
  employer: '工作单位',
  title: '职务',
  orgId: '组织',
  orgIds: '所在组织',
  roles: '身份',
  role: '身份',
  status: '状态',
  eventId: '活动',
  memberId: '会员编号',
  privacyAcceptedVersion: '隐私指引版本',
  privacyAcceptedAt: '同意隐私指引时间',
  createdAt: '创建时间',
  updatedAt: '更新时间',
  deletedAt: '注销时间',
  at: '时间',
  action: '操作',
  kind: '类型',
  state: '报名状态',
  contact: '报名联系人',
  answers: '报名问题回答',
  team: '队伍',
  teamId: '队伍编号',
  arrival: '报名序号',
  offer: '候补名额',
  requestId: '请求编号',
  decisionMessage: '审核留言',
  addedBy: '代报名组织者',
  event: '活动信息',
  cancelledAt: '取消时间',
  body: '内容',
  readAt: '阅读时间',
  deliveredAt: '推送时间',
};

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export function collectionLabel(name: string): string {
  return collectionLabels[name] ?? name;
}

function describeValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') {
    if (key === 'sector' && value in sectorLabels) return sectorLabels[value as keyof typeof sectorLabels];
    if (key === 'role' && value in roleLabels) return roleLabels[value as keyof typeof roleLabels];
    return isoInstant.test(value) ? formatFullDateTime(value) : value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return typeof value === 'boolean' ? (value ? '是' : '否') : String(value);
  }
  if (value instanceof Date) return formatFullDateTime(value.toISOString());
  if (Array.isArray(value)) {
    const separator = value.every((item) => typeof item !== 'object' || item === null) ? '、' : '；';
    return value.length === 0 ? '—' : value.map((item) => describeValue(key, item)).join(separator);
  }
  return Object.entries(value as Record<string, unknown>)
    .map(([innerKey, innerValue]) => `${fieldLabels[innerKey] ?? innerKey}：${describeValue(innerKey, innerValue)}`)
    .join('，');
}

/** One stored record as label/value lines a member can read; nested objects (like `profile`) are opened up one level. */
export function describeRecord(record: unknown): DataLine[] {
  if (typeof record !== 'object' || record === null) {
    return [{ label: '内容', value: describeValue('', record) }];
  }
  return Object.entries(record as Record<string, unknown>).flatMap(([key, value]) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)) {
      return Object.entries(value as Record<string, unknown>).map(([innerKey, innerValue]) => ({
        label: fieldLabels[innerKey] ?? `${key}.${innerKey}`,
        value: describeValue(innerKey, innerValue),
      }));
    }
    return [{ label: fieldLabels[key] ?? key, value: describeValue(key, value) }];
  });
}
