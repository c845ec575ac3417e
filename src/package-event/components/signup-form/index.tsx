import { Input, Text, Textarea, View } from '@tarojs/components';
import type { EventQuestion } from '../../../../cloudfunctions/shared/contract/events';
import FormField, { formInputClass } from '../../../components/form-field';
import { answerLimits, teamNameLimit } from '../../../../cloudfunctions/shared/contract/answer-rules';
import { type SignupDraft, type SignupErrors, isChosen, tapOption, withAnswer } from '../../../utils/signup-form';
import './index.scss';

export interface SignupFormProps {
  questions: EventQuestion[];
  draft: SignupDraft;
  errors: SignupErrors;
  /** A captain creating a team names it first. */
  askTeamName: boolean;
  onChange: (draft: SignupDraft) => void;
}

const kindHints: Record<EventQuestion['kind'], string> = { text: '', single: '单选', multiple: '可多选' };

/** Who comes and the event's questions: one form for a plain sign-up, a new team and joining a team. */
export default function SignupForm({ questions, draft, errors, askTeamName, onChange }: SignupFormProps) {
  return (
    <View className="signup-form">
      {askTeamName && (
        <>
          <Text className="section-title signup-form__section">队伍信息</Text>
          <View className="signup-form__card">
            <FormField label="队名" error={errors.teamName} hint="创建后你将成为队长，可邀请队友加入">
              <Input
                className={formInputClass}
                value={draft.teamName}
                maxlength={teamNameLimit}
                placeholder="给队伍起个名字"
                onInput={(event) => onChange({ ...draft, teamName: event.detail.value })}
              />
            </FormField>
          </View>
        </>
      )}

      <Text className="section-title signup-form__section">报名人信息</Text>
      <View className="signup-form__card">
        <FormField label="姓名" error={errors.name}>
          <Input className={formInputClass} value={draft.name} maxlength={20} placeholder="请填写真实姓名" onInput={(event) => onChange({ ...draft, name: event.detail.value })} />
        </FormField>
        <FormField label="手机号" error={errors.mobile} hint="仅主办方可见，用于活动联络">
          <Input
            className={formInputClass}
            type="number"
            value={draft.mobile}
            maxlength={11}
            placeholder="11位手机号码"
            onInput={(event) => onChange({ ...draft, mobile: event.detail.value })}
          />
        </FormField>
      </View>

      {questions.length > 0 && (
        <>
          <Text className="section-title signup-form__section">报名问题</Text>
          <View className="signup-form__card">
            {questions.map((question, index) => {
              const error = errors.answers[question.id];
              const text = draft.answers[question.id];
              return (
                <View key={question.id} className={`signup-form__question${error ? ' signup-form__question--invalid' : ''}`}>
                  <View className="signup-form__label">
                    <Text>
                      {index + 1}. {question.label}
                    </Text>
                    {question.required ? <Text className="signup-form__required">*</Text> : <Text className="signup-form__optional">（选填）</Text>}
                    {kindHints[question.kind] && <Text className="signup-form__kind">{kindHints[question.kind]}</Text>}
                  </View>
                  {question.kind === 'text' ? (
                    <Textarea
                      className="signup-form__textarea"
                      value={typeof text === 'string' ? text : ''}
                      maxlength={answerLimits.text}
                      autoHeight
                      placeholder={question.required ? '请填写' : '选填'}
                      onInput={(event) => onChange(withAnswer(draft, question.id, event.detail.value))}
                    />
                  ) : (
                    <View className="signup-form__options">
                      {question.options.map((option) => {
                        const chosen = isChosen(draft, question.id, option);
                        return (
                          <View
                            key={option}
                            className={`signup-form__option${chosen ? ' signup-form__option--checked' : ''}`}
                            hoverClass="signup-form__option--pressed"
                            onClick={() => onChange(tapOption(draft, question, option))}
                          >
                            <View className={`signup-form__mark signup-form__mark--${question.kind}`}>{chosen && question.kind === 'multiple' ? '✓' : ''}</View>
                            <Text className="signup-form__option-text">{option}</Text>
                          </View>
                        );
                      })}
                    </View>
                  )}
                  {error && <Text className="signup-form__error">{error}</Text>}
                </View>
              );
            })}
          </View>
        </>
      )}
    </View>
  );
}
