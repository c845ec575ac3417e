import { Text, View } from '@tarojs/components';
import type { Bar } from '../../helpers/charts';
import './index.scss';

export interface BarChartProps {
  bars: Bar[];
  /** Shown instead of the chart when no bar has a count. */
  emptyText: string;
}

/** Horizontal bars built from Views, so both targets draw them without a canvas. */
export default function BarChart({ bars, emptyText }: BarChartProps) {
  if (bars.every((bar) => bar.count === 0)) return <Text className="bar-chart__empty">{emptyText}</Text>;
  return (
    <View className="bar-chart">
      {bars.map((bar) => (
        <View key={bar.key} className="bar-chart__row">
          <Text className="bar-chart__label">{bar.label}</Text>
          <View className="bar-chart__track">
            <View className="bar-chart__fill" style={{ width: `${bar.percent}%` }} />
            <Text className="bar-chart__count">{bar.count}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
