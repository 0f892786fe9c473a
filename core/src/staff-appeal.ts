import { z } from 'zod';
import { STAFF_CHANNELS } from './appeal-channel';
import { AccountNumberSchema, AnswerChannelSchema, EmailSchema, NameSchema, PhoneSchema, PostalAddressSchema, topicSchema } from './appeal-form-base';

/**
 * An appeal a handler registers from a phone call, an office visit, a letter received by post or a chat
 * («Зарегистрировать обращение»): the same register as the site's forms (000 L340, L354; 002 L114, L164).
 */

/** The types staff register (meter readings and e-mails have their own intake). */
export const STAFF_APPEAL_TYPES = ['question', 'application', 'complaint', 'feedback'] as const;

/** How far back a receipt date may be: a letter lying longer than this unregistered is a matter for the manager. */
export const MAX_RECEIPT_AGE_DAYS = 60;

const M = {
  channel: 'Выберите канал, по которому поступило обращение',
  type: 'Выберите вид обращения',
  text: 'Изложите суть обращения (от 10 до 10 000 символов)',
  receivedAt: 'Укажите дату и время поступления обращения',
  receivedInFuture: 'Дата поступления не может быть позже текущего момента',
  receivedTooOld: `Дата поступления не может быть раньше, чем ${MAX_RECEIPT_AGE_DAYS} дней назад`,
  contactRequired: 'Укажите хотя бы один контакт заявителя: e-mail, телефон или почтовый адрес. Обращение без контактов не рассматривается',
  postalAddress: 'Для письма, поступившего по почте, укажите почтовый адрес отправителя (от 10 символов)',
  answerContact: 'Для выбранного способа ответа укажите соответствующий контакт заявителя',
  consent: 'Отметьте, как заявитель дал согласие на обработку персональных данных',
  consentOral: 'Согласие, данное устно, возможно только при обращении по телефону, в офисе или в чате',
} as const;

/** What the handler's form sends (strings as typed; empty strings are absent values). */
export const StaffAppealSchema = z
  .object({
    channel: z.enum(STAFF_CHANNELS, { error: M.channel }),
    type: z.enum(STAFF_APPEAL_TYPES, { error: M.type }),
    topic: topicSchema(),
    name: NameSchema,
    email: EmailSchema,
    phone: PhoneSchema,
    postalAddress: PostalAddressSchema,
    accountNumber: AccountNumberSchema,
    answerChannel: AnswerChannelSchema,
    text: z.string({ error: M.text }).trim().min(10, { error: M.text }).max(10000, { error: M.text }),
    /** The moment the appeal arrived (for post: the day the letter arrived), ISO 8601 with an offset. */
    receivedAt: z.iso.datetime({ offset: true, error: M.receivedAt }),
    /** How the client consented; a postal letter may carry none (its processing then rests on the appeal itself). */
    consent: z.enum(['oral', 'written'], { error: M.consent }).optional(),
  })
  .superRefine((form, ctx) => {
    if (!form.email && !form.phone && !form.postalAddress) ctx.addIssue({ code: 'custom', path: ['phone'], message: M.contactRequired });
    if (form.channel === 'post' && (!form.postalAddress || form.postalAddress.length < 10)) ctx.addIssue({ code: 'custom', path: ['postalAddress'], message: M.postalAddress });
    const contactFor = { email: form.email, phone: form.phone, post: form.postalAddress }[form.answerChannel];
    if (!contactFor) ctx.addIssue({ code: 'custom', path: ['answerChannel'], message: M.answerContact });
    if (form.channel !== 'post' && !form.consent) ctx.addIssue({ code: 'custom', path: ['consent'], message: M.consent });
    if (form.channel === 'post' && form.consent === 'oral') ctx.addIssue({ code: 'custom', path: ['consent'], message: M.consentOral });
  });
export type StaffAppeal = z.output<typeof StaffAppealSchema>;

/** The receipt moment's own check against `now`: not in the future, not older than {@link MAX_RECEIPT_AGE_DAYS}. */
export function receiptDateProblem(receivedAt: Date, now: Date): string | null {
  if (receivedAt.getTime() > now.getTime() + 60_000) return M.receivedInFuture;
  if (now.getTime() - receivedAt.getTime() > MAX_RECEIPT_AGE_DAYS * 86_400_000) return M.receivedTooOld;
  return null;
}
