import { useShareAppMessage } from '@tarojs/taro';
import { teamJoinLink } from '../utils/team-invite';

export interface TeamInvite {
  code: string;
  teamName: string;
  eventTitle: string;
}

/**
 * The weapp share card: the team's join page when the 分享给队友 button was tapped, else the page itself.
 * The page config needs `enableShareAppMessage: true`.
 */
export function useInviteShare(invite: TeamInvite | null, page: { title: string; path: string }): void {
  useShareAppMessage((payload) => {
    if (payload.from === 'button' && invite) {
      return { title: `邀请你加入「${invite.teamName}」，一起参加${invite.eventTitle}`, path: teamJoinLink(invite.code, null) };
    }
    return page;
  });
}
