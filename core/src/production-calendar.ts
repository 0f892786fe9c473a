import { z } from 'zod';
import { addDays, dayOfWeek, formatIsoDate, IsoDateSchema, isWeekend, toDayNumber, yearOf } from './iso-date';
import { STATUTORY_HOLIDAYS } from './statutory-holidays';

/**
 * The Russian production calendar (производственный календарь) for a five-day week: which days are
 * working, which are days off, and which working days are one hour shorter. Every "N working days"
 * deadline in the portal is counted with it.
 *
 * A year is stored as exceptions to the plain Monday–Friday week, the way the government decree lists them.
 */

/** First year for which the current wording of Labour Code art. 112 (holidays 1–6 and 8 January…) applies. */
export const STATUTORY_RULE_SINCE = 2013;

const WEEKEND_NAMES: Record<number, string> = { 6: 'суббота', 7: 'воскресенье' };

/** One year of the production calendar, as an editor keeps it in the CMS. */
export const CalendarYearSchema = z
  .object({
    /** Calendar year, e.g. 2026. */
    year: z.number().int().min(STATUTORY_RULE_SINCE).max(2200),
    /** True once the government decree for the year is published and entered; false for a forecast. */
    confirmed: z.boolean(),
    /** The decree the year follows, e.g. «Постановление Правительства РФ № 1466 от 24.09.2025». */
    decree: z.string().trim().max(300).optional(),
    /** Days off that fall on Monday–Friday: holidays and the days off moved onto weekdays. */
    holidays: z.array(IsoDateSchema),
    /** Saturdays and Sundays that became working days because a day off was moved. Default: none. */
    workingWeekends: z.array(IsoDateSchema).default([]),
    /** Shortened (by one hour) working days before a holiday. Default: none. */
    shortDays: z.array(IsoDateSchema).default([]),
    /** Extra days off on weekdays set by the region's own law (some republics have them). */
    regionalHolidays: z.array(IsoDateSchema).optional(),
  })
  .superRefine((value, ctx) => {
    const lists = ['holidays', 'workingWeekends', 'shortDays', 'regionalHolidays'] as const;
    for (const list of lists) {
      const seen = new Set<string>();
      (value[list] ?? []).forEach((date, index) => {
        const path = [list, index];
        if (!IsoDateSchema.safeParse(date).success) return; // already reported by the element schema
        if (yearOf(date) !== value.year) {
          ctx.addIssue({ code: 'custom', path, message: `Дата ${date} относится к другому году, не к ${value.year}` });
        }
        if (seen.has(date)) ctx.addIssue({ code: 'custom', path, message: `Дата ${date} указана дважды` });
        seen.add(date);
        const weekendName = WEEKEND_NAMES[dayOfWeek(date)];
        if ((list === 'holidays' || list === 'regionalHolidays') && weekendName) {
          ctx.addIssue({
            code: 'custom',
            path,
            message: `${date} — ${weekendName}, этот день и так выходной, указывать его не нужно`,
          });
        }
        if (list === 'workingWeekends' && !weekendName) {
          ctx.addIssue({
            code: 'custom',
            path,
            message: `${date} — будний день; в рабочие выходные можно указать только субботу или воскресенье`,
          });
        }
      });
    }
    const daysOff = new Set([...value.holidays, ...(value.regionalHolidays ?? [])]);
    value.shortDays.forEach((date, index) => {
      if (!IsoDateSchema.safeParse(date).success) return;
      const working = daysOff.has(date) ? false : !isWeekend(date) || value.workingWeekends.includes(date);
      if (!working) {
        ctx.addIssue({
          code: 'custom',
          path: ['shortDays', index],
          message: `${date} — нерабочий день, сокращённым может быть только рабочий день`,
        });
      }
    });
  });
export type CalendarYear = z.output<typeof CalendarYearSchema>;
export type CalendarYearInput = z.input<typeof CalendarYearSchema>;

/**
 * 2026 under Government decree № 1466 of 24.09.2025: 3 January moved to Friday 9 January and 4 January to
 * Thursday 31 December. Non-working periods: 1–11 Jan, 21–23 Feb, 7–9 Mar, 1–3 May, 9–11 May, 12–14 Jun,
 * 4 Nov, 31 Dec. Only the weekday days off are listed; 247 working days in a five-day week.
 */
