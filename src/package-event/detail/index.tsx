import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventDetail } from '../../../cloudfunctions/shared/contract/events';
import type { MyRegistration } from '../../../cloudfunctions/shared/contract/registrations';
import { eventKindLabels, questionKindLabels, roleLabels } from '../../../cloudfunctions/shared/contract/vocabulary';
import EmptyState from '../../components/empty-state';
import ErrorState from '../../components/error-state';
import LoadingSkeleton from '../../components/loading-skeleton';
import Tag from '../../components/tag';
import { useNow } from '../../hooks/use-now';
import { useRemote } from '../../hooks/use-remote';
import { call, toApiError } from '../../services/api';
import { checkinPageUrl, scannerEntryDue } from '../../utils/checkin-entry';
import { eventPhase, isFull, seatsLine, signupAvailability } from '../../utils/event-display';
import { cancelConfirm, cancelLabel, countdownText, isActiveRegistration, registrationBadge } from '../../utils/registration-display';
import { teamJoinPagePath } from '../../utils/team-invite';
import { guestInitial, guestLines, photoColumns, photoPreview, sectionOf, summaryAnchorId, summaryParagraphs, summaryPostedLine } from '../../utils/summary-display';
import { formatDateTime, formatEventTime } from '../../utils/time';
import RegistrationCard from '../components/registration-card';
import { eventDetailUrl } from '../event-navigation';
import { useInviteShare } from '../use-invite-share';
import './index.scss';

function signupNotes(event: EventDetail, now: Date): string[] {
  const notes: string[] = [];
  if (event.membersOnly) notes.push('仅限会员报名');
  if (event.requiresApproval) notes.push('报名后需主办方审核，审核通过方可参加');
  if (event.team) notes.push(`以团队报名，每队 ${event.team.minSize}–${event.team.maxSize} 人`);
  if (event.waitlistMode === 'offer') notes.push(`名额满后可候补；有名额空出时，候补者需在 ${event.offerHours} 小时内确认`);
  if (event.cancellationDeadline) notes.push(`${formatDateTime(event.cancellationDeadline, now)} 前可取消报名`);
  return notes;
}

async function confirmed(title: string, content: string, confirmText: string): Promise<boolean> {
  const { confirm } = await Taro.showModal({ title, content, confirmText, confirmColor: '#C8102E', cancelText: '再想想' });
  return confirm;
}

