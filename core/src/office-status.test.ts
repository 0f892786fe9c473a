import { describe, expect, it } from 'vitest';
import { addDays } from './iso-date-math';
import { OfficeScheduleSchema } from './office-hours';
import { calendarDayLists, listedWorkingDays, officeStatusViewsAt, todayNote, weeklyHoursRows, hoursOn, type OfficeHoursPageData } from './office-status';
import { CALENDAR_2026, ProductionCalendar } from './production-calendar';

/*
 * The status a visitor reads, computed the way the site's status script computes it: page data with the
 * production calendar as lists, an instant, the company's time zone. The expected strings are written by hand
 * from the demo office «Заречный» (Mon–Fri 9:00–18:00 with lunch 13:00–13:45, Saturday 10:00–14:00) and the
 * 2026 decree (4 November a holiday, 3 November shortened by an hour).
 */

const productionCalendar = new ProductionCalendar([CALENDAR_2026]);
const weekday = { open: '09:00', close: '18:00', breakStart: '13:00', breakEnd: '13:45' };
const zarechnyy = OfficeScheduleSchema.parse({
  weekly: [...[1, 2, 3, 4, 5].map((day) => ({ weekday: day, ...weekday })), { weekday: 6, open: '10:00', close: '14:00' }],
  exceptions: [{ date: '2026-12-19', hours: { open: '09:00', close: '14:00' }, note: 'дополнительная субботняя смена' }],
});
const noSaturday = OfficeScheduleSchema.parse({
  weekly: [1, 2, 3, 4, 5].map((day) => ({ weekday: day, open: '08:00', close: '17:00', breakStart: '12:00', breakEnd: '12:45' })),
});
const data: OfficeHoursPageData = {
  timeZone: 'Europe/Moscow',
  calendar: calendarDayLists([productionCalendar.year(2026), productionCalendar.year(2027)]),
  offices: { zarechnyy, 'no-saturday': noSaturday },
};
/** The view of an office at a Moscow wall-clock time, e.g. `2026-11-25T10:00`. */
const at = (moscow: string, slug = 'zarechnyy') => officeStatusViewsAt(data, new Date(`${moscow}:00+03:00`))(slug);
const status = (moscow: string, slug?: string) => at(moscow, slug)?.text;

describe('office status at a moment, as the status script shows it', () => {
  it('is open on a working Wednesday morning until the closing time, and names the lunch break ahead', () => {
    expect(status('2026-11-25T10:00')).toBe('Открыто до 18:00 (перерыв с 13:00)');
    expect(status('2026-11-25T14:00')).toBe('Открыто до 18:00');
  });

  it('is on lunch from the start of the break until its last minute', () => {
    expect(status('2026-11-25T13:00')).toBe('Перерыв, откроется в 13:45');
    expect(status('2026-11-25T13:44')).toBe('Перерыв, откроется в 13:45');
    expect(status('2026-11-25T13:45')).toBe('Открыто до 18:00');
  });

  it('is closed before opening and after closing, and says when it opens', () => {
    expect(status('2026-11-25T08:59')).toBe('Закрыто, откроется сегодня в 9:00');
    expect(status('2026-11-25T18:00')).toBe('Закрыто, откроется завтра в 9:00');
  });

  it('on Friday evening sends the visitor to Saturday, or to Monday when there is no Saturday shift', () => {
    expect(status('2026-11-27T18:30')).toBe('Закрыто, откроется завтра в 10:00');
    expect(status('2026-11-27T18:30', 'no-saturday')).toBe('Закрыто, откроется в пн 8:00');
    expect(status('2026-11-28T11:00')).toBe('Открыто до 14:00');
    expect(status('2026-11-29T12:00')).toBe('Закрыто, откроется завтра в 9:00');
  });

  it('is closed on 4 November, a public holiday on a Wednesday in the demo calendar', () => {
    expect(status('2026-11-04T10:00')).toBe('Закрыто, откроется завтра в 9:00');
    expect(at('2026-11-04T10:00')?.note).toBe('Сегодня закрыто: праздничный день');
  });

  it('closes an hour earlier on 3 November, the shortened day before it, and then skips the holiday', () => {
    expect(status('2026-11-03T16:30')).toBe('Открыто до 17:00');
    expect(status('2026-11-03T17:00')).toBe('Закрыто, откроется в чт 9:00');
    expect(at('2026-11-03T10:00')?.note).toBe('Сегодня сокращённый день: 9:00–17:00, перерыв 13:00–13:45');
  });

  it('is closed on Saturday 2 January, a holiday on a weekend, although it works on Saturdays', () => {
    // 3 January is a Sunday, 4–8 January are holidays, Saturday 9 January is an ordinary Saturday.
    expect(status('2027-01-02T11:00')).toBe('Закрыто, откроется в сб, 09.01, в 10:00');
    expect(at('2027-01-02T11:00')?.note).toBe('Сегодня закрыто: праздничный день');
  });

  it('follows a dated extra shift', () => {
    expect(status('2026-12-19T12:00')).toBe('Открыто до 14:00');
    expect(at('2026-12-19T12:00')?.note).toBe('Сегодня: 9:00–14:00 (дополнительная субботняя смена)');
  });

  it('skips the New Year holidays into the next year, from the shipped 2027 forecast', () => {
    // 31 December 2026 is a day off by the decree; 1–8 January 2027 are holidays; Saturday 9 January has a shift.
    expect(status('2026-12-30T18:30')).toBe('Закрыто, откроется в сб, 09.01, в 10:00');
  });

  it('uses the company time zone, whatever the visitor’s clock says', () => {
    // 06:30 UTC is 9:30 in Moscow (and 16:30 in Vladivostok, where the office would look closed).
    expect(officeStatusViewsAt(data, new Date('2026-11-25T06:30:00Z'))('zarechnyy')?.text).toBe('Открыто до 18:00 (перерыв с 13:00)');
  });

  it('names today’s weekday for the table and has no note on an ordinary day', () => {
    expect(at('2026-11-25T10:00')).toMatchObject({ weekday: 3, note: '' });
    expect(at('2026-11-29T10:00')).toMatchObject({ weekday: 7, note: '' });
  });

  it('knows only the offices of the page', () => {
    expect(at('2026-11-25T10:00', 'unknown')).toBeNull();
    expect(at('2026-11-25T10:00', 'constructor')).toBeNull();
  });
});

