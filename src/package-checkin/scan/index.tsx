import { Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { roleLabels, scanRejectionLabels } from '../../../cloudfunctions/shared/contract/vocabulary';
import Tag from '../../components/tag';
import { useNow } from '../../hooks/use-now';
import { formatDateTime } from '../../utils/time';
import ScanResult from '../components/scan-result';
import ScannerField from '../components/scanner-field';
import { type CheckinPage, checkinPageUrl } from '../../utils/checkin-entry';
import { staffRefusal } from '../helpers/refusal';
import { checkinClock, counterPercent, counterText, pendingText, windowPhase, windowText } from '../helpers/scan-display';
import { useScanStation } from '../helpers/use-scan-station';
import CameraScanner, { scanOnce } from './camera-scanner';
import PagePlaceholder from '../components/page-placeholder';
import './index.scss';

const organizerTools = [
  { page: 'attendees', label: '签到名单' },
  { page: 'stewards', label: '签到员' },
  { page: 'log', label: '扫码记录' },
  { page: 'venue', label: '自助签到码' },
] as const;

export default function ScanPage() {
  const { params } = useRouter();
  const eventId = params.eventId ?? '';
  const [visible, setVisible] = useState(true);
  useDidShow(() => {
    setVisible(true);
    // A gate phone must not dim between arrivals.
    if (process.env.TARO_ENV === 'weapp') void Taro.setKeepScreenOn({ keepScreenOn: true });
  });
  useDidHide(() => setVisible(false));
  const station = useScanStation(eventId, visible);
  const now = useNow(30000);
  const { session: remote, offline, counter, result } = station;
  const session = remote.data;
  const kit = offline.kit;
  const offlineOnly = !session && kit !== null && remote.error?.code === 'NETWORK';

  if (!session && !offlineOnly) {
    return <PagePlaceholder remote={remote} refusalOf={staffRefusal} mark="签" cards={2} />;
  }

  const title = session?.event.title ?? kit?.preload.title ?? '';
  const checkInWindow = session ?? kit?.preload;
  const phase = checkInWindow ? windowPhase(checkInWindow, now) : 'open';
  const pending = offline.queue.length;
  const openTool = (page: CheckinPage) => void Taro.navigateTo({ url: checkinPageUrl(page, eventId) });
  const next = scanOnce
    ? () => {
        const open = scanOnce;
        station.dismiss();
        void open?.().then((text) => {
          if (text) station.submit(text);
        });
      }
    : undefined;

  return (
    <View className={`scan-page scan-page--${process.env.TARO_ENV}`}>
      <View className="scan-page__head">
        <View className="scan-page__title-row">
          <Text className="scan-page__title">{title}</Text>
          {session && <Tag text={roleLabels[session.role]} tone={session.role === 'organizer' ? 'brand' : 'info'} solid />}
        </View>
        {checkInWindow && <Text className={`scan-page__window scan-page__window--${phase}`}>{windowText(checkInWindow, now)}</Text>}
        {counter ? (
          <View className="scan-page__counter">
            <Text className="scan-counter">{counterText(counter)}</Text>
            <View className="scan-page__track">
              <View className="scan-page__fill" style={{ width: `${counterPercent(counter)}%` }} />
            </View>
          </View>
        ) : (
          <Text className="scan-page__note">离线中：实时人数待联网后更新</Text>
        )}
        {offlineOnly && <Text className="scan-page__offline-banner">网络不可用，正在使用本机离线包核验</Text>}
      </View>

      <View className="scan-page__inputs">
        <CameraScanner active={visible} onCode={station.submit} />
        <ScannerField onCode={station.submit} keepFocus={process.env.TARO_ENV === 'h5'} active={visible} />
        <Text className={`scan-page__checking${station.checking ? ' scan-page__checking--on' : ''}`}>{station.checking ? '核验中…' : `本机：${station.device}`}</Text>
      </View>

      <View className="scan-page__card scan-page__offline">
        <View className="scan-page__card-head">
          <Text className="scan-page__card-title">离线签到</Text>
          {pending > 0 && <Text className="scan-page__pending">{pendingText(pending)}</Text>}
        </View>
        {kit ? (
          <Text className="scan-page__card-text">
            {`已保存 ${kit.preload.tickets.length} 张签到码（${formatDateTime(kit.preparedAt, now)}）。断网时扫码在本机核验，联网后自动同步。`}
          </Text>
        ) : (
          <Text className="scan-page__card-text">场地网络不稳时，请先在有网络的地方点“离线准备”，把本场签到码保存到本机。</Text>
        )}
        <View className="scan-page__card-actions">
          <View
            className={`btn btn--ghost scan-page__prepare${station.preparing ? ' scan-page__button--busy' : ''}`}
            hoverClass="btn--pressed"
            onClick={station.preparing ? undefined : () => void station.prepare()}
          >
            {station.preparing ? '准备中…' : kit ? '更新离线包' : '离线准备'}
          </View>
          {pending > 0 && (
            <View
              className={`btn btn--primary scan-page__sync${station.syncing ? ' scan-page__button--busy' : ''}`}
              hoverClass="btn--pressed"
              onClick={station.syncing ? undefined : () => void station.sync()}
            >
              {station.syncing ? '同步中…' : '同步'}
            </View>
          )}
          {kit && pending === 0 && (
            <View className="btn btn--plain scan-page__discard" hoverClass="btn--pressed" onClick={station.discardKit}>
              清除离线包
            </View>
          )}
        </View>
        {station.lastSync && (station.lastSync.conflicts.length > 0 || station.lastSync.rejected.length > 0) && (
          <View className="scan-page__sync-report">
            {station.lastSync.conflicts.map((scan) => (
              <Text key={scan.nonce} className="scan-page__sync-line scan-page__sync-line--conflict">
                {`冲突：${scan.name}（本机 ${checkinClock(scan.scannedAt, now)}）已在其他设备先签到，不重复计数`}
              </Text>
            ))}
            {station.lastSync.rejected.map(({ scan, rejection }) => (
              <Text key={scan.nonce} className="scan-page__sync-line">
                {`未通过：${scan.name}（${checkinClock(scan.scannedAt, now)}）${scanRejectionLabels[rejection]}`}
              </Text>
            ))}
          </View>
        )}
      </View>

      {session?.role === 'organizer' && (
        <View className="scan-page__tools">
          {organizerTools.map((tool) => (
            <View key={tool.page} className="scan-page__tool" hoverClass="btn--pressed" onClick={() => openTool(tool.page)}>
              {tool.label}
            </View>
          ))}
        </View>
      )}

      {result && <ScanResult key={result.id} view={result.view} onDismiss={station.dismiss} onNext={next} />}
    </View>
  );
}
