import { describe, expect, it } from 'vitest';
import { readingsClosedMessage, readingsWindowState, readingsWindowStateText } from './readings-window';

const STANDARD = { fromDay: 15, toDay: 25 };

describe('readingsWindowState: the day of viewing in the company calendar', () => {
  it.each([
    // instant, time zone, expected state (dates worked out by hand from the calendar)
    ['2026-12-03T10:00:00+03:00', 'Europe/Moscow', { open: false, today: '2026-12-03', nextDay: '2026-12-15' }],
    ['2026-11-26T09:00:00+03:00', 'Europe/Moscow', { open: false, today: '2026-11-26', nextDay: '2026-12-15' }],
    ['2026-12-26T09:00:00+03:00', 'Europe/Moscow', { open: false, today: '2026-12-26', nextDay: '2027-01-15' }],
    ['2026-12-15T00:30:00+03:00', 'Europe/Moscow', { open: true, today: '2026-12-15', lastDay: '2026-12-25' }],
    ['2026-12-25T23:59:00+03:00', 'Europe/Moscow', { open: true, today: '2026-12-25', lastDay: '2026-12-25' }],
    // 23:30 on the 14th in Moscow is already 01:30 on the 15th in Yekaterinburg (UTC+5).
    ['2026-12-14T20:30:00Z', 'Europe/Moscow', { open: false, today: '2026-12-14', nextDay: '2026-12-15' }],
    ['2026-12-14T20:30:00Z', 'Asia/Yekaterinburg', { open: true, today: '2026-12-15', lastDay: '2026-12-25' }],
  ])('%s in %s', (instant, timeZone, expected) => {
    expect(readingsWindowState(new Date(instant), STANDARD, timeZone)).toEqual(expected);
  });

  it('skips window days a month does not have', () => {
    const lateWindow = { fromDay: 29, toDay: 31 };
    // February 2027 has 28 days: no window that month, the next one opens on 29 March.
    expect(readingsWindowState(new Date('2027-02-10T12:00:00+03:00'), lateWindow, 'Europe/Moscow')).toEqual({ open: false, today: '2027-02-10', nextDay: '2027-03-29' });
    // 2028 is a leap year: 29 February exists.
    expect(readingsWindowState(new Date('2028-02-10T12:00:00+03:00'), lateWindow, 'Europe/Moscow')).toEqual({ open: false, today: '2028-02-10', nextDay: '2028-02-29' });
    // November has 30 days: a window to the 31st closes on the 30th.
    expect(readingsWindowState(new Date('2026-11-29T12:00:00+03:00'), lateWindow, 'Europe/Moscow')).toEqual({ open: true, today: '2026-11-29', lastDay: '2026-11-30' });
    // A window of the 31st only: none in November, next on 31 December.
    expect(readingsWindowState(new Date('2026-11-05T12:00:00+03:00'), { fromDay: 31, toDay: 31 }, 'Europe/Moscow')).toEqual({ open: false, today: '2026-11-05', nextDay: '2026-12-31' });
  });
});

describe('what the readings page says before the form', () => {
  const textAt = (instant: string) => readingsWindowStateText(readingsWindowState(new Date(instant), STANDARD, 'Europe/Moscow'), STANDARD);

  it('on a closed day: when reception is and the nearest day', () => {
    expect(textAt('2026-12-03T10:00:00+03:00')).toBe(
      'Сегодня показания не принимаются. Приём показаний — с 15 по 25 число каждого месяца. Ближайший день приёма — 15 декабря.',
    );
  });

  it('names tomorrow as tomorrow, and the year when it is another one', () => {
    expect(textAt('2026-12-14T12:00:00+03:00')).toContain('Ближайший день приёма — завтра, 15 декабря.');
    expect(textAt('2026-12-26T12:00:00+03:00')).toContain('Ближайший день приёма — 15 января 2027 г.');
  });

  it('on an open day: until when', () => {
    expect(textAt('2026-12-20T10:00:00+03:00')).toBe('Сегодня показания принимаются — до 25 декабря включительно.');
  });

  it('the refusal of the server names the nearest day too', () => {
    const state = readingsWindowState(new Date('2026-12-03T10:00:00+03:00'), STANDARD, 'Europe/Moscow');
    expect(readingsClosedMessage(STANDARD, state)).toContain('Показания принимаются с 15 по 25 число каждого месяца. Ближайший день приёма — 15 декабря.');
  });
});
