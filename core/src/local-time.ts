/**
 * An instant → the company's local calendar date and wall-clock time, without validation schemas: the office
 * status script of the public site imports this, and it must not pull zod into the browser. `time-zone.ts`
 * re-exports it with the rest of the time-zone helpers.
 */

/** The time zone used when the company settings name none. */
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

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
