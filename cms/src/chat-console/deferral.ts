import type { ProductionCalendar } from '@portal/core/production-calendar';
import { toLocalIsoDateTime } from '@portal/core/time-zone';

/** When the working day starts unless the operator's own hours say otherwise (the company's office hours). */
export const DEFAULT_WORKDAY_START_MINUTES = 8 * 60;

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant of a local date-time (`YYYY-MM-DDTHH:MM`) in `timeZone`, or null when it is not one. The zone's
 * offset is found by formatting a first guess back (Intl knows the zone's rules, so daylight saving is honoured).
 */
export function localToInstant(local: string, timeZone: string): Date | null {
  const match = LOCAL_DATE_TIME.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  let instant = asUtc;
  for (let i = 0; i < 2; i += 1) {
    const shown = Date.parse(`${toLocalIsoDateTime(new Date(instant), timeZone)}Z`);
    instant -= shown - asUtc;
  }
  return toLocalIsoDateTime(new Date(instant), timeZone).slice(0, 16) === local ? new Date(instant) : null;
}

/**
 * «Отложить до …» by default: the start of the next working day (production calendar) in the company's zone, at
 * the operator's start of work (`startMinutes` from midnight). Returned as the local `YYYY-MM-DDTHH:MM`.
 */
export function defaultDeferralLocal(now: Date, timeZone: string, calendar: ProductionCalendar, startMinutes = DEFAULT_WORKDAY_START_MINUTES): string {
  const today = toLocalIsoDateTime(now, timeZone).slice(0, 10);
  const day = calendar.nextWorkingDay(today);
  const hh = String(Math.floor(startMinutes / 60)).padStart(2, '0');
  const mm = String(startMinutes % 60).padStart(2, '0');
  return `${day}T${hh}:${mm}`;
}

/** The longest deferral: a promise further than this is a matter for an appeal, not a chat. */
export const MAX_DEFERRAL_DAYS = 30;

/** Why a deferral time cannot be promised, in Russian; null when it can. */
export function deferralProblem(until: Date | null, now: Date): string | null {
  if (!until) return 'Укажите дату и время, до которых откладывается диалог.';
  if (until.getTime() <= now.getTime()) return 'Время, до которого откладывается диалог, должно быть в будущем.';
  if (until.getTime() - now.getTime() > MAX_DEFERRAL_DAYS * 86_400_000) return `Диалог можно отложить не более чем на ${MAX_DEFERRAL_DAYS} дней.`;
  return null;
}
