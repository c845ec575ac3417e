/**
 * @jest-environment jsdom
 */
import type { ManagedEvent } from '../../cloudfunctions/shared/contract/events';
import type { RegistrationRow, SeatCounters } from '../../cloudfunctions/shared/contract/registrations';
import { salonDetail } from './fixtures';
import { type CloudAnswer, holdAnswers, openWith, recordWx, renderPage, settle, showing, startWeapp, tap, textOf } from './simulate-page';

const eventsRoute = 'package-organizer/events/index';
const editRoute = 'package-organizer/edit/index';
const registrationsRoute = 'package-organizer/registrations/index';

const salon = salonDetail();

function managed(overrides: Partial<ManagedEvent>): ManagedEvent {
  const { description: _d, schedule: _s, questions: _q, cancellationDeadline: _c, offerHours: _o, createdAt: _a, ...summary } = salon;
  return { ...summary, ...overrides };
}

function row(overrides: Partial<RegistrationRow>): RegistrationRow {
  return {
    memberId: 'm-he-jiayi',
    name: '何佳怡',
    mobile: '13916220517',
    sector: 'professional',
    employer: '某律师事务所',
    title: '合伙人律师',
    status: 'pending',
    waitlistPosition: null,
    answers: { reason: '从事跨境争议解决十年' },
    team: null,
    registeredAt: '2026-11-26T01:06:00.000Z',
    addedByOrganizer: false,
    decisionMessage: null,
    ...overrides,
  };
}

const counters: SeatCounters = { seatsTaken: 39, waitlistCount: 1, openOffers: 0, pendingCount: 1 };

beforeEach(() => {
  jest.resetModules();
});

