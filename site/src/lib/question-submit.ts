import type { QuestionFormInput } from '@portal/core/question-form';
import { submitForm, type SubmitOutcome } from './form-submit';
import { QUESTION_API_PATH } from './urls';

export { DEFAULT_FAILURE_MESSAGE, interpretSubmitResponse, type SubmitOutcome } from './form-submit';

/** Posts the question form as JSON (see {@link submitForm}). */
export function submitQuestion(
  values: QuestionFormInput,
  endpoint: string = QUESTION_API_PATH,
  fetchImpl: typeof fetch = fetch,
): Promise<SubmitOutcome> {
  return submitForm(endpoint, values, { fetchImpl });
}
