import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import type { PledgeOutput } from '../../../cloudfunctions/shared/contract/pledge';
import EmptyState from '../../components/empty-state';
import ErrorState from '../../components/error-state';
import LoadingSkeleton from '../../components/loading-skeleton';
import Tag from '../../components/tag';
import { useRemote } from '../../hooks/use-remote';
import { call, toApiError } from '../../services/api';
import { formatDateTime } from '../../utils/time';
import ArticleChanges from '../components/article-changes';
import PledgeDocument from '../components/pledge-document';
import {
  addArticle,
  differsFrom,
  draftFrom,
  draftLimits,
  type DraftProblem,
  moveArticle,
  type PledgeDraft,
  removeArticle,
  toSaveDraftInput,
  updateArticle,
  validateDraft,
} from '../helpers/draft-editor';
import { refusalText, summarizeChanges } from '../helpers/pledge-admin-display';
import './index.scss';

interface Snapshot {
  current: PledgeOutput['current'];
  drafts: PledgeOutput['drafts'];
}

function Field({ label, count, limit, problem, children }: { label: string; count?: number; limit?: number; problem?: string; children: ReactNode }) {
  return (
    <View className={`editor__field${problem ? ' editor__field--invalid' : ''}`}>
      <View className="editor__field-head">
        <Text className="editor__label">{label}</Text>
        {limit !== undefined && <Text className={`editor__count${(count ?? 0) > limit ? ' editor__count--over' : ''}`}>{`${count ?? 0}/${limit}`}</Text>}
      </View>
      {children}
      {problem && <Text className="editor__problem">{problem}</Text>}
    </View>
  );
}

