import type { RoleGrant } from '../../cloudfunctions/shared/contract/common';
import type { OrgNode } from '../../cloudfunctions/shared/contract/orgs';
import { type ArticleChange, pledgeInput, type PledgeVersionView } from '../../cloudfunctions/shared/contract/pledge';
import { orgBars, sectorBars, weekColumns } from '../../src/package-pledge-admin/helpers/charts';
import {
  addArticle,
  differsFrom,
  draftFrom,
  draftLimits,
  moveArticle,
  type PledgeDraft,
  removeArticle,
  toSaveDraftInput,
  updateArticle,
  validateDraft,
} from '../../src/package-pledge-admin/helpers/draft-editor';
import { isAdmin, managedOrgs, pickerLabel } from '../../src/utils/managed-orgs';
import { chainVerdict, refusalText, signatureStatusBadge, summarizeChanges } from '../../src/package-pledge-admin/helpers/pledge-admin-display';

function org(id: string, parentId: string | null, name = id): OrgNode {
  return { id, name, kind: parentId === null ? 'general' : 'sector', parentId, description: '', memberCount: 0 };
}

// Sent children-first on purpose: the helper must not rely on the server's order.
const tree: OrgNode[] = [
  org('street-lujiazui', 'general', '陆家嘴街道新联会'),
  org('club-reading', 'sector-newmedia', '悦读社'),
  org('sector-newmedia', 'general', '新媒体从业人员联谊会'),
  org('sector-enterprise', 'general', '企业管理技术人员联谊会'),
  org('general', null, '浦东新联总会'),
];

describe('which organisations the caller may see pledge figures for', () => {
  it('gives an admin the whole tree, parents before children, with depths', () => {
    const roles: RoleGrant[] = [{ orgId: 'general', role: 'admin' }];
    expect(isAdmin(roles)).toBe(true);
    expect(managedOrgs(roles, tree).map((entry) => [entry.id, entry.depth])).toEqual([
      ['general', 0],
      ['street-lujiazui', 1],
      ['sector-newmedia', 1],
      ['club-reading', 2],
      ['sector-enterprise', 1],
    ]);
  });

  it('gives an organizer the organisation granted and everything below it, nothing beside or above', () => {
    const roles: RoleGrant[] = [{ orgId: 'sector-newmedia', role: 'organizer' }];
    expect(isAdmin(roles)).toBe(false);
    expect(managedOrgs(roles, tree)).toEqual([
      { id: 'sector-newmedia', name: '新媒体从业人员联谊会', depth: 0 },
      { id: 'club-reading', name: '悦读社', depth: 1 },
    ]);
  });

  it('joins several organizer grants and ignores steward grants', () => {
    const roles: RoleGrant[] = [
      { orgId: 'sector-enterprise', role: 'organizer' },
      { orgId: 'street-lujiazui', role: 'steward' },
      { orgId: 'club-reading', role: 'organizer' },
    ];
    expect(managedOrgs(roles, tree).map((entry) => entry.id)).toEqual(['club-reading', 'sector-enterprise']);
  });

  it('gives a plain member or a steward nothing', () => {
    expect(managedOrgs([], tree)).toEqual([]);
    expect(managedOrgs([{ orgId: 'general', role: 'steward' }], tree)).toEqual([]);
  });

  it('indents picker labels by depth, at most three steps', () => {
    expect(pickerLabel({ id: 'a', name: '悦读社', depth: 2 })).toBe('\u3000\u3000悦读社');
    expect(pickerLabel({ id: 'a', name: '深', depth: 7 })).toBe('\u3000\u3000\u3000深');
  });
});

describe('charts', () => {
  it('scales sector bars to the longest, labels them in Chinese and keeps small counts visible', () => {
    const bars = sectorBars([
      { sector: 'enterprise', count: 1 },
      { sector: 'newmedia', count: 200 },
      { sector: 'other', count: 0 },
    ]);
    expect(bars).toEqual([
      { key: 'newmedia', label: '新媒体从业人员', count: 200, percent: 100 },
      { key: 'enterprise', label: '企业管理技术人员', count: 1, percent: 2 },
      { key: 'other', label: '其他', count: 0, percent: 0 },
    ]);
  });

  it('keeps the busiest child organisations and sums the rest into one bar', () => {
    const byOrg = [
      { orgId: 'a', orgName: '甲', count: 3 },
      { orgId: 'b', orgName: '乙', count: 12 },
      { orgId: 'c', orgName: '', count: 6 },
      { orgId: 'd', orgName: '丁', count: 2 },
      { orgId: 'e', orgName: '戊', count: 0 },
    ];
    expect(orgBars(byOrg, 2)).toEqual([
      { key: 'b', label: '乙', count: 12, percent: 100 },
      { key: 'c', label: '未命名组织', count: 6, percent: 50 },
      { key: 'rest', label: '其他 2 个组织', count: 5, percent: 42 },
    ]);
    expect(orgBars(byOrg, 10).map((bar) => bar.key)).toEqual(['b', 'c', 'a', 'd']);
    expect(orgBars([], 8)).toEqual([]);
  });

  it('shows the latest weeks oldest first, labelled by their Monday', () => {
    const byWeek = [
      { weekStart: '2026-11-23', count: 4 },
      { weekStart: '2026-11-09', count: 8 },
      { weekStart: '2026-11-16', count: 0 },
      { weekStart: '2026-11-02', count: 99 },
    ];
    expect(weekColumns(byWeek, 3)).toEqual([
      { weekStart: '2026-11-09', label: '11/9', count: 8, percent: 100 },
      { weekStart: '2026-11-16', label: '11/16', count: 0, percent: 0 },
      { weekStart: '2026-11-23', label: '11/23', count: 4, percent: 50 },
    ]);
    expect(weekColumns([], 12)).toEqual([]);
  });
});

