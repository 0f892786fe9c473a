/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`) and the arithmetic on them, without validation schemas: the
 * office status script of the public site imports this, and it must not pull zod into the browser.
 * `iso-date.ts` re-exports everything here together with `IsoDateSchema`.
 *
 * Why strings and day numbers instead of `Date`: a `Date` is an instant, and reading its day with local
 * getters shifts it by the machine's time zone. A working-day deadline is a fact about the calendar of the
 * company's region, so all date math here works on year-month-day only; the conversion from an instant to
 * a local date lives in `local-time.ts`.
 */

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days of the week as `dayOfWeek` returns them, ISO numbering: Monday is 1, Sunday is 7. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A date split into its numeric parts; `month` is 1–12. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Splits `YYYY-MM-DD` into numbers, or returns null when it is not a real calendar date (e.g. `2026-02-30`). */
export function parseIsoDate(value: string): DateParts | null {
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Years below 1000 would need Date.UTC's two-digit-year workaround and never occur in our data.
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True when the string is a real calendar date written as `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

/** Builds `YYYY-MM-DD` from its parts (month 1–12); throws when the parts do not form a real date. */
export function formatIsoDate(year: number, month: number, day: number): string {
  const value = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!Number.isInteger(year) || !isIsoDate(value)) throw new RangeError(`Not a calendar date: ${value}`);
  return value;
}

/** Number of days in a month of a year (month 1–12), honouring leap years. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 (the Unix epoch day); throws on a malformed date so bad data fails loudly. */
export function toDayNumber(isoDate: string): number {
  const parts = parseIsoDate(isoDate);
  if (!parts) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(isoDate)}`);
  return Date.UTC(parts.year, parts.month - 1, parts.day) / MS_PER_DAY;
}

/** The ISO date of a day number produced by `toDayNumber`. */
export function fromDayNumber(dayNumber: number): string {
  // toISOString is always UTC, so no local time zone can shift the day.
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The date `days` calendar days after (or, when negative, before) `isoDate`. */
export function addDays(isoDate: string, days: number): string {
  if (!Number.isSafeInteger(days)) throw new RangeError(`Day count must be an integer: ${days}`);
  return fromDayNumber(toDayNumber(isoDate) + days);
}

/** Day of the week, ISO numbering: 1 is Monday … 7 is Sunday. */
export function dayOfWeek(isoDate: string): IsoWeekday {
  // 1970-01-01 was a Thursday (ISO 4).
  const fromMonday = (((toDayNumber(isoDate) + 3) % 7) + 7) % 7;
  return (fromMonday + 1) as IsoWeekday;
}

/** True for Saturdays and Sundays. */
export function isWeekend(isoDate: string): boolean {
  return dayOfWeek(isoDate) >= 6;
}

/** Year of an ISO date as a number. */
export function yearOf(isoDate: string): number {
  const parts = parseIsoDate(isoDate);
  if (!parts) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(isoDate)}`);
  return parts.year;
}
