import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { teamJoinLink } from '../../../utils/team-invite';
import './index.scss';

export interface InviteCodeProps {
  code: string;
}

function copy(data: string, title: string) {
  void Taro.setClipboardData({ data }).then(() => Taro.showToast({ title, icon: 'none' }));
}

/** The team's invite code, big enough to read aloud, with copy and share (a share card in weapp, a link in H5). */
export default function InviteCode({ code }: InviteCodeProps) {
  return (
    <View className="invite-code">
      <Text className="invite-code__label">队伍邀请码</Text>
      <Text className="invite-code__code" userSelect>
        {code}
      </Text>
      <View className="invite-code__actions">
        <View className="btn btn--ghost invite-code__action invite-code__copy" hoverClass="btn--pressed" onClick={() => copy(code, '邀请码已复制')}>
          复制邀请码
        </View>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button className="btn btn--primary invite-code__action invite-code__share" openType="share">
            分享给队友
          </Button>
        ) : (
          <View
            className="btn btn--primary invite-code__action invite-code__share"
            hoverClass="btn--pressed"
            onClick={() => copy(teamJoinLink(code, window.location.origin), '邀请链接已复制，发给队友即可加入')}
          >
            复制邀请链接
          </View>
        )}
      </View>
      <Text className="invite-code__hint">队友打开链接或在活动页输入邀请码即可加入</Text>
    </View>
  );
}
