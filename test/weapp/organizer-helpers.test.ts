import { type EventDetail, eventFieldsSchema, eventLimits, type ManagedEvent } from '../../cloudfunctions/shared/contract/events';
import type { CounterCheck, RegistrationRow, SeatCounters } from '../../cloudfunctions/shared/contract/registrations';
import { registrationStatuses } from '../../cloudfunctions/shared/contract/vocabulary';
import {
  addScheduleItem,
  blankEventForm,
  checkEventForm,
  copiedEventForm,
  differsFrom,
  editScheduleItem,
  type EventForm,
  formFieldOf,
  formFromEvent,
  moveScheduleItem,
  removeScheduleItem,
  toEventFields,
  wholeNumber,
  withTeam,
} from '../../src/package-organizer/helpers/event-form';
import { salonDetail } from './fixtures';
import {
  addOption,
  addQuestion,
  changeQuestionKind,
  editOption,
  editQuestion,
  moveOption,
  moveQuestion,
  nextQuestionId,
  type QuestionDraft,
  questionLimits,
  questionProblems,
  removeOption,
  removeQuestion,
} from '../../src/package-organizer/helpers/question-editor';
import { organizerRefusal } from '../../src/package-organizer/helpers/refusal';
import {
  answerLines,
  capacityEffect,
  counterDifferences,
  counterTiles,
  managedEventFigures,
  registrationBadge,
  seatGauge,
  spacedMobile,
  statusFilters,
} from '../../src/package-organizer/helpers/registrations-display';
import { formatWallDate, instantOf, isBefore, isWallClock, shiftDays, wallClockOf } from '../../src/utils/wall-clock';

// 2026-11-25 23:30 in Shanghai is still the 25th; 16:30 UTC.
const now = new Date('2026-11-25T15:30:00.000Z');

function detail(overrides: Partial<EventDetail> = {}): EventDetail {
  return {
    id: 'evt-salon',
    title: '“一带一路”专业人士沙龙',
    kind: 'salon',
    status: 'published',
    startAt: '2026-12-05T06:00:00.000Z',
    endAt: '2026-12-05T09:00:00.000Z',
    venue: { name: '陆家嘴金融城党群服务中心', address: '浦东新区银城中路 501 号' },
    hosts: [
      { id: 'org-general', name: '浦东新联总会' },
      { id: 'org-professional', name: '专业机构从业人员联谊会' },
    ],
    signupOpensAt: '2026-11-20T01:00:00.000Z',
    signupClosesAt: '2026-12-04T10:00:00.000Z',
    capacity: 40,
    seatsTaken: 12,
    waitlistCount: 0,
    requiresApproval: true,
    membersOnly: false,
    team: null,
    waitlistMode: 'offer',
    description: '围绕跨境法律与财税服务交流。',
    schedule: [
      { time: '14:00', title: '签到' },
      { time: '14:30–16:00', title: '主题分享' },
    ],
    questions: [
      { id: 'q1', kind: 'text', label: '您的职务', required: true, options: [] },
      { id: 'q2', kind: 'single', label: '是否需要停车', required: false, options: ['需要', '不需要'] },
      { id: 'q3', kind: 'multiple', label: '感兴趣的话题', required: false, options: ['法律', '财税', '金融'] },
    ],
    guests: [],
    summary: null,
    cancellationDeadline: '2026-12-04T04:00:00.000Z',
    offerHours: 12,
    openOffers: 1,
    pendingCount: 2,
    createdAt: '2026-11-19T02:00:00.000Z',
    ...overrides,
  };
}

function problemFields(form: EventForm, creating = false): string[] {
  return checkEventForm(form, now, creating).map((problem) => problem.field);
}

