import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useCallback, useRef } from 'react';
import ListRow from '../../components/list-row';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { formatEventTime } from '../../utils/time';
import { type CheckinPage, checkinPageUrl } from '../../utils/checkin-entry';
import { organizerRefusal } from '../helpers/refusal';
import { counterPercent, counterText, windowText } from '../helpers/scan-display';
import PagePlaceholder from '../components/page-placeholder';
import './index.scss';

const entries: { page: CheckinPage; title: string; note: string }[] = [
  { page: 'scan', title: '扫码签到', note: '摄像头或扫码枪' },
  { page: 'attendees', title: '签到名单', note: '查找、手动签到、撤销' },
  { page: 'stewards', title: '签到员', note: '指派本场扫码人员' },
  { page: 'log', title: '扫码记录', note: '全部、未通过、冲突' },
  { page: 'venue', title: '自助签到码', note: '小型活动会员自行扫码' },
];

/** 签到管理: the organizer's way into everything about check-in for one event. */
export default function CheckinManagePage() {
  const { params } = useRouter();
  const eventId = params.eventId ?? '';
  // Opening the scanner session also tells whether the caller is staff here, and gives the window and counter.
  const load = useCallback(() => call('checkin', 'openScanner', { eventId }), [eventId]);
  const remote = useRemote(load);
  const shownBefore = useRef(false);
  const reload = remote.reload;
  useDidShow(() => {
    if (shownBefore.current) void reload();
    shownBefore.current = true;
  });

  const session = remote.data;
  if (!session) {
    return <PagePlaceholder remote={remote} refusalOf={organizerRefusal} mark="签" cards={2} />;
  }

  const now = new Date();
  const visible = session.role === 'organizer' ? entries : entries.filter((entry) => entry.page === 'scan');
  return (
    <View className="checkin-manage">
      <View className="checkin-manage__head">
        <Text className="checkin-manage__title">{session.event.title}</Text>
        <Text className="checkin-manage__when">{formatEventTime(session.event.startAt, session.event.endAt, now)}</Text>
        <Text className="checkin-manage__when">{windowText(session, now)}</Text>
        <Text className="checkin-manage__counter">{counterText(session.counter)}</Text>
        <View className="checkin-manage__track">
          <View className="checkin-manage__fill" style={{ width: `${counterPercent(session.counter)}%` }} />
        </View>
      </View>
      <View className="checkin-manage__list">
        {visible.map((entry) => (
          <ListRow key={entry.page} title={entry.title} note={entry.note} onClick={() => void Taro.navigateTo({ url: checkinPageUrl(entry.page, eventId) })} />
        ))}
      </View>
    </View>
  );
}
