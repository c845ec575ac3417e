import { Input, Text, View } from '@tarojs/components';
import { eventLimits } from '../../../../cloudfunctions/shared/contract/event-limits';
import { addGuest, editGuest, type GuestDraft, moveGuest, removeGuest } from '../../helpers/event-form';
import './index.scss';

export interface GuestEditorProps {
  guests: GuestDraft[];
  onChange: (guests: GuestDraft[]) => void;
  problemOf: (field: string) => string | undefined;
}

/** The speakers shown on the event page under 嘉宾: a name, how they are introduced, what they speak about. */
export default function GuestEditor({ guests, onChange, problemOf }: GuestEditorProps) {
  return (
    <View className="guest-editor">
      {guests.length === 0 && <Text className="guest-editor__empty">选填：沙龙、论坛的主讲嘉宾会显示在活动页。</Text>}
      {guests.map((guest, index) => {
        const problem = problemOf(`guests.${guest.key}`);
        return (
          <View key={guest.key} className={`guest-editor__row${problem ? ' guest-editor__row--invalid' : ''}`}>
            <View className="guest-editor__line">
              <Text className="guest-editor__index">{index + 1}</Text>
              <Input
                className="guest-editor__input guest-editor__name"
                value={guest.name}
                maxlength={eventLimits.guestName + 10}
                placeholder="嘉宾姓名"
                onInput={(event) => onChange(editGuest(guests, guest.key, { name: event.detail.value }))}
              />
              <Text className={`guest-editor__tool${index === 0 ? ' guest-editor__tool--off' : ''}`} onClick={() => onChange(moveGuest(guests, guest.key, -1))}>
                ↑
              </Text>
              <Text className="guest-editor__tool guest-editor__tool--danger" onClick={() => onChange(removeGuest(guests, guest.key))}>
                ✕
              </Text>
            </View>
            <Input
              className="guest-editor__input guest-editor__title"
              value={guest.title}
              maxlength={eventLimits.guestTitle + 10}
              placeholder="职务与单位（选填），如：某律师事务所合伙人"
              onInput={(event) => onChange(editGuest(guests, guest.key, { title: event.detail.value }))}
            />
            <Input
              className="guest-editor__input guest-editor__topic"
              value={guest.topic}
              maxlength={eventLimits.guestTopic + 10}
              placeholder="分享主题（选填）"
              onInput={(event) => onChange(editGuest(guests, guest.key, { topic: event.detail.value }))}
            />
            {problem && <Text className="guest-editor__problem">{problem}</Text>}
          </View>
        );
      })}
      {guests.length < eventLimits.guests && (
        <Text className="guest-editor__add" onClick={() => onChange(addGuest(guests))}>
          ＋ 添加嘉宾
        </Text>
      )}
    </View>
  );
}
