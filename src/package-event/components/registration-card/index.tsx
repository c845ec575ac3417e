import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { answerText } from '../../../../cloudfunctions/shared/contract/answer-rules';
import type { EventDetail } from '../../../../cloudfunctions/shared/contract/events';
import type { MyRegistration } from '../../../../cloudfunctions/shared/contract/registrations';
import Tag from '../../../components/tag';
import { calendarEntry } from '../../../utils/calendar-entry';
import { maskMobile } from '../../../utils/mask';
import { canSelfCancel, cancelLabel, countdownText, isActiveRegistration, registrationBadge, registrationExplanation } from '../../../utils/registration-display';
import { ticketPageUrl } from '../../../utils/ticket-links';
import { formatDateTime } from '../../../utils/time';
import TeamPanel from '../team-panel';
import { addToCalendar } from './calendar';
import './index.scss';

export interface RegistrationCardProps {
  registration: MyRegistration;
  event: EventDetail;
  now: Date;
  /** An action is on its way: the buttons wait. */
  busy: boolean;
  onClaim: () => void;
  onDecline: () => void;
  onCancel: () => void;
  onDisband: () => void;
}

function answerOf(registration: MyRegistration, questionId: string): string {
  const value = registration.answers[questionId];
  return value === undefined ? '' : answerText(value);
}

function addEventToCalendar(event: EventDetail) {
  addToCalendar(calendarEntry(event)).then(
    (done) => void Taro.showToast({ title: done, icon: 'none' }),
    () => void Taro.showToast({ title: '没能添加到日历，请在设置中允许访问日历后重试', icon: 'none' }),
  );
}

/** "My registration" on the event page: the status, what it means, what the member can do about it. */
export default function RegistrationCard({ registration, event, now, busy, onClaim, onDecline, onCancel, onDisband }: RegistrationCardProps) {
  const badge = registrationBadge(registration);
  const active = isActiveRegistration(registration.status);
  const offered = registration.status === 'offered';
  const countdown = registration.offerExpiresAt ? countdownText(registration.offerExpiresAt, now) : null;
  const captain = registration.team?.members.some((member) => member.isMe && member.isCaptain) ?? false;
  const answered = event.questions.filter((question) => answerOf(registration, question.id) !== '');
  const cancellable = !offered && !captain && canSelfCancel(registration, now);

  return (
    <View className={`registration-status registration-status--${registration.status}`}>
      <View className="registration-status__head">
        <Text className="registration-status__heading">我的报名</Text>
        <View className="registration-status__tag">
          <Tag text={badge.text} tone={badge.tone} solid />
        </View>
      </View>
      <Text className="registration-status__text">{registrationExplanation(registration, event, now)}</Text>
      {registration.status === 'confirmed' && (
        <View className="btn btn--primary registration-status__ticket" hoverClass="btn--pressed" onClick={() => void Taro.navigateTo({ url: ticketPageUrl(event.id) })}>
          查看签到码
        </View>
      )}
      {registration.status === 'confirmed' && (
        <View className="btn btn--plain registration-status__calendar" hoverClass="btn--pressed" onClick={() => addEventToCalendar(event)}>
          添加到日历（提前 1 小时提醒）
        </View>
      )}

      {offered && (
        <View className="registration-status__offer">
          <Text className="registration-status__countdown">{countdown ? `确认期限${countdown}` : '确认期限已到，正在更新状态…'}</Text>
          <View className="registration-status__offer-actions">
            <View className="btn btn--ghost registration-status__decline" hoverClass="btn--pressed" onClick={busy ? undefined : onDecline}>
              放弃
            </View>
            <View className="btn btn--primary registration-status__claim" hoverClass="btn--pressed" onClick={busy || !countdown ? undefined : onClaim}>
              确认参加
            </View>
          </View>
        </View>
      )}

      {registration.decisionMessage && (
        <View className="registration-status__message">
          <Text className="registration-status__message-label">主办方留言</Text>
          <Text className="registration-status__message-text">{registration.decisionMessage}</Text>
        </View>
      )}

      <View className="registration-status__facts">
        <View className="registration-status__fact">
          <Text className="registration-status__fact-label">报名人</Text>
          <Text className="registration-status__fact-value">
            {registration.contact.name} · {maskMobile(registration.contact.mobile)}
          </Text>
        </View>
        <View className="registration-status__fact">
          <Text className="registration-status__fact-label">报名时间</Text>
          <Text className="registration-status__fact-value">{formatDateTime(registration.registeredAt, now)}</Text>
        </View>
        {answered.map((question) => (
          <View key={question.id} className="registration-status__fact">
            <Text className="registration-status__fact-label">{question.label}</Text>
            <Text className="registration-status__fact-value">{answerOf(registration, question.id)}</Text>
          </View>
        ))}
      </View>

      {registration.team && active && <TeamPanel team={registration.team} canDisband={captain} busy={busy} onDisband={onDisband} />}

      {active && !offered && !captain && (
        <View className="registration-status__footer">
          {cancellable && registration.cancelUntil ? (
            <>
              <Text className="registration-status__deadline">{formatDateTime(registration.cancelUntil, now)} 前可自行{cancelLabel(registration)}</Text>
              <View className="registration-status__cancel" hoverClass="registration-status__cancel--pressed" onClick={busy ? undefined : onCancel}>
                {cancelLabel(registration)}
              </View>
            </>
          ) : (
            <Text className="registration-status__deadline">已过取消截止时间，如需取消请联系组织者</Text>
          )}
        </View>
      )}
    </View>
  );
}
