import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import type { ManagedEvent } from '../../../cloudfunctions/shared/contract/events';
import { eventKindLabels, type EventStatus, eventStatusLabels } from '../../../cloudfunctions/shared/contract/vocabulary';
import EmptyState from '../../components/empty-state';
import ErrorState from '../../components/error-state';
import LoadingSkeleton from '../../components/loading-skeleton';
import Tag from '../../components/tag';
import { usePagedList } from '../../hooks/use-paged-list';
import { call } from '../../services/api';
import type { Tone } from '../../utils/event-display';
import { formatEventTime } from '../../utils/time';
import { organizerRefusal } from '../helpers/refusal';
import { managedEventFigures } from '../helpers/registrations-display';
import './index.scss';

const pageSize = 10;
const statusTones: Record<EventStatus, Tone> = { draft: 'muted', published: 'success', closed: 'warning', cancelled: 'muted' };

const openEditor = (eventId?: string) => void Taro.navigateTo({ url: eventId ? `/package-organizer/edit/index?id=${eventId}` : '/package-organizer/edit/index' });
const openRegistrations = (eventId: string) => void Taro.navigateTo({ url: `/package-organizer/registrations/index?eventId=${eventId}` });
const openSummary = (eventId: string) => void Taro.navigateTo({ url: `/package-organizer/summary/index?id=${eventId}` });
const openCopy = (eventId: string) => void Taro.navigateTo({ url: `/package-organizer/edit/index?copyFrom=${eventId}` });

function ManagedEventCard({ event, now }: { event: ManagedEvent; now: Date }) {
  const ended = event.status !== 'cancelled' && now.getTime() >= Date.parse(event.endAt);
  const summarizable = ended && event.status !== 'draft';
  const [host, ...coHosts] = event.hosts;
  // A draft has no registrations yet: opening it means editing it.
  const open = () => (event.status === 'draft' ? openEditor(event.id) : openRegistrations(event.id));
  return (
    <View className={`organizer-event${event.status === 'cancelled' ? ' organizer-event--cancelled' : ''}`}>
      <View className="organizer-event__main" hoverClass="organizer-event__main--pressed" onClick={open}>
        <View className="organizer-event__tags">
          <Tag text={eventKindLabels[event.kind]} solid />
          <Tag text={eventStatusLabels[event.status]} tone={statusTones[event.status]} />
          {ended && <Tag text="已结束" tone="muted" />}
          {event.team && <Tag text="组队" tone="info" />}
          {event.requiresApproval && <Tag text="需审核" tone="warning" />}
        </View>
        <Text className="organizer-event__title">{event.title}</Text>
        <Text className="organizer-event__line">{formatEventTime(event.startAt, event.endAt, now)}</Text>
        <Text className="organizer-event__line">{`${event.venue.name} · ${host?.name ?? ''}${coHosts.length > 0 ? ` 等 ${event.hosts.length} 家主办` : ''}`}</Text>
        <View className="organizer-event__figures">
          {managedEventFigures(event).map((figure) => (
            <View key={figure.label} className={`organizer-event__figure organizer-event__figure--${figure.tone}`}>
              <Text className="organizer-event__figure-value">{figure.value}</Text>
              <Text className="organizer-event__figure-label">{figure.label}</Text>
            </View>
          ))}
        </View>
      </View>
      <View className="organizer-event__actions">
        <View className="organizer-event__action organizer-event__edit" hoverClass="btn--pressed" onClick={() => openEditor(event.id)}>
          编辑
        </View>
        <View className="organizer-event__action organizer-event__registrations" hoverClass="btn--pressed" onClick={() => openRegistrations(event.id)}>
          报名管理
        </View>
        <View className="organizer-event__action organizer-event__copy" hoverClass="btn--pressed" onClick={() => openCopy(event.id)}>
          复制
        </View>
        {summarizable && (
          <View className="organizer-event__action organizer-event__summary" hoverClass="btn--pressed" onClick={() => openSummary(event.id)}>
            活动回顾
          </View>
        )}
      </View>
    </View>
  );
}

export default function OrganizerEventsPage() {
  const fetchPage = useCallback((page: number) => call('events', 'managed', { page, pageSize }), []);
  const events = usePagedList(fetchPage, (event) => event.id);
  const [now, setNow] = useState(() => new Date());
  // The first show is the initial load; later shows bring back edits made in the editor.
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) {
      setNow(new Date());
      void events.refresh();
    }
    shownBefore.current = true;
  });
  usePullDownRefresh(async () => {
    setNow(new Date());
    await events.refresh();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => {
    void events.loadMore();
  });

  if (events.error) {
    const refusal = organizerRefusal(events.error.code);
    return (
      <View className="page organizer-events">
        {refusal ? <EmptyState mark="限" title={refusal.title} hint={refusal.hint} /> : <ErrorState message={events.error.message} onRetry={() => void events.refresh()} />}
      </View>
    );
  }

  return (
    <View className="page organizer-events">
      <View className="organizer-events__head">
        <View className="organizer-events__intro">
          <Text className="organizer-events__heading">我管理的活动</Text>
          <Text className="organizer-events__hint">含草稿，按开始时间倒序排列</Text>
        </View>
        <View className="btn btn--primary organizer-events__create" hoverClass="btn--pressed" onClick={() => openEditor()}>
          ＋ 新建活动
        </View>
      </View>
      {events.loading && events.items.length === 0 ? (
        <LoadingSkeleton cards={3} />
      ) : events.items.length === 0 ? (
        <EmptyState mark="活" title="还没有活动" hint="新建活动并发布后，会员就能在活动页看到并报名。" actionText="新建活动" onAction={() => openEditor()} />
      ) : (
        <View>
          <View className="organizer-events__list">
            {events.items.map((event) => (
              <ManagedEventCard key={event.id} event={event} now={now} />
            ))}
          </View>
          {events.moreError ? (
            <View className="btn btn--ghost organizer-events__more" hoverClass="btn--pressed" onClick={() => void events.loadMore()}>
              {`${events.moreError.message}，点此重试`}
            </View>
          ) : events.hasMore ? (
            <View className="btn btn--plain organizer-events__more" hoverClass="btn--pressed" onClick={() => void events.loadMore()}>
              {events.loadingMore ? '加载中…' : '加载更多'}
            </View>
          ) : (
            <Text className="organizer-events__end">{`共 ${events.items.length} 个活动`}</Text>
          )}
        </View>
      )}
    </View>
  );
}
