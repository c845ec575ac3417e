import type { EventFields, OrgRef } from '../contract/events';
import type { EventStatus } from '../contract/vocabulary';
import type { EventDoc, OrgDoc, RegistrationDoc } from '../data/documents';
import { AppError } from './app-error';
import { eventSnapshot } from './registration-rules';
import type { OrgPlacement, RoleHolder } from './roles';
import { openingLedger } from './seat-ledger';
import { eventLimits } from '../contract/event-limits';

/** The longest an event may last; it also bounds how far back the events list must look for events still under way. */
export const maxEventDays = eventLimits.maxDays;
const dayMs = 24 * 3600 * 1000;

function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, `fields.${field}`);
}

type TimeField = 'startAt' | 'endAt' | 'signupOpensAt' | 'signupClosesAt' | 'cancellationDeadline';
type EventTimes = Record<Exclude<TimeField, 'cancellationDeadline'>, Date> & { cancellationDeadline: Date | null };

function timesOf(fields: EventFields): EventTimes {
  return {
    startAt: new Date(fields.startAt),
    endAt: new Date(fields.endAt),
    signupOpensAt: new Date(fields.signupOpensAt),
    signupClosesAt: new Date(fields.signupClosesAt),
    cancellationDeadline: fields.cancellationDeadline === null ? null : new Date(fields.cancellationDeadline),
  };
}

function sameInstant(a: Date | null, b: Date | null): boolean {
  return a === null || b === null ? a === b : a.getTime() === b.getTime();
}

interface TimeRule {
  /** The rule is checked when one of these is set: always on create, on an edit only when one changes. */
  involves: TimeField[];
  field: TimeField;
  message: string;
  broken(times: EventTimes, now: Date): boolean;
}

const timeRules: TimeRule[] = [
  { involves: ['startAt'], field: 'startAt', message: '开始时间不能早于当前时间', broken: (t, now) => t.startAt <= now },
  { involves: ['startAt', 'endAt'], field: 'endAt', message: '结束时间必须晚于开始时间', broken: (t) => t.endAt <= t.startAt },
  {
    involves: ['startAt', 'endAt'],
    field: 'endAt',
    message: `活动时长不能超过 ${maxEventDays} 天`,
    broken: (t) => t.endAt.getTime() - t.startAt.getTime() > maxEventDays * dayMs,
  },
  { involves: ['endAt'], field: 'endAt', message: '结束时间不能早于当前时间', broken: (t, now) => t.endAt <= now },
  {
    involves: ['signupOpensAt', 'signupClosesAt'],
    field: 'signupClosesAt',
    message: '报名截止时间必须晚于报名开始时间',
    broken: (t) => t.signupClosesAt <= t.signupOpensAt,
  },
  {
    involves: ['signupClosesAt', 'endAt'],
    field: 'signupClosesAt',
    message: '报名截止时间不能晚于活动结束时间',
    broken: (t) => t.signupClosesAt > t.endAt,
  },
  {
    involves: ['cancellationDeadline', 'startAt'],
    field: 'cancellationDeadline',
    message: '取消报名截止时间不能晚于活动开始时间',
    broken: (t) => t.cancellationDeadline !== null && t.cancellationDeadline > t.startAt,
  },
];

function assertTimes(fields: EventFields, now: Date, current: EventDoc | null): void {
  const times = timesOf(fields);
  const changed = (field: TimeField) => current === null || !sameInstant(current[field], times[field]);
  if (current?.status === 'closed' && (changed('signupOpensAt') || changed('signupClosesAt'))) {
    // There is no way back from closed to published, so a new window would promise a sign-up that cannot happen.
    throw invalid(changed('signupOpensAt') ? 'signupOpensAt' : 'signupClosesAt', '报名已截止，不能再修改报名时间');
  }
  for (const rule of timeRules) {
    if (rule.involves.some(changed) && rule.broken(times, now)) throw invalid(rule.field, rule.message);
  }
}

function assertQuestions(fields: EventFields): void {
  const seen = new Set<string>();
  fields.questions.forEach((question, index) => {
    if (seen.has(question.id)) throw invalid(`questions.${index}.id`, `问题编号“${question.id}”重复了`);
    seen.add(question.id);
    const options = `questions.${index}.options`;
    if (question.kind === 'text' && question.options.length > 0) throw invalid(options, `填空题“${question.label}”不需要选项`);
    if (question.kind !== 'text' && question.options.length < eventLimits.minChoices) throw invalid(options, `选择题“${question.label}”至少需要 ${eventLimits.minChoices} 个选项`);
    const duplicate = question.options.find((option, i) => question.options.indexOf(option) !== i);
    if (duplicate !== undefined) throw invalid(options, `“${question.label}”的选项“${duplicate}”重复了`);
  });
}

function assertHostsAndTeam(fields: EventFields, orgId: string): void {
  if (fields.team && fields.team.minSize > fields.team.maxSize) throw invalid('team.maxSize', '队伍人数上限不能少于下限');
  if (fields.coHostOrgIds.includes(orgId)) throw invalid('coHostOrgIds', '主办组织不必再列为协办组织');
  if (new Set(fields.coHostOrgIds).size !== fields.coHostOrgIds.length) throw invalid('coHostOrgIds', '协办组织重复了');
}

