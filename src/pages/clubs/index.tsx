import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import type { ClubSummary } from '../../../cloudfunctions/shared/contract/clubs';
import ClubCard from '../../components/club-card';
import EmptyState from '../../components/empty-state';
import ErrorState from '../../components/error-state';
import ListFooter from '../../components/list-footer';
import LoadingSkeleton from '../../components/loading-skeleton';
import { usePagedList } from '../../hooks/use-paged-list';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { organizesAny } from '../../utils/managed-orgs';
import './index.scss';

const clubKey = (club: ClubSummary) => club.id;
const createClubUrl = '/package-club/create/index';
const loadMe = () => call('members', 'me', {});

export default function ClubsPage() {
  const [now, setNow] = useState(() => new Date());
  const fetchPage = useCallback((page: number) => call('clubs', 'list', { page, pageSize: 20 }), []);
  const clubs = usePagedList(fetchPage, clubKey);
  // Roles decide only whether to offer 创建读书会: loaded once beside the list, and a failure just leaves the button out.
  const me = useRemote(loadMe);
  const canCreate = me.data !== null && organizesAny(me.data.roles);
  // The first show is covered by the initial load; later shows pick up a join or leave made on the club page.
  const shownBefore = useRef(false);

  useDidShow(() => {
    if (shownBefore.current) {
      setNow(new Date());
      void clubs.refresh();
    }
    shownBefore.current = true;
  });
  usePullDownRefresh(async () => {
    setNow(new Date());
    await clubs.refresh();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => {
    void clubs.loadMore();
  });

  const openClub = useCallback((id: string) => {
    void Taro.navigateTo({ url: `/package-club/detail/index?id=${id}` });
  }, []);
  const createClub = () => void Taro.navigateTo({ url: createClubUrl });

  if (clubs.loading && clubs.items.length === 0) {
    return (
      <View className="page">
        <LoadingSkeleton cards={2} />
      </View>
    );
  }
  if (clubs.error) {
    return (
      <View className="page">
        <ErrorState message={clubs.error.message} onRetry={() => void clubs.refresh()} />
      </View>
    );
  }
  if (clubs.items.length === 0) {
    return (
      <View className="page">
        <EmptyState
          mark="读"
          title="还没有读书会"
          hint="各联谊会开设「悦读」读书会后会显示在这里，下拉可刷新。"
          actionText={canCreate ? '创建读书会' : undefined}
          onAction={canCreate ? createClub : undefined}
        />
      </View>
    );
  }

  const mine = clubs.items.filter((club) => club.joined);
  const others = clubs.items.filter((club) => !club.joined);
  return (
    <View className="page clubs">
      <View className="clubs__intro">
        <Text className="clubs__intro-title">悦读 · 一起读一本好书</Text>
        <Text className="clubs__intro-text">加入读书会，报名每期共读，到场扫码签到，每天打卡写下读书笔记。</Text>
      </View>
      {canCreate && (
        <View className="btn btn--ghost clubs__create" hoverClass="btn--pressed" onClick={createClub}>
          ＋ 创建读书会
        </View>
      )}
      {mine.length > 0 && (
        <>
          <View className="section-title">我的读书会</View>
          {mine.map((club) => (
            <ClubCard key={club.id} club={club} now={now} onOpen={openClub} />
          ))}
        </>
      )}
      {others.length > 0 && (
        <>
          <View className="section-title">{mine.length > 0 ? '更多读书会' : '全部读书会'}</View>
          {others.map((club) => (
            <ClubCard key={club.id} club={club} now={now} onOpen={openClub} />
          ))}
        </>
      )}
      <ListFooter list={clubs} endText="没有更多读书会了" />
    </View>
  );
}
