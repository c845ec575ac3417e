/**
 * @jest-environment jsdom
 */
import type { ClubSummary } from '../../cloudfunctions/shared/contract/clubs';
import { renderPage, startWeapp, textOf, waitForText, type CloudAnswer } from './simulate-page';

const route = 'pages/clubs/index';

function club(id: string, name: string, patch: Partial<ClubSummary> = {}): ClubSummary {
  return {
    id, orgId: 'org-club-reading', orgName: '新联悦读会', name, description: '', memberCount: 18, memberCap: 40, joined: false, nextSession: null,
    currentBook: { title: '乡土中国', author: '费孝通', isbn: '', coverUrl: null, reason: '', startedAt: '2026-11-23T00:00:00.000Z', finishedAt: null },
    ...patch,
  };
}

function answering(items: ClubSummary[] | null): CloudAnswer {
  return (fn, action) => {
    if (fn === 'clubs' && action === 'list') {
      return items ? { ok: true, data: { items, page: 1, pageSize: 20, hasMore: false } } : { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后重试' };
    }
    return { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
  };
}

beforeEach(() => {
  jest.resetModules();
});

describe('读书会 tab (compiled weapp page)', () => {
  it('lists my clubs first, with the current book, members against the cap and the next session', async () => {
    const calls = startWeapp(
      answering([
        club('c-other', '陆家嘴读书会', { memberCap: null, memberCount: 7, currentBook: null }),
        club('c-mine', '新联悦读会', {
          joined: true,
          nextSession: {
            id: 'club-c-mine-2026-11-29', title: '共读', kind: 'reading', status: 'published', topic: '第 1–5 章', occurrence: '2026-11-29',
            startAt: '2026-11-29T11:30:00.000Z', endAt: '2026-11-29T13:00:00.000Z', venue: { name: '浦东图书馆', address: '' },
            hosts: [{ id: 'org-club-reading', name: '新联悦读会' }], signupOpensAt: '2026-11-20T00:00:00.000Z', signupClosesAt: '2026-11-29T11:30:00.000Z',
            capacity: 20, seatsTaken: 3, waitlistCount: 0, requiresApproval: false, membersOnly: false, team: null, waitlistMode: 'auto',
          },
        }),
      ]),
      route,
    );
    const page = await renderPage(route);
    await waitForText(page, '我的读书会');
    const text = textOf(page);

    // members.me only decides whether to offer 创建读书会; it fails here, so the button stays out.
    expect(calls.map((call) => `${call.name}.${call.action}`).sort()).toEqual(['clubs.list', 'members.me']);
    expect(text).not.toContain('创建读书会');
    expect(text.indexOf('新联悦读会')).toBeLessThan(text.indexOf('陆家嘴读书会'));
    expect(text).toContain('更多读书会');
    expect(text).toContain('《乡土中国》');
    expect(text).toContain('会员 18/40 人');
    expect(text).toContain('会员 7 人');
    expect(text).toContain('书目待定');
    expect(text).toContain('11月29日 周日 19:30–21:00');
    expect(text).toContain('暂未安排');
    expect(page.querySelectorAll('.club-card')).toHaveLength(2);
  });

  it('says so when there is no club, and offers a retry when the list fails', async () => {
    startWeapp(answering([]), route);
    const empty = await renderPage(route);
    await waitForText(empty, '还没有读书会');

    jest.resetModules();
    startWeapp(answering(null), route);
    const failed = await renderPage(route);
    await waitForText(failed, '系统繁忙，请稍后重试');
    expect(textOf(failed)).toContain('重试');
  });
});
