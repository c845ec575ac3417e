import { Image, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { EventDetail } from '../../../cloudfunctions/shared/contract/events';
import { eventLimits } from '../../../cloudfunctions/shared/contract/event-limits';
import EmptyState from '../../components/empty-state';
import ErrorState from '../../components/error-state';
import LoadingSkeleton from '../../components/loading-skeleton';
import { useRemote } from '../../hooks/use-remote';
import { call, toApiError } from '../../services/api';
import { eventPageUrl, summaryPostedLine } from '../../utils/summary-display';
import { formatEventTime } from '../../utils/time';
import { organizerRefusal } from '../helpers/refusal';
import {
  compressToFit,
  photoFormatOf,
  type PhotoDraft,
  photosBlocker,
  photosLeft,
  photoTooLargeText,
  photoUnreadableText,
  pickedPhotoDrafts,
  postedPhotoDrafts,
  sendsAsPicked,
  summaryBlocker,
  summaryFailureText,
  summaryProblems,
} from '../helpers/summary-photos';
import { encodePhoto, readPicked, readRemote } from './photo-encoder';
import './index.scss';

function toast(title: string) {
  void Taro.showToast({ title, icon: 'none', duration: 2500 });
}

/** The picked photo as it is when already small enough, otherwise compressed step by step; a failed draft when neither works. */
async function preparePhoto(photo: PhotoDraft, pickedBytes: number): Promise<PhotoDraft> {
  try {
    if (sendsAsPicked(pickedBytes)) {
      const original = await readPicked(photo.path);
      if (photoFormatOf(original)) return { ...photo, state: 'ready', dataUrl: original };
    }
    const compressed = await compressToFit((step) => encodePhoto(photo.path, step));
    return compressed ? { ...photo, state: 'ready', dataUrl: compressed.dataUrl } : { ...photo, state: 'failed', problem: photoTooLargeText };
  } catch {
    return { ...photo, state: 'failed', problem: photoUnreadableText };
  }
}

function SummaryEditor({ event, onPosted }: { event: EventDetail; onPosted: (event: EventDetail) => void }) {
  const [now] = useState(() => new Date());
  const [text, setText] = useState(event.summary?.text ?? '');
  const [photos, setPhotos] = useState<PhotoDraft[]>(() => postedPhotoDrafts(event.summary?.photoUrls ?? []));
  const [posting, setPosting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [showProblems, setShowProblems] = useState(false);
  const problems = summaryProblems(text, photos.length);
  const textProblem = showProblems ? problems.find((problem) => problem.field === 'text')?.message : undefined;
  const left = photosLeft(photos.length);

  const replacePhoto = (next: PhotoDraft) => setPhotos((current) => current.map((photo) => (photo.key === next.key ? next : photo)));

  const pick = async () => {
    if (left === 0) return;
    let picked: Taro.chooseImage.SuccessCallbackResult;
    try {
      picked = await Taro.chooseImage({ count: left, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    } catch {
      return; // The organizer closed the picker.
    }
    const files = picked.tempFiles.slice(0, left);
    const drafts = pickedPhotoDrafts(files.map((file) => file.path));
    setPhotos((current) => [...current, ...drafts]);
    setFailure(null);
    // One at a time: several full-size photos decoded at once can exhaust a phone's memory.
    for (const [index, draft] of drafts.entries()) replacePhoto(await preparePhoto(draft, files[index].size));
  };

  const remove = (key: string) => {
    setPhotos((current) => current.filter((photo) => photo.key !== key));
    setFailure(null);
  };

  const preview = (photo: PhotoDraft) => {
    const urls = photos.filter((candidate) => candidate.state !== 'failed').map((candidate) => candidate.path);
    if (urls.includes(photo.path)) void Taro.previewImage({ urls, current: photo.path });
  };

  const post = async () => {
    setShowProblems(true);
    const blocker = problems[0]?.message ?? photosBlocker(photos);
    if (blocker) {
      toast(blocker);
      return;
    }
    setPosting(true);
    setFailure(null);
    try {
      let encoded: string[];
      try {
        encoded = await Promise.all(photos.map((photo) => (photo.dataUrl ? Promise.resolve(photo.dataUrl) : readRemote(photo.path))));
      } catch {
        setFailure('已发布的照片读取失败，请删除后重新选择');
        return;
      }
      const posted = await call('events', 'postSummary', { id: event.id, text: text.trim(), photos: encoded });
      void Taro.showToast({ title: '活动回顾已发布', icon: 'success' });
      onPosted(posted);
    } catch (error) {
      const apiError = toApiError(error);
      const words = summaryFailureText(apiError.code, apiError.message);
      setFailure(words);
      toast(words);
    } finally {
      setPosting(false);
    }
  };

  const busy = posting || photos.some((photo) => photo.state === 'compressing');
  return (
    <View className="summary-editor">
      <View className="summary-editor__event">
        <Text className="summary-editor__title">{event.title}</Text>
        <Text className="summary-editor__when">{formatEventTime(event.startAt, event.endAt, now)}</Text>
        {event.summary && <Text className="summary-editor__posted">{`已于 ${summaryPostedLine(event.summary, now)}；再次发布将替换原回顾`}</Text>}
      </View>

      {failure && <Text className="summary-editor__failure">{failure}</Text>}

      <View className="summary-editor__card">
        <Text className="summary-editor__label">回顾内容</Text>
        <Textarea
          className={`summary-editor__text${textProblem ? ' summary-editor__text--invalid' : ''}`}
          value={text}
          maxlength={-1}
          autoHeight
          placeholder="活动的主要内容、嘉宾观点、参加人数和收获，会员在活动页可以看到"
          onInput={(change) => {
            setText(change.detail.value);
            setFailure(null);
          }}
        />
        {textProblem ? (
          <Text className="summary-editor__problem">{textProblem}</Text>
        ) : (
          <Text className="summary-editor__count">{`${text.trim().length}/${eventLimits.summaryText}`}</Text>
        )}
      </View>

      <View className="summary-editor__card">
        <View className="summary-editor__photos-head">
          <Text className="summary-editor__label">{`活动照片 · ${photos.length}/${eventLimits.summaryPhotos}`}</Text>
          <Text className="summary-editor__note">{`选填；每张自动压缩到 ${eventLimits.summaryPhotoBytes / 1024} KB 以内`}</Text>
        </View>
        <View className="summary-editor__grid">
          {photos.map((photo) => (
            <View key={photo.key} className={`summary-photo summary-photo--${photo.state}`}>
              {photo.state === 'failed' ? (
                <Text className="summary-photo__problem">{photo.problem}</Text>
              ) : (
                <Image className="summary-photo__image" src={photo.path} mode="aspectFill" onClick={() => preview(photo)} />
              )}
              {photo.state === 'compressing' && <Text className="summary-photo__state">压缩中…</Text>}
              <Text className="summary-photo__remove" onClick={() => remove(photo.key)}>
                ✕
              </Text>
            </View>
          ))}
          {left > 0 && (
            <View className="summary-photo summary-photo--add" hoverClass="summary-photo--pressed" onClick={() => void pick()}>
              <Text className="summary-photo__plus">＋</Text>
              <Text className="summary-photo__add-text">添加照片</Text>
            </View>
          )}
        </View>
      </View>

      <View className="summary-editor__bar">
        <View className={`btn btn--primary summary-editor__post${busy ? ' btn--disabled' : ''}`} hoverClass="btn--pressed" onClick={busy ? undefined : () => void post()}>
          {posting ? '正在发布…' : event.summary ? '更新活动回顾' : '发布活动回顾'}
        </View>
      </View>
    </View>
  );
}

export default function SummaryPage() {
  const { params } = useRouter();
  const eventId = params.id ?? '';
  const loadEvent = useCallback(() => call('events', 'get', { id: eventId }), [eventId]);
  const remote = useRemote(loadEvent);
  const [posted, setPosted] = useState<EventDetail | null>(null);
  const [now] = useState(() => new Date());
  const event = remote.data;

  if (remote.error) {
    const refusal = organizerRefusal(remote.error.code);
    return (
      <View className="page">
        {refusal ? (
          <EmptyState mark="限" title={refusal.title} hint={refusal.hint} />
        ) : remote.error.code === 'NOT_FOUND' || remote.error.code === 'VALIDATION_FAILED' ? (
          <EmptyState mark="无" title="活动不存在或已被删除" hint="请回到活动管理重新选择。" />
        ) : (
          <ErrorState message={remote.error.message} onRetry={() => void remote.reload()} />
        )}
      </View>
    );
  }
  if (!event) {
    return (
      <View className="page">
        <LoadingSkeleton cards={2} />
      </View>
    );
  }
  const openEventPage = () => void Taro.navigateTo({ url: eventPageUrl(event.id, 'summary') });
  if (posted?.summary) {
    return (
      <View className="page">
        <EmptyState
          mark="成"
          title="活动回顾已发布"
          hint={`${posted.summary.photoUrls.length > 0 ? `含 ${posted.summary.photoUrls.length} 张照片，` : ''}参加过的会员可在“我的报名 → 已结束”中查看。`}
          actionText="在活动页查看"
          onAction={openEventPage}
        />
      </View>
    );
  }
  const blocker = summaryBlocker(event, now);
  if (blocker) {
    return (
      <View className="page">
        <EmptyState mark="候" title="暂时不能发布活动回顾" hint={blocker} />
      </View>
    );
  }
  return <SummaryEditor event={event} onPosted={setPosted} />;
}
