import { z } from 'zod';
import {
  AccountNumberSchema,
  APPEAL_FORM_MESSAGES,
  checkContactsAndChannel,
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

/** Messages of the service application forms. */
export const SERVICE_APPLICATION_MESSAGES = {
  ...APPEAL_FORM_MESSAGES,
  service: 'Выберите услугу из списка',
  objectAddress: 'Укажите адрес объекта, где нужна услуга: от 10 до 300 символов',
  organisation: 'Укажите название организации или ИП: от 2 до 300 символов',
  inn: 'Проверьте ИНН: в нём 10 цифр у организации или 12 цифр у ИП',
  textRequired: 'Опишите, пожалуйста, что нужно сделать',
  textTooShort: 'Опишите заявку чуть подробнее: хотя бы 10 символов',
  textTooLong: 'Текст заявки слишком длинный: не больше 5000 символов',
} as const;

const M = SERVICE_APPLICATION_MESSAGES;

/** Russian labels of the fields of both application forms. */
export const SERVICE_APPLICATION_FIELD_LABELS = {
  name: CONTACT_FIELD_LABELS.name,
  organisation: 'Название организации или ИП',
  inn: 'ИНН',
  email: CONTACT_FIELD_LABELS.email,
  phone: CONTACT_FIELD_LABELS.phone,
  answerChannel: CONTACT_FIELD_LABELS.answerChannel,
  postalAddress: CONTACT_FIELD_LABELS.postalAddress,
  territory: CONTACT_FIELD_LABELS.territory,
  service: 'Услуга',
  objectAddress: 'Адрес объекта',
  accountNumber: 'Номер лицевого счёта или договора',
  text: 'Что нужно сделать',
  ...CONSENT_FIELD_LABELS,
} as const satisfies Record<keyof ServiceApplicationUlInput, string>;

const ObjectAddressSchema = z
  .string({ error: M.objectAddress })
  .trim()
  .min(10, { error: M.objectAddress })
  .max(300, { error: M.objectAddress });

const applicationShape = {
  ...contactWithChannelShape,
  // The catalogue lives in the CMS; the server checks the slug and the audience of the service.
  service: topicSchema(M.service),
  objectAddress: ObjectAddressSchema,
  accountNumber: AccountNumberSchema,
  text: textSchema({ required: M.textRequired, tooShort: M.textTooShort, tooLong: M.textTooLong }),
};

/** «Заявка на услугу» for individuals (ФЛ): contacts, the service, the address of the object and the task. */
export const ServiceApplicationFlSchema = z
  .object(applicationShape, { error: FORM_ERROR_MESSAGE })
  .superRefine(checkContactsAndChannel, REFINE_ALWAYS)
  .transform(withAnswerChannel);

/**
 * «Заявка на услугу» for legal entities and entrepreneurs (ЮЛ): as for individuals, plus the organisation's
 * name and ИНН (10 digits for an organisation, 12 for an entrepreneur). `name` is the contact person.
 */
export const ServiceApplicationUlSchema = z
  .object(
    {
      ...applicationShape,
      organisation: z.string({ error: M.organisation }).trim().min(2, { error: M.organisation }).max(300, { error: M.organisation }),
      inn: z
        .string({ error: M.inn })
        .overwrite((value) => value.replace(/\s+/g, ''))
        .regex(/^(?:\d{10}|\d{12})$/, { error: M.inn }),
    },
    { error: FORM_ERROR_MESSAGE },
  )
  .superRefine(checkContactsAndChannel, REFINE_ALWAYS)
  .transform(withAnswerChannel);

export type ServiceApplicationFlInput = z.input<typeof ServiceApplicationFlSchema>;
export type ServiceApplicationFl = z.output<typeof ServiceApplicationFlSchema>;
export type ServiceApplicationUlInput = z.input<typeof ServiceApplicationUlSchema>;
export type ServiceApplicationUl = z.output<typeof ServiceApplicationUlSchema>;

/** An application as the registration path stores it; the topic comes from the service in the CMS. */
export function serviceApplicationSubmission(form: ServiceApplicationFl | ServiceApplicationUl): AppealSubmission {
  const { consent: _consent, website: _website, service, objectAddress, ...rest } = form;
  const organisation: Record<string, string> = 'organisation' in form ? { organisation: form.organisation, inn: form.inn } : {};
  const { organisation: _o, inn: _i, ...common } = rest as typeof rest & { organisation?: string; inn?: string };
  return {
    ...common,
    audience: 'organisation' in form ? 'ul' : 'fl',
    details: { service, objectAddress, ...organisation },
  };
}
