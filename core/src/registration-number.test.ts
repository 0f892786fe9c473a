import { describe, expect, it } from 'vitest';
import { APPEAL_TYPE_LETTERS, APPEAL_TYPES } from './appeal-type';
import {
  formatRegistrationNumber,
  normalizeRegistrationNumber,
  parseRegistrationNumber,
  RegistrationNumberSchema,
  TypedRegistrationNumberSchema,
} from './registration-number';

describe('formatRegistrationNumber', () => {
  it('writes letter, year and a six-digit sequence', () => {
    expect(formatRegistrationNumber('question', 2026, 123)).toBe('В-2026-000123');
    expect(formatRegistrationNumber('complaint', 2027, 1)).toBe('Ж-2027-000001');
  });

  it('uses the Cyrillic letter of each type', () => {
    expect(APPEAL_TYPES.map((type) => formatRegistrationNumber(type, 2026, 7).charAt(0))).toEqual([
      'В',
      'З',
      'Ж',
      'О',
      'П',
      'Э',
    ]);
    for (const letter of Object.values(APPEAL_TYPE_LETTERS)) expect(letter).toMatch(/^[А-ЯЁ]$/);
    expect(new Set(Object.values(APPEAL_TYPE_LETTERS)).size).toBe(APPEAL_TYPES.length);
  });

  it('keeps every digit once the sequence outgrows six', () => {
    expect(formatRegistrationNumber('question', 2026, 999_999)).toBe('В-2026-999999');
    expect(formatRegistrationNumber('question', 2026, 1_000_000)).toBe('В-2026-1000000');
  });

  it.each([
    [2026, 0],
    [2026, -1],
    [2026, 1.5],
    [26, 1],
    [20260, 1],
  ])('refuses year %d with sequence %d', (year, sequence) => {
    expect(() => formatRegistrationNumber('question', year, sequence)).toThrow(RangeError);
  });
});

describe('parseRegistrationNumber', () => {
  it('reads back what format writes, for every type', () => {
    for (const type of APPEAL_TYPES) {
      for (const sequence of [1, 123, 999_999, 1_234_567]) {
        expect(parseRegistrationNumber(formatRegistrationNumber(type, 2026, sequence))).toEqual({
          type,
          year: 2026,
          sequence,
        });
      }
    }
  });

  it.each([
    ['B-2026-000123', 'Latin B instead of Cyrillic В'],
    ['O-2026-000123', 'Latin O instead of Cyrillic О'],
    ['в-2026-000123', 'lower-case letter'],
    ['Х-2026-000123', 'a letter of no appeal type'],
    [' В-2026-000123', 'leading space'],
    ['В-2026-000123 ', 'trailing space'],
    ['В-2026-00123', 'five digits'],
    ['В-2026-000000', 'sequence zero'],
    ['В-2026-0000123', 'extra leading zero'],
    ['В–2026–000123', 'en dashes'],
    ['В-26-000123', 'two-digit year'],
    ['В2026000123', 'no hyphens'],
    ['', 'empty'],
  ])('returns null for %j (%s)', (value) => {
    expect(parseRegistrationNumber(value)).toBeNull();
    expect(RegistrationNumberSchema.safeParse(value).success).toBe(false);
  });

  it('explains a wrong number in Russian with an example', () => {
    expect(RegistrationNumberSchema.safeParse('B-2026-000123').error?.issues[0]?.message).toMatch(
      /^Проверьте регистрационный номер.*В-2026-000123$/,
    );
    expect(RegistrationNumberSchema.parse('Э-2026-000042')).toBe('Э-2026-000042');
  });
});

