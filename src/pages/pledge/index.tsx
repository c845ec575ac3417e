import { View } from '@tarojs/components';
import EmptyState from '../../components/empty-state';

export default function PledgePage() {
  return (
    <View className="page">
      <EmptyState
        mark="约"
        title="公约签署即将上线"
        hint="新媒体从业人员可在这里阅读《新媒体从业人员自律公约》，在屏幕上手写签名，并领取可供他人核验的电子证书。"
      />
    </View>
  );
}
