import type { EventQuestion, EventSummary } from '../../cloudfunctions/shared/contract/events';
import { teamNameLimit } from '../../cloudfunctions/shared/contract/answer-rules';
import { requestIdSchema } from '../../cloudfunctions/shared/contract/common';
import { contactSchema, inviteCodeSchema, registrationsInput, type MyRegistration, type TeamView } from '../../cloudfunctions/shared/contract/registrations';
import { notificationKinds, registrationStatuses } from '../../cloudfunctions/shared/contract/vocabulary';
import { isFull, seatsBadge, seatsLine, signupAvailability } from '../../src/utils/event-display';
import { formatNoticeTime, notificationMarks, unreadBadgeText } from '../../src/utils/notification-display';
import {
  canSelfCancel,
  cancelConfirm,
  cancelLabel,
  countdownText,
  isActiveRegistration,
  registrationBadge,
  registrationExplanation,
  signupOutcome,
  signupRefusal,
} from '../../src/utils/registration-display';
import { newRequestId } from '../../src/utils/request-id';
import {
  hasErrors,
  isChosen,
  mergeErrors,
  serverFieldError,
  signupDraftFrom,
  signupPayload,
  tapOption,
  validateSignup,
  withAnswer,
} from '../../src/utils/signup-form';
import { inviteCodeFrom, teamJoinLink } from '../../src/utils/team-invite';

const summary: EventSummary = {
  id: 'ev-forum', title: '年度论坛', kind: 'forum', status: 'published',
  startAt: '2026-12-15T05:30:00.000Z', endAt: '2026-12-15T09:30:00.000Z',
  venue: { name: '市民中心', address: '合欢路 2 号' }, hosts: [{ id: 'org-general', name: '浦东新联总会' }],
  signupOpensAt: '2026-11-20T01:00:00.000Z', signupClosesAt: '2026-12-14T10:00:00.000Z',
  capacity: 40, seatsTaken: 28, waitlistCount: 0, requiresApproval: false, membersOnly: false, team: null, waitlistMode: 'auto',
};
const open = new Date('2026-11-25T02:00:00.000Z');

const questions: EventQuestion[] = [
  { id: 'tshirt', kind: 'single', label: 'T 恤尺码', required: true, options: ['S', 'M', 'L'] },
  { id: 'topics', kind: 'multiple', label: '关注的议题', required: false, options: ['合规', '税务', '仲裁'] },
  { id: 'name', kind: 'text', label: '想对主办方说的话', required: false, options: [] },
];

function team(overrides: Partial<TeamView> = {}): TeamView {
  return {
    id: 't1', name: '晨跑队', inviteCode: 'K7P2QX', size: 2, minSize: 3, maxSize: 6,
    members: [{ name: '林*', isCaptain: true, isMe: false }, { name: '郑小雨', isCaptain: false, isMe: true }],
    ...overrides,
  };
}

function registration(overrides: Partial<MyRegistration>): MyRegistration {
  return {
    eventId: 'ev-forum', status: 'confirmed', waitlistPosition: null, offerExpiresAt: null,
    contact: { name: '林晓', mobile: '13524619087' }, answers: {}, team: null,
    registeredAt: '2026-11-25T01:00:00.000Z', decisionMessage: null, cancelUntil: '2026-12-14T10:00:00.000Z',
    ...overrides,
  };
}