describe('organizer events page (compiled weapp page)', () => {
  it('lists managed events with status, seats and what waits for the organizer', async () => {
    const answer: CloudAnswer = (fn, action) => {
      if (fn === 'events' && action === 'managed') {
        return {
          ok: true,
          data: {
            items: [managed({}), managed({ id: 'ev-reading-14', title: '悦读会第 14 期', kind: 'reading', status: 'draft', seatsTaken: 0, waitlistCount: 0, pendingCount: 0 })],
            page: 1,
            pageSize: 10,
            hasMore: false,
          },
        };
      }
      return { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
    };
    const calls = startWeapp(answer, eventsRoute);
    const text = await showing(await renderPage(eventsRoute), '共 2 个活动');

    expect(calls.map((call) => `${call.name}.${call.action}`)).toEqual(['events.managed']);
    expect(text).toContain('新建活动');
    expect(text).toContain('“一带一路”专业服务沙龙');
    expect(text).toContain('报名中');
    expect(text).toContain('39/40人');
    expect(text).toContain('候补');
    expect(text).toContain('待审核');
    expect(text).toContain('悦读会第 14 期');
    // The list's hint and the draft's status tag.
    expect(text.match(/草稿/g)).toHaveLength(2);
    expect(text).toContain('共 2 个活动');
  });

  it('tells a member without an organizer role why there is nothing to manage', async () => {
    startWeapp(() => ({ ok: false, code: 'FORBIDDEN', message: '没有权限进行此操作' }), eventsRoute);
    const text = await showing(await renderPage(eventsRoute), '没有权限');

    expect(text).toContain('没有权限');
    expect(text).toContain('仅对组织者和管理员开放');
    expect(text).not.toContain('新建活动');
  });
});

describe('registrations page (compiled weapp page)', () => {
  it('shows counters and rows with unmasked mobiles, and approves a pending sign-up with a message', async () => {
    const rows = [row({}), row({ memberId: 'm-liu-yang', name: '刘洋', mobile: '13800001111', status: 'waitlisted', waitlistPosition: 1, answers: {} })];
    const answer: CloudAnswer = (fn, action, data) => {
      if (fn === 'events' && action === 'get') return { ok: true, data: salon };
      if (fn === 'events' && action === 'registrations') {
        const decided = (data as { pageSize: number }).pageSize === 1;
        return { ok: true, data: { items: decided ? [] : rows, page: 1, pageSize: 20, hasMore: false, counters: decided ? { ...counters, seatsTaken: 40, pendingCount: 0 } : counters, capacity: 40 } };
      }
      if (fn === 'events' && action === 'decide') return { ok: true, data: row({ status: 'confirmed', decisionMessage: '请提前到场' }) };
      return { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
    };
    const calls = startWeapp(answer, registrationsRoute);
    const page = await renderPage(registrationsRoute);
    let text = await showing(page, '候补 第 1 位');

    expect(text).toContain('39 / 40 人');
    expect(text).toContain('剩余 1 个名额');
    expect(text).toContain('139 1622 0517');
    expect(text).toContain('候补 第 1 位');
    expect(text).toContain('待审核 1');
    expect(text).toContain('查看回答（1）');

    await tap(page, 'registration-row__approve');
    await showing(page, '通过何佳怡的报名');

    await tap(page, 'dialog__confirm');
    text = await showing(page, '40 / 40 人');
    const decide = calls.find((call) => call.action === 'decide');
    expect(decide?.data).toEqual({ eventId: salon.id, memberId: 'm-he-jiayi', approve: true, message: '' });
    expect(text).not.toContain('通过何佳怡的报名');
    expect(text).toContain('请提前到场');
    expect(text).toContain('40 / 40 人');
  });

  it('sends events.decide once when 确认 in the approval dialog is tapped twice in quick succession', async () => {
    const answer: CloudAnswer = (fn, action) => {
      if (fn === 'events' && action === 'get') return { ok: true, data: salon };
      if (fn === 'events' && action === 'registrations') return { ok: true, data: { items: [row({})], page: 1, pageSize: 20, hasMore: false, counters, capacity: 40 } };
      if (fn === 'events' && action === 'decide') return { ok: true, data: row({ status: 'confirmed' }) };
      return { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
    };
    const calls = startWeapp(answer, registrationsRoute);
    // Hold events.decide in flight until released, so the second tap lands while the first is still sending.
    const release = holdAnswers('decide');
    const page = await renderPage(registrationsRoute);
    // The row itself, not the 待审核 chip: the chip's count comes with the event, before the rows arrive.
    await showing(page, '139 1622 0517');
    await tap(page, 'registration-row__approve');
    await showing(page, '通过何佳怡的报名');

    const confirm = page.querySelector('.dialog__confirm');
    if (!confirm) throw new Error('no 确认 button');
    confirm.dispatchEvent('tap');
    confirm.dispatchEvent('tap');
    await showing(page, '请稍候…');
    await settle();
    expect(calls.filter((call) => call.action === 'decide')).toHaveLength(1);

    release();
    await settle();
    expect(calls.filter((call) => call.action === 'decide')).toHaveLength(1);
    expect(textOf(page)).not.toContain('通过何佳怡的报名');
  });

  it('refuses an organizer of another organisation in words', async () => {
    const answer: CloudAnswer = (fn, action) => {
      if (fn === 'events' && action === 'get') return { ok: true, data: salon };
      return { ok: false, code: 'FORBIDDEN', message: '没有权限进行此操作' };
    };
    startWeapp(answer, registrationsRoute);
    await showing(await renderPage(registrationsRoute), '你不是该活动主办组织的组织者');
  });

  it('approves every pending application, read page by page first, one after another in the order they applied, with one message', async () => {
    const applicants = Array.from({ length: 53 }, (_, n) =>
      row({ memberId: `m-${String(n).padStart(2, '0')}`, name: `申请人${n + 1}`, mobile: `139000000${String(n).padStart(2, '0')}` }));
    const answer: CloudAnswer = (fn, action, data) => {
      if (fn === 'events' && action === 'get') return { ok: true, data: salon };
      if (fn === 'events' && action === 'registrations') {
        const asked = data as { status?: string; page: number; pageSize: number };
        const all = asked.status === 'pending' ? applicants : [row({ memberId: 'm-x', name: '张伟', status: 'confirmed' })];
        const items = all.slice((asked.page - 1) * asked.pageSize, asked.page * asked.pageSize);
        return { ok: true, data: { items, page: asked.page, pageSize: asked.pageSize, hasMore: asked.page * asked.pageSize < all.length, counters: { ...counters, pendingCount: 53 }, capacity: 40 } };
      }
      if (fn === 'events' && action === 'decide') {
        const { memberId } = data as { memberId: string };
        // Another organizer got to the second applicant first.
        if (memberId === 'm-01') return { ok: false, code: 'NOT_PENDING', message: '该报名已被处理' };
        return { ok: true, data: { ...applicants.find((candidate) => candidate.memberId === memberId)!, status: 'confirmed' } };
      }
      return { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
    };
    const calls = startWeapp(answer, registrationsRoute);
    const toasts = recordWx('showToast');
    const page = await renderPage(registrationsRoute);
    await showing(page, '张伟');
    expect(page.querySelector('.registrations-admin__approve-all')).toBeFalsy();

    page.querySelectorAll('.registrations-admin__filter-hit')[2].dispatchEvent('tap');
    await showing(page, '申请人20');
    await showing(page, '全部通过（53 人）');
    // The list shows its first page of 20; 全部通过 covers all 53.
    expect(page.querySelectorAll('.registration-row__top')).toHaveLength(20);
    await tap(page, 'registrations-admin__approve-all');
    await showing(page, '通过 53 人的报名');
    const dialogText = textOf(page.querySelector('.approve-all-dialog')!);
    expect(dialogText).toContain('按申请先后逐一通过：申请人1、申请人2、');
    expect(dialogText).toContain('申请人12 等 53 人');
    expect(dialogText).not.toContain('申请人13');
    expect(calls.filter((call) => call.action === 'registrations' && (call.data as { pageSize: number }).pageSize === 50).map((call) => (call.data as { page: number }).page)).toEqual([1, 2]);
    page.querySelector('.approve-all-dialog .registrations-admin__textarea')!.dispatchEvent('input', { detail: { value: ' 请提前到场 ' } });
    await settle();
    await tap(page, 'dialog__confirm');
    await settle();

    expect(calls.filter((call) => call.action === 'decide').map((call) => call.data)).toEqual(
      applicants.map(({ memberId }) => ({ eventId: salon.id, memberId, approve: true, message: '请提前到场' })),
    );
    expect(toasts.map((toast) => toast.title)).toEqual(['已通过 52 人，1 人已由他人处理']);
    expect(textOf(page)).not.toContain('通过 53 人的报名');
  });

  it('says so in words when the pending applications cannot be read for 全部通过', async () => {
    let failReads = false;
    const answer: CloudAnswer = (fn, action, data) => {
      if (fn === 'events' && action === 'get') return { ok: true, data: salon };
      if (fn === 'events' && action === 'registrations') {
        if (failReads && (data as { pageSize: number }).pageSize === 50) return { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后重试' };
        return { ok: true, data: { items: [row({ memberId: 'm-a', name: '何佳怡' }), row({ memberId: 'm-b', name: '刘洋' })], page: 1, pageSize: 20, hasMore: false, counters: { ...counters, pendingCount: 2 }, capacity: 40 } };
      }
      return { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
    };
    const calls = startWeapp(answer, registrationsRoute);
    const toasts = recordWx('showToast');
    const page = await renderPage(registrationsRoute);
    page.querySelectorAll('.registrations-admin__filter-hit')[2].dispatchEvent('tap');
    await showing(page, '刘洋');
    await showing(page, '全部通过（2 人）');
    failReads = true;
    await tap(page, 'registrations-admin__approve-all');
    await settle();
    expect(toasts.map((toast) => toast.title)).toEqual(['系统繁忙，请稍后重试']);
    expect(page.querySelector('.approve-all-dialog')).toBeFalsy();
    expect(calls.filter((call) => call.action === 'decide')).toHaveLength(0);
  });

  it('searches the list by name or mobile digits, shows the people found, and clears back to the list', async () => {
    const found = [row({ memberId: 'm-liu-yang', name: '刘洋', mobile: '13661259930', status: 'waitlisted', waitlistPosition: 3, answers: {} })];
    const answer: CloudAnswer = (fn, action, data) => {
      if (fn === 'events' && action === 'get') return { ok: true, data: salon };
      if (fn === 'events' && action === 'registrations') return { ok: true, data: { items: [row({})], page: 1, pageSize: 20, hasMore: false, counters, capacity: 40 } };
      if (fn === 'events' && action === 'searchRegistrations') return { ok: true, data: (data as { query: string }).query === '9930' ? found : [] };
      return { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
    };
    const calls = startWeapp(answer, registrationsRoute);
    const toasts = recordWx('showToast');
    const page = await renderPage(registrationsRoute);
    await showing(page, '何佳怡');

    await tap(page, 'registrations-admin__finder-button');
    expect(toasts.map((toast) => toast.title)).toEqual(['请输入姓名或手机尾号']);
    expect(calls.filter((call) => call.action === 'searchRegistrations')).toHaveLength(0);

    const input = page.querySelector('.registrations-admin__finder-input')!;
    input.dispatchEvent('input', { detail: { value: ' 9930 ' } });
    await settle();
    await tap(page, 'registrations-admin__finder-button');
    let text = await showing(page, '“9930”：找到 1 人');
    expect(calls.filter((call) => call.action === 'searchRegistrations').map((call) => call.data)).toEqual([{ eventId: salon.id, query: '9930' }]);
    expect(text).toContain('刘洋');
    expect(text).toContain('候补 第 3 位');
    expect(text).not.toContain('何佳怡');

    input.dispatchEvent('input', { detail: { value: '张' } });
    await settle();
    await tap(page, 'registrations-admin__finder-button');
    text = await showing(page, '没有找到“张”');

    await tap(page, 'registrations-admin__finder-clear');
    text = await showing(page, '何佳怡');
    expect(text).not.toContain('找到');
  });

  describe('导出名单', () => {
    const exported = { url: 'https://files.example/exports/ev-salon-1.xlsx', fileName: '“一带一路”专业服务沙龙-报名名单-20261126-0930.xlsx', people: 41, urlExpiresAt: '2026-11-26T01:45:00.000Z' };
    const wx = () => (global as unknown as { wx: Record<string, unknown> }).wx;

    /** Where the simulator's WeChat keeps a mini program's own files (WeChat's is `wxfile://usr`; here it ends in a slash). */
    const userFolder = () => (wx().env as { USER_DATA_PATH: string }).USER_DATA_PATH.replace(/\/$/, '');

    /** The phone's file system and downloads, as WeChat answers them: an empty export folder, a download that lands. */
    function phoneFiles(downloadStatus = 200) {
      const folders: string[] = [];
      const downloads: { url: string; filePath: string }[] = [];
      wx().getFileSystemManager = () => ({
        rmdirSync: () => {
          throw new Error('rmdirSync:fail no such file or directory');
        },
        mkdirSync: (folder: string) => folders.push(folder),
      });
      wx().downloadFile = (options: { url: string; filePath: string; success?: (result: unknown) => void }) => {
        downloads.push({ url: options.url, filePath: options.filePath });
        options.success?.({ statusCode: downloadStatus, filePath: options.filePath, errMsg: 'downloadFile:ok' });
      };
      recordWx('showLoading');
      recordWx('hideLoading');
      return { folders, downloads, opened: recordWx('openDocument'), toasts: recordWx('showToast') };
    }

    function exportingAnswer(reply: unknown): CloudAnswer {
      return (fn, action) => {
        if (fn === 'events' && action === 'get') return { ok: true, data: salon };
        if (fn === 'events' && action === 'registrations') return { ok: true, data: { items: [row({})], page: 1, pageSize: 20, hasMore: false, counters, capacity: 40 } };
        if (fn === 'reports' && action === 'exportRegistrations') return reply;
        return { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
      };
    }

    it('downloads the list under its own name and opens it with WeChat’s share menu', async () => {
      const calls = startWeapp(exportingAnswer({ ok: true, data: exported }), registrationsRoute);
      const phone = phoneFiles();
      const page = await renderPage(registrationsRoute);
      await showing(page, '导出名单');
      await tap(page, 'registrations-admin__export');
      await settle();

      expect(calls.filter((call) => call.action === 'exportRegistrations').map((call) => call.data)).toEqual([{ eventId: salon.id }]);
      const saved = `${userFolder()}/exports/${exported.fileName}`;
      expect(phone.folders).toEqual([`${userFolder()}/exports`]);
      expect(phone.downloads).toEqual([{ url: exported.url, filePath: saved }]);
      expect(phone.opened).toEqual([expect.objectContaining({ filePath: saved, fileType: 'xlsx', showMenu: true })]);
      expect(phone.toasts.map((toast) => toast.title)).toEqual(['已导出 41 人']);
    });

    it('says in words when the server refuses, and when the file does not arrive', async () => {
      startWeapp(exportingAnswer({ ok: false, code: 'FORBIDDEN', message: '没有权限进行此操作' }), registrationsRoute);
      let phone = phoneFiles();
      let page = await renderPage(registrationsRoute);
      await showing(page, '导出名单');
      await tap(page, 'registrations-admin__export');
      await settle();
      expect(phone.downloads).toEqual([]);
      expect(phone.toasts.map((toast) => toast.title)).toEqual(['没有权限进行此操作']);

      jest.resetModules();
      startWeapp(exportingAnswer({ ok: true, data: exported }), registrationsRoute);
      phone = phoneFiles(404);
      page = await renderPage(registrationsRoute);
      await showing(page, '导出名单');
      await tap(page, 'registrations-admin__export');
      await settle();
      expect(phone.opened).toEqual([]);
      expect(phone.toasts.map((toast) => toast.title)).toEqual(['名单已生成，但没能打开，请重试']);
    });
  });
});

describe('event editor (compiled weapp page)', () => {
  it('starts a new event for the organisation the caller organizes and checks it before calling the server', async () => {
    const answer: CloudAnswer = (fn, action) => {
      if (fn === 'members' && action === 'me') {
        return { ok: true, data: { profile: null, roles: [{ orgId: 'org-professional', role: 'organizer' }], privacyAcceptedVersion: '2026-11', currentPrivacyVersion: '2026-11' } };
      }
      if (fn === 'orgs' && action === 'tree') {
        return {
          ok: true,
          data: {
            orgs: [
              { id: 'org-general', name: '浦东新联总会', kind: 'general', parentId: null, description: '', memberCount: 300 },
              { id: 'org-professional', name: '专业机构从业人员联谊会', kind: 'sector', parentId: 'org-general', description: '', memberCount: 40 },
            ],
            myOrgIds: [],
          },
        };
      }
      return { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
    };
    const calls = startWeapp(answer, editRoute);
    const page = await renderPage(editRoute);
    let text = await showing(page, '保存草稿');

    expect(text).toContain('新建活动');
    expect(text).toContain('专业机构从业人员联谊会');
    expect(text).not.toContain('浦东新联总会');
    expect(text).toContain('保存草稿');
    expect(text).toContain('＋ 添加问题');

    await tap(page, 'event-editor__save');
    text = await showing(page, '请填写活动名称');
    expect(text).toContain('请填写场地名称');
    expect(calls.some((call) => call.action === 'create')).toBe(false);
  });

  it('adds a question with the editor', async () => {
    const answer: CloudAnswer = (fn, action) => {
      if (fn === 'members' && action === 'me') return { ok: true, data: { profile: null, roles: [{ orgId: 'org-general', role: 'admin' }], privacyAcceptedVersion: '2026-11', currentPrivacyVersion: '2026-11' } };
      if (fn === 'orgs' && action === 'tree') return { ok: true, data: { orgs: [{ id: 'org-general', name: '浦东新联总会', kind: 'general', parentId: null, description: '', memberCount: 300 }], myOrgIds: [] } };
      return { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
    };
    startWeapp(answer, editRoute);
    const page = await renderPage(editRoute);

    await showing(page, '报名问题 · 0');
    await tap(page, 'question-editor__add');
    const text = await showing(page, '报名问题 · 1');
    expect(text).toContain('问题 1');
    expect(text).toContain('必答');
  });
});

describe('复制 an event (compiled weapp page)', () => {
  it('opens the editor filled from the event, a week on, and saves it as a new draft', async () => {
    const day = 24 * 3600 * 1000;
    const startAt = Date.parse(new Date(Date.now() + 3 * day).toISOString().slice(0, 10) + 'T06:00:00.000Z');
    const iso = (ms: number) => new Date(ms).toISOString();
    const monthly = salonDetail({
      id: 'ev-monthly-salon',
      title: '专业服务沙龙（第 11 期）',
      startAt: iso(startAt),
      endAt: iso(startAt + 3 * 3600 * 1000),
      signupOpensAt: iso(startAt - 10 * day),
      signupClosesAt: iso(startAt - day),
    });
    const answer: CloudAnswer = (fn, action, data) => {
      if (fn === 'members' && action === 'me') return { ok: true, data: { profile: null, roles: [{ orgId: 'org-professional', role: 'organizer' }], privacyAcceptedVersion: '2026-11', currentPrivacyVersion: '2026-11' } };
      if (fn === 'orgs' && action === 'tree') return { ok: true, data: { orgs: [{ id: 'org-professional', name: '专业机构从业人员联谊会', kind: 'sector', parentId: null, description: '', memberCount: 40 }], myOrgIds: [] } };
      if (fn === 'events' && action === 'get') return { ok: true, data: monthly };
      if (fn === 'events' && action === 'create') return { ok: true, data: { ...monthly, id: 'ev-copy', status: 'draft', ...(data as { fields: object }).fields } };
      return { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
    };
    const calls = startWeapp(answer, editRoute);
    openWith({ copyFrom: monthly.id });
    const page = await renderPage(editRoute);
    const text = await showing(page, '复制活动');
    expect(text).toContain('已按「专业服务沙龙（第 11 期）」填好设置');
    expect(calls.filter((call) => call.action === 'get').map((call) => call.data)).toEqual([{ id: monthly.id }]);

    await tap(page, 'event-editor__save');
    await settle();
    const creates = calls.filter((call) => call.action === 'create').map((call) => call.data as { orgId: string; requestId: string; fields: Record<string, unknown> });
    expect(creates).toHaveLength(1);
    expect(creates[0]).toMatchObject({
      orgId: 'org-professional',
      requestId: expect.stringMatching(/^[A-Za-z0-9-]{8,64}$/),
      fields: {
        title: '专业服务沙龙（第 11 期）',
        startAt: iso(startAt + 7 * day),
        endAt: iso(startAt + 7 * day + 3 * 3600 * 1000),
        signupClosesAt: iso(startAt + 6 * day),
        questions: monthly.questions,
      },
    });
    expect(calls.some((call) => call.action === 'update')).toBe(false);
  });
});

describe('event editor and the server', () => {
  it('shows a VALIDATION_FAILED from the server next to the field it names', async () => {
    const answer: CloudAnswer = (fn, action) => {
      if (fn === 'members' && action === 'me') return { ok: true, data: { profile: null, roles: [{ orgId: 'org-general', role: 'organizer' }], privacyAcceptedVersion: '2026-11', currentPrivacyVersion: '2026-11' } };
      if (fn === 'orgs' && action === 'tree') return { ok: true, data: { orgs: [{ id: 'org-general', name: '浦东新联总会', kind: 'general', parentId: null, description: '', memberCount: 300 }], myOrgIds: [] } };
      if (fn === 'events' && action === 'create') return { ok: false, code: 'VALIDATION_FAILED', message: '报名截止时间不能晚于活动结束时间', field: 'fields.signupClosesAt' };
      return { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
    };
    const calls = startWeapp(answer, editRoute);
    const page = await renderPage(editRoute);
    await showing(page, '保存草稿');
    const [title, venue] = page.querySelectorAll('.form-field__input');
    title.dispatchEvent('input', { detail: { value: '青年论坛' } });
    venue.dispatchEvent('input', { detail: { value: '张江科学会堂' } });
    await tap(page, 'event-editor__save');
    const text = await showing(page, '报名截止时间不能晚于活动结束时间');

    expect(calls.find((call) => call.action === 'create')?.data).toMatchObject({ orgId: 'org-general', fields: { title: '青年论坛', venue: { name: '张江科学会堂' } } });
    // Under the 报名截止 row (its label, then the date and time pickers), and nowhere else.
    expect(text).toMatch(/报名截止 ?\d+月\d+日 周. ?\d\d:\d\d ?报名截止时间不能晚于活动结束时间/);
    expect(text.split('报名截止时间不能晚于活动结束时间')).toHaveLength(2);
  });

  it('sends events.create once when 保存草稿 on a new event is tapped twice in quick succession', async () => {
    const answer: CloudAnswer = (fn, action) => {
      if (fn === 'members' && action === 'me') return { ok: true, data: { profile: null, roles: [{ orgId: 'org-general', role: 'organizer' }], privacyAcceptedVersion: '2026-11', currentPrivacyVersion: '2026-11' } };
      if (fn === 'orgs' && action === 'tree') return { ok: true, data: { orgs: [{ id: 'org-general', name: '浦东新联总会', kind: 'general', parentId: null, description: '', memberCount: 300 }], myOrgIds: [] } };
      if (fn === 'events' && action === 'create') return { ok: true, data: { ...salon, id: 'event-new', status: 'draft', title: '青年论坛' } };
      return { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
    };
    const calls = startWeapp(answer, editRoute);
    // Hold events.create in flight until released, so the second tap lands while the first is still sending.
    const release = holdAnswers('create');
    const page = await renderPage(editRoute);
    await showing(page, '保存草稿');
    const [title, venue] = page.querySelectorAll('.form-field__input');
    title.dispatchEvent('input', { detail: { value: '青年论坛' } });
    venue.dispatchEvent('input', { detail: { value: '张江科学会堂' } });
    await settle();

    const save = page.querySelector('.event-editor__save');
    if (!save) throw new Error('no 保存草稿 button');
    save.dispatchEvent('tap');
    save.dispatchEvent('tap');
    await showing(page, '正在保存…');
    await settle();
    expect(calls.filter((call) => call.action === 'create')).toHaveLength(1);

    release();
    await showing(page, '保存草稿');
    await settle();
    expect(calls.filter((call) => call.action === 'create')).toHaveLength(1);
  });
});

describe('the 活动管理 entry on the 我的 tab', () => {
  const meAnswer = (roles: { orgId: string; role: string }[]): CloudAnswer => (fn, action) => {
    if (fn === 'members' && action === 'me') return { ok: true, data: { profile: null, roles, privacyAcceptedVersion: '2026-11', currentPrivacyVersion: '2026-11' } };
    if (fn === 'members' && action === 'notifications') return { ok: true, data: { items: [], page: 1, pageSize: 1, hasMore: false, unread: 0 } };
    if (fn === 'orgs' && action === 'tree') return { ok: true, data: { orgs: [{ id: 'org-general', name: '浦东新联总会', kind: 'general', parentId: null, description: '', memberCount: 300 }], myOrgIds: [] } };
    return { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
  };

  it.each([
    ['an organizer', [{ orgId: 'org-general', role: 'organizer' }]],
    ['an admin', [{ orgId: 'org-general', role: 'admin' }]],
  ])('is there for %s', async (_who, roles) => {
    startWeapp(meAnswer(roles), 'pages/me/index');
    const text = await showing(await renderPage('pages/me/index'), '浏览组织');
    expect(text).toContain('组织工作');
    expect(text).toContain('活动管理');
  });

  it.each([
    ['a plain member', []],
    ['a steward', [{ orgId: 'org-general', role: 'steward' }]],
  ])('is not there for %s', async (_who, roles) => {
    startWeapp(meAnswer(roles), 'pages/me/index');
    const text = await showing(await renderPage('pages/me/index'), '浏览组织');
    expect(text).not.toContain('活动管理');
  });
});
