import { describe, expect, it } from 'vitest';
import { importDateFNSLocale } from '@payloadcms/translations';
import { formatDate } from '@payloadcms/ui/shared';
import { formatStaffDate, formatStaffDateTime, moscowZoneLabel, pinProcessTimeZone, STAFF_BROWSER_DATE_FNS_PATTERN } from './staff-dates';

describe('the admin date format', () => {
  it('writes an instant in Moscow time in Russian words with the zone', () => {
    expect(formatStaffDateTime('2026-12-07T02:31:00.000Z', 'Europe/Moscow')).toBe('7 декабря 2026, 05:31 МСК');
    expect(formatStaffDateTime(new Date('2026-03-01T09:05:59.999Z'), 'Europe/Moscow')).toBe('1 марта 2026, 12:05 МСК');
  });

  it('puts a UTC instant just before midnight on the next Moscow day', () => {
    // 22:30 UTC on 31 December is 01:30 on 1 January in Moscow (UTC+3).
    expect(formatStaffDateTime('2026-12-31T22:30:00Z', 'Europe/Moscow')).toBe('1 января 2027, 01:30 МСК');
    // 20:59 UTC is still 23:59 the same day.
    expect(formatStaffDateTime('2026-12-31T20:59:00Z', 'Europe/Moscow')).toBe('31 декабря 2026, 23:59 МСК');
  });

  it('names other Russian zones relative to Moscow', () => {
    expect(moscowZoneLabel('Asia/Yekaterinburg', new Date('2026-12-07T00:00:00Z'))).toBe('МСК+2');
    expect(moscowZoneLabel('Europe/Kaliningrad', new Date('2026-12-07T00:00:00Z'))).toBe('МСК−1');
    expect(formatStaffDateTime('2026-12-07T02:31:00Z', 'Asia/Vladivostok')).toBe('7 декабря 2026, 12:31 МСК+7');
  });

  it('writes a calendar date without the year abbreviation', () => {
    expect(formatStaffDate('2026-12-09')).toBe('9 декабря 2026');
  });

  it('gives nothing for an empty or unreadable value', () => {
    expect(formatStaffDateTime(null)).toBe('');
    expect(formatStaffDateTime('not a date')).toBe('');
  });

  it('writes a late-evening UTC instant as the next Moscow day, as the list cells show it', () => {
    // 21:30 UTC + 3 h = 00:30 on 8 December in Moscow.
    expect(formatStaffDateTime('2026-12-07T21:30:00Z', 'Europe/Moscow')).toBe('8 декабря 2026, 00:30 МСК');
  });

  it('gives Payload a pattern that names the browser\'s own offset, never «МСК»', async () => {
    const i18n = { dateFNS: await importDateFNSLocale('ru'), t: (key: string) => key } as never;
    // Payload formats in the browser's zone; `timezone` stands in for a browser in Vladivostok (UTC+10) and Moscow.
    expect(formatDate({ date: '2026-12-07T21:30:00.000Z', i18n, pattern: STAFF_BROWSER_DATE_FNS_PATTERN, timezone: 'Asia/Vladivostok' })).toBe('8 декабря 2026, 07:30 UTC+10:00');
    expect(formatDate({ date: '2026-12-07T21:30:00.000Z', i18n, pattern: STAFF_BROWSER_DATE_FNS_PATTERN, timezone: 'Europe/Moscow' })).toBe('8 декабря 2026, 00:30 UTC+03:00');
  });

  it('pins the process to the zone the environment names, Moscow otherwise', () => {
    const named: { TZ?: string } = { TZ: 'Asia/Yekaterinburg' };
    expect(pinProcessTimeZone(named)).toBe('Asia/Yekaterinburg');
    const unset: { TZ?: string } = {};
    expect(pinProcessTimeZone(unset)).toBe('Europe/Moscow');
    expect(unset.TZ).toBe('Europe/Moscow');
    expect(pinProcessTimeZone({ TZ: 'Nowhere/City' })).toBe('Europe/Moscow');
  });
});
