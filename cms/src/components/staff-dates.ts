import { DEFAULT_TIME_ZONE, formatRussianDate, toLocalDateTime } from '@portal/core/time-zone';

/**
 * The one date format of the admin: «7 декабря 2026, 05:31 МСК» for instants and «9 декабря 2026» for calendar
 * dates, in the company's time zone. Our own components, and the list cells and read-only fields of every date
 * field (cms/src/admin-display.ts), format with these functions; what Payload formats itself in the browser (the
 * document header, date inputs) uses {@link STAFF_BROWSER_DATE_FNS_PATTERN}, which names the browser's offset.
 */

const MOSCOW = 'Europe/Moscow';

/** Minutes the wall clock of `timeZone` is ahead of UTC at `instant`. */
function utcOffsetMinutes(timeZone: string, instant: Date): number {
  const local = toLocalDateTime(instant, timeZone);
  const wallClockAsUtc = Date.parse(`${local.date}T${local.time}Z`);
  // Seconds are dropped on both sides so the difference is whole minutes.
  return Math.round((wallClockAsUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The Russian name of a time zone relative to Moscow, as timetables and official letters write it: «МСК» for
 * Moscow time, «МСК+2» for Yekaterinburg, «МСК−1» for Kaliningrad, «МСК+2:30» for a zone off by half an hour.
 */
export function moscowZoneLabel(timeZone: string = DEFAULT_TIME_ZONE, instant: Date = new Date()): string {
  const difference = utcOffsetMinutes(timeZone, instant) - utcOffsetMinutes(MOSCOW, instant);
  if (difference === 0) return 'МСК';
  const sign = difference > 0 ? '+' : '−';
  const hours = Math.floor(Math.abs(difference) / 60);
  const minutes = Math.abs(difference) % 60;
  return `МСК${sign}${hours}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}

/** A calendar date (`YYYY-MM-DD`) as the admin shows it: «9 декабря 2026». */
export function formatStaffDate(isoDate: string): string {
  return formatRussianDate(isoDate).replace(/ г\.$/, '');
}

/**
 * An instant as the admin shows it, in the company's time zone: «7 декабря 2026, 05:31 МСК». Accepts a Date or an
 * ISO string (as stored); an empty or unreadable value gives an empty string.
 */
export function formatStaffDateTime(instant: Date | string | null | undefined, timeZone: string = DEFAULT_TIME_ZONE): string {
  if (instant === null || instant === undefined || instant === '') return '';
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return '';
  const local = toLocalDateTime(date, timeZone);
  return `${formatStaffDate(local.date)}, ${local.time.slice(0, 5)} ${moscowZoneLabel(timeZone, date)}`;
}

/**
 * The date-fns pattern for what Payload formats itself in the browser (`admin.dateFormat`: the document header's
 * «Последнее изменение»/«Создано»; date fields' `displayFormat`: the date inputs). Payload formats these in the
 * BROWSER's time zone, which need not be the company's, so the pattern names the browser's own offset
 * («7 декабря 2026, 05:31 UTC+03:00») instead of a zone label that could be false. List cells and read-only dates
 * use {@link formatStaffDateTime} in the company's zone (StaffDateCell, StaffDateField).
 */
export const STAFF_BROWSER_DATE_FNS_PATTERN = "d MMMM yyyy, HH:mm 'UTC'xxx";

/** The date-only pattern for calendar-date fields (`pickerAppearance: 'dayOnly'`). */
export const STAFF_DATE_FNS_DAY_PATTERN = 'd MMMM yyyy';

/**
 * Pins the CMS process to the company's time zone, so Payload's server-rendered dates (version screens, the
 * document header before hydration) and the scheduled jobs' clock use it: `TZ` from the given environment when it
 * names a zone, else the default (Europe/Moscow). Returns the zone. The CMS calls it through `pinCmsTimeZone` (env.ts).
 */
export function pinProcessTimeZone(environment: { TZ?: string; [name: string]: string | undefined }): string {
  const requested = environment.TZ?.trim();
  let zone = DEFAULT_TIME_ZONE;
  if (requested) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: requested });
      zone = requested;
    } catch {
      zone = DEFAULT_TIME_ZONE;
    }
  }
  environment.TZ = zone;
  return zone;
}
