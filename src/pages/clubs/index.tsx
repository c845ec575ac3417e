import { View } from '@tarojs/components';
import EmptyState from '../../components/empty-state';

export default function ClubsPage() {
  return (
    <View className="page">
      <EmptyState
        mark="读"
        title="读书会功能即将上线"
        hint="「悦读」读书会将在这里开放：加入读书会、查看本期共读书目和每次共读安排、签到并分享读书笔记。"
      />
    </View>
  );
}
