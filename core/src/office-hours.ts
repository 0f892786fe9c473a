import { z } from 'zod';
import { addDays, dayOfWeek, IsoDateSchema, type IsoWeekday } from './iso-date';
import { ClockTimeSchema } from './deadlines';
import type { ProductionCalendar } from './production-calendar';
import type { LocalDateTime } from './time-zone';

/**
 * Office opening hours: a weekly schedule with lunch breaks, dated exceptions, and the production calendar
 * (holidays closed, pre-holiday days shortened). The same functions run in the site build and the browser.
 */

/** Hours of one day: open–close with an optional lunch break inside. All `HH:MM`. */
export const DayHoursSchema = z
  .object({
    open: ClockTimeSchema,
    close: ClockTimeSchema,
    breakStart: ClockTimeSchema.optional(),
    breakEnd: ClockTimeSchema.optional(),
  })
  .refine((day) => day.open < day.close, { error: 'Время закрытия должно быть позже открытия', path: ['close'] })
  .refine((day) => (day.breakStart === undefined) === (day.breakEnd === undefined), {
    error: 'Укажите и начало, и конец перерыва',
    path: ['breakEnd'],
  })
  .refine((day) => !day.breakStart || !day.breakEnd || (day.open < day.breakStart && day.breakStart < day.breakEnd && day.breakEnd < day.close), {
    error: 'Перерыв должен быть внутри рабочего дня',
    path: ['breakStart'],
  });
export type DayHours = z.output<typeof DayHoursSchema>;

/** Regular hours per ISO weekday (1 = Monday … 7 = Sunday); a missing day is a day off. */
export const WeeklyHoursSchema = z.array(DayHoursSchema.and(z.object({ weekday: z.number().int().min(1).max(7) })));
export type WeeklyHours = z.output<typeof WeeklyHoursSchema>;

/** A dated exception: closed, or open with special hours (extra Saturday shift, shortened day). */
export const HoursExceptionSchema = z.object({
  date: IsoDateSchema,
  /** Special hours; absent means closed all day. */
  hours: DayHoursSchema.optional(),
  /** Reason shown to visitors, e.g. «санитарный день». */
  note: z.string().default(''),
});
export type HoursException = z.output<typeof HoursExceptionSchema>;

/** The whole schedule of an office. */
export const OfficeScheduleSchema = z.object({
  weekly: WeeklyHoursSchema,
  exceptions: z.array(HoursExceptionSchema).default([]),
  /** Whether public holidays close the office and pre-holiday days end earlier (true for offices). */
  followsProductionCalendar: z.boolean().default(true),
  /** Minutes a pre-holiday day is shortened by (Labour Code art. 95: one hour). */
  shortDayMinutes: z.number().int().min(0).max(240).default(60),
});
export type OfficeSchedule = z.output<typeof OfficeScheduleSchema>;
export type OfficeScheduleInput = z.input<typeof OfficeScheduleSchema>;

export const WEEKDAY_SHORT: Record<IsoWeekday, string> = { 1: 'пн', 2: 'вт', 3: 'ср', 4: 'чт', 5: 'пт', 6: 'сб', 7: 'вс' };
export const WEEKDAY_NAMES: Record<IsoWeekday, string> = {
  1: 'Понедельник',
  2: 'Вторник',
  3: 'Среда',
  4: 'Четверг',
  5: 'Пятница',
  6: 'Суббота',
  7: 'Воскресенье',
};

const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const toClock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** `08:00` → `8:00`, as Russian signs print it. */
export function formatClock(time: string): string {
  return time.replace(/^0(\d)/, '$1');
}

/** Why a day has the hours it has. */
export type DayKind = 'regular' | 'exception' | 'holiday' | 'short' | 'off';

/** The hours of one date, with the reason; `hours` null when closed. */
export interface DaySchedule {
  date: string;
  hours: DayHours | null;
  kind: DayKind;
  note: string;
}

/**
 * Hours on a local date. Precedence: a dated exception; then the production calendar (holiday: closed;
 * a weekend made working: Monday's hours; a pre-holiday day: closing earlier); then the weekly hours.
 */
export function hoursOn(schedule: OfficeSchedule, calendar: ProductionCalendar, isoDate: string): DaySchedule {
  const exception = schedule.exceptions.find((item) => item.date === isoDate);
  if (exception) return { date: isoDate, hours: exception.hours ?? null, kind: 'exception', note: exception.note };
  const weekday = dayOfWeek(isoDate);
  const regular = schedule.weekly.find((day) => day.weekday === weekday) ?? null;
  if (!schedule.followsProductionCalendar) return { date: isoDate, hours: regular, kind: regular ? 'regular' : 'off', note: '' };
  const working = calendar.isWorkingDay(isoDate);
  if (!working && weekday <= 5) return { date: isoDate, hours: null, kind: 'holiday', note: 'нерабочий праздничный день' };
  if (working && weekday >= 6 && !regular) {
    const monday = schedule.weekly.find((day) => day.weekday === 1) ?? null;
    return { date: isoDate, hours: monday, kind: monday ? 'regular' : 'off', note: monday ? 'рабочий день по переносу' : '' };
  }
  if (!regular) return { date: isoDate, hours: null, kind: 'off', note: '' };
  if (calendar.isShortDay(isoDate) && schedule.shortDayMinutes > 0) {
    const close = Math.max(toMinutes(regular.open) + 1, toMinutes(regular.close) - schedule.shortDayMinutes);
    const shortened: DayHours = { ...regular, close: toClock(close) };
    // A lunch break that no longer fits inside the shortened day is dropped.
    if (shortened.breakEnd && toMinutes(shortened.breakEnd) >= close) {
      delete shortened.breakStart;
      delete shortened.breakEnd;
    }
    return { date: isoDate, hours: shortened, kind: 'short', note: 'предпраздничный день, сокращённый на час' };
  }
  return { date: isoDate, hours: regular, kind: 'regular', note: '' };
}

