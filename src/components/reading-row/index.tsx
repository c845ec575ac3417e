import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useRef } from 'react';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import ListRow from '../list-row';

/** The 我的 tab's reading row: notes posted and the best current streak, loaded on its own so a failure hides only the figures. */
export default function ReadingRow() {
  const load = useCallback(() => call('clubs', 'myReading', {}), []);
  const reading = useRemote(load);
  const { reload } = reading;
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) void reload();
    shownBefore.current = true;
  });

  const data = reading.data;
  const streak = data ? Math.max(0, ...data.clubs.map((club) => club.streakDays)) : 0;
  const note = !data ? undefined : data.totalNotes === 0 ? '还没有打卡' : `笔记 ${data.totalNotes} 篇 · 连续打卡 ${streak} 天`;
  return <ListRow title="我的读书" note={note} onClick={() => void Taro.switchTab({ url: '/pages/clubs/index' })} />;
}