export default function PledgeVersionsPage() {
  const load = useCallback(async (): Promise<Snapshot> => {
    const [current, drafts] = await Promise.all([call('pledge', 'current', {}), call('pledge', 'drafts', {})]);
    return { current, drafts };
  }, []);
  const remote = useRemote(load);
  // Replaces the loaded snapshot after a save, so the editor keeps its text without another round trip.
  const [saved, setSaved] = useState<Snapshot | null>(null);
  const snapshot = saved ?? remote.data;
  const savedDraft = snapshot?.drafts.drafts[0] ?? null;
  const published = snapshot?.current.pledge ?? null;
  const base = useMemo(() => (savedDraft ? draftFrom(savedDraft, true) : draftFrom(published, false)), [savedDraft, published]);
  const [typed, setTyped] = useState<PledgeDraft | null>(null);
  const [mode, setMode] = useState<'edit' | 'preview'>('edit');
  const [showProblems, setShowProblems] = useState(false);
  const [busy, setBusy] = useState<'' | 'saving' | 'publishing'>('');

  if (!snapshot) {
    const refusal = remote.error && refusalText(remote.error.code, 'admins');
    return (
      <View className="page">
        {refusal ? (
          <EmptyState mark="限" title={refusal.title} hint={refusal.hint} />
        ) : remote.error ? (
          <ErrorState message={remote.error.message} onRetry={() => void remote.reload()} />
        ) : (
          <LoadingSkeleton cards={2} />
        )}
      </View>
    );
  }

  const draft = typed ?? base;
  const nextVersion = savedDraft?.version ?? (published?.version ?? 0) + 1;
  const dirty = !savedDraft || differsFrom(draft, base);
  const problems = validateDraft(draft);
  const shown = showProblems ? problems : [];
  const problemOf = (field: DraftProblem['field'], articleKey?: string) =>
    shown.find((problem) => problem.field === field && problem.articleKey === articleKey)?.message;
  const changes = savedDraft ? snapshot.drafts.changesFromCurrent[savedDraft.id] ?? [] : [];

  const edit = (next: PledgeDraft) => setTyped(next);

  /** Saves when the editor holds unsaved text; answers whether a saved draft now matches the editor. */
  const save = async (): Promise<boolean> => {
    setShowProblems(true);
    if (problems.length > 0) {
      void Taro.showToast({ title: problems[0].message, icon: 'none' });
      return false;
    }
    if (!dirty) return true;
    setBusy('saving');
    try {
      await call('pledge', 'saveDraft', toSaveDraftInput(draft));
      const drafts = await call('pledge', 'drafts', {});
      setSaved({ current: snapshot.current, drafts });
      setTyped(draft);
      setShowProblems(false);
      return true;
    } catch (failure) {
      void Taro.showToast({ title: toApiError(failure).message, icon: 'none' });
      return false;
    } finally {
      setBusy('');
    }
  };

  const saveOnly = async () => {
    if (await save()) void Taro.showToast({ title: '草稿已保存', icon: 'success' });
  };

  const preview = async () => {
    if (await save()) setMode('preview');
  };

  const publish = async () => {
    if (!savedDraft) return;
    const resign = published ? `已签署第${published.version}版的会员会看到逐条变化并被提示重新签署，旧签署保留为“已被新版本取代”。` : '';
    const { confirm } = await Taro.showModal({
      title: `发布第${savedDraft.version}版`,
      content: `发布后立即成为现行版本。${resign}`,
      confirmText: '发布',
      confirmColor: '#C8102E',
      cancelText: '再看看',
    });
    if (!confirm) return;
    setBusy('publishing');
    try {
      await call('pledge', 'publish', { versionId: savedDraft.id });
      void Taro.showToast({ title: `第${savedDraft.version}版已发布`, icon: 'success' });
      setSaved(null);
      setTyped(null);
      setMode('edit');
      await remote.reload();
    } catch (failure) {
      const error = toApiError(failure);
      // Another admin may have published or replaced this draft meanwhile: show what stands now.
      if (error.code === 'NOT_FOUND') {
        void Taro.showToast({ title: '该草稿已发布或已变更，已为你刷新', icon: 'none' });
        setSaved(null);
        setTyped(null);
        setMode('edit');
        await remote.reload();
      } else {
        void Taro.showToast({ title: error.message, icon: 'none' });
      }
    } finally {
      setBusy('');
    }
  };

  return (
    <View className="versions">
      <View className="versions__current">
        {published ? (
          <View>
            <View className="versions__current-tags">
              <Tag text="现行版本" tone="success" solid />
              <Tag text={`第${published.version}版`} tone="info" />
            </View>
            <Text className="versions__current-title">{published.title}</Text>
            <Text className="versions__current-meta">
              {`${published.publishedAt ? `${formatDateTime(published.publishedAt)} 发布 · ` : ''}${published.articles.length} 条 · ${snapshot.current.signatureCount} 人签署`}
            </Text>
          </View>
        ) : (
          <Text className="versions__current-meta">尚未发布任何版本。保存并发布下面的草稿后，会员即可签署。</Text>
        )}
      </View>

      <View className="versions__tabs">
        <View className={`versions__tab${mode === 'edit' ? ' versions__tab--active' : ''}`} onClick={() => setMode('edit')}>
          编辑草稿
        </View>
        <View className={`versions__tab${mode === 'preview' ? ' versions__tab--active' : ''}`} onClick={busy ? undefined : () => void preview()}>
          预览
        </View>
      </View>

      {mode === 'edit' ? (
        <View className="editor">
          <View className="editor__status">
            <Text className="editor__status-title">{`第${nextVersion}版草稿`}</Text>
            <Tag text={!savedDraft ? '尚未保存' : dirty ? '有未保存的修改' : '已保存'} tone={dirty ? 'warning' : 'success'} />
          </View>
          {!savedDraft && published && <Text className="editor__hint">已按现行第{published.version}版填好，在此基础上修改即可。</Text>}

          <View className="editor__card">
            <Field label="标题" count={draft.title.trim().length} limit={draftLimits.title} problem={problemOf('title')}>
              <Input className="editor__input" value={draft.title} placeholder="如：新媒体从业人员自律公约" onInput={(event) => edit({ ...draft, title: event.detail.value })} />
            </Field>
            <Field label="序言" count={draft.preamble.trim().length} limit={draftLimits.preamble} problem={problemOf('preamble')}>
              <Textarea
                className="editor__textarea"
                value={draft.preamble}
                maxlength={-1}
                autoHeight
                placeholder="选填：公约的宗旨与适用范围"
                onInput={(event) => edit({ ...draft, preamble: event.detail.value })}
              />
            </Field>
          </View>

          <View className="editor__section-head">
            <Text className="section-title">{`条款 · ${draft.articles.length}`}</Text>
            {problemOf('articles') && <Text className="editor__problem">{problemOf('articles')}</Text>}
          </View>
          {draft.articles.map((article, index) => (
            <View key={article.key} className="editor__card editor__article">
              <View className="editor__article-head">
                <Text className="editor__article-no">{`第${index + 1}条`}</Text>
                <View className="editor__article-tools">
                  <Text className={`editor__tool${index === 0 ? ' editor__tool--off' : ''}`} onClick={() => edit(moveArticle(draft, article.key, -1))}>
                    上移
                  </Text>
                  <Text
                    className={`editor__tool${index === draft.articles.length - 1 ? ' editor__tool--off' : ''}`}
                    onClick={() => edit(moveArticle(draft, article.key, 1))}
                  >
                    下移
                  </Text>
                  <Text className="editor__tool editor__tool--danger" onClick={() => edit(removeArticle(draft, article.key))}>
                    删除
                  </Text>
                </View>
              </View>
              <Field label="条款标题" count={article.title.trim().length} limit={draftLimits.articleTitle} problem={problemOf('articleTitle', article.key)}>
                <Input
                  className="editor__input"
                  value={article.title}
                  placeholder="如：坚持真实准确"
                  onInput={(event) => edit(updateArticle(draft, article.key, 'title', event.detail.value))}
                />
              </Field>
              <Field label="条款正文" count={article.body.trim().length} limit={draftLimits.articleBody} problem={problemOf('articleBody', article.key)}>
                <Textarea
                  className="editor__textarea"
                  value={article.body}
                  maxlength={-1}
                  autoHeight
                  placeholder="条款的具体要求"
                  onInput={(event) => edit(updateArticle(draft, article.key, 'body', event.detail.value))}
                />
              </Field>
            </View>
          ))}
          {draft.articles.length < draftLimits.maxArticles && (
            <View className="btn btn--ghost editor__add" hoverClass="btn--pressed" onClick={() => edit(addArticle(draft))}>
              ＋ 添加条款
            </View>
          )}

          <View className="editor__card editor__note">
            <Field label="修订说明" count={draft.changeNote.trim().length} limit={draftLimits.changeNote} problem={problemOf('changeNote')}>
              <Textarea
                className="editor__textarea"
                value={draft.changeNote}
                maxlength={-1}
                autoHeight
                placeholder="选填：本次修订改了什么、为什么改"
                onInput={(event) => edit({ ...draft, changeNote: event.detail.value })}
              />
            </Field>
          </View>
        </View>
      ) : savedDraft ? (
        <View className="preview">
          <View className="preview__card">
            <Text className="preview__heading">{published ? `与现行第${published.version}版相比` : '首个版本'}</Text>
            <Text className="preview__summary">{published ? summarizeChanges(changes) : `共 ${savedDraft.articles.length} 条，发布后会员即可签署`}</Text>
            {published && changes.length > 0 && <ArticleChanges changes={changes} />}
            {savedDraft.changeNote && <Text className="preview__note">{`修订说明：${savedDraft.changeNote}`}</Text>}
          </View>
          <Text className="section-title">会员看到的公约</Text>
          <PledgeDocument
            title={savedDraft.title}
            subtitle={`第${savedDraft.version}版 · 发布后生效`}
            preamble={savedDraft.preamble}
            articles={savedDraft.articles}
          />
        </View>
      ) : null}

      <View className="versions__bar">
        {mode === 'edit' ? (
          <>
            <View className={`btn btn--ghost versions__action${busy ? ' versions__action--busy' : ''}`} hoverClass="btn--pressed" onClick={busy ? undefined : () => void saveOnly()}>
              {busy === 'saving' ? '正在保存…' : '保存草稿'}
            </View>
            <View className={`btn btn--primary versions__action${busy ? ' versions__action--busy' : ''}`} hoverClass="btn--pressed" onClick={busy ? undefined : () => void preview()}>
              预览
            </View>
          </>
        ) : (
          <>
            <View className="btn btn--plain versions__action" hoverClass="btn--pressed" onClick={() => setMode('edit')}>
              返回修改
            </View>
            <View className={`btn btn--primary versions__action${busy ? ' versions__action--busy' : ''}`} hoverClass="btn--pressed" onClick={busy ? undefined : () => void publish()}>
              {busy === 'publishing' ? '正在发布…' : `发布第${nextVersion}版`}
            </View>
          </>
        )}
      </View>
    </View>
  );
}
