import { z } from 'zod';
import { APPEAL_TYPE_LETTERS, APPEAL_TYPES, type AppealType } from './appeal-type';

/**
 * Registration numbers of appeals: `В-2026-000123` — the Cyrillic letter of the appeal type, the year of
 * registration and the sequence number within that year, zero-padded to six digits (longer when needed).
 */

/** The parts of a registration number. */
export interface RegistrationNumberParts {
  type: AppealType;
  year: number;
  /** Sequence within the year, from 1. */
  sequence: number;
}

const TYPE_BY_LETTER = new Map<string, AppealType>(APPEAL_TYPES.map((type) => [APPEAL_TYPE_LETTERS[type], type]));

// Built from the letters table so a new type cannot be forgotten here. Only Cyrillic letters: a Latin look-alike
// («B» for «В») is a different number and must not match someone else's appeal.
const PATTERN = new RegExp(
  `^([${APPEAL_TYPES.map((type) => APPEAL_TYPE_LETTERS[type]).join('')}])-(\\d{4})-(\\d{6,})$`,
);

/**
 * Formats a registration number: `formatRegistrationNumber('question', 2026, 123)` → `В-2026-000123`.
 * Sequences above 999 999 keep all their digits (`В-2026-1000000`).
 * @throws RangeError for a year outside 1000–9999 or a sequence that is not a positive safe integer.
 */
export function formatRegistrationNumber(type: AppealType, year: number, sequence: number): string {
  const letter = APPEAL_TYPE_LETTERS[type];
  if (!letter) throw new RangeError(`Unknown appeal type: ${JSON.stringify(type)}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Year must have 4 digits: ${year}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new RangeError(`Sequence must be a positive integer: ${sequence}`);
  }
  return `${letter}-${year}-${String(sequence).padStart(6, '0')}`;
}

/**
 * Reads a registration number back into its parts, or returns null when it is not exactly in the
 * `formatRegistrationNumber` form: no surrounding spaces, Cyrillic letter, no extra leading zeros beyond six
 * digits, sequence from 1. Trim user input before calling it.
 */
export function parseRegistrationNumber(value: string): RegistrationNumberParts | null {
  const match = PATTERN.exec(value);
  if (!match) return null;
  const type = TYPE_BY_LETTER.get(match[1] ?? '');
  const year = Number(match[2]);
  const digits = match[3] ?? '';
  const sequence = Number(digits);
  if (!type || year < 1000 || !Number.isSafeInteger(sequence) || sequence < 1) return null;
  // One number, one spelling: `В-2026-0000123` is not a second way to write `В-2026-000123`.
  if (digits.length > 6 && digits.startsWith('0')) return null;
  return { type, year, sequence };
}

/** What a client is told when a number cannot be a registration number at all. */
export const REGISTRATION_NUMBER_FORMAT_MESSAGE = 'Проверьте регистрационный номер: он выглядит так — В-2026-000123';

/** A registration number in the exact `В-2026-000123` form. */
export const RegistrationNumberSchema = z.string().refine((value) => parseRegistrationNumber(value) !== null, {
  error: REGISTRATION_NUMBER_FORMAT_MESSAGE,
});
export type RegistrationNumber = z.output<typeof RegistrationNumberSchema>;

/**
 * Latin letters that look like Cyrillic ones, as people type them on an English keyboard layout or as a phone's
 * autocorrect leaves them. Only the look-alikes: a Latin «D» is not a typing slip for any Cyrillic letter.
 */
const CYRILLIC_LOOK_ALIKES: Readonly<Record<string, string>> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
};

/** Every dash, hyphen and minus sign a keyboard, a word processor or an e-mail client may put in a number. */
const DASHES = /[\u002D\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2796\uFE58\uFE63\uFF0D]/g;
/** Spaces of every width, and the invisible characters copying from a letter can bring along. */
const SPACES = /[\s\u00AD\u200B-\u200D\u2060\uFEFF]+/g;
/** Letter, year and sequence, each dash optional; a short sequence only when a dash sets it apart. */
const LOOSE_PATTERN = /^([А-ЯЁ])-?(\d{4})(?:-(\d{1,6})|-?(\d{6,}))$/;

/**
 * A registration number as a client types it → the canonical `В-2026-000123`, or null when it cannot be one.
 *
 * Forgives what people do when they copy or retype a number: spaces anywhere, any kind of dash or minus
 * (hyphen, en and em dash, the minus sign U+2212…), invisible characters, dashes left out, lower case, Latin
 * look-alikes of the Cyrillic letter («B» for «В», «O» for «О»), full-width digits, a leading «№», and leading
 * zeros dropped from a sequence set apart by a dash (`В-2026-123`). Without that dash a short sequence is refused: `В2026123` is as likely a number with a digit
 * missing. The result is checked by {@link parseRegistrationNumber}, so a letter of no appeal type gives null.
 */
export function normalizeRegistrationNumber(input: string): string | null {
  const compact = input
    // Before NFKC, which spells «№» as «No».
    .replace(/^\s*№/, '')
    .normalize('NFKC')
    .replace(SPACES, '')
    .replace(DASHES, '-')
    .replace(/-+/g, '-')
    .toUpperCase()
    .replace(/[A-Z]/g, (letter) => CYRILLIC_LOOK_ALIKES[letter] ?? letter);
  const match = LOOSE_PATTERN.exec(compact);
  if (!match) return null;
  const [, letter, year, shortSequence, longSequence] = match;
  const sequence = shortSequence !== undefined ? shortSequence.padStart(6, '0') : (longSequence ?? '');
  const canonical = `${letter}-${year}-${sequence}`;
  return parseRegistrationNumber(canonical) ? canonical : null;
}

/**
 * A registration number typed by a client (status lookup): forgiving input, canonical output
 * (see {@link normalizeRegistrationNumber}).
 */
export const TypedRegistrationNumberSchema = z
  .string({ error: 'Укажите регистрационный номер' })
  .max(40, { error: REGISTRATION_NUMBER_FORMAT_MESSAGE })
  .refine((value) => value.trim() !== '', { error: 'Укажите регистрационный номер', abort: true })
  .transform((value, ctx) => {
    const canonical = normalizeRegistrationNumber(value);
    if (canonical === null) {
      ctx.addIssue({ code: 'custom', message: REGISTRATION_NUMBER_FORMAT_MESSAGE });
      return z.NEVER;
    }
    return canonical;
  });