describe('Shanghai wall clock ⇄ UTC instants', () => {
  it('reads an instant as a Shanghai date and time, across the UTC day boundary', () => {
    expect(wallClockOf('2026-11-27T23:00:00.000Z')).toEqual({ date: '2026-11-28', time: '07:00' });
    expect(wallClockOf(now)).toEqual({ date: '2026-11-25', time: '23:30' });
  });

  it('turns a Shanghai date and time into the UTC instant, and back unchanged', () => {
    expect(instantOf({ date: '2026-11-28', time: '07:00' })).toBe('2026-11-27T23:00:00.000Z');
    expect(instantOf({ date: '2027-01-01', time: '00:00' })).toBe('2026-12-31T16:00:00.000Z');
    const clock = { date: '2026-12-05', time: '14:00' };
    expect(wallClockOf(instantOf(clock))).toEqual(clock);
  });

  it('refuses days and times that do not exist instead of rolling them over', () => {
    expect(isWallClock({ date: '2026-02-28', time: '23:59' })).toBe(true);
    expect(isWallClock({ date: '2026-02-30', time: '10:00' })).toBe(false);
    expect(isWallClock({ date: '2026-11-28', time: '24:00' })).toBe(false);
    expect(isWallClock({ date: '28/11/2026', time: '10:00' })).toBe(false);
    expect(isWallClock({ date: '', time: '' })).toBe(false);
  });

  it('shifts by calendar days across month ends and compares instants', () => {
    expect(shiftDays({ date: '2026-11-28', time: '18:00' }, 7)).toEqual({ date: '2026-12-05', time: '18:00' });
    expect(shiftDays({ date: '2026-03-01', time: '09:00' }, -1)).toEqual({ date: '2026-02-28', time: '09:00' });
    expect(isBefore({ date: '2026-11-28', time: '09:00' }, { date: '2026-11-28', time: '09:01' })).toBe(true);
    expect(isBefore({ date: '2026-11-28', time: '09:00' }, { date: '2026-11-28', time: '09:00' })).toBe(false);
  });

  it('labels a picked date with its weekday, and the year only when it is not this year', () => {
    expect(formatWallDate('2026-11-28', now)).toBe('11月28日 周六');
    expect(formatWallDate('2027-01-01', now)).toBe('2027年1月1日 周五');
  });
});

describe('event form ⇄ eventFields', () => {
  it('starts a new event a week out in Shanghai time, with sign-up open now and closing the evening before', () => {
    const form = blankEventForm('org-general', now);
    expect(form.orgId).toBe('org-general');
    expect(form.times).toEqual({
      startAt: { date: '2026-12-02', time: '14:00' },
      endAt: { date: '2026-12-02', time: '17:00' },
      signupOpensAt: { date: '2026-11-25', time: '23:00' },
      signupClosesAt: { date: '2026-12-01', time: '18:00' },
    });
    // Only the title and venue are left to fill in.
    expect(problemFields(form, true)).toEqual(['title', 'venue.name']);
  });

  it('sends what the contract accepts, times as UTC instants', () => {
    const form: EventForm = { ...blankEventForm('org-general', now), title: '  青年论坛 ', venueName: '张江科学会堂' };
    const fields = toEventFields(form);
    expect(fields).toMatchObject({
      title: '青年论坛',
      venue: { name: '张江科学会堂', address: '' },
      startAt: '2026-12-02T06:00:00.000Z',
      endAt: '2026-12-02T09:00:00.000Z',
      signupOpensAt: '2026-11-25T15:00:00.000Z',
      signupClosesAt: '2026-12-01T10:00:00.000Z',
      cancellationDeadline: null,
      capacity: 50,
      offerHours: 24,
      team: null,
    });
    expect(eventFieldsSchema.safeParse(fields).success).toBe(true);
  });

  it('round-trips a saved event through the form without changing a field', () => {
    const event = detail();
    const form = formFromEvent(event);
    expect(form.orgId).toBe('org-general');
    expect(form.coHostOrgIds).toEqual(['org-professional']);
    expect(form.times.startAt).toEqual({ date: '2026-12-05', time: '14:00' });
    expect(form.cancellationDeadline).toEqual({ date: '2026-12-04', time: '12:00' });
    const fields = eventFieldsSchema.parse(toEventFields(form));
    expect(fields).toEqual({
      title: event.title,
      kind: event.kind,
      description: event.description,
      venue: event.venue,
      startAt: event.startAt,
      endAt: event.endAt,
      signupOpensAt: event.signupOpensAt,
      signupClosesAt: event.signupClosesAt,
      cancellationDeadline: event.cancellationDeadline,
      capacity: event.capacity,
      requiresApproval: event.requiresApproval,
      membersOnly: event.membersOnly,
      waitlistMode: event.waitlistMode,
      offerHours: event.offerHours,
      team: null,
      questions: event.questions,
      schedule: event.schedule,
      coHostOrgIds: ['org-professional'],
      guests: event.guests,
    });
    expect(differsFrom(form, formFromEvent(event))).toBe(false);
    expect(differsFrom({ ...form, title: `${form.title} ` }, form)).toBe(false);
    expect(differsFrom({ ...form, capacity: '41' }, form)).toBe(true);
  });

  it('sends team sizes as numbers and the default offer hours in the auto mode', () => {
    const form = withTeam({ ...formFromEvent(detail()), waitlistMode: 'auto', offerHours: '七' }, true);
    expect(form.team).toEqual({ minSize: '3', maxSize: '6' });
    const fields = toEventFields(form);
    expect(fields.team).toEqual({ minSize: 3, maxSize: 6 });
    expect(fields.offerHours).toBe(24);
    expect(withTeam(form, false).team).toBeNull();
    expect(withTeam(form, true)).toBe(form);
  });

  it('reads whole numbers only', () => {
    expect(wholeNumber(' 600 ')).toBe(600);
    expect(wholeNumber('3.5')).toBeNull();
    expect(wholeNumber('-1')).toBeNull();
    expect(wholeNumber('')).toBeNull();
    expect(wholeNumber('十')).toBeNull();
  });
});

