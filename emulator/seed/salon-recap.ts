import { PNG } from 'pngjs';
import { invoke as invokeCheckin } from '../../cloudfunctions/checkin';
import { invoke as invokeEvents } from '../../cloudfunctions/events';
import type { EventDetail } from '../../cloudfunctions/shared/contract';
import type { CloudConfig } from '../../cloudfunctions/shared/runtime';
import { pastSalonId } from './events';
import { demoPeople, personaOpenId } from './people';
import { buildCrowd } from './registrations';

const hour = 3600 * 1000;

/** A stand-in photo of the salon: a warm wall, a screen and rows of seated guests, varied per `variant`. */
function salonPhotoPng(variant: number): Buffer {
  const width = 480;
  const height = 320;
  const png = new PNG({ width, height });
  const paint = (x: number, y: number, rgb: [number, number, number]) => png.data.set([...rgb, 255], (y * width + x) * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const wall: [number, number, number] = y < 200 ? [236 - y / 8, 222 - y / 6 - variant * 6, 200 - y / 5] : [150 - variant * 10, 110, 80];
      const onScreen = x >= 150 + variant * 20 && x < 330 + variant * 20 && y >= 40 && y < 140;
      paint(x, y, onScreen ? [60, 100 + variant * 15, 160] : wall);
    }
  }
  // Heads in three rows, the back row smaller.
  for (const [row, radius] of [[210, 9], [245, 11], [288, 13]] as const) {
    for (let cx = 30 + ((row + variant * 7) % 20); cx < width - 20; cx += radius * 3 + 6) {
      for (let dy = -radius; dy <= radius; dy++) {
        for (let dx = -radius; dx <= radius; dx++) {
          if (dx * dx + dy * dy <= radius * radius) paint(cx + dx, row + dy, [40 + (cx % 30), 32, 30]);
        }
      }
    }
  }
  return PNG.sync.write(png);
}

const summaryText = [
  '本期沙龙共有 12 位律师、会计师和企业法务到场。陆文杰律师梳理了数据出境安全评估、个人信息出境标准合同和认证三条路径的适用情形；',
  '刘洋律师以一家跨境电商为例，讲解了订单和会员数据出境前需要做的自评估和合同安排。',
  '案例讨论中，大家交流了境外母公司调取员工信息、海外仓系统对接等常见问题。下期沙龙将围绕“一带一路”项目的争议解决展开，欢迎报名。',
].join('');

/**
 * The past salon's story, told through the functions themselves at the moments it happened: applications, the
 * organizer's decisions (one declined), check-in by hand at the door (two approved applicants did not come), and the
 * summary with three photos the morning after. 刘洋 (a persona) attended, so his past registrations
 * offer the summary.
 */
export async function seedSalonRecap(cloud: CloudConfig, now: Date): Promise<void> {
  const organizer = personaOpenId('m-chen-siyuan');
  const call = async <T>(fn: 'events' | 'checkin', openId: string, action: string, data: Record<string, unknown>, at: Date): Promise<T> => {
    const invoke = fn === 'events' ? invokeEvents : invokeCheckin;
    const { reply } = await invoke({ action, data }, { openId, cloud, now: at });
    if (!reply.ok) throw new Error(`seed: ${fn}.${action} for ${openId} answered ${reply.code} ${reply.message}`);
    return reply.data as T;
  };
  const salon = await call<EventDetail>('events', organizer, 'get', { id: pastSalonId }, now);
  const startAt = new Date(salon.startAt);
  const appliedAt = new Date(startAt.getTime() - 6 * 24 * hour);
  const decidedAt = new Date(appliedAt.getTime() + 24 * hour);
  const postedAt = new Date(new Date(salon.endAt).getTime() + 18 * hour);
  let request = 0;

  const people = ['m-liu-yang', 'm-gao-fang', 'm-ma-jun'].map((id) => {
    const person = demoPeople.find((candidate) => candidate.id === id)!;
    return { id, openId: person.persona ? personaOpenId(id) : `demo-openid-${id}`, name: person.name, mobile: person.mobile, employer: person.employer };
  });
  const crowd = buildCrowd(now)
    .filter((member) => member.profile!.sector === 'professional')
    .slice(14, 26)
    .map((member) => ({ id: member._id, openId: member.openId!, name: member.profile!.name, mobile: member.profile!.mobile, employer: member.profile!.employer }));
  const applicants = [...people, ...crowd];

  for (const applicant of applicants) {
    await call('events', applicant.openId, 'signup', {
      eventId: pastSalonId,
      requestId: `seed-recap-${++request}`,
      contact: { name: applicant.name, mobile: applicant.mobile },
      answers: { reason: `${applicant.employer}，处理过数据出境相关业务，愿分享经验。` },
    }, appliedAt);
  }
  const declined = applicants[applicants.length - 1];
  for (const applicant of applicants) {
    const approve = applicant !== declined;
    const message = approve ? '欢迎参加，请准时签到。' : '本期以从事数据合规业务的会员为主，欢迎报名下期沙龙。';
    await call('events', organizer, 'decide', { eventId: pastSalonId, memberId: applicant.id, approve, message }, decidedAt);
  }
  const noShows = new Set(crowd.slice(-3, -1).map((member) => member.id));
  for (const [index, applicant] of applicants.entries()) {
    if (applicant === declined || noShows.has(applicant.id)) continue;
    const at = new Date(startAt.getTime() - 20 * 60 * 1000 + index * 60 * 1000);
    await call('checkin', organizer, 'checkInByHand', { eventId: pastSalonId, memberId: applicant.id, nonce: `seed-recap-checkin-${index}`, device: '签到台' }, at);
  }
  const photos = [0, 1, 2].map((variant) => `data:image/png;base64,${salonPhotoPng(variant).toString('base64')}`);
  await call('events', organizer, 'postSummary', { id: pastSalonId, text: summaryText, photos }, postedAt);
}
