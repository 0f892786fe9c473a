import { z } from 'zod';
import { dayOfWeek, parseIsoDate } from './iso-date';
import { DEFAULT_TIME_ZONE, toLocalDateTime } from './local-time';

export { DEFAULT_TIME_ZONE, toLocalDateTime, type LocalDateTime } from './local-time';

/**
 * Instants → the company's local calendar date and wall-clock time, and dates in Russian words.
 *
 * Deadlines are counted in the company's time zone, not the server's: an appeal sent at 23:30 in Moscow is
 * received "today" in Moscow even though it is already tomorrow in UTC+10.
 */

/** True when the runtime knows the IANA time zone name (e.g. `Europe/Moscow`, `Asia/Yekaterinburg`). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name the runtime supports. Default: `Europe/Moscow`. */
export const TimeZoneSchema = z
  .string()
  .trim()
  .refine(isValidTimeZone, { error: 'Укажите часовой пояс в формате IANA, например Europe/Moscow' })
  .default(DEFAULT_TIME_ZONE);

/** The local calendar date (`YYYY-MM-DD`) of `instant` in `timeZone` (default Europe/Moscow). */
export function toLocalIsoDate(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return toLocalDateTime(instant, timeZone).date;
}

/** The local date-time of `instant` without offset, `YYYY-MM-DDTHH:MM:SS` (default zone Europe/Moscow). */
export function toLocalIsoDateTime(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const local = toLocalDateTime(instant, timeZone);
  return `${local.date}T${local.time}`;
}

/** Month names in the genitive case, as used after a day number («1 декабря»). */
const MONTHS_GENITIVE = [
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
] as const;

/** Weekday names, index = ISO weekday − 1 (Monday first). */
const WEEKDAYS = ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'] as const;

/** Options of {@link formatRussianDate}. */
export interface RussianDateOptions {
  /** Prefix the weekday: «вторник, 1 декабря 2026 г.». Default false. */
  weekday?: boolean;
}

/**
 * A calendar date in Russian words: `2026-12-01` → «1 декабря 2026 г.».
 * Written out by hand instead of Intl so the text does not depend on the runtime's ICU data.
 * @throws RangeError when `isoDate` is not a `YYYY-MM-DD` date.
 */
export function formatRussianDate(isoDate: string, options: RussianDateOptions = {}): string {
  const parts = parseIsoDate(isoDate);
  if (!parts) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(isoDate)}`);
  const text = `${parts.day} ${MONTHS_GENITIVE[parts.month - 1]} ${parts.year} г.`;
  return options.weekday ? `${WEEKDAYS[dayOfWeek(isoDate) - 1]}, ${text}` : text;
}

/**
 * A local date-time (`YYYY-MM-DDTHH:MM`, seconds optional) in Russian: «1 декабря 2026 г. в 8:00».
 * @throws RangeError on a malformed value.
 */
export function formatRussianDateTime(localIsoDateTime: string, options: RussianDateOptions = {}): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/.exec(localIsoDateTime);
  const hour = Number(match?.[2]);
  const minute = match?.[3];
  if (!match?.[1] || !minute || hour > 23 || Number(minute) > 59) {
    throw new RangeError(`Not a local date-time (YYYY-MM-DDTHH:MM): ${JSON.stringify(localIsoDateTime)}`);
  }
  return `${formatRussianDate(match[1], options)} в ${hour}:${minute}`;
}
