import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  dayOfWeek,
  daysInMonth,
  formatIsoDate,
  fromDayNumber,
  IsoDateSchema,
  isIsoDate,
  isWeekend,
  parseIsoDate,
  toDayNumber,
  yearOf,
} from './iso-date';

describe('parseIsoDate', () => {
  it('splits a real date into numbers', () => {
    expect(parseIsoDate('2026-12-01')).toEqual({ year: 2026, month: 12, day: 1 });
  });

  it('accepts 29 February only in leap years', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
  });

  it.each(['2026-02-30', '2026-13-01', '2026-00-10', '2026-1-01', '26-01-01', '2026-01-01T00:00', ' 2026-01-01', ''])(
    'rejects %j',
    (value) => {
      expect(parseIsoDate(value)).toBeNull();
      expect(IsoDateSchema.safeParse(value).success).toBe(false);
    },
  );

  it('explains a wrong date in Russian', () => {
    const result = IsoDateSchema.safeParse('2026-02-30');
    expect(result.error?.issues[0]?.message).toMatch(/ГГГГ-ММ-ДД/);
  });
});

describe('day arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2026-11-27', 0)).toBe('2026-11-27');
  });

  it('round-trips day numbers, including dates before 1970', () => {
    for (const date of ['1969-12-28', '1970-01-01', '2026-11-27', '2099-12-31']) {
      expect(fromDayNumber(toDayNumber(date))).toBe(date);
    }
    expect(toDayNumber('1970-01-02')).toBe(1);
  });

  it('numbers weekdays Monday = 1 … Sunday = 7', () => {
    expect(dayOfWeek('2026-11-23')).toBe(1);
    expect(dayOfWeek('2026-11-27')).toBe(5);
    expect(dayOfWeek('2026-11-29')).toBe(7);
    expect(dayOfWeek('1969-12-28')).toBe(7);
    expect(isWeekend('2026-11-28')).toBe(true);
    expect(isWeekend('2026-11-27')).toBe(false);
  });

  it('knows month lengths', () => {
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it('refuses malformed input instead of guessing', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-02-01', 1.5)).toThrow(RangeError);
    expect(() => formatIsoDate(2026, 2, 30)).toThrow(RangeError);
    expect(() => yearOf('tomorrow')).toThrow(RangeError);
    expect(formatIsoDate(2026, 3, 9)).toBe('2026-03-09');
  });
});

describe('independence from the machine time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it.each(['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Moscow'])('gives the same answers with TZ=%s', (zone) => {
    process.env.TZ = zone;
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(dayOfWeek('2026-11-27')).toBe(5);
    expect(fromDayNumber(toDayNumber('2026-03-29'))).toBe('2026-03-29');
  });
});
