import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ChainCheck } from '../../../cloudfunctions/shared/contract/pledge';
import EmptyState from '../../components/empty-state';
import ErrorState from '../../components/error-state';
import LoadingSkeleton from '../../components/loading-skeleton';
import { type ApiError, call, toApiError } from '../../services/api';
import { formatFullDateTime } from '../../utils/time';
import { chainVerdict, refusalText } from '../helpers/pledge-admin-display';
import { usePledgeAdminAccess } from '../helpers/use-pledge-admin-access';
import './index.scss';

interface Outcome {
  check: ChainCheck;
  at: string;
}

export default function PledgeChainPage() {
  const access = usePledgeAdminAccess();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [checking, setChecking] = useState(false);

  const refusal = refusalText(failure?.code ?? access.error?.code ?? (access.data && !access.data.admin ? 'FORBIDDEN' : ''), 'admins');
  if (refusal) {
    return (
      <View className="page">
        <EmptyState mark="限" title={refusal.title} hint={refusal.hint} />
      </View>
    );
  }
  if (!access.data) {
    return (
      <View className="page">
        {access.error ? <ErrorState message={access.error.message} onRetry={() => void access.reload()} /> : <LoadingSkeleton cards={1} />}
      </View>
    );
  }

  const verify = async () => {
    setChecking(true);
    setFailure(null);
    try {
      const check = await call('pledge', 'verifyChain', {});
      setOutcome({ check, at: new Date().toISOString() });
    } catch (error) {
      setFailure(toApiError(error));
    } finally {
      setChecking(false);
    }
  };

  const verdict = outcome && chainVerdict(outcome.check);

  return (
    <View className="page chain">
      <View className="chain__intro">
        <Text className="chain__intro-title">防篡改校验</Text>
        <Text className="chain__intro-body">
          每条签署记录都保存前一条记录的哈希、记录本身的规范化内容和签名图片的哈希，首尾相连成一条链。任何一条被修改、删除或调换顺序，之后的哈希都会对不上。校验会从第一条读到最后一条，并指出第一条出问题的记录。
        </Text>
      </View>

      <View className={`btn btn--primary chain__run${checking ? ' chain__run--busy' : ''}`} hoverClass="btn--pressed" onClick={checking ? undefined : () => void verify()}>
        {checking ? '正在校验…' : outcome ? '重新校验' : '开始校验'}
      </View>

      {failure && <ErrorState message={failure.message} onRetry={() => void verify()} />}

      {outcome && verdict && !checking && (
        <View className={`chain__result ${verdict.intact ? 'chain__result--ok' : 'chain__result--broken'}`}>
          <View className="chain__mark">{verdict.intact ? '✓' : '!'}</View>
          <Text className="chain__title">{verdict.title}</Text>
          <Text className="chain__detail">{verdict.detail}</Text>
          <Text className="chain__time">{`校验时间 ${formatFullDateTime(outcome.at)}`}</Text>
        </View>
      )}
    </View>
  );
}
