/**
 * @jest-environment jsdom
 */
import type { ClubDetail, ClubSummary } from '../../cloudfunctions/shared/contract/clubs';
import type { OrgNode } from '../../cloudfunctions/shared/contract/orgs';
import { type CloudAnswer, holdAnswers, openWith, recordWx, type RenderedPage, renderPage, settle, showing, startWeapp, tap, textOf } from './simulate-page';

const tabRoute = 'pages/clubs/index';
const createRoute = 'package-club/create/index';
const manageRoute = 'package-club/manage/index';
const unknown = { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };

const orgs: OrgNode[] = [
  { id: 'org-general', name: '浦东新联总会', kind: 'general', parentId: null, description: '', memberCount: 300 },
  { id: 'org-professional', name: '专业机构从业人员联谊会', kind: 'sector', parentId: 'org-general', description: '', memberCount: 40 },
  { id: 'org-club-reading', name: '新联悦读会', kind: 'club', parentId: 'org-professional', description: '', memberCount: 18 },
  { id: 'org-media', name: '新媒体从业人员联谊会', kind: 'sector', parentId: 'org-general', description: '', memberCount: 25 },
];

function me(roles: { orgId: string; role: string }[]) {
  return { ok: true, data: { profile: null, roles, privacyAcceptedVersion: '2026-11', currentPrivacyVersion: '2026-11' } };
}

function detail(patch: Partial<ClubDetail> = {}): ClubDetail {
  return {
    id: 'club-lujiazui', orgId: 'org-club-reading', orgName: '新联悦读会', name: '陆家嘴读书会', description: '每月共读一本经典', memberCount: 18, memberCap: 40,
    currentBook: null, nextSession: null, joined: false, books: [], schedule: null, scheduleText: null, upcomingSessions: [], canManage: true, myNotes: null,
    ...patch,
  };
}

async function type(page: RenderedPage, className: string, value: string, index = 0): Promise<void> {
  const field = page.querySelectorAll(`.${className}`)[index];
  if (!field) throw new Error(`nothing with class ${className} on the page`);
  field.dispatchEvent('input', { detail: { value } });
  await settle();
}

beforeEach(() => {
  jest.resetModules();
});

describe('创建读书会 on the 读书会 tab (compiled weapp page)', () => {
  const listed: ClubSummary = { ...detail(), currentBook: null };
  const tab = (roles: { orgId: string; role: string }[]): CloudAnswer => (fn, action) => {
    if (fn === 'clubs' && action === 'list') return { ok: true, data: { items: [listed], page: 1, pageSize: 20, hasMore: false } };
    if (fn === 'members' && action === 'me') return me(roles);
    return unknown;
  };

  it('is offered to an organizer and opens the create page', async () => {
    startWeapp(tab([{ orgId: 'org-professional', role: 'organizer' }]), tabRoute);
    const navigations = recordWx('navigateTo');
    const page = await renderPage(tabRoute);
    await showing(page, '陆家嘴读书会');
    await showing(page, '创建读书会');

    await tap(page, 'clubs__create');
    expect(navigations).toHaveLength(1);
    expect(navigations[0]).toMatchObject({ url: '/package-club/create/index' });
  });

  it.each([
    ['a plain member', []],
    ['a steward', [{ orgId: 'org-general', role: 'steward' }]],
  ])('is not offered to %s', async (_who, roles) => {
    const calls = startWeapp(tab(roles), tabRoute);
    const page = await renderPage(tabRoute);
    await showing(page, '陆家嘴读书会');
    await settle();

    expect(calls.some((call) => call.action === 'me')).toBe(true);
    expect(textOf(page)).not.toContain('创建读书会');
    expect(page.querySelector('.clubs__create')).toBeFalsy();
  });
});

