import type { EventQuestion } from './events';

/** Answers to an event's questions, zod-free so the sign-up form checks them with the rules the server applies. */
export type AnswerValue = string | string[];

export const answerLimits = { text: 500, choice: 30, choices: 12 } as const;
export const teamNameLimit = 20;

export interface AnswerProblem {
  questionId: string;
  message: string;
}

function isBlank(value: AnswerValue | undefined): boolean {
  if (value === undefined) return true;
  return Array.isArray(value) ? value.length === 0 : value.trim() === '';
}

function problemWith(question: EventQuestion, value: AnswerValue | undefined): string | null {
  if (isBlank(value)) return question.required ? `请回答“${question.label}”` : null;
  switch (question.kind) {
    case 'text':
      return typeof value === 'string' ? null : `“${question.label}”应填写文字`;
    case 'single':
      return typeof value === 'string' && question.options.includes(value) ? null : `请从选项中选择“${question.label}”`;
    case 'multiple':
      if (!Array.isArray(value) || !value.every((choice) => question.options.includes(choice))) return `请从选项中选择“${question.label}”`;
      return new Set(value).size === value.length ? null : `“${question.label}”的选项重复了`;
  }
}

/** An answer as people read it: text as given, choices joined with 、. */
export function answerText(value: AnswerValue): string {
  return Array.isArray(value) ? value.join('、') : value;
}

/** Every problem with a set of answers, in question order; unknown question ids are problems too. */
export function answerProblems(questions: EventQuestion[], answers: Record<string, AnswerValue>): AnswerProblem[] {
  const known = new Set(questions.map((question) => question.id));
  const problems: AnswerProblem[] = [];
  for (const question of questions) {
    const message = problemWith(question, answers[question.id]);
    if (message) problems.push({ questionId: question.id, message });
  }
  for (const id of Object.keys(answers)) if (!known.has(id)) problems.push({ questionId: id, message: '回答了活动没有的问题' });
  return problems;
}

/** The answers as stored: blank optional answers dropped, text trimmed. */
export function cleanAnswers(questions: EventQuestion[], answers: Record<string, AnswerValue>): Record<string, AnswerValue> {
  const cleaned: Record<string, AnswerValue> = {};
  for (const question of questions) {
    const value = answers[question.id];
    if (isBlank(value)) continue;
    cleaned[question.id] = typeof value === 'string' ? value.trim() : value!;
  }
  return cleaned;
}
