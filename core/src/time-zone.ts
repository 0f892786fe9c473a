import { z } from 'zod';
import { dayOfWeek, parseIsoDate } from './iso-date';

/**
 * Instants → the company's local calendar date and wall-clock time, and dates in Russian words.
 *
 * Deadlines are counted in the company's time zone, not the server's: an appeal sent at 23:30 in Moscow is
 * received "today" in Moscow even though it is already tomorrow in UTC+10.
 */

/** The time zone used when the company settings name none. */
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

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

/** The local calendar date and wall-clock time of an instant in one time zone. */
export interface LocalDateTime {
  /** Local date, `YYYY-MM-DD`. */
  date: string;
  /** Local time, `HH:MM:SS`, 24-hour clock. */
  time: string;
  /** Minutes since local midnight (0–1439), for comparing with working hours. */
  minutesOfDay: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      // h23, not hour12: false — the latter prints midnight as "24" in some ICU versions.
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The local date and time of `instant` in `timeZone` (default Europe/Moscow).
 * @throws RangeError for an invalid date or an unknown time zone.
 */
export function toLocalDateTime(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): LocalDateTime {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid date');
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const hour = Number(parts.hour);
  const minute = Number(parts.minute);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}:${parts.second}`,
    minutesOfDay: hour * 60 + minute,
  };
}

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
