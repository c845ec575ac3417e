import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import { clubLimits } from '../../../cloudfunctions/shared/contract/club-limits';
import EmptyState from '../../components/empty-state';
import ErrorState from '../../components/error-state';
import LoadingSkeleton from '../../components/loading-skeleton';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { attendanceBars, memberAttendanceText, percentText, summarizeStats } from '../../utils/club-display';
import { inShanghai } from '../../utils/time';
import './index.scss';

const barDay = (instant: string) => inShanghai(instant).format('M/D');

export default function ClubStatsPage() {
  const { params } = useRouter();
  const clubId = params.clubId ?? '';
  const load = useCallback(async () => {
    const [club, stats] = await Promise.all([call('clubs', 'get', { clubId }), call('clubs', 'stats', { clubId })]);
    return { club, stats };
  }, [clubId]);
  const remote = useRemote(load);
  usePullDownRefresh(async () => {
    await remote.reload();
    Taro.stopPullDownRefresh();
  });

  if (!remote.data) {
    return (
      <View className="page">
        {remote.error ? <ErrorState message={remote.error.message} onRetry={() => void remote.reload()} /> : <LoadingSkeleton cards={2} />}
      </View>
    );
  }
  const { club, stats } = remote.data;
  const summary = summarizeStats(stats);
  const bars = attendanceBars(stats.sessions, barDay);
  return (
    <View className="page club-stats">
      <Text className="club-stats__name">{club.name}</Text>
      <View className="club-stats__figures">
        <View className="club-stats__figure">
          <Text className="club-stats__number">{summary.sessionsHeld}</Text>
          <Text className="club-stats__label">已举行场次</Text>
        </View>
        <View className="club-stats__figure">
          <Text className="club-stats__number">{summary.overallRate}</Text>
          <Text className="club-stats__label">到场率</Text>
        </View>
        <View className="club-stats__figure">
          <Text className="club-stats__number">{summary.activeReaders}</Text>
          <Text className="club-stats__label">{`活跃读者（${clubLimits.activeReaderDays} 天）`}</Text>
        </View>
      </View>

      <View className="section-title">每期出勤</View>
      <View className="club-stats__card">
        {bars.length === 0 ? (
          <EmptyState mark="场" title="还没有举行过的场次" hint="场次结束后，这里显示报名与签到人数。" />
        ) : (
          <>
            <View className="club-stats__legend">
              <View className="club-stats__key club-stats__key--confirmed" />
              <Text className="club-stats__legend-text">报名</Text>
              <View className="club-stats__key club-stats__key--checked" />
              <Text className="club-stats__legend-text">签到</Text>
            </View>
            <View className="club-stats__chart">
              {bars.map((bar) => (
                <View key={bar.eventId} className="club-stats__column">
                  <Text className="club-stats__value">{bar.checkedIn}</Text>
                  <View className="club-stats__bars">
                    <View className="club-stats__bar club-stats__bar--confirmed" style={{ height: `${bar.confirmedHeight}%` }} />
                    <View className="club-stats__bar club-stats__bar--checked" style={{ height: `${bar.checkedInHeight}%` }} />
                  </View>
                  <Text className="club-stats__day">{bar.label}</Text>
                </View>
              ))}
            </View>
            {bars
              .slice()
              .reverse()
              .map((bar) => (
                <View key={bar.eventId} className="club-stats__row">
                  <Text className="club-stats__row-day">{bar.label}</Text>
                  <Text className="club-stats__row-topic">{bar.topic || '共读'}</Text>
                  <Text className="club-stats__row-value">{`签到 ${bar.checkedIn}/${bar.confirmed} · ${bar.rateText}`}</Text>
                </View>
              ))}
          </>
        )}
      </View>

      <View className="section-title">{`成员出勤 · ${stats.members.length} 人`}</View>
      <View className="club-stats__card">
        {stats.members.length === 0 ? (
          <Text className="club-stats__muted">还没有成员。</Text>
        ) : (
          stats.members.map((member) => (
            <View key={member.memberId} className="club-stats__member">
              <View className="club-stats__member-main">
                <Text className="club-stats__member-name">{member.name}</Text>
                <Text className="club-stats__member-note">{`${memberAttendanceText(member)} · 笔记 ${member.notes} 篇`}</Text>
              </View>
              <View className="club-stats__meter">
                <View className="club-stats__meter-fill" style={{ width: member.sessions > 0 ? percentText(member.rate) : '0%' }} />
              </View>
            </View>
          ))
        )}
      </View>
    </View>
  );
}
