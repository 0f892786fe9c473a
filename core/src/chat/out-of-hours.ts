import { dayOfWeek } from '../iso-date-math';
import { DEFAULT_WORKING_HOURS, workingPeriodOn, type WorkingHours } from '../deadlines';
import type { ProductionCalendar } from '../production-calendar';
import { DEFAULT_TIME_ZONE, formatRussianDate, toLocalDateTime } from '../time-zone';
import type { OutOfHours } from './contract';

/**
 * Out of hours in the chat: whether operators work at a moment (the company's working hours and the production
 * calendar, in the company's time zone — the same hours as the appeals' «work starts»), and otherwise when they
 * start, with the automatic reply the client gets at once.
 */

function toMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * The instant of a local wall-clock time in a time zone. Two corrections of the zone's offset cover any zone
 * (a local time inside a spring-forward gap lands an hour later; Russian zones have had no DST since 2014).
 */
export function instantOfLocal(isoDate: string, clock: string, timeZone: string = DEFAULT_TIME_ZONE): Date {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const wanted = Date.UTC(year, month - 1, day, Number(clock.slice(0, 2)), Number(clock.slice(3, 5)));
  let guess = wanted;
  for (let i = 0; i < 2; i++) {
    const local = toLocalDateTime(new Date(guess), timeZone);
    const [ly, lm, ld] = local.date.split('-').map(Number) as [number, number, number];
    const shown = Date.UTC(ly, lm - 1, ld, Math.floor(local.minutesOfDay / 60), local.minutesOfDay % 60);
    guess += wanted - shown;
  }
  return new Date(guess);
}

/** Whether operators work at the instant, and if not, when (local date and `HH:MM`, and the instant) they start. */
export type WorkingNow = { working: true } | { working: false; startDate: string; startClock: string; startsAt: Date };

export function chatWorkingNow(
  now: Date,
  calendar: ProductionCalendar,
  hours: WorkingHours = DEFAULT_WORKING_HOURS,
  timeZone: string = DEFAULT_TIME_ZONE,
): WorkingNow {
  const local = toLocalDateTime(now, timeZone);
  const today = workingPeriodOn(local.date, calendar, hours);
  if (today && local.minutesOfDay >= toMinutes(today.start) && local.minutesOfDay < toMinutes(today.end)) return { working: true };
  const startDate = today && local.minutesOfDay < toMinutes(today.start) ? local.date : calendar.nextWorkingDay(local.date);
  const period = workingPeriodOn(startDate, calendar, hours);
  if (!period) throw new Error(`No working period on ${startDate}`);
  return { working: false, startDate, startClock: period.start, startsAt: instantOfLocal(startDate, period.start, timeZone) };
}

/** «по московскому времени» for Moscow, otherwise the zone's offset at that instant («по времени UTC+10:00»). */
export function zoneWords(timeZone: string, at: Date): string {
  if (timeZone === 'Europe/Moscow') return 'по московскому времени';
  const local = toLocalDateTime(at, timeZone);
  const [y, m, d] = local.date.split('-').map(Number) as [number, number, number];
  const offsetMinutes = Math.round((Date.UTC(y, m - 1, d, Math.floor(local.minutesOfDay / 60), local.minutesOfDay % 60) - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
  const sign = offsetMinutes < 0 ? '−' : '+';
  const abs = Math.abs(offsetMinutes);
  return `по времени UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** «8:00» from `08:00`. */
function clockWords(clock: string): string {
  return `${Number(clock.slice(0, 2))}:${clock.slice(3, 5)}`;
}

/**
 * The automatic reply of a conversation started out of hours, or null within working hours. Example (Friday
 * 18:00 in Moscow): «Сейчас операторы не работают. Ваше сообщение сохранено, и оператор ответит в понедельник,
 * 14 декабря 2026 г., с 8:00 по московскому времени. …».
 */
export function outOfHoursReply(
  now: Date,
  calendar: ProductionCalendar,
  hours: WorkingHours = DEFAULT_WORKING_HOURS,
  timeZone: string = DEFAULT_TIME_ZONE,
): OutOfHours | null {
  const status = chatWorkingNow(now, calendar, hours, timeZone);
  if (status.working) return null;
  const text =
    `Сейчас операторы не работают. Ваше сообщение сохранено, и оператор ответит ${onDayWords(status.startDate)} ` +
    `с ${clockWords(status.startClock)} ${zoneWords(timeZone, status.startsAt)}. ` +
    'Чтобы мы могли сообщить, когда оператор подключится, пожалуйста, оставьте имя и e-mail или телефон. Страницу можно закрыть: разговор сохранится по ссылке.';
  return { startsAt: status.startsAt.toISOString(), text };
}

/** Weekdays in the accusative after «в», index = ISO weekday − 1. */
const ON_WEEKDAY = ['в понедельник', 'во вторник', 'в среду', 'в четверг', 'в пятницу', 'в субботу', 'в воскресенье'] as const;

/** «в понедельник, 14 декабря 2026 г.,» — the day work starts, as the reply names it. */
export function onDayWords(isoDate: string): string {
  return `${ON_WEEKDAY[dayOfWeek(isoDate) - 1]}, ${formatRussianDate(isoDate)},`;
}
