import type { EventDetail, EventFieldsInput } from '../../../cloudfunctions/shared/contract/events';
import type { EventKind, WaitlistMode } from '../../../cloudfunctions/shared/contract/vocabulary';
import { eventLimits } from '../../../cloudfunctions/shared/contract/event-limits';
import { instantOf, isBefore, isWallClock, shiftDays, type WallClock, wallClockOf } from '../../utils/wall-clock';
import { moveItem } from './list-moves';
import { type QuestionDraft, questionLimits, questionProblems } from './question-editor';

export type TimeField = 'startAt' | 'endAt' | 'signupOpensAt' | 'signupClosesAt';

export interface ScheduleDraft {
  /** Stable across reordering, so each row keeps its inputs. */
  key: string;
  time: string;
  title: string;
}

export interface GuestDraft {
  /** Stable across reordering, so each row keeps its inputs. */
  key: string;
  name: string;
  title: string;
  topic: string;
}

/** Everything an organizer edits, as typed: numbers stay text until saved, times are Shanghai wall clock. */
export interface EventForm {
  orgId: string;
  title: string;
  kind: EventKind;
  description: string;
  venueName: string;
  venueAddress: string;
  times: Record<TimeField, WallClock>;
  /** null: no deadline set. */
  cancellationDeadline: WallClock | null;
  capacity: string;
  requiresApproval: boolean;
  membersOnly: boolean;
  waitlistMode: WaitlistMode;
  offerHours: string;
  /** null: members sign up one by one. */
  team: { minSize: string; maxSize: string } | null;
  questions: QuestionDraft[];
  schedule: ScheduleDraft[];
  guests: GuestDraft[];
  coHostOrgIds: string[];
}

/**
 * Where a problem shows: a form field ('title', 'venue.name', 'startAt', 'team.minSize', ...), one question
 * ('questions.<id>.label' / 'questions.<id>.options'), one schedule row ('schedule.<key>') or one guest
 * ('guests.<key>').
 */
export interface FormProblem {
  field: string;
  message: string;
}

let scheduleSequence = 0;
function nextScheduleKey(): string {
  scheduleSequence += 1;
  return `schedule-${scheduleSequence}`;
}

let guestSequence = 0;
function nextGuestKey(): string {
  guestSequence += 1;
  return `guest-${guestSequence}`;
}

/** A new event a week out, 14:00–17:00, sign-up open from this hour until 18:00 the day before. */
export function blankEventForm(orgId: string, now: Date): EventForm {
  const today = wallClockOf(now);
  const startDay = shiftDays(today, 7).date;
  return {
    orgId,
    title: '',
    kind: 'forum',
    description: '',
    venueName: '',
    venueAddress: '',
    times: {
      startAt: { date: startDay, time: '14:00' },
      endAt: { date: startDay, time: '17:00' },
      signupOpensAt: { date: today.date, time: `${today.time.slice(0, 2)}:00` },
      signupClosesAt: shiftDays({ date: startDay, time: '18:00' }, -1),
    },
    cancellationDeadline: null,
    capacity: '50',
    requiresApproval: false,
    membersOnly: false,
    waitlistMode: 'auto',
    offerHours: String(eventLimits.defaultOfferHours),
    team: null,
    questions: [],
    schedule: [],
    guests: [],
    coHostOrgIds: [],
  };
}

/** The saved event as the editor shows it: the first host is the organising one, the rest co-host. */
export function formFromEvent(event: EventDetail): EventForm {
  const [host, ...coHosts] = event.hosts;
  return {
    orgId: host?.id ?? '',
    title: event.title,
    kind: event.kind,
    description: event.description,
    venueName: event.venue.name,
    venueAddress: event.venue.address,
    times: {
      startAt: wallClockOf(event.startAt),
      endAt: wallClockOf(event.endAt),
      signupOpensAt: wallClockOf(event.signupOpensAt),
      signupClosesAt: wallClockOf(event.signupClosesAt),
    },
    cancellationDeadline: event.cancellationDeadline ? wallClockOf(event.cancellationDeadline) : null,
    capacity: String(event.capacity),
    requiresApproval: event.requiresApproval,
    membersOnly: event.membersOnly,
    waitlistMode: event.waitlistMode,
    offerHours: String(event.offerHours),
    team: event.team ? { minSize: String(event.team.minSize), maxSize: String(event.team.maxSize) } : null,
    questions: event.questions.map((question) => ({ ...question, options: [...question.options] })),
    schedule: event.schedule.map((item) => ({ key: nextScheduleKey(), time: item.time, title: item.title })),
    guests: event.guests.map((guest) => ({ key: nextGuestKey(), name: guest.name, title: guest.title, topic: guest.topic })),
    coHostOrgIds: coHosts.map((org) => org.id),
  };
}

