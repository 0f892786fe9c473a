import { z } from 'zod';
import { EmailSchema, NameSchema, PhoneSchema } from '../appeal-form-base';
import { IsoDateSchema } from '../iso-date';

/** What the booking steps tell the client when something is wrong (Russian, polite). */
export const BOOKING_MESSAGES = {
  office: 'Выберите офис',
  topic: 'Выберите вопрос, с которым вы придёте',
  date: 'Выберите день',
  time: 'Выберите время',
  contact: 'Укажите телефон или e-mail, чтобы мы могли напомнить о визите',
  consent: 'Без согласия на обработку персональных данных мы не сможем записать вас на приём',
  taken: 'Это время уже заняли, выберите другое',
  notBookable: 'На это время записаться нельзя, выберите другое',
  limit: 'У вас уже есть две предстоящие записи. Отмените одну из них по ссылке из письма или дождитесь визита',
  notFound: 'Запись не найдена или ссылка устарела',
} as const;

const M = BOOKING_MESSAGES;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `HH:MM`. */
export const SlotTimeSchema = z.string({ error: M.time }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: M.time });

/** A booking request from the public steps: which office and topic (slugs), day and time, who comes, consent. */
export const BookingRequestSchema = z
  .object({
    office: z.string({ error: M.office }).trim().max(100, { error: M.office }).regex(SLUG, { error: M.office }),
    topic: z.string({ error: M.topic }).trim().max(100, { error: M.topic }).regex(SLUG, { error: M.topic }),
    date: IsoDateSchema.or(z.string().transform((_, ctx) => {
      ctx.addIssue({ code: 'custom', message: M.date });
      return z.NEVER;
    })),
    time: SlotTimeSchema,
    name: NameSchema,
    phone: PhoneSchema,
    email: EmailSchema,
    // A checkbox: `true` from the island, `on` from the page without JavaScript.
    consent: z.union([z.literal(true), z.literal('on'), z.literal('true')], { error: M.consent }).transform(() => true as const),
  })
  .refine((value) => Boolean(value.phone || value.email), { error: M.contact, path: ['phone'] });
export type BookingRequest = z.output<typeof BookingRequestSchema>;
export type BookingRequestInput = z.input<typeof BookingRequestSchema>;

/** The keys the per-contact limit counts by: `tel:+7…` and `mail:<lower-case e-mail>`. */
export function contactKeys(contact: { phone?: string | undefined | null; email?: string | undefined | null }): string[] {
  const keys: string[] = [];
  if (contact.phone) keys.push(`tel:${contact.phone}`);
  if (contact.email) keys.push(`mail:${contact.email.trim().toLowerCase()}`);
  return keys;
}

/** A booking code as the client reads it on the phone: `З-` and 6 characters without look-alikes. */
export const BOOKING_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export function isBookingCode(value: string): boolean {
  return /^З-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/.test(value);
}