describe('创建读书会 page (compiled weapp page)', () => {
  const organizer = (create: (data: unknown) => unknown): CloudAnswer => (fn, action, data) => {
    if (fn === 'members' && action === 'me') return me([{ orgId: 'org-professional', role: 'organizer' }]);
    if (fn === 'orgs' && action === 'tree') return { ok: true, data: { orgs, myOrgIds: [] } };
    if (fn === 'clubs' && action === 'create') return create(data);
    return unknown;
  };

  it('offers only the organisations the caller organizes, creates the club there and opens its manage page', async () => {
    const calls = startWeapp(organizer(() => ({ ok: true, data: detail({ id: 'club-new', name: '陆家嘴读书会', memberCount: 1 }) })), createRoute);
    const redirects = recordWx('redirectTo');
    const page = await renderPage(createRoute);
    const text = await showing(page, '所属组织');

    expect(text).toContain('专业机构从业人员联谊会');
    expect(text).toContain('新联悦读会');
    expect(text).not.toContain('浦东新联总会');
    expect(text).not.toContain('新媒体从业人员联谊会');
    expect(page.querySelectorAll('.club-create__org')).toHaveLength(2);

    page.querySelectorAll('.club-create__org')[1].dispatchEvent('tap');
    await type(page, 'club-fields__name', '  陆家嘴读书会 ');
    await type(page, 'club-fields__description', ' 每月共读一本经典 ');
    await type(page, 'club-fields__cap', '30');
    await tap(page, 'club-create__submit');

    expect(calls.filter((call) => call.action === 'create').map((call) => call.data)).toEqual([
      { orgId: 'org-club-reading', requestId: expect.stringMatching(/^[A-Za-z0-9-]{8,64}$/), name: '陆家嘴读书会', description: '每月共读一本经典', memberCap: 30 },
    ]);
    expect(redirects).toHaveLength(1);
    expect(redirects[0]).toMatchObject({ url: '/package-club/manage/index?clubId=club-new' });
  });

  it('checks the name before calling, and shows a refusal from the server without leaving the page', async () => {
    // The server's words, whether they name a field of the form (shown under it) or not (shown as a toast).
    const refusals = [
      { ok: false, code: 'VALIDATION_FAILED', message: '读书会名称不能包含特殊符号', field: 'name' },
      { ok: false, code: 'FORBIDDEN', message: '没有权限进行此操作' },
    ];
    const calls = startWeapp(organizer(() => refusals.shift()), createRoute);
    const redirects = recordWx('redirectTo');
    const navigations = recordWx('navigateTo');
    const toasts = recordWx('showToast');
    const page = await renderPage(createRoute);
    await showing(page, '所属组织');

    await tap(page, 'club-create__submit');
    await showing(page, '请填写读书会名称');
    expect(calls.some((call) => call.action === 'create')).toBe(false);

    await type(page, 'club-fields__name', '陆家嘴读书会★');
    await tap(page, 'club-create__submit');
    const text = await showing(page, '读书会名称不能包含特殊符号');
    expect(calls.filter((call) => call.action === 'create').map((call) => call.data)).toEqual([
      { orgId: 'org-professional', requestId: expect.stringMatching(/^[A-Za-z0-9-]{8,64}$/), name: '陆家嘴读书会★', description: '', memberCap: null },
    ]);
    expect(text).toContain('创建读书会');

    await type(page, 'club-fields__name', '陆家嘴读书会');
    await tap(page, 'club-create__submit');
    expect(toasts.map((toast) => toast.title)).toContain('没有权限进行此操作');
    const creates = calls.filter((call) => call.action === 'create').map((call) => call.data as { requestId: string });
    expect(creates).toHaveLength(2);
    // The same form asking again is the same request: had the first reached the server, this would answer its club.
    expect(creates[1].requestId).toBe(creates[0].requestId);
    expect(textOf(page)).not.toContain('读书会名称不能包含特殊符号');
    expect(redirects).toHaveLength(0);
    expect(navigations).toHaveLength(0);
  });

  it('sends clubs.create once when 创建读书会 is tapped twice in quick succession', async () => {
    const calls = startWeapp(organizer(() => ({ ok: true, data: detail({ id: 'club-new', memberCount: 1 }) })), createRoute);
    // Hold clubs.create in flight until released, so the second tap lands while the first is still sending.
    const release = holdAnswers('create');
    const redirects = recordWx('redirectTo');
    const page = await renderPage(createRoute);
    await showing(page, '所属组织');
    await type(page, 'club-fields__name', '陆家嘴读书会');

    const submit = page.querySelector('.club-create__submit');
    if (!submit) throw new Error('no 创建读书会 button');
    submit.dispatchEvent('tap');
    submit.dispatchEvent('tap');
    await showing(page, '创建中…');
    await settle();
    expect(calls.filter((call) => call.action === 'create')).toHaveLength(1);

    release();
    await settle();
    expect(calls.filter((call) => call.action === 'create')).toHaveLength(1);
    expect(redirects).toHaveLength(1);
    expect(redirects[0]).toMatchObject({ url: '/package-club/manage/index?clubId=club-new' });
  });

  it('tells a member who organizes nothing, and offers a retry when loading fails', async () => {
    startWeapp((fn, action) => (fn === 'members' && action === 'me' ? me([]) : action === 'tree' ? { ok: true, data: { orgs, myOrgIds: [] } } : unknown), createRoute);
    const empty = await renderPage(createRoute);
    const text = await showing(empty, '你还不是任何组织的组织者');
    expect(text).not.toContain('所属组织');

    jest.resetModules();
    startWeapp(() => ({ ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后重试' }), createRoute);
    const failed = await renderPage(createRoute);
    await showing(failed, '系统繁忙，请稍后重试');
    expect(failed.querySelector('.error-state__retry')).toBeTruthy();
  });
});

describe('基本信息 on the manage page (compiled weapp page)', () => {
  it('shows the server refusing a cap below the members there are, then saves the basics through clubs.update', async () => {
    const calls = startWeapp((fn, action, data) => {
      if (fn === 'clubs' && action === 'get') return { ok: true, data: detail() };
      if (fn === 'clubs' && action === 'update') {
        const input = data as { name: string; description: string; memberCap: number | null };
        if (input.memberCap !== null && input.memberCap < 18) {
          return { ok: false, code: 'VALIDATION_FAILED', message: '人数上限不能少于现有成员数（18 人）', field: 'memberCap' };
        }
        return { ok: true, data: detail({ name: input.name, description: input.description, memberCap: input.memberCap }) };
      }
      return unknown;
    }, manageRoute);
    openWith({ clubId: 'club-lujiazui' });
    const page = await renderPage(manageRoute);
    let text = await showing(page, '基本信息');
    expect(text).toContain('现有 18 人');

    await type(page, 'club-fields__cap', '10');
    await tap(page, 'club-manage__basics-save');
    text = await showing(page, '人数上限不能少于现有成员数（18 人）');
    expect(calls.filter((call) => call.action === 'update').map((call) => call.data)).toEqual([
      { clubId: 'club-lujiazui', name: '陆家嘴读书会', description: '每月共读一本经典', memberCap: 10 },
    ]);

    await type(page, 'club-fields__name', ' 陆家嘴经典读书会 ');
    await type(page, 'club-fields__cap', '');
    await tap(page, 'club-manage__basics-save');
    text = await showing(page, '陆家嘴经典读书会');

    expect(calls.filter((call) => call.action === 'update').map((call) => call.data)[1]).toEqual({
      clubId: 'club-lujiazui', name: '陆家嘴经典读书会', description: '每月共读一本经典', memberCap: null,
    });
    expect(text).not.toContain('人数上限不能少于现有成员数');
    expect(page.querySelector('.club-manage__name')?.dom?.textContent).toBe('陆家嘴经典读书会');
  });
});
