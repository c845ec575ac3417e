import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback } from 'react';
import EmptyState from '../../components/empty-state';
import ErrorState from '../../components/error-state';
import LoadingSkeleton from '../../components/loading-skeleton';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { collectionLabel, describeRecord } from '../../utils/my-data-display';
import { formatFullDateTime } from '../../utils/time';
import './index.scss';

export default function MyDataPage() {
  const load = useCallback(() => call('members', 'myData', {}), []);
  const remote = useRemote(load);

  if (!remote.data) {
    return (
      <View className="page">
        {remote.error ? <ErrorState message={remote.error.message} onRetry={() => void remote.reload()} /> : <LoadingSkeleton cards={2} />}
      </View>
    );
  }

  const data = remote.data;
  const collections = Object.entries(data.collections);
  const total = collections.reduce((sum, [, records]) => sum + records.length, 0);
  const copyAll = () => void Taro.setClipboardData({ data: JSON.stringify(data, null, 2) });

  return (
    <View className="my-data">
      <View className="my-data__summary">
        <Text className="my-data__summary-title">系统中与你有关的记录共 {total} 条</Text>
        <Text className="my-data__summary-text">
          导出时间 {formatFullDateTime(data.exportedAt)}。以下是按类别整理的全部内容，你可以复制为文本自行保存。
        </Text>
        <View className="btn btn--primary my-data__copy" hoverClass="btn--pressed" onClick={copyAll}>
          复制全部数据
        </View>
      </View>

      {total === 0 ? (
        <EmptyState mark="无" title="还没有与你有关的记录" hint="填写资料、加入组织或报名活动后，相关记录会显示在这里。" />
      ) : (
        collections.map(([name, records]) => (
          <View key={name} className="my-data__section">
            <View className="my-data__section-head">
              <Text className="my-data__section-title">{collectionLabel(name)}</Text>
              <Text className="my-data__section-count">{records.length} 条</Text>
            </View>
            {records.length === 0 ? (
              <Text className="my-data__none">暂无记录</Text>
            ) : (
              records.map((record, index) => (
                <View key={index} className="my-data__record">
                  {describeRecord(record).map((line, lineIndex) => (
                    <View key={`${lineIndex}-${line.label}`} className="my-data__line">
                      <Text className="my-data__label">{line.label}</Text>
                      <Text className="my-data__value" userSelect>
                        {line.value}
                      </Text>
                    </View>
                  ))}
                </View>
              ))
            )}
          </View>
        ))
      )}

      <Text className="my-data__note">如需删除这些资料，可在「我的」页面选择“注销账号”。</Text>
    </View>
  );
}