describe('seats on cards and on the event page', () => {
  it('counts seats for people and teams for team events', () => {
    expect(seatsBadge(summary)).toEqual({ text: '剩余 12 席', tone: 'success' });
    const race = { ...summary, team: { minSize: 3, maxSize: 6 }, capacity: 100, seatsTaken: 97 };
    expect(seatsBadge(race)).toEqual({ text: '剩余 3 队', tone: 'brand' });
    expect(seatsBadge({ ...race, seatsTaken: 100 })).toEqual({ text: '已满', tone: 'muted' });
    expect(seatsBadge({ ...race, seatsTaken: 100, waitlistCount: 4 })).toEqual({ text: '候补 4 队', tone: 'warning' });
  });

  it('never offers a seat that is held for a waitlisted member', () => {
    expect(seatsBadge({ ...summary, seatsTaken: 39, openOffers: 1 })).toEqual({ text: '已满', tone: 'muted' });
    expect(seatsLine({ ...summary, seatsTaken: 38, openOffers: 1 })).toEqual({ text: '剩余 1 席', tone: 'brand' });
    expect(isFull({ ...summary, seatsTaken: 39, openOffers: 1 })).toBe(true);
  });

  it('says full with the waiting list on the detail line', () => {
    expect(seatsLine(summary)).toEqual({ text: '剩余 12 席', tone: 'success' });
    expect(seatsLine({ ...summary, seatsTaken: 40 })).toEqual({ text: '已满', tone: 'muted' });
    expect(seatsLine({ ...summary, seatsTaken: 40, waitlistCount: 7 })).toEqual({ text: '已满，候补 7 人', tone: 'warning' });
    expect(seatsLine({ ...summary, team: { minSize: 3, maxSize: 6 }, seatsTaken: 40, waitlistCount: 2 }).text).toBe('已满，候补 2 队');
    expect(seatsLine({ ...summary, status: 'cancelled' }).text).toBe('活动已取消');
    expect(isFull(summary)).toBe(false);
    expect(isFull({ ...summary, waitlistCount: 1 })).toBe(true);
  });
});

describe('whether the 报名 button is live', () => {
  it('opens within the window and gives the reason outside it, in Shanghai time', () => {
    expect(signupAvailability(summary, open)).toEqual({ open: true });
    expect(signupAvailability(summary, new Date('2026-11-19T00:00:00.000Z'))).toEqual({ open: false, reason: '报名未开始（11月20日 09:00 开始）' });
    expect(signupAvailability(summary, new Date('2026-12-14T10:00:01.000Z'))).toEqual({ open: false, reason: '报名已截止' });
    expect(signupAvailability({ ...summary, status: 'closed' }, open)).toEqual({ open: false, reason: '报名已截止' });
    expect(signupAvailability({ ...summary, status: 'cancelled' }, open)).toEqual({ open: false, reason: '活动已取消' });
    expect(signupAvailability({ ...summary, status: 'draft' }, open)).toEqual({ open: false, reason: '活动尚未发布' });
    expect(signupAvailability(summary, new Date('2026-12-16T00:00:00.000Z'))).toEqual({ open: false, reason: '活动已结束' });
  });

  it('writes the year when the window opens in another year', () => {
    const nextYear = { ...summary, signupOpensAt: '2027-01-02T01:30:00.000Z' };
    expect(signupAvailability(nextYear, open)).toEqual({ open: false, reason: '报名未开始（2027年1月2日 09:30 开始）' });
  });
});

