import { ScrollView, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { ScanLogEntry } from '../../../cloudfunctions/shared/contract/checkin';
import EmptyState from '../../components/empty-state';
import ErrorState from '../../components/error-state';
import LoadingSkeleton from '../../components/loading-skeleton';
import Tag from '../../components/tag';
import { usePagedList } from '../../hooks/use-paged-list';
import { call } from '../../services/api';
import { organizerRefusal } from '../helpers/refusal';
import { type LogFilter, logFilters, logLine, logVerdict } from '../helpers/checkin-display';
import { checkinClock } from '../helpers/scan-display';
import './index.scss';

const pageSize = 20;
const keyOf = (entry: ScanLogEntry) => entry.id;

const emptyHints: Record<LogFilter, { title: string; hint: string }> = {
  all: { title: '还没有扫码记录', hint: '签到员每扫一次码（通过或未通过）都会记在这里。' },
  rejected: { title: '没有未通过的扫码', hint: '过期、无效、非本场或重复的签到码会列在这里。' },
  conflicts: { title: '没有离线冲突', hint: '同一张签到码在两台离线设备上都被扫过时，同步后会列在这里，只计一次。' },
};

function LogRow({ entry, now }: { entry: ScanLogEntry; now: Date }) {
  const verdict = logVerdict(entry);
  return (
    <View className={`log-row log-row--${entry.accepted ? 'accepted' : 'rejected'}`}>
      <Text className="log-row__time">{checkinClock(entry.scannedAt, now)}</Text>
      <View className="log-row__main">
        <View className="log-row__top">
          <Text className="log-row__name">{entry.attendeeName ?? '未识别的签到码'}</Text>
          <Tag text={verdict.text} tone={verdict.tone} solid={entry.accepted} />
        </View>
        <Text className="log-row__line">{logLine(entry, now)}</Text>
      </View>
    </View>
  );
}

/** Every scan of the event, newest first: what was accepted, what was turned away and why, and offline conflicts. */
export default function ScanLogPage() {
  const { params } = useRouter();
  const eventId = params.eventId ?? '';
  const [only, setOnly] = useState<LogFilter>('all');
  const fetchPage = useCallback((page: number) => call('checkin', 'scanLog', { eventId, only, page, pageSize }), [eventId, only]);
  const list = usePagedList(fetchPage, keyOf);
  const now = new Date();

  usePullDownRefresh(async () => {
    await list.refresh();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => {
    void list.loadMore();
  });

  const refusal = list.error && organizerRefusal(list.error.code);
  if (refusal) {
    return (
      <View className="page">
        <EmptyState mark="限" title={refusal.title} hint={refusal.hint} />
      </View>
    );
  }

  return (
    <View className="scan-log">
      <ScrollView scrollX className="scan-log__filters" enhanced showScrollbar={false}>
        <View className="scan-log__filters-track">
          {logFilters.map((filter) => (
            <View key={filter.value} className="scan-log__filter-hit" onClick={() => setOnly(filter.value)}>
              <Text className={`scan-log__filter${filter.value === only ? ' scan-log__filter--active' : ''}`}>{filter.label}</Text>
            </View>
          ))}
        </View>
      </ScrollView>

      {list.loading && list.items.length === 0 ? (
        <LoadingSkeleton cards={3} />
      ) : list.error ? (
        <ErrorState message={list.error.message} onRetry={() => void list.refresh()} />
      ) : list.items.length === 0 ? (
        <EmptyState mark="录" title={emptyHints[only].title} hint={emptyHints[only].hint} />
      ) : (
        <View>
          <View className="scan-log__list">
            {list.items.map((entry) => (
              <LogRow key={entry.id} entry={entry} now={now} />
            ))}
          </View>
          {list.moreError ? (
            <View className="btn btn--ghost scan-log__more" hoverClass="btn--pressed" onClick={() => void list.loadMore()}>
              {`${list.moreError.message}，点此重试`}
            </View>
          ) : list.hasMore ? (
            <View className="btn btn--plain scan-log__more" hoverClass="btn--pressed" onClick={() => void list.loadMore()}>
              {list.loadingMore ? '加载中…' : '加载更多'}
            </View>
          ) : (
            <Text className="scan-log__end">{`共 ${list.items.length} 条`}</Text>
          )}
        </View>
      )}
    </View>
  );
}
