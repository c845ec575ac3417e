import { Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useMemo, useState } from 'react';
import EmptyState from '../../components/empty-state';
import ErrorState from '../../components/error-state';
import ListRow from '../../components/list-row';
import LoadingSkeleton from '../../components/loading-skeleton';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import BarChart from '../components/bar-chart';
import ColumnChart from '../components/column-chart';
import { orgBars, sectorBars, weekColumns } from '../helpers/charts';
import type { ManagedOrg } from '../../utils/managed-orgs';
import { pickerLabel } from '../../utils/managed-orgs';
import { refusalText } from '../helpers/pledge-admin-display';
import { usePledgeAdminAccess } from '../helpers/use-pledge-admin-access';
import './index.scss';

const chartedOrgs = 8;
const chartedWeeks = 12;

function Refusal({ code, message, onRetry }: { code: string; message: string; onRetry: () => void }) {
  const refusal = refusalText(code, 'organizers');
  return (
    <View className="page">
      {refusal ? <EmptyState mark="限" title={refusal.title} hint={refusal.hint} /> : <ErrorState message={message} onRetry={onRetry} />}
    </View>
  );
}

function StatsBody({ org, admin, orgs, onPick }: { org: ManagedOrg; admin: boolean; orgs: ManagedOrg[]; onPick: (orgId: string) => void }) {
  const load = useCallback(() => call('pledge', 'stats', { orgId: org.id }), [org.id]);
  const stats = useRemote(load);
  const labels = useMemo(() => orgs.map(pickerLabel), [orgs]);
  const selectedIndex = Math.max(0, orgs.findIndex((candidate) => candidate.id === org.id));
  const data = stats.data;

  const open = (url: string) => void Taro.navigateTo({ url });

  return (
    <View className="stats">
      <View className="stats__hero">
        <Picker mode="selector" range={labels} value={selectedIndex} onChange={(event) => onPick(orgs[Number(event.detail.value)].id)}>
          <View className="stats__scope">
            <Text className="stats__scope-label">统计范围</Text>
            <Text className="stats__scope-name">{org.name}</Text>
            {orgs.length > 1 && <Text className="stats__scope-switch">切换 ›</Text>}
          </View>
        </Picker>
        <View className="stats__total">
          <Text className="stats__total-number">{data ? data.total : '—'}</Text>
          <Text className="stats__total-unit">人已签署</Text>
        </View>
        <Text className="stats__total-note">本组织及下属组织的会员，按人计，不含已撤回的签署</Text>
      </View>

      <View className="stats__card stats__card--list">
        <ListRow title="签署名单" note="逐人查看" onClick={() => open(`/package-pledge-admin/signers/index?orgId=${org.id}&name=${encodeURIComponent(org.name)}`)} />
        {admin && <ListRow title="版本管理" note="草稿 · 预览 · 发布" onClick={() => open('/package-pledge-admin/versions/index')} />}
        {admin && <ListRow title="校验签署链" note="防篡改核查" onClick={() => open('/package-pledge-admin/chain/index')} />}
      </View>

      {!data ? (
        stats.error ? (
          refusalText(stats.error.code, 'organizers') ? (
            <EmptyState mark="限" title="没有权限" hint={`你不能查看“${org.name}”的签署统计，请切换到你管理的组织。`} />
          ) : (
            <ErrorState message={stats.error.message} onRetry={() => void stats.reload()} />
          )
        ) : (
          <LoadingSkeleton cards={2} />
        )
      ) : (
        <View className={stats.loading ? 'stats__charts stats__charts--stale' : 'stats__charts'}>
          <View className="stats__card">
            <Text className="stats__heading">按界别</Text>
            <BarChart bars={sectorBars(data.bySector)} emptyText="还没有会员签署公约。" />
          </View>
          <View className="stats__card">
            <Text className="stats__heading">按下属组织</Text>
            <BarChart bars={orgBars(data.byOrg, chartedOrgs)} emptyText="下属组织暂无签署，或该组织没有下属组织。" />
          </View>
          <View className="stats__card">
            <View className="stats__heading-row">
              <Text className="stats__heading">每周新增签署</Text>
              <Text className="stats__heading-note">近 {chartedWeeks} 周 · 周一起算</Text>
            </View>
            <ColumnChart columns={weekColumns(data.byWeek, chartedWeeks)} emptyText={`近 ${chartedWeeks} 周没有新的签署。`} />
          </View>
        </View>
      )}
    </View>
  );
}

export default function PledgeAdminIndexPage() {
  const access = usePledgeAdminAccess();
  const [pickedOrgId, setPickedOrgId] = useState('');

  if (!access.data) {
    if (access.error) return <Refusal code={access.error.code} message={access.error.message} onRetry={() => void access.reload()} />;
    return (
      <View className="page">
        <LoadingSkeleton cards={2} />
      </View>
    );
  }
  const { orgs, admin } = access.data;
  if (orgs.length === 0) return <Refusal code="FORBIDDEN" message="" onRetry={() => void access.reload()} />;
  const org = orgs.find((candidate) => candidate.id === pickedOrgId) ?? orgs[0];
  return <StatsBody org={org} admin={admin} orgs={orgs} onPick={setPickedOrgId} />;
}
