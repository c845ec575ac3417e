import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import type { EventDoc, OrgDoc } from '../../cloudfunctions/shared/data/documents';
import type { EventGuest, EventQuestion } from '../../cloudfunctions/shared/contract/events';
import { openingLedger } from '../../cloudfunctions/shared/domain/seat-ledger';

dayjs.extend(utc);
dayjs.extend(timezone);

const zone = 'Asia/Shanghai';

/** A wall-clock time in Shanghai, `days` after today, as a UTC instant. */
function shanghai(now: Date, days: number, time: string): Date {
  const [hour, minute] = time.split(':').map(Number);
  return dayjs(now).tz(zone).startOf('day').add(days, 'day').hour(hour).minute(minute).toDate();
}

interface DemoEvent {
  id: string;
  title: string;
  kind: EventDoc['kind'];
  hostIds: string[];
  day: number;
  from: string;
  to: string;
  venue: EventDoc['venue'];
  capacity: number;
  description: string;
  schedule?: EventDoc['schedule'];
  questions?: EventQuestion[];
  guests?: EventGuest[];
  requiresApproval?: boolean;
  membersOnly?: boolean;
  waitlistMode?: EventDoc['waitlistMode'];
  team?: EventDoc['team'];
  status?: EventDoc['status'];
}

/** A salon held nine days before the demo's "now", with attendees checked in and a summary posted (see salon-recap.ts). */
export const pastSalonId = 'ev-digital-trade-salon';

const dietQuestion: EventQuestion = { id: 'diet', kind: 'single', label: '午餐偏好', required: false, options: ['无特殊要求', '清真', '素食'] };

