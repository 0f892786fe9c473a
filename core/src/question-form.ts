import { z } from 'zod';
import {
  AccountNumberSchema,
  APPEAL_FORM_MESSAGES,
  checkContactsAndChannel,
  ClientAudienceSchema,
  CONSENT_FIELD_LABELS,
  CONTACT_FIELD_LABELS,
  contactWithChannelShape,
  REFINE_ALWAYS,
  textSchema,
  withAnswerChannel,
  TopicSchema,
} from './appeal-form-base';
import type { AppealSubmission } from './appeal-submission';
import { FORM_ERROR_MESSAGE } from './form-errors';

/**
 * The «Задать вопрос» form: one schema for the React form (react-hook-form + zod resolver) and for the
 * server, so the browser and the API accept exactly the same data and show the same Russian messages.
 *
 * Empty optional inputs arrive as '' from HTML fields; they come out as `undefined`.
 */

// `fieldErrors` is shared by every public form; re-exported here because this form's endpoint uses it.
export { fieldErrors, formErrorResponse, FORM_ERROR_MESSAGE } from './form-errors';

export { ANSWER_CHANNEL_LABELS, ANSWER_CHANNELS, normalizeRussianPhone } from './appeal-form-base';

/** Russian labels of every field of the form. */
export const QUESTION_FORM_FIELD_LABELS = {
  ...CONTACT_FIELD_LABELS,
  topic: 'Тема вопроса',
  accountNumber: 'Номер лицевого счёта или договора',
  text: 'Ваш вопрос',
  ...CONSENT_FIELD_LABELS,
} as const satisfies Record<keyof QuestionFormInput, string>;

/** Messages shown under the fields; each names the field it is about. */
export const QUESTION_FORM_MESSAGES = {
  ...APPEAL_FORM_MESSAGES,
  textRequired: 'Напишите, пожалуйста, ваш вопрос',
  textTooShort: 'Опишите вопрос чуть подробнее: хотя бы 10 символов',
  textTooLong: 'Текст вопроса слишком длинный: не больше 5000 символов',
} as const;

const M = QUESTION_FORM_MESSAGES;

/**
 * The «Задать вопрос» form.
 *
 * - `name`: 2–100 characters after trimming; letters, spaces, hyphens, apostrophes, dots.
 * - `email` (≤ 254) and `phone` (+7/8 and 10 digits, output `+7XXXXXXXXXX`) are optional, but at least one
 *   is required: an appeal without contact data cannot be considered.
 * - `answerChannel`: asked for only when both e-mail and phone are given; with one contact it comes out as
 *   that contact's channel. The chosen channel needs its contact (`email`, `phone`, or `postalAddress` of
 *   10–300 characters for `post`).
 * - `audience`: `fl` or `ul`; `topic`: a topic slug (the server checks it exists in the CMS);
 *   `accountNumber`: optional, 6–20 digits (spaces ignored); `text`: 10–5000 characters after trimming.
 * - `consent` must be `true`; `website` is a honeypot that people leave empty.
 */
export const QuestionFormSchema = z
  .object(
    {
      ...contactWithChannelShape,
      audience: ClientAudienceSchema,
      topic: TopicSchema,
      accountNumber: AccountNumberSchema,
      text: textSchema({ required: M.textRequired, tooShort: M.textTooShort, tooLong: M.textTooLong }),
    },
    { error: FORM_ERROR_MESSAGE },
  )
  .superRefine(checkContactsAndChannel, REFINE_ALWAYS)
  .transform(withAnswerChannel);

/** What the form holds and posts (before trimming and normalisation). */
export type QuestionFormInput = z.input<typeof QuestionFormSchema>;
/** What the server stores after validation: trimmed, phone as `+7XXXXXXXXXX`, empty optionals `undefined`. */
export type QuestionForm = z.output<typeof QuestionFormSchema>;

/** The question as the registration path stores it: the validated form is already in the shape every appeal has. */
export function questionSubmission(form: QuestionForm): AppealSubmission {
  const { consent: _consent, website: _website, ...rest } = form;
  return rest;
}

/** The field names, in the order of the form. */
export type QuestionFormField = keyof typeof QUESTION_FORM_FIELD_LABELS;
