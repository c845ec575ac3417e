import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MyRegistrationItem } from '../../../cloudfunctions/shared/contract/registrations';
import { eventKindLabels } from '../../../cloudfunctions/shared/contract/vocabulary';
import EmptyState from '../../components/empty-state';
import ErrorState from '../../components/error-state';
import LoadingSkeleton from '../../components/loading-skeleton';
import Tag from '../../components/tag';
import { usePagedList } from '../../hooks/use-paged-list';
import { call } from '../../services/api';
import { registrationBadge } from '../../utils/registration-display';
import { type EventSection, eventPageUrl } from '../../utils/summary-display';
import { ticketPageUrl } from '../../utils/ticket-links';
import { formatEventTime } from '../../utils/time';
import './index.scss';

type When = 'upcoming' | 'past';

const tabs: { when: When; label: string }[] = [
  { when: 'upcoming', label: '即将参加' },
  { when: 'past', label: '已结束' },
];
const pageSize = 10;

function keyOf(item: MyRegistrationItem): string {
  return item.eventId;
}

function openEvent(eventId: string, section?: EventSection) {
  void Taro.navigateTo({ url: eventPageUrl(eventId, section) });
}

function RegistrationRow({ item, now, past }: { item: MyRegistrationItem; now: Date; past: boolean }) {
  const badge = registrationBadge(item);
  const cancelled = item.event.status === 'cancelled';
  return (
    <View className={`my-registration${cancelled ? ' my-registration--cancelled' : ''}`} hoverClass="my-registration--pressed" onClick={() => openEvent(item.eventId)}>
      <View className="my-registration__tags">
        <Tag text={badge.text} tone={badge.tone} solid />
        <Tag text={eventKindLabels[item.event.kind]} tone="muted" />
        {cancelled && <Tag text="活动已取消" tone="muted" />}
        {item.team && <Tag text={`队伍：${item.team.name}`} tone="info" />}
        {item.status === 'confirmed' && !cancelled && (
          <View
            className="my-registration__ticket"
            hoverClass="my-registration__ticket--pressed"
            onClick={(tap) => {
              tap.stopPropagation();
              void Taro.navigateTo({ url: ticketPageUrl(item.eventId) });
            }}
          >
            签到码
          </View>
        )}
      </View>
      <Text className="my-registration__title">{item.event.title}</Text>
      <View className="my-registration__row">
        <Text className="my-registration__label">时间</Text>
        <Text className="my-registration__value">{formatEventTime(item.event.startAt, item.event.endAt, now)}</Text>
      </View>
      <View className="my-registration__row">
        <Text className="my-registration__label">地点</Text>
        <Text className="my-registration__value">{item.event.venue.name}</Text>
      </View>
      {past && item.event.hasSummary && (
        <View
          className="my-registration__summary"
          hoverClass="my-registration__summary--pressed"
          onClick={(tap) => {
            tap.stopPropagation();
            openEvent(item.eventId, 'summary');
          }}
        >
          <Text className="my-registration__summary-text">主办方发布了活动回顾</Text>
          <Text className="my-registration__summary-link">查看活动回顾 ›</Text>
        </View>
      )}
    </View>
  );
}

/** One tab's list; keyed by tab, so switching starts from a fresh first page instead of showing the other tab's rows. */
function RegistrationList({ when, shows }: { when: When; shows: number }) {
  const [now, setNow] = useState(() => new Date());
  const fetchPage = useCallback((page: number) => call('events', 'myRegistrations', { when, page, pageSize }), [when]);
  const list = usePagedList(fetchPage, keyOf);
  const { refresh, loadMore } = list;

  const seenShows = useRef(shows);
  useEffect(() => {
    if (shows === seenShows.current) return;
    seenShows.current = shows;
    setNow(new Date());
    void refresh();
  }, [shows, refresh]);
  usePullDownRefresh(async () => {
    setNow(new Date());
    await refresh();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => {
    void loadMore();
  });

  if (list.loading && list.items.length === 0) return <LoadingSkeleton cards={3} />;
  if (list.error) return <ErrorState message={list.error.message} onRetry={() => void refresh()} />;
  if (list.items.length === 0) {
    return when === 'upcoming' ? (
      <EmptyState mark="报" title="还没有即将参加的活动" hint="报名的活动会出现在这里，去活动页看看近期有哪些活动吧。" actionText="去看看活动" onAction={() => void Taro.switchTab({ url: '/pages/events/index' })} />
    ) : (
      <EmptyState mark="史" title="还没有已结束的活动" hint="参加过的活动结束后会出现在这里。" />
    );
  }
  return (
    <>
      {list.items.map((item) => (
        <RegistrationRow key={item.eventId} item={item} now={now} past={when === 'past'} />
      ))}
      <View className="my-registrations__footer" onClick={list.moreError ? () => void loadMore() : undefined}>
        {list.loadingMore ? '正在加载…' : list.moreError ? '加载失败，点击重试' : list.hasMore ? '上拉加载更多' : '没有更多了'}
      </View>
    </>
  );
}

export default function MyRegistrationsPage() {
  const [when, setWhen] = useState<When>('upcoming');
  // Back from an event page, where the member may have cancelled or claimed a seat: the list asks again.
  const [shows, setShows] = useState(0);
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) setShows((count) => count + 1);
    shownBefore.current = true;
  });
  return (
    <View className="my-registrations">
      <View className="my-registrations__tabs">
        {tabs.map((tab) => (
          <View
            key={tab.when}
            className={`my-registrations__tab${tab.when === when ? ' my-registrations__tab--active' : ''}`}
            onClick={() => setWhen(tab.when)}
          >
            <Text>{tab.label}</Text>
          </View>
        ))}
      </View>
      <View className="my-registrations__list">
        <RegistrationList key={when} when={when} shows={shows} />
      </View>
    </View>
  );
}
