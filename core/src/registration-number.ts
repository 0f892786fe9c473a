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

/** A registration number in the exact `В-2026-000123` form. */
export const RegistrationNumberSchema = z.string().refine((value) => parseRegistrationNumber(value) !== null, {
  error: 'Проверьте регистрационный номер: он выглядит так — В-2026-000123',
});
export type RegistrationNumber = z.output<typeof RegistrationNumberSchema>;
