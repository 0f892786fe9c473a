import { z } from 'zod';
import { daysInMonth, formatIsoDate, parseIsoDate } from './iso-date';
import { formatRussianDate, toLocalIsoDate } from './time-zone';

/**
 * The days of the month on which meter readings are accepted (by default the 15th to the 25th). Set by the
 * company in the CMS; outside them the form explains when to come back instead of failing.
 */
export const ReadingsWindowSchema = z
  .object({
    /** First day of the month readings are accepted, 1–31; default 15. */
    fromDay: z.number().int().min(1).max(31).default(15),
    /** Last day of the month readings are accepted, 1–31, not before `fromDay`; default 25. */
    toDay: z.number().int().min(1).max(31).default(25),
  })
  .refine((window) => window.fromDay <= window.toDay, { message: 'Последний день приёма не может быть раньше первого', path: ['toDay'] });
export type ReadingsWindow = z.output<typeof ReadingsWindowSchema>;

/** The standards' default window. */
export const DEFAULT_READINGS_WINDOW: ReadingsWindow = { fromDay: 15, toDay: 25 };

/** Whether `at` falls on an accepting day of the month in the company's time zone. */
export function isWithinReadingsWindow(at: Date, window: ReadingsWindow, timeZone: string): boolean {
  const day = Number(toLocalIsoDate(at, timeZone).slice(8, 10));
  return day >= window.fromDay && day <= window.toDay;
}

/**
 * Where a day stands in the window, in the company's calendar: open (and until when this month) or closed (and the
 * nearest day readings are accepted again). Dates are `YYYY-MM-DD` in the company's time zone.
 */
export type ReadingsWindowState = { open: true; today: string; lastDay: string } | { open: false; today: string; nextDay: string };

/**
 * The window's state at `at` in `timeZone`. A window day the month does not have is skipped: with days 29–31,
 * February closes on its last day, and with a window opening on the 31st, a 30-day month has no window at all.
 */
export function readingsWindowState(at: Date, window: ReadingsWindow, timeZone: string): ReadingsWindowState {
  const today = toLocalIsoDate(at, timeZone);
  const parts = parseIsoDate(today);
  if (!parts) throw new RangeError(`Not a local date: ${today}`);
  if (parts.day >= window.fromDay && parts.day <= window.toDay) {
    return { open: true, today, lastDay: formatIsoDate(parts.year, parts.month, Math.min(window.toDay, daysInMonth(parts.year, parts.month))) };
  }
  // Closed: the window of this month if it is still ahead, else of the next month that has its first day.
  let { year, month } = parts;
  if (parts.day > window.toDay) [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  // Every run of two months has one of 31 days, so this ends within three steps.
  while (window.fromDay > daysInMonth(year, month)) [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  return { open: false, today, nextDay: formatIsoDate(year, month, window.fromDay) };
}

/** «Показания принимаются с 15 по 25 число каждого месяца.» */
export function readingsWindowText(window: ReadingsWindow): string {
  return `Показания принимаются с ${window.fromDay} по ${window.toDay} число каждого месяца.`;
}

/** «15 декабря», with the year only when it is not the current one («15 января 2027 г.»), or «завтра, 15 декабря». */
export function readingsDayText(isoDate: string, today: string): string {
  const full = formatRussianDate(isoDate);
  const dayMonth = isoDate.slice(0, 4) === today.slice(0, 4) ? full.replace(/ \d{4} г\.$/, '') : full;
  const tomorrow = parseIsoDate(today);
  if (tomorrow) {
    const next = new Date(Date.UTC(tomorrow.year, tomorrow.month - 1, tomorrow.day + 1)).toISOString().slice(0, 10);
    if (next === isoDate) return `завтра, ${dayMonth}`;
  }
  return dayMonth;
}

/** «Приём показаний — с 15 по 25 число каждого месяца. Ближайший день приёма — 15 декабря.» */
export function readingsComeBackText(state: Extract<ReadingsWindowState, { open: false }>, window: ReadingsWindow): string {
  return `Приём показаний — с ${window.fromDay} по ${window.toDay} число каждого месяца. Ближайший день приёма — ${readingsDayText(state.nextDay, state.today)}.`;
}

/**
 * What the readings page says before the form, on the day it is viewed: «Сегодня показания принимаются — до
 * 25 декабря включительно.» or «Сегодня показания не принимаются. Приём показаний — с 15 по 25 число каждого
 * месяца. Ближайший день приёма — 15 декабря.»
 */
export function readingsWindowStateText(state: ReadingsWindowState, window: ReadingsWindow): string {
  if (state.open) return `Сегодня показания принимаются — до ${readingsDayText(state.lastDay, state.today)} включительно.`;
  return `Сегодня показания не принимаются. ${readingsComeBackText(state, window)}`;
}

/**
 * The explanation a client gets outside the window: when to come back and what else they can do. With the
 * window's state the nearest day of acceptance is named too.
 */
export function readingsClosedMessage(window: ReadingsWindow, state?: ReadingsWindowState): string {
  const comeBack = state && !state.open ? `Ближайший день приёма — ${readingsDayText(state.nextDay, state.today)}.` : 'Пожалуйста, передайте их в эти дни.';
  return (
    `Сегодня показания не принимаются. ${readingsWindowText(window)} ${comeBack} ` +
    'Если у вас вопрос о показаниях или расчётах, его можно задать в форме «Задать вопрос» или по телефону горячей линии.'
  );
}
