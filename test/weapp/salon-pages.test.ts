/**
 * @jest-environment jsdom
 */
import type { MyRegistrationItem } from '../../cloudfunctions/shared/contract/registrations';
import simulate from 'miniprogram-simulate';
import { salonDetail } from './fixtures';
import { type CloudAnswer, openWith, recordWx, renderPage, showing, startWeapp, tap, textOf } from './simulate-page';

const detailRoute = 'package-event/detail/index';
const summaryRoute = 'package-organizer/summary/index';
const myRegistrationsRoute = 'package-me/my-registrations/index';
const editRoute = 'package-organizer/edit/index';

const tradeSalon = salonDetail({
  id: 'ev-digital-trade-salon',
  title: '数字贸易与跨境服务沙龙',
  status: 'closed',
  startAt: '2026-11-14T06:00:00.000Z',
  endAt: '2026-11-14T09:00:00.000Z',
  venue: { name: '张江科学会堂', address: '浦东新区海科路 777 号' },
  signupOpensAt: '2026-11-01T01:00:00.000Z',
  signupClosesAt: '2026-11-13T10:00:00.000Z',
  capacity: 30,
  seatsTaken: 24,
  waitlistCount: 0,
  membersOnly: false,
  description: '围绕数字贸易规则交流。',
  questions: [{ id: 'statement', kind: 'text', label: '申请理由', required: true, options: [] }],
  guests: [
    { name: '王静', title: '某律师事务所合伙人', topic: '跨境数据合规要点' },
    { name: '陈立', title: '', topic: '' },
  ],
  summary: {
    text: '24 位会员参加了本次沙龙。\n嘉宾围绕数据出境分享了实务经验。',
    photoUrls: ['https://files.example/a.jpg', 'https://files.example/b.jpg'],
    postedAt: '2026-11-15T02:00:00.000Z',
  },
  pendingCount: 0,
  createdAt: '2026-10-30T01:00:00.000Z',
});

const unknown = { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };

beforeEach(() => {
  jest.resetModules();
});

describe('event page with guests and a summary (compiled weapp page)', () => {
  it('lists the guests, shows the summary and previews the tapped photo among all', async () => {
    const answer: CloudAnswer = (fn, action) => {
      if (fn === 'events' && action === 'get') return { ok: true, data: tradeSalon };
      if (fn === 'events' && action === 'myRegistration') return { ok: true, data: null };
      return unknown;
    };
    startWeapp(answer, detailRoute);
    openWith({ id: tradeSalon.id, section: 'summary' });
    const previews = recordWx('previewImage');
    const scrolls = recordWx('pageScrollTo');
    const page = await renderPage(detailRoute);
    const text = await showing(page, '活动回顾');

    expect(text).toContain('嘉宾');
    expect(text).toContain('王静');
    expect(text).toContain('某律师事务所合伙人');
    expect(text).toContain('分享主题：跨境数据合规要点');
    expect(text).toContain('陈立');
    expect(text).toContain('24 位会员参加了本次沙龙。');
    expect(text).toContain('嘉宾围绕数据出境分享了实务经验。');
    expect(text).toContain('发布');
    expect(page.querySelectorAll('.detail__photo')).toHaveLength(2);
    expect(page.querySelector('.detail__photos--2')).toBeTruthy();
    // The sign-up bar is still there: the event is over, so it says why there is no button.
    expect(page.querySelector('.detail__bar')).toBeTruthy();

    page.querySelectorAll('.detail__photo')[1].dispatchEvent('tap');
    await simulate.sleep(100);
    expect(previews).toHaveLength(1);
    expect(previews[0]).toMatchObject({ urls: tradeSalon.summary?.photoUrls, current: 'https://files.example/b.jpg' });
    expect(scrolls[0]).toMatchObject({ selector: '#event-summary' });
  });

  it('shows neither section for an event without guests or summary', async () => {
    const plain = { ...tradeSalon, guests: [], summary: null };
    startWeapp((_fn, action) => (action === 'get' ? { ok: true, data: plain } : action === 'myRegistration' ? { ok: true, data: null } : unknown), detailRoute);
    openWith({ id: plain.id });
    const text = await showing(await renderPage(detailRoute), '活动介绍');
    expect(text).not.toContain('嘉宾');
    expect(text).not.toContain('活动回顾');
  });
});

