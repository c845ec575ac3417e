import { Picker, Text, View } from '@tarojs/components';
import { formatWallDate, type WallClock } from '../../../utils/wall-clock';
import './index.scss';

export interface WallClockPickerProps {
  value: WallClock;
  onChange: (value: WallClock) => void;
}

/** A Shanghai date and time as two pickers side by side; the editor turns them into an instant on save. */
export default function WallClockPicker({ value, onChange }: WallClockPickerProps) {
  return (
    <View className="wall-clock">
      <Picker mode="date" value={value.date} onChange={(event) => onChange({ ...value, date: String(event.detail.value) })}>
        <View className="wall-clock__part wall-clock__date">
          <Text>{formatWallDate(value.date)}</Text>
        </View>
      </Picker>
      <Picker mode="time" value={value.time} onChange={(event) => onChange({ ...value, time: String(event.detail.value) })}>
        <View className="wall-clock__part wall-clock__time">
          <Text>{value.time}</Text>
        </View>
      </Picker>
    </View>
  );
}
