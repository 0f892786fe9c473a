import { describe, expect, it } from 'vitest';
import { CALENDAR_2026, ProductionCalendar } from '@portal/core/production-calendar';
import { defaultDeferralLocal, deferralProblem, localToInstant } from './deferral';

// 2026 as decreed (31 December a day off); 2027 from the Labour Code.
const calendar = new ProductionCalendar([CALENDAR_2026]);

describe('«Отложить до …»', () => {
  it('offers the start of the next working day: Friday evening → Monday 08:00', () => {
    // Friday 4 December 2026, 18:30 in Moscow (UTC+3).
    expect(defaultDeferralLocal(new Date('2026-12-04T15:30:00.000Z'), 'Europe/Moscow', calendar)).toBe('2026-12-07T08:00');
  });
  it('skips the New Year holidays: 30 December 2026 → Monday 11 January 2027 (31 Dec moved day off, 1–8 Jan holidays)', () => {
    expect(defaultDeferralLocal(new Date('2026-12-30T12:00:00.000Z'), 'Europe/Moscow', calendar)).toBe('2027-01-11T08:00');
  });
  it('starts at the operator’s own hour when given, and counts the day in the company’s zone', () => {
    // 23:30 UTC on Monday 7 December is already Tuesday 8 December 02:30 in Moscow: next working day Wednesday.
    expect(defaultDeferralLocal(new Date('2026-12-07T23:30:00.000Z'), 'Europe/Moscow', calendar, 9 * 60 + 30)).toBe('2026-12-09T09:30');
  });
  it('reads the picked time in the company’s zone, not the browser’s', () => {
    expect(localToInstant('2026-12-07T08:00', 'Europe/Moscow')?.toISOString()).toBe('2026-12-07T05:00:00.000Z');
    expect(localToInstant('2026-12-07T08:00', 'Asia/Vladivostok')?.toISOString()).toBe('2026-12-06T22:00:00.000Z');
    expect(localToInstant('2026-13-07T08:00', 'Europe/Moscow')).toBeNull();
    expect(localToInstant('завтра', 'Europe/Moscow')).toBeNull();
  });
  it('refuses a time in the past or more than 30 days ahead', () => {
    const now = new Date('2026-12-07T10:00:00.000Z');
    expect(deferralProblem(new Date('2026-12-07T09:59:00.000Z'), now)).toMatch(/в будущем/);
    expect(deferralProblem(new Date('2027-01-07T10:00:01.000Z'), now)).toMatch(/не более чем на 30 дней/);
    expect(deferralProblem(new Date('2026-12-08T05:00:00.000Z'), now)).toBeNull();
    expect(deferralProblem(null, now)).toMatch(/Укажите/);
  });
});