/**
 * An event copied as a new one, for the salon held every month or the forum held every year: the same settings,
 * moved whole weeks (same weekday and clock times, all times together) until sign-up is still open after `now`; at
 * least one week on. Hosted by `orgId`, one the copier organizes.
 */
export function copiedEventForm(event: EventDetail, orgId: string, now: Date): EventForm {
  const form = formFromEvent(event);
  const weekMs = 7 * 24 * 60 * 60 * 1000;
  const weeks = Math.max(1, Math.floor((now.getTime() - Date.parse(event.signupClosesAt)) / weekMs) + 1);
  const moved = (clock: WallClock) => shiftDays(clock, 7 * weeks);
  return {
    ...form,
    orgId,
    coHostOrgIds: form.coHostOrgIds.filter((id) => id !== orgId),
    times: {
      startAt: moved(form.times.startAt),
      endAt: moved(form.times.endAt),
      signupOpensAt: moved(form.times.signupOpensAt),
      signupClosesAt: moved(form.times.signupClosesAt),
    },
    cancellationDeadline: form.cancellationDeadline ? moved(form.cancellationDeadline) : null,
  };
}

/** A whole number typed into a field, or null for anything else ("", "3.5", "十"). */
export function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : null;
}

/** What events.create / events.update receive. Call after checkEventForm found nothing. */
export function toEventFields(form: EventForm): EventFieldsInput {
  return {
    title: form.title.trim(),
    kind: form.kind,
    description: form.description.trim(),
    venue: { name: form.venueName.trim(), address: form.venueAddress.trim() },
    startAt: instantOf(form.times.startAt),
    endAt: instantOf(form.times.endAt),
    signupOpensAt: instantOf(form.times.signupOpensAt),
    signupClosesAt: instantOf(form.times.signupClosesAt),
    cancellationDeadline: form.cancellationDeadline ? instantOf(form.cancellationDeadline) : null,
    capacity: wholeNumber(form.capacity) ?? 0,
    requiresApproval: form.requiresApproval,
    membersOnly: form.membersOnly,
    waitlistMode: form.waitlistMode,
    // Only the offer mode uses the hours; the auto mode sends the default rather than a half-typed number.
    offerHours: form.waitlistMode === 'offer' ? wholeNumber(form.offerHours) ?? 0 : eventLimits.defaultOfferHours,
    team: form.team ? { minSize: wholeNumber(form.team.minSize) ?? 0, maxSize: wholeNumber(form.team.maxSize) ?? 0 } : null,
    questions: form.questions.map((question) => ({
      id: question.id,
      kind: question.kind,
      label: question.label.trim(),
      required: question.required,
      options: question.kind === 'text' ? [] : question.options.map((option) => option.trim()),
    })),
    schedule: form.schedule.map((item) => ({ time: item.time.trim(), title: item.title.trim() })),
    coHostOrgIds: form.coHostOrgIds,
    guests: form.guests.map((guest) => ({ name: guest.name.trim(), title: guest.title.trim(), topic: guest.topic.trim() })),
  };
}

function textProblem(field: string, text: string, label: string, max: number, required: boolean): FormProblem | null {
  const trimmed = text.trim();
  if (required && !trimmed) return { field, message: `请填写${label}` };
  if (trimmed.length > max) return { field, message: `${label}不能超过 ${max} 个字` };
  return null;
}

function rangeProblem(field: string, text: string, label: string, min: number, max: number): FormProblem | null {
  const value = wholeNumber(text);
  if (value === null) return { field, message: `请填写${label}（整数）` };
  if (value < min || value > max) return { field, message: `${label}应在 ${min}–${max} 之间` };
  return null;
}

const timeLabels: Record<TimeField, string> = { startAt: '开始时间', endAt: '结束时间', signupOpensAt: '报名开始时间', signupClosesAt: '报名截止时间' };

