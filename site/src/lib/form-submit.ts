import type { RegistrationAnswer } from '@portal/core/appeal-contract';

/** What the visitor sees after sending an appeal form. */
export type SubmitOutcome =
  /** The 201 body; its strings are empty when a 201 came without a readable body: the appeal is stored, the e-mail brings the number. */
  | ({ kind: 'registered' } & RegistrationAnswer)
  | { kind: 'invalid'; message: string; fieldErrors: Record<string, string> }
  /** The form is valid but cannot be accepted now (e.g. readings outside the accepted days): an explanation, not an error. */
  | { kind: 'refused'; code: string; message: string }
  /** `code` names a refusal the form can act on, e.g. `human-check` (a new proof-of-work challenge is needed). */
  | { kind: 'failed'; status: number | null; message: string; code?: string };

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
 * Turns the response of a `POST /api/forms/…` endpoint into an outcome. 201 always means registered,
 * even with an unreadable body, so nobody is prompted to send the same appeal twice.
 */
export function interpretSubmitResponse(status: number, body: unknown): SubmitOutcome {
  const record = isRecord(body) ? body : {};
  if (status === 201) {
    const answer: RegistrationAnswer = {
      registrationNumber: text(record.registrationNumber),
      receivedAt: text(record.receivedAt),
      deadlineDate: text(record.deadlineDate),
      deadlineText: text(record.deadlineText),
      message: text(record.message),
    };
    return { kind: 'registered', ...answer };
  }
  if (status === 400 && isRecord(record.fieldErrors)) {
    const fieldErrors: Record<string, string> = {};
    for (const [field, message] of Object.entries(record.fieldErrors)) {
      if (typeof message === 'string' && message !== '') fieldErrors[field] = message;
    }
    return { kind: 'invalid', message: text(record.message), fieldErrors };
  }
  if ((status === 409 || status === 422) && text(record.code) !== '' && text(record.message) !== '') {
    return { kind: 'refused', code: text(record.code), message: text(record.message) };
  }
  const code = text(record.code);
  return { kind: 'failed', status, message: text(record.message) || DEFAULT_FAILURE_MESSAGE, ...(code ? { code } : {}) };
}

/** What {@link submitForm} sends besides the values. */
export interface SubmitOptions {
  /** Files for forms with attachments: the body becomes multipart (fields as JSON in `data`). */
  files?: readonly File[];
  /** Same key for repeats of one submission, so a double click or a retry registers once. */
  idempotencyKey?: string;
  fetchImpl?: typeof fetch;
}

/**
 * Posts a form to its endpoint: JSON, or multipart when files are attached. Never throws: a network failure
 * is a `failed` outcome, so the caller only decides what to show and the typed data stays in the form.
 */
export async function submitForm(endpoint: string, values: unknown, options: SubmitOptions = {}): Promise<SubmitOutcome> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let body: BodyInit;
  if (options.files && options.files.length > 0) {
    const form = new FormData();
    form.set('data', JSON.stringify(values));
    for (const file of options.files) form.append('attachments', file, file.name);
    body = form;
  } else {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(values);
  }
  let response: Response;
  try {
    response = await fetchImpl(endpoint, { method: 'POST', headers, body });
  } catch {
    return {
      kind: 'failed',
      status: null,
      message: 'Нет связи с сервером. Пожалуйста, проверьте подключение к интернету и попробуйте ещё раз — всё, что вы написали, сохранено в форме.',
    };
  }
  let parsed: unknown = null;
  try {
    parsed = await response.json();
  } catch {
    // Proxies and timeouts answer with HTML or nothing; the status alone decides then.
  }
  return interpretSubmitResponse(response.status, parsed);
}
