import { answerText } from '../contract/answer-rules';
import { hostNames, venueLine } from '../contract/event-text';
import type { RegistrationRow } from '../contract/registrations';
import { checkinSourceLabels, eventKindLabels, registrationStatusLabels, type RegistrationStatus, sectorLabels } from '../contract/vocabulary';
import type { EventDoc, MemberDoc, RegistrationDoc } from '../data/documents';
import { eventSeatCounters } from './mapping';
import { entryStatus, toRegistrationRow } from './registration-views';
import { inShanghai } from './shanghai-time';

export type SheetCell = string | number | null;

export interface SheetColumn {
  header: string;
  /** In characters, as Excel measures a column. */
  width: number;
  /** Kept as text even when it looks like a number (a mobile would lose nothing, but Excel would show 1.39E+10). */
  text?: boolean;
}

export interface Sheet {
  name: string;
  columns: SheetColumn[];
  rows: SheetCell[][];
}

/** An event's registrations as an organizer takes them away: the list, and the figures a report quotes. */
export interface RegistrationWorkbook {
  fileName: string;
  sheets: [Sheet, Sheet];
  /** People listed, one row each. */
  people: number;
}

/** In the order an organizer works down the list: who is coming, who is being asked, who waits, who is out. */
const statusOrder: Record<RegistrationStatus, number> = {
  confirmed: 0,
  offered: 1,
  forming: 2,
  pending: 3,
  waitlisted: 4,
  cancelled: 5,
  rejected: 6,
  expired: 7,
};

function shanghai(instant: Date | string): string {
  return inShanghai(instant, 'YYYY-MM-DD HH:mm');
}

