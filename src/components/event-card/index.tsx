import { Text, View } from '@tarojs/components';
import { hostNames } from '../../../cloudfunctions/shared/contract/event-text';
import type { EventSummary } from '../../../cloudfunctions/shared/contract/events';
import { eventKindLabels } from '../../../cloudfunctions/shared/contract/vocabulary';
import { eventPhase, seatsBadge } from '../../utils/event-display';
import { formatEventTime } from '../../utils/time';
import Tag from '../tag';
import './index.scss';

export interface EventCardProps {
  event: EventSummary;
  now: Date;
  onOpen: (eventId: string) => void;
}

export default function EventCard({ event, now, onOpen }: EventCardProps) {
  const phase = eventPhase(event, now);
  const seats = seatsBadge(event);
  const inactive = phase.tone === 'muted';
  return (
    <View className={`event-card${inactive ? ' event-card--inactive' : ''}`} hoverClass="event-card--pressed" onClick={() => onOpen(event.id)}>
      <View className="event-card__tags">
        <Tag text={eventKindLabels[event.kind]} tone="brand" solid />
        <Tag text={phase.text} tone={phase.tone} />
      </View>
      <Text className="event-card__title">{event.title}</Text>
      <View className="event-card__row">
        <Text className="event-card__label">时间</Text>
        <Text className="event-card__value">{formatEventTime(event.startAt, event.endAt, now)}</Text>
      </View>
      <View className="event-card__row">
        <Text className="event-card__label">地点</Text>
        <Text className="event-card__value">{event.venue.name}</Text>
      </View>
      <View className="event-card__row">
        <Text className="event-card__label">主办</Text>
        <Text className="event-card__value">{hostNames(event.hosts)}</Text>
      </View>
      <View className="event-card__footer">
        <Text className={`event-card__seats event-card__seats--${seats.tone}`}>{seats.text}</Text>
        <Text className="event-card__more">查看详情</Text>
      </View>
    </View>
  );
}
