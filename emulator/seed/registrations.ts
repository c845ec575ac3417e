import type tcb from '@cloudbase/node-sdk';
import { invoke } from '../../cloudfunctions/events';
import type { MyRegistration } from '../../cloudfunctions/shared/contract';
import { privacyNoticeVersion } from '../../cloudfunctions/shared/contract/vocabulary';
import { collections, type MemberDoc } from '../../cloudfunctions/shared/data/documents';
import { newMemberRecord } from '../../cloudfunctions/shared/domain/membership';
import type { CloudConfig } from '../../cloudfunctions/shared/runtime';
import { personaOpenId } from './people';

type CloudApp = ReturnType<typeof tcb.init>;

const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const givenNames = ['晨', '佳怡', '子涵', '浩然', '欣悦', '俊杰', '雨桐', '思源', '梓萱', '宇航', '婧', '振华', '晓东', '静怡', '立新', '文博'];
const employers = ['张江某集成电路公司', '陆家嘴某基金公司', '金桥某汽车零部件企业', '某律师事务所', '某会计师事务所', '自由职业', '某新媒体工作室', '临港某新能源企业'];
const sectors = ['enterprise', 'enterprise', 'enterprise', 'professional', 'professional', 'freelance', 'newmedia', 'innovation'] as const;

const crowdSize = 320;

/** Members the demo events fill up with: generated names and Pudong employers, each in their sector's association and a street or town. */
export function buildCrowd(now: Date): MemberDoc[] {
  return Array.from({ length: crowdSize }, (_, i) => ({
    _id: `m-crowd-${i + 1}`,
    ...newMemberRecord(`demo-openid-crowd-${i + 1}`, privacyNoticeVersion, now),
    profile: {
      name: surnames[i % surnames.length] + givenNames[Math.floor(i / surnames.length) % givenNames.length],
      mobile: `139${String(16000000 + i * 7919).padStart(8, '0')}`,
      sector: sectors[i % sectors.length],
      employer: employers[i % employers.length],
      title: '',
    },
    orgIds: ['org-general', `org-sector-${sectors[i % sectors.length]}`, ['org-street-lujiazui', 'org-town-zhangjiang', 'org-street-huamu'][i % 3]],
  }));
}

/**
 * Signs the demo members up through the events function itself, so the demo's seats, waiting lists, pending
 * applications and teams are exactly what the product would have made of those sign-ups.
 */
export async function seedRegistrations(app: CloudApp, cloud: CloudConfig, now: Date): Promise<void> {
  const crowd = buildCrowd(now);
  let request = 0;
  const call = async <T>(openId: string, action: string, data: Record<string, unknown>): Promise<T> => {
    const { reply } = await invoke({ action, data }, { openId, cloud, now });
    if (!reply.ok) throw new Error(`seed: events.${action} for ${openId} answered ${reply.code} ${reply.message}`);
    return reply.data as T;
  };
  const contactOf = (member: MemberDoc) => ({ name: member.profile!.name, mobile: member.profile!.mobile });
  const signUp = (member: MemberDoc, eventId: string, answers: Record<string, unknown> = {}) =>
    call<MyRegistration>(member.openId!, 'signup', { eventId, requestId: `seed-${++request}-${member._id}`, contact: contactOf(member), answers });
  const people = (from: number, count: number) => crowd.slice(from, from + count);
  const persona = async (id: string): Promise<MemberDoc> => {
    const { data } = await app.database().collection(collections.members).doc(id).get();
    return (data as MemberDoc[])[0];
  };

  for (const member of people(0, 186)) await signUp(member, 'ev-annual-forum', { diet: member._id.endsWith('7') ? '清真' : '无特殊要求' });
  await signUp(await persona('m-zhang-wei'), 'ev-annual-forum', { diet: '素食' });
  for (const member of people(186, 62)) await signUp(member, 'ev-policy-study');
  // Full, with a short line: the breakfast has 12 seats.
  await signUp(await persona('m-wu-hao'), 'ev-founder-breakfast');
  for (const member of people(248, 14)) await signUp(member, 'ev-founder-breakfast');
  for (const member of people(262, 19)) await signUp(member, 'ev-reading-12');
  await signUp(await persona('m-lin-xiao'), 'ev-reading-12');
  for (const member of people(281, 2)) await signUp(member, 'ev-reading-12');
  for (const member of people(283, 6)) await signUp(member, 'ev-jinyang-service-day', { skill: ['送餐'] });

  // Applications to the salon: some approved by its organizer, the rest (and the persona lawyer) awaiting a decision.
  const salonApplicants = crowd.filter((member) => member.profile!.sector === 'professional').slice(0, 14);
  const application = (member: MemberDoc) => ({ reason: `${member.profile!.employer}，参与过跨境项目，愿分享合规经验。`, topics: ['合规'] });
  for (const member of salonApplicants) await signUp(member, 'ev-belt-road-salon', application(member));
  await signUp(await persona('m-liu-yang'), 'ev-belt-road-salon', { reason: '长期从事“一带一路”沿线项目的争议解决。', topics: ['仲裁', '合规'] });
  const organizer = personaOpenId('m-chen-siyuan');
  for (const member of salonApplicants.slice(0, 9)) {
    await call(organizer, 'decide', { eventId: 'ev-belt-road-salon', memberId: member._id, approve: true, message: '欢迎参加，请准时签到。' });
  }

  // Orienteering teams: four complete, one still looking for a third member.
  const runners = people(289, 17);
  const teamNames = ['浦江飞鱼队', '张江芯动力', '陆家嘴晨跑团', '金桥追风队', '滨江漫步者'];
  const teamSizes = [4, 3, 3, 5, 2];
  let next = 0;
  for (const [i, name] of teamNames.entries()) {
    const members = runners.slice(next, next + teamSizes[i]);
    next += teamSizes[i];
    const answers = { tshirt: 'L', emergency: '家属 13800000000' };
    const captain = members[0];
    const created = await call<MyRegistration>(captain.openId!, 'createTeam', { eventId: 'ev-riverside-orienteering', requestId: `seed-team-${i}`, teamName: name, contact: contactOf(captain), answers });
    for (const member of members.slice(1)) await call(member.openId!, 'joinTeam', { inviteCode: created.team!.inviteCode, contact: contactOf(member), answers });
  }
}