function timeProblems(form: EventForm, now: Date, creating: boolean): FormProblem[] {
  const problems: FormProblem[] = [];
  const { startAt, endAt, signupOpensAt, signupClosesAt } = form.times;
  for (const field of Object.keys(timeLabels) as TimeField[]) {
    if (!isWallClock(form.times[field])) problems.push({ field, message: `请选择${timeLabels[field]}` });
  }
  if (form.cancellationDeadline && !isWallClock(form.cancellationDeadline)) problems.push({ field: 'cancellationDeadline', message: '请选择取消截止时间' });
  if (problems.length > 0) return problems;

  if (creating && !isBefore(wallClockOf(now), startAt)) problems.push({ field: 'startAt', message: '开始时间已过，请重新选择' });
  if (!isBefore(startAt, endAt)) problems.push({ field: 'endAt', message: '结束时间须晚于开始时间' });
  else if (isBefore(shiftDays(startAt, eventLimits.maxDays), endAt)) problems.push({ field: 'endAt', message: `活动时长不能超过 ${eventLimits.maxDays} 天` });
  if (!isBefore(signupOpensAt, signupClosesAt)) problems.push({ field: 'signupClosesAt', message: '报名截止须晚于报名开始' });
  else if (isBefore(endAt, signupClosesAt)) problems.push({ field: 'signupClosesAt', message: '报名截止不能晚于活动结束' });
  if (form.cancellationDeadline && isBefore(startAt, form.cancellationDeadline)) {
    problems.push({ field: 'cancellationDeadline', message: '取消截止不能晚于活动开始' });
  }
  return problems;
}

/**
 * Every problem the server would refuse (contract schema and event rules), in reading order; empty when the
 * form can be saved. `creating`: a new event must not start in the past.
 */
export function checkEventForm(form: EventForm, now: Date, creating: boolean): FormProblem[] {
  const problems: (FormProblem | null)[] = [];
  if (!form.orgId) problems.push({ field: 'orgId', message: '请选择主办组织' });
  problems.push(textProblem('title', form.title, '活动名称', eventLimits.title, true));
  problems.push(textProblem('description', form.description, '活动介绍', eventLimits.description, false));
  problems.push(textProblem('venue.name', form.venueName, '场地名称', eventLimits.venueName, true));
  problems.push(textProblem('venue.address', form.venueAddress, '地址', eventLimits.venueAddress, false));
  problems.push(...timeProblems(form, now, creating));
  problems.push(rangeProblem('capacity', form.capacity, form.team ? '队数' : '名额', 1, eventLimits.capacity));
  if (form.waitlistMode === 'offer') problems.push(rangeProblem('offerHours', form.offerHours, '确认时限', 1, eventLimits.offerHours));
  if (form.team) {
    const { min, max } = eventLimits.teamSize;
    const minProblem = rangeProblem('team.minSize', form.team.minSize, '最少人数', min, max);
    const maxProblem = rangeProblem('team.maxSize', form.team.maxSize, '最多人数', min, max);
    problems.push(minProblem, maxProblem);
    if (!minProblem && !maxProblem && Number(form.team.minSize) > Number(form.team.maxSize)) {
      problems.push({ field: 'team.maxSize', message: '最多人数不能少于最少人数' });
    }
  }
  if (form.questions.length > questionLimits.questions) problems.push({ field: 'questions', message: `问题不能超过 ${questionLimits.questions} 个` });
  for (const question of form.questions) {
    for (const problem of questionProblems(question)) problems.push({ field: `questions.${question.id}.${problem.part}`, message: problem.message });
  }
  if (form.schedule.length > eventLimits.schedule) problems.push({ field: 'schedule', message: `日程不能超过 ${eventLimits.schedule} 项` });
  for (const item of form.schedule) {
    const field = `schedule.${item.key}`;
    problems.push(textProblem(field, item.time, '日程时间', eventLimits.scheduleTime, true) ?? textProblem(field, item.title, '日程内容', eventLimits.scheduleTitle, true));
  }
  if (form.guests.length > eventLimits.guests) problems.push({ field: 'guests', message: `嘉宾不能超过 ${eventLimits.guests} 位` });
  for (const guest of form.guests) {
    const field = `guests.${guest.key}`;
    problems.push(
      textProblem(field, guest.name, '嘉宾姓名', eventLimits.guestName, true) ??
        textProblem(field, guest.title, '嘉宾职务', eventLimits.guestTitle, false) ??
        textProblem(field, guest.topic, '分享主题', eventLimits.guestTopic, false),
    );
  }
  if (form.coHostOrgIds.length > eventLimits.coHosts) problems.push({ field: 'coHostOrgIds', message: `协办组织不能超过 ${eventLimits.coHosts} 个` });
  else if (form.coHostOrgIds.includes(form.orgId)) problems.push({ field: 'coHostOrgIds', message: '主办组织不必再列为协办' });
  return problems.filter((problem): problem is FormProblem => problem !== null);
}

