import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import type { ClubDetail, ClubSessionSummary, NoteView } from '../../../cloudfunctions/shared/contract/clubs';
import BookCover from '../../components/book-cover';
import EmptyState from '../../components/empty-state';
import ErrorState from '../../components/error-state';
import ListFooter from '../../components/list-footer';
import LoadingSkeleton from '../../components/loading-skeleton';
import Tag from '../../components/tag';
import { usePagedList } from '../../hooks/use-paged-list';
import { useSubmitting } from '../../hooks/use-submitting';
import { call } from '../../services/api';
import { memberCountText, orderFeed } from '../../utils/club-display';
import { eventPhase, seatsBadge } from '../../utils/event-display';
import { formatEventTime, inShanghai } from '../../utils/time';
import NoteItem, { type NoteAction } from '../components/note-item';
import { clubManageUrl, clubStatsUrl, noteEditorUrl, sessionUrl } from '../helpers/club-links';
import { explainFailure } from '../helpers/toast';
import { useClub } from '../helpers/use-club';
import './index.scss';

const noteKey = (note: NoteView) => note.id;

function Session({ session, now }: { session: ClubSessionSummary; now: Date }) {
  const phase = eventPhase(session, now);
  const seats = seatsBadge(session);
  const start = inShanghai(session.startAt);
  return (
    <View
      className={`club-session${session.status === 'cancelled' ? ' club-session--cancelled' : ''}`}
      hoverClass="club-session--pressed"
      onClick={() => void Taro.navigateTo({ url: sessionUrl(session.id) })}
    >
      <View className="club-session__date">
        <Text className="club-session__day">{start.date()}</Text>
        <Text className="club-session__month">{`${start.month() + 1}月`}</Text>
      </View>
      <View className="club-session__main">
        <Text className="club-session__topic">{session.topic || '本期话题待定'}</Text>
        <Text className="club-session__when">{formatEventTime(session.startAt, session.endAt, now)}</Text>
        <View className="club-session__tags">
          <Tag text={phase.text} tone={phase.tone} />
          {session.status !== 'cancelled' && <Tag text={seats.text} tone={seats.tone} />}
        </View>
      </View>
      <Text className="club-session__arrow">›</Text>
    </View>
  );
}

