import { z } from 'zod';
import { AudienceSchema } from './audience';

/**
 * Building blocks shared by every public appeal form (question, application, complaint, feedback, meter
 * readings): the contact fields, the answer channel, the consent box and the honeypot, each with one polite
 * Russian message per problem. Each form's schema assembles them, so the browser and the server accept the
 * same data everywhere.
 *
 * Empty optional inputs arrive as '' from HTML fields; they come out as `undefined`.
 */

/** How the client wants to get the answer. */
export const ANSWER_CHANNELS = ['email', 'phone', 'post'] as const;
export type AnswerChannel = (typeof ANSWER_CHANNELS)[number];

/** Russian names of the answer channels for radio buttons and e-mails. */
export const ANSWER_CHANNEL_LABELS: Record<AnswerChannel, string> = {
  email: 'По электронной почте',
  phone: 'По телефону',
  post: 'Письмом по почте',
};

/** Messages of the shared fields; each names the field it is about. */
/** Labels of the contact fields, the same in every form (and in the site's ContactFields). */
export const CONTACT_FIELD_LABELS = {
  name: 'Как к вам обращаться',
  email: 'Электронная почта',
  phone: 'Телефон',
  answerChannel: 'Как удобнее получить ответ',
  postalAddress: 'Почтовый адрес с индексом',
  audience: 'Кто обращается',
  territory: 'Населённый пункт / район',
} as const;

/** Labels of the consent checkbox and the honeypot, the same in every form. */
export const CONSENT_FIELD_LABELS = {
  consent: 'Согласие на обработку персональных данных',
  website: 'Сайт',
} as const;

export const APPEAL_FORM_MESSAGES = {
  nameRequired: 'Укажите, как к вам обращаться',
  nameTooShort: 'Имя слишком короткое: нужно хотя бы 2 символа',
  nameTooLong: 'Имя слишком длинное: не больше 100 символов',
  nameCharacters: 'В имени можно использовать буквы, пробелы, дефис, апостроф и точку',
  email: 'Проверьте адрес электронной почты: например, ivanova@mail.ru',
  emailTooLong: 'Адрес электронной почты слишком длинный: не больше 254 символов',
  phone: 'Проверьте номер телефона: нужны +7 или 8 и ещё 10 цифр, например +7 912 345-67-89',
  contactRequired: 'Укажите e-mail или телефон, чтобы мы могли ответить',
  answerChannel: 'Выберите, как вам удобнее получить ответ',
  answerChannelForTwoContacts: 'Вы указали и e-mail, и телефон: выберите, как вам удобнее получить ответ',
  emailForAnswer: 'Укажите адрес электронной почты: на него придёт ответ',
  phoneForAnswer: 'Укажите номер телефона: по нему мы позвоним с ответом',
  postalAddressRequired: 'Укажите почтовый адрес с индексом: на него придёт ответ',
  postalAddressLength: 'Почтовый адрес должен занимать от 10 до 300 символов: индекс, город, улица, дом и квартира',
  audience: 'Выберите, кто обращается: физическое или юридическое лицо',
  topic: 'Выберите тему вопроса из списка',
  territory: 'Выберите населённый пункт или район из списка',
  accountNumber: 'Проверьте номер лицевого счёта или договора: в нём от 6 до 20 цифр',
  consent: 'Без согласия на обработку персональных данных мы не сможем принять обращение',
  // Neutral on purpose: the honeypot is hidden from people, and a bot should learn nothing from the text.
  website: 'Не удалось принять форму. Пожалуйста, обновите страницу и попробуйте ещё раз',
} as const;

const M = APPEAL_FORM_MESSAGES;

/** Letters of any alphabet, spaces, hyphens, apostrophes (straight and typographic) and dots. */
const NAME_PATTERN = /^[\p{L} .'’-]+$/u;
/** +7 or 8, then exactly 10 digits; spaces, brackets and hyphens allowed between them. */
const PHONE_PATTERN = /^(?:\+7|8)[ ()-]*(?:\d[ ()-]*){10}$/;
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** '' (an empty HTML input) → undefined. */
export const emptyToUndefined = (value: string): string | undefined => (value === '' ? undefined : value);

const isEmail = (value: string): boolean => z.email().safeParse(value).success;

/** `+7 (912) 345-67-89`, `8 912 345 67 89` → `+79123456789`. */
export function normalizeRussianPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `+7${digits.slice(1)}`;
}

