import { QUESTION_FORM_MESSAGES, QuestionFormSchema, type QuestionForm } from '@portal/core/question-form';
import {
  DEFAULT_FORM_MAX_BYTES,
  handleAppealForm,
  submittedString,
  type AppealFormDefinition,
  type AppealRegistration,
  type PrecheckResult,
  type RequestMeta,
} from './appeal-form-endpoint';

export { ServiceUnavailableError, type RequestMeta } from './appeal-form-endpoint';

/** What `register` reports once the appeal is durably stored. */
export type QuestionRegistration = AppealRegistration;

/** What {@link handleQuestion} needs from the CMS. These are the boundary; the endpoint does not know Payload. */
export interface QuestionEndpointDeps {
  /** Slugs of the topics a question may have (published topics in the CMS). */
  knownTopics(): Promise<string[]>;
  /**
   * Stores the appeal and its confirmation outbox entry; resolves only once both are durable. With the
   * same idempotency key it must return the first registration instead of creating another.
   */
  register(input: QuestionForm, meta: RequestMeta): Promise<QuestionRegistration>;
  /** Checks the optional territory against the CMS list (see `PrecheckResult`); absent means no check. */
  checkTerritory?(raw: unknown): Promise<PrecheckResult>;
  /** The proof-of-work and minimum fill time check (see `AppealEndpointDeps`). */
  verifyHuman?(body: unknown): Promise<string | null>;
  /** Rate limit per e-mail address (see `AppealEndpointDeps`). */
  withinEmailLimit?(email: string): Promise<boolean>;
  /** Body size limit in bytes (default {@link DEFAULT_QUESTION_MAX_BYTES}). */
  maxBytes?: number;
  /** Where the client IP comes from; default: the last `X-Forwarded-For` entry set by the public server. */
  clientIp?(request: Request): string | null;
  /** Where failures are reported (default `console`); only fixed texts and error names are passed, never form data. */
  logger?: Pick<Console, 'error' | 'warn'>;
}

/** Default body limit of the question form. */
export const DEFAULT_QUESTION_MAX_BYTES = DEFAULT_FORM_MAX_BYTES;

/** The «Задать вопрос» form as an appeal: the validated form is already in the shape every appeal has. */
export const QUESTION_FORM: AppealFormDefinition<typeof QuestionFormSchema> = {
  name: 'question',
  schema: QuestionFormSchema,
  toSubmission: ({ consent: _consent, website: _website, ...rest }) => rest,
};

/**
 * Handles `POST /api/forms/question` through the shared form endpoint: validates the «Задать вопрос» form,
 * checks the topic exists, registers the appeal and answers 201 with its number and deadline.
 */
export function handleQuestion(request: Request, deps: QuestionEndpointDeps): Promise<Response> {
  return handleAppealForm(request, QUESTION_FORM, {
    precheck: async (raw) => {
      const topic = submittedString(raw, 'topic');
      if (topic !== undefined && !(await deps.knownTopics()).includes(topic)) {
        return { kind: 'invalid', fieldErrors: { topic: QUESTION_FORM_MESSAGES.topic } };
      }
      return deps.checkTerritory ? deps.checkTerritory(raw) : { kind: 'ok' };
    },
    register: (_submission, meta, form) => deps.register(form, meta),
    ...(deps.verifyHuman ? { verifyHuman: deps.verifyHuman } : {}),
    ...(deps.withinEmailLimit ? { withinEmailLimit: deps.withinEmailLimit } : {}),
    ...(deps.maxBytes !== undefined ? { maxBytes: deps.maxBytes } : {}),
    ...(deps.clientIp ? { clientIp: deps.clientIp } : {}),
    ...(deps.logger ? { logger: deps.logger } : {}),
  });
}
