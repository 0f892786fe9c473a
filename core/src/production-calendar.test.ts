import { describe, expect, it } from 'vitest';
import { addDays } from './iso-date';
import {
  CALENDAR_2026,
  CalendarYearSchema,
  type CalendarYearInput,
  ProductionCalendar,
  statutoryCalendarYear,
} from './production-calendar';

const calendar = new ProductionCalendar([CALENDAR_2026]);

/** Every date from `from` to `to`, both included. */
function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

function messagesOf(input: CalendarYearInput): string[] {
  const result = CalendarYearSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('CALENDAR_2026 (decree № 1466 of 24.09.2025)', () => {
  it('has 247 working days', () => {
    expect(calendar.workingDaysInYear(2026)).toBe(247);
  });

  it('is confirmed and names its decree', () => {
    expect(calendar.isConfirmed(2026)).toBe(true);
    expect(CALENDAR_2026.decree).toContain('1466');
  });

  it.each([
    ['2026-01-01', '2026-01-11'],
    ['2026-02-21', '2026-02-23'],
    ['2026-03-07', '2026-03-09'],
    ['2026-05-01', '2026-05-03'],
    ['2026-05-09', '2026-05-11'],
    ['2026-06-12', '2026-06-14'],
    ['2026-11-04', '2026-11-04'],
    ['2026-12-31', '2026-12-31'],
  ])('rests from %s to %s and works on the days around', (from, to) => {
    for (const date of datesBetween(from, to)) expect(calendar.isWorkingDay(date), date).toBe(false);
    if (from !== '2026-01-01') expect(calendar.isWorkingDay(addDays(from, -1))).toBe(true);
    if (to !== '2026-12-31') expect(calendar.isWorkingDay(addDays(to, 1))).toBe(true);
  });

  it('moves 3 January to Friday 9 January and 4 January to Thursday 31 December', () => {
    expect(calendar.isWorkingDay('2026-01-09')).toBe(false);
    expect(calendar.isWorkingDay('2026-12-31')).toBe(false);
    expect(calendar.isWorkingDay('2026-12-30')).toBe(true);
  });

  it('shortens 30 April, 8 May, 11 June and 3 November only', () => {
    const short = datesBetween('2026-01-01', '2026-12-31').filter((date) => calendar.isShortDay(date));
    expect(short).toEqual(['2026-04-30', '2026-05-08', '2026-06-11', '2026-11-03']);
  });

  it('differs from the bare Labour Code rule only by the two January transfers', () => {
    const statutory = statutoryCalendarYear(2026);
    const decreeOnly = CALENDAR_2026.holidays.filter((date) => !statutory.holidays.includes(date));
    const statutoryOnly = statutory.holidays.filter((date) => !CALENDAR_2026.holidays.includes(date));
    expect(decreeOnly).toEqual(['2026-01-09', '2026-12-31']);
    expect(statutoryOnly).toEqual([]);
  });
});

describe('statutoryCalendarYear', () => {
  const year2027 = statutoryCalendarYear(2027);
  const statutory = new ProductionCalendar();

  it('is marked unconfirmed', () => {
    expect(year2027.confirmed).toBe(false);
    expect(statutory.isConfirmed(2027)).toBe(false);
  });

  it('keeps weekday January holidays and does not move the ones on a weekend', () => {
    // 1 January 2027 is a Friday; 2–3 January fall on the weekend and stay there without a decree.
    expect(year2027.holidays.filter((date) => date < '2027-02-01')).toEqual([
      '2027-01-01',
      '2027-01-04',
      '2027-01-05',
      '2027-01-06',
      '2027-01-07',
      '2027-01-08',
    ]);
    expect(statutory.isWorkingDay('2027-01-11')).toBe(true);
  });

  it('moves a holiday on a weekend to the next working day', () => {
    // 1 May 2027 is a Saturday, 9 May a Sunday, 12 June a Saturday.
    expect(year2027.holidays).toEqual(expect.arrayContaining(['2027-05-03', '2027-05-10', '2027-06-14']));
    expect(statutory.isWorkingDay('2027-05-04')).toBe(true);
    // Holidays on weekdays stay put.
    expect(year2027.holidays).toEqual(expect.arrayContaining(['2027-02-23', '2027-03-08', '2027-11-04']));
  });

  it('lists only weekday days off and passes its own schema', () => {
    expect(year2027.holidays.every((date) => ![0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay()))).toBe(true);
    expect(CalendarYearSchema.safeParse(year2027).success).toBe(true);
    expect(year2027.holidays).toHaveLength(12);
    expect(statutory.workingDaysInYear(2027)).toBe(249);
  });

  it('shortens the working day right before each holiday, including 31 December', () => {
    // 7 March 2027 is a Sunday and 8 May a Saturday, so nothing is shortened before 8 March and 9 May.
    expect(year2027.shortDays).toEqual(['2027-02-22', '2027-04-30', '2027-06-11', '2027-11-03', '2027-12-31']);
  });

  it('matches the decree years outside January (2022: 1 May and 12 June on Sundays)', () => {
    const year2022 = statutoryCalendarYear(2022);
    expect(year2022.holidays.filter((date) => date > '2022-01-31')).toEqual([
      '2022-02-23',
      '2022-03-08',
      '2022-05-02',
      '2022-05-09',
      '2022-06-13',
      '2022-11-04',
    ]);
  });

  it('refuses years before the current holiday list', () => {
    expect(() => statutoryCalendarYear(2012)).toThrow(RangeError);
    expect(() => statutoryCalendarYear(2026.5)).toThrow(RangeError);
  });
});

describe('ProductionCalendar arithmetic', () => {
  it('counts working days from the next working day: Friday + 2 is Tuesday', () => {
    expect(calendar.addWorkingDays('2026-11-27', 1)).toBe('2026-11-30');
    expect(calendar.addWorkingDays('2026-11-27', 2)).toBe('2026-12-01');
    expect(calendar.addWorkingDays('2026-11-28', 2)).toBe('2026-12-01');
  });

  it('crosses New Year into a statutory year', () => {
    expect(calendar.nextWorkingDay('2026-12-30')).toBe('2027-01-11');
    expect(calendar.addWorkingDays('2026-12-30', 2)).toBe('2027-01-12');
    expect(calendar.isConfirmed(2027)).toBe(false);
  });

  it('skips holidays inside the count', () => {
    // 30 April (Thu) → 4 May (Mon), 5 May, 6 May …; 1–3 May rest.
    expect(calendar.addWorkingDays('2026-04-30', 1)).toBe('2026-05-04');
    expect(calendar.addWorkingDays('2026-05-08', 1)).toBe('2026-05-12');
  });

  it('counts back with a negative n and rolls forward with n = 0', () => {
    expect(calendar.addWorkingDays('2026-12-01', -2)).toBe('2026-11-27');
    expect(calendar.previousWorkingDay('2027-01-11')).toBe('2026-12-30');
    expect(calendar.addWorkingDays('2026-11-28', 0)).toBe('2026-11-30');
    expect(calendar.addWorkingDays('2026-11-27', 0)).toBe('2026-11-27');
  });

  it('falls back to the statutory rule for a missing year', () => {
    expect(calendar.year(2027)).toEqual(statutoryCalendarYear(2027));
    expect(calendar.year(2026)).toEqual(CALENDAR_2026);
    // Without the decree, 9 January 2026 would be a working Friday.
    expect(new ProductionCalendar().isWorkingDay('2026-01-09')).toBe(true);
  });

  it('works on a Saturday a transfer makes working', () => {
    const withTransfer = new ProductionCalendar([
      { ...CALENDAR_2026, workingWeekends: ['2026-11-28'], shortDays: [...CALENDAR_2026.shortDays, '2026-11-28'] },
    ]);
    expect(withTransfer.isWorkingDay('2026-11-28')).toBe(true);
    expect(withTransfer.isShortDay('2026-11-28')).toBe(true);
    expect(withTransfer.workingDaysInYear(2026)).toBe(248);
    expect(withTransfer.addWorkingDays('2026-11-27', 2)).toBe('2026-11-30');
  });

  it('rests on regional holidays', () => {
    const regional = new ProductionCalendar([{ ...CALENDAR_2026, regionalHolidays: ['2026-09-21'] }]);
    expect(regional.isWorkingDay('2026-09-21')).toBe(false);
    expect(regional.workingDaysInYear(2026)).toBe(246);
  });

  it('refuses a year listed twice', () => {
    expect(() => new ProductionCalendar([CALENDAR_2026, CALENDAR_2026])).toThrow(/twice/);
  });

  it('refuses a malformed date', () => {
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(RangeError);
  });
});

describe('ProductionCalendar.workingDaysBetween', () => {
  it('counts the working days left until a later date, the later date included', () => {
    // Thursday 26 November → Monday 30 November: Friday 27 and Monday 30.
    expect(calendar.workingDaysBetween('2026-11-26', '2026-11-30')).toBe(2);
    // Monday 2 → Friday 6 November: Tuesday 3, Thursday 5, Friday 6 (Wednesday 4 is a holiday).
    expect(calendar.workingDaysBetween('2026-11-02', '2026-11-06')).toBe(3);
    expect(calendar.workingDaysBetween('2026-11-27', '2026-11-27')).toBe(0);
  });

  it('counts the working days passed since an earlier date as a negative number', () => {
    // Friday 27 November seen on Monday 30: one working day (the Monday) has passed.
    expect(calendar.workingDaysBetween('2026-11-30', '2026-11-27')).toBe(-1);
    // Seen on Sunday 29: the weekend only, no working day has passed yet.
    expect(calendar.workingDaysBetween('2026-11-29', '2026-11-27')).toBe(0);
    // 30 December 2026 → 12 January 2027: 31 December and 1–10 January rest; 11 and 12 January work.
    expect(calendar.workingDaysBetween('2026-12-30', '2027-01-12')).toBe(2);
  });
});

describe('CalendarYearSchema', () => {
  const valid: CalendarYearInput = { year: 2026, confirmed: true, holidays: ['2026-01-01'] };

  it('defaults the optional lists to empty', () => {
    expect(CalendarYearSchema.parse(valid)).toEqual({ ...valid, workingWeekends: [], shortDays: [] });
  });

  it('rejects a day off on a weekend, since it is off anyway', () => {
    expect(messagesOf({ ...valid, holidays: ['2026-01-03'] })).toEqual([
      '2026-01-03 — суббота, этот день и так выходной, указывать его не нужно',
    ]);
    expect(messagesOf({ ...valid, regionalHolidays: ['2026-01-04'] })[0]).toMatch(/воскресенье/);
  });

  it('rejects a weekday among working weekends', () => {
    expect(messagesOf({ ...valid, workingWeekends: ['2026-11-27'] })[0]).toMatch(/будний день/);
  });

  it('rejects a date of another year', () => {
    expect(messagesOf({ ...valid, holidays: ['2027-01-01'] })[0]).toMatch(/другому году/);
  });

  it('rejects a date listed twice', () => {
    expect(messagesOf({ ...valid, holidays: ['2026-01-01', '2026-01-01'] })).toEqual([
      'Дата 2026-01-01 указана дважды',
    ]);
  });

  it('rejects a shortened day that is not a working day', () => {
    expect(messagesOf({ ...valid, shortDays: ['2026-01-01'] })[0]).toMatch(/нерабочий день/);
    expect(messagesOf({ ...valid, shortDays: ['2026-11-28'] })[0]).toMatch(/нерабочий день/);
    expect(messagesOf({ ...valid, workingWeekends: ['2026-11-28'], shortDays: ['2026-11-28'] })).toEqual([]);
  });

  it('rejects impossible dates', () => {
    expect(CalendarYearSchema.safeParse({ ...valid, holidays: ['2026-02-30'] }).success).toBe(false);
  });
});