const published: PledgeVersionView = {
  id: 'pledge-v2',
  version: 2,
  title: '新媒体从业人员自律公约',
  preamble: '为营造清朗网络空间……',
  articles: [
    { no: 1, title: '坚持真实准确', body: '不编造、不歪曲事实。' },
    { no: 2, title: '尊重他人权益', body: '不侵犯肖像权、名誉权和著作权。' },
    { no: 3, title: '保护未成年人', body: '不制作、传播危害未成年人身心健康的内容。' },
  ],
  changeNote: '第二版修订说明',
  status: 'published',
  publishedAt: '2026-11-01T02:00:00.000Z',
};

describe('the draft editor', () => {
  it('starts the next version from the published text without its change note, and a saved draft with its own', () => {
    const next = draftFrom(published, false);
    expect(next.title).toBe(published.title);
    expect(next.articles.map((article) => article.title)).toEqual(['坚持真实准确', '尊重他人权益', '保护未成年人']);
    expect(next.changeNote).toBe('');
    expect(draftFrom({ ...published, status: 'draft' }, true).changeNote).toBe('第二版修订说明');
    expect(new Set(next.articles.map((article) => article.key)).size).toBe(3);
  });

  it('offers one empty article when nothing was ever published', () => {
    const empty = draftFrom(null, false);
    expect(empty.articles).toHaveLength(1);
    expect(validateDraft(empty).map((problem) => problem.message)).toEqual(['请填写公约标题', '第1条缺少标题', '第1条缺少正文']);
  });

  it('adds, edits, removes and reorders articles by key, without mutating the draft it was given', () => {
    const start = draftFrom(published, false);
    const frozen = JSON.stringify(start);
    const [first, second, third] = start.articles;
    const moved = moveArticle(start, third.key, -1);
    expect(moved.articles.map((article) => article.key)).toEqual([first.key, third.key, second.key]);
    expect(moveArticle(start, first.key, -1)).toBe(start);
    expect(moveArticle(start, third.key, 1)).toBe(start);
    expect(moveArticle(start, 'no-such-key', 1)).toBe(start);
    const added = addArticle(moved);
    const fresh = added.articles[3];
    expect(fresh).toMatchObject({ title: '', body: '' });
    const edited = updateArticle(added, fresh.key, 'title', '规范广告标识');
    expect(edited.articles[3].title).toBe('规范广告标识');
    expect(edited.articles[0]).toBe(added.articles[0]);
    expect(removeArticle(edited, second.key).articles.map((article) => article.key)).toEqual([first.key, third.key, fresh.key]);
    expect(JSON.stringify(start)).toBe(frozen);
  });

  it('names every problem with the article it sits in, counting trimmed text against the limits', () => {
    const start = draftFrom(published, false);
    const draft: PledgeDraft = {
      ...start,
      title: '  ',
      preamble: 'x'.repeat(draftLimits.preamble + 1),
      changeNote: 'y'.repeat(draftLimits.changeNote + 1),
      articles: [
        { ...start.articles[0], title: 'a'.repeat(draftLimits.articleTitle + 1) },
        { ...start.articles[1], body: ' \n ' },
        { ...start.articles[2], body: ` ${'b'.repeat(draftLimits.articleBody)} ` },
      ],
    };
    expect(validateDraft(draft)).toEqual([
      { field: 'title', message: '请填写公约标题' },
      { field: 'preamble', message: '序言不能超过1000个字' },
      { field: 'articleTitle', articleKey: start.articles[0].key, message: '第1条的标题不能超过40个字' },
      { field: 'articleBody', articleKey: start.articles[1].key, message: '第2条缺少正文' },
      { field: 'changeNote', message: '修订说明不能超过300个字' },
    ]);
    expect(validateDraft({ ...start, articles: [] })).toEqual([{ field: 'articles', message: '公约至少需要一条条款' }]);
    const tooMany = Array.from({ length: draftLimits.maxArticles + 1 }, (_, index) => ({ key: `k${index}`, title: `第${index}条`, body: '正文' }));
    expect(validateDraft({ ...start, articles: tooMany })).toEqual([{ field: 'articles', message: '条款不能超过20条' }]);
  });

  it('accepts exactly what pledge.saveDraft accepts, at the limits and just past them', () => {
    const start = draftFrom(published, false);
    const atLimits: PledgeDraft = {
      title: 't'.repeat(draftLimits.title),
      preamble: 'p'.repeat(draftLimits.preamble),
      changeNote: 'c'.repeat(draftLimits.changeNote),
      articles: Array.from({ length: draftLimits.maxArticles }, (_, index) => ({
        key: `k${index}`,
        title: 'a'.repeat(draftLimits.articleTitle),
        body: 'b'.repeat(draftLimits.articleBody),
      })),
    };
    const pastLimits: PledgeDraft[] = [
      { ...atLimits, title: `${atLimits.title}t` },
      { ...atLimits, preamble: `${atLimits.preamble}p` },
      { ...atLimits, changeNote: `${atLimits.changeNote}c` },
      { ...atLimits, articles: [...atLimits.articles, start.articles[0]] },
      { ...atLimits, articles: [{ ...atLimits.articles[0], title: `${atLimits.articles[0].title}a` }] },
      { ...atLimits, articles: [{ ...atLimits.articles[0], body: `${atLimits.articles[0].body}b` }] },
      { ...atLimits, articles: [] },
    ];
    for (const draft of [start, atLimits, ...pastLimits]) {
      const locallyValid = validateDraft(draft).length === 0;
      expect(pledgeInput.saveDraft.safeParse(toSaveDraftInput(draft)).success).toBe(locallyValid);
    }
    expect(validateDraft(atLimits)).toEqual([]);
  });

  it('sends trimmed text in the order shown and tells unsaved edits from whitespace', () => {
    const start = draftFrom(published, false);
    const spaced = updateArticle({ ...start, title: `  ${start.title} ` }, start.articles[0].key, 'body', ' 不编造、不歪曲事实。\n');
    expect(differsFrom(spaced, start)).toBe(false);
    const input = toSaveDraftInput(moveArticle(spaced, start.articles[1].key, -1));
    expect(input.title).toBe('新媒体从业人员自律公约');
    expect(input.articles.map((article) => article.title)).toEqual(['尊重他人权益', '坚持真实准确', '保护未成年人']);
    expect(input.articles[1].body).toBe('不编造、不歪曲事实。');
    expect(differsFrom(moveArticle(start, start.articles[1].key, -1), start)).toBe(true);
    expect(differsFrom({ ...start, changeNote: '新增广告标识条款' }, start)).toBe(true);
  });
});

