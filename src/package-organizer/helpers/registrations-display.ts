import { answerText } from '../../../cloudfunctions/shared/contract/answer-rules';
import type { EventQuestion, ManagedEvent } from '../../../cloudfunctions/shared/contract/events';
import type { Answers, CounterCheck, RegistrationRow, SeatCounters } from '../../../cloudfunctions/shared/contract/registrations';
import { type RegistrationStatus, registrationStatusLabels, sectorLabels, type WaitlistMode } from '../../../cloudfunctions/shared/contract/vocabulary';
import type { Badge, Tone } from '../../utils/event-display';

/** Team events count teams in every seat figure. */
export function seatUnit(isTeam: boolean): '队' | '人' {
  return isTeam ? '队' : '人';
}

export interface SeatGauge {
  /** "38 / 50 人" */
  text: string;
  /** Filled share of the bar, 0–100. */
  percent: number;
  tone: Tone;
  /** "剩余 12 个名额", "已满", or "超出名额 3 人" after capacity was lowered below the confirmed. */
  note: string;
}

export function seatGauge(counters: SeatCounters, capacity: number, isTeam: boolean): SeatGauge {
  const unit = seatUnit(isTeam);
  const taken = counters.seatsTaken;
  const percent = capacity > 0 ? Math.min(100, Math.round((taken / capacity) * 100)) : 0;
  const text = `${taken} / ${capacity} ${unit}`;
  const held = taken + counters.openOffers;
  if (taken > capacity) return { text, percent, tone: 'warning', note: `超出名额 ${taken - capacity} ${unit}（调低名额后不会移除已报名者）` };
  if (held >= capacity) return { text, percent, tone: 'brand', note: counters.openOffers > 0 ? `已满（含 ${counters.openOffers} 个待确认名额）` : '已满' };
  return { text, percent, tone: 'success', note: `剩余 ${capacity - held} 个名额` };
}

export interface CounterTile {
  key: 'waitlist' | 'offers' | 'pending';
  label: string;
  value: number;
  unit: string;
  /** Highlighted when it asks for the organizer's attention. */
  tone: Tone;
}

export function counterTiles(counters: SeatCounters, isTeam: boolean): CounterTile[] {
  const unit = seatUnit(isTeam);
  return [
    { key: 'waitlist', label: '候补', value: counters.waitlistCount, unit, tone: counters.waitlistCount > 0 ? 'info' : 'muted' },
    { key: 'offers', label: '待确认', value: counters.openOffers, unit, tone: counters.openOffers > 0 ? 'warning' : 'muted' },
    { key: 'pending', label: '待审核', value: counters.pendingCount, unit, tone: counters.pendingCount > 0 ? 'brand' : 'muted' },
  ];
}

export interface StatusFilter {
  /** null: every status. */
  status: RegistrationStatus | null;
  label: string;
}

/** The filter tabs, busiest first; "offered" is shortened so the tab stays one line. */
export const statusFilters: StatusFilter[] = [
  { status: null, label: '全部' },
  { status: 'confirmed', label: registrationStatusLabels.confirmed },
  { status: 'pending', label: registrationStatusLabels.pending },
  { status: 'waitlisted', label: registrationStatusLabels.waitlisted },
  { status: 'offered', label: '待确认' },
  { status: 'forming', label: registrationStatusLabels.forming },
  { status: 'cancelled', label: registrationStatusLabels.cancelled },
  { status: 'rejected', label: registrationStatusLabels.rejected },
  { status: 'expired', label: registrationStatusLabels.expired },
];

const statusTones: Record<RegistrationStatus, Tone> = {
  confirmed: 'success',
  pending: 'warning',
  waitlisted: 'info',
  offered: 'warning',
  forming: 'info',
  cancelled: 'muted',
  rejected: 'brand',
  expired: 'muted',
};

/** "已报名", "候补 第 3 位", ... */
export function registrationBadge(row: Pick<RegistrationRow, 'status' | 'waitlistPosition'>): Badge {
  const text =
    row.status === 'waitlisted' && row.waitlistPosition !== null
      ? `${registrationStatusLabels.waitlisted} 第 ${row.waitlistPosition} 位`
      : registrationStatusLabels[row.status];
  return { text, tone: statusTones[row.status] };
}

