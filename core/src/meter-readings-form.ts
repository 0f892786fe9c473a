import { z } from 'zod';
import { answerChannelOf, APPEAL_FORM_MESSAGES, checkContacts, CONSENT_FIELD_LABELS, CONTACT_FIELD_LABELS, contactShape, REFINE_ALWAYS } from './appeal-form-base';
import type { AppealSubmission } from './appeal-submission';
import { FORM_ERROR_MESSAGE } from './form-errors';

/** Messages of the meter readings forms. */
export const METER_READINGS_MESSAGES = {
  ...APPEAL_FORM_MESSAGES,
  accountNumberRequired: 'Укажите номер лицевого счёта: он есть в квитанции, от 6 до 20 цифр',
  contractCode: 'Проверьте код договора (УИД): в нём ровно 6 цифр',
  meterSerial: 'Укажите заводской номер счётчика: буквы, цифры и дефис, до 30 символов',
  tariff: 'Выберите, сколько тарифных зон у счётчика',
  reading: 'Укажите показание числом: до 9 цифр, после запятой не больше 3 знаков, например 12345,6',
  lowerThanBefore: 'Показание меньше прежнего. Проверьте его или отметьте, что оно верное',
} as const;

const M = METER_READINGS_MESSAGES;

/** Tariff zones of a household meter: one, two (day/night) or three (peak/night/semi-peak). */
export const TARIFFS = ['1', '2', '3'] as const;
export type Tariff = (typeof TARIFFS)[number];

/** Reading fields per zone. */
export const ZONE_FIELDS = ['t1', 't2', 't3'] as const;
export type ZoneField = (typeof ZONE_FIELDS)[number];

/** Russian names of the tariff options. */
export const TARIFF_LABELS: Record<Tariff, string> = {
  '1': 'Однотарифный (одно показание)',
  '2': 'Двухтарифный (день и ночь)',
  '3': 'Трёхтарифный (пик, ночь, полупик)',
};

/** Which zones a tariff has and how each reading field is called on the meter's display. */
export const TARIFF_ZONES: Record<Tariff, { field: ZoneField; label: string }[]> = {
  '1': [{ field: 't1', label: 'Показание (Т1)' }],
  '2': [
    { field: 't1', label: 'День (Т1)' },
    { field: 't2', label: 'Ночь (Т2)' },
  ],
  '3': [
    { field: 't1', label: 'Пик (Т1)' },
    { field: 't2', label: 'Ночь (Т2)' },
    { field: 't3', label: 'Полупик (Т3)' },
  ],
};

/** Russian labels of the fields of both readings forms. */
export const METER_READINGS_FIELD_LABELS = {
  name: CONTACT_FIELD_LABELS.name,
  email: CONTACT_FIELD_LABELS.email,
  phone: CONTACT_FIELD_LABELS.phone,
  accountNumber: 'Номер лицевого счёта',
  contractCode: 'Код договора (УИД)',
  meterSerial: 'Заводской номер счётчика',
  tariff: 'Тип счётчика',
  t1: 'Показание (Т1)',
  t2: 'Ночь (Т2)',
  t3: 'Полупик (Т3)',
  reading: 'Показание',
  confirmLower: 'Показание меньше прежнего, но оно верное',
  ...CONSENT_FIELD_LABELS,
} as const;

const READING_PATTERN = /^\d{1,9}(?:[.,]\d{1,3})?$/;

/** A reading as typed: digits with an optional decimal comma or point. Output: a number. */
const ReadingSchema = z
  .string({ error: M.reading })
  .trim()
  .regex(READING_PATTERN, { error: M.reading })
  .transform((value) => Number(value.replace(',', '.')));

/** A zone reading that may be empty (zones the tariff does not have). */
const OptionalReadingSchema = z
  .string({ error: M.reading })
  .trim()
  .refine((value) => value === '' || READING_PATTERN.test(value), { error: M.reading })
  .transform((value) => (value === '' ? undefined : Number(value.replace(',', '.'))))
  .optional();

const MeterSerialSchema = z
  .string({ error: M.meterSerial })
  .trim()
  .regex(/^[\p{L}\d][\p{L}\d-]{0,29}$/u, { error: M.meterSerial })
  .transform((value) => value.toUpperCase());

/** Ticked when the client confirms a reading lower than the last known one. */
const ConfirmLowerSchema = z.boolean({ error: M.lowerThanBefore }).optional();