describe('words the admin pages show', () => {
  it('reports an intact chain in green with the count', () => {
    expect(chainVerdict({ intact: true, checked: 128, firstProblem: null })).toMatchObject({ intact: true, title: '签署链完整，已校验 128 条' });
  });

  it('names the first broken record, its serial and how it broke', () => {
    expect(chainVerdict({ intact: false, checked: 40, firstProblem: { seq: 17, serial: 'XL-7Q2M9K4T1B', problem: 'altered' } }).title).toBe(
      '第 17 条记录（证书编号 XL-7Q2M9K4T1B）被篡改',
    );
    expect(chainVerdict({ intact: false, checked: 40, firstProblem: { seq: 18, serial: null, problem: 'removed' } })).toMatchObject({
      intact: false,
      title: '第 18 条记录被删除',
    });
    expect(chainVerdict({ intact: false, checked: 9, firstProblem: { seq: 3, serial: 'XL-AAAAAAAAAA', problem: 'reordered' } }).title).toBe(
      '第 3 条记录（证书编号 XL-AAAAAAAAAA）顺序被调换',
    );
  });

  it('summarizes article changes by kind', () => {
    const article = { no: 1, title: '标题', body: '正文' };
    const changes: ArticleChange[] = [
      { no: 2, change: 'changed', before: article, after: article },
      { no: 9, change: 'added', before: null, after: article },
      { no: 10, change: 'added', before: null, after: article },
      { no: 11, change: 'removed', before: article, after: null },
    ];
    expect(summarizeChanges(changes)).toBe('新增 2 条，修改 1 条，删除 1 条');
    expect(summarizeChanges([])).toBe('条款与现行版本相同');
  });

  it('badges signature statuses in Chinese', () => {
    expect(signatureStatusBadge('valid')).toEqual({ text: '有效', tone: 'success' });
    expect(signatureStatusBadge('superseded')).toEqual({ text: '已被新版本取代', tone: 'warning' });
    expect(signatureStatusBadge('withdrawn')).toEqual({ text: '已撤回', tone: 'muted' });
  });

  it('explains a refusal in words, for the right audience, and leaves other failures to the error state', () => {
    expect(refusalText('FORBIDDEN', 'admins')?.hint).toContain('仅对管理员开放');
    expect(refusalText('FORBIDDEN', 'organizers')?.hint).toContain('仅对组织者和管理员开放');
    expect(refusalText('UNAUTHENTICATED', 'admins')?.title).toBe('请先登录');
    expect(refusalText('NETWORK', 'admins')).toBeNull();
  });
});