export const CALENDAR_2026: CalendarYear = CalendarYearSchema.parse({
  year: 2026,
  confirmed: true,
  decree: 'Постановление Правительства РФ № 1466 от 24.09.2025',
  holidays: [
    // 1–11 January: Thu 1, Fri 2, Mon 5 – Thu 8, Fri 9 (moved from Sat 3 Jan); 3–4 and 10–11 are weekends.
    '2026-01-01',
    '2026-01-02',
    '2026-01-05',
    '2026-01-06',
    '2026-01-07',
    '2026-01-08',
    '2026-01-09',
    '2026-02-23', // 21–23 February
    '2026-03-09', // 7–9 March: 8 March is a Sunday, moved to Monday
    '2026-05-01', // 1–3 May
    '2026-05-11', // 9–11 May: 9 May is a Saturday, moved to Monday
    '2026-06-12', // 12–14 June
    '2026-11-04',
    '2026-12-31', // moved from Sun 4 January
  ],
  workingWeekends: [],
  shortDays: ['2026-04-30', '2026-05-08', '2026-06-11', '2026-11-03'],
});

/**
 * Builds a year from the Labour Code alone, for years whose decree is not out yet (`confirmed: false`).
 *
 * - Holidays (art. 112): 1–6 and 8 January (New Year holidays), 7 January, 23 February, 8 March, 1 May,
 *   9 May, 12 June, 4 November.
 * - A holiday on a Saturday or Sunday moves to the next working day, except 1–8 January: those are moved
 *   only by the yearly decree, so here they simply stay on the weekend.
 * - The working day immediately before a holiday (including 31 December before New Year) is shortened (art. 95).
 *
 * @throws RangeError for years before {@link STATUTORY_RULE_SINCE}, when the holidays were different.
 */
export function statutoryCalendarYear(year: number): CalendarYear {
  if (!Number.isInteger(year) || year < STATUTORY_RULE_SINCE || year > 2200) {
    throw new RangeError(`The statutory calendar is defined for ${STATUTORY_RULE_SINCE}–2200, not ${year}`);
  }
  const holidayDates = STATUTORY_HOLIDAYS.map(({ month, day, movable }) => ({
    date: formatIsoDate(year, month, day),
    movable,
  }));
  const daysOff = new Set<string>();
  for (const { date } of holidayDates) if (!isWeekend(date)) daysOff.add(date);
  for (const { date, movable } of holidayDates) {
    if (!movable || !isWeekend(date)) continue;
    let moved = addDays(date, 1);
    while (isWeekend(moved) || daysOff.has(moved)) moved = addDays(moved, 1);
    daysOff.add(moved);
  }
  const nextNewYear = formatIsoDate(year + 1, 1, 1);
  const shortDays = [...holidayDates.map(({ date }) => date), nextNewYear]
    .map((holiday) => addDays(holiday, -1))
    .filter((day) => yearOf(day) === year && !isWeekend(day) && !daysOff.has(day));
  return {
    year,
    confirmed: false,
    holidays: [...daysOff].sort(),
    workingWeekends: [],
    shortDays: [...new Set(shortDays)].sort(),
  };
}

interface YearIndex {
  data: CalendarYear;
  daysOff: ReadonlySet<string>;
  workingWeekends: ReadonlySet<string>;
  shortDays: ReadonlySet<string>;
}

/** Guard for loops over days: no real calendar has a year-long stretch without a working day. */
const MAX_DAYS_WITHOUT_WORK = 366;

/**
 * Working-day arithmetic over a list of calendar years. A year missing from the list falls back to
 * {@link statutoryCalendarYear}, so deadlines can always be computed, even across New Year into a year
 * whose decree is not out yet.
 *
 * All methods take and return ISO dates (`YYYY-MM-DD`) in the company's local calendar.
 */
export class ProductionCalendar {
  readonly #explicit = new Map<number, CalendarYear>();
  readonly #index = new Map<number, YearIndex>();