/** Characters Excel and the phones' file systems refuse in a file name. */
function safeFileName(title: string): string {
  return title.replace(/[\\/:*?"<>|\r\n]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 40) || '活动';
}

/**
 * Places in line of the waiting entries (people, or teams as one), counted as the registrations list counts them:
 * 1 + the entries still waiting with an earlier number.
 */
function waitlistPositions(event: EventDoc, entries: RegistrationDoc[]): Map<string, number> {
  const waiting = entries
    .filter((entry) => entry.kind !== 'teammate' && entry.arrival !== null && entryStatus(event, entry) === 'waitlisted')
    .sort((left, right) => left.arrival! - right.arrival!);
  return new Map(waiting.map((entry, index) => [entry._id, index + 1]));
}

interface Listed {
  row: RegistrationRow;
  own: RegistrationDoc;
  entry: RegistrationDoc;
}

function listed(event: EventDoc, registrations: RegistrationDoc[], members: MemberDoc[]): Listed[] {
  const byId = new Map(registrations.map((doc) => [doc._id, doc]));
  const memberById = new Map(members.map((member) => [member._id, member]));
  const positions = waitlistPositions(event, registrations);
  const people = registrations.filter((doc) => doc.kind === (event.team ? 'teammate' : 'person'));
  return people
    .map((own) => {
      const teamEntry = own.teamId ? (byId.get(own.teamId) ?? null) : null;
      const entry = teamEntry ?? own;
      const row = toRegistrationRow(event, own, teamEntry, memberById.get(own.memberId) ?? null, positions.get(entry._id) ?? null);
      return { row, own, entry };
    })
    .sort(
      (left, right) =>
        statusOrder[left.row.status] - statusOrder[right.row.status] ||
        (left.entry.arrival ?? Infinity) - (right.entry.arrival ?? Infinity) ||
        left.entry.createdAt.getTime() - right.entry.createdAt.getTime() ||
        Number(right.row.team?.isCaptain ?? false) - Number(left.row.team?.isCaptain ?? false) ||
        left.own.createdAt.getTime() - right.own.createdAt.getTime(),
    );
}

/** Nothing to say is an empty cell, which filters and counts in Excel treat as blank (an empty string is not). */
function withEmptyCells(cells: SheetCell[]): SheetCell[] {
  return cells.map((cell) => (cell === '' ? null : cell));
}

function peopleSheet(event: EventDoc, people: Listed[]): Sheet {
  const isTeam = event.team !== null;
  const asked = new Set(event.questions.map((question) => question.id));
  const hasRemovedAnswers = people.some(({ row }) => Object.keys(row.answers).some((id) => !asked.has(id)));
  const columns: SheetColumn[] = [
    { header: '序号', width: 6 },
    { header: '姓名', width: 10 },
    { header: '手机号', width: 14, text: true },
    { header: '状态', width: 14 },
    { header: '候补位次', width: 9 },
    ...(isTeam ? [{ header: '队伍', width: 16 }, { header: '队内身份', width: 9 }] : []),
    { header: '界别', width: 16 },
    { header: '单位', width: 20 },
    { header: '职务', width: 12 },
    { header: '报名时间', width: 17 },
    { header: '报名方式', width: 10 },
    { header: '审核留言', width: 20 },
    { header: '签到时间', width: 17 },
    { header: '签到方式', width: 12 },
    ...event.questions.map((question) => ({ header: question.label, width: Math.min(40, Math.max(12, question.label.length * 2)) })),
    ...(hasRemovedAnswers ? [{ header: '已删除问题的回答', width: 24 }] : []),
  ];
  const rows = people.map(({ row, own }, index): SheetCell[] => withEmptyCells([
    index + 1,
    row.name,
    row.mobile,
    registrationStatusLabels[row.status],
    row.waitlistPosition,
    ...(isTeam ? [row.team?.name ?? '', row.team ? (row.team.isCaptain ? '队长' : '队员') : ''] : []),
    row.sector ? sectorLabels[row.sector] : '',
    row.employer,
    row.title,
    shanghai(row.registeredAt),
    row.addedByOrganizer ? '组织者添加' : '本人报名',
    row.decisionMessage ?? '',
    own.checkin ? shanghai(own.checkin.at) : '',
    own.checkin ? checkinSourceLabels[own.checkin.source] : '',
    ...event.questions.map((question) => (row.answers[question.id] === undefined ? '' : answerText(row.answers[question.id]))),
    ...(hasRemovedAnswers ? [Object.keys(row.answers).filter((id) => !asked.has(id)).map((id) => answerText(row.answers[id])).join('；')] : []),
  ]));
  return { name: '报名名单', columns, rows };
}

function summarySheet(event: EventDoc, people: Listed[], exportedAt: Date, exportedBy: string): Sheet {
  const counters = eventSeatCounters(event);
  const unit = event.team ? '队' : '人';
  const confirmedPeople = people.filter(({ row }) => row.status === 'confirmed');
  const confirmed = confirmedPeople.length;
  const checkedIn = confirmedPeople.filter(({ own }) => own.checkin).length;
  const facts: [string, SheetCell][] = [
    ['活动', event.title],
    ['类型', eventKindLabels[event.kind]],
    ['主办', hostNames(event.hosts)],
    ['时间', `${shanghai(event.startAt)} 至 ${shanghai(event.endAt)}`],
    ['地点', venueLine(event.venue)],
    [`名额（${unit}）`, event.capacity],
    [`已报名（${unit}）`, counters.seatsTaken],
    [`候补（${unit}）`, counters.waitlistCount],
    ['待审核（人）', counters.pendingCount],
    ['已报名人数', confirmed],
    ['已签到人数', checkedIn],
    ['签到率', confirmed === 0 ? '—' : `${Math.round((checkedIn / confirmed) * 1000) / 10}%`],
    ['名单人数（含已取消）', people.length],
    ['导出时间', shanghai(exportedAt)],
    ['导出人', exportedBy],
  ];
  return { name: '活动概况', columns: [{ header: '项目', width: 20 }, { header: '内容', width: 48 }], rows: facts };
}

/**
 * Everyone who ever registered for the event (for a team event, each team member on their own row), with what
 * organizers see on the registrations page: full mobile, status and place in line, profile, answers, check-in.
 */
export function registrationWorkbook(event: EventDoc, registrations: RegistrationDoc[], members: MemberDoc[], exportedAt: Date, exportedBy: string): RegistrationWorkbook {
  const people = listed(event, registrations, members);
  return {
    fileName: `${safeFileName(event.title)}-报名名单-${inShanghai(exportedAt, 'YYYYMMDD-HHmm')}.xlsx`,
    sheets: [peopleSheet(event, people), summarySheet(event, people, exportedAt, exportedBy)],
    people: people.length,
  };
}
