import { Text, View } from '@tarojs/components';
import type { TeamView } from '../../../../cloudfunctions/shared/contract/registrations';
import InviteCode from '../invite-code';
import './index.scss';

export interface TeamPanelProps {
  team: TeamView;
  /** The captain may disband the team while its registration stands. */
  canDisband: boolean;
  busy: boolean;
  onDisband: () => void;
}

/** The member's team: name, size against its limits, the (masked) members, the invite code while places remain. */
export default function TeamPanel({ team, canDisband, busy, onDisband }: TeamPanelProps) {
  const full = team.size >= team.maxSize;
  return (
    <View className="team-panel">
      <View className="team-panel__head">
        <View className="team-panel__title">
          <Text className="team-panel__label">我的队伍</Text>
          <Text className="team-panel__name">{team.name}</Text>
        </View>
        <Text className="team-panel__size">
          {team.size}/{team.maxSize} 人
        </Text>
      </View>
      <View className="team-panel__meter">
        <View className="team-panel__fill" style={{ width: `${Math.min(100, (team.size / team.maxSize) * 100)}%` }} />
        <View className="team-panel__minimum" style={{ left: `${(team.minSize / team.maxSize) * 100}%` }} />
      </View>
      <Text className="team-panel__rule">
        满 {team.minSize} 人确认参赛，最多 {team.maxSize} 人{full ? '，队伍已满员' : ''}
      </Text>
      <View className="team-panel__members">
        {team.members.map((member, index) => (
          <View key={`${member.name}-${index}`} className="team-panel__member">
            <View className={`team-panel__avatar${member.isCaptain ? ' team-panel__avatar--captain' : ''}`}>{member.name.slice(0, 1)}</View>
            <Text className="team-panel__member-name">{member.name}</Text>
            {member.isCaptain && <Text className="team-panel__badge team-panel__badge--captain">队长</Text>}
            {member.isMe && <Text className="team-panel__badge">我</Text>}
          </View>
        ))}
      </View>
      {team.inviteCode && !full && <InviteCode code={team.inviteCode} />}
      {canDisband && (
        <View className="team-panel__disband" hoverClass="team-panel__disband--pressed" onClick={busy ? undefined : onDisband}>
          解散队伍
        </View>
      )}
    </View>
  );
}
