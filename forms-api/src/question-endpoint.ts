import { isIP } from 'node:net';
import {
  FORM_ERROR_MESSAGE,
  QUESTION_FORM_MESSAGES,
  QuestionFormSchema,
  fieldErrors,
  type QuestionForm,
} from '@portal/core/question-form';
import {
  METHOD_NOT_ALLOWED_MESSAGE,
  SERVICE_UNAVAILABLE_MESSAGE,
  SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS,
} from './api-messages';
import { readJsonBody } from './http-input';
import { errorResponse, jsonResponse } from './json-response';

/**
 * Thrown by `register` when the failure is temporary (database busy, locked, restarting). The client
 * is told to try again after `retryAfterSeconds`.
 */
export class ServiceUnavailableError extends Error {
  readonly retryAfterSeconds: number;

  constructor(message = 'Service temporarily unavailable', options: { retryAfterSeconds?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'ServiceUnavailableError';
    this.retryAfterSeconds = options.retryAfterSeconds ?? SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS;
  }
}

/** Facts about the request that are stored with the appeal (not part of the form). */
export interface RequestMeta {
  /** Client IP as forwarded by the public server, or null if unknown. */
  ip: string | null;
  /** Browser User-Agent, cut to 512 characters, or null. */
  userAgent: string | null;
  /** The client's `Idempotency-Key` (1–100 printable ASCII characters), or null. */
  idempotencyKey: string | null;
}

/** What `register` reports once the appeal is durably stored. */
export interface QuestionRegistration {
  /** e.g. «В-2026-000123». */
  registrationNumber: string;
  /** ISO timestamp of receipt. */
  receivedAt: string;
  /** ISO date (YYYY-MM-DD) of the answer deadline. */
  deadlineDate: string;
  /** The deadline for people, e.g. «1 декабря 2026 г.». */
  deadlineText: string;
}

/** What {@link handleQuestion} needs from the CMS. These are the boundary; the endpoint does not know Payload. */
export interface QuestionEndpointDeps {
  /** Slugs of the topics a question may have (published topics in the CMS). */
  knownTopics(): Promise<string[]>;
  /**
   * Stores the appeal and its confirmation outbox entry; resolves only once both are durable. With the
   * same idempotency key it must return the first registration instead of creating another.
   */
  register(input: QuestionForm, meta: RequestMeta): Promise<QuestionRegistration>;
  /** Body size limit in bytes (default {@link DEFAULT_QUESTION_MAX_BYTES}). */
  maxBytes?: number;
  /** Where the client IP comes from; default: the last `X-Forwarded-For` entry set by the public server. */
  clientIp?(request: Request): string | null;
  /** Where failures are reported (default `console`); only fixed texts and error names are passed, never form data. */
  logger?: Pick<Console, 'error' | 'warn'>;
}

/** Default body limit: the form is text only; 5000 characters even fully \u-escaped fit several times over. */
export const DEFAULT_QUESTION_MAX_BYTES = 64 * 1024;

const IDEMPOTENCY_KEY_PATTERN = /^[\x20-\x7e]{1,100}$/;
const IDEMPOTENCY_KEY_MESSAGE =
  'Не удалось отправить форму: некорректный служебный заголовок Idempotency-Key. Пожалуйста, обновите страницу и попробуйте ещё раз.';
const MAX_USER_AGENT_LENGTH = 512;

/**
 * Handles `POST /api/forms/question`: validates the «Задать вопрос» form with the shared schema,
 * checks the topic exists, registers the appeal and answers 201 with its number and deadline.
 *
 * - 400 with `fieldErrors` for invalid fields (the same messages the browser form shows);
 * - 400 with a neutral message when the honeypot field `website` is filled — nothing is registered;
 * - 503 with Retry-After when registration fails, temporary or not, without details.
 */
export async function handleQuestion(request: Request, deps: QuestionEndpointDeps): Promise<Response> {
  const logger = deps.logger ?? console;
  if (request.method !== 'POST') {
    return errorResponse(405, { message: METHOD_NOT_ALLOWED_MESSAGE }, { Allow: 'POST' });
  }

  const idempotencyKey = request.headers.get('idempotency-key');
  if (idempotencyKey !== null && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
    return errorResponse(400, { message: IDEMPOTENCY_KEY_MESSAGE });
  }

  const body = await readJsonBody(request, { maxBytes: deps.maxBytes ?? DEFAULT_QUESTION_MAX_BYTES });
  if (!body.ok) return body.response;

  if (honeypotFilled(body.value)) {
    logger.warn('[question] honeypot filled; submission dropped');
    return errorResponse(400, { message: QUESTION_FORM_MESSAGES.website });
  }

  const parsed = QuestionFormSchema.safeParse(body.value);
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  // Check the topic even when other fields failed, so the person sees every problem at once.
  const topic = parsed.success ? parsed.data.topic : errors.topic === undefined ? submittedTopic(body.value) : undefined;

  try {
    if (topic !== undefined && !(await deps.knownTopics()).includes(topic)) {
      errors.topic = QUESTION_FORM_MESSAGES.topic;
    }
  } catch (error) {
    logger.error('[question] topic list unavailable:', describeError(error));
    return unavailable(error);
  }

  if (!parsed.success || Object.keys(errors).length > 0) {
    return errorResponse(400, { message: FORM_ERROR_MESSAGE, fieldErrors: errors });
  }

  const meta: RequestMeta = {
    ip: (deps.clientIp ?? forwardedClientIp)(request),
    userAgent: request.headers.get('user-agent')?.slice(0, MAX_USER_AGENT_LENGTH) ?? null,
    idempotencyKey,
  };

  let registration: QuestionRegistration;
  try {
    registration = await deps.register(parsed.data, meta);
  } catch (error) {
    logger.error('[question] registration failed:', describeError(error));
    return unavailable(error);
  }

  return jsonResponse(201, {
    registrationNumber: registration.registrationNumber,
    receivedAt: registration.receivedAt,
    deadlineDate: registration.deadlineDate,
    deadlineText: registration.deadlineText,
    message:
      `Спасибо! Ваше обращение зарегистрировано под номером ${registration.registrationNumber}. ` +
      `Мы ответим не позднее ${withFullStop(registration.deadlineText)}`,
  });
}

function submittedTopic(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('topic' in value)) return undefined;
  const topic = (value as { topic: unknown }).topic;
  return typeof topic === 'string' ? topic.trim() : undefined;
}

function withFullStop(text: string): string {
  return text.endsWith('.') ? text : `${text}.`;
}

/** People never see the `website` field; any value in it means a bot filled the form. */
function honeypotFilled(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || !('website' in value)) return false;
  const website = (value as { website: unknown }).website;
  return website !== undefined && website !== null && website !== '';
}

/**
 * The public server replaces `X-Forwarded-For` with the one client address it saw, so the last entry
 * is the client. This is only trustworthy because the CMS is reachable from the public server alone.
 */
function forwardedClientIp(request: Request): string | null {
  const last = request.headers.get('x-forwarded-for')?.split(',').pop()?.trim();
  return last && isIP(last) !== 0 ? last : null;
}

function unavailable(error: unknown): Response {
  const retryAfter =
    error instanceof ServiceUnavailableError ? error.retryAfterSeconds : SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS;
  return errorResponse(503, { message: SERVICE_UNAVAILABLE_MESSAGE }, { 'Retry-After': String(retryAfter) });
}

/** Error class and code only: messages of database errors may quote the submitted values. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' || typeof code === 'number' ? `${error.name} (${code})` : error.name;
}
