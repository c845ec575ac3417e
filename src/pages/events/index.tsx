import { Picker, ScrollView, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useMemo, useState } from 'react';
import { type EventKind, eventKindLabels, eventKinds } from '../../../cloudfunctions/shared/contract/vocabulary';
import EmptyState from '../../components/empty-state';
import ErrorState from '../../components/error-state';
import EventCard from '../../components/event-card';
import LoadingSkeleton from '../../components/loading-skeleton';
import { type EventFilter, useEventPages } from '../../hooks/use-event-pages';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { orderByTree } from '../../utils/org-tree';
import { formatPickedDay, shanghaiDay } from '../../utils/time';
import './index.scss';

const allOrgs = { id: '', label: '全部组织' };

export default function EventsPage() {
  const [kind, setKind] = useState<EventKind | undefined>();
  const [orgId, setOrgId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [now, setNow] = useState(() => new Date());

  const filter = useMemo<EventFilter>(
    () => ({ kind, orgId: orgId || undefined, from: from || undefined, to: to || undefined }),
    [kind, orgId, from, to],
  );
  const events = useEventPages(filter);
  const loadTree = useCallback(() => call('orgs', 'tree', {}), []);
  const tree = useRemote(loadTree);

  const orgOptions = useMemo(
    () => [
      allOrgs,
      ...orderByTree(tree.data?.orgs ?? []).map((org) => ({ id: org.id, label: org.name })),
    ],
    [tree.data],
  );
  const orgIndex = Math.max(0, orgOptions.findIndex((option) => option.id === orgId));
  const filtered = kind !== undefined || orgId !== '' || from !== '' || to !== '';
  const today = shanghaiDay(now);

  useDidShow(() => setNow(new Date()));
  usePullDownRefresh(async () => {
    setNow(new Date());
    await events.refresh();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => {
    void events.loadMore();
  });

  const openEvent = useCallback((id: string) => {
    void Taro.navigateTo({ url: `/package-event/detail/index?id=${id}` });
  }, []);

  const pickFrom = (day: string) => {
    setFrom(day);
    if (to && to < day) setTo(day);
  };
  const clearFilters = () => {
    setKind(undefined);
    setOrgId('');
    setFrom('');
    setTo('');
  };

  return (
    <View className="events">
      <View className="events__filters">
        <ScrollView scrollX className="events__kinds" enhanced showScrollbar={false}>
          <View className="events__kinds-track">
            {[undefined, ...eventKinds].map((option) => (
              <View key={option ?? 'all'} className="events__chip-hit" onClick={() => setKind(option)}>
                <Text className={`events__chip${option === kind ? ' events__chip--active' : ''}`}>
                  {option ? eventKindLabels[option] : '全部'}
                </Text>
              </View>
            ))}
          </View>
        </ScrollView>
        <View className="events__pickers">
          <Picker
            mode="selector"
            range={orgOptions.map((option) => option.label)}
            value={orgIndex}
            onChange={(event) => setOrgId(orgOptions[Number(event.detail.value)]?.id ?? '')}
          >
            <View className={`events__picker${orgId ? ' events__picker--set' : ''}`}>
              <Text className="events__picker-text">{orgOptions[orgIndex].label}</Text>
              <Text className="events__picker-caret">▾</Text>
            </View>
          </Picker>
          <Picker mode="date" value={from || today} onChange={(event) => pickFrom(String(event.detail.value))}>
            <View className={`events__picker events__picker--date${from ? ' events__picker--set' : ''}`}>
              <Text className="events__picker-text">{from ? formatPickedDay(from) : '开始日期'}</Text>
            </View>
          </Picker>
          <Text className="events__dash">–</Text>
          <Picker mode="date" value={to || from || today} start={from || undefined} onChange={(event) => setTo(String(event.detail.value))}>
            <View className={`events__picker events__picker--date${to ? ' events__picker--set' : ''}`}>
              <Text className="events__picker-text">{to ? formatPickedDay(to) : '结束日期'}</Text>
            </View>
          </Picker>
        </View>
        {filtered && (
          <View className="events__clear" hoverClass="btn--pressed" onClick={clearFilters}>
            清除筛选
          </View>
        )}
      </View>

      <View className="events__list">
        {events.loading && events.items.length === 0 ? (
          <LoadingSkeleton />
        ) : events.error ? (
          <ErrorState message={events.error.message} onRetry={() => void events.refresh()} />
        ) : events.items.length === 0 ? (
          filtered ? (
            <EmptyState mark="筛" title="没有符合条件的活动" hint="换个类别、组织或日期试试。" actionText="清除筛选" onAction={clearFilters} />
          ) : (
            <EmptyState mark="活" title="近期还没有活动" hint="各联谊会发布活动后会显示在这里，下拉可刷新。" />
          )
        ) : (
          <View>
            {events.items.map((event) => (
              <EventCard key={event.id} event={event} now={now} onOpen={openEvent} />
            ))}
            <View className="events__footer">
              {events.moreError ? (
                <View className="events__more-error">
                  <Text>{events.moreError.message}</Text>
                  <View className="btn btn--ghost events__more" hoverClass="btn--pressed" onClick={() => void events.loadMore()}>
                    重试
                  </View>
                </View>
              ) : events.hasMore ? (
                <View className="btn btn--plain events__more" hoverClass="btn--pressed" onClick={() => void events.loadMore()}>
                  {events.loadingMore ? '加载中…' : '加载更多'}
                </View>
              ) : (
                <Text className="events__end">没有更多活动了</Text>
              )}
            </View>
          </View>
        )}
      </View>
    </View>
  );
}
