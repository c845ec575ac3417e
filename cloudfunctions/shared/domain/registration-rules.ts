import { answerProblems, cleanAnswers, type AnswerValue } from '../contract/answer-rules';
import type { EventDoc, RegistrationDoc } from '../data/documents';
import { AppError } from './app-error';

export function isSignupOpen(event: Pick<EventDoc, 'status' | 'signupOpensAt' | 'signupClosesAt'>, now: Date): boolean {
  return event.status === 'published' && event.signupOpensAt <= now && now < event.signupClosesAt;
}

/** Members-only events take members of a host organisation or of any organisation beneath one. */
export function isEligible(event: Pick<EventDoc, 'membersOnly' | 'hostOrgIds'>, memberOrgReach: string[]): boolean {
  return !event.membersOnly || event.hostOrgIds.some((orgId) => memberOrgReach.includes(orgId));
}

/** Why an event does not take a sign-up from this member now, if it does not; checked in the order a member cares. */
export function signupRefusal(
  event: EventDoc,
  now: Date,
  memberOrgReach: string[],
  mode: 'person' | 'team',
): AppError | null {
  if (event.status === 'draft') return new AppError('NOT_FOUND');
  if (event.status === 'cancelled') return new AppError('EVENT_CANCELLED');
  if (!isSignupOpen(event, now)) return new AppError('SIGNUP_CLOSED');
  if (mode === 'person' && event.team !== null) return new AppError('TEAM_EVENT');
  if (mode === 'team' && event.team === null) return new AppError('NOT_TEAM_EVENT');
  if (!isEligible(event, memberOrgReach)) return new AppError('NOT_ELIGIBLE');
  return null;
}

/** The answers as stored, or VALIDATION_FAILED naming the first question at fault. */
export function checkedAnswers(event: Pick<EventDoc, 'questions'>, answers: Record<string, AnswerValue>): Record<string, AnswerValue> {
  const [problem] = answerProblems(event.questions, answers);
  if (problem) throw new AppError('VALIDATION_FAILED', problem.message, `answers.${problem.questionId}`);
  return cleanAnswers(event.questions, answers);
}

/** Members may cancel themselves until the cancellation deadline, or the start if the event sets none. */
export function cancelUntil(event: Pick<EventDoc, 'cancellationDeadline' | 'startAt' | 'status'>, now: Date): Date | null {
  if (event.status === 'cancelled') return null;
  const until = event.cancellationDeadline ?? event.startAt;
  return now < until ? until : null;
}

/** Waiting members may always leave the line before the start: they hold no seat. */
export function assertMayCancel(event: EventDoc, waiting: boolean, now: Date): void {
  if (event.status === 'cancelled') throw new AppError('EVENT_CANCELLED');
  const until = waiting ? event.startAt : (event.cancellationDeadline ?? event.startAt);
  if (now >= until) throw new AppError('CANCELLATION_CLOSED');
}

export function eventSnapshot(event: EventDoc): RegistrationDoc['event'] {
  return { title: event.title, kind: event.kind, startAt: event.startAt, endAt: event.endAt, venue: event.venue };
}

const inviteAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A six-character invite code from random bytes, without look-alike characters (0/O, 1/I). */
export function inviteCodeFrom(randomBytes: Uint8Array): string {
  return Array.from(randomBytes.slice(0, 6), (byte) => inviteAlphabet[byte % inviteAlphabet.length]).join('');
}
