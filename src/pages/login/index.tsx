import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import EmptyState from '../../components/empty-state';
import ErrorState from '../../components/error-state';
import LoadingSkeleton from '../../components/loading-skeleton';
import { useRemote } from '../../hooks/use-remote';
import { toApiError } from '../../services/api';
import { listPersonas, signInAs } from '../../services/dev-session';
import './index.scss';

export default function LoginPage() {
  const load = useCallback(() => listPersonas(), []);
  const remote = useRemote(load);
  const [signingIn, setSigningIn] = useState('');

  const choose = async (personaId: string) => {
    if (signingIn) return;
    setSigningIn(personaId);
    try {
      await signInAs(personaId);
      void Taro.reLaunch({ url: '/pages/events/index' });
    } catch (failure) {
      void Taro.showToast({ title: toApiError(failure).message, icon: 'none' });
      setSigningIn('');
    }
  };

  return (
    <View className="login">
      <View className="login__header">
        <Text className="login__brand">新联</Text>
        <Text className="login__title">选择演示身份</Text>
        <Text className="login__subtitle">这是新联的本地演示环境。选择一个身份即可体验会员、组织者等不同视角，数据只保存在本机。</Text>
      </View>
      <View className="login__list">
        {remote.error ? (
          <ErrorState message={remote.error.message} onRetry={() => void remote.reload()} />
        ) : !remote.data ? (
          <LoadingSkeleton cards={3} />
        ) : remote.data.length === 0 ? (
          <EmptyState mark="人" title="没有可用的演示身份" hint="请先在本地服务中准备演示数据后刷新此页。" />
        ) : (
          remote.data.map((persona) => (
            <View
              key={persona.id}
              className={`login__persona${signingIn === persona.id ? ' login__persona--active' : ''}`}
              hoverClass="login__persona--pressed"
              onClick={() => void choose(persona.id)}
            >
              <View className="login__avatar">{persona.name.slice(0, 1)}</View>
              <View className="login__info">
                <View className="login__name-row">
                  <Text className="login__name">{persona.name}</Text>
                  <Text className={`login__role login__role--${persona.role}`}>{persona.roleLabel}</Text>
                </View>
                <Text className="login__org">{persona.orgName || '尚未加入组织'}</Text>
              </View>
              <Text className="login__go">{signingIn === persona.id ? '进入中…' : '进入'}</Text>
            </View>
          ))
        )}
      </View>
    </View>
  );
}
