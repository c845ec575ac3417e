import { View } from '@tarojs/components';
import './index.scss';

export interface LoadingSkeletonProps {
  /** How many placeholder cards to show while the first answer is on its way. */
  cards?: number;
}

export default function LoadingSkeleton({ cards = 3 }: LoadingSkeletonProps) {
  return (
    <View className="skeleton">
      {Array.from({ length: cards }, (_, index) => (
        <View key={index} className="skeleton__card">
          <View className="skeleton__line skeleton__line--short" />
          <View className="skeleton__line skeleton__line--title" />
          <View className="skeleton__line" />
          <View className="skeleton__line skeleton__line--medium" />
        </View>
      ))}
    </View>
  );
}
