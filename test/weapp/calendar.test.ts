/**
 * @jest-environment jsdom
 */
import type { MyRegistration } from '../../cloudfunctions/shared/contract/registrations';
import { calendarEntry } from '../../src/utils/calendar-entry';
import { salonDetail } from './fixtures';
import { type CloudAnswer, openWith, recordWx, renderPage, settle, showing, startWeapp, tap } from './simulate-page';

const detailRoute = 'package-event/detail/index';
const salon = salonDetail();

function registration(overrides: Partial<MyRegistration>): MyRegistration {
  return {
    eventId: salon.id,
    status: 'confirmed',
    waitlistPosition: null,
    offerExpiresAt: null,
    contact: { name: '刘洋', mobile: '13661259930' },
    answers: { reason: '从事跨境争议解决十年' },
    team: null,
    registeredAt: '2026-11-20T02:00:00.000Z',
    decisionMessage: null,
    cancelUntil: null,
    ...overrides,
  };
}

function answering(mine: MyRegistration): CloudAnswer {
  return (fn, action) => {
    if (fn === 'events' && action === 'get') return { ok: true, data: salon };
    if (fn === 'events' && action === 'myRegistration') return { ok: true, data: mine };
    return { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
  };
}

beforeEach(() => {
  jest.resetModules();
});

describe('calendarEntry', () => {
  it('takes the event’s instants, venue and hosts, with a reminder an hour ahead', () => {
    expect(calendarEntry(salon)).toEqual({
      title: '“一带一路”专业服务沙龙',
      startMs: Date.parse('2026-12-02T06:00:00.000Z'),
      endMs: Date.parse('2026-12-02T09:00:00.000Z'),
      location: '陆家嘴金融城党群服务中心，浦东新区陆家嘴环路 1000 号',
      description: '专业机构从业人员联谊会主办。签到时在新联小程序「我的 › 我的报名」中出示签到码。',
      remindMinutesBefore: 60,
    });
    expect(calendarEntry({ ...salon, venue: { name: '线上', address: '' } }).location).toBe('线上');
  });
});

describe('添加到日历 on the event page (compiled weapp page)', () => {
  it('adds a confirmed registration’s event to the phone’s calendar, reminding an hour before', async () => {
    startWeapp(answering(registration({})), detailRoute);
    openWith({ id: salon.id });
    const added = recordWx('addPhoneCalendar');
    const toasts = recordWx('showToast');
    const page = await renderPage(detailRoute);
    await showing(page, '添加到日历');
    await tap(page, 'registration-status__calendar');
    await settle();

    expect(added).toEqual([
      expect.objectContaining({
        title: salon.title,
        startTime: Date.parse(salon.startAt) / 1000,
        endTime: String(Date.parse(salon.endAt) / 1000),
        location: '陆家嘴金融城党群服务中心，浦东新区陆家嘴环路 1000 号',
        alarm: true,
        alarmOffset: 3600,
      }),
    ]);
    expect(toasts.map((toast) => toast.title)).toEqual(['已添加到手机日历']);
  });

  it('says what to do when the member does not let WeChat use the calendar', async () => {
    startWeapp(answering(registration({})), detailRoute);
    openWith({ id: salon.id });
    (global as unknown as { wx: Record<string, unknown> }).wx.addPhoneCalendar = (options: { fail?: (result: unknown) => void; complete?: () => void }) => {
      options.fail?.({ errMsg: 'addPhoneCalendar:fail auth deny' });
      options.complete?.();
    };
    const toasts = recordWx('showToast');
    const page = await renderPage(detailRoute);
    await showing(page, '添加到日历');
    await tap(page, 'registration-status__calendar');
    await settle();
    expect(toasts.map((toast) => toast.title)).toEqual(['没能添加到日历，请在设置中允许访问日历后重试']);
  });

  it('is offered only once the seat is confirmed', async () => {
    startWeapp(answering(registration({ status: 'waitlisted', waitlistPosition: 2 })), detailRoute);
    openWith({ id: salon.id });
    const page = await renderPage(detailRoute);
    await showing(page, '第 2 位');
    expect(page.querySelector('.registration-status__calendar')).toBeFalsy();
  });
});
