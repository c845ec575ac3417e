import type { PledgeVersionView } from '../../../cloudfunctions/shared/contract/pledge';

/** The limits pledge.saveDraft enforces, checked first so an admin sees which field to fix. */
export const draftLimits = { title: 60, preamble: 1000, changeNote: 300, articleTitle: 40, articleBody: 600, maxArticles: 20 } as const;

export interface DraftArticle {
  /** Stable across reordering, so React keeps each article's inputs attached to it. */
  key: string;
  title: string;
  body: string;
}

export interface PledgeDraft {
  title: string;
  preamble: string;
  articles: DraftArticle[];
  changeNote: string;
}

let keySequence = 0;
function nextKey(): string {
  keySequence += 1;
  return `article-${keySequence}`;
}

/** A draft to edit: a saved draft as it stands, or the published version as the starting point of the next. */
export function draftFrom(version: PledgeVersionView | null, keepChangeNote: boolean): PledgeDraft {
  if (!version) return { title: '', preamble: '', articles: [{ key: nextKey(), title: '', body: '' }], changeNote: '' };
  return {
    title: version.title,
    preamble: version.preamble,
    articles: version.articles.map((article) => ({ key: nextKey(), title: article.title, body: article.body })),
    changeNote: keepChangeNote ? version.changeNote : '',
  };
}

export function addArticle(draft: PledgeDraft): PledgeDraft {
  return { ...draft, articles: [...draft.articles, { key: nextKey(), title: '', body: '' }] };
}

export function removeArticle(draft: PledgeDraft, key: string): PledgeDraft {
  return { ...draft, articles: draft.articles.filter((article) => article.key !== key) };
}

/** Moves an article one place up (-1) or down (+1); at either end nothing moves. */
export function moveArticle(draft: PledgeDraft, key: string, step: -1 | 1): PledgeDraft {
  const from = draft.articles.findIndex((article) => article.key === key);
  const to = from + step;
  if (from < 0 || to < 0 || to >= draft.articles.length) return draft;
  const articles = [...draft.articles];
  [articles[from], articles[to]] = [articles[to], articles[from]];
  return { ...draft, articles };
}

export function updateArticle(draft: PledgeDraft, key: string, field: 'title' | 'body', value: string): PledgeDraft {
  return { ...draft, articles: draft.articles.map((article) => (article.key === key ? { ...article, [field]: value } : article)) };
}

/** Where a problem sits: a draft field, or an article (by key) and which of its fields. */
export interface DraftProblem {
  field: 'title' | 'preamble' | 'changeNote' | 'articles' | 'articleTitle' | 'articleBody';
  articleKey?: string;
  message: string;
}

/** Every problem with the draft, in reading order; empty when it can be saved. */
export function validateDraft(draft: PledgeDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const title = draft.title.trim();
  if (!title) problems.push({ field: 'title', message: '请填写公约标题' });
  else if (title.length > draftLimits.title) problems.push({ field: 'title', message: `标题不能超过${draftLimits.title}个字` });
  if (draft.preamble.trim().length > draftLimits.preamble) problems.push({ field: 'preamble', message: `序言不能超过${draftLimits.preamble}个字` });
  if (draft.articles.length === 0) problems.push({ field: 'articles', message: '公约至少需要一条条款' });
  if (draft.articles.length > draftLimits.maxArticles) problems.push({ field: 'articles', message: `条款不能超过${draftLimits.maxArticles}条` });
  draft.articles.forEach((article, index) => {
    const label = `第${index + 1}条`;
    const articleTitle = article.title.trim();
    const body = article.body.trim();
    if (!articleTitle) problems.push({ field: 'articleTitle', articleKey: article.key, message: `${label}缺少标题` });
    else if (articleTitle.length > draftLimits.articleTitle) problems.push({ field: 'articleTitle', articleKey: article.key, message: `${label}的标题不能超过${draftLimits.articleTitle}个字` });
    if (!body) problems.push({ field: 'articleBody', articleKey: article.key, message: `${label}缺少正文` });
    else if (body.length > draftLimits.articleBody) problems.push({ field: 'articleBody', articleKey: article.key, message: `${label}的正文不能超过${draftLimits.articleBody}个字` });
  });
  if (draft.changeNote.trim().length > draftLimits.changeNote) problems.push({ field: 'changeNote', message: `修订说明不能超过${draftLimits.changeNote}个字` });
  return problems;
}

/** What pledge.saveDraft receives: trimmed text, articles in the order shown (the server numbers them). */
export function toSaveDraftInput(draft: PledgeDraft) {
  return {
    title: draft.title.trim(),
    preamble: draft.preamble.trim(),
    articles: draft.articles.map((article) => ({ title: article.title.trim(), body: article.body.trim() })),
    changeNote: draft.changeNote.trim(),
  };
}

/** Whether the editor holds anything the saved draft (or, with none saved, the starting text) lacks. */
export function differsFrom(draft: PledgeDraft, saved: PledgeDraft): boolean {
  return JSON.stringify(toSaveDraftInput(draft)) !== JSON.stringify(toSaveDraftInput(saved));
}
