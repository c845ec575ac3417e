import Taro from '@tarojs/taro';
import type { EventQuestion } from '../../../../cloudfunctions/shared/contract/events';
import type { Answers, Contact } from '../../../../cloudfunctions/shared/contract/registrations';
import { toApiError } from '../../../services/api';
import { type Refusal, signupRefusal } from '../../../utils/registration-display';
import { type SignupDraft, type SignupErrors, hasErrors, serverFieldError, signupPayload, validateSignup } from '../../../utils/signup-form';
import { guideToProfile } from '../../event-navigation';

export interface SignupSubmission {
  draft: SignupDraft;
  questions: EventQuestion[];
  askTeamName: boolean;
  setSubmitted: (submitted: boolean) => void;
  setBusy: (busy: boolean) => void;
  setServerErrors: (errors: SignupErrors) => void;
  setRefusal: (refusal: Refusal) => void;
}

// Shared by signing up and joining a team: validate, send, and route a failure to the form, a refusal page or a toast.
export async function submitSignup(form: SignupSubmission, send: (payload: { contact: Contact; answers: Answers }) => Promise<void>): Promise<void> {
  form.setSubmitted(true);
  if (hasErrors(validateSignup(form.draft, form.questions, form.askTeamName))) {
    void Taro.showToast({ title: '请按提示修改后再提交', icon: 'none' });
    return;
  }
  form.setBusy(true);
  try {
    await send(signupPayload(form.draft, form.questions));
  } catch (failure) {
    const error = toApiError(failure);
    const onForm = error.code === 'VALIDATION_FAILED' ? serverFieldError(error.field, error.message) : null;
    const ends = signupRefusal(error.code, error.message);
    if (onForm) form.setServerErrors(onForm);
    else if (ends) form.setRefusal(ends);
    else if (!(await guideToProfile(error))) void Taro.showToast({ title: error.message, icon: 'none' });
  } finally {
    form.setBusy(false);
  }
}
