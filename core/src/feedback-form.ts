import { z } from 'zod';
import {
  APPEAL_FORM_MESSAGES,
  checkContactsAndChannel,
  ClientAudienceSchema,
  CONSENT_FIELD_LABELS,
  CONTACT_FIELD_LABELS,
  contactWithChannelShape,
  REFINE_ALWAYS,
  textSchema,
  withAnswerChannel,
  topicSchema,
} from './appeal-form-base';
import type { AppealSubmission } from './appeal-submission';
import { FORM_ERROR_MESSAGE } from './form-errors';

/** Messages of the feedback form. */
export const FEEDBACK_FORM_MESSAGES = {
  ...APPEAL_FORM_MESSAGES,
  topic: 'Выберите, о чём ваш отзыв',
  rating: 'Поставьте оценку от 1 до 5',
  textRequired: 'Напишите, пожалуйста, несколько слов об обслуживании',
  textTooShort: 'Напишите чуть подробнее: хотя бы 10 символов',
  textTooLong: 'Отзыв слишком длинный: не больше 5000 символов',
} as const;

const M = FEEDBACK_FORM_MESSAGES;

/** Russian labels of the feedback form's fields. */
export const FEEDBACK_FORM_FIELD_LABELS = {
  ...CONTACT_FIELD_LABELS,
  topic: 'О чём отзыв',
  kind: 'Вид отзыва',
  rating: 'Оценка качества обслуживания',
  text: 'Ваш отзыв',
  ...CONSENT_FIELD_LABELS,
} as const satisfies Record<keyof FeedbackFormInput, string>;

/** The ratings offered, worst to best, with words so the scale is clear without colour or stars. */
export const FEEDBACK_RATINGS = [
  { value: '1', label: '1 — очень плохо' },
  { value: '2', label: '2 — плохо' },
  { value: '3', label: '3 — удовлетворительно' },
  { value: '4', label: '4 — хорошо' },
  { value: '5', label: '5 — отлично' },
] as const;

/**
 * What the feedback is, as the quality standard names the kinds (001 L785–791: благодарности, предложения; an
 * оценка of the service is the default). Not choosing leaves it a rating, so older clients and the form without its
 * script keep working.
 */
export const FEEDBACK_KINDS = [
  { value: 'rating', label: 'Оценка обслуживания' },
  { value: 'thanks', label: 'Благодарность' },
  { value: 'proposal', label: 'Предложение' },
] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number]['value'];
const FEEDBACK_KIND_VALUES = FEEDBACK_KINDS.map((kind) => kind.value) as [FeedbackKind, ...FeedbackKind[]];

/** The kind as a form sends it: one of the kinds, or nothing (an untouched radio group: `undefined` or `null`) → rating. */
export const FeedbackKindSchema = z
  .enum(FEEDBACK_KIND_VALUES, { error: 'Выберите вид отзыва: оценка, благодарность или предложение' })
  .nullish()
  .transform((value): FeedbackKind => value ?? 'rating');

/**
 * A whole number from 1 to 5. Radio buttons post strings ('4'), JSON clients may post numbers: both pass.
 */
export const RatingSchema = z
  .union([z.number({ error: M.rating }), z.string({ error: M.rating }).regex(/^[1-5]$/, { error: M.rating })], { error: M.rating })
  .transform((value) => Number(value))
  .pipe(z.number().int({ error: M.rating }).min(1, { error: M.rating }).max(5, { error: M.rating }));

/** «Отзыв о качестве обслуживания»: the shared contact fields, a topic, a 1–5 rating and the text. */
export const FeedbackFormSchema = z
  .object(
    {
      ...contactWithChannelShape,
      audience: ClientAudienceSchema,
      topic: topicSchema(M.topic),
      kind: FeedbackKindSchema,
      rating: RatingSchema,
      text: textSchema({ required: M.textRequired, tooShort: M.textTooShort, tooLong: M.textTooLong }),
    },
    { error: FORM_ERROR_MESSAGE },
  )
  .superRefine(checkContactsAndChannel, REFINE_ALWAYS)
  .transform(withAnswerChannel);

export type FeedbackFormInput = z.input<typeof FeedbackFormSchema>;
export type FeedbackForm = z.output<typeof FeedbackFormSchema>;

/** The feedback as the registration path stores it; the rating goes into the details. */
export function feedbackSubmission(form: FeedbackForm): AppealSubmission {
  const { consent: _consent, website: _website, rating, kind, ...rest } = form;
  return { ...rest, details: { rating, kind } };
}