const demoEvents: DemoEvent[] = [
  {
    id: 'ev-riverside-orienteering', title: '2026 浦东滨江城市定向赛', kind: 'sports',
    hostIds: ['org-general', 'org-club-orienteering', 'org-street-lujiazui'], day: 12, from: '08:30', to: '12:00',
    venue: { name: '东昌滨江绿地', address: '浦东新区滨江大道东昌路段' }, capacity: 150,
    team: { minSize: 3, maxSize: 6 },
    description: '沿浦东滨江 22 公里岸线设置 30 个打卡点，以 3–6 人小队参赛，限 150 支队伍。队长创建队伍后把邀请码发给队友，满 3 人即确认参赛。请穿运动鞋，自备饮用水。',
    schedule: [{ time: '08:30', title: '签到、领取地图和号码布' }, { time: '09:00', title: '鸣枪出发' }, { time: '11:30', title: '终点收卡、颁奖' }],
    questions: [{ id: 'tshirt', kind: 'single', label: 'T 恤尺码', required: true, options: ['S', 'M', 'L', 'XL', 'XXL'] }, { id: 'emergency', kind: 'text', label: '紧急联系人及电话', required: true, options: [] }],
  },
  {
    id: 'ev-belt-road-salon', title: '“一带一路”专业服务沙龙：跨境合规与争议解决', kind: 'salon',
    hostIds: ['org-sector-professional', 'org-zone-lujiazui-finance'], day: 6, from: '14:00', to: '17:00',
    venue: { name: '陆家嘴金融城党群服务中心 3 楼', address: '浦东新区陆家嘴环路 1000 号' }, capacity: 40,
    requiresApproval: true, membersOnly: true,
    description: '面向律师、会计师和企业法务，围绕“一带一路”沿线项目的跨境合规、税务和争议解决开展案例交流。名额 40 人，需审核。',
    schedule: [{ time: '14:00', title: '主题分享：中东项目的合规要点' }, { time: '15:00', title: '圆桌讨论' }, { time: '16:30', title: '自由交流' }],
    questions: [{ id: 'reason', kind: 'text', label: '参加理由及可分享的经验', required: true, options: [] }, { id: 'topics', kind: 'multiple', label: '关注的议题', required: false, options: ['合规', '税务', '仲裁', '知识产权'] }],
    guests: [
      { name: '顾明远', title: '某律师事务所合伙人、国际商事仲裁员', topic: '中东项目的合规要点' },
      { name: '沈立群', title: '某会计师事务所税务合伙人', topic: '沿线国家常设机构与税收协定' },
      { name: '高芳', title: '浦东某会计师事务所注册会计师', topic: '圆桌：争议中的财务核查' },
    ],
  },
  {
    id: pastSalonId, title: '数字贸易与数据出境沙龙', kind: 'salon',
    hostIds: ['org-sector-professional', 'org-zone-lujiazui-finance'], day: -9, from: '14:00', to: '16:30',
    venue: { name: '陆家嘴金融城党群服务中心 2 楼', address: '浦东新区陆家嘴环路 1000 号' }, capacity: 30,
    requiresApproval: true,
    description: '围绕数据出境安全评估、个人信息出境标准合同和跨境电商的数据合规，请律师、会计师和企业法务交流实务经验。名额 30 人，需审核。',
    schedule: [{ time: '14:00', title: '主题分享：数据出境的三条路径' }, { time: '15:00', title: '案例讨论' }, { time: '16:00', title: '自由交流' }],
    questions: [{ id: 'reason', kind: 'text', label: '参加理由及可分享的经验', required: true, options: [] }],
    guests: [
      { name: '陆文杰', title: '某律师事务所数据合规团队负责人', topic: '数据出境的三条路径' },
      { name: '刘洋', title: '陆家嘴某律师事务所合伙人律师', topic: '案例：跨境电商的个人信息出境' },
    ],
  },
  {
    id: 'ev-annual-forum', title: '新阶层·新作为——浦东新联会年度论坛', kind: 'forum',
    hostIds: ['org-general'], day: 20, from: '13:30', to: '17:30',
    venue: { name: '浦东新区市民中心报告厅', address: '浦东新区合欢路 2 号' }, capacity: 300,
    description: '回顾一年来各联谊会的工作，邀请各界代表人士围绕城市治理、营商环境和青年发展发言交流。',
    schedule: [{ time: '13:30', title: '签到入场' }, { time: '14:00', title: '年度工作回顾' }, { time: '15:00', title: '代表人士发言' }, { time: '16:30', title: '分组交流' }],
    questions: [dietQuestion],
  },
  {
    id: 'ev-policy-study', title: '新的社会阶层人士政策学习会', kind: 'study',
    hostIds: ['org-general', 'org-sector-enterprise'], day: 4, from: '19:00', to: '21:00',
    venue: { name: '张江人才港 2 楼多功能厅', address: '浦东新区张江镇盛夏路 500 号' }, capacity: 80,
    description: '邀请专家解读最新的人才、创业扶持和营商环境政策，现场答疑。',
  },
  {
    id: 'ev-jinyang-service-day', title: '金杨社区公益服务日：为老助餐与义诊', kind: 'service',
    hostIds: ['org-street-jinyang', 'org-club-charity'], day: 9, from: '09:00', to: '12:00',
    venue: { name: '金杨新村街道社区综合为老服务中心', address: '浦东新区金杨路 300 号' }, capacity: 50,
    description: '为社区老人送餐、义诊、讲解防诈骗知识。请穿便于活动的服装，组织方提供志愿者马甲。',
    questions: [{ id: 'skill', kind: 'multiple', label: '可提供的服务', required: true, options: ['送餐', '义诊（需执业资格）', '防诈骗讲解', '摄影记录'] }],
  },
  {
    id: 'ev-reading-12', title: '悦读会第 12 期：《乡土中国》共读', kind: 'reading',
    hostIds: ['org-club-reading'], day: 3, from: '19:30', to: '21:00',
    venue: { name: '浦东图书馆 4 楼研讨室', address: '浦东新区前程路 88 号' }, capacity: 20,
    description: '本期共读费孝通《乡土中国》第 1–5 章，请带上你的阅读笔记。',
  },
  {
    id: 'ev-reading-13', title: '悦读会第 13 期：《置身事内》共读', kind: 'reading',
    hostIds: ['org-club-reading'], day: 17, from: '19:30', to: '21:00',
    venue: { name: '浦东图书馆 4 楼研讨室', address: '浦东新区前程路 88 号' }, capacity: 20,
    description: '兰小欢《置身事内》上篇，讨论地方政府与经济发展。',
  },
  {
    id: 'ev-newmedia-briefing', title: '新媒体从业人员自律公约宣讲会', kind: 'study',
    hostIds: ['org-sector-newmedia'], day: 8, from: '14:30', to: '16:30',
    venue: { name: '潍坊新村街道党群服务中心', address: '浦东新区潍坊路 500 号' }, capacity: 120, membersOnly: true,
    description: '解读新媒体从业人员自律公约的条款：内容真实、尊重权益、保护未成年人、广告标识等，现场可签署公约。',
  },
  {
    id: 'ev-founder-breakfast', title: '创业者早餐会：从实验室到量产', kind: 'salon',
    hostIds: ['org-sector-innovation', 'org-zone-zhangjiang-science'], day: 2, from: '08:00', to: '09:30',
    venue: { name: '张江科学城创新中心咖啡厅', address: '浦东新区科苑路 399 号' }, capacity: 12,
    description: '创业者围坐早餐，分享硬科技产品从样机到量产的坑与经验。',
  },
  {
    id: 'ev-autumn-walk', title: '秋季世纪公园健步走', kind: 'sports',
    hostIds: ['org-club-orienteering'], day: -10, from: '09:00', to: '11:00',
    venue: { name: '世纪公园 7 号门', address: '浦东新区锦绣路 1001 号' }, capacity: 100,
    description: '环世纪公园健步走 6 公里。',
  },
  {
    id: 'ev-rainy-film-night', title: '会员观影夜（因场地调整取消）', kind: 'salon',
    hostIds: ['org-street-huamu'], day: 5, from: '19:00', to: '21:30',
    venue: { name: '花木街道文化中心', address: '浦东新区梅花路 100 号' }, capacity: 60, status: 'cancelled',
    description: '因场地检修，本次观影夜取消，另行通知。',
  },
];

