import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useMemo, useRef, useState } from 'react';
import { roleLabels, sectorLabels } from '../../../cloudfunctions/shared/contract/vocabulary';
import ErrorState from '../../components/error-state';
import ListRow from '../../components/list-row';
import LoadingSkeleton from '../../components/loading-skeleton';
import ReadingRow from '../../components/reading-row';
import { useRemote } from '../../hooks/use-remote';
import { useUnreadCount } from '../../hooks/use-unread-count';
import { call, toApiError } from '../../services/api';
import { clearToken, personaPickerUrl } from '../../services/session';
import { maskMobile } from '../../utils/mask';
import './index.scss';

const profileUrl = '/package-me/profile/index';

function openOrg(orgId: string) {
  void Taro.navigateTo({ url: `/package-org/detail/index?id=${orgId}` });
}

export default function MePage() {
  const load = useCallback(async () => {
    const [me, tree] = await Promise.all([call('members', 'me', {}), call('orgs', 'tree', {})]);
    return { me, tree };
  }, []);
  const remote = useRemote(load);
  const { reload } = remote;
  const [deleting, setDeleting] = useState(false);
  // The first show is covered by the initial load; later shows pick up edits made on other pages.
  const shownBefore = useRef(false);
  const notices = useUnreadCount();
  useDidShow(() => {
    if (shownBefore.current) {
      void reload();
      void notices.reload();
    }
    shownBefore.current = true;
  });

  const orgNames = useMemo(() => new Map((remote.data?.tree.orgs ?? []).map((org) => [org.id, org.name])), [remote.data]);

  if (!remote.data) {
    return (
      <View className="page">
        {remote.error ? <ErrorState message={remote.error.message} onRetry={() => void reload()} /> : <LoadingSkeleton cards={2} />}
      </View>
    );
  }

  const { me, tree } = remote.data;
  const profile = me.profile;
  const myOrgs = tree.orgs.filter((org) => tree.myOrgIds.includes(org.id));
  const hasAccount = profile !== null || me.privacyAcceptedVersion !== null;

  const deleteAccount = async () => {
    const { confirm } = await Taro.showModal({
      title: '注销账号',
      content: '注销后，你的个人资料、加入的组织和身份将被删除，未开始活动的报名将取消（你担任队长的队伍将解散），通知消息一并删除，且无法恢复。确定要注销吗？',
      confirmText: '确认注销',
      confirmColor: '#C8102E',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setDeleting(true);
    try {
      await call('members', 'deleteAccount', { confirm: 'DELETE' });
      void Taro.showToast({ title: '账号已注销', icon: 'success' });
      await reload();
    } catch (failure) {
      void Taro.showToast({ title: toApiError(failure).message, icon: 'none' });
    } finally {
      setDeleting(false);
    }
  };

  const switchPersona = () => {
    clearToken();
    void Taro.reLaunch({ url: personaPickerUrl });
  };

  return (
    <View className="me">
      <View className="me__header">
        {profile ? (
          <View className="me__profile">
            <View className="me__avatar">{profile.name.slice(0, 1)}</View>
            <View className="me__identity">
              <Text className="me__name">{profile.name}</Text>
              <Text className="me__mobile">{maskMobile(profile.mobile)}</Text>
              <View className="me__facts">
                <Text className="me__sector">{sectorLabels[profile.sector]}</Text>
                {(profile.employer || profile.title) && (
                  <Text className="me__employer">{[profile.employer, profile.title].filter(Boolean).join(' · ')}</Text>
                )}
              </View>
            </View>
          </View>
        ) : (
          <View className="me__welcome">
            <Text className="me__welcome-title">欢迎来到新联</Text>
            <Text className="me__welcome-text">完善资料后即可加入所在的联谊会，参与活动报名。</Text>
            <View
              className="btn me__cta"
              hoverClass="btn--pressed"
              onClick={() => void Taro.navigateTo({ url: profileUrl })}
            >
              完善资料
            </View>
          </View>
        )}
        {me.roles.length > 0 && (
          <View className="me__roles">
            {me.roles.map((grant) => (
              <Text key={`${grant.orgId}-${grant.role}`} className={`me__role me__role--${grant.role}`}>
                {roleLabels[grant.role]} · {orgNames.get(grant.orgId) ?? '未知组织'}
              </Text>
            ))}
          </View>
        )}
      </View>

      <View className="section-title me__section-title">我的活动</View>
      <View className="me__group">
        <ListRow title="我的报名" onClick={() => void Taro.navigateTo({ url: '/package-me/my-registrations/index' })} />
        <ListRow
          title="消息通知"
          note={notices.unread > 0 ? `${notices.unread} 条未读` : undefined}
          onClick={() => void Taro.navigateTo({ url: '/package-me/notifications/index' })}
        />
        <ReadingRow />
      </View>

      <View className="section-title me__section-title">我的组织</View>
      <View className="me__group">
        {myOrgs.length === 0 ? (
          <View className="me__no-orgs">还没有加入组织。加入所在街镇或行业的联谊会，就能看到它们的活动。</View>
        ) : (
          myOrgs.map((org) => <ListRow key={org.id} title={org.name} note={`${org.memberCount} 人`} onClick={() => openOrg(org.id)} />)
        )}
        <ListRow title="浏览组织" note="1+6+N 组织架构" onClick={() => void Taro.navigateTo({ url: '/package-org/browse/index' })} />
      </View>

      {me.roles.some((grant) => grant.role === 'organizer' || grant.role === 'admin') && (
        <>
          <View className="section-title me__section-title">组织工作</View>
          <View className="me__group">
            <ListRow title="活动管理" note="发布活动 · 审核报名" onClick={() => void Taro.navigateTo({ url: '/package-organizer/events/index' })} />
          </View>
        </>
      )}

      <View className="section-title me__section-title">账号与隐私</View>
      <View className="me__group">
        <ListRow title="编辑资料" note={profile ? undefined : '尚未填写'} onClick={() => void Taro.navigateTo({ url: profileUrl })} />
        <ListRow title="我的数据" note="查看与导出" onClick={() => void Taro.navigateTo({ url: '/package-me/my-data/index' })} />
        {hasAccount && <ListRow title={deleting ? '正在注销…' : '注销账号'} danger onClick={() => void deleteAccount()} />}
        {process.env.TARO_ENV === 'h5' && <ListRow title="切换身份" note="演示环境" onClick={switchPersona} />}
      </View>

      <Text className="me__footnote">新联 · 新的社会阶层人士联谊会会员服务</Text>
    </View>
  );
}
