import { type AnswerValue, answerProblems, cleanAnswers, teamNameLimit } from '../../cloudfunctions/shared/contract/answer-rules';
import type { EventQuestion } from '../../cloudfunctions/shared/contract/events';
import type { MemberProfile } from '../../cloudfunctions/shared/contract/members';
import { mobilePattern, profileLimits, profileMessages } from '../../cloudfunctions/shared/contract/profile-rules';
import type { Answers, Contact } from '../../cloudfunctions/shared/contract/registrations';

/** What the sign-up form holds: who comes, the answers, and for a new team its name. */
export interface SignupDraft {
  name: string;
  mobile: string;
  teamName: string;
  answers: Record<string, AnswerValue>;
}

/** Errors by place on the form; answers by question id, kept apart since a question may be called "name". */
export interface SignupErrors {
  name?: string;
  mobile?: string;
  teamName?: string;
  answers: Record<string, string>;
}


export function signupDraftFrom(profile: Pick<MemberProfile, 'name' | 'mobile'> | null): SignupDraft {
  return { name: profile?.name ?? '', mobile: profile?.mobile ?? '', teamName: '', answers: {} };
}

export function withAnswer(draft: SignupDraft, questionId: string, value: AnswerValue): SignupDraft {
  return { ...draft, answers: { ...draft.answers, [questionId]: value } };
}

/**
 * A tap on an option: a single choice takes it, a multiple choice adds or removes it (kept in the question's
 * option order, so the organizer's list reads the same for everyone).
 */
export function tapOption(draft: SignupDraft, question: EventQuestion, option: string): SignupDraft {
  if (question.kind === 'single') return withAnswer(draft, question.id, option);
  const current = draft.answers[question.id];
  const chosen = new Set(Array.isArray(current) ? current : []);
  if (chosen.has(option)) chosen.delete(option);
  else chosen.add(option);
  return withAnswer(draft, question.id, question.options.filter((choice) => chosen.has(choice)));
}

export function isChosen(draft: SignupDraft, questionId: string, option: string): boolean {
  const value = draft.answers[questionId];
  return Array.isArray(value) ? value.includes(option) : value === option;
}

/** The checks the server's contact schema, team name rule and answer rules make, with the same messages. */
export function validateSignup(draft: SignupDraft, questions: EventQuestion[], needsTeamName: boolean): SignupErrors {
  const errors: SignupErrors = { answers: {} };
  const name = draft.name.trim();
  if (!name) errors.name = profileMessages.nameRequired;
  else if (name.length > profileLimits.name) errors.name = profileMessages.nameTooLong;
  if (!mobilePattern.test(draft.mobile.trim())) errors.mobile = profileMessages.mobileInvalid;
  if (needsTeamName) {
    const teamName = draft.teamName.trim();
    if (!teamName) errors.teamName = '请填写队名';
    else if (teamName.length > teamNameLimit) errors.teamName = `队名不能超过 ${teamNameLimit} 个字`;
  }
  for (const problem of answerProblems(questions, draft.answers)) {
    errors.answers[problem.questionId] ??= problem.message;
  }
  return errors;
}

export function hasErrors(errors: SignupErrors): boolean {
  return Boolean(errors.name || errors.mobile || errors.teamName) || Object.keys(errors.answers).length > 0;
}

/** The contact and answers as the server stores them: trimmed, blank optional answers left out. */
export function signupPayload(draft: SignupDraft, questions: EventQuestion[]): { contact: Contact; answers: Answers } {
  return {
    contact: { name: draft.name.trim(), mobile: draft.mobile.trim() },
    answers: cleanAnswers(questions, draft.answers),
  };
}

/** A VALIDATION_FAILED `field` ("contact.mobile", "answers.diet", "teamName") placed on the form; null elsewhere. */
export function serverFieldError(field: string | undefined, message: string): SignupErrors | null {
  if (!field) return null;
  if (field === 'contact.name') return { name: message, answers: {} };
  if (field === 'contact.mobile') return { mobile: message, answers: {} };
  if (field === 'teamName') return { teamName: message, answers: {} };
  const answer = /^answers\.([^.]+)/.exec(field);
  return answer ? { answers: { [answer[1]]: message } } : null;
}

export function mergeErrors(first: SignupErrors, second: SignupErrors): SignupErrors {
  return {
    name: second.name ?? first.name,
    mobile: second.mobile ?? first.mobile,
    teamName: second.teamName ?? first.teamName,
    answers: { ...first.answers, ...second.answers },
  };
}