function ClubBody({ club, now, onChange }: { club: ClubDetail; now: Date; onChange: (club: ClubDetail) => void }) {
  const [busy, submit] = useSubmitting();
  const [noteBusy, setNoteBusy] = useState('');
  const [changedNotes, setChangedNotes] = useState<Map<string, NoteView>>(() => new Map());
  const [showBooks, setShowBooks] = useState(false);
  const fetchNotes = useCallback((page: number) => call('clubs', 'notes', { clubId: club.id, page, pageSize: 10 }), [club.id]);
  const feed = usePagedList(fetchNotes, noteKey);
  const notes = orderFeed(feed.items.map((note) => changedNotes.get(note.id) ?? note));
  const { refresh } = feed;
  const shownBefore = useRef(false);

  const refreshFeed = useCallback(async () => {
    setChangedNotes(new Map());
    await refresh();
  }, [refresh]);

  // Back from the note editor, the new note belongs at the top of the feed.
  useDidShow(() => {
    if (shownBefore.current) void refreshFeed();
    shownBefore.current = true;
  });
  usePullDownRefresh(() => void refreshFeed());
  useReachBottom(() => {
    void feed.loadMore();
  });

  const join = () =>
    submit(async () => {
      try {
        onChange(await call('clubs', 'join', { clubId: club.id }));
        void Taro.showToast({ title: '已加入读书会', icon: 'success' });
      } catch (failure) {
        await explainFailure(failure);
      }
    });

  const leave = async () => {
    const { confirm } = await Taro.showModal({
      title: '退出读书会',
      content: '退出后不再收到共读安排，已发布的读书笔记会保留。已报名的共读场次请在活动页自行取消。确定退出吗？',
      confirmText: '退出',
      confirmColor: '#C8102E',
      cancelText: '再想想',
    });
    if (!confirm) return;
    await submit(async () => {
      try {
        onChange(await call('clubs', 'leave', { clubId: club.id }));
        void Taro.showToast({ title: '已退出', icon: 'success' });
      } catch (failure) {
        await explainFailure(failure);
      }
    });
  };

  const writeNote = () => {
    if (!club.currentBook) {
      void Taro.showToast({ title: '读书会还没有设定正在共读的书', icon: 'none' });
      return;
    }
    void Taro.navigateTo({ url: noteEditorUrl(club.id) });
  };

  const actOnNote = async (note: NoteView, action: NoteAction) => {
    if (action === 'report') {
      const { confirm } = await Taro.showModal({
        title: '举报这条笔记',
        content: '笔记内容不当（如广告、攻击他人、与读书无关）时请举报。多人举报后笔记将先隐藏，由组织者处理。',
        confirmText: '举报',
        confirmColor: '#C8102E',
        cancelText: '取消',
      });
      if (!confirm) return;
    }
    if (action === 'hide') {
      const { confirm } = await Taro.showModal({ title: '隐藏这条笔记', content: '隐藏后其他会员看不到，作者本人仍可看到并显示为已隐藏。', confirmText: '隐藏', confirmColor: '#C8102E' });
      if (!confirm) return;
    }
    setNoteBusy(note.id);
    try {
      const changed =
        action === 'report'
          ? await call('clubs', 'reportNote', { noteId: note.id })
          : action === 'pin' || action === 'unpin'
            ? await call('clubs', 'pinNote', { noteId: note.id, pinned: action === 'pin' })
            : await call('clubs', 'moderateNote', { noteId: note.id, hidden: action === 'hide' });
      setChangedNotes((before) => new Map(before).set(changed.id, changed));
      const done = { report: '已举报，感谢反馈', pin: '已置顶', unpin: '已取消置顶', hide: '已隐藏', show: '已恢复显示' }[action];
      void Taro.showToast({ title: done, icon: 'none' });
    } catch (failure) {
      await explainFailure(failure);
    } finally {
      setNoteBusy('');
    }
  };

  const book = club.currentBook;
  const full = club.memberCap !== null && club.memberCount >= club.memberCap;
  return (
    <View className="club">
      <View className="club__header">
        <Text className="club__name">{club.name}</Text>
        <Text className="club__org">{club.orgName}</Text>
        <View className="club__facts">
          <Text className="club__fact">{memberCountText(club.memberCount, club.memberCap)}</Text>
          {club.scheduleText && <Text className="club__fact">{club.scheduleText}</Text>}
        </View>
        {club.description && <Text className="club__description">{club.description}</Text>}
        <View className="club__actions">
          {club.joined ? (
            <View className="btn club__leave club-join club-join--joined" hoverClass="btn--pressed" onClick={() => !busy && void leave()}>
              {busy ? '处理中…' : '已加入 · 退出'}
            </View>
          ) : full ? (
            <View className="btn btn--disabled club-join club-join--full">成员已满</View>
          ) : (
            <View className="btn club__join club-join" hoverClass="btn--pressed" onClick={() => !busy && void join()}>
              {busy ? '加入中…' : '加入读书会'}
            </View>
          )}
        </View>
      </View>

      {club.canManage && (
        <View className="club__manage">
          <View className="club__manage-item" hoverClass="btn--pressed" onClick={() => void Taro.navigateTo({ url: clubManageUrl(club.id) })}>
            <Text className="club__manage-title">管理读书会</Text>
            <Text className="club__manage-note">书目 · 时间安排 · 场次话题</Text>
          </View>
          <View className="club__manage-item" hoverClass="btn--pressed" onClick={() => void Taro.navigateTo({ url: clubStatsUrl(club.id) })}>
            <Text className="club__manage-title">数据</Text>
            <Text className="club__manage-note">出勤 · 活跃读者</Text>
          </View>
        </View>
      )}

      {club.myNotes && (
        <View className="club__mine">
          <View className="club__mine-figure">
            <Text className="club__mine-number">{club.myNotes.count}</Text>
            <Text className="club__mine-label">我的笔记</Text>
          </View>
          <View className="club__mine-figure">
            <Text className="club__mine-number">{club.myNotes.streakDays}</Text>
            <Text className="club__mine-label">连续打卡（天）</Text>
          </View>
          {club.joined && (
            <View className="btn btn--primary club__checkin" hoverClass="btn--pressed" onClick={writeNote}>
              打卡
            </View>
          )}
        </View>
      )}

      <View className="section-title">正在共读</View>
      <View className="club__card">
        {book ? (
          <View className="club__book">
            <BookCover title={book.title} coverUrl={book.coverUrl} size="large" />
            <View className="club__book-info">
              <Text className="club__book-title">《{book.title}》</Text>
              {book.author && <Text className="club__book-line">{book.author}</Text>}
              {book.isbn && <Text className="club__book-line club__book-isbn">{`ISBN ${book.isbn}`}</Text>}
              <Text className="club__book-line club__book-since">{`${inShanghai(book.startedAt).format('YYYY年M月D日')}开始共读`}</Text>
            </View>
          </View>
        ) : (
          <Text className="club__muted">组织者还没有选定本期书目。</Text>
        )}
        {book?.reason && (
          <View className="club__reason">
            <Text className="club__reason-label">推荐理由</Text>
            <Text className="club__reason-text">{book.reason}</Text>
          </View>
        )}
        {club.books.length > 0 && (
          <View className="club__history">
            <View className="club__history-toggle" onClick={() => setShowBooks(!showBooks)}>
              <Text>{`读过的书 · ${club.books.length} 本`}</Text>
              <Text className="club__history-caret">{showBooks ? '收起' : '展开'}</Text>
            </View>
            {showBooks &&
              club.books.map((past) => (
                <View key={`${past.title}-${past.startedAt}`} className="club__history-row">
                  <Text className="club__history-title">{`《${past.title}》${past.author ? ` ${past.author}` : ''}`}</Text>
                  <Text className="club__history-when">{`${inShanghai(past.startedAt).format('YYYY.M')}${past.finishedAt ? `–${inShanghai(past.finishedAt).format('YYYY.M')}` : ''}`}</Text>
                </View>
              ))}
          </View>
        )}
      </View>

      <View className="section-title">近期共读</View>
      {club.upcomingSessions.length === 0 ? (
        <View className="club__card">
          <Text className="club__muted">{club.schedule ? '暂时没有安排中的场次。' : '读书会还没有设定共读时间。'}</Text>
        </View>
      ) : (
        <View className="club__sessions">
          {club.upcomingSessions.map((session) => (
            <Session key={session.id} session={session} now={now} />
          ))}
          <Text className="club__sessions-hint">点击场次报名；到场后在活动页用场地签到码自助签到。</Text>
        </View>
      )}

      <View className="section-title club__feed-title">
        <Text>读书笔记</Text>
        {club.joined && (
          <Text className="club__feed-write" onClick={writeNote}>
            写笔记 ›
          </Text>
        )}
      </View>
      {feed.loading && feed.items.length === 0 ? (
        <LoadingSkeleton cards={2} />
      ) : feed.error ? (
        <ErrorState message={feed.error.message} onRetry={() => void refreshFeed()} />
      ) : notes.length === 0 ? (
        <EmptyState mark="记" title="还没有读书笔记" hint={club.joined ? '读到触动你的段落？点「打卡」写下第一条笔记。' : '加入读书会后即可打卡分享读书笔记。'} />
      ) : (
        <View>
          {notes.map((note) => (
            <NoteItem
              key={note.id}
              note={note}
              now={now}
              canManage={club.canManage}
              canReport={club.joined}
              busy={noteBusy === note.id}
              onAction={(target, action) => void actOnNote(target, action)}
            />
          ))}
          <ListFooter list={feed} endText="没有更多笔记了" />
        </View>
      )}
    </View>
  );
}

function showClubName(club: ClubDetail) {
  void Taro.setNavigationBarTitle({ title: club.name });
}

export default function ClubDetailPage() {
  const { params } = useRouter();
  const clubId = params.id ?? '';
  const { now, setNow, club, setLatest, error, reload } = useClub(clubId, showClubName);
  usePullDownRefresh(async () => {
    setNow(new Date());
    await reload();
    Taro.stopPullDownRefresh();
  });

  if (!club) {
    return (
      <View className="page">
        {error ? (
          error.code === 'NOT_FOUND' ? (
            <EmptyState mark="读" title="读书会不存在" hint="它可能已被删除，请返回读书会列表。" />
          ) : (
            <ErrorState message={error.message} onRetry={() => void reload()} />
          )
        ) : (
          <LoadingSkeleton cards={3} />
        )}
      </View>
    );
  }
  return <ClubBody club={club} now={now} onChange={setLatest} />;
}
