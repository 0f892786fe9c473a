import { describe, expect, it } from 'vitest';
import { statusLine } from './status-line';

const schedule = {
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '09:00', close: '18:00', breakStart: '13:00', breakEnd: '13:45' })),
  exceptions: [],
  followsProductionCalendar: true,
  shortDayMinutes: 60,
};
// Monday 7 December 2026; Moscow is UTC+3 all year.
const at = (utc: string) => new Date(`2026-12-07T${utc}Z`);

describe('status line of a hit', () => {
  it('says until when an office is open, and when it opens next', () => {
    expect(statusLine({ kind: 'hours', schedule }, at('07:00:00'))).toBe('Открыто до 18:00 (перерыв с 13:00)');
    expect(statusLine({ kind: 'hours', schedule }, at('11:00:00'))).toBe('Открыто до 18:00');
    expect(statusLine({ kind: 'hours', schedule }, at('10:10:00'))).toBe('Перерыв, откроется в 13:45');
    expect(statusLine({ kind: 'hours', schedule }, at('16:00:00'))).toBe('Закрыто, откроется завтра в 9:00');
  });

  it('gives an outage its kind and period', () => {
    expect(statusLine({ kind: 'period', label: 'Плановое отключение', text: '3 декабря с 9:00 до 17:00' }, at('07:00:00'))).toBe(
      'Плановое отключение: 3 декабря с 9:00 до 17:00',
    );
  });

  it('says whether a tariff period is in force, past or to come', () => {
    const instant = at('07:00:00');
    expect(statusLine({ kind: 'validity', from: '2026-10-01', to: '2026-12-31' }, instant)).toBe('Действует сейчас, до 31 декабря 2026 г.');
    expect(statusLine({ kind: 'validity', from: '2027-01-01', to: '2027-06-30' }, instant)).toBe('Будет действовать с 1 января 2027 г.');
    expect(statusLine({ kind: 'validity', from: '2026-01-01', to: '2026-09-30' }, instant)).toBe('Действовал до 30 сентября 2026 г.');
  });

  it('has no line for other hits', () => {
    expect(statusLine(undefined, at('07:00:00'))).toBeUndefined();
  });
});

describe('status line: edges of days and periods', () => {
  it('counts the first and the last day of a tariff period, in Moscow time, as in force', () => {
    // 22:00 UTC on 6 December is 01:00 on 7 December in Moscow.
    const justAfterMidnight = new Date('2026-12-06T22:00:00Z');
    expect(statusLine({ kind: 'validity', from: '2026-12-07', to: '2026-12-31' }, justAfterMidnight)).toBe('Действует сейчас, до 31 декабря 2026 г.');
    expect(statusLine({ kind: 'validity', from: '2026-07-01', to: '2026-12-07' }, at('20:00:00'))).toBe('Действует сейчас, до 7 декабря 2026 г.');
  });

  it('keeps an office closed on a statutory holiday that falls on a weekday', () => {
    // Wednesday 4 November 2026 (Unity Day), 10:00 in Moscow; Thursday 5 November is a working day.
    expect(statusLine({ kind: 'hours', schedule }, new Date('2026-11-04T07:00:00Z'))).toBe('Закрыто, откроется завтра в 9:00');
  });
});
