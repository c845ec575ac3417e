import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { clubLimits } from '../../../cloudfunctions/shared/contract/club-limits';
import ErrorState from '../../components/error-state';
import LoadingSkeleton from '../../components/loading-skeleton';
import { useRemote } from '../../hooks/use-remote';
import { call, toApiError } from '../../services/api';
import { countText } from '../../utils/club-display';
import './index.scss';

/** The page number as typed: empty is no page; anything else must be a whole number the server accepts. */
function readPage(typed: string): { page: number | null; problem: string } {
  const trimmed = typed.trim();
  if (!trimmed) return { page: null, problem: '' };
  const page = Number(trimmed);
  if (!Number.isInteger(page) || page < 1) return { page: null, problem: '页码应为正整数' };
  if (page > 9999) return { page: null, problem: '页码不能超过 9999' };
  return { page, problem: '' };
}

export default function NoteEditorPage() {
  const { params } = useRouter();
  const clubId = params.clubId ?? '';
  const load = useCallback(() => call('clubs', 'get', { clubId }), [clubId]);
  const remote = useRemote(load);
  const [text, setText] = useState('');
  const [quote, setQuote] = useState('');
  const [pageTyped, setPageTyped] = useState('');
  // The quote and page are optional: they open on request so the note itself comes first.
  const [withQuote, setWithQuote] = useState(false);
  const [problem, setProblem] = useState('');
  const [sending, setSending] = useState(false);

  const textCount = countText(text, clubLimits.noteText);
  const quoteCount = countText(quote, clubLimits.quote);
  const page = readPage(pageTyped);
  const blocker = textCount.empty
    ? '请写下你的读书笔记'
    : textCount.over
      ? `笔记不能超过 ${clubLimits.noteText} 个字，请精简后再发布`
      : quoteCount.over
        ? `摘录不能超过 ${clubLimits.quote} 个字`
        : page.problem;

  const submit = async () => {
    if (sending) return;
    if (blocker) {
      setProblem(blocker);
      return;
    }
    setSending(true);
    setProblem('');
    try {
      await call('clubs', 'postNote', { clubId, text: text.trim(), quote: quote.trim(), page: page.page });
      void Taro.showToast({ title: '打卡成功', icon: 'success' });
      setTimeout(() => void Taro.navigateBack(), 800);
    } catch (failure) {
      const error = toApiError(failure);
      setProblem(error.message);
      void Taro.showToast({ title: error.message, icon: 'none' });
    } finally {
      setSending(false);
    }
  };

  if (!remote.data) {
    return (
      <View className="page">
        {remote.error ? <ErrorState message={remote.error.message} onRetry={() => void remote.reload()} /> : <LoadingSkeleton cards={1} />}
      </View>
    );
  }
  const club = remote.data;
  const book = club.currentBook;
  return (
    <View className="page note-editor">
      <View className="note-editor__book">
        <Text className="note-editor__club">{club.name}</Text>
        <Text className="note-editor__title">{book ? `《${book.title}》` : '还没有正在共读的书'}</Text>
        {club.myNotes && <Text className="note-editor__streak">{`已打卡 ${club.myNotes.count} 次 · 连续 ${club.myNotes.streakDays} 天`}</Text>}
      </View>

      <View className="note-editor__card">
        <Text className="note-editor__label">读书笔记</Text>
        <Textarea
          className="note-editor__text"
          value={text}
          maxlength={-1}
          placeholder="今天读到了什么？写下你的感想、收获或疑问"
          onInput={(event) => {
            setText(event.detail.value);
            setProblem('');
          }}
        />
        <Text className={`note-editor__count${textCount.over ? ' note-editor__count--over' : ''}`}>{textCount.text}</Text>
      </View>

      {withQuote ? (
        <View className="note-editor__card">
          <Text className="note-editor__label">摘录（选填）</Text>
          <Textarea
            className="note-editor__quote"
            value={quote}
            maxlength={-1}
            placeholder="摘一句打动你的原文"
            onInput={(event) => {
              setQuote(event.detail.value);
              setProblem('');
            }}
          />
          <Text className={`note-editor__count${quoteCount.over ? ' note-editor__count--over' : ''}`}>{quoteCount.text}</Text>
          <View className="note-editor__page-row">
            <Text className="note-editor__label">页码（选填）</Text>
            <Input
              className="note-editor__page"
              type="number"
              value={pageTyped}
              placeholder="如 128"
              onInput={(event) => {
                setPageTyped(event.detail.value);
                setProblem('');
              }}
            />
          </View>
        </View>
      ) : (
        <View className="note-editor__add-quote" hoverClass="btn--pressed" onClick={() => setWithQuote(true)}>
          ＋ 添加摘录和页码
        </View>
      )}

      {problem && <Text className="note-editor__problem">{problem}</Text>}
      <Text className="note-editor__rules">{`每条笔记最多 ${clubLimits.noteText} 字；每天在一个读书会最多打卡 ${clubLimits.notesPerDay} 次。笔记对读书会成员可见。`}</Text>

      <View
        className={`btn ${sending || !book ? 'btn--disabled' : 'btn--primary'} note-editor__submit`}
        hoverClass="btn--pressed"
        onClick={() => book && void submit()}
      >
        {sending ? '发布中…' : '发布打卡'}
      </View>
    </View>
  );
}