describe('registration status in words', () => {
  it('labels every status, with the place in line and the team size where they matter', () => {
    expect(registrationBadge(registration({}))).toEqual({ text: '已报名', tone: 'success' });
    expect(registrationBadge(registration({ status: 'pending' }))).toEqual({ text: '待审核', tone: 'info' });
    expect(registrationBadge(registration({ status: 'waitlisted', waitlistPosition: 3 }))).toEqual({ text: '候补 第 3 位', tone: 'warning' });
    expect(registrationBadge(registration({ status: 'forming', team: team() }))).toEqual({ text: '组队中 2/3', tone: 'info' });
    expect(registrationBadge(registration({ status: 'offered' }))).toEqual({ text: '候补到位，待确认', tone: 'brand' });
    for (const status of registrationStatuses) expect(registrationBadge(registration({ status })).text).not.toBe('');
  });

  it('treats cancelled, rejected and expired as no longer holding a place', () => {
    expect(registrationStatuses.filter(isActiveRegistration)).toEqual(['pending', 'forming', 'confirmed', 'offered', 'waitlisted']);
  });

  it('explains what happens next', () => {
    const event = { waitlistMode: 'auto' as const, startAt: summary.startAt };
    expect(registrationExplanation(registration({}), event, open)).toContain('报名成功');
    expect(registrationExplanation(registration({ status: 'waitlisted', waitlistPosition: 2 }), event, open)).toContain('自动为你递补');
    expect(registrationExplanation(registration({ status: 'waitlisted' }), { ...event, waitlistMode: 'offer' }, open)).toContain('限定时间内确认');
    expect(registrationExplanation(registration({ status: 'forming', team: team() }), event, open)).toContain('还差 1 人');
    expect(registrationExplanation(registration({ status: 'offered', offerExpiresAt: '2026-11-26T04:00:00.000Z' }), event, open)).toContain('11月26日 12:00 前确认');
  });

  it('counts down to an offer’s deadline and stops at it', () => {
    const deadline = '2026-11-26T04:00:00.000Z';
    expect(countdownText(deadline, new Date('2026-11-24T02:00:00.000Z'))).toBe('还剩 2 天 2 小时');
    expect(countdownText(deadline, new Date('2026-11-26T00:48:00.000Z'))).toBe('还剩 3 小时 12 分');
    expect(countdownText(deadline, new Date('2026-11-26T03:56:52.000Z'))).toBe('还剩 3 分 08 秒');
    expect(countdownText(deadline, new Date(deadline))).toBeNull();
    expect(countdownText(deadline, new Date('2026-11-27T00:00:00.000Z'))).toBeNull();
    expect(countdownText('not a date', open)).toBeNull();
  });

  it('lets the member cancel only until cancelUntil, and never once it is null', () => {
    expect(canSelfCancel(registration({}), open)).toBe(true);
    expect(canSelfCancel(registration({}), new Date('2026-12-14T10:00:01.000Z'))).toBe(false);
    expect(canSelfCancel(registration({ cancelUntil: null }), open)).toBe(false);
    expect(canSelfCancel(registration({ status: 'cancelled' }), open)).toBe(false);
  });

  it('words the cancel for a seat, a place in line and a team member', () => {
    expect(cancelLabel(registration({}))).toBe('取消报名');
    expect(cancelLabel(registration({ status: 'waitlisted', waitlistPosition: 1 }))).toBe('退出候补');
    expect(cancelLabel(registration({ status: 'forming', team: team() }))).toBe('退出队伍');
    expect(cancelConfirm(registration({})).content).toContain('名额将让给候补者');
    expect(cancelConfirm(registration({ status: 'waitlisted' })).title).toBe('退出候补');
    expect(cancelConfirm(registration({ team: team() })).confirmText).toBe('确认退出');
  });
});

describe('the result screen and refusals', () => {
  it('names the outcome of a sign-up', () => {
    expect(signupOutcome(registration({}), 'signup').title).toBe('报名成功');
    expect(signupOutcome(registration({ status: 'pending' }), 'signup').title).toBe('已提交，等待审核');
    expect(signupOutcome(registration({ status: 'waitlisted', waitlistPosition: 5 }), 'signup').title).toBe('已进入候补，第 5 位');
    expect(signupOutcome(registration({ status: 'forming', team: team({ size: 1 }) }), 'createTeam').title).toBe('队伍已创建');
    expect(signupOutcome(registration({ status: 'forming', team: team() }), 'joinTeam').title).toBe('已加入队伍');
    expect(signupOutcome(registration({ team: team({ size: 3 }) }), 'joinTeam').title).toBe('队伍报名成功');
  });

  it('turns refusal codes into words with a way forward, and leaves other errors to the form', () => {
    expect(signupRefusal('ALREADY_REGISTERED', '')).toMatchObject({ title: '你已报名该活动', next: 'myRegistration' });
    expect(signupRefusal('SIGNUP_CLOSED', '')).toMatchObject({ title: '报名未开始或已截止', next: 'event' });
    expect(signupRefusal('NOT_ELIGIBLE', '')).toMatchObject({ title: '仅限会员报名', next: 'hostOrg' });
    expect(signupRefusal('EVENT_CANCELLED', '')).toMatchObject({ title: '活动已取消' });
    expect(signupRefusal('TEAM_FULL', '')).toMatchObject({ next: 'otherCode' });
    expect(signupRefusal('TEAM_EVENT', '该活动以队伍报名，请创建队伍或凭邀请码加入')?.title).toBe('该活动以队伍报名，请创建队伍或凭邀请码加入');
    expect(signupRefusal('VALIDATION_FAILED', '')).toBeNull();
    expect(signupRefusal('NETWORK', '')).toBeNull();
  });
});