describe('copying an event as a new one', () => {
  it('keeps every setting and moves all times one week on while sign-up for that week is still ahead', () => {
    const salon = salonDetail({ cancellationDeadline: '2026-12-01T10:00:00.000Z', schedule: [{ time: '14:00', title: '签到' }] });
    const copy = copiedEventForm(salon, 'org-professional', now);
    expect(copy.times).toEqual({
      startAt: { date: '2026-12-09', time: '14:00' },
      endAt: { date: '2026-12-09', time: '17:00' },
      signupOpensAt: { date: '2026-11-25', time: '09:00' },
      signupClosesAt: { date: '2026-12-08', time: '14:00' },
    });
    expect(copy.cancellationDeadline).toEqual({ date: '2026-12-08', time: '18:00' });
    const { times: _copiedTimes, cancellationDeadline: _copiedDeadline, schedule: copiedSchedule, ...copiedRest } = copy;
    const { times: _times, cancellationDeadline: _deadline, schedule, ...rest } = formFromEvent(salon);
    expect(copiedRest).toEqual(rest);
    expect(copiedSchedule.map(({ time, title }) => [time, title])).toEqual(schedule.map(({ time, title }) => [time, title]));
    expect(problemFields(copy, true)).toEqual([]);
  });

  it('moves a past event as many whole weeks as it takes, to the same weekday and time', () => {
    const past = salonDetail({
      startAt: '2026-10-14T06:00:00.000Z',
      endAt: '2026-10-14T09:00:00.000Z',
      signupOpensAt: '2026-10-01T01:00:00.000Z',
      signupClosesAt: '2026-10-13T06:00:00.000Z',
    });
    const copy = copiedEventForm(past, 'org-professional', now);
    // Seven weeks on: the first Wednesday whose sign-up (closing the day before at 14:00) is still open.
    expect(copy.times.startAt).toEqual({ date: '2026-12-02', time: '14:00' });
    expect(copy.times.signupClosesAt).toEqual({ date: '2026-12-01', time: '14:00' });
    expect(problemFields(copy, true)).toEqual([]);
  });

  it('is hosted by the organisation given, which is then no co-host', () => {
    const cohosted = salonDetail({ hosts: [{ id: 'org-lujiazui', name: '陆家嘴街道新联会' }, { id: 'org-professional', name: '专业机构从业人员联谊会' }] });
    expect(copiedEventForm(cohosted, 'org-professional', now)).toMatchObject({ orgId: 'org-professional', coHostOrgIds: [] });
    expect(copiedEventForm(cohosted, 'org-lujiazui', now)).toMatchObject({ orgId: 'org-lujiazui', coHostOrgIds: ['org-professional'] });
  });
});