export interface AnswerLine {
  questionId: string;
  label: string;
  text: string;
}

/** Answers in the event's question order, choices joined; answers to questions since removed come last. */
export function answerLines(questions: EventQuestion[], answers: Answers): AnswerLine[] {
  const known = questions
    .filter((question) => answers[question.id] !== undefined)
    .map((question) => ({ questionId: question.id, label: question.label, text: answerText(answers[question.id]) }));
  const asked = new Set(questions.map((question) => question.id));
  const removed = Object.keys(answers)
    .filter((id) => !asked.has(id))
    .map((id) => ({ questionId: id, label: '已删除的问题', text: answerText(answers[id]) }));
  return [...known, ...removed].filter((line) => line.text !== '');
}

export interface CounterDifference {
  label: string;
  stored: number;
  counted: number;
}

const counterLabels: Record<keyof SeatCounters, string> = { seatsTaken: '已报名', waitlistCount: '候补', openOffers: '待确认', pendingCount: '待审核' };

/** The counters where the event document and its registrations disagree. */
export function counterDifferences(check: CounterCheck): CounterDifference[] {
  return (Object.keys(counterLabels) as (keyof SeatCounters)[])
    .filter((key) => check.stored[key] !== check.counted[key])
    .map((key) => ({ label: counterLabels[key], stored: check.stored[key], counted: check.counted[key] }));
}

/** What a new capacity will do, in words, before the organizer confirms it. */
export function capacityEffect(counters: SeatCounters, capacity: number, next: number, isTeam: boolean, waitlistMode: WaitlistMode): string {
  const unit = seatUnit(isTeam);
  const held = counters.seatsTaken + counters.openOffers;
  if (next === capacity) return '名额没有变化。';
  if (next > capacity) {
    const promoted = Math.min(counters.waitlistCount, Math.max(0, next - held));
    if (promoted === 0) return `名额增加 ${next - capacity} 个，目前没有候补者需要递补。`;
    const how = waitlistMode === 'offer' ? `依次通知前 ${promoted} ${unit}候补者限时确认` : `按候补顺序自动递补 ${promoted} ${unit}`;
    return `名额增加 ${next - capacity} 个，将${how}。`;
  }
  if (next >= held) return `名额减少 ${capacity - next} 个，只减少空余名额，已报名的 ${counters.seatsTaken} ${unit}不受影响。`;
  return `已报名 ${held} ${unit}，多于新名额 ${next}：不会取消任何人的报名，之后有人取消时不再递补，直到人数回到名额以内。`;
}

export interface EventFigure {
  label: string;
  value: string;
  tone: Tone;
}

/** The figures on an organizer's event card; the waiting, offered and pending ones only when non-zero. */
export function managedEventFigures(event: ManagedEvent): EventFigure[] {
  const unit = seatUnit(event.team !== null);
  const figures: EventFigure[] = [{ label: '已报名', value: `${event.seatsTaken}/${event.capacity}${unit}`, tone: event.seatsTaken >= event.capacity ? 'brand' : 'success' }];
  if (event.waitlistCount > 0) figures.push({ label: '候补', value: `${event.waitlistCount}${unit}`, tone: 'info' });
  if (event.openOffers > 0) figures.push({ label: '待确认', value: `${event.openOffers}${unit}`, tone: 'warning' });
  if (event.pendingCount > 0) figures.push({ label: '待审核', value: `${event.pendingCount}${unit}`, tone: 'brand' });
  return figures;
}

/** "138 1234 5678": an 11-digit mobile grouped the way people read it out on the phone. */
export function spacedMobile(mobile: string): string {
  return /^\d{11}$/.test(mobile) ? `${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}` : mobile;
}

/** Who applies, from the member's profile: "合伙人律师 · 某律师事务所 · 专业机构从业人员", whatever of it was filled in. */
export function applicantProfile(row: Pick<RegistrationRow, 'title' | 'employer' | 'sector'>): string {
  const parts = [row.title.trim(), row.employer.trim(), row.sector ? sectorLabels[row.sector] : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : '未填写职务、单位和界别';
}
