import { z } from 'zod';
import { AudienceSchema } from './audience';
import { FORM_ERROR_MESSAGE } from './form-errors';

/**
 * The «Задать вопрос» form: one schema for the React form (react-hook-form + zod resolver) and for the
 * server, so the browser and the API accept exactly the same data and show the same Russian messages.
 *
 * Empty optional inputs arrive as '' from HTML fields; they come out as `undefined`.
 */

// `fieldErrors` is shared by every public form; re-exported here because this form's endpoint uses it.
export { fieldErrors, formErrorResponse, FORM_ERROR_MESSAGE } from './form-errors';

/** How the client wants to get the answer. */
export const ANSWER_CHANNELS = ['email', 'phone', 'post'] as const;

/** Russian names of the answer channels for radio buttons and e-mails. */
export const ANSWER_CHANNEL_LABELS: Record<(typeof ANSWER_CHANNELS)[number], string> = {
  email: 'По электронной почте',
  phone: 'По телефону',
  post: 'Письмом по почте',
};

/** Russian labels of every field of the form. */
export const QUESTION_FORM_FIELD_LABELS = {
  name: 'Как к вам обращаться',
  email: 'Электронная почта',
  phone: 'Телефон',
  answerChannel: 'Как удобнее получить ответ',
  postalAddress: 'Почтовый адрес с индексом',
  audience: 'Кто обращается',
  topic: 'Тема вопроса',
  accountNumber: 'Номер лицевого счёта или договора',
  text: 'Ваш вопрос',
  consent: 'Согласие на обработку персональных данных',
  website: 'Сайт',
} as const satisfies Record<keyof QuestionFormInput, string>;

/** Messages shown under the fields; each names the field it is about. */
export const QUESTION_FORM_MESSAGES = {
  nameRequired: 'Укажите, как к вам обращаться',
  nameTooShort: 'Имя слишком короткое: нужно хотя бы 2 символа',
  nameTooLong: 'Имя слишком длинное: не больше 100 символов',
  nameCharacters: 'В имени можно использовать буквы, пробелы, дефис, апостроф и точку',
  email: 'Проверьте адрес электронной почты: например, ivanova@mail.ru',
  emailTooLong: 'Адрес электронной почты слишком длинный: не больше 254 символов',
  phone: 'Проверьте номер телефона: нужны +7 или 8 и ещё 10 цифр, например +7 912 345-67-89',
  contactRequired: 'Укажите e-mail или телефон, чтобы мы могли ответить',
  answerChannel: 'Выберите, как вам удобнее получить ответ',
  emailForAnswer: 'Укажите адрес электронной почты: на него придёт ответ',
  phoneForAnswer: 'Укажите номер телефона: по нему мы позвоним с ответом',
  postalAddressRequired: 'Укажите почтовый адрес с индексом: на него придёт ответ',
  postalAddressLength: 'Почтовый адрес должен занимать от 10 до 300 символов: индекс, город, улица, дом и квартира',
  audience: 'Выберите, кто обращается: физическое или юридическое лицо',
  topic: 'Выберите тему вопроса из списка',
  accountNumber: 'Проверьте номер лицевого счёта или договора: в нём от 6 до 20 цифр',
  textRequired: 'Напишите, пожалуйста, ваш вопрос',
  textTooShort: 'Опишите вопрос чуть подробнее: хотя бы 10 символов',
  textTooLong: 'Текст вопроса слишком длинный: не больше 5000 символов',
  consent: 'Без согласия на обработку персональных данных мы не сможем принять обращение',
  // Neutral on purpose: the honeypot is hidden from people, and a bot should learn nothing from the text.
  website: 'Не удалось принять форму. Пожалуйста, обновите страницу и попробуйте ещё раз',
} as const;

const M = QUESTION_FORM_MESSAGES;

/** Letters of any alphabet, spaces, hyphens, apostrophes (straight and typographic) and dots. */
const NAME_PATTERN = /^[\p{L} .'’-]+$/u;
/** +7 or 8, then exactly 10 digits; spaces, brackets and hyphens allowed between them. */
const PHONE_PATTERN = /^(?:\+7|8)[ ()-]*(?:\d[ ()-]*){10}$/;
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const emptyToUndefined = (value: string): string | undefined => (value === '' ? undefined : value);

const isEmail = (value: string): boolean => z.email().safeParse(value).success;

/** `+7 (912) 345-67-89`, `8 912 345 67 89` → `+79123456789`. */
export function normalizeRussianPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `+7${digits.slice(1)}`;
}

