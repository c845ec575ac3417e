import { Input, Text, View } from '@tarojs/components';
import { eventLimits } from '../../../../cloudfunctions/shared/contract/event-limits';
import { addScheduleItem, editScheduleItem, moveScheduleItem, removeScheduleItem, type ScheduleDraft } from '../../helpers/event-form';
import './index.scss';

export interface ScheduleEditorProps {
  schedule: ScheduleDraft[];
  onChange: (schedule: ScheduleDraft[]) => void;
  problemOf: (field: string) => string | undefined;
}

/** The programme of the day: a free-form time ("14:00–14:30") and what happens then. */
export default function ScheduleEditor({ schedule, onChange, problemOf }: ScheduleEditorProps) {
  return (
    <View className="schedule-editor">
      {schedule.length === 0 && <Text className="schedule-editor__empty">选填：如 14:00 签到入场、14:30 主题分享。</Text>}
      {schedule.map((item, index) => {
        const problem = problemOf(`schedule.${item.key}`);
        return (
          <View key={item.key} className={`schedule-editor__row${problem ? ' schedule-editor__row--invalid' : ''}`}>
            <View className="schedule-editor__inputs">
              <Input
                className="schedule-editor__time"
                value={item.time}
                maxlength={eventLimits.scheduleTime}
                placeholder="14:00"
                onInput={(event) => onChange(editScheduleItem(schedule, item.key, { time: event.detail.value }))}
              />
              <Input
                className="schedule-editor__title"
                value={item.title}
                maxlength={eventLimits.scheduleTitle + 10}
                placeholder="日程内容"
                onInput={(event) => onChange(editScheduleItem(schedule, item.key, { title: event.detail.value }))}
              />
              <Text className={`schedule-editor__tool${index === 0 ? ' schedule-editor__tool--off' : ''}`} onClick={() => onChange(moveScheduleItem(schedule, item.key, -1))}>
                ↑
              </Text>
              <Text className="schedule-editor__tool schedule-editor__tool--danger" onClick={() => onChange(removeScheduleItem(schedule, item.key))}>
                ✕
              </Text>
            </View>
            {problem && <Text className="schedule-editor__problem">{problem}</Text>}
          </View>
        );
      })}
      {schedule.length < eventLimits.schedule && (
        <Text className="schedule-editor__add" onClick={() => onChange(addScheduleItem(schedule))}>
          ＋ 添加日程
        </Text>
      )}
    </View>
  );
}
