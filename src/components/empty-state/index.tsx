import { Text, View } from '@tarojs/components';
import './index.scss';

export interface EmptyStateProps {
  title: string;
  /** One line on why it is empty or what comes next. */
  hint?: string;
  /** A short character shown in the round badge above the title. */
  mark?: string;
  actionText?: string;
  onAction?: () => void;
}

export default function EmptyState({ title, hint, mark = '空', actionText, onAction }: EmptyStateProps) {
  return (
    <View className="empty-state">
      <View className="empty-state__mark">{mark}</View>
      <Text className="empty-state__title">{title}</Text>
      {hint && <Text className="empty-state__hint">{hint}</Text>}
      {actionText && onAction && (
        <View className="btn btn--primary empty-state__action" hoverClass="btn--pressed" onClick={onAction}>
          {actionText}
        </View>
      )}
    </View>
  );
}
