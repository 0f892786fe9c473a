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
  topicSchema,
} from './appeal-form-base';
import type { AppealSubmission } from './appeal-submission';
import { FORM_ERROR_MESSAGE } from './form-errors';

/** Messages of the complaint form. */
export const COMPLAINT_FORM_MESSAGES = {
  ...APPEAL_FORM_MESSAGES,
  topic: 'Выберите тему жалобы из списка',
  textRequired: 'Опишите, пожалуйста, что произошло',
  textTooShort: 'Опишите ситуацию чуть подробнее: хотя бы 20 символов',
  textTooLong: 'Текст жалобы слишком длинный: не больше 5000 символов',
} as const;

const M = COMPLAINT_FORM_MESSAGES;

/** Russian labels of the complaint form's fields. */
export const COMPLAINT_FORM_FIELD_LABELS = {
  ...CONTACT_FIELD_LABELS,
  topic: 'Тема жалобы',
  accountNumber: 'Номер лицевого счёта или договора',
  text: 'Суть жалобы',
  ...CONSENT_FIELD_LABELS,
} as const satisfies Record<keyof ComplaintFormInput, string>;

/**
 * «Обращение или жалоба»: the shared contact fields, who writes, a topic, an optional account number and
 * the complaint itself (20–5000 characters). Attachments travel beside the fields, not in this schema.
 */
export const ComplaintFormSchema = z
  .object(
    {
      ...contactWithChannelShape,
      audience: ClientAudienceSchema,
      topic: topicSchema(M.topic),
      accountNumber: AccountNumberSchema,
      text: textSchema({ required: M.textRequired, tooShort: M.textTooShort, tooLong: M.textTooLong }, { min: 20 }),
    },
    { error: FORM_ERROR_MESSAGE },
  )
  .superRefine(checkContactsAndChannel, REFINE_ALWAYS)
  .transform(withAnswerChannel);

export type ComplaintFormInput = z.input<typeof ComplaintFormSchema>;
export type ComplaintForm = z.output<typeof ComplaintFormSchema>;

/** The complaint as the registration path stores it. */
export function complaintSubmission(form: ComplaintForm): AppealSubmission {
  const { consent: _consent, website: _website, ...rest } = form;
  return rest;
}