describe('my registrations, past (compiled weapp page)', () => {
  it('offers 查看活动回顾 on a past event with a summary and opens the event page at it', async () => {
    const item = (overrides: Partial<MyRegistrationItem['event']>): MyRegistrationItem => ({
      eventId: overrides.id ?? tradeSalon.id,
      status: 'confirmed',
      waitlistPosition: null,
      offerExpiresAt: null,
      contact: { name: '刘洋', mobile: '13800001111' },
      answers: {},
      team: null,
      registeredAt: '2026-11-05T01:00:00.000Z',
      decisionMessage: null,
      cancelUntil: null,
      event: {
        id: tradeSalon.id,
        title: tradeSalon.title,
        kind: 'salon',
        status: 'closed',
        startAt: tradeSalon.startAt,
        endAt: tradeSalon.endAt,
        venue: tradeSalon.venue,
        hasSummary: true,
        ...overrides,
      },
    });
    const answer: CloudAnswer = (fn, action, data) => {
      if (fn === 'events' && action === 'myRegistrations') {
        const past = (data as { when: string }).when === 'past';
        const items = past ? [item({}), item({ id: 'ev-old-forum', title: '往期论坛', hasSummary: false })] : [];
        return { ok: true, data: { items, page: 1, pageSize: 10, hasMore: false } };
      }
      return unknown;
    };
    startWeapp(answer, myRegistrationsRoute);
    const navigations = recordWx('navigateTo');
    const page = await renderPage(myRegistrationsRoute);
    await showing(page, '还没有即将参加的活动');
    page.querySelectorAll('.my-registrations__tab')[1].dispatchEvent('tap');
    const text = await showing(page, '往期论坛');

    expect(text.match(/查看活动回顾/g)).toHaveLength(1);
    await tap(page, 'my-registration__summary');
    expect(navigations).toHaveLength(1);
    expect(navigations[0]).toMatchObject({ url: `/package-event/detail/index?id=${tradeSalon.id}&section=summary` });
  });
});

describe('发布活动回顾 page (compiled weapp page)', () => {
  it('refuses before the event has ended, saying when it ends', async () => {
    const upcoming = { ...tradeSalon, status: 'published' as const, startAt: '2099-12-02T06:00:00.000Z', endAt: '2099-12-02T09:00:00.000Z', summary: null };
    const calls = startWeapp((_fn, action) => (action === 'get' ? { ok: true, data: upcoming } : unknown), summaryRoute);
    openWith({ id: upcoming.id });
    const text = await showing(await renderPage(summaryRoute), '暂时不能发布活动回顾');
    expect(text).toContain('后才能发布活动回顾');
    expect(calls.map((call) => call.action)).toEqual(['get']);
  });

  it('checks the text first, then posts the trimmed text and says so', async () => {
    const fresh = { ...tradeSalon, summary: null };
    const posted: unknown[] = [];
    const calls = startWeapp((_fn, action, data) => {
      if (action === 'get') return { ok: true, data: fresh };
      if (action === 'postSummary') {
        posted.push(data);
        return { ok: true, data: { ...fresh, summary: { text: '回顾', photoUrls: [], postedAt: '2026-11-20T02:00:00.000Z' } } };
      }
      return unknown;
    }, summaryRoute);
    openWith({ id: fresh.id });
    const page = await renderPage(summaryRoute);
    await showing(page, '发布活动回顾');
    expect(textOf(page)).toContain('0/6');

    await tap(page, 'summary-editor__post');
    expect(await showing(page, '请填写活动回顾')).toBeTruthy();
    expect(calls.some((call) => call.action === 'postSummary')).toBe(false);

    page.querySelector('.summary-editor__text')?.dispatchEvent('input', { detail: { value: '  24 位会员参加。 ' } });
    await simulate.sleep(100);
    await tap(page, 'summary-editor__post');
    await showing(page, '活动回顾已发布');
    expect(posted).toEqual([{ id: fresh.id, text: '24 位会员参加。', photos: [] }]);
  });

  it('keeps posted photos, sends a small picked photo as it is and compresses a large one', async () => {
    const jpeg = (bytes: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(bytes - 4, 1)]).toString('base64');
    const files: Record<string, string> = { 'wxfile://small.jpg': jpeg(1000), 'wxfile://large-compressed.jpg': jpeg(150 * 1024), 'wxfile://posted.jpg': jpeg(2000) };
    const posted: { photos: string[] }[] = [];
    startWeapp((_fn, action, data) => {
      if (action === 'get') return { ok: true, data: { ...tradeSalon, summary: { ...tradeSalon.summary, photoUrls: ['https://files.example/a.jpg'] } } };
      if (action === 'postSummary') {
        posted.push(data as { photos: string[] });
        return { ok: true, data: tradeSalon };
      }
      return unknown;
    }, summaryRoute);
    openWith({ id: tradeSalon.id });
    const globals = global as unknown as { wx: Record<string, unknown> };
    const compressed: unknown[] = [];
    globals.wx.chooseImage = (options: { count: number; success: (result: unknown) => void }) =>
      options.success({
        tempFilePaths: ['wxfile://small.jpg', 'wxfile://large.jpg'],
        tempFiles: [
          { path: 'wxfile://small.jpg', size: 1000 },
          { path: 'wxfile://large.jpg', size: 3_000_000 },
        ],
        errMsg: 'chooseImage:ok',
      });
    globals.wx.getImageInfo = (options: { success: (result: unknown) => void }) => options.success({ width: 4032, height: 3024, errMsg: 'getImageInfo:ok' });
    globals.wx.compressImage = (options: { success: (result: unknown) => void }) => {
      compressed.push(options);
      options.success({ tempFilePath: 'wxfile://large-compressed.jpg', errMsg: 'compressImage:ok' });
    };
    globals.wx.downloadFile = (options: { url: string; success: (result: unknown) => void }) =>
      options.success({ tempFilePath: 'wxfile://posted.jpg', statusCode: 200, errMsg: 'downloadFile:ok' });
    globals.wx.getFileSystemManager = () => ({
      readFile: (options: { filePath: string; success: (result: unknown) => void; fail: (error: unknown) => void }) =>
        files[options.filePath] ? options.success({ data: files[options.filePath] }) : options.fail({ errMsg: 'readFile:fail no such file' }),
    });

    const page = await renderPage(summaryRoute);
    await showing(page, '更新活动回顾');
    expect(textOf(page)).toContain('再次发布将替换原回顾');
    expect(textOf(page)).toContain('1/6');
    await tap(page, 'summary-photo--add');
    await showing(page, '3/6');
    for (let waited = 0; page.querySelector('.summary-photo--compressing') && waited < 3000; waited += 100) await simulate.sleep(100);

    await tap(page, 'summary-editor__post');
    for (let waited = 0; posted.length === 0 && waited < 3000; waited += 100) await simulate.sleep(100);
    expect(compressed).toEqual([expect.objectContaining({ src: 'wxfile://large.jpg', quality: 82, compressedWidth: 1600 })]);
    expect(posted).toHaveLength(1);
    expect(posted[0].photos).toEqual([`data:image/jpeg;base64,${files['wxfile://posted.jpg']}`, `data:image/jpeg;base64,${files['wxfile://small.jpg']}`, `data:image/jpeg;base64,${files['wxfile://large-compressed.jpg']}`]);
  });

  it('shows a refusal from the server in words and keeps what was typed', async () => {
    startWeapp((_fn, action) => {
      if (action === 'get') return { ok: true, data: { ...tradeSalon, summary: null } };
      if (action === 'postSummary') return { ok: false, code: 'FORBIDDEN', message: '没有权限进行此操作' };
      return unknown;
    }, summaryRoute);
    openWith({ id: tradeSalon.id });
    const page = await renderPage(summaryRoute);
    await showing(page, '发布活动回顾');
    page.querySelector('.summary-editor__text')?.dispatchEvent('input', { detail: { value: '回顾内容' } });
    await simulate.sleep(100);
    await tap(page, 'summary-editor__post');
    const text = await showing(page, '只有主办组织的组织者可以发布活动回顾');
    expect(text).toContain('发布活动回顾');
  });
});

