import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

export interface ClubSectionProps {
  title: string;
  note?: string;
  children: ReactNode;
}

/** A titled card of the club editors (manage, create). */
export default function ClubSection({ title, note, children }: ClubSectionProps) {
  return (
    <View className="club-section">
      <View className="club-section__head">
        <Text className="club-section__title">{title}</Text>
        {note && <Text className="club-section__note">{note}</Text>}
      </View>
      <View className="club-section__card">{children}</View>
    </View>
  );
}