describe('event form checks', () => {
  const valid = () => formFromEvent(detail());

  it('finds nothing wrong with a saved event', () => {
    expect(checkEventForm(valid(), now, false)).toEqual([]);
  });

  it('names the field of each text problem', () => {
    const form = { ...valid(), title: ' ', venueName: 'x'.repeat(61), venueAddress: 'y'.repeat(121), description: 'z'.repeat(4001), orgId: '' };
    expect(checkEventForm(form, now, false)).toEqual([
      { field: 'orgId', message: '请选择主办组织' },
      { field: 'title', message: '请填写活动名称' },
      { field: 'description', message: '活动介绍不能超过 4000 个字' },
      { field: 'venue.name', message: '场地名称不能超过 60 个字' },
      { field: 'venue.address', message: '地址不能超过 120 个字' },
    ]);
  });

  it('orders the times: end after start, sign-up closes after it opens and by the end, cancellation by the start', () => {
    const form = valid();
    expect(problemFields({ ...form, times: { ...form.times, endAt: form.times.startAt } })).toEqual(['endAt']);
    expect(problemFields({ ...form, times: { ...form.times, endAt: shiftDays(form.times.startAt, 15) } })).toEqual(['endAt']);
    expect(problemFields({ ...form, times: { ...form.times, signupClosesAt: form.times.signupOpensAt } })).toEqual(['signupClosesAt']);
    expect(problemFields({ ...form, times: { ...form.times, signupClosesAt: shiftDays(form.times.endAt, 1) } })).toEqual(['signupClosesAt']);
    expect(problemFields({ ...form, cancellationDeadline: shiftDays(form.times.startAt, 1) })).toEqual(['cancellationDeadline']);
    expect(problemFields({ ...form, times: { ...form.times, startAt: { date: '2026-02-30', time: '14:00' } } })).toEqual(['startAt']);
  });

  it('judges "not in the past" by Shanghai time, and only for a new event', () => {
    const form = valid();
    const startingNow = { ...form, times: { ...form.times, startAt: { date: '2026-11-25', time: '23:30' }, signupOpensAt: { date: '2026-11-20', time: '09:00' }, signupClosesAt: { date: '2026-11-25', time: '23:00' } }, cancellationDeadline: null };
    expect(problemFields(startingNow, true)).toEqual(['startAt']);
    expect(problemFields(startingNow, false)).toEqual([]);
    const nextMinute = { ...startingNow, times: { ...startingNow.times, startAt: { date: '2026-11-25', time: '23:31' } } };
    expect(problemFields(nextMinute, true)).toEqual([]);
  });

  it('checks capacity, offer hours and team sizes as whole numbers in range', () => {
    const form = valid();
    expect(checkEventForm({ ...form, capacity: '0' }, now, false)).toEqual([{ field: 'capacity', message: '名额应在 1–5000 之间' }]);
    expect(checkEventForm({ ...form, capacity: '12.5' }, now, false)).toEqual([{ field: 'capacity', message: '请填写名额（整数）' }]);
    expect(problemFields({ ...form, offerHours: '169' })).toEqual(['offerHours']);
    expect(problemFields({ ...form, waitlistMode: 'auto', offerHours: '' })).toEqual([]);
    expect(checkEventForm({ ...form, team: { minSize: '6', maxSize: '4' } }, now, false)).toEqual([{ field: 'team.maxSize', message: '最多人数不能少于最少人数' }]);
    expect(problemFields({ ...form, team: { minSize: '1', maxSize: '21' } })).toEqual(['team.minSize', 'team.maxSize']);
    expect(checkEventForm({ ...form, team: { minSize: '3', maxSize: '6' }, capacity: '' }, now, false)[0].message).toBe('请填写队数（整数）');
  });

  it('checks questions, schedule rows and co-hosts where they sit', () => {
    const form = valid();
    const questions = editOption(editQuestion(form.questions, 'q1', { label: '' }), 'q3', 1, '法律');
    expect(checkEventForm({ ...form, questions }, now, false)).toEqual([
      { field: 'questions.q1.label', message: '请填写问题' },
      { field: 'questions.q3.options', message: '选项不能重复' },
    ]);
    const schedule = editScheduleItem(form.schedule, form.schedule[1].key, { title: ' ' });
    expect(checkEventForm({ ...form, schedule }, now, false)).toEqual([{ field: `schedule.${form.schedule[1].key}`, message: '请填写日程内容' }]);
    expect(problemFields({ ...form, coHostOrgIds: ['org-general'] })).toEqual(['coHostOrgIds']);
    expect(problemFields({ ...form, coHostOrgIds: ['a', 'b', 'c', 'd', 'e', 'f'] })).toEqual(['coHostOrgIds']);
  });

  it('places a server VALIDATION_FAILED field on the form', () => {
    const form = valid();
    expect(formFieldOf('fields.endAt', form)).toBe('endAt');
    expect(formFieldOf('fields.venue.name', form)).toBe('venue.name');
    expect(formFieldOf('fields.venue.address', form)).toBe('venue.address');
    expect(formFieldOf('fields.team.maxSize', form)).toBe('team.maxSize');
    expect(formFieldOf('fields.team', form)).toBe('team.minSize');
    expect(formFieldOf('fields.questions.2.options.1', form)).toBe('questions.q3.options');
    expect(formFieldOf('fields.questions.0.id', form)).toBe('questions.q1.label');
    expect(formFieldOf('fields.questions.9.label', form)).toBe('questions');
    expect(formFieldOf('fields.schedule.1.title', form)).toBe(`schedule.${form.schedule[1].key}`);
    expect(formFieldOf('fields.coHostOrgIds.0', form)).toBe('coHostOrgIds');
    expect(formFieldOf('orgId', form)).toBe('orgId');
    expect(formFieldOf('id', form)).toBeNull();
    expect(formFieldOf(undefined, form)).toBeNull();
  });
});

