import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useMemo, useState } from 'react';
import type { OrgNode } from '../../../cloudfunctions/shared/contract/orgs';
import { type OrgKind, orgKindLabels } from '../../../cloudfunctions/shared/contract/vocabulary';
import EmptyState from '../../components/empty-state';
import ErrorState from '../../components/error-state';
import LoadingSkeleton from '../../components/loading-skeleton';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { groupByKind, matchesName } from '../../utils/org-tree';
import './index.scss';

const openedAtFirst: OrgKind[] = ['general', 'sector'];

interface OrgRowProps {
  org: OrgNode;
  joined: boolean;
  /** Shown under the name, e.g. the association a club belongs to. */
  caption?: string;
}

function OrgRow({ org, joined, caption }: OrgRowProps) {
  return (
    <View
      className="browse__row"
      hoverClass="browse__row--pressed"
      onClick={() => void Taro.navigateTo({ url: `/package-org/detail/index?id=${org.id}` })}
    >
      <View className="browse__row-main">
        <Text className="browse__row-name">{org.name}</Text>
        {caption && <Text className="browse__row-caption">{caption}</Text>}
      </View>
      {joined && <Text className="browse__joined">已加入</Text>}
      <Text className="browse__count">{org.memberCount} 人</Text>
      <Text className="browse__arrow">›</Text>
    </View>
  );
}

export default function OrgBrowsePage() {
  const load = useCallback(() => call('orgs', 'tree', {}), []);
  const remote = useRemote(load);
  const [query, setQuery] = useState('');
  const [opened, setOpened] = useState<Set<OrgKind>>(() => new Set(openedAtFirst));

  const names = useMemo(() => new Map((remote.data?.orgs ?? []).map((org) => [org.id, org.name])), [remote.data]);
  const groups = useMemo(() => groupByKind(remote.data?.orgs ?? []), [remote.data]);
  const matches = useMemo(() => (remote.data?.orgs ?? []).filter((org) => matchesName(org, query)), [remote.data, query]);

  const toggle = (kind: OrgKind) =>
    setOpened((current) => {
      const next = new Set(current);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });

  const captionOf = (org: OrgNode) => (org.kind === 'club' && org.parentId ? names.get(org.parentId) : undefined);

  if (!remote.data) {
    return (
      <View className="page">
        {remote.error ? <ErrorState message={remote.error.message} onRetry={() => void remote.reload()} /> : <LoadingSkeleton />}
      </View>
    );
  }

  const myOrgIds = new Set(remote.data.myOrgIds);
  const searching = query.trim().length > 0;

  return (
    <View className="browse">
      <View className="browse__search">
        <Input
          className="browse__input"
          value={query}
          placeholder="搜索组织名称，如“陆家嘴”“张江”"
          confirmType="search"
          onInput={(event) => setQuery(event.detail.value)}
        />
        {searching && (
          <Text className="browse__clear" onClick={() => setQuery('')}>
            清除
          </Text>
        )}
      </View>

      {searching ? (
        matches.length === 0 ? (
          <EmptyState mark="搜" title={`没有找到“${query.trim()}”`} hint="试试街镇、开发区或联谊会名称中的关键字。" />
        ) : (
          <View className="browse__group">
            <Text className="browse__result-count">找到 {matches.length} 个组织</Text>
            {matches.map((org) => (
              <OrgRow key={org.id} org={org} joined={myOrgIds.has(org.id)} caption={orgKindLabels[org.kind]} />
            ))}
          </View>
        )
      ) : groups.length === 0 ? (
        <EmptyState mark="组" title="暂无组织" hint="组织架构建立后会显示在这里。" />
      ) : (
        <View>
          <Text className="browse__intro">「1+6+N」：1 个总会、6 个行业联谊会，以及街镇、开发区联谊会和兴趣社团。</Text>
          {groups.map((group) => {
            const open = opened.has(group.kind);
            const joinedHere = group.orgs.filter((org) => myOrgIds.has(org.id)).length;
            return (
              <View key={group.kind} className="browse__group">
                <View className="browse__group-head" hoverClass="browse__row--pressed" onClick={() => toggle(group.kind)}>
                  <Text className="browse__group-title">{orgKindLabels[group.kind]}</Text>
                  <Text className="browse__group-count">
                    {group.orgs.length} 个{joinedHere > 0 ? ` · 已加入 ${joinedHere}` : ''}
                  </Text>
                  <Text className={`browse__caret${open ? ' browse__caret--open' : ''}`}>›</Text>
                </View>
                {open && group.orgs.map((org) => <OrgRow key={org.id} org={org} joined={myOrgIds.has(org.id)} caption={captionOf(org)} />)}
              </View>
            );
          })}
        </View>
      )}
    </View>
  );
}
