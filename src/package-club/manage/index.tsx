import { Image, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { clubLimits } from '../../../cloudfunctions/shared/contract/club-limits';
import type { ClubDetail, ClubSessionSummary } from '../../../cloudfunctions/shared/contract/clubs';
import BookCover from '../../components/book-cover';
import EmptyState from '../../components/empty-state';
import ErrorState from '../../components/error-state';
import FormField, { formInputClass } from '../../components/form-field';
import LoadingSkeleton from '../../components/loading-skeleton';
import Tag from '../../components/tag';
import { useSubmitting } from '../../hooks/use-submitting';
import { call } from '../../services/api';
import { countText, describeSchedule, weekdayNames } from '../../utils/club-display';
import { eventPhase } from '../../utils/event-display';
import { formatEventTime } from '../../utils/time';
import ClubFields from '../components/club-fields';
import ClubSection from '../components/club-section';
import { pickCoverImage } from '../helpers/cover-image';
import { type ScheduleForm, scheduleFormFrom, toSchedule } from '../helpers/schedule-form';
import { explainFailure, toast } from '../helpers/toast';
import { useClub } from '../helpers/use-club';
import { useClubFieldsForm } from '../helpers/use-club-fields-form';
import './index.scss';

const monthDays = Array.from({ length: 31 }, (_, index) => index + 1);

/** An ISBN as typed on a book's back cover ("978-7-5086-...") in the form the server checks. */
function normalizeIsbn(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

function BasicsForm({ club, onSaved }: { club: ClubDetail; onSaved: (club: ClubDetail) => void }) {
  const basics = useClubFieldsForm(club);
  const [busy, submit] = useSubmitting();

  const save = async () => {
    const fields = basics.checked();
    if (!fields) return;
    await submit(async () => {
      try {
        onSaved(await call('clubs', 'update', { clubId: club.id, ...fields }));
        void Taro.showToast({ title: '基本信息已保存', icon: 'success' });
      } catch (failure) {
        await basics.refused(failure);
      }
    });
  };

  return (
    <ClubSection title="基本信息" note={club.orgName}>
      <ClubFields form={basics.form} problems={basics.problems} onChange={basics.edit} memberCount={club.memberCount} />
      <View className={`btn ${busy ? 'btn--disabled' : 'btn--primary'} club-manage__save club-manage__basics-save`} hoverClass="btn--pressed" onClick={() => !busy && void save()}>
        {busy ? '保存中…' : '保存基本信息'}
      </View>
    </ClubSection>
  );
}

function BookForm({ club, onSaved }: { club: ClubDetail; onSaved: (club: ClubDetail) => void }) {
  const current = club.currentBook;
  const [title, setTitle] = useState(current?.title ?? '');
  const [author, setAuthor] = useState(current?.author ?? '');
  const [isbn, setIsbn] = useState(current?.isbn ?? '');
  const [reason, setReason] = useState(current?.reason ?? '');
  const [cover, setCover] = useState<string | null>(null);
  const [busy, submit] = useSubmitting();
  const sameBook = current !== null && title.trim() === current.title && author.trim() === current.author && normalizeIsbn(isbn) === current.isbn;
  const reasonCount = countText(reason, clubLimits.reason);

  const chooseCover = async () => {
    try {
      const picked = await pickCoverImage();
      if (picked) setCover(picked);
    } catch (failure) {
      toast(failure instanceof Error ? failure.message : '无法读取这张图片，请换一张');
    }
  };

  const save = async () => {
    if (!title.trim()) return toast('请填写书名');
    if (reasonCount.over) return toast(`推荐理由不能超过 ${clubLimits.reason} 个字`);
    if (!sameBook && current) {
      const { confirm } = await Taro.showModal({
        title: '更换共读书目',
        content: `《${current.title}》将移入读过的书，之后的笔记记在《${title.trim()}》名下。`,
        confirmText: '更换',
        confirmColor: '#C8102E',
      });
      if (!confirm) return;
    }
    await submit(async () => {
      try {
        const book = { title: title.trim(), author: author.trim(), isbn: normalizeIsbn(isbn), reason: reason.trim(), ...(cover ? { cover } : {}) };
        onSaved(await call('clubs', 'setBook', { clubId: club.id, book }));
        setCover(null);
        void Taro.showToast({ title: '书目已保存', icon: 'success' });
      } catch (failure) {
        await explainFailure(failure);
      }
    });
  };

  const shownCover = cover ?? (sameBook ? current?.coverUrl ?? null : null);
  return (
    <ClubSection title="正在共读" note={current ? (sameBook ? '修改当前书目' : '将更换为新书') : '还没有书目'}>
      <View className="club-manage__cover-row">
        {shownCover ? <Image className="club-manage__cover" src={shownCover} mode="aspectFill" /> : <BookCover title={title} coverUrl={null} size="large" />}
        <View className="club-manage__cover-side">
          <View className="btn btn--ghost club-manage__cover-pick" hoverClass="btn--pressed" onClick={() => void chooseCover()}>
            {shownCover ? '更换封面' : '上传封面'}
          </View>
          <Text className="club-manage__hint">PNG 或 JPEG，会自动压缩；不上传时显示书名封面。</Text>
        </View>
      </View>
      <FormField label="书名">
        <Input className={formInputClass} value={title} maxlength={clubLimits.bookTitle} placeholder="如：乡土中国" onInput={(event) => setTitle(event.detail.value)} />
      </FormField>
      <FormField label="作者">
        <Input className={formInputClass} value={author} maxlength={clubLimits.author} placeholder="选填" onInput={(event) => setAuthor(event.detail.value)} />
      </FormField>
      <FormField label="ISBN">
        <Input className={formInputClass} value={isbn} maxlength={20} placeholder="选填，10 或 13 位" onInput={(event) => setIsbn(event.detail.value)} />
      </FormField>
      <View className="club-manage__stacked">
        <Text className="club-manage__stacked-label">推荐理由</Text>
        <Textarea className="club-manage__textarea" value={reason} maxlength={-1} autoHeight placeholder="为什么选这本书，适合谁读" onInput={(event) => setReason(event.detail.value)} />
        <Text className={`club-manage__count${reasonCount.over ? ' club-manage__count--over' : ''}`}>{reasonCount.text}</Text>
      </View>
      <View className={`btn ${busy ? 'btn--disabled' : 'btn--primary'} club-manage__save`} hoverClass="btn--pressed" onClick={() => !busy && void save()}>
        {busy ? '保存中…' : current && !sameBook ? '更换书目' : '保存书目'}
      </View>
    </ClubSection>
  );
}

function ScheduleEditor({ club, onSaved }: { club: ClubDetail; onSaved: (club: ClubDetail) => void }) {
  const [form, setForm] = useState<ScheduleForm>(() => scheduleFormFrom(club.schedule));
  const [busy, submit] = useSubmitting<'saving' | 'stopping' | 'generating'>();
  const edit = (patch: Partial<ScheduleForm>) => setForm({ ...form, ...patch });
  const check = toSchedule(form);

  const save = async () => {
    if (!check.schedule) return toast(check.problem);
    const schedule = check.schedule;
    await submit(async () => {
      try {
        const saved = await call('clubs', 'setSchedule', { clubId: club.id, schedule });
        onSaved(saved);
        void Taro.showToast({ title: `已保存，共 ${saved.upcomingSessions.length} 期待举行`, icon: 'none' });
      } catch (failure) {
        await explainFailure(failure);
      }
    }, 'saving');
  };

  const stop = async () => {
    const { confirm } = await Taro.showModal({
      title: '停止定期共读',
      content: '停止后不再生成新场次；没有人报名的未来场次将被移除，已有报名的场次保留。',
      confirmText: '停止',
      confirmColor: '#C8102E',
    });
    if (!confirm) return;
    await submit(async () => {
      try {
        onSaved(await call('clubs', 'setSchedule', { clubId: club.id, schedule: null }));
        void Taro.showToast({ title: '已停止', icon: 'success' });
      } catch (failure) {
        await explainFailure(failure);
      }
    }, 'stopping');
  };

  const generate = () =>
    submit(async () => {
      try {
        const { created } = await call('clubs', 'generateSessions', { clubId: club.id });
        onSaved(await call('clubs', 'get', { clubId: club.id }));
        void Taro.showToast({ title: created > 0 ? `已生成 ${created} 期场次` : '场次已是最新', icon: 'none' });
      } catch (failure) {
        await explainFailure(failure);
      }
    }, 'generating');

  return (
    <ClubSection title="共读安排" note="北京时间">
      <FormField label="频率">
        <View className="club-manage__chips">
          {(['weekly', 'monthly'] as const).map((frequency) => (
            <View
              key={frequency}
              className={`club-manage__chip${form.frequency === frequency ? ' club-manage__chip--active' : ''}`}
              onClick={() => edit({ frequency })}
            >
              {frequency === 'weekly' ? '每周' : '每月'}
            </View>
          ))}
        </View>
      </FormField>
      {form.frequency === 'weekly' ? (
        <FormField label="星期">
          <Picker mode="selector" range={weekdayNames.map((name) => `星期${name}`)} value={form.weekday} onChange={(event) => edit({ weekday: Number(event.detail.value) })}>
            <View className="form-field__picker">
              <Text>{`星期${weekdayNames[form.weekday]}`}</Text>
              <Text className="form-field__caret">›</Text>
            </View>
          </Picker>
        </FormField>
      ) : (
        <FormField label="日期" hint={form.monthDay > 28 ? '当月没有这一天时，改在当月最后一天' : undefined}>
          <Picker mode="selector" range={monthDays.map((day) => `${day} 日`)} value={form.monthDay - 1} onChange={(event) => edit({ monthDay: Number(event.detail.value) + 1 })}>
            <View className="form-field__picker">
              <Text>{`每月 ${form.monthDay} 日`}</Text>
              <Text className="form-field__caret">›</Text>
            </View>
          </Picker>
        </FormField>
      )}
      <FormField label="开始时间">
        <Picker mode="time" value={form.time} onChange={(event) => edit({ time: String(event.detail.value) })}>
          <View className="form-field__picker">
            <Text>{form.time}</Text>
            <Text className="form-field__caret">›</Text>
          </View>
        </Picker>
      </FormField>
      <FormField label="时长" hint="单位：分钟（30–600）">
        <Input className={formInputClass} type="number" value={form.durationMinutes} onInput={(event) => edit({ durationMinutes: event.detail.value })} />
      </FormField>
      <FormField label="地点">
        <Input className={formInputClass} value={form.venueName} maxlength={clubLimits.venueName} placeholder="如：浦东图书馆 3 楼" onInput={(event) => edit({ venueName: event.detail.value })} />
      </FormField>
      <FormField label="地址">
        <Input className={formInputClass} value={form.venueAddress} maxlength={clubLimits.venueAddress} placeholder="选填" onInput={(event) => edit({ venueAddress: event.detail.value })} />
      </FormField>
      <FormField label="每期名额">
        <Input className={formInputClass} type="number" value={form.seats} onInput={(event) => edit({ seats: event.detail.value })} />
      </FormField>
      <FormField label="提前生成" hint={`保持未来 ${form.ahead || '?'} 期场次可报名`}>
        <Input className={formInputClass} type="number" value={form.ahead} onInput={(event) => edit({ ahead: event.detail.value })} />
      </FormField>
      <Text className={`club-manage__preview${check.problem ? ' club-manage__preview--problem' : ''}`}>
        {check.schedule ? describeSchedule(check.schedule) : check.problem}
      </Text>
      <View className="club-manage__buttons">
        <View className={`btn ${busy ? 'btn--disabled' : 'btn--primary'} club-manage__button`} hoverClass="btn--pressed" onClick={() => !busy && void save()}>
          {busy === 'saving' ? '保存中…' : '保存安排'}
        </View>
        {club.schedule && (
          <View className={`btn ${busy ? 'btn--disabled' : 'btn--ghost'} club-manage__button club-manage__generate`} hoverClass="btn--pressed" onClick={() => !busy && void generate()}>
            {busy === 'generating' ? '生成中…' : '生成场次'}
          </View>
        )}
      </View>
      {club.schedule && (
        <Text className="club-manage__stop" onClick={() => !busy && void stop()}>
          {busy === 'stopping' ? '正在停止…' : '停止定期共读'}
        </Text>
      )}
    </ClubSection>
  );
}

function SessionTopic({ session, now, onSaved }: { session: ClubSessionSummary; now: Date; onSaved: () => void }) {
  const [topic, setTopic] = useState(session.topic);
  const [busy, submit] = useSubmitting();
  const phase = eventPhase(session, now);
  const changed = topic.trim() !== session.topic;

  const save = async () => {
    if (!topic.trim()) return toast('请填写本期章节或话题');
    await submit(async () => {
      try {
        await call('clubs', 'setSessionTopic', { eventId: session.id, topic: topic.trim() });
        void Taro.showToast({ title: '话题已保存', icon: 'success' });
        onSaved();
      } catch (failure) {
        await explainFailure(failure);
      }
    });
  };

  return (
    <View className="club-manage__session">
      <View className="club-manage__session-head">
        <Text className="club-manage__session-when">{formatEventTime(session.startAt, session.endAt, now)}</Text>
        <Tag text={phase.text} tone={phase.tone} />
      </View>
      <Text className="club-manage__session-seats">{`已报名 ${session.seatsTaken}/${session.capacity}${session.waitlistCount > 0 ? ` · 候补 ${session.waitlistCount}` : ''}`}</Text>
      {session.status !== 'cancelled' && (
        <View className="club-manage__topic-row">
          <Input className="club-manage__topic" value={topic} maxlength={clubLimits.topic} placeholder="本期章节或话题，如：第 1–5 章" onInput={(event) => setTopic(event.detail.value)} />
          <View className={`club-manage__topic-save${changed && !busy ? '' : ' club-manage__topic-save--idle'}`} onClick={() => changed && !busy && void save()}>
            {busy ? '保存中' : '保存'}
          </View>
        </View>
      )}
      <View className="club-manage__session-links">
        <Text className="club-manage__link" onClick={() => void Taro.navigateTo({ url: `/package-organizer/edit/index?id=${session.id}` })}>
          改期或取消 ›
        </Text>
        <Text className="club-manage__link" onClick={() => void Taro.navigateTo({ url: `/package-organizer/registrations/index?eventId=${session.id}` })}>
          报名名单 ›
        </Text>
      </View>
    </View>
  );
}

function Manage({ club, now, onChange, reload }: { club: ClubDetail; now: Date; onChange: (club: ClubDetail) => void; reload: () => void }) {
  return (
    <View className="club-manage">
      <Text className="club-manage__name">{club.name}</Text>
      <BasicsForm key={`basics-${club.name}-${club.description}-${club.memberCap ?? ''}`} club={club} onSaved={onChange} />
      <BookForm key={`book-${club.currentBook?.title ?? ''}-${club.currentBook?.startedAt ?? ''}`} club={club} onSaved={onChange} />
      <ScheduleEditor club={club} onSaved={onChange} />
      <ClubSection title="近期场次" note="设置每期话题；改期、取消在活动管理中进行">
        {club.upcomingSessions.length === 0 ? (
          <Text className="club-manage__hint">{club.schedule ? '暂无待举行的场次，可点「生成场次」。' : '设置共读安排后会自动生成场次。'}</Text>
        ) : (
          club.upcomingSessions.map((session) => <SessionTopic key={`${session.id}-${session.topic}`} session={session} now={now} onSaved={reload} />)
        )}
      </ClubSection>
    </View>
  );
}

export default function ClubManagePage() {
  const { params } = useRouter();
  const clubId = params.clubId ?? '';
  const { now, club, setLatest, error, reload } = useClub(clubId);

  if (!club) {
    return (
      <View className="page">
        {error ? <ErrorState message={error.message} onRetry={() => void reload()} /> : <LoadingSkeleton cards={3} />}
      </View>
    );
  }
  if (!club.canManage) {
    return (
      <View className="page">
        <EmptyState mark="权" title="没有管理权限" hint="只有读书会所属组织的组织者可以管理读书会。" />
      </View>
    );
  }
  return <Manage club={club} now={now} onChange={setLatest} reload={() => void reload()} />;
}
