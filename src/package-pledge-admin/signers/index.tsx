import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import type { SignerRow } from '../../../cloudfunctions/shared/contract/pledge';
import { sectorLabels } from '../../../cloudfunctions/shared/contract/vocabulary';
import EmptyState from '../../components/empty-state';
import ErrorState from '../../components/error-state';
import LoadingSkeleton from '../../components/loading-skeleton';
import Tag from '../../components/tag';
import { formatFullDateTime } from '../../utils/time';
import { refusalText, signatureStatusBadge } from '../helpers/pledge-admin-display';
import { useSignerPages } from '../helpers/use-signer-pages';
import './index.scss';

function SignerCard({ row }: { row: SignerRow }) {
  const badge = signatureStatusBadge(row.status);
  return (
    <View className={`signer${row.status === 'withdrawn' ? ' signer--withdrawn' : ''}`}>
      <View className="signer__top">
        <Text className="signer__name">{row.name}</Text>
        <Tag text={`第${row.version}版`} tone="info" />
        <Tag text={badge.text} tone={badge.tone} solid={row.status === 'valid'} />
      </View>
      <View className="signer__row">
        <Text className="signer__label">界别</Text>
        <Text className="signer__value">{sectorLabels[row.sector]}</Text>
      </View>
      <View className="signer__row">
        <Text className="signer__label">单位</Text>
        <Text className="signer__value">{row.employer}</Text>
      </View>
      {row.platform && (
        <View className="signer__row">
          <Text className="signer__label">平台</Text>
          <Text className="signer__value">{row.platform}</Text>
        </View>
      )}
      <View className="signer__foot">
        <Text className="signer__serial">{row.serial}</Text>
        <Text className="signer__date">{formatFullDateTime(row.signedAt)}</Text>
      </View>
    </View>
  );
}

export default function PledgeSignersPage() {
  const { params } = useRouter();
  const orgId = params.orgId ?? '';
  const orgName = params.name ? decodeURIComponent(params.name) : '';
  const signers = useSignerPages(orgId);

  useEffect(() => {
    if (orgName) void Taro.setNavigationBarTitle({ title: `签署名单 · ${orgName}` });
  }, [orgName]);
  usePullDownRefresh(async () => {
    await signers.refresh();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => {
    void signers.loadMore();
  });

  if (signers.loading && signers.items.length === 0) {
    return (
      <View className="page">
        <LoadingSkeleton cards={3} />
      </View>
    );
  }
  if (signers.error) {
    const refusal = refusalText(signers.error.code, 'organizers');
    return (
      <View className="page">
        {refusal ? (
          <EmptyState mark="限" title={refusal.title} hint={refusal.hint} />
        ) : signers.error.code === 'NOT_FOUND' || signers.error.code === 'VALIDATION_FAILED' ? (
          <EmptyState mark="无" title="组织不存在" hint="请回到签署统计，重新选择组织。" />
        ) : (
          <ErrorState message={signers.error.message} onRetry={() => void signers.refresh()} />
        )}
      </View>
    );
  }
  if (signers.items.length === 0) {
    return (
      <View className="page">
        <EmptyState mark="签" title="还没有人签署" hint="本组织及下属组织的会员签署公约后，会按时间倒序显示在这里。" />
      </View>
    );
  }
  return (
    <View className="page signers">
      <Text className="signers__intro">{orgName ? `${orgName}及下属组织会员的签署记录，最新的在前。` : '签署记录，最新的在前。'}</Text>
      {signers.items.map((row) => (
        <SignerCard key={row.serial} row={row} />
      ))}
      {signers.hasMore || signers.moreError ? (
        <View className="btn btn--plain signers__more" hoverClass="btn--pressed" onClick={() => void signers.loadMore()}>
          {signers.loadingMore ? '加载中…' : signers.moreError ? `${signers.moreError.message}，点此重试` : '加载更多'}
        </View>
      ) : (
        <Text className="signers__end">已显示全部 {signers.items.length} 条</Text>
      )}
    </View>
  );
}