/**
 * Checks an organizer's fields beyond their schema, as VALIDATION_FAILED naming `fields.<field>`. On an edit
 * (`current` given) a time rule is checked only when one of its times changes, so an event under way can still
 * have its description corrected.
 */
export function assertEventFields(fields: EventFields, orgId: string, now: Date, current: EventDoc | null = null): void {
  assertTimes(fields, now, current);
  assertHostsAndTeam(fields, orgId);
  assertQuestions(fields);
}

/** The host first, then the co-hosts in the order given; a co-host that does not exist is the organizer's mistake. */
export function eventHosts(org: Pick<OrgDoc, '_id' | 'name'>, coHostOrgIds: string[], found: Pick<OrgDoc, '_id' | 'name'>[]): OrgRef[] {
  const byId = new Map(found.map((coHost) => [coHost._id, coHost]));
  const coHosts = coHostOrgIds.map((id) => {
    const coHost = byId.get(id);
    if (!coHost) throw invalid('coHostOrgIds', '协办组织不存在');
    return { id: coHost._id, name: coHost.name };
  });
  return [{ id: org._id, name: org.name }, ...coHosts];
}

/** What an organizer's fields become when stored, hosts aside (they need the co-hosts' documents). */
export type StoredEventFields = Pick<
  EventDoc,
  | 'title'
  | 'kind'
  | 'description'
  | 'venue'
  | 'startAt'
  | 'endAt'
  | 'signupOpensAt'
  | 'signupClosesAt'
  | 'cancellationDeadline'
  | 'requiresApproval'
  | 'membersOnly'
  | 'waitlistMode'
  | 'offerHours'
  | 'team'
  | 'questions'
  | 'schedule'
  | 'coHostOrgIds'
  | 'guests'
>;

export type EventHostFields = Pick<EventDoc, 'hosts' | 'hostOrgIds'>;

function storedFields(fields: EventFields): StoredEventFields {
  return {
    title: fields.title,
    kind: fields.kind,
    description: fields.description,
    venue: { name: fields.venue.name, address: fields.venue.address },
    ...timesOf(fields),
    requiresApproval: fields.requiresApproval,
    membersOnly: fields.membersOnly,
    waitlistMode: fields.waitlistMode,
    offerHours: fields.offerHours,
    team: fields.team,
    questions: fields.questions,
    schedule: fields.schedule,
    coHostOrgIds: fields.coHostOrgIds,
    guests: fields.guests,
  };
}

export function hostFields(hosts: OrgRef[]): EventHostFields {
  return { hosts, hostOrgIds: hosts.map((host) => host.id) };
}

/** A new draft with an empty seat ledger, from fields `assertEventFields` passed and hosts from `eventHosts`. */
export function newEventDoc(fields: EventFields, hosts: OrgRef[], createdBy: string, now: Date): Omit<EventDoc, '_id'> {
  return {
    ...storedFields(fields),
    ...hostFields(hosts),
    status: 'draft',
    orgId: hosts[0].id,
    capacity: fields.capacity,
    ...openingLedger(fields.capacity),
    summary: null,
    createdBy,
    createdAt: now,
    updatedAt: now,
  };
}

function sameSnapshot(a: RegistrationDoc['event'], b: RegistrationDoc['event']): boolean {
  return (
    a.title === b.title &&
    a.kind === b.kind &&
    sameInstant(a.startAt, b.startAt) &&
    sameInstant(a.endAt, b.endAt) &&
    a.venue.name === b.venue.name &&
    a.venue.address === b.venue.address
  );
}

function sameTeam(a: EventDoc['team'], b: EventFields['team']): boolean {
  return a === null || b === null ? a === b : a.minSize === b.minSize && a.maxSize === b.maxSize;
}

export interface EventEdit {
  fields: StoredEventFields;
  /** The host list must be rebuilt from the new co-hosts' documents. */
  coHostsChanged: boolean;
  /** The new capacity, when it changes (it goes through the seat ledger). */
  capacity: number | null;
  /** The registrations' new copy of the event, when what they show changes. */
  snapshot: RegistrationDoc['event'] | null;
  /** A setting that may not change once anyone has registered, named as the field to blame; null when none changes. */
  lockedField: 'fields.team' | 'fields.requiresApproval' | null;
}

/** Checks an organizer's edit of a stored event and says what it changes. */
export function planEventEdit(current: EventDoc, fields: EventFields, now: Date): EventEdit {
  assertEditable(current, now);
  assertEventFields(fields, current.orgId, now, current);
  const stored = storedFields(fields);
  const snapshot = eventSnapshot({ ...current, ...stored });
  let lockedField: EventEdit['lockedField'] = null;
  if (!sameTeam(current.team, fields.team)) lockedField = 'fields.team';
  else if (current.requiresApproval !== fields.requiresApproval) lockedField = 'fields.requiresApproval';
  return {
    fields: stored,
    coHostsChanged: current.coHostOrgIds.join('\n') !== fields.coHostOrgIds.join('\n'),
    capacity: fields.capacity === current.capacity ? null : fields.capacity,
    snapshot: sameSnapshot(eventSnapshot(current), snapshot) ? null : snapshot,
    lockedField,
  };
}

