import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import type { MySignature } from '../../../cloudfunctions/shared/contract/pledge';
import { sectorLabels, signatureStatusLabels } from '../../../cloudfunctions/shared/contract/vocabulary';
import EmptyState from '../../components/empty-state';
import ErrorState from '../../components/error-state';
import LoadingSkeleton from '../../components/loading-skeleton';
import Tag from '../../components/tag';
import { useRemote } from '../../hooks/use-remote';
import { call, toApiError } from '../../services/api';
import { formatFullDateTime } from '../../utils/time';
import { statusTones } from '../pledge-links';
import './index.scss';

function SignatureCard({ signature, busy, onWithdraw }: { signature: MySignature; busy: boolean; onWithdraw: (serial: string) => void }) {
  return (
    <View className={`my-signatures__card${signature.status === 'valid' ? '' : ' my-signatures__card--inactive'}`}>
      <View className="my-signatures__head">
        <Text className="my-signatures__version">第 {signature.version} 版</Text>
        <Tag text={signatureStatusLabels[signature.status]} tone={statusTones[signature.status]} solid={signature.status === 'valid'} />
      </View>
      <Text className="my-signatures__title">{signature.title}</Text>
      <View className="my-signatures__row">
        <Text className="my-signatures__label">证书编号</Text>
        <Text className="my-signatures__value my-signatures__serial" selectable userSelect>
          {signature.serial}
        </Text>
      </View>
      <View className="my-signatures__row">
        <Text className="my-signatures__label">签署时间</Text>
        <Text className="my-signatures__value">{formatFullDateTime(signature.signedAt)}</Text>
      </View>
      <View className="my-signatures__row">
        <Text className="my-signatures__label">签署信息</Text>
        <Text className="my-signatures__value">
          {[signature.name, signature.employer, sectorLabels[signature.sector], signature.platform, signature.account].filter(Boolean).join(' · ')}
        </Text>
      </View>
      {signature.withdrawnAt && (
        <View className="my-signatures__row">
          <Text className="my-signatures__label">撤回时间</Text>
          <Text className="my-signatures__value">{formatFullDateTime(signature.withdrawnAt)}</Text>
        </View>
      )}
      <View className="my-signatures__actions">
        <View
          className="btn btn--ghost my-signatures__action"
          hoverClass="btn--pressed"
          onClick={() => void Taro.navigateTo({ url: `/package-pledge/certificate/index?serial=${signature.serial}` })}
        >
          查看证书
        </View>
        {signature.status !== 'withdrawn' && (
          <View className="btn btn--plain my-signatures__action" hoverClass="btn--pressed" onClick={busy ? undefined : () => onWithdraw(signature.serial)}>
            {busy ? '正在撤回…' : '撤回签署'}
          </View>
        )}
      </View>
    </View>
  );
}

export default function MySignaturesPage() {
  const load = useCallback(() => call('pledge', 'mySignatures', {}), []);
  const remote = useRemote(load);
  const { reload } = remote;
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) void reload();
    shownBefore.current = true;
  });

  const withdraw = async (serial: string) => {
    const { confirm } = await Taro.showModal({
      title: '撤回签署',
      content: '撤回后，这份证书在验证时将显示“已撤回”。签署记录会保留，之后仍可重新签署。确定撤回吗？',
      confirmText: '确认撤回',
      confirmColor: '#C8102E',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setWithdrawing(serial);
    try {
      await call('pledge', 'withdraw', { serial });
      void Taro.showToast({ title: '已撤回签署', icon: 'success' });
      await reload();
    } catch (failure) {
      void Taro.showToast({ title: toApiError(failure).message, icon: 'none' });
    } finally {
      setWithdrawing(null);
    }
  };

  if (!remote.data) {
    return (
      <View className="page">
        {remote.error ? <ErrorState message={remote.error.message} onRetry={() => void reload()} /> : <LoadingSkeleton cards={2} />}
      </View>
    );
  }

  const { signatures } = remote.data;
  if (signatures.length === 0) {
    return (
      <View className="page">
        <EmptyState
          mark="签"
          title="还没有签署记录"
          hint="阅读《新媒体从业人员自律公约》全文后即可在线签署。"
          actionText="去阅读公约"
          onAction={() => void Taro.switchTab({ url: '/pages/pledge/index' })}
        />
      </View>
    );
  }

  return (
    <View className="my-signatures">
      <Text className="my-signatures__intro">每次签署都会保留记录；公约更新或撤回后，旧证书仍可查看，验证时显示当前状态。</Text>
      {signatures.map((signature) => (
        <SignatureCard key={signature.serial} signature={signature} busy={withdrawing === signature.serial} onWithdraw={(serial) => void withdraw(serial)} />
      ))}
    </View>
  );
}
