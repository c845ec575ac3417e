import { Text, View } from '@tarojs/components';
import './index.scss';

export interface ErrorStateProps {
  message: string;
  onRetry: () => void;
}

export default function ErrorState({ message, onRetry }: ErrorStateProps) {
  return (
    <View className="error-state">
      <View className="error-state__icon">!</View>
      <Text className="error-state__title">加载失败</Text>
      <Text className="error-state__message">{message}</Text>
      <View className="btn btn--ghost error-state__retry" hoverClass="btn--pressed" onClick={onRetry}>
        重试
      </View>
    </View>
  );
}
