import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIME_ZONE,
  formatRussianDate,
  formatRussianDateTime,
  isValidTimeZone,
  TimeZoneSchema,
  toLocalDateTime,
  toLocalIsoDate,
  toLocalIsoDateTime,
} from './time-zone';

describe('local date and time of an instant', () => {
  // Thursday 26 November 2026, 21:30 UTC.
  const instant = new Date('2026-11-26T21:30:00Z');

  it('uses Moscow time by default (UTC+3): already Friday there', () => {
    expect(DEFAULT_TIME_ZONE).toBe('Europe/Moscow');
    expect(toLocalDateTime(instant)).toEqual({ date: '2026-11-27', time: '00:30:00', minutesOfDay: 30 });
  });

  it('gives each zone its own calendar date', () => {
    expect(toLocalIsoDate(instant, 'Europe/Kaliningrad')).toBe('2026-11-26');
    expect(toLocalIsoDateTime(instant, 'Asia/Vladivostok')).toBe('2026-11-27T07:30:00');
    expect(toLocalIsoDateTime(instant, 'UTC')).toBe('2026-11-26T21:30:00');
  });

  it('writes midnight as 00, never 24', () => {
    const midnight = toLocalDateTime(new Date('2026-11-26T21:00:00Z'), 'Europe/Moscow');
    expect(midnight.time).toBe('00:00:00');
    expect(midnight.minutesOfDay).toBe(0);
  });

  it('follows daylight saving time where a zone has it', () => {
    expect(toLocalIsoDateTime(new Date('2026-07-01T12:00:00Z'), 'Europe/Berlin')).toBe('2026-07-01T14:00:00');
    expect(toLocalIsoDateTime(new Date('2026-12-01T12:00:00Z'), 'Europe/Berlin')).toBe('2026-12-01T13:00:00');
  });

  it('refuses an invalid instant or zone', () => {
    expect(() => toLocalDateTime(new Date('not a date'))).toThrow(RangeError);
    expect(() => toLocalDateTime(instant, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('TimeZoneSchema', () => {
  it('accepts IANA names and defaults to Moscow', () => {
    expect(isValidTimeZone('Asia/Yekaterinburg')).toBe(true);
    expect(TimeZoneSchema.parse(undefined)).toBe('Europe/Moscow');
    expect(TimeZoneSchema.parse(' Asia/Omsk ')).toBe('Asia/Omsk');
  });

  it('rejects unknown names with a Russian hint', () => {
    expect(isValidTimeZone('Moscow')).toBe(false);
    expect(TimeZoneSchema.safeParse('Moscow').error?.issues[0]?.message).toMatch(/Europe\/Moscow/);
  });
});

describe('formatRussianDate', () => {
  it('writes the day, the month in the genitive and the year', () => {
    expect(formatRussianDate('2026-12-01')).toBe('1 декабря 2026 г.');
    expect(formatRussianDate('2027-01-11')).toBe('11 января 2027 г.');
    expect(formatRussianDate('2026-05-31')).toBe('31 мая 2026 г.');
  });

  it('names every month', () => {
    const months = Array.from(
      { length: 12 },
      (_, index) => formatRussianDate(`2026-${String(index + 1).padStart(2, '0')}-15`).split(' ')[1],
    );
    expect(months).toEqual([
      'января',
      'февраля',
      'марта',
      'апреля',
      'мая',
      'июня',
      'июля',
      'августа',
      'сентября',
      'октября',
      'ноября',
      'декабря',
    ]);
  });

  it('adds the weekday on request', () => {
    expect(formatRussianDate('2026-12-01', { weekday: true })).toBe('вторник, 1 декабря 2026 г.');
    expect(formatRussianDate('2026-11-29', { weekday: true })).toBe('воскресенье, 29 ноября 2026 г.');
  });

  it('writes a local date-time with the hour without a leading zero', () => {
    expect(formatRussianDateTime('2027-01-11T08:00')).toBe('11 января 2027 г. в 8:00');
    expect(formatRussianDateTime('2026-12-01T16:45:10')).toBe('1 декабря 2026 г. в 16:45');
  });

  it('refuses malformed input', () => {
    expect(() => formatRussianDate('01.12.2026')).toThrow(RangeError);
    expect(() => formatRussianDateTime('2026-12-01 08:00')).toThrow(RangeError);
    expect(() => formatRussianDateTime('2026-12-01T25:00')).toThrow(RangeError);
  });
});
