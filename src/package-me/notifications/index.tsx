import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Notification } from '../../../cloudfunctions/shared/contract/registrations';
import EmptyState from '../../components/empty-state';
import ErrorState from '../../components/error-state';
import LoadingSkeleton from '../../components/loading-skeleton';
import { usePagedList } from '../../hooks/use-paged-list';
import { call } from '../../services/api';
import { formatNoticeTime, notificationMarks } from '../../utils/notification-display';
import './index.scss';

const pageSize = 20;

function keyOf(notification: Notification): string {
  return notification.id;
}

function NotificationRow({ notification, now }: { notification: Notification; now: Date }) {
  const { mark, tone } = notificationMarks[notification.kind];
  const unread = notification.readAt === null;
  const open = notification.eventId
    ? () => void Taro.navigateTo({ url: `/package-event/detail/index?id=${encodeURIComponent(notification.eventId ?? '')}` })
    : undefined;
  return (
    <View className={`notification${unread ? ' notification--unread' : ''}`} hoverClass={open ? 'notification--pressed' : 'none'} onClick={open}>
      <View className={`notification__mark notification__mark--${tone}`}>
        {mark}
        {unread && <View className="notification__dot" />}
      </View>
      <View className="notification__content">
        <View className="notification__head">
          <Text className="notification__title">{notification.title}</Text>
          <Text className="notification__time">{formatNoticeTime(notification.createdAt, now)}</Text>
        </View>
        <Text className="notification__body">{notification.body}</Text>
        {open && <Text className="notification__link">查看活动</Text>}
      </View>
    </View>
  );
}

export default function NotificationsPage() {
  const [now, setNow] = useState(() => new Date());
  const [unreadAtOpen, setUnreadAtOpen] = useState(0);
  const fetchPage = useCallback(async (page: number) => {
    const result = await call('members', 'notifications', { page, pageSize });
    if (page === 1) setUnreadAtOpen(result.unread);
    return result;
  }, []);
  const list = usePagedList(fetchPage, keyOf);
  const { refresh, loadMore } = list;

  // Opening the list reads everything in it; the dots stay on this visit so the member sees what was new.
  const marking = useRef(false);
  useEffect(() => {
    if (unreadAtOpen === 0 || marking.current) return;
    marking.current = true;
    call('members', 'markNotificationsRead', {}).then(
      () => {
        marking.current = false;
      },
      () => {
        marking.current = false;
      },
    );
  }, [unreadAtOpen]);

  usePullDownRefresh(async () => {
    setNow(new Date());
    await refresh();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => {
    void loadMore();
  });

  if (list.loading && list.items.length === 0) {
    return (
      <View className="page">
        <LoadingSkeleton cards={3} />
      </View>
    );
  }
  if (list.error) {
    return (
      <View className="page">
        <ErrorState message={list.error.message} onRetry={() => void refresh()} />
      </View>
    );
  }
  if (list.items.length === 0) {
    return (
      <View className="page">
        <EmptyState mark="信" title="暂无消息" hint="报名审核结果、候补递补、活动变更等消息会出现在这里。" />
      </View>
    );
  }

  return (
    <View className="notifications">
      {unreadAtOpen > 0 && <Text className="notifications__summary">{unreadAtOpen} 条新消息，已全部标为已读</Text>}
      <View className="notifications__list">
        {list.items.map((notification) => (
          <NotificationRow key={notification.id} notification={notification} now={now} />
        ))}
      </View>
      <View className="notifications__footer" onClick={list.moreError ? () => void loadMore() : undefined}>
        {list.loadingMore ? '正在加载…' : list.moreError ? '加载失败，点击重试' : list.hasMore ? '上拉加载更多' : '没有更多消息了'}
      </View>
    </View>
  );
}
