import { isIP } from 'node:net';
import type { z } from 'zod';
import {
  FieldRejectedError,
  registrationAnswer,
  SERVICE_UNAVAILABLE_MESSAGE,
  SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS,
  ServiceUnavailableError,
  type AppealRegistration,
  type PrecheckResult,
  type RequestMeta,
} from '@portal/core/appeal-contract';
import type { AppealForm } from '@portal/core/appeal-forms';
import type { AppealSubmission } from '@portal/core/appeal-submission';
import { APPEAL_FORM_MESSAGES } from '@portal/core/appeal-form-base';
import { FORM_ERROR_MESSAGE, fieldErrors } from '@portal/core/form-errors';
import { checkAttachments, type AttachmentLimits, type CheckedFile, type IncomingFile } from '@portal/core/attachments';
import { METHOD_NOT_ALLOWED_MESSAGE } from './api-messages';
import { isMultipart, readJsonBody, readMultipartForm } from './http-input';
import { errorResponse, jsonResponse } from './json-response';

/** The part of a form's row (`@portal/core/appeal-forms`) the endpoint reads: its name, schema and submission. */
export type AppealFormDefinition<Schema extends z.ZodType> = Pick<AppealForm<Schema>, 'name' | 'schema' | 'toSubmission'>;

/** What a form endpoint needs from the CMS. This is the boundary: the endpoint does not know Payload. */
export interface AppealEndpointDeps<Form> {
  /**
   * Checks the parts of the form only the CMS can judge (topic exists, service offered, readings not lower
   * than before). `raw` is the submitted body, so references can be checked even when other fields failed;
   * `form` is the parsed form, present only when the schema passed.
   */
  precheck(raw: unknown, form: Form | undefined): Promise<PrecheckResult>;
  /**
   * Stores the appeal and its confirmation outbox entry; resolves only once both are durable. With the
   * same idempotency key it must return the first registration instead of creating another.
   */
  register(submission: AppealSubmission, meta: RequestMeta, form: Form, files: readonly CheckedFile[]): Promise<AppealRegistration>;
  /**
   * Present on forms that take attachments: the company's current limits. Such forms also accept
   * `multipart/form-data` with the fields as JSON in `data` and the files in `attachments`.
   */
  attachmentLimits?(): Promise<AttachmentLimits>;
  /** The proof-of-work and minimum fill time check: a Russian message when it fails, null when passed. */
  verifyHuman?(body: unknown): Promise<string | null>;
  /** Whether this e-mail address may send another appeal now (rate limit per e-mail). */
  withinEmailLimit?(email: string): Promise<boolean>;
  /** Body size limit in bytes (default {@link DEFAULT_FORM_MAX_BYTES}). */
  maxBytes?: number;
  /** Where the client IP comes from; default: the last `X-Forwarded-For` entry set by the public server. */
  clientIp?(request: Request): string | null;
  /** Where failures are reported (default `console`); only fixed texts and error names are passed, never form data. */
  logger?: Pick<Console, 'error' | 'warn'>;
}

/** Answer when one e-mail address sends too many appeals in a short time. */
export const EMAIL_RATE_LIMITED_MESSAGE =
  'С этого адреса электронной почты недавно отправлено много обращений. Пожалуйста, попробуйте позже или позвоните на горячую линию.';

/** Default body limit: the forms are text only; 5000 characters even fully \u-escaped fit several times over. */
export const DEFAULT_FORM_MAX_BYTES = 64 * 1024;

const IDEMPOTENCY_KEY_PATTERN = /^[\x20-\x7e]{1,100}$/;
const IDEMPOTENCY_KEY_MESSAGE =
  'Не удалось отправить форму: некорректный служебный заголовок Idempotency-Key. Пожалуйста, обновите страницу и попробуйте ещё раз.';
const MAX_USER_AGENT_LENGTH = 512;

/**
 * Handles `POST /api/forms/<form>`: validates the body with the form's shared schema, lets the CMS check
 * references, registers the appeal and answers 201 with its number and deadline.
 *
 * - 400 with `fieldErrors` for invalid fields (the same messages the browser form shows);
 * - 400 with a neutral message when the honeypot field `website` is filled — nothing is registered;
 * - 409/422 with `code` and an explanation when the CMS refuses a valid form (e.g. readings out of days);
 * - 503 with Retry-After when registration fails, temporary or not, without details.
 */
