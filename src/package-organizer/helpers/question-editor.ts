import type { QuestionKind } from '../../../cloudfunctions/shared/contract/vocabulary';
import { moveItem } from './list-moves';
import { eventLimits } from '../../../cloudfunctions/shared/contract/event-limits';

/** The limits of the contract's questionSchema, checked here so an organizer sees which question to fix. */
export const questionLimits = {
  questions: eventLimits.questions,
  label: eventLimits.questionLabel,
  options: eventLimits.options,
  optionText: eventLimits.optionText,
  minChoices: eventLimits.minChoices,
} as const;

/** A question as the editor holds it; `id` is what members' answers are keyed by, so it never changes. */
export interface QuestionDraft {
  id: string;
  kind: QuestionKind;
  label: string;
  required: boolean;
  /** Kept while a question is switched to text and back; only choice questions send them. */
  options: string[];
}

export interface QuestionProblem {
  part: 'label' | 'options';
  message: string;
}

/**
 * A fresh id from the clock ("qmiebx3k2"), with a suffix if this instant is taken: members' answers are keyed by
 * question id, so an id must never come back for a different question, even after a removal was saved.
 */
export function nextQuestionId(questions: QuestionDraft[], at: number = Date.now()): string {
  const taken = new Set(questions.map((question) => question.id));
  const stem = `q${at.toString(36)}`;
  let id = stem;
  for (let suffix = 2; taken.has(id); suffix += 1) id = `${stem}-${suffix}`;
  return id;
}

function isChoice(kind: QuestionKind): boolean {
  return kind !== 'text';
}

function withOptionSlots(options: string[]): string[] {
  return options.length >= questionLimits.minChoices ? options : [...options, ...Array<string>(questionLimits.minChoices - options.length).fill('')];
}

export function addQuestion(questions: QuestionDraft[], kind: QuestionKind = 'text', at: number = Date.now()): QuestionDraft[] {
  if (questions.length >= questionLimits.questions) return questions;
  const question: QuestionDraft = { id: nextQuestionId(questions, at), kind, label: '', required: true, options: isChoice(kind) ? withOptionSlots([]) : [] };
  return [...questions, question];
}

export function removeQuestion(questions: QuestionDraft[], id: string): QuestionDraft[] {
  return questions.filter((question) => question.id !== id);
}

export function moveQuestion(questions: QuestionDraft[], id: string, step: -1 | 1): QuestionDraft[] {
  return moveItem(questions, questions.findIndex((question) => question.id === id), step);
}

function mapQuestion(questions: QuestionDraft[], id: string, change: (question: QuestionDraft) => QuestionDraft): QuestionDraft[] {
  return questions.map((question) => (question.id === id ? change(question) : question));
}

export function editQuestion(questions: QuestionDraft[], id: string, patch: Partial<Pick<QuestionDraft, 'label' | 'required'>>): QuestionDraft[] {
  return mapQuestion(questions, id, (question) => ({ ...question, ...patch }));
}

/** A choice question gets at least two option slots to type into. */
export function changeQuestionKind(questions: QuestionDraft[], id: string, kind: QuestionKind): QuestionDraft[] {
  return mapQuestion(questions, id, (question) => ({ ...question, kind, options: isChoice(kind) ? withOptionSlots(question.options) : question.options }));
}

export function addOption(questions: QuestionDraft[], id: string): QuestionDraft[] {
  return mapQuestion(questions, id, (question) =>
    question.options.length >= questionLimits.options ? question : { ...question, options: [...question.options, ''] },
  );
}

export function removeOption(questions: QuestionDraft[], id: string, index: number): QuestionDraft[] {
  return mapQuestion(questions, id, (question) => ({ ...question, options: question.options.filter((_, at) => at !== index) }));
}

export function editOption(questions: QuestionDraft[], id: string, index: number, text: string): QuestionDraft[] {
  return mapQuestion(questions, id, (question) => ({ ...question, options: question.options.map((option, at) => (at === index ? text : option)) }));
}

export function moveOption(questions: QuestionDraft[], id: string, index: number, step: -1 | 1): QuestionDraft[] {
  return mapQuestion(questions, id, (question) => ({ ...question, options: moveItem(question.options, index, step) }));
}

/** What the server would refuse about one question (contract schema and event rules), label first. */
export function questionProblems(question: QuestionDraft): QuestionProblem[] {
  const problems: QuestionProblem[] = [];
  const label = question.label.trim();
  if (!label) problems.push({ part: 'label', message: '请填写问题' });
  else if (label.length > questionLimits.label) problems.push({ part: 'label', message: `问题不能超过 ${questionLimits.label} 个字` });
  if (!isChoice(question.kind)) return problems;
  const options = question.options.map((option) => option.trim());
  if (options.length < questionLimits.minChoices) problems.push({ part: 'options', message: `选择题至少需要 ${questionLimits.minChoices} 个选项` });
  else if (options.length > questionLimits.options) problems.push({ part: 'options', message: `选项不能超过 ${questionLimits.options} 个` });
  else if (options.some((option) => !option)) problems.push({ part: 'options', message: '请填写每个选项，或删除空白的选项' });
  else if (options.some((option) => option.length > questionLimits.optionText)) problems.push({ part: 'options', message: `每个选项不能超过 ${questionLimits.optionText} 个字` });
  else if (new Set(options).size !== options.length) problems.push({ part: 'options', message: '选项不能重复' });
  return problems;
}