describe('schedule rows', () => {
  it('adds, edits, moves and removes rows by key', () => {
    let schedule = addScheduleItem(addScheduleItem([]));
    const [first, second] = schedule.map((item) => item.key);
    expect(first).not.toBe(second);
    schedule = editScheduleItem(schedule, second, { time: '14:00', title: '签到' });
    schedule = moveScheduleItem(schedule, second, -1);
    expect(schedule.map((item) => item.key)).toEqual([second, first]);
    expect(moveScheduleItem(schedule, second, -1)).toBe(schedule);
    expect(removeScheduleItem(schedule, first)).toEqual([{ key: second, time: '14:00', title: '签到' }]);
    const full = Array.from({ length: eventLimits.schedule }).reduce<ReturnType<typeof addScheduleItem>>((rows) => addScheduleItem(rows), []);
    expect(addScheduleItem(full)).toBe(full);
  });
});

describe('question editor', () => {
  it('gives every new question an id that matches the contract and never comes back after a removal', () => {
    const at = Date.parse('2026-11-25T15:30:00.000Z');
    const stem = `q${at.toString(36)}`;
    // Two taps within one millisecond still get two ids.
    let questions: QuestionDraft[] = addQuestion(addQuestion([], 'text', at), 'single', at);
    expect(questions.map((question) => question.id)).toEqual([stem, `${stem}-2`]);
    questions = addQuestion(removeQuestion(questions, `${stem}-2`), 'text', at + 1);
    expect(questions.map((question) => question.id)).toEqual([stem, `q${(at + 1).toString(36)}`]);
    for (const question of questions) expect(question.id).toMatch(/^[a-z][a-z0-9-]{0,23}$/);
    expect(nextQuestionId(questions, at)).toBe(`${stem}-2`);
    expect(eventFieldsSchema.safeParse({ ...toEventFields(formFromEvent(detail())), questions: [{ id: nextQuestionId([], Date.parse('2100-01-01T00:00:00Z')), kind: 'text', label: '问', required: true, options: [] }] }).success).toBe(true);
  });

  it('gives a choice question two option slots and keeps options when switched to text and back', () => {
    let questions = addQuestion([], 'multiple', 1);
    expect(questions[0]).toEqual({ id: 'q1', kind: 'multiple', label: '', required: true, options: ['', ''] });
    questions = editOption(editOption(questions, 'q1', 0, '法律'), 'q1', 1, '财税');
    questions = changeQuestionKind(questions, 'q1', 'text');
    expect(questions[0].options).toEqual(['法律', '财税']);
    questions = changeQuestionKind(questions, 'q1', 'single');
    expect(questions[0]).toMatchObject({ kind: 'single', options: ['法律', '财税'] });
    expect(changeQuestionKind(addQuestion([], 'text', 1), 'q1', 'single')[0].options).toEqual(['', '']);
  });

  it('sends no options for a text question', () => {
    const form = { ...blankEventForm('org-general', now), title: '读书会', venueName: '浦东图书馆', questions: changeQuestionKind(editOption(editOption(editQuestion(addQuestion([], 'single', 1), 'q1', { label: '  口味 ' }), 'q1', 0, '甜'), 'q1', 1, '咸'), 'q1', 'text') };
    expect(toEventFields(form).questions).toEqual([{ id: 'q1', kind: 'text', label: '口味', required: true, options: [] }]);
  });

  it('reorders questions and options, at the ends nothing moves', () => {
    const questions = addQuestion(addQuestion(addQuestion([], 'text', 1), 'text', 2), 'text', 3);
    expect(moveQuestion(questions, 'q3', -1).map((question) => question.id)).toEqual(['q1', 'q3', 'q2']);
    expect(moveQuestion(questions, 'q1', -1)).toBe(questions);
    expect(moveQuestion(questions, 'q3', 1)).toBe(questions);
    expect(moveQuestion(questions, 'missing', 1)).toBe(questions);
    const withOptions = editOption(editOption(addOption(addQuestion([], 'single', 1), 'q1'), 'q1', 0, '甲'), 'q1', 2, '丙');
    expect(moveOption(withOptions, 'q1', 2, -1)[0].options).toEqual(['甲', '丙', '']);
    expect(removeOption(withOptions, 'q1', 1)[0].options).toEqual(['甲', '丙']);
  });

  it('stops at the limits', () => {
    const ten = Array.from({ length: questionLimits.questions }).reduce<QuestionDraft[]>((questions) => addQuestion(questions), []);
    expect(addQuestion(ten)).toBe(ten);
    let choice = addQuestion([], 'multiple', 1);
    for (let i = 0; i < 20; i += 1) choice = addOption(choice, 'q1');
    expect(choice[0].options).toHaveLength(questionLimits.options);
  });

  it('explains what is wrong with one question', () => {
    const base: QuestionDraft = { id: 'q1', kind: 'single', label: '是否需要停车', required: true, options: ['需要', '不需要'] };
    expect(questionProblems(base)).toEqual([]);
    expect(questionProblems({ ...base, label: '问'.repeat(61) })).toEqual([{ part: 'label', message: '问题不能超过 60 个字' }]);
    expect(questionProblems({ ...base, options: ['需要'] })).toEqual([{ part: 'options', message: '选择题至少需要 2 个选项' }]);
    expect(questionProblems({ ...base, options: ['需要', ' '] })).toEqual([{ part: 'options', message: '请填写每个选项，或删除空白的选项' }]);
    expect(questionProblems({ ...base, options: ['需要', '长'.repeat(31)] })).toEqual([{ part: 'options', message: '每个选项不能超过 30 个字' }]);
    expect(questionProblems({ ...base, kind: 'text', options: [] })).toEqual([]);
  });
});