const NameSchema = z
  .string({ error: M.nameRequired })
  .trim()
  .min(1, { error: M.nameRequired })
  .min(2, { error: M.nameTooShort })
  .max(100, { error: M.nameTooLong })
  .refine((value) => value === '' || (NAME_PATTERN.test(value) && /\p{L}/u.test(value)), { error: M.nameCharacters });

const EmailSchema = z
  .string({ error: M.email })
  .trim()
  .max(254, { error: M.emailTooLong })
  .refine((value) => value === '' || isEmail(value), { error: M.email })
  .transform(emptyToUndefined)
  .optional();

const PhoneSchema = z
  .string({ error: M.phone })
  .trim()
  .max(30, { error: M.phone })
  .refine((value) => value === '' || PHONE_PATTERN.test(value), { error: M.phone })
  .transform((value) => (value === '' ? undefined : normalizeRussianPhone(value)))
  .optional();

const PostalAddressSchema = z
  .string({ error: M.postalAddressLength })
  .trim()
  .max(300, { error: M.postalAddressLength })
  .transform(emptyToUndefined)
  .optional();

const AccountNumberSchema = z
  .string({ error: M.accountNumber })
  // Account numbers are often printed in groups («1234 5678 90»); the groups carry no meaning.
  .overwrite((value) => value.replace(/\s+/g, ''))
  .refine((value) => value === '' || /^\d{6,20}$/.test(value), { error: M.accountNumber })
  .transform(emptyToUndefined)
  .optional();

const TextSchema = z
  .string({ error: M.textRequired })
  .trim()
  .min(1, { error: M.textRequired })
  .min(10, { error: M.textTooShort })
  .max(5000, { error: M.textTooLong });

const filled = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';

/**
 * The «Задать вопрос» form.
 *
 * - `name`: 2–100 characters after trimming; letters, spaces, hyphens, apostrophes, dots.
 * - `email` (≤ 254) and `phone` (+7/8 and 10 digits, output `+7XXXXXXXXXX`) are optional, but at least one
 *   is required: an appeal without contact data cannot be considered.
 * - `answerChannel`: the chosen channel needs its contact (`email`, `phone`, or `postalAddress` of 10–300
 *   characters for `post`).
 * - `audience`: `fl` or `ul`; `topic`: a topic slug (the server checks it exists in the CMS);
 *   `accountNumber`: optional, 6–20 digits (spaces ignored); `text`: 10–5000 characters after trimming.
 * - `consent` must be `true`; `website` is a honeypot that people leave empty.
 */
export const QuestionFormSchema = z
  .object(
    {
      name: NameSchema,
      email: EmailSchema,
      phone: PhoneSchema,
      answerChannel: z.enum(ANSWER_CHANNELS, { error: M.answerChannel }),
      postalAddress: PostalAddressSchema,
      audience: AudienceSchema.exclude(['all'], { error: M.audience }),
      topic: z.string({ error: M.topic }).trim().max(100, { error: M.topic }).regex(SLUG_PATTERN, { error: M.topic }),
      accountNumber: AccountNumberSchema,
      text: TextSchema,
      // A boolean input (not a literal) so the form can start with an unticked box; only `true` passes.
      consent: z
        .boolean({ error: M.consent })
        .refine((value) => value, { error: M.consent })
        .transform((): true => true),
      website: z.string({ error: M.website }).max(0, { error: M.website }).optional(),
    },
    { error: FORM_ERROR_MESSAGE },
  )
  .superRefine(
    (form, ctx) => {
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
    },
    // Run even when single fields already failed, so the person sees every problem at once.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

/** What the form holds and posts (before trimming and normalisation). */
export type QuestionFormInput = z.input<typeof QuestionFormSchema>;
/** What the server stores after validation: trimmed, phone as `+7XXXXXXXXXX`, empty optionals `undefined`. */
export type QuestionForm = z.output<typeof QuestionFormSchema>;

/** The field names, in the order of the form. */
export type QuestionFormField = keyof typeof QUESTION_FORM_FIELD_LABELS;