/**
 * «Показания для населения» without login: the personal account number, the meter's serial number and
 * one reading per tariff zone. Contacts as in every form (at least e-mail or phone).
 */
export const HouseholdReadingsSchema = z
  .object(
    {
      ...contactShape,
      accountNumber: z
        .string({ error: M.accountNumberRequired })
        .overwrite((value) => value.replace(/\s+/g, ''))
        .regex(/^\d{6,20}$/, { error: M.accountNumberRequired }),
      meterSerial: MeterSerialSchema,
      tariff: z.enum(TARIFFS, { error: M.tariff }),
      t1: OptionalReadingSchema,
      t2: OptionalReadingSchema,
      t3: OptionalReadingSchema,
      confirmLower: ConfirmLowerSchema,
    },
    { error: FORM_ERROR_MESSAGE },
  )
  .superRefine((form, ctx) => {
    checkContacts(form, ctx);
    const tariff = form.tariff as unknown;
    if (tariff !== '1' && tariff !== '2' && tariff !== '3') return;
    for (const { field } of TARIFF_ZONES[tariff]) {
      const value = form[field] as unknown;
      if (value === undefined || value === '') ctx.addIssue({ code: 'custom', path: [field], message: M.reading });
    }
  }, REFINE_ALWAYS);

export type HouseholdReadingsInput = z.input<typeof HouseholdReadingsSchema>;
export type HouseholdReadings = z.output<typeof HouseholdReadingsSchema>;

/** «Показания для юридических лиц»: the 6-digit contract code (УИД), the meter's serial and one reading. */
export const LegalReadingsSchema = z
  .object(
    {
      ...contactShape,
      contractCode: z
        .string({ error: M.contractCode })
        .trim()
        .regex(/^\d{6}$/, { error: M.contractCode }),
      meterSerial: MeterSerialSchema,
      reading: ReadingSchema,
      confirmLower: ConfirmLowerSchema,
    },
    { error: FORM_ERROR_MESSAGE },
  )
  .superRefine(checkContacts, REFINE_ALWAYS);

export type LegalReadingsInput = z.input<typeof LegalReadingsSchema>;
export type LegalReadings = z.output<typeof LegalReadingsSchema>;

/** Readings per zone field, as stored in an appeal's details. */
export type ZoneReadings = Partial<Record<ZoneField, number>>;

/** The readings of a form by zone field (`reading` of the legal form is zone `t1`). */
export function zoneReadings(form: HouseholdReadings | LegalReadings): ZoneReadings {
  if ('reading' in form) return { t1: form.reading };
  const result: ZoneReadings = {};
  for (const { field } of TARIFF_ZONES[form.tariff]) {
    const value = form[field];
    if (value !== undefined) result[field] = value;
  }
  return result;
}

/** Zone fields whose new reading is lower than the last known one of the same meter. */
export function lowerZones(current: ZoneReadings, last: ZoneReadings): ZoneField[] {
  return ZONE_FIELDS.filter((field) => {
    const now = current[field];
    const before = last[field];
    return now !== undefined && before !== undefined && now < before;
  });
}

const formatReading = (value: number): string => String(value).replace('.', ',');

/** Readings as an appeal: a readable summary for handlers, the meter serial and the numbers in the details. */
export function meterReadingsSubmission(form: HouseholdReadings | LegalReadings): AppealSubmission {
  const readings = zoneReadings(form);
  const household = !('reading' in form);
  const zones = household ? TARIFF_ZONES[form.tariff] : [{ field: 't1' as const, label: 'Показание' }];
  const lines = zones.map(({ field, label }) => `${label}: ${formatReading(readings[field] ?? 0)}`);
  const who = household ? `лицевой счёт ${form.accountNumber}` : `код договора (УИД) ${form.contractCode}`;
  return {
    name: form.name,
    email: form.email,
    phone: form.phone,
    answerChannel: answerChannelOf(form),
    audience: household ? 'fl' : 'ul',
    accountNumber: household ? form.accountNumber : form.contractCode,
    meterSerial: form.meterSerial,
    text: `Показания счётчика № ${form.meterSerial}, ${who}.\n${lines.join('\n')}`,
    details: {
      ...(household ? { tariff: form.tariff } : { contractCode: form.contractCode }),
      ...readings,
      confirmedLower: form.confirmLower === true,
    },
  };
}