describe('registration counters and rows', () => {
  const counters = (overrides: Partial<SeatCounters> = {}): SeatCounters => ({ seatsTaken: 38, waitlistCount: 0, openOffers: 0, pendingCount: 0, ...overrides });

  it('shows seats taken against capacity, in teams for team events', () => {
    expect(seatGauge(counters(), 50, false)).toEqual({ text: '38 / 50 人', percent: 76, tone: 'success', note: '剩余 12 个名额' });
    expect(seatGauge(counters({ seatsTaken: 49, openOffers: 1 }), 50, false)).toEqual({ text: '49 / 50 人', percent: 98, tone: 'brand', note: '已满（含 1 个待确认名额）' });
    expect(seatGauge(counters({ seatsTaken: 60 }), 60, true)).toMatchObject({ text: '60 / 60 队', percent: 100, note: '已满' });
    expect(seatGauge(counters({ seatsTaken: 45 }), 40, false)).toMatchObject({ percent: 100, tone: 'warning', note: '超出名额 5 人（调低名额后不会移除已报名者）' });
  });

  it('highlights the waiting, offered and pending counts only when there are any', () => {
    expect(counterTiles(counters({ waitlistCount: 3, pendingCount: 2 }), true)).toEqual([
      { key: 'waitlist', label: '候补', value: 3, unit: '队', tone: 'info' },
      { key: 'offers', label: '待确认', value: 0, unit: '队', tone: 'muted' },
      { key: 'pending', label: '待审核', value: 2, unit: '队', tone: 'brand' },
    ]);
  });

  it('offers a filter for every registration status, plus all', () => {
    expect(statusFilters[0]).toEqual({ status: null, label: '全部' });
    expect(statusFilters.slice(1).map((filter) => filter.status).sort()).toEqual([...registrationStatuses].sort());
  });

  it('labels a row with its status and waiting-list position', () => {
    expect(registrationBadge({ status: 'waitlisted', waitlistPosition: 3 })).toEqual({ text: '候补 第 3 位', tone: 'info' });
    expect(registrationBadge({ status: 'confirmed', waitlistPosition: null })).toEqual({ text: '已报名', tone: 'success' });
    expect(registrationBadge({ status: 'offered', waitlistPosition: null }).text).toBe('候补到位，待确认');
  });

  it('lists answers in question order, choices joined, answers to removed questions last', () => {
    const answers: RegistrationRow['answers'] = { q3: ['法律', '金融'], q1: '合伙人', gone: '旧回答', q2: '' };
    expect(answerLines(detail().questions, answers)).toEqual([
      { questionId: 'q1', label: '您的职务', text: '合伙人' },
      { questionId: 'q3', label: '感兴趣的话题', text: '法律、金融' },
      { questionId: 'gone', label: '已删除的问题', text: '旧回答' },
    ]);
    expect(answerLines(detail().questions, {})).toEqual([]);
  });

  it('lists only the counters that disagree', () => {
    const check: CounterCheck = {
      eventId: 'evt-salon',
      stored: counters({ waitlistCount: 4, pendingCount: 1 }),
      counted: counters({ seatsTaken: 37, waitlistCount: 4, pendingCount: 2 }),
      consistent: false,
      repairedSlots: 0,
      repairedTeamPlaces: 0,
    };
    expect(counterDifferences(check)).toEqual([
      { label: '已报名', stored: 38, counted: 37 },
      { label: '待审核', stored: 1, counted: 2 },
    ]);
    expect(counterDifferences({ ...check, counted: check.stored, consistent: true })).toEqual([]);
  });

  it('explains a capacity change before it is made: raising promotes, lowering never removes anyone', () => {
    const full = counters({ seatsTaken: 40, waitlistCount: 5 });
    expect(capacityEffect(full, 40, 40, false, 'auto')).toBe('名额没有变化。');
    expect(capacityEffect(full, 40, 43, false, 'auto')).toBe('名额增加 3 个，将按候补顺序自动递补 3 人。');
    expect(capacityEffect(full, 40, 60, false, 'offer')).toBe('名额增加 20 个，将依次通知前 5 人候补者限时确认。');
    expect(capacityEffect(counters({ seatsTaken: 10 }), 40, 50, true, 'auto')).toBe('名额增加 10 个，目前没有候补者需要递补。');
    expect(capacityEffect(counters({ seatsTaken: 10 }), 40, 20, false, 'auto')).toBe('名额减少 20 个，只减少空余名额，已报名的 10 人不受影响。');
    expect(capacityEffect(full, 40, 30, false, 'auto')).toBe('已报名 40 人，多于新名额 30：不会取消任何人的报名，之后有人取消时不再递补，直到人数回到名额以内。');
  });

  it('puts the seat figures on an organizer event card, the rest only when non-zero', () => {
    const { description: _description, schedule: _schedule, questions: _questions, cancellationDeadline: _deadline, offerHours: _hours, createdAt: _created, ...summary } = detail();
    const event: ManagedEvent = { ...summary, seatsTaken: 40, waitlistCount: 3 };
    expect(managedEventFigures(event)).toEqual([
      { label: '已报名', value: '40/40人', tone: 'brand' },
      { label: '候补', value: '3人', tone: 'info' },
      { label: '待确认', value: '1人', tone: 'warning' },
      { label: '待审核', value: '2人', tone: 'brand' },
    ]);
    expect(managedEventFigures({ ...event, seatsTaken: 5, waitlistCount: 0, openOffers: 0, pendingCount: 0, team: { minSize: 3, maxSize: 6 } })).toEqual([
      { label: '已报名', value: '5/40队', tone: 'success' },
    ]);
  });

  it('groups a mobile for reading it out, and leaves other shapes alone', () => {
    expect(spacedMobile('13812345678')).toBe('138 1234 5678');
    expect(spacedMobile('+85291234567')).toBe('+85291234567');
  });

  it('explains a refusal in words, and leaves other failures to the error state', () => {
    expect(organizerRefusal('FORBIDDEN')?.title).toBe('没有权限');
    expect(organizerRefusal('UNAUTHENTICATED')?.title).toBe('请先登录');
    expect(organizerRefusal('NETWORK')).toBeNull();
  });
});