describe('the calendar a page ships', () => {
  it('answers like the production calendar on every day of the years it was built from', () => {
    const listed = listedWorkingDays(data.calendar);
    for (let date = '2026-01-01'; date < '2028-01-01'; date = addDays(date, 1)) {
      expect(listed.isWorkingDay(date), date).toBe(productionCalendar.isWorkingDay(date));
      expect(listed.isShortDay(date), date).toBe(productionCalendar.isShortDay(date));
    }
  });
});

describe('weekly hours as short lines', () => {
  it('groups days with the same hours, keeps lunch separate and lists days off', () => {
    expect(weeklyHoursRows(zarechnyy.weekly)).toEqual([
      { days: 'пн–пт', daysInFull: 'понедельник — пятница', hours: '9:00–18:00', lunch: '13:00–13:45' },
      { days: 'сб', daysInFull: 'суббота', hours: '10:00–14:00' },
      { days: 'вс', daysInFull: 'воскресенье', hours: null },
    ]);
  });

  it('does not join days that are not next to each other', () => {
    const week = OfficeScheduleSchema.parse({
      weekly: [
        { weekday: 1, open: '08:00', close: '17:00' },
        { weekday: 3, open: '08:00', close: '17:00' },
      ],
    }).weekly;
    expect(weeklyHoursRows(week).map((row) => `${row.days} ${row.hours ?? 'выходной'}`)).toEqual([
      'пн 8:00–17:00',
      'вт выходной',
      'ср 8:00–17:00',
      'чт–вс выходной',
    ]);
  });
});

describe('today’s note', () => {
  it('names a weekend made working by a transfer, with the hours it takes', () => {
    const transfer = listedWorkingDays({ daysOff: [], workingWeekends: ['2027-03-13'], shortDays: [] });
    expect(todayNote(hoursOn(noSaturday, transfer, '2027-03-13'))).toBe('Сегодня рабочий день по переносу: 8:00–17:00, перерыв 12:00–12:45');
  });

  it('is empty on an ordinary day and on a regular day off', () => {
    expect(todayNote(hoursOn(zarechnyy, productionCalendar, '2026-11-25'))).toBe('');
    expect(todayNote(hoursOn(zarechnyy, productionCalendar, '2026-11-29'))).toBe('');
  });
});