/** Name or organisation: 2–100 characters after trimming; letters, spaces, hyphens, apostrophes, dots. */
export const NameSchema = z
  .string({ error: M.nameRequired })
  .trim()
  .min(1, { error: M.nameRequired })
  .min(2, { error: M.nameTooShort })
  .max(100, { error: M.nameTooLong })
  .refine((value) => value === '' || (NAME_PATTERN.test(value) && /\p{L}/u.test(value)), { error: M.nameCharacters });

/** Optional e-mail, at most 254 characters. */
export const EmailSchema = z
  .string({ error: M.email })
  .trim()
  .max(254, { error: M.emailTooLong })
  .refine((value) => value === '' || isEmail(value), { error: M.email })
  .transform(emptyToUndefined)
  .optional();

/** Optional Russian phone number, stored as `+7XXXXXXXXXX`. */
export const PhoneSchema = z
  .string({ error: M.phone })
  .trim()
  .max(30, { error: M.phone })
  .refine((value) => value === '' || PHONE_PATTERN.test(value), { error: M.phone })
  .transform((value) => (value === '' ? undefined : normalizeRussianPhone(value)))
  .optional();

/** Optional postal address; required (10–300 characters) when the answer goes by post. */
export const PostalAddressSchema = z
  .string({ error: M.postalAddressLength })
  .trim()
  .max(300, { error: M.postalAddressLength })
  .transform(emptyToUndefined)
  .optional();

/** Optional personal account or contract number: 6–20 digits, spaces ignored. */
export const AccountNumberSchema = z
  .string({ error: M.accountNumber })
  // Account numbers are often printed in groups («1234 5678 90»); the groups carry no meaning.
  .overwrite((value) => value.replace(/\s+/g, ''))
  .refine((value) => value === '' || /^\d{6,20}$/.test(value), { error: M.accountNumber })
  .transform(emptyToUndefined)
  .optional();

/** A topic slug of the shared taxonomy (the server checks that it exists in the CMS), with the form's wording. */
export function topicSchema(message: string = M.topic) {
  return z.string({ error: message }).trim().max(100, { error: message }).regex(SLUG_PATTERN, { error: message });
}

/** A topic slug with the question form's message. */
export const TopicSchema = topicSchema();

/**
 * Optional settlement or district of the client: a territory slug from the CMS list (the server checks that it
 * exists); '' (nothing chosen) comes out as `undefined`. Routing may send the appeal to that territory's handlers.
 */
export const TerritorySchema = z
  .string({ error: M.territory })
  .trim()
  .max(100, { error: M.territory })
  .refine((value) => value === '' || SLUG_PATTERN.test(value), { error: M.territory })
  .transform(emptyToUndefined)
  .optional();

/** Who is writing: an individual or a legal entity / entrepreneur. */
export const ClientAudienceSchema = AudienceSchema.exclude(['all'], { error: M.audience });

/** The answer channel the client prefers. */
export const AnswerChannelSchema = z.enum(ANSWER_CHANNELS, { error: M.answerChannel });

/**
 * The answer channel as a form sends it: optional, because a client who gave one contact has already said how to
 * answer. Nothing chosen arrives as `undefined`, or `null` from an untouched radio group; both come out as
 * `undefined`. `checkContactsAndChannel` asks for a choice only when both e-mail and phone are given, and
 * {@link withAnswerChannel} turns the one contact into the channel.
 */
export const OptionalAnswerChannelSchema = AnswerChannelSchema.nullish().transform((value) => value ?? undefined);

/**
 * The channel an appeal is answered by: the one the client chose, otherwise the only contact given — e-mail only →
 * by e-mail, phone only → by phone. Forms that never ask (meter readings) answer by e-mail when there is one. The
 * form schemas refuse a form with both contacts and no choice, so «e-mail first» decides nothing else there.
 */
