import type { GrantableRole, Sector } from '../../cloudfunctions/shared/contract/vocabulary';

/** Demo people. Personas are the ones the H5 dev sign-in offers; each signs in with its own OPENID. */
export interface DemoPerson {
  id: string;
  name: string;
  mobile: string;
  sector: Sector;
  employer: string;
  title: string;
  orgIds: string[];
  role?: { orgId: string; role: GrantableRole };
  persona: boolean;
}

export function personaOpenId(personaId: string): string {
  return `dev-openid-${personaId}`;
}

const general = 'org-general';

export const demoPeople: DemoPerson[] = [
  { id: 'm-chen-siyuan', name: '陈思远', mobile: '13916820451', sector: 'enterprise', employer: '浦东新联会秘书处', title: '秘书长', orgIds: [general, 'org-sector-enterprise'], role: { orgId: general, role: 'organizer' }, persona: true },
  { id: 'm-li-huimin', name: '李慧敏', mobile: '13761035528', sector: 'professional', employer: '陆家嘴街道社区党群服务中心', title: '联络员', orgIds: [general, 'org-street-lujiazui'], role: { orgId: 'org-street-lujiazui', role: 'organizer' }, persona: true },
  { id: 'm-wang-hao', name: '王浩', mobile: '13601887342', sector: 'freelance', employer: '独立摄影师', title: '', orgIds: [general, 'org-club-orienteering'], role: { orgId: general, role: 'steward' }, persona: true },
  { id: 'm-zhao-jianguo', name: '赵建国', mobile: '13817702296', sector: 'other', employer: '浦东新区统战部', title: '系统管理员', orgIds: [general], role: { orgId: general, role: 'admin' }, persona: true },
  { id: 'm-lin-xiao', name: '林晓', mobile: '13524619087', sector: 'newmedia', employer: '浦江视听工作室', title: '主编', orgIds: [general, 'org-sector-newmedia', 'org-street-weifang', 'org-club-reading'], persona: true },
  { id: 'm-zhang-wei', name: '张伟', mobile: '13788452013', sector: 'enterprise', employer: '张江某芯片设计公司', title: '研发总监', orgIds: [general, 'org-sector-enterprise', 'org-town-zhangjiang'], persona: true },
  { id: 'm-liu-yang', name: '刘洋', mobile: '13661259930', sector: 'professional', employer: '陆家嘴某律师事务所', title: '合伙人律师', orgIds: [general, 'org-sector-professional', 'org-zone-lujiazui-finance'], persona: true },
  { id: 'm-sun-yue', name: '孙悦', mobile: '13917364528', sector: 'freelance', employer: '自由插画师', title: '', orgIds: [general, 'org-sector-freelance', 'org-town-chuansha', 'org-club-reading'], persona: false },
  { id: 'm-wu-hao', name: '吴昊', mobile: '13564820177', sector: 'innovation', employer: '临港某新能源初创公司', title: '创始人', orgIds: [general, 'org-sector-innovation', 'org-town-nanhui'], persona: true },
  { id: 'm-he-jing', name: '何静', mobile: '13816093342', sector: 'enterprise', employer: '某音频平台公司', title: '内容运营经理', orgIds: [general, 'org-sector-audio-platform'], persona: false },
  { id: 'm-zhou-ting', name: '周婷', mobile: '13701948265', sector: 'newmedia', employer: '东方财经类公众号', title: '撰稿人', orgIds: [general, 'org-sector-newmedia', 'org-street-huamu'], persona: false },
  { id: 'm-xu-lei', name: '徐磊', mobile: '13641277854', sector: 'newmedia', employer: '短视频工作室', title: '制片人', orgIds: [general, 'org-sector-newmedia', 'org-town-sanlin'], persona: false },
  { id: 'm-gao-fang', name: '高芳', mobile: '13918865403', sector: 'professional', employer: '浦东某会计师事务所', title: '注册会计师', orgIds: [general, 'org-sector-professional', 'org-street-tangqiao'], persona: false },
  { id: 'm-ma-jun', name: '马骏', mobile: '13585127609', sector: 'professional', employer: '资产评估公司', title: '评估师', orgIds: [general, 'org-sector-professional'], persona: false },
  { id: 'm-luo-qian', name: '罗倩', mobile: '13795530816', sector: 'freelance', employer: '独立策展人', title: '', orgIds: [general, 'org-sector-freelance', 'org-street-yangjing'], persona: false },
  { id: 'm-tang-kai', name: '唐凯', mobile: '13621908874', sector: 'freelance', employer: '自由译者', title: '', orgIds: [general, 'org-sector-freelance', 'org-club-reading'], persona: false },
  { id: 'm-feng-yu', name: '冯宇', mobile: '13917250638', sector: 'innovation', employer: '张江某生物医药初创公司', title: '联合创始人', orgIds: [general, 'org-sector-innovation', 'org-zone-zhangjiang-science'], persona: false },
  { id: 'm-deng-min', name: '邓敏', mobile: '13816427795', sector: 'innovation', employer: '金桥某智能制造公司', title: '首席执行官', orgIds: [general, 'org-sector-innovation', 'org-town-jinqiao'], persona: false },
  { id: 'm-cao-lin', name: '曹琳', mobile: '13764082219', sector: 'enterprise', employer: '外高桥某外资物流公司', title: '运营总监', orgIds: [general, 'org-sector-enterprise', 'org-town-gaoqiao', 'org-club-charity'], persona: false },
  { id: 'm-shen-bo', name: '沈博', mobile: '13501726648', sector: 'enterprise', employer: '某音频平台公司', title: '技术经理', orgIds: [general, 'org-sector-audio-platform', 'org-club-orienteering'], persona: false },
];

/** A persona with no member record yet: signs in and meets the privacy notice and an empty profile. */
export const newcomerPersona = { id: 'newcomer', name: '新用户', roleLabel: '未注册' } as const;
