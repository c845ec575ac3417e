import type { NotificationKind } from '../contract/vocabulary';
import { shanghaiDateTime } from './shanghai-time';

export interface NoticeDetails {
  /** The claim deadline of an offered seat. */
  deadline?: Date;
  /** The organizer's words with a decision or a cancellation. */
  message?: string;
}

/** The words of a notification; the reminders work sends the same text as a WeChat subscribe message. */
export function notice(kind: NotificationKind, eventTitle: string, details: NoticeDetails = {}): { title: string; body: string } {
  const said = details.message ? `组织者留言：${details.message}` : '';
  switch (kind) {
    case 'promoted':
      return { title: '候补成功，已为你保留名额', body: `你在“${eventTitle}”的候补已转为正式报名，请按时参加。` };
    case 'offered':
      return {
        title: '候补到位，请确认是否参加',
        body: `“${eventTitle}”空出了名额，请在 ${details.deadline ? shanghaiDateTime(details.deadline) : '截止时间'} 前确认参加，逾期名额将顺延给下一位。`,
      };
    case 'offerExpired':
      return { title: '候补名额已过确认期限', body: `你未在期限内确认“${eventTitle}”的候补名额，名额已顺延给下一位。` };
    case 'approved':
      return { title: '报名审核通过', body: `你报名的“${eventTitle}”已通过审核。${said}` };
    case 'rejected':
      return { title: '报名未通过审核', body: `很抱歉，你报名的“${eventTitle}”未通过审核。${said}` };
    case 'eventCancelled':
      return { title: '活动已取消', body: `“${eventTitle}”已取消，你的报名随之取消。${said}` };
    case 'addedByOrganizer':
      return { title: '组织者为你报名了活动', body: `组织者已为你报名“${eventTitle}”，可在“我的报名”查看。` };
    case 'teamConfirmed':
      return { title: '队伍已成团', body: `你的队伍已达到最低人数，“${eventTitle}”报名成功。` };
    case 'teamDisbanded':
      return { title: '队伍已解散', body: `你在“${eventTitle}”的队伍已被队长解散，报名随之取消。` };
  }
}
