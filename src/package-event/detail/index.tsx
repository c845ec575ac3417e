import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { EventDetail, EventQuestion } from '../../../cloudfunctions/shared/contract/events';
import { eventKindLabels } from '../../../cloudfunctions/shared/contract/vocabulary';
import EmptyState from '../../components/empty-state';
import ErrorState from '../../components/error-state';
import LoadingSkeleton from '../../components/loading-skeleton';
import Tag from '../../components/tag';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { eventPhase, seatsBadge } from '../../utils/event-display';
import { formatDateTime, formatEventTime } from '../../utils/time';
import './index.scss';

const questionKindLabels: Record<EventQuestion['kind'], string> = { text: '填空', single: '单选', multiple: '多选' };

function signupNotes(event: EventDetail, now: Date): string[] {
  const notes: string[] = [];
  if (event.membersOnly) notes.push('仅限会员报名');
  if (event.requiresApproval) notes.push('报名后需主办方审核，审核通过方可参加');
  if (event.team) notes.push(`以团队报名，每队 ${event.team.minSize}–${event.team.maxSize} 人`);
  if (event.cancellationDeadline) notes.push(`${formatDateTime(event.cancellationDeadline, now)} 前可取消报名`);
  return notes;
}

export default function EventDetailPage() {
  const { params } = useRouter();
  const eventId = params.id ?? '';
  const load = useCallback(() => call('events', 'get', { id: eventId }), [eventId]);
  const remote = useRemote(load);
  const [now] = useState(() => new Date());

  if (!remote.data) {
    if (remote.error?.code === 'NOT_FOUND' || remote.error?.code === 'VALIDATION_FAILED') {
      return (
        <View className="page">
          <EmptyState mark="无" title="活动不存在或已被删除" hint="它可能已被主办方撤下，去看看其他活动吧。" actionText="返回活动列表" onAction={() => void Taro.switchTab({ url: '/pages/events/index' })} />
        </View>
      );
    }
    return (
      <View className="page">
        {remote.error ? <ErrorState message={remote.error.message} onRetry={() => void remote.reload()} /> : <LoadingSkeleton cards={2} />}
      </View>
    );
  }

  const event = remote.data;
  const phase = eventPhase(event, now);
  const seats = seatsBadge(event);
  const [host, ...coHosts] = event.hosts;
  const notes = signupNotes(event, now);
  const copyAddress = () => void Taro.setClipboardData({ data: `${event.venue.name} ${event.venue.address}` });

  return (
    <View className="detail">
      <View className="detail__hero">
        <View className="detail__tags">
          <Tag text={eventKindLabels[event.kind]} solid />
          <Tag text={phase.text} tone={phase.tone} />
        </View>
        <Text className="detail__title">{event.title}</Text>
      </View>

      <View className="detail__card">
        <View className="detail__row">
          <Text className="detail__label">时间</Text>
          <Text className="detail__value">{formatEventTime(event.startAt, event.endAt, now)}</Text>
        </View>
        <View className="detail__row" hoverClass="detail__row--pressed" onClick={copyAddress}>
          <Text className="detail__label">地点</Text>
          <View className="detail__value">
            <Text className="detail__strong">{event.venue.name}</Text>
            <Text className="detail__sub">{event.venue.address}</Text>
          </View>
          <Text className="detail__action">复制</Text>
        </View>
        <View className="detail__row">
          <Text className="detail__label">主办</Text>
          <View className="detail__value">
            <Text className="detail__strong">{host?.name}</Text>
            {coHosts.length > 0 && <Text className="detail__sub">协办：{coHosts.map((org) => org.name).join('、')}</Text>}
          </View>
        </View>
        <View className="detail__row">
          <Text className="detail__label">报名</Text>
          <Text className="detail__value">
            {formatDateTime(event.signupOpensAt, now)} 至 {formatDateTime(event.signupClosesAt, now)}
          </Text>
        </View>
        <View className="detail__row">
          <Text className="detail__label">名额</Text>
          <View className="detail__value">
            <Text className="detail__strong">共 {event.capacity} 席，已报 {event.seatsTaken} 人</Text>
            <Text className={`detail__seats detail__seats--${seats.tone}`}>{seats.text}</Text>
          </View>
        </View>
      </View>

      {notes.length > 0 && (
        <View className="detail__card">
          <Text className="detail__heading">报名须知</Text>
          {notes.map((note) => (
            <Text key={note} className="detail__note">
              {note}
            </Text>
          ))}
        </View>
      )}

      {event.schedule.length > 0 && (
        <View className="detail__card">
          <Text className="detail__heading">活动日程</Text>
          {event.schedule.map((item, index) => (
            <View key={`${item.time}-${index}`} className="detail__schedule">
              <Text className="detail__schedule-time">{item.time}</Text>
              <Text className="detail__schedule-title">{item.title}</Text>
            </View>
          ))}
        </View>
      )}

      <View className="detail__card">
        <Text className="detail__heading">活动介绍</Text>
        <Text className="detail__description" userSelect>
          {event.description || '主办方暂未填写活动介绍。'}
        </Text>
      </View>

      {event.questions.length > 0 && (
        <View className="detail__card">
          <Text className="detail__heading">报名时需填写</Text>
          {event.questions.map((question, index) => (
            <View key={question.id} className="detail__question">
              <Text className="detail__question-label">
                {index + 1}. {question.label}
                {question.required && <Text className="detail__required"> *</Text>}
              </Text>
              <Text className="detail__question-kind">
                {questionKindLabels[question.kind]}
                {question.options.length > 0 && `：${question.options.join(' / ')}`}
              </Text>
            </View>
          ))}
        </View>
      )}

      <View className="detail__bar">
        <View className="detail__bar-seats">
          <Text className={`detail__seats detail__seats--${seats.tone}`}>{seats.text}</Text>
          <Text className="detail__bar-hint">报名功能开发中，敬请期待</Text>
        </View>
        <View className="btn btn--disabled detail__signup">报名功能即将上线</View>
      </View>
    </View>
  );
}
