import type { QuestionFormInput } from '@portal/core/question-form';
import { QUESTION_API_PATH } from './urls';

/** What the visitor sees after sending the question form. */
export type SubmitOutcome =
  | {
      kind: 'registered';
      /** Empty when a 201 came without a readable body: the appeal is stored, the e-mail brings the number. */
      registrationNumber: string;
      receivedAt: string;
      deadlineDate: string;
      deadlineText: string;
      message: string;
    }
  | { kind: 'invalid'; message: string; fieldErrors: Record<string, string> }
  | { kind: 'failed'; status: number | null; message: string };

/** Shown when the server gave no explanation of its own. */
export const DEFAULT_FAILURE_MESSAGE =
  'Пожалуйста, попробуйте отправить его ещё раз через несколько минут. Всё, что вы написали, сохранено в форме.';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * Turns the response of `POST /api/forms/question` into an outcome. 201 always means registered,
 * even with an unreadable body, so nobody is prompted to send the same question twice.
 */
export function interpretSubmitResponse(status: number, body: unknown): SubmitOutcome {
  const record = isRecord(body) ? body : {};
  if (status === 201) {
    return {
      kind: 'registered',
      registrationNumber: text(record.registrationNumber),
      receivedAt: text(record.receivedAt),
      deadlineDate: text(record.deadlineDate),
      deadlineText: text(record.deadlineText),
      message: text(record.message),
    };
  }
  if (status === 400 && isRecord(record.fieldErrors)) {
    const fieldErrors: Record<string, string> = {};
    for (const [field, message] of Object.entries(record.fieldErrors)) {
      if (typeof message === 'string' && message !== '') fieldErrors[field] = message;
    }
    return { kind: 'invalid', message: text(record.message), fieldErrors };
  }
  return { kind: 'failed', status, message: text(record.message) || DEFAULT_FAILURE_MESSAGE };
}

/**
 * Posts the form values as JSON. Never throws: a network failure is a `failed` outcome, so the
 * caller only decides what to show and the typed data stays in the form.
 */
export async function submitQuestion(
  values: QuestionFormInput,
  endpoint: string = QUESTION_API_PATH,
  fetchImpl: typeof fetch = fetch,
): Promise<SubmitOutcome> {
  let response: Response;
  try {
    response = await fetchImpl(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(values),
    });
  } catch {
    return {
      kind: 'failed',
      status: null,
      message: 'Нет связи с сервером. Пожалуйста, проверьте подключение к интернету и попробуйте ещё раз — всё, что вы написали, сохранено в форме.',
    };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Proxies and timeouts answer with HTML or nothing; the status alone decides then.
  }
  return interpretSubmitResponse(response.status, body);
}