export function answerChannelOf(form: { answerChannel?: AnswerChannel | undefined; email?: string | undefined }): AnswerChannel {
  return form.answerChannel ?? (form.email ? 'email' : 'phone');
}

/**
 * The last step of every form schema with an answer channel: the parsed form with the channel filled in (see
 * {@link answerChannelOf}), so the browser and the server agree and every appeal is stored with one.
 */
export function withAnswerChannel<Form extends { answerChannel?: AnswerChannel | undefined; email?: string | undefined }>(
  form: Form,
): Omit<Form, 'answerChannel'> & { answerChannel: AnswerChannel } {
  return { ...form, answerChannel: answerChannelOf(form) };
}

/** A boolean input (not a literal) so the form can start with an unticked box; only `true` passes. */
export const ConsentSchema = z
  .boolean({ error: M.consent })
  .refine((value) => value, { error: M.consent })
  .transform((): true => true);

/** The honeypot: people never see it and leave it empty. */
export const HoneypotSchema = z.string({ error: M.website }).max(0, { error: M.website }).optional();

/** Messages of a free-text field, worded for its form («ваш вопрос», «суть жалобы»). */
export interface TextMessages {
  required: string;
  tooShort: string;
  tooLong: string;
}

/** Free text of 10–5000 characters after trimming. */
export function textSchema(messages: TextMessages, { min = 10, max = 5000 }: { min?: number; max?: number } = {}) {
  return z
    .string({ error: messages.required })
    .trim()
    .min(1, { error: messages.required })
    .min(min, { error: messages.tooShort })
    .max(max, { error: messages.tooLong });
}

/** The contact fields every form has: who writes, how to reach them, consent and the honeypot. */
export const contactShape = {
  name: NameSchema,
  email: EmailSchema,
  phone: PhoneSchema,
  consent: ConsentSchema,
  website: HoneypotSchema,
};

/** {@link contactShape} plus the preferred answer channel (needed only with two contacts) and the postal address it may need. */
export const contactWithChannelShape = {
  ...contactShape,
  answerChannel: OptionalAnswerChannelSchema,
  postalAddress: PostalAddressSchema,
  territory: TerritorySchema,
};

const filled = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';

/**
 * At least one of e-mail and phone (an appeal without contact data cannot be considered), and the contact the
 * chosen answer channel needs. Works on the raw input, so it can run even when single fields failed.
 */
export function checkContacts(form: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const hasEmail = filled(form.email);
  const hasPhone = filled(form.phone);
  if (!hasEmail && !hasPhone) {
    ctx.addIssue({ code: 'custom', path: ['email'], message: M.contactRequired });
  }
  if (form.answerChannel === 'email' && !hasEmail && hasPhone) {
    ctx.addIssue({ code: 'custom', path: ['email'], message: M.emailForAnswer });
  }
  if (form.answerChannel === 'phone' && !hasPhone) {
    ctx.addIssue({ code: 'custom', path: ['phone'], message: M.phoneForAnswer });
  }
  if (form.answerChannel === 'post') {
    const address = typeof form.postalAddress === 'string' ? form.postalAddress.trim() : '';
    if (address === '') {
      ctx.addIssue({ code: 'custom', path: ['postalAddress'], message: M.postalAddressRequired });
    } else if (address.length < 10) {
      ctx.addIssue({ code: 'custom', path: ['postalAddress'], message: M.postalAddressLength });
    }
  }
}

/**
 * {@link checkContacts} for forms that ask how to answer: a choice is needed only when both e-mail and phone are
 * given — with one contact, that contact is the answer channel ({@link answerChannelOf}).
 */
export function checkContactsAndChannel(form: Record<string, unknown>, ctx: z.RefinementCtx): void {
  checkContacts(form, ctx);
  if ((form.answerChannel === undefined || form.answerChannel === null) && filled(form.email) && filled(form.phone)) {
    ctx.addIssue({ code: 'custom', path: ['answerChannel'], message: M.answerChannelForTwoContacts });
  }
}

/** Options for `superRefine`: run even when single fields already failed, so every problem shows at once. */
export const REFINE_ALWAYS = {
  when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null,
};