describe('normalizeRegistrationNumber: a number as a client types it', () => {
  // Expected values are written out by hand: the Cyrillic letter, a hyphen-minus, four digits of the year, a
  // hyphen-minus, six digits of the sequence.
  it.each([
    ['В-2026-000123', 'В-2026-000123', 'already canonical (Cyrillic В)'],
    ['B-2026-000123', 'В-2026-000123', 'Latin capital B'],
    ['b-2026-000123', 'В-2026-000123', 'Latin small b'],
    ['в-2026-000123', 'В-2026-000123', 'Cyrillic small в'],
    ['O-2026-000007', 'О-2026-000007', 'Latin O for the feedback letter'],
    ['o-2026-000007', 'О-2026-000007', 'Latin small o'],
    ['п-2026-000042', 'П-2026-000042', 'lower-case readings letter'],
    ['ж-2026-000001', 'Ж-2026-000001', 'lower-case complaint letter'],
    ['з-2027-000500', 'З-2027-000500', 'lower-case application letter'],
    ['э-2026-000010', 'Э-2026-000010', 'lower-case e-mail letter'],
    ['  В-2026-000123  ', 'В-2026-000123', 'spaces around'],
    ['В 2026 000123', 'В-2026-000123', 'spaces instead of dashes'],
    ['В - 2026 - 000 123', 'В-2026-000123', 'spaces around dashes and inside the sequence'],
    ['В\u00a02026\u00a0000123', 'В-2026-000123', 'no-break spaces'],
    ['В\u20132026\u2013000123', 'В-2026-000123', 'en dashes'],
    ['В\u20142026\u2014000123', 'В-2026-000123', 'em dashes'],
    ['В\u22122026\u2212000123', 'В-2026-000123', 'minus signs'],
    ['В\u20102026\u2011000123', 'В-2026-000123', 'Unicode hyphen and non-breaking hyphen'],
    ['В--2026--000123', 'В-2026-000123', 'doubled dashes'],
    ['В2026000123', 'В-2026-000123', 'no dashes at all'],
    ['В-2026000123', 'В-2026-000123', 'the second dash missing'],
    ['В2026-000123', 'В-2026-000123', 'the first dash missing'],
    ['b2026000123', 'В-2026-000123', 'Latin small b and no dashes'],
    ['В-2026-123', 'В-2026-000123', 'leading zeros dropped after a dash'],
    ['В-2026-1', 'В-2026-000001', 'a one-digit sequence after a dash'],
    ['В-2026-1000000', 'В-2026-1000000', 'a seven-digit sequence'],
    ['В20261000000', 'В-2026-1000000', 'a seven-digit sequence without dashes'],
    ['№ В-2026-000123', 'В-2026-000123', 'a leading numero sign'],
    ['В-２０２６-０００１２３', 'В-2026-000123', 'full-width digits'],
    ['В-2026-000\u200b123', 'В-2026-000123', 'a zero-width space from a copied letter'],
  ])('%j → %j (%s)', (typed, expected) => {
    const unescaped = JSON.parse(`"${typed}"`) as string;
    expect(normalizeRegistrationNumber(unescaped)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['В', 'the letter alone'],
    ['D-2026-000123', 'a Latin letter with no Cyrillic look-alike'],
    ['Х-2026-000123', 'a Cyrillic letter of no appeal type'],
    ['X-2026-000123', 'a Latin look-alike of a letter of no appeal type'],
    ['2026-000123', 'no letter'],
    ['В2026123', 'a short sequence without a dash: as likely a digit missing'],
    ['В-26-000123', 'a two-digit year'],
    ['В-2026-000000', 'sequence zero'],
    ['В-2026-0000123', 'an extra leading zero'],
    ['В-2026-00012A', 'a letter in the sequence'],
    ['ВВ-2026-000123', 'two letters'],
  ])('gives null for %j (%s)', (typed) => {
    expect(normalizeRegistrationNumber(typed)).toBeNull();
  });

  it('is what the status lookup accepts: the canonical number, or a Russian message with an example', () => {
    expect(TypedRegistrationNumberSchema.parse('b 2026 000123')).toBe('В-2026-000123');
    expect(TypedRegistrationNumberSchema.safeParse('D-2026-000123').error?.issues[0]?.message).toBe('Проверьте регистрационный номер: он выглядит так — В-2026-000123');
    expect(TypedRegistrationNumberSchema.safeParse('   ').error?.issues[0]?.message).toBe('Укажите регистрационный номер');
  });
});