export async function handleAppealForm<Schema extends z.ZodType>(
  request: Request,
  definition: AppealFormDefinition<Schema>,
  deps: AppealEndpointDeps<z.output<Schema>>,
): Promise<Response> {
  if (request.method !== 'POST') {
    return errorResponse(405, { message: METHOD_NOT_ALLOWED_MESSAGE }, { Allow: 'POST' });
  }

  const idempotencyKey = request.headers.get('idempotency-key');
  if (idempotencyKey !== null && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
    return errorResponse(400, { message: IDEMPOTENCY_KEY_MESSAGE });
  }

  if (deps.attachmentLimits && isMultipart(request)) {
    let limits: AttachmentLimits;
    try {
      limits = await deps.attachmentLimits();
    } catch (error) {
      (deps.logger ?? console).error(`[${definition.name}] settings unavailable:`, describeError(error));
      return unavailable(error);
    }
    const maxBytes = Math.ceil(limits.maxFiles * limits.maxFileMb * 1024 * 1024) + MULTIPART_OVERHEAD_BYTES;
    const body = await readMultipartForm(request, { maxBytes });
    if (!body.ok) return body.response;
    return registerParsedBody(request, body.value, idempotencyKey, definition, deps, { files: body.files, limits });
  }

  const body = await readJsonBody(request, { maxBytes: deps.maxBytes ?? DEFAULT_FORM_MAX_BYTES });
  if (!body.ok) return body.response;
  return registerParsedBody(request, body.value, idempotencyKey, definition, deps);
}

/** Room for the fields and the multipart framing beside the files themselves. */
const MULTIPART_OVERHEAD_BYTES = 256 * 1024;

/**
 * The part of {@link handleAppealForm} after the body is read, shared with the multipart endpoints
 * (forms with attachments), which read their fields differently.
 */
export async function registerParsedBody<Schema extends z.ZodType>(
  request: Request,
  value: unknown,
  idempotencyKey: string | null,
  definition: AppealFormDefinition<Schema>,
  deps: AppealEndpointDeps<z.output<Schema>>,
  upload?: { files: readonly IncomingFile[]; limits: AttachmentLimits },
): Promise<Response> {
  const logger = deps.logger ?? console;
  if (honeypotFilled(value)) {
    logger.warn(`[${definition.name}] honeypot filled; submission dropped`);
    return errorResponse(400, { message: APPEAL_FORM_MESSAGES.website });
  }

  if (deps.verifyHuman) {
    let problem: string | null;
    try {
      problem = await deps.verifyHuman(value);
    } catch (error) {
      logger.error(`[${definition.name}] human check unavailable:`, describeError(error));
      return unavailable(error);
    }
    if (problem !== null) return errorResponse(400, { message: problem, code: 'human-check' });
  }

  const parsed = definition.schema.safeParse(value);
  const errors = parsed.success ? {} : fieldErrors(parsed.error);

  let precheck: PrecheckResult;
  try {
    precheck = await deps.precheck(value, parsed.success ? (parsed.data as z.output<Schema>) : undefined);
  } catch (error) {
    logger.error(`[${definition.name}] precheck unavailable:`, describeError(error));
    return unavailable(error);
  }
  if (precheck.kind === 'invalid') {
    // Schema messages win: they say what is wrong with the value itself.
    for (const [field, message] of Object.entries(precheck.fieldErrors)) errors[field] ??= message;
  }
  let files: readonly CheckedFile[] = [];
  if (upload) {
    const checked = checkAttachments(upload.files, upload.limits);
    if (checked.ok) files = checked.files;
    else errors.attachments = checked.message;
  }

  // A refusal first: when the form cannot be accepted at all today, fixing fields would be wasted effort.
  if (precheck.kind === 'refused') {
    return errorResponse(precheck.status, { code: precheck.code, message: precheck.message });
  }
  if (!parsed.success || Object.keys(errors).length > 0) {
    return errorResponse(400, { message: FORM_ERROR_MESSAGE, fieldErrors: errors });
  }

  const meta: RequestMeta = {
    ip: (deps.clientIp ?? forwardedClientIp)(request),
    userAgent: request.headers.get('user-agent')?.slice(0, MAX_USER_AGENT_LENGTH) ?? null,
    idempotencyKey,
  };

  const form = parsed.data as z.output<Schema>;
  const submission = definition.toSubmission(form);
  let registration: AppealRegistration;
  try {
    if (submission.email && deps.withinEmailLimit && !(await deps.withinEmailLimit(submission.email))) {
      return errorResponse(429, { message: EMAIL_RATE_LIMITED_MESSAGE }, { 'Retry-After': '600' });
    }
    registration = await deps.register(submission, meta, form, files);
  } catch (error) {
    if (error instanceof FieldRejectedError) {
      return errorResponse(400, { message: FORM_ERROR_MESSAGE, fieldErrors: { [error.field]: error.userMessage } });
    }
    logger.error(`[${definition.name}] registration failed:`, describeError(error));
    return unavailable(error);
  }

  return jsonResponse(201, registrationAnswer(registration));
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
export function forwardedClientIp(request: Request): string | null {
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
