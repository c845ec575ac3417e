import { Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TicketView } from '../../../cloudfunctions/shared/contract/checkin';
import { codeStepSeconds, timeStep } from '../../../cloudfunctions/shared/contract/ticket-code';
import EmptyState from '../../components/empty-state';
import ErrorState from '../../components/error-state';
import LoadingSkeleton from '../../components/loading-skeleton';
import QrCode from '../../components/qr-code';
import { useNow } from '../../hooks/use-now';
import { call, toApiError } from '../../services/api';
import { checkinLine, eventOver, failureDropsCachedTicket, screenAfterFailure, screenOfTicket, stepCountdown, ticketCode, type TicketScreen } from '../../utils/ticket-display';
import { selfCheckInPageUrl } from '../../utils/ticket-links';
import { formatEventTime } from '../../utils/time';
import { dropCachedTicket, readCachedTicket, saveCachedTicket } from '../ticket-storage';
import './index.scss';

/** How often an open ticket asks again, so 已签到 appears soon after the steward scans it. */
const refreshMs = 15_000;

function openEvent(eventId: string) {
  void Taro.redirectTo({ url: `/package-event/detail/index?id=${encodeURIComponent(eventId)}` });
}

function RotatingCode({ ticket, offsetMs }: { ticket: TicketView; offsetMs: number }) {
  const now = useNow(500);
  const at = now.getTime() + offsetMs;
  const step = timeStep(at);
  // One code per step: the QR repaints twice a minute, not on every tick of the countdown.
  const code = useMemo(() => ticketCode(ticket, step * codeStepSeconds * 1000), [ticket, step]);
  const countdown = stepCountdown(at);
  return (
    <View className="ticket__code">
      <View className="ticket__qr-frame">
        <QrCode text={code} canvasId="ticket-qr" className="ticket-qr" label="签到二维码" />
      </View>
      <View className="ticket__countdown">
        <View className="ticket__countdown-bar" style={{ width: `${Math.round(countdown.remaining * 1000) / 10}%` }} />
      </View>
      <Text className="ticket__countdown-text">{countdown.secondsLeft} 秒后自动刷新 · 截图无效</Text>
      <Text className="ticket-code-text" selectable userSelect>
        {code}
      </Text>
    </View>
  );
}

function TicketCard({ ticket, offsetMs, offline }: { ticket: TicketView; offsetMs: number; offline: boolean }) {
  const now = useNow(30_000);
  const over = eventOver(ticket, now.getTime() + offsetMs);
  const { event, checkin } = ticket;
  return (
    <View className="ticket">
      {offline && (
        <View className="ticket__offline">
          <Text className="ticket__offline-title">离线模式：签到码仍然有效</Text>
          <Text className="ticket__offline-text">网络恢复后会自动更新签到状态。</Text>
        </View>
      )}
      <View className="ticket__card">
        <View className="ticket__head">
          <Text className="ticket__kicker">活动签到码</Text>
          <Text className="ticket__title">{event.title}</Text>
          <Text className="ticket__time">{formatEventTime(event.startAt, event.endAt, now)}</Text>
          <Text className="ticket__venue">{event.venue.name}</Text>
          <Text className="ticket__address">{event.venue.address}</Text>
        </View>
        <View className="ticket__holder">
          <View className="ticket__fact">
            <Text className="ticket__label">参加人</Text>
            <Text className="ticket__value">{ticket.maskedName}</Text>
          </View>
          {ticket.team && (
            <View className="ticket__fact">
              <Text className="ticket__label">队伍</Text>
              <Text className="ticket__value">{ticket.team}</Text>
            </View>
          )}
        </View>
        <View className="ticket__tear" />
        {checkin ? (
          <View className="ticket-checked-in">
            <View className="ticket-checked-in__mark" />
            <Text className="ticket-checked-in__title">已签到</Text>
            <Text className="ticket-checked-in__time">{checkinLine(checkin, now)}</Text>
            <Text className="ticket-checked-in__hint">欢迎参加本次活动</Text>
          </View>
        ) : over ? (
          <View className="ticket__closed">
            <Text className="ticket__closed-title">活动已结束</Text>
            <Text className="ticket__closed-text">签到已关闭，签到码不再显示。</Text>
          </View>
        ) : (
          <RotatingCode ticket={ticket} offsetMs={offsetMs} />
        )}
      </View>
      {!checkin && !over && (
        <>
          <View className="ticket__tips">
            <Text className="ticket__tip">入场时请向工作人员出示此码，调亮屏幕更易识别。</Text>
            <Text className="ticket__tip">签到码每 {ticket.stepSeconds} 秒更新一次，截图或转发无效；没有网络时同样可用。</Text>
          </View>
          <View className="btn btn--ghost ticket__self" hoverClass="btn--pressed" onClick={() => void Taro.navigateTo({ url: selfCheckInPageUrl(event.id) })}>
            扫描现场签到码自助签到
          </View>
        </>
      )}
    </View>
  );
}

export default function TicketPage() {
  const { params } = useRouter();
  const eventId = params.eventId ?? '';
  // A ticket kept from last time shows at once; the answer replaces it a moment later.
  const [screen, setScreen] = useState<TicketScreen>(() => {
    const cached = readCachedTicket(eventId);
    return cached ? screenOfTicket(cached, false) : { kind: 'loading' };
  });
  const latest = useRef(0);

  const load = useCallback(async () => {
    const request = ++latest.current;
    try {
      const ticket = await call('checkin', 'ticket', { eventId });
      const cached = { ticket, receivedAt: Date.now() };
      saveCachedTicket(eventId, cached);
      if (request === latest.current) setScreen(screenOfTicket(cached, false));
    } catch (failure) {
      const error = toApiError(failure);
      if (failureDropsCachedTicket(error.code)) dropCachedTicket(eventId);
      if (request === latest.current) setScreen((shown) => screenAfterFailure(error, shown, readCachedTicket(eventId)));
    }
  }, [eventId]);

  const [visible, setVisible] = useState(true);
  const shownBefore = useRef(false);
  useDidShow(() => {
    setVisible(true);
    if (shownBefore.current) void load();
    shownBefore.current = true;
  });
  useDidHide(() => setVisible(false));

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (!visible) return;
    const timer = setInterval(() => void load(), refreshMs);
    return () => clearInterval(timer);
  }, [visible, load]);

  // A steward's camera reads a lit screen better; the code must not vanish behind the lock screen mid-queue.
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp' || !visible) return;
    void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined);
    return () => void Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined);
  }, [visible]);

  const retry = () => {
    setScreen({ kind: 'loading' });
    void load();
  };

  switch (screen.kind) {
    case 'loading':
      return (
        <View className="page">
          <LoadingSkeleton cards={2} />
        </View>
      );
    case 'error':
      return (
        <View className="page">
          <ErrorState message={screen.message} onRetry={retry} />
        </View>
      );
    case 'notReady':
      return (
        <View className="page">
          <EmptyState
            mark="候"
            title="暂时还没有签到码"
            hint="报名确认后才会生成签到码。候补、待审核或组队中的报名暂不能签到，确认后再来查看。"
            actionText="查看报名状态"
            onAction={() => openEvent(eventId)}
          />
        </View>
      );
    case 'notRegistered':
      return (
        <View className="page">
          <EmptyState mark="票" title={screen.message} hint="只有报名成功的活动才有签到码。" actionText="查看活动" onAction={() => openEvent(eventId)} />
        </View>
      );
    case 'ticket':
      return <TicketCard ticket={screen.ticket} offsetMs={screen.offsetMs} offline={screen.offline} />;
  }
}
