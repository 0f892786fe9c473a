import { parseIsoDate } from './iso-date-math';

/**
 * The public holidays of Labour Code art. 112 on their fixed dates, without validation schemas (the site's
 * office status script imports this). They are holidays whatever weekday they fall on; a decree only moves
 * the day off of one that falls on a weekend to a weekday.
 */

/** Holidays of Labour Code art. 112; `movable` is false for the January ones, which only a decree moves. */
export const STATUTORY_HOLIDAYS: ReadonlyArray<{ month: number; day: number; movable: boolean }> = [
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((day) => ({ month: 1, day, movable: false })),
  { month: 2, day: 23, movable: true },
  { month: 3, day: 8, movable: true },
  { month: 5, day: 1, movable: true },
  { month: 5, day: 9, movable: true },
  { month: 6, day: 12, movable: true },
  { month: 11, day: 4, movable: true },
];

/** True when the date is one of the holidays of art. 112 (e.g. Saturday 2 January), whatever its weekday. */
export function isStatutoryHoliday(isoDate: string): boolean {
  const parts = parseIsoDate(isoDate);
  return parts !== null && STATUTORY_HOLIDAYS.some(({ month, day }) => month === parts.month && day === parts.day);
}
