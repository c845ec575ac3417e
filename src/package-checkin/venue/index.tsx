import { Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CheckinCounter } from '../../../cloudfunctions/shared/contract/checkin';
import { codeStepSeconds, makeCode, timeStep } from '../../../cloudfunctions/shared/contract/ticket-code';
import QrCode from '../../components/qr-code';
import { useNow } from '../../hooks/use-now';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { organizerRefusal } from '../helpers/refusal';
import { counterText, windowText } from '../helpers/scan-display';
import PagePlaceholder from '../components/page-placeholder';
import './index.scss';

const counterEveryMs = 10000;
const stepMs = codeStepSeconds * 1000;

/** The organizer's phone or screen at a small session: a rotating code members scan to check themselves in. */
export default function VenueCodePage() {
  const { params } = useRouter();
  const eventId = params.eventId ?? '';
  const load = useCallback(async () => {
    const [venue, session] = await Promise.all([call('checkin', 'venueCode', { eventId }), call('checkin', 'openScanner', { eventId })]);
    // The code follows the server's clock, whatever this device's clock says.
    return { venue, session, offsetMs: Date.parse(venue.serverTime) - Date.now() };
  }, [eventId]);
  const remote = useRemote(load);
  const now = useNow(1000);
  const [counter, setCounter] = useState<CheckinCounter | null>(null);
  const [visible, setVisible] = useState(true);
  useDidShow(() => {
    setVisible(true);
    if (process.env.TARO_ENV === 'weapp') void Taro.setKeepScreenOn({ keepScreenOn: true });
  });
  useDidHide(() => setVisible(false));

  const data = remote.data;
  const serverNow = now.getTime() + (data?.offsetMs ?? 0);
  const step = timeStep(serverNow);
  const code = useMemo(() => (data ? makeCode('venue', data.venue.eventId, data.venue.secret, step * stepMs) : ''), [data, step]);

  useEffect(() => {
    if (!data || !visible) return;
    setCounter(data.session.counter);
    const timer = setInterval(() => {
      call('checkin', 'counter', { eventId })
        .then(setCounter)
        .catch(() => undefined);
    }, counterEveryMs);
    return () => clearInterval(timer);
  }, [data, eventId, visible]);

  if (!data) {
    return <PagePlaceholder remote={remote} refusalOf={organizerRefusal} mark="码" cards={1} />;
  }

  const secondsLeft = Math.ceil((stepMs - (serverNow % stepMs)) / 1000);
  return (
    <View className="venue-code">
      <Text className="venue-code__title">{data.session.event.title}</Text>
      <Text className="venue-code__window">{windowText(data.session, now)}</Text>
      <View className="venue-code__paper">
        <QrCode text={code} canvasId="venue-code-canvas" className="venue-code__qr" label="自助签到码" />
      </View>
      <Text className="venue-code__call">请用新联小程序扫码签到</Text>
      <Text className="venue-code__rotation">{`签到码每 ${codeStepSeconds} 秒更新，${secondsLeft} 秒后刷新；截图无效`}</Text>
      {counter && <Text className="venue-code__counter">{counterText(counter)}</Text>}
    </View>
  );
}
