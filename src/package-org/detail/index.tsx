import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { orgKindLabels } from '../../../cloudfunctions/shared/contract/vocabulary';
import EmptyState from '../../components/empty-state';
import ErrorState from '../../components/error-state';
import EventCard from '../../components/event-card';
import ListRow from '../../components/list-row';
import LoadingSkeleton from '../../components/loading-skeleton';
import Tag from '../../components/tag';
import { useEventPages } from '../../hooks/use-event-pages';
import { useRemote } from '../../hooks/use-remote';
import { useSubmitting } from '../../hooks/use-submitting';
import { type ApiError, call, toApiError } from '../../services/api';
import './index.scss';

interface Membership {
  joined: boolean;
  memberCount: number;
}

function openEvent(eventId: string) {
  void Taro.navigateTo({ url: `/package-event/detail/index?id=${eventId}` });
}

async function explain(failure: ApiError): Promise<void> {
  if (failure.code === 'PROFILE_REQUIRED') {
    const { confirm } = await Taro.showModal({
      title: '请先完善资料',
      content: '加入组织前，需要先填写姓名、手机号和界别等基本资料。',
      confirmText: '去填写',
      confirmColor: '#C8102E',
      cancelText: '以后再说',
    });
    if (confirm) void Taro.navigateTo({ url: '/package-me/profile/index' });
    return;
  }
  void Taro.showToast({ title: failure.message, icon: 'none' });
}

export default function OrgDetailPage() {
  const { params } = useRouter();
  const orgId = params.id ?? '';
  const load = useCallback(() => call('orgs', 'get', { orgId }), [orgId]);
  const remote = useRemote(load);
  const eventFilter = useMemo(() => ({ orgId }), [orgId]);
  const events = useEventPages(eventFilter);
  // Set by join/leave so the page need not load the organisation again.
  const [changedMembership, setMembership] = useState<Membership | null>(null);
  const [busy, submit] = useSubmitting();
  const [now] = useState(() => new Date());

  const orgName = remote.data?.org.name;
  useEffect(() => {
    if (orgName) void Taro.setNavigationBarTitle({ title: orgName });
  }, [orgName]);

  if (!remote.data) {
    if (remote.error?.code === 'NOT_FOUND' || remote.error?.code === 'VALIDATION_FAILED') {
      return (
        <View className="page">
          <EmptyState mark="无" title="组织不存在" hint="它可能已被合并或撤销。" actionText="浏览全部组织" onAction={() => void Taro.redirectTo({ url: '/package-org/browse/index' })} />
        </View>
      );
    }
    return (
      <View className="page">
        {remote.error ? <ErrorState message={remote.error.message} onRetry={() => void remote.reload()} /> : <LoadingSkeleton cards={2} />}
      </View>
    );
  }

  const { org, path, children } = remote.data;
  const membership = changedMembership ?? { joined: remote.data.joined, memberCount: org.memberCount };

  const join = () =>
    submit(async () => {
      try {
        const result = await call('orgs', 'join', { orgId });
        setMembership({ joined: true, memberCount: result.memberCount });
        void Taro.showToast({ title: '已加入', icon: 'success' });
      } catch (failure) {
        const error = toApiError(failure);
        if (error.code === 'ALREADY_MEMBER') setMembership({ ...membership, joined: true });
        await explain(error);
      }
    });

  const leave = async () => {
    const { confirm } = await Taro.showModal({
      title: '退出组织',
      content: `确定退出“${org.name}”吗？退出后可随时重新加入。`,
      confirmText: '退出',
      confirmColor: '#C8102E',
    });
    if (!confirm) return;
    await submit(async () => {
      try {
        const result = await call('orgs', 'leave', { orgId });
        setMembership({ joined: false, memberCount: result.memberCount });
        void Taro.showToast({ title: '已退出', icon: 'none' });
      } catch (failure) {
        const error = toApiError(failure);
        if (error.code === 'NOT_MEMBER') setMembership({ ...membership, joined: false });
        await explain(error);
      }
    });
  };

  return (
    <View className="org">
      <View className="org__hero">
        <View className="org__tags">
          <Tag text={orgKindLabels[org.kind]} solid />
          {membership.joined && <Tag text="已加入" tone="success" solid />}
        </View>
        <Text className="org__name">{org.name}</Text>
        {path.length > 0 && <Text className="org__path">{path.map((node) => node.name).join(' › ')}</Text>}
        <Text className="org__count">{membership.memberCount} 名会员</Text>
      </View>

      <View className="org__card">
        <Text className="org__heading">简介</Text>
        <Text className="org__description">{org.description || '该组织暂未填写简介。'}</Text>
      </View>

      {children.length > 0 && (
        <View className="org__card org__card--list">
          <Text className="org__heading org__heading--padded">下属组织 · {children.length}</Text>
          {children.map((child) => (
            <ListRow
              key={child.id}
              title={child.name}
              note={`${child.memberCount} 人`}
              onClick={() => void Taro.navigateTo({ url: `/package-org/detail/index?id=${child.id}` })}
            />
          ))}
        </View>
      )}

      <Text className="section-title org__section-title">近期活动</Text>
      <View className="org__events">
        {events.loading && events.items.length === 0 ? (
          <LoadingSkeleton cards={1} />
        ) : events.error ? (
          <ErrorState message={events.error.message} onRetry={() => void events.refresh()} />
        ) : events.items.length === 0 ? (
          <EmptyState mark="活" title="暂无活动" hint="该组织发布或协办的活动会显示在这里。" />
        ) : (
          <View>
            {events.items.map((event) => (
              <EventCard key={event.id} event={event} now={now} onOpen={openEvent} />
            ))}
            {(events.hasMore || events.moreError) && (
              <View className="btn btn--plain org__more" hoverClass="btn--pressed" onClick={() => void events.loadMore()}>
                {events.loadingMore ? '加载中…' : events.moreError ? `${events.moreError.message}，点此重试` : '加载更多'}
              </View>
            )}
          </View>
        )}
      </View>

      <View className="org__bar">
        {membership.joined ? (
          <View className={`btn btn--ghost org__action${busy ? ' org__action--busy' : ''}`} hoverClass="btn--pressed" onClick={busy ? undefined : () => void leave()}>
            {busy ? '处理中…' : '退出组织'}
          </View>
        ) : (
          <View className={`btn btn--primary org__action${busy ? ' org__action--busy' : ''}`} hoverClass="btn--pressed" onClick={busy ? undefined : () => void join()}>
            {busy ? '处理中…' : '加入组织'}
          </View>
        )}
      </View>
    </View>
  );
}
