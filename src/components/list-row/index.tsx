import { Text, View } from '@tarojs/components';
import './index.scss';

export interface ListRowProps {
  title: string;
  /** Secondary text on the right, before the arrow. */
  note?: string;
  danger?: boolean;
  onClick: () => void;
}

export default function ListRow({ title, note, danger = false, onClick }: ListRowProps) {
  return (
    <View className="list-row" hoverClass="list-row--pressed" onClick={onClick}>
      <Text className={`list-row__title${danger ? ' list-row__title--danger' : ''}`}>{title}</Text>
      {note && <Text className="list-row__note">{note}</Text>}
      <Text className="list-row__arrow">›</Text>
    </View>
  );
}