/** Whether the seat ledger shows anyone who signed up: numbers handed out, or sign-ups awaiting approval. */
export function ledgerShowsRegistrations(event: Pick<EventDoc, 'arrivals' | 'pendingCount'>): boolean {
  return event.arrivals > 0 || event.pendingCount > 0;
}

const lockedMessages: Record<NonNullable<EventEdit['lockedField']>, string> = {
  'fields.team': '已有人报名，不能再修改组队设置',
  'fields.requiresApproval': '已有人报名，不能再修改是否需要审核',
};

/** Team settings and approval decide how every sign-up was counted, so they are fixed once anyone has signed up. */
export function assertLockedSettings(edit: Pick<EventEdit, 'lockedField'>, anyoneRegistered: boolean): void {
  if (edit.lockedField !== null && anyoneRegistered) {
    throw new AppError('VALIDATION_FAILED', lockedMessages[edit.lockedField], edit.lockedField);
  }
}

export function hasEnded(event: Pick<EventDoc, 'endAt'>, now: Date): boolean {
  return event.endAt <= now;
}

/** Edits are allowed while the event is neither cancelled nor over. */
export function assertEditable(event: Pick<EventDoc, 'status' | 'endAt'>, now: Date): void {
  if (event.status === 'cancelled' || hasEnded(event, now)) throw new AppError('EVENT_NOT_EDITABLE');
}

/** A summary tells how the event went: it is posted once the event has ended, never for a cancelled event or a draft. */
export function assertSummaryPostable(event: Pick<EventDoc, 'status' | 'endAt'>, now: Date): void {
  if (event.status === 'cancelled') throw new AppError('EVENT_CANCELLED');
  if (event.status === 'draft') throw new AppError('WRONG_EVENT_STATUS', '活动未发布，不能发布活动回顾');
  if (!hasEnded(event, now)) throw new AppError('EVENT_NOT_ENDED');
}

export type EventTransition = 'publish' | 'closeSignup' | 'cancel';

export const transitionTargets: Record<EventTransition, EventStatus> = { publish: 'published', closeSignup: 'closed', cancel: 'cancelled' };

const transitionSources: Record<EventTransition, EventStatus[]> = {
  publish: ['draft'],
  closeSignup: ['published'],
  cancel: ['draft', 'published', 'closed'],
};

const wrongStatusMessages: Record<EventTransition, string> = {
  publish: '只有草稿可以发布',
  closeSignup: '只有报名中的活动可以截止报名',
  cancel: '该活动不能取消',
};

/**
 * Whether a status change applies, or is a repeat (the event already has the status it leads to: a double tap
 * answers the event as it is). Cancelled and ended events move no further.
 */
export function decideTransition(event: Pick<EventDoc, 'status' | 'endAt'>, transition: EventTransition, now: Date): 'apply' | 'repeat' {
  if (event.status === transitionTargets[transition]) return 'repeat';
  assertEditable(event, now);
  if (!transitionSources[transition].includes(event.status)) throw new AppError('WRONG_EVENT_STATUS', wrongStatusMessages[transition]);
  return 'apply';
}

/** Closing early ends the window now; a window that already ended keeps its end, one not yet open opens and ends now. */
export function closedSignupWindow(event: Pick<EventDoc, 'signupOpensAt' | 'signupClosesAt'>, now: Date): Pick<EventDoc, 'signupOpensAt' | 'signupClosesAt'> {
  const signupClosesAt = event.signupClosesAt < now ? event.signupClosesAt : now;
  return { signupOpensAt: event.signupOpensAt < signupClosesAt ? event.signupOpensAt : signupClosesAt, signupClosesAt };
}

/**
 * The organisations whose events a member manages: those they organize and every one below them. null means
 * all events (an admin, or an organizer whose reach is the whole tree); FORBIDDEN without any organizer role.
 */
export function managedOrgIds(member: RoleHolder, tree: OrgPlacement[]): string[] | null {
  if (member.roles.some((grant) => grant.role === 'admin')) return null;
  const organized = new Set(member.roles.filter((grant) => grant.role === 'organizer').map((grant) => grant.orgId));
  if (organized.size === 0) throw new AppError('FORBIDDEN');
  const reach = tree.filter((org) => organized.has(org._id) || org.ancestorIds.some((id) => organized.has(id))).map((org) => org._id);
  return tree.length > 0 && reach.length === tree.length ? null : reach;
}

/** Whether `managedOrgIds` needs the organisation tree: only for organizers, since an admin's reach is everything. */
export function needsOrgTree(member: RoleHolder): boolean {
  return !member.roles.some((grant) => grant.role === 'admin') && member.roles.some((grant) => grant.role === 'organizer');
}
