/**
 * @jest-environment jsdom
 */
import fs from 'node:fs';
import path from 'node:path';
import type { EventSummary } from '../../cloudfunctions/shared/contract/events';
import type { OrgNode } from '../../cloudfunctions/shared/contract/orgs';
import { distRoot, renderPage, startWeapp, tap, textOf, waitForText, type CloudAnswer } from './simulate-page';

const route = 'pages/events/index';

function event(overrides: Partial<EventSummary>): EventSummary {
  return {
    id: 'evt-forum',
    title: '陆家嘴金融城青年论坛',
    kind: 'forum',
    status: 'published',
    startAt: '2026-11-28T06:00:00.000Z',
    endAt: '2026-11-28T09:00:00.000Z',
    venue: { name: '陆家嘴金融城党群服务中心', address: '浦东新区银城中路 501 号' },
    hosts: [{ id: 'org-ljz', name: '陆家嘴金融城新联会' }],
    signupOpensAt: '2026-11-01T01:00:00.000Z',
    signupClosesAt: '2026-11-27T10:00:00.000Z',
    capacity: 80,
    seatsTaken: 68,
    waitlistCount: 0,
    requiresApproval: false,
    membersOnly: false,
    team: null,
    waitlistMode: 'auto',
    ...overrides,
  };
}

const twoEvents = [
  event({}),
  event({
    id: 'evt-run',
    title: '滨江定向赛',
    kind: 'sports',
    venue: { name: '前滩休闲公园', address: '浦东新区海阳西路' },
    hosts: [{ id: 'org-general', name: '浦东新联总会' }, { id: 'org-newmedia', name: '新媒体从业人员联谊会' }],
    capacity: 600,
    seatsTaken: 600,
    waitlistCount: 3,
  }),
];

const orgs: OrgNode[] = [
  { id: 'org-general', name: '浦东新联总会', kind: 'general', parentId: null, description: '', memberCount: 320 },
  { id: 'org-ljz', name: '陆家嘴金融城新联会', kind: 'zone', parentId: 'org-general', description: '', memberCount: 86 },
];

function answering(eventsReply: unknown): CloudAnswer {
  return (fn, action) => {
    if (fn === 'events' && action === 'list') return eventsReply;
    if (fn === 'orgs' && action === 'tree') return { ok: true, data: { orgs, myOrgIds: [] } };
    return { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
  };
}

beforeEach(() => {
  jest.resetModules();
});

describe('events tab (compiled weapp page)', () => {
  it('renders the cards of the first page: titles, times, venues, hosts and seats', async () => {
    const calls = startWeapp(answering({ ok: true, data: { items: twoEvents, page: 1, pageSize: 10, hasMore: false } }), route);
    const page = await renderPage(route);
    await waitForText(page, '没有更多活动了');
    const text = textOf(page);

    expect(calls).toContainEqual({ name: 'events', action: 'list', data: { page: 1, pageSize: 10 } });
    expect(text).toContain('陆家嘴金融城青年论坛');
    expect(text).toContain('滨江定向赛');
    expect(text).toContain('11月28日 周六 14:00–17:00');
    expect(text).toContain('陆家嘴金融城党群服务中心');
    expect(text).toContain('前滩休闲公园');
    expect(text).toContain('浦东新联总会、新媒体从业人员联谊会');
    expect(text).toContain('剩余 12 席');
    expect(text).toContain('候补 3 人');
    expect(text).toContain('论坛');
    expect(text).toContain('没有更多活动了');
  });

  it('shows the server message and a retry that asks again', async () => {
    let reply: unknown = { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后重试' };
    const calls = startWeapp((fn, action, data) => answering(reply)(fn, action, data), route);
    const page = await renderPage(route);
    await waitForText(page, '加载失败');

    expect(textOf(page)).toContain('加载失败');
    expect(textOf(page)).toContain('系统繁忙，请稍后重试');
    expect(page.querySelector('.error-state__retry')?.dom?.textContent).toContain('重试');

    reply = { ok: true, data: { items: twoEvents.slice(0, 1), page: 1, pageSize: 10, hasMore: false } };
    const listCallsBefore = calls.filter((call) => call.action === 'list').length;
    await tap(page, 'error-state__retry');
    await waitForText(page, '陆家嘴金融城青年论坛');

    expect(calls.filter((call) => call.action === 'list').length).toBe(listCallsBefore + 1);
    expect(textOf(page)).toContain('陆家嘴金融城青年论坛');
    expect(textOf(page)).not.toContain('系统繁忙');
  });
});

describe('weapp package', () => {
  const appJson = JSON.parse(fs.readFileSync(path.join(distRoot, 'app.json'), 'utf8')) as {
    subPackages: { root: string }[];
  };
  const subpackageRoots = appJson.subPackages.map((pkg) => pkg.root.replace(/\/$/, ''));
  // The tool's own settings are not uploaded with the code.
  const notUploaded = new Set(['project.config.json', 'project.private.config.json']);

  function filesUnder(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(full) : [full];
    });
  }

  const allFiles = filesUnder(distRoot);
  const mainFiles = allFiles.filter((file) => {
    const relative = path.relative(distRoot, file);
    return !notUploaded.has(relative) && !relative.endsWith('.map') && !subpackageRoots.some((root) => relative.startsWith(`${root}/`));
  });

  it('keeps the main package under 450 KB', () => {
    const bytes = mainFiles.reduce((total, file) => total + fs.statSync(file).size, 0);
    const subpackageBytes = allFiles
      .filter((file) => subpackageRoots.some((root) => path.relative(distRoot, file).startsWith(`${root}/`)))
      .reduce((total, file) => total + fs.statSync(file).size, 0);
    console.log(`weapp main package: ${(bytes / 1024).toFixed(1)} KB in ${mainFiles.length} files; subpackages: ${(subpackageBytes / 1024).toFixed(1)} KB`);
    expect(bytes).toBeLessThan(450 * 1024);
  });

  it('ships no zod: the mini program imports only the contract types and its zod-free modules', () => {
    const withZod = allFiles.filter((file) => file.endsWith('.js') && fs.readFileSync(file, 'utf8').includes('ZodError'));
    expect(withZod).toEqual([]);
  });
});
