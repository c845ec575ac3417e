import { Input, Switch, Text, View } from '@tarojs/components';
import { type QuestionKind, questionKindLabels, questionKinds } from '../../../../cloudfunctions/shared/contract/vocabulary';
import {
  addOption,
  addQuestion,
  changeQuestionKind,
  editOption,
  editQuestion,
  moveOption,
  moveQuestion,
  type QuestionDraft,
  questionLimits,
  removeOption,
  removeQuestion,
} from '../../helpers/question-editor';
import ChoiceChips from '../choice-chips';
import './index.scss';

export interface QuestionEditorProps {
  questions: QuestionDraft[];
  onChange: (questions: QuestionDraft[]) => void;
  /** The message for a problem key ('questions.<id>.label', 'questions.<id>.options'), if any is shown. */
  problemOf: (field: string) => string | undefined;
}

const kindOptions = questionKinds.map((kind) => ({ value: kind, label: questionKindLabels[kind] }));

/** The sign-up questions: add, remove, reorder; text, single or multiple choice; options; required or not. */
export default function QuestionEditor({ questions, onChange, problemOf }: QuestionEditorProps) {
  return (
    <View className="question-editor">
      {questions.length === 0 && <Text className="question-editor__empty">报名时只需填写姓名和手机号。如需了解更多信息，可添加问题。</Text>}
      {questions.map((question, index) => {
        const labelProblem = problemOf(`questions.${question.id}.label`);
        const optionsProblem = problemOf(`questions.${question.id}.options`);
        return (
          <View key={question.id} className="question-editor__card">
            <View className="question-editor__head">
              <Text className="question-editor__number">{`问题 ${index + 1}`}</Text>
              <View className="question-editor__tools">
                <Text className={`question-editor__tool${index === 0 ? ' question-editor__tool--off' : ''}`} onClick={() => onChange(moveQuestion(questions, question.id, -1))}>
                  上移
                </Text>
                <Text
                  className={`question-editor__tool${index === questions.length - 1 ? ' question-editor__tool--off' : ''}`}
                  onClick={() => onChange(moveQuestion(questions, question.id, 1))}
                >
                  下移
                </Text>
                <Text className="question-editor__tool question-editor__tool--danger" onClick={() => onChange(removeQuestion(questions, question.id))}>
                  删除
                </Text>
              </View>
            </View>
            <ChoiceChips<QuestionKind> compact options={kindOptions} value={question.kind} onChange={(kind) => onChange(changeQuestionKind(questions, question.id, kind))} />
            <Input
              className={`question-editor__input${labelProblem ? ' question-editor__input--invalid' : ''}`}
              value={question.label}
              maxlength={questionLimits.label + 20}
              placeholder="问题，如：您的职务"
              onInput={(event) => onChange(editQuestion(questions, question.id, { label: event.detail.value }))}
            />
            {labelProblem && <Text className="question-editor__problem">{labelProblem}</Text>}
            {question.kind !== 'text' && (
              <View className="question-editor__options">
                {question.options.map((option, at) => (
                  <View key={at} className="question-editor__option">
                    <Text className="question-editor__bullet">{question.kind === 'single' ? '○' : '□'}</Text>
                    <Input
                      className="question-editor__option-input"
                      value={option}
                      maxlength={questionLimits.optionText + 10}
                      placeholder={`选项 ${at + 1}`}
                      onInput={(event) => onChange(editOption(questions, question.id, at, event.detail.value))}
                    />
                    <Text className={`question-editor__mini${at === 0 ? ' question-editor__tool--off' : ''}`} onClick={() => onChange(moveOption(questions, question.id, at, -1))}>
                      ↑
                    </Text>
                    <Text className="question-editor__mini question-editor__mini--danger" onClick={() => onChange(removeOption(questions, question.id, at))}>
                      ✕
                    </Text>
                  </View>
                ))}
                {question.options.length < questionLimits.options && (
                  <Text className="question-editor__add-option" onClick={() => onChange(addOption(questions, question.id))}>
                    ＋ 添加选项
                  </Text>
                )}
                {optionsProblem && <Text className="question-editor__problem">{optionsProblem}</Text>}
              </View>
            )}
            <View className="question-editor__required">
              <Text>必答</Text>
              <Switch checked={question.required} color="#C8102E" onChange={(event) => onChange(editQuestion(questions, question.id, { required: event.detail.value }))} />
            </View>
          </View>
        );
      })}
      {questions.length < questionLimits.questions ? (
        <View className="btn btn--ghost question-editor__add" hoverClass="btn--pressed" onClick={() => onChange(addQuestion(questions))}>
          ＋ 添加问题
        </View>
      ) : (
        <Text className="question-editor__note">{`最多 ${questionLimits.questions} 个问题`}</Text>
      )}
    </View>
  );
}