/** The office's state at one local moment. */
export type OfficeStatus =
  | { open: true; until: string; lunchAt?: string }
  | { open: false; lunchUntil?: string; opensOn?: { date: string; time: string; daysAhead: number } };

/** How far ahead the next opening is searched (long New Year holidays fit easily). */
const LOOKAHEAD_DAYS = 30;

/** Whether the office is open at `now` (local date and time), until when, or when it opens next. */
export function officeStatus(schedule: OfficeSchedule, calendar: ProductionCalendar, now: Pick<LocalDateTime, 'date' | 'minutesOfDay'>): OfficeStatus {
  const today = hoursOn(schedule, calendar, now.date).hours;
  const minute = now.minutesOfDay;
  if (today && minute >= toMinutes(today.open) && minute < toMinutes(today.close)) {
    if (today.breakStart && today.breakEnd && minute >= toMinutes(today.breakStart) && minute < toMinutes(today.breakEnd)) {
      return { open: false, lunchUntil: today.breakEnd };
    }
    const beforeLunch = today.breakStart && minute < toMinutes(today.breakStart);
    return beforeLunch ? { open: true, until: today.close, lunchAt: today.breakStart } : { open: true, until: today.close };
  }
  if (today && minute < toMinutes(today.open)) return { open: false, opensOn: { date: now.date, time: today.open, daysAhead: 0 } };
  for (let ahead = 1; ahead <= LOOKAHEAD_DAYS; ahead++) {
    const date = addDays(now.date, ahead);
    const hours = hoursOn(schedule, calendar, date).hours;
    if (hours) return { open: false, opensOn: { date, time: hours.open, daysAhead: ahead } };
  }
  return { open: false };
}

/** The status as one Russian line: «Открыто до 18:00», «Закрыто, откроется в пн 8:00». */
export function describeOfficeStatus(status: OfficeStatus): string {
  if (status.open) return `Открыто до ${formatClock(status.until)}${status.lunchAt ? ` (перерыв с ${formatClock(status.lunchAt)})` : ''}`;
  if (status.lunchUntil) return `Перерыв, откроется в ${formatClock(status.lunchUntil)}`;
  if (!status.opensOn) return 'Закрыто';
  const { date, time, daysAhead } = status.opensOn;
  const clock = formatClock(time);
  if (daysAhead === 0) return `Закрыто, откроется сегодня в ${clock}`;
  if (daysAhead === 1) return `Закрыто, откроется завтра в ${clock}`;
  const weekday = WEEKDAY_SHORT[dayOfWeek(date)];
  // Beyond a week the weekday alone is ambiguous, so the date is added.
  if (daysAhead >= 7) return `Закрыто, откроется в ${weekday}, ${date.slice(8, 10)}.${date.slice(5, 7)}, в ${clock}`;
  return `Закрыто, откроется в ${weekday} ${clock}`;
}

/** Weekly hours as text for one weekday: «8:00–17:00, перерыв 12:00–12:45» or «выходной». */
export function describeDayHours(hours: DayHours | null | undefined): string {
  if (!hours) return 'выходной';
  const main = `${formatClock(hours.open)}–${formatClock(hours.close)}`;
  return hours.breakStart && hours.breakEnd ? `${main}, перерыв ${formatClock(hours.breakStart)}–${formatClock(hours.breakEnd)}` : main;
}

/** One-line weekly summary for lists and the footer: «пн–чт 8:00–17:00 …». */
export function summarizeWeeklyHours(weekly: WeeklyHours): string {
  type Run = { from: IsoWeekday; to: IsoWeekday; text: string };
  const parts: Run[] = [];
  let run: Run | undefined;
  for (let day = 1 as IsoWeekday; day <= 7; day = (day + 1) as IsoWeekday) {
    const text = describeDayHours(weekly.find((item) => item.weekday === day));
    if (run && run.text === text && run.to === day - 1) run.to = day;
    else {
      if (run) parts.push(run);
      run = { from: day, to: day, text };
    }
  }
  if (run) parts.push(run);
  return parts
    .filter((part) => part.text !== 'выходной')
    .map((part) => `${WEEKDAY_SHORT[part.from]}${part.from === part.to ? '' : `–${WEEKDAY_SHORT[part.to]}`} ${part.text}`)
    .join('; ');
}
