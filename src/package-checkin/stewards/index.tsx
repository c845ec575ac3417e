import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { StewardView } from '../../../cloudfunctions/shared/contract/checkin';
import type { MemberMatch } from '../../../cloudfunctions/shared/contract/registrations';
import { useRemote } from '../../hooks/use-remote';
import { call, toApiError } from '../../services/api';
import { maskMobile } from '../../utils/mask';
import { formatDateTime } from '../../utils/time';
import { organizerRefusal } from '../helpers/refusal';
import { spacedMobile } from '../helpers/checkin-display';
import PagePlaceholder from '../components/page-placeholder';
import './index.scss';

function toast(title: string) {
  void Taro.showToast({ title, icon: 'none', duration: 2500 });
}

/** Organizers pick who scans at this event; the role lasts for this event only. */
export default function StewardsPage() {
  const { params } = useRouter();
  const eventId = params.eventId ?? '';
  const load = useCallback(() => call('checkin', 'stewards', { eventId }), [eventId]);
  const remote = useRemote(load);
  const [changed, setChanged] = useState<StewardView[] | null>(null);
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<MemberMatch[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const now = new Date();

  const stewards = changed ?? remote.data;
  if (!stewards) {
    return <PagePlaceholder remote={remote} refusalOf={organizerRefusal} mark="限" cards={2} />;
  }

  const assigned = new Set(stewards.map((steward) => steward.memberId));

  const search = async (text: string) => {
    const wanted = text.trim();
    if (!wanted) {
      toast('请输入姓名或手机号');
      return;
    }
    setBusy('search');
    try {
      setMatches(await call('events', 'findMembers', { eventId, query: wanted }));
    } catch (failure) {
      toast(toApiError(failure).message);
    } finally {
      setBusy(null);
    }
  };

  const assign = async (match: MemberMatch) => {
    setBusy(match.memberId);
    try {
      setChanged(await call('checkin', 'assignSteward', { eventId, memberId: match.memberId }));
      void Taro.showToast({ title: `已添加${match.name}`, icon: 'success' });
    } catch (failure) {
      toast(toApiError(failure).message);
    } finally {
      setBusy(null);
    }
  };

  const remove = async (steward: StewardView) => {
    const { confirm } = await Taro.showModal({
      title: '移除签到员',
      content: `移除后 ${steward.name} 将不能再为本场活动扫码。确定移除吗？`,
      confirmText: '移除',
      confirmColor: '#C8102E',
    });
    if (!confirm) return;
    setBusy(steward.memberId);
    try {
      setChanged(await call('checkin', 'removeSteward', { eventId, memberId: steward.memberId }));
      void Taro.showToast({ title: '已移除', icon: 'success' });
    } catch (failure) {
      toast(toApiError(failure).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className="stewards">
      <View className="stewards__card">
        <Text className="stewards__heading">{`本场签到员（${stewards.length}）`}</Text>
        <Text className="stewards__hint">签到员在活动详情页点“扫码签到”进入，只能看到扫码结果，看不到报名名单。组织者无需添加，可直接扫码。</Text>
        {stewards.length === 0 ? (
          <Text className="stewards__empty">还没有签到员，在下方查找会员添加。</Text>
        ) : (
          stewards.map((steward) => (
            <View key={steward.memberId} className="steward-row">
              <View className="steward-row__main">
                <Text className="steward-row__name">{steward.name}</Text>
                <Text className="steward-row__line">{`${spacedMobile(steward.mobile)} · ${formatDateTime(steward.assignedAt, now)} 添加`}</Text>
              </View>
              <View className="btn btn--plain steward-row__remove" hoverClass="btn--pressed" onClick={busy ? undefined : () => void remove(steward)}>
                {busy === steward.memberId ? '移除中…' : '移除'}
              </View>
            </View>
          ))
        )}
      </View>

      <View className="stewards__card">
        <Text className="stewards__heading">添加签到员</Text>
        <View className="stewards__search">
          <Input
            className="stewards__input"
            value={query}
            confirmType="search"
            maxlength={20}
            placeholder="会员姓名或手机号"
            onInput={(event) => setQuery(event.detail.value)}
            onConfirm={(event) => void search(event.detail.value)}
          />
          <View className="btn btn--primary stewards__search-button" hoverClass="btn--pressed" onClick={busy ? undefined : () => void search(query)}>
            {busy === 'search' ? '查找中…' : '查找'}
          </View>
        </View>
        {matches !== null && matches.length === 0 && <Text className="stewards__empty">没有找到匹配的会员</Text>}
        {matches?.map((match) => (
          <View key={match.memberId} className="steward-row">
            <View className="steward-row__main">
              <Text className="steward-row__name">{match.name}</Text>
              <Text className="steward-row__line">{[maskMobile(match.mobile), match.employer].filter(Boolean).join(' · ')}</Text>
            </View>
            {assigned.has(match.memberId) ? (
              <Text className="steward-row__done">已是签到员</Text>
            ) : (
              <View className="btn btn--ghost steward-row__add" hoverClass="btn--pressed" onClick={busy ? undefined : () => void assign(match)}>
                {busy === match.memberId ? '添加中…' : '设为签到员'}
              </View>
            )}
          </View>
        ))}
      </View>
    </View>
  );
}