export default function EventDetailPage() {
  const { params } = useRouter();
  const eventId = params.id ?? '';
  const loadEvent = useCallback(() => call('events', 'get', { id: eventId }), [eventId]);
  const loadMine = useCallback(() => call('events', 'myRegistration', { eventId }), [eventId]);
  const remote = useRemote(loadEvent);
  const mine = useRemote<MyRegistration | null>(loadMine);
  const [acting, setActing] = useState(false);
  const registration = mine.data;
  const offered = registration?.status === 'offered';
  const now = useNow(offered ? 1000 : 30000);

  const event = remote.data;
  const team = registration && isActiveRegistration(registration.status) ? registration.team : null;
  const invite = team?.inviteCode && event ? { code: team.inviteCode, teamName: team.name, eventTitle: event.title } : null;
  useInviteShare(invite, { title: event?.title ?? '活动详情', path: eventDetailUrl(eventId) });

  // Back from the sign-up page (or anywhere else) the seats and my status may have moved.
  const shownBefore = useRef(false);
  const reloadEvent = remote.reload;
  const reloadMine = mine.reload;
  useDidShow(() => {
    if (shownBefore.current) {
      void reloadEvent();
      void reloadMine();
    }
    shownBefore.current = true;
  });

  // Around the event, ask once whether the viewer may scan here (stewards are per event: only the server knows).
  const [scanRole, setScanRole] = useState<'steward' | 'organizer' | null>(null);
  const scannerDue = event ? scannerEntryDue(event, now) : false;
  useEffect(() => {
    if (!scannerDue) return;
    let current = true;
    call('checkin', 'openScanner', { eventId })
      .then((session) => current && setScanRole(session.role))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [eventId, scannerDue]);

  // Opened from 我的报名 at the summary: scroll there once the event has loaded.
  const wantsSummary = sectionOf(params.section) === 'summary';
  const hasSummary = Boolean(remote.data?.summary);
  const scrolledToSummary = useRef(false);
  useEffect(() => {
    if (!wantsSummary || !hasSummary || scrolledToSummary.current) return;
    scrolledToSummary.current = true;
    Taro.nextTick(() => void Taro.pageScrollTo({ selector: `#${summaryAnchorId}`, duration: 300 }).catch(() => undefined));
  }, [wantsSummary, hasSummary]);

  // When a held seat's claim deadline passes, ask again: the offer has gone to the next in line.
  const offerLapsed = offered && registration?.offerExpiresAt ? countdownText(registration.offerExpiresAt, now) === null : false;
  useEffect(() => {
    if (offerLapsed) void reloadMine();
  }, [offerLapsed, reloadMine]);

  if (!event) {
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

  const phase = eventPhase(event, now);
  const seats = seatsLine(event);
  const [host, ...coHosts] = event.hosts;
  const notes = signupNotes(event, now);
  const availability = signupAvailability(event, now);
  const active = registration ? isActiveRegistration(registration.status) : false;
  const captain = team?.members.some((member) => member.isMe && member.isCaptain) ?? false;
  const copyAddress = () => void Taro.setClipboardData({ data: `${event.venue.name} ${event.venue.address}` });

  const act = async (run: () => Promise<unknown>, done: string) => {
    setActing(true);
    try {
      await run();
      void Taro.showToast({ title: done, icon: 'success' });
    } catch (failure) {
      void Taro.showToast({ title: toApiError(failure).message, icon: 'none', duration: 2500 });
    } finally {
      setActing(false);
      await Promise.all([reloadEvent(), reloadMine()]);
    }
  };

  const claim = () => void act(() => call('events', 'claimOffer', { eventId }), '已确认参加');
  const decline = async () => {
    if (await confirmed('放弃名额', '放弃后名额将让给下一位候补者，且不能撤回。确定放弃吗？', '确认放弃')) {
      await act(() => call('events', 'declineOffer', { eventId }), '已放弃');
    }
  };
  const cancel = async () => {
    if (!registration) return;
    const dialog = cancelConfirm(registration);
    if (await confirmed(dialog.title, dialog.content, dialog.confirmText)) {
      await act(() => call('events', 'cancel', { eventId }), '已取消');
    }
  };
  const disband = async () => {
    if (await confirmed('解散队伍', '解散后全体队员的报名都将取消，且不能撤回。确定解散吗？', '确认解散')) {
      await act(() => call('events', 'disbandTeam', { eventId }), '队伍已解散');
    }
  };

  const openSignup = () => void Taro.navigateTo({ url: `/package-event/signup/index?id=${encodeURIComponent(eventId)}` });
  const openTeamJoin = () => void Taro.navigateTo({ url: teamJoinPagePath });

  const barAction = () => {
    if (registration && active) {
      if (offered) {
        return (
          <View className="btn btn--primary detail__signup detail__claim" hoverClass="btn--pressed" onClick={acting ? undefined : claim}>
            确认参加
          </View>
        );
      }
      const badge = registrationBadge(registration);
      return <View className={`detail__bar-status detail__bar-status--${badge.tone}`}>{badge.text}</View>;
    }
    if (registration?.status === 'rejected') {
      return <View className="detail__bar-status detail__bar-status--muted">报名未通过</View>;
    }
    if (!availability.open) {
      return <View className="btn btn--disabled detail__signup detail__signup--closed">{availability.reason}</View>;
    }
    if (event.team) {
      return (
        <View className="detail__bar-buttons">
          <View className="btn btn--ghost detail__join-team" hoverClass="btn--pressed" onClick={openTeamJoin}>
            凭邀请码加入
          </View>
          <View className="btn btn--primary detail__signup" hoverClass="btn--pressed" onClick={openSignup}>
            创建队伍
          </View>
        </View>
      );
    }
    const again = registration !== null;
    return (
      <View className="btn btn--primary detail__signup" hoverClass="btn--pressed" onClick={openSignup}>
        {again ? '重新报名' : isFull(event) ? '候补报名' : '立即报名'}
      </View>
    );
  };

  const barHint = (() => {
    if (registration && active) {
      if (offered) return '候补名额已为你保留，请尽快确认';
      if (captain) return '你是队长，可在上方邀请队友或解散队伍';
      return registration.cancelUntil ? `${formatDateTime(registration.cancelUntil, now)} 前可自行${cancelLabel(registration)}` : '如需取消请联系组织者';
    }
    if (availability.open) return `${formatDateTime(event.signupClosesAt, now)} 截止报名`;
    if (event.status === 'cancelled') return '主办方已取消该活动';
    return `报名时间 ${formatDateTime(event.signupOpensAt, now)} 至 ${formatDateTime(event.signupClosesAt, now)}`;
  })();

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
            <Text className="detail__strong">
              {event.team ? `共 ${event.capacity} 队，已报 ${event.seatsTaken} 队` : `共 ${event.capacity} 席，已报 ${event.seatsTaken} 人`}
            </Text>
            <Text className={`detail__seats detail__seats--${seats.tone}`}>{seats.text}</Text>
          </View>
        </View>
        {scanRole && (
          <View className="detail__row detail__scan-entry" hoverClass="detail__row--pressed" onClick={() => void Taro.navigateTo({ url: checkinPageUrl('scan', eventId) })}>
            <Text className="detail__label">签到</Text>
            <Text className="detail__value detail__strong">{`你是本场${roleLabels[scanRole]}`}</Text>
            <Text className="detail__action">扫码签到 ›</Text>
          </View>
        )}
      </View>

      {registration && (
        <View className="detail__card">
          <RegistrationCard
            registration={registration}
            event={event}
            now={now}
            busy={acting}
            onClaim={claim}
            onDecline={() => void decline()}
            onCancel={() => void cancel()}
            onDisband={() => void disband()}
          />
        </View>
      )}
      {mine.error && (
        <View className="detail__card detail__mine-error" onClick={() => void reloadMine()}>
          <Text className="detail__mine-error-text">报名状态加载失败：{mine.error.message}</Text>
          <Text className="detail__action">重试</Text>
        </View>
      )}

      {event.summary && (
        <View id={summaryAnchorId} className="detail__card detail__summary">
          <View className="detail__summary-head">
            <Text className="detail__heading">活动回顾</Text>
            <Text className="detail__summary-posted">{summaryPostedLine(event.summary, now)}</Text>
          </View>
          {summaryParagraphs(event.summary.text).map((paragraph, index) => (
            <Text key={index} className="detail__summary-text" userSelect>
              {paragraph}
            </Text>
          ))}
          {event.summary.photoUrls.length > 0 && (
            <View className={`detail__photos detail__photos--${photoColumns(event.summary.photoUrls.length)}`}>
              {event.summary.photoUrls.map((url, index) => (
                <View key={url} className="detail__photo" onClick={() => void Taro.previewImage(photoPreview(event.summary?.photoUrls ?? [], index))}>
                  <Image className="detail__photo-image" src={url} mode="aspectFill" lazyLoad />
                </View>
              ))}
            </View>
          )}
        </View>
      )}

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

      {event.guests.length > 0 && (
        <View className="detail__card">
          <Text className="detail__heading">嘉宾</Text>
          {event.guests.map((guest, index) => {
            const lines = guestLines(guest);
            return (
              <View key={`${guest.name}-${index}`} className="detail__guest">
                <View className="detail__guest-mark">{guestInitial(guest)}</View>
                <View className="detail__guest-body">
                  <Text className="detail__guest-name">{guest.name}</Text>
                  {lines.title && <Text className="detail__guest-title">{lines.title}</Text>}
                  {lines.topic && <Text className="detail__guest-topic">{lines.topic}</Text>}
                </View>
              </View>
            );
          })}
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

      {event.questions.length > 0 && !active && (
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
          <Text className="detail__bar-hint">{barHint}</Text>
        </View>
        {mine.loading && registration === null && !mine.error ? (
          <View className="btn btn--disabled detail__signup">加载中…</View>
        ) : (
          barAction()
        )}
      </View>
    </View>
  );
}