  /**
   * @param years calendar years, validated with {@link CalendarYearSchema}.
   * @throws ZodError on an invalid year, Error when a year is listed twice.
   */
  constructor(years: readonly CalendarYearInput[] = []) {
    for (const input of years) {
      const year = CalendarYearSchema.parse(input);
      if (this.#explicit.has(year.year)) throw new Error(`Calendar year ${year.year} is listed twice`);
      this.#explicit.set(year.year, year);
    }
  }

  /** The data used for a year: the listed one, or the statutory forecast (`confirmed: false`). */
  year(year: number): CalendarYear {
    return this.#indexFor(year).data;
  }

  /** True when the year comes from a published decree rather than the statutory forecast. */
  isConfirmed(year: number): boolean {
    return this.#indexFor(year).data.confirmed;
  }

  /** True for working days: Monday–Friday that are not days off, and weekends made working by a transfer. */
  isWorkingDay(isoDate: string): boolean {
    const index = this.#indexFor(yearOf(isoDate));
    if (index.daysOff.has(isoDate)) return false;
    return !isWeekend(isoDate) || index.workingWeekends.has(isoDate);
  }

  /** True for a shortened pre-holiday working day (one hour shorter). */
  isShortDay(isoDate: string): boolean {
    return this.#indexFor(yearOf(isoDate)).shortDays.has(isoDate) && this.isWorkingDay(isoDate);
  }

  /** The first working day strictly after `isoDate`. */
  nextWorkingDay(isoDate: string): string {
    return this.#step(isoDate, 1);
  }

  /** The last working day strictly before `isoDate`. */
  previousWorkingDay(isoDate: string): string {
    return this.#step(isoDate, -1);
  }

  /**
   * The `n`-th working day after `isoDate`, counting from the next working day: with `n = 1` it is
   * {@link nextWorkingDay}, so a Friday plus 2 working days is the Tuesday. A negative `n` counts back the
   * same way. With `n = 0` the date itself when it is a working day, otherwise the next working day.
   */
  addWorkingDays(isoDate: string, n: number): string {
    if (!Number.isSafeInteger(n)) throw new RangeError(`Working day count must be an integer: ${n}`);
    if (n === 0) return this.isWorkingDay(isoDate) ? isoDate : this.nextWorkingDay(isoDate);
    const direction = n > 0 ? 1 : -1;
    let date = isoDate;
    for (let i = 0; i < Math.abs(n); i++) date = this.#step(date, direction);
    return date;
  }

  /**
   * Working days after `from` up to and including `to`: how many working days remain until a deadline (`from` =
   * today) or, negative, how many have passed since it. A Thursday to the next Monday is 2 (Friday, Monday); the
   * same day is 0; a Monday back to the Friday before is −1 (the Monday).
   */
  workingDaysBetween(from: string, to: string): number {
    if (to === from) return 0;
    const forward = to > from;
    const [start, end] = forward ? [from, to] : [to, from];
    const length = toDayNumber(end) - toDayNumber(start);
    let count = 0;
    for (let i = 1; i <= length; i++) if (this.isWorkingDay(addDays(start, i))) count++;
    return forward || count === 0 ? count : -count;
  }

  /** Number of working days in a year (247 for 2026 under the decree). */
  workingDaysInYear(year: number): number {
    const first = formatIsoDate(year, 1, 1);
    const length = toDayNumber(formatIsoDate(year + 1, 1, 1)) - toDayNumber(first);
    let count = 0;
    for (let i = 0; i < length; i++) if (this.isWorkingDay(addDays(first, i))) count++;
    return count;
  }

  #step(isoDate: string, direction: 1 | -1): string {
    let date = isoDate;
    for (let i = 0; i < MAX_DAYS_WITHOUT_WORK; i++) {
      date = addDays(date, direction);
      if (this.isWorkingDay(date)) return date;
    }
    throw new Error(`No working day within ${MAX_DAYS_WITHOUT_WORK} days of ${isoDate}; check the calendar data`);
  }

  #indexFor(year: number): YearIndex {
    const cached = this.#index.get(year);
    if (cached) return cached;
    const data = this.#explicit.get(year) ?? statutoryCalendarYear(year);
    const index: YearIndex = {
      data,
      daysOff: new Set([...data.holidays, ...(data.regionalHolidays ?? [])]),
      workingWeekends: new Set(data.workingWeekends),
      shortDays: new Set(data.shortDays),
    };
    this.#index.set(year, index);
    return index;
  }
}