export function buildDemoEvents(now: Date, orgs: OrgDoc[], createdBy: string): EventDoc[] {
  const orgName = new Map(orgs.map((org) => [org._id, org.name]));
  return demoEvents.map((event) => {
    const startAt = shanghai(now, event.day, event.from);
    const [orgId, ...coHostOrgIds] = event.hostIds;
    return {
      _id: event.id,
      title: event.title,
      kind: event.kind,
      status: event.status ?? 'published',
      orgId,
      coHostOrgIds,
      hostOrgIds: event.hostIds,
      hosts: event.hostIds.map((id) => ({ id, name: orgName.get(id) ?? id })),
      description: event.description,
      venue: event.venue,
      startAt,
      endAt: shanghai(now, event.day, event.to),
      signupOpensAt: shanghai(now, Math.min(event.day - 14, -3), '09:00'),
      signupClosesAt: dayjs(startAt).subtract(1, 'day').toDate(),
      cancellationDeadline: dayjs(startAt).subtract(1, 'day').toDate(),
      capacity: event.capacity,
      ...openingLedger(event.capacity),
      waitlistMode: event.waitlistMode ?? 'auto',
      offerHours: 24,
      requiresApproval: event.requiresApproval ?? false,
      membersOnly: event.membersOnly ?? false,
      team: event.team ?? null,
      questions: event.questions ?? [],
      schedule: event.schedule ?? [],
      guests: event.guests ?? [],
      summary: null,
      createdBy,
      createdAt: shanghai(now, Math.min(event.day - 15, -4), '10:00'),
      updatedAt: shanghai(now, Math.min(event.day - 15, -4), '10:00'),
    };
  });
}
