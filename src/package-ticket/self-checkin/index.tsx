import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { codeStepSeconds } from '../../../cloudfunctions/shared/contract/ticket-code';
import EmptyState from '../../components/empty-state';
import ErrorState from '../../components/error-state';
import LoadingSkeleton from '../../components/loading-skeleton';
import { useRemote } from '../../hooks/use-remote';
import { call, toApiError } from '../../services/api';
import { newRequestId } from '../../utils/request-id';
import { type Gate, gateOfFailure, gateOfResult, readVenueCode } from '../../utils/self-checkin';
import { checkinLine } from '../../utils/ticket-display';
import { ticketPageUrl } from '../../utils/ticket-links';
import { formatEventTime } from '../../utils/time';
import CodeScanner from './code-scanner';
import './index.scss';

function GateScreen({ gate, onAgain, onRetry, onDone }: { gate: Gate; onAgain: () => void; onRetry: (() => void) | null; onDone: () => void }) {
  return (
    <View className={`gate ${gate.pass ? 'gate--pass' : 'gate--stop'}`}>
      <View className="gate__mark" />
      <Text className="gate__title">{gate.title}</Text>
      {gate.detail && <Text className="gate__detail">{gate.detail}</Text>}
      {gate.checkedIn && <Text className="gate__time">{gate.checkedIn}</Text>}
      <View className="gate__actions">
        {gate.pass ? (
          <View className="gate__button gate__button--solid" hoverClass="btn--pressed" onClick={onDone}>
            完成
          </View>
        ) : (
          <>
            {onRetry && (
              <View className="gate__button gate__button--solid" hoverClass="btn--pressed" onClick={onRetry}>
                重试
              </View>
            )}
            <View className={`gate__button ${onRetry ? 'gate__button--outline' : 'gate__button--solid'}`} hoverClass="btn--pressed" onClick={onAgain}>
              重新扫码
            </View>
          </>
        )}
      </View>
    </View>
  );
}

export default function SelfCheckInPage() {
  const { params } = useRouter();
  const eventId = params.eventId ?? '';
  const loadTicket = useCallback(() => call('checkin', 'ticket', { eventId }), [eventId]);
  const ticket = useRemote(loadTicket);
  const [gate, setGate] = useState<Gate | null>(null);
  const [busy, setBusy] = useState(false);
  const [typed, setTyped] = useState('');
  /** The code whose call never got an answer: 重试 sends it again with the same nonce. */
  const [unanswered, setUnanswered] = useState<string | null>(null);
  const attempt = useRef<{ code: string; nonce: string } | null>(null);
  const inFlight = useRef(false);
  const reloadTicket = ticket.reload;

  const submit = useCallback(
    async (text: string) => {
      if (inFlight.current) return;
      const reading = readVenueCode(text, eventId || null);
      if (!reading.ok) {
        setGate(reading.gate);
        return;
      }
      // The same code again (a retry after a lost answer) keeps its nonce, so the server counts it once.
      if (attempt.current?.code !== reading.code) attempt.current = { code: reading.code, nonce: newRequestId() };
      const { code, nonce } = attempt.current;
      inFlight.current = true;
      setBusy(true);
      setUnanswered(null);
      try {
        const result = await call('checkin', 'selfCheckIn', { code, nonce });
        const answer = gateOfResult(result, new Date());
        setGate(answer);
        if (answer.pass) {
          if (process.env.TARO_ENV === 'weapp') void Taro.vibrateShort({ type: 'medium' }).catch(() => undefined);
          void reloadTicket();
        }
      } catch (failure) {
        const error = toApiError(failure);
        setGate(gateOfFailure(error));
        if (error.code === 'NETWORK') setUnanswered(code);
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
    },
    [eventId, reloadTicket],
  );

  const again = () => {
    setGate(null);
    setUnanswered(null);
  };
  const done = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.redirectTo({ url: ticketPageUrl(eventId) });
  };

  if (!ticket.data) {
    const code = ticket.error?.code;
    if (code === 'TICKET_NOT_READY') {
      return (
        <View className="page">
          <EmptyState mark="候" title="报名确认后才能签到" hint="候补、待审核或组队中的报名暂不能签到，确认后再来扫码。" />
        </View>
      );
    }
    if (code === 'NOT_REGISTERED' || code === 'NOT_FOUND' || code === 'VALIDATION_FAILED') {
      return (
        <View className="page">
          <EmptyState mark="签" title={ticket.error?.message ?? '没有找到你的报名'} hint="只有报名成功的活动才能自助签到。" />
        </View>
      );
    }
    return (
      <View className="page">
        {ticket.error ? <ErrorState message={ticket.error.message} onRetry={() => void ticket.reload()} /> : <LoadingSkeleton cards={2} />}
      </View>
    );
  }

  const { event, checkin } = ticket.data;
  if (gate) {
    return <GateScreen gate={gate} onAgain={again} onRetry={unanswered ? () => void submit(unanswered) : null} onDone={done} />;
  }

  return (
    <View className="self-checkin">
      <View className="self-checkin__event">
        <Text className="self-checkin__title">{event.title}</Text>
        <Text className="self-checkin__meta">{formatEventTime(event.startAt, event.endAt)}</Text>
        <Text className="self-checkin__meta">{event.venue.name}</Text>
      </View>

      {checkin ? (
        <View className="self-checkin__done">
          <View className="self-checkin__done-mark" />
          <Text className="self-checkin__done-title">你已签到</Text>
          <Text className="self-checkin__done-time">{checkinLine(checkin, new Date())}</Text>
          <View className="btn btn--ghost self-checkin__back" hoverClass="btn--pressed" onClick={done}>
            返回签到码
          </View>
        </View>
      ) : (
        <>
          <View className="self-checkin__scanner">
            <CodeScanner paused={busy} onCode={(text) => void submit(text)} />
            {busy && <Text className="self-checkin__busy">正在签到…</Text>}
          </View>

          <View className="self-checkin__manual">
            <Text className="self-checkin__manual-label">无法扫码？粘贴现场签到码</Text>
            <View className="self-checkin__manual-row">
              <Input
                className="self-checkin__input"
                value={typed}
                placeholder="XV1. 开头的签到码"
                confirmType="done"
                onInput={(input) => setTyped(input.detail.value)}
                onConfirm={() => void submit(typed)}
              />
              <View
                className={`btn ${typed.trim() && !busy ? 'btn--primary' : 'btn--disabled'} self-checkin__submit`}
                hoverClass="btn--pressed"
                onClick={typed.trim() && !busy ? () => void submit(typed) : undefined}
              >
                签到
              </View>
            </View>
          </View>

          <View className="self-checkin__notes">
            <Text className="self-checkin__note">自助签到码由组织者在现场展示，每 {codeStepSeconds} 秒更新一次。</Text>
            <Text className="self-checkin__note">仅限报名成功的本人在签到时间内使用。</Text>
          </View>
        </>
      )}
    </View>
  );
}
