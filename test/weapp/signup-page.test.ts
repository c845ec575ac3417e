/**
 * @jest-environment jsdom
 */
import type { EventDetail } from '../../cloudfunctions/shared/contract/events';
import type { MeResult } from '../../cloudfunctions/shared/contract/members';
import type { MyRegistration } from '../../cloudfunctions/shared/contract/registrations';
import { type CloudAnswer, openWith, renderPage, settle, startWeapp, tap, textOf } from './simulate-page';

const route = 'package-event/signup/index';

const event: EventDetail = {
  id: 'ev-annual-forum', title: '新阶层·新作为——浦东新联会年度论坛', kind: 'forum', status: 'published',
  startAt: '2099-12-15T05:30:00.000Z', endAt: '2099-12-15T09:30:00.000Z',
  venue: { name: '浦东新区市民中心报告厅', address: '浦东新区合欢路 2 号' }, hosts: [{ id: 'org-general', name: '浦东新联总会' }],
  signupOpensAt: '2020-01-01T01:00:00.000Z', signupClosesAt: '2099-12-14T10:00:00.000Z',
  capacity: 2, seatsTaken: 2, waitlistCount: 2, requiresApproval: false, membersOnly: false, team: null, waitlistMode: 'auto',
  description: '', schedule: [], guests: [], summary: null, cancellationDeadline: null, offerHours: 24, openOffers: 0, pendingCount: 0, createdAt: '2026-11-01T00:00:00.000Z',
  questions: [{ id: 'diet', kind: 'single', label: '午餐偏好', required: true, options: ['无特殊要求', '清真', '素食'] }],
};

const me: MeResult = {
  profile: {
    id: 'm-lin-xiao', name: '林晓', mobile: '13524619087', sector: 'newmedia', employer: '浦江视听工作室', title: '主编',
    orgIds: [], createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z',
  },
  roles: [],
  privacyAcceptedVersion: '2026-11',
  currentPrivacyVersion: '2026-11',
};

const waitlisted: MyRegistration = {
  eventId: event.id, status: 'waitlisted', waitlistPosition: 3, offerExpiresAt: null, contact: { name: '林晓', mobile: '13524619087' },
  answers: { diet: '素食' }, team: null, registeredAt: '2026-11-25T01:00:00.000Z', decisionMessage: null, cancelUntil: '2099-12-14T10:00:00.000Z',
};

type SignupReply = () => unknown;

function answering(signup: SignupReply, profile: MeResult = me): CloudAnswer {
  return (fn, action) => {
    if (fn === 'events' && action === 'get') return { ok: true, data: event };
    if (fn === 'members' && action === 'me') return { ok: true, data: profile };
    if (fn === 'events' && action === 'myRegistration') return { ok: true, data: null };
    if (fn === 'events' && action === 'signup') return signup();
    return { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作' };
  };
}

beforeEach(() => {
  jest.resetModules();
});

describe('sign-up page (compiled weapp page)', () => {
  it('checks the answers before sending, then signs up once and shows the place in line', async () => {
    const calls = startWeapp(answering(() => ({ ok: true, data: waitlisted })), route);
    openWith({ id: event.id });
    const page = await renderPage(route);

    expect(calls).toContainEqual({ name: 'events', action: 'get', data: { id: event.id } });
    expect(textOf(page)).toContain('新阶层·新作为——浦东新联会年度论坛');
    expect(textOf(page)).toContain('名额已满，提交后将进入候补');
    expect(page.querySelector('.signup-form')).toBeTruthy();

    await tap(page, 'signup-submit');
    expect(textOf(page)).toContain('请回答“午餐偏好”');
    expect(calls.filter((call) => call.action === 'signup')).toHaveLength(0);

    const options = page.querySelectorAll('.signup-form__option');
    options[2].dispatchEvent('tap');
    await settle();
    await tap(page, 'signup-submit');

    const signups = calls.filter((call) => call.action === 'signup');
    expect(signups).toHaveLength(1);
    expect(signups[0].data).toMatchObject({ eventId: event.id, contact: { name: '林晓', mobile: '13524619087' }, answers: { diet: '素食' } });
    expect((signups[0].data as { requestId: string }).requestId).toMatch(/^[A-Za-z0-9-]{8,64}$/);
    expect(textOf(page)).toContain('已进入候补，第 3 位');
    expect(page.querySelector('.signup-result')).toBeTruthy();
  });

  it('retries a lost answer with the same request id, so the server sees one sign-up', async () => {
    let attempts = 0;
    const calls = startWeapp(
      answering(() => {
        attempts += 1;
        if (attempts === 1) throw new Error('network down');
        return { ok: true, data: { ...waitlisted, status: 'confirmed', waitlistPosition: null } };
      }),
      route,
    );
    openWith({ id: event.id });
    const page = await renderPage(route);
    page.querySelectorAll('.signup-form__option')[0].dispatchEvent('tap');
    await settle();

    await tap(page, 'signup-submit');
    expect(textOf(page)).not.toContain('报名成功');
    await tap(page, 'signup-submit');

    const ids = calls.filter((call) => call.action === 'signup').map((call) => (call.data as { requestId: string }).requestId);
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(ids[0]);
    expect(textOf(page)).toContain('报名成功');
  });

  it('turns a double tap into the same request at most', async () => {
    const calls = startWeapp(answering(() => ({ ok: true, data: { ...waitlisted, status: 'confirmed', waitlistPosition: null } })), route);
    openWith({ id: event.id });
    const page = await renderPage(route);
    page.querySelectorAll('.signup-form__option')[0].dispatchEvent('tap');
    await settle();

    page.querySelector('.signup-submit')?.dispatchEvent('tap');
    page.querySelector('.signup-submit')?.dispatchEvent('tap');
    await settle();

    const ids = calls.filter((call) => call.action === 'signup').map((call) => (call.data as { requestId: string }).requestId);
    expect(ids.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ids).size).toBe(1);
    expect(textOf(page)).toContain('报名成功');
  });

  it('answers ALREADY_REGISTERED with a way to the current status', async () => {
    startWeapp(answering(() => ({ ok: false, code: 'ALREADY_REGISTERED', message: '你已报名该活动' })), route);
    openWith({ id: event.id });
    const page = await renderPage(route);
    page.querySelectorAll('.signup-form__option')[0].dispatchEvent('tap');
    await settle();
    await tap(page, 'signup-submit');

    expect(textOf(page)).toContain('你已报名该活动');
    expect(textOf(page)).toContain('查看当前报名状态');
    expect(page.querySelector('.signup-form')).toBeFalsy();
  });

  it('sends a newcomer without a profile to 完善资料 instead of showing the form', async () => {
    const calls = startWeapp(answering(() => ({ ok: true, data: waitlisted }), { ...me, profile: null, privacyAcceptedVersion: null }), route);
    openWith({ id: event.id });
    const page = await renderPage(route);

    expect(textOf(page)).toContain('请先完善资料');
    expect(textOf(page)).toContain('去完善资料');
    expect(page.querySelector('.signup-form')).toBeFalsy();
    expect(calls.filter((call) => call.action === 'signup')).toHaveLength(0);
  });
});