/**
 * The form field a server's VALIDATION_FAILED names ("fields.questions.2.options.1" → "questions.<id>.options"),
 * or null when the form has no place for it (the message is then shown on its own).
 */
export function formFieldOf(serverField: string | undefined, form: EventForm): string | null {
  if (!serverField) return null;
  const [root, name, index, part] = serverField.split('.');
  if (root === 'orgId') return 'orgId';
  if (root !== 'fields' || !name) return null;
  switch (name) {
    case 'venue':
      return index === 'address' ? 'venue.address' : 'venue.name';
    case 'team':
      return index === 'maxSize' ? 'team.maxSize' : 'team.minSize';
    case 'questions': {
      const question = index === undefined ? undefined : form.questions[Number(index)];
      return question ? `questions.${question.id}.${part === 'options' ? 'options' : 'label'}` : 'questions';
    }
    case 'schedule': {
      const item = index === undefined ? undefined : form.schedule[Number(index)];
      return item ? `schedule.${item.key}` : 'schedule';
    }
    case 'guests': {
      const guest = index === undefined ? undefined : form.guests[Number(index)];
      return guest ? `guests.${guest.key}` : 'guests';
    }
    default:
      return name;
  }
}

export function addScheduleItem(schedule: ScheduleDraft[]): ScheduleDraft[] {
  if (schedule.length >= eventLimits.schedule) return schedule;
  return [...schedule, { key: nextScheduleKey(), time: '', title: '' }];
}

export function removeScheduleItem(schedule: ScheduleDraft[], key: string): ScheduleDraft[] {
  return schedule.filter((item) => item.key !== key);
}

export function editScheduleItem(schedule: ScheduleDraft[], key: string, patch: Partial<Pick<ScheduleDraft, 'time' | 'title'>>): ScheduleDraft[] {
  return schedule.map((item) => (item.key === key ? { ...item, ...patch } : item));
}

export function moveScheduleItem(schedule: ScheduleDraft[], key: string, step: -1 | 1): ScheduleDraft[] {
  return moveItem(schedule, schedule.findIndex((item) => item.key === key), step);
}

export function addGuest(guests: GuestDraft[]): GuestDraft[] {
  if (guests.length >= eventLimits.guests) return guests;
  return [...guests, { key: nextGuestKey(), name: '', title: '', topic: '' }];
}

export function removeGuest(guests: GuestDraft[], key: string): GuestDraft[] {
  return guests.filter((guest) => guest.key !== key);
}

export function editGuest(guests: GuestDraft[], key: string, patch: Partial<Pick<GuestDraft, 'name' | 'title' | 'topic'>>): GuestDraft[] {
  return guests.map((guest) => (guest.key === key ? { ...guest, ...patch } : guest));
}

export function moveGuest(guests: GuestDraft[], key: string, step: -1 | 1): GuestDraft[] {
  return moveItem(guests, guests.findIndex((guest) => guest.key === key), step);
}

/** Turning team sign-up on starts from 3–6 per team; turning it off drops the sizes. */
export function withTeam(form: EventForm, on: boolean): EventForm {
  if (on === (form.team !== null)) return form;
  return { ...form, team: on ? { minSize: '3', maxSize: '6' } : null };
}

/** Whether the form holds anything the saved event lacks. */
export function differsFrom(form: EventForm, saved: EventForm): boolean {
  return JSON.stringify({ ...toEventFields(form), orgId: form.orgId }) !== JSON.stringify({ ...toEventFields(saved), orgId: saved.orgId });
}