describe('the sign-up form', () => {
  const profile = { name: '林晓', mobile: '13524619087' };

  it('starts from the profile', () => {
    expect(signupDraftFrom(profile)).toEqual({ name: '林晓', mobile: '13524619087', teamName: '', answers: {} });
    expect(signupDraftFrom(null)).toEqual({ name: '', mobile: '', teamName: '', answers: {} });
  });

  it('takes one single choice and toggles multiple choices in the organizer’s order', () => {
    let draft = signupDraftFrom(profile);
    draft = tapOption(draft, questions[0], 'M');
    draft = tapOption(draft, questions[0], 'L');
    expect(draft.answers.tshirt).toBe('L');
    draft = tapOption(draft, questions[1], '仲裁');
    draft = tapOption(draft, questions[1], '合规');
    expect(draft.answers.topics).toEqual(['合规', '仲裁']);
    draft = tapOption(draft, questions[1], '仲裁');
    expect(draft.answers.topics).toEqual(['合规']);
    expect(isChosen(draft, 'topics', '合规')).toBe(true);
    expect(isChosen(draft, 'tshirt', 'M')).toBe(false);
  });

  it('shows the server’s own messages for a bad contact, and problems under each question', () => {
    const draft = { ...signupDraftFrom({ name: '  ', mobile: '1352461908' }), answers: { topics: ['合规', '合规'] } };
    const errors = validateSignup(draft, questions, false);
    const server = contactSchema.safeParse({ name: draft.name, mobile: draft.mobile });
    const serverMessage = (field: string) => server.error?.issues.find((issue) => issue.path[0] === field)?.message;
    expect(errors.name).toBe(serverMessage('name'));
    expect(errors.mobile).toBe(serverMessage('mobile'));
    expect(errors.answers).toEqual({ tshirt: '请回答“T 恤尺码”', topics: '“关注的议题”的选项重复了' });
    expect(errors.teamName).toBeUndefined();
    expect(hasErrors(errors)).toBe(true);
  });

  it('asks a captain for a team name within the server’s limit', () => {
    const draft = withAnswer(signupDraftFrom(profile), 'tshirt', 'S');
    expect(validateSignup(draft, questions, true).teamName).toBe('请填写队名');
    const long = { ...draft, teamName: '队'.repeat(teamNameLimit + 1) };
    const serverMessage = registrationsInput.createTeam.safeParse({ eventId: 'e', requestId: 'abcdefgh', teamName: long.teamName, contact: profile }).error?.issues[0]?.message;
    expect(validateSignup(long, questions, true).teamName).toBe(serverMessage);
    expect(hasErrors(validateSignup({ ...draft, teamName: '晨跑队' }, questions, true))).toBe(false);
  });

  it('sends trimmed contact and answers without blank optional ones, which the server accepts', () => {
    const draft = { name: ' 林晓 ', mobile: '13524619087 ', teamName: '', answers: { tshirt: 'M', topics: [], name: '  期待 ' } };
    const payload = signupPayload(draft, questions);
    expect(payload).toEqual({ contact: { name: '林晓', mobile: '13524619087' }, answers: { tshirt: 'M', name: '期待' } });
    expect(registrationsInput.signup.safeParse({ eventId: 'ev-forum', requestId: newRequestId(), ...payload }).success).toBe(true);
  });

  it('places the server’s field errors on the form', () => {
    expect(serverFieldError('contact.mobile', '请输入11位手机号码')).toEqual({ mobile: '请输入11位手机号码', answers: {} });
    expect(serverFieldError('contact.name', '请填写姓名')).toEqual({ name: '请填写姓名', answers: {} });
    expect(serverFieldError('teamName', '请填写队名')).toEqual({ teamName: '请填写队名', answers: {} });
    expect(serverFieldError('answers.diet', '回答不能超过 500 个字')).toEqual({ answers: { diet: '回答不能超过 500 个字' } });
    expect(serverFieldError('eventId', '编号格式不正确')).toBeNull();
    expect(serverFieldError(undefined, '提交的内容有误')).toBeNull();
    expect(mergeErrors({ name: 'a', answers: { x: '1' } }, { mobile: 'b', answers: { y: '2' } })).toEqual({ name: 'a', mobile: 'b', teamName: undefined, answers: { x: '1', y: '2' } });
  });
});

