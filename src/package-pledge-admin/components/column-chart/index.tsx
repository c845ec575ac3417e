import { Text, View } from '@tarojs/components';
import type { WeekColumn } from '../../helpers/charts';
import './index.scss';

export interface ColumnChartProps {
  columns: WeekColumn[];
  emptyText: string;
}

/** A small column chart of weekly counts; every other week is labelled (the latest always) so labels never collide. */
export default function ColumnChart({ columns, emptyText }: ColumnChartProps) {
  if (columns.every((column) => column.count === 0)) return <Text className="column-chart__empty">{emptyText}</Text>;
  const lastIndex = columns.length - 1;
  return (
    <View className="column-chart">
      <View className="column-chart__plot">
        {columns.map((column) => (
          <View key={column.weekStart} className="column-chart__slot">
            {column.count > 0 && <Text className="column-chart__count">{column.count}</Text>}
            <View className="column-chart__column" style={{ height: `${column.percent}%` }} />
          </View>
        ))}
      </View>
      <View className="column-chart__axis">
        {columns.map((column, index) => (
          <Text key={column.weekStart} className="column-chart__label">
            {(lastIndex - index) % 2 === 0 ? column.label : ''}
          </Text>
        ))}
      </View>
    </View>
  );
}