describe('event editor keeps the guests (compiled weapp page)', () => {
  it('shows the saved guests and sends them back with an edit', async () => {
    const upcoming = { ...tradeSalon, status: 'published' as const, startAt: '2099-12-02T06:00:00.000Z', endAt: '2099-12-02T09:00:00.000Z', signupClosesAt: '2099-12-01T06:00:00.000Z', summary: null };
    const updates: { fields: { guests: unknown; title: string } }[] = [];
    startWeapp((fn, action, data) => {
      if (fn === 'members' && action === 'me') {
        return { ok: true, data: { profile: null, roles: [{ orgId: 'org-professional', role: 'organizer' }], privacyAcceptedVersion: '2026-11', currentPrivacyVersion: '2026-11' } };
      }
      if (fn === 'orgs' && action === 'tree') {
        return { ok: true, data: { orgs: [{ id: 'org-professional', name: '专业机构从业人员联谊会', kind: 'sector', parentId: null, description: '', memberCount: 80 }], myOrgIds: [] } };
      }
      if (fn === 'events' && action === 'get') return { ok: true, data: upcoming };
      if (fn === 'events' && action === 'update') {
        updates.push(data as (typeof updates)[number]);
        return { ok: true, data: upcoming };
      }
      return unknown;
    }, editRoute);
    openWith({ id: upcoming.id });
    const page = await renderPage(editRoute);
    await showing(page, '嘉宾 · 2');
    expect(page.querySelectorAll('.guest-editor__row')).toHaveLength(2);

    page.querySelectorAll('.form-field__input')[0].dispatchEvent('input', { detail: { value: '数字贸易沙龙（第二场）' } });
    await simulate.sleep(100);
    await tap(page, 'event-editor__save');
    await showing(page, '保存修改');
    for (let waited = 0; updates.length === 0 && waited < 3000; waited += 100) await simulate.sleep(100);
    expect(updates).toHaveLength(1);
    expect(updates[0].fields.title).toBe('数字贸易沙龙（第二场）');
    expect(updates[0].fields.guests).toEqual(tradeSalon.guests);
  });
});