describe('request ids', () => {
  it('fit the contract and differ per form', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newRequestId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(requestIdSchema.safeParse(id).success).toBe(true);
  });

  it('are made of the time and the random source', () => {
    expect(newRequestId(0, () => 0)).toBe('0-0000000000');
    expect(newRequestId(1764000000000, () => 0.999)).toBe(`${(1764000000000).toString(36)}-zzzzzzzzzz`);
  });
});

describe('team invites', () => {
  it('links to the join page in the mini program and on the web', () => {
    expect(teamJoinLink('K7P2QX', null)).toBe('/package-event/team-join/index?code=K7P2QX');
    expect(teamJoinLink('K7P2QX', 'http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000/#/package-event/team-join/index?code=K7P2QX');
  });

  it('finds the code in whatever was pasted, like the server reads it', () => {
    expect(inviteCodeFrom(' k7p2qx ')).toBe('K7P2QX');
    expect(inviteCodeFrom('快来加入：http://127.0.0.1:3000/#/package-event/team-join/index?code=K7P2QX')).toBe('K7P2QX');
    expect(inviteCodeFrom('K7P2Q')).toBeNull();
    expect(inviteCodeFrom('K7P2QXY')).toBeNull();
    expect(inviteCodeFrom('K7-2QX')).toBeNull();
    expect(inviteCodeSchema.parse(' k7p2qx ')).toBe(inviteCodeFrom(' k7p2qx '));
  });
});

describe('notifications', () => {
  const now = new Date('2026-11-25T06:30:00.000Z'); // 14:30 in Shanghai

  it('reads recent news relative and older news dated, in Shanghai time', () => {
    expect(formatNoticeTime('2026-11-25T06:29:40.000Z', now)).toBe('刚刚');
    expect(formatNoticeTime('2026-11-25T06:05:00.000Z', now)).toBe('25 分钟前');
    expect(formatNoticeTime('2026-11-24T16:10:00.000Z', now)).toBe('今天 00:10');
    expect(formatNoticeTime('2026-11-24T15:50:00.000Z', now)).toBe('昨天 23:50');
    expect(formatNoticeTime('2026-11-20T01:00:00.000Z', now)).toBe('11月20日 09:00');
  });

  it('has a mark for every kind and a badge that fits', () => {
    for (const kind of notificationKinds) expect(notificationMarks[kind].mark).toHaveLength(1);
    expect(unreadBadgeText(7)).toBe('7');
    expect(unreadBadgeText(120)).toBe('99+');
  });
});
