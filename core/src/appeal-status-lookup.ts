import { z } from 'zod';
import { TypedRegistrationNumberSchema } from './registration-number';

/**
 * «Найти обращение по номеру» on the status page: the registration number from the confirmation plus the e-mail or
 * phone given in the appeal. One schema for the page's form and the CMS endpoint, so both accept the same input
 * and say the same thing about it; the number comes out canonical (`В-2026-000123`) however it was typed.
 */

/** Labels of the lookup form's fields. */
export const STATUS_LOOKUP_FIELD_LABELS = {
  number: 'Регистрационный номер',
  contact: 'E-mail или телефон',
} as const;

/** Messages of the lookup form (the number's own messages come from `registration-number.ts`). */
export const STATUS_LOOKUP_MESSAGES = {
  contactRequired: 'Укажите e-mail или телефон из обращения',
  contactTooLong: 'Слишком длинное значение: укажите e-mail или телефон из обращения',
} as const;

/**
 * - `number`: a registration number as typed (Latin look-alikes, spaces, any dash, missing dashes forgiven),
 *   output canonical;
 * - `contact`: 1–200 characters after trimming; matched against the appeal's e-mail (any case) or phone.
 */
export const StatusLookupSchema = z.object({
  number: TypedRegistrationNumberSchema,
  contact: z
    .string({ error: STATUS_LOOKUP_MESSAGES.contactRequired })
    .trim()
    .min(1, { error: STATUS_LOOKUP_MESSAGES.contactRequired })
    .max(200, { error: STATUS_LOOKUP_MESSAGES.contactTooLong }),
});
export type StatusLookupInput = z.input<typeof StatusLookupSchema>;
export type StatusLookup = z.output<typeof StatusLookupSchema>;
