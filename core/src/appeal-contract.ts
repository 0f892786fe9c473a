/**
 * The appeal contract: what the one registration path promises to every channel that feeds it (the public
 * forms' endpoints, incoming e-mail) and what the site reads back. Typed once here, so the CMS intake, the
 * endpoint library (`@portal/api`) and the site's form islands cannot drift apart. Nothing here knows HTTP
 * or Payload.
 */

/** What registration reports once the appeal is durably stored. */
export interface AppealRegistration {
  /** e.g. «В-2026-000123». */
  registrationNumber: string;
  /** ISO timestamp of receipt. */
  receivedAt: string;
  /** ISO date (YYYY-MM-DD) of the answer deadline. */
  deadlineDate: string;
  /** The deadline for people, e.g. «1 декабря 2026 г.». */
  deadlineText: string;
}

/** The body of a form endpoint's 201 answer: the registration and a thank-you for people. */
export interface RegistrationAnswer extends AppealRegistration {
  /** «Спасибо! Ваше обращение зарегистрировано под номером … Мы ответим не позднее …». */
  message: string;
}

/** The 201 body for a registration (the thank-you names the number and the deadline). */
export function registrationAnswer(registration: AppealRegistration): RegistrationAnswer {
  const deadline = registration.deadlineText.endsWith('.') ? registration.deadlineText : `${registration.deadlineText}.`;
  return {
    registrationNumber: registration.registrationNumber,
    receivedAt: registration.receivedAt,
    deadlineDate: registration.deadlineDate,
    deadlineText: registration.deadlineText,
    message: `Спасибо! Ваше обращение зарегистрировано под номером ${registration.registrationNumber}. Мы ответим не позднее ${deadline}`,
  };
}

/** Facts about the request that are stored with the appeal (consent evidence, duplicate protection), not part of the form. */
export interface RequestMeta {
  /** Client IP as forwarded by the public server, or null if unknown (an e-mail has none). */
  ip: string | null;
  /** Browser User-Agent, cut to 512 characters, or null. */
  userAgent: string | null;
  /** The client's `Idempotency-Key` (1–100 printable ASCII characters), or null; e-mail intake derives one per letter. */
  idempotencyKey: string | null;
}

/**
 * Why a valid form is still not registered: wrong references (unknown topic or service) as field errors,
 * or a refusal with its own status and explanation (readings outside the accepted days).
 */
export type PrecheckResult =
  | { kind: 'ok' }
  | { kind: 'invalid'; fieldErrors: Record<string, string> }
  | { kind: 'refused'; status: 409 | 422 | 429; code: string; message: string };

/** The trimmed string a client sent under `key`, if any: references are checked even when other fields fail. */
export function submittedString(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null || !(key in value)) return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' && field.trim() !== '' ? field.trim() : undefined;
}

/**
 * Thrown while storing an appeal when a part of a valid-looking submission turns out unusable (an image whose
 * header is damaged, a proof-of-work solution spent by a racing submission): a form answers 400 with the
 * message under `field`, not a 503; e-mail intake names the file in the appeal's text instead.
 */
export class FieldRejectedError extends Error {
  constructor(
    readonly field: string,
    readonly userMessage: string,
    options: { cause?: unknown } = {},
  ) {
    super(`Field ${field} rejected`, { cause: options.cause });
    this.name = 'FieldRejectedError';
  }
}

/** The CMS, the database or the search engine cannot answer right now. */
export const SERVICE_UNAVAILABLE_MESSAGE =
  'Сервис временно недоступен, попробуйте позже. Если вопрос срочный, позвоните на горячую линию.';

/** Seconds a client is asked to wait after a 503 (the Retry-After header). */
export const SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS = 30;

/**
 * Thrown by registration when the failure is temporary (database busy, locked, restarting). The client is
 * told {@link SERVICE_UNAVAILABLE_MESSAGE} and to try again after `retryAfterSeconds`.
 */
export class ServiceUnavailableError extends Error {
  readonly retryAfterSeconds: number;

  constructor(message = 'Service temporarily unavailable', options: { retryAfterSeconds?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'ServiceUnavailableError';
    this.retryAfterSeconds = options.retryAfterSeconds ?? SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS;
  }
}
