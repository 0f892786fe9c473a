import { describe, expect, it } from 'vitest';
import { APPEAL_TYPE_LETTERS, APPEAL_TYPES } from './appeal-type';
import { formatRegistrationNumber, parseRegistrationNumber, RegistrationNumberSchema } from './registration-number';

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
