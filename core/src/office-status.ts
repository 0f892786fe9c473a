import { addDays, dayOfWeek, isWeekend, type IsoWeekday } from './iso-date-math';
import { toLocalDateTime, type LocalDateTime } from './local-time';
import { isStatutoryHoliday } from './statutory-holidays';

/**
 * Office opening hours worked out for a date and a moment: the hours of a day (weekly hours, dated
 * exceptions, the production calendar), open or closed now, and the texts for both. No validation schemas
 * here (they are in `office-hours.ts`, which re-exports all of this): the site's office status script imports
 * this module, and zod must stay out of the browser. The same functions run in the site build.
 */

/** Hours of one day: open–close with an optional lunch break inside. All `HH:MM` (validated by `DayHoursSchema`). */
export interface DayHours {
  open: string;
  close: string;
  breakStart?: string | undefined;
  breakEnd?: string | undefined;
}

/** Regular hours per ISO weekday (1 = Monday … 7 = Sunday); a missing day is a day off. */
export type WeeklyHours = (DayHours & { weekday: number })[];

/** A dated exception: closed (no `hours`), or open with special hours. */
export interface HoursException {
  date: string;
  hours?: DayHours | undefined;
  note: string;
}

/** The whole schedule of an office, as `OfficeScheduleSchema` outputs it. */
export interface OfficeSchedule {
  weekly: WeeklyHours;
  exceptions: HoursException[];
  followsProductionCalendar: boolean;
  shortDayMinutes: number;
}

/** What the hours need to know of the production calendar; `ProductionCalendar` has it, and so has {@link listedWorkingDays}. */
export interface WorkingDayCalendar {
  /** True for working days (Monday–Friday that are not days off, and weekends made working). */
  isWorkingDay(isoDate: string): boolean;
  /** True for a shortened pre-holiday working day. */
  isShortDay(isoDate: string): boolean;
}

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
 * Hours on a local date. Precedence: a dated exception; then the production calendar (holiday, also one on a
 * weekend: closed; a weekend made working: Monday's hours; a pre-holiday day: closing earlier); then the
 * weekly hours.
 */
export function hoursOn(schedule: OfficeSchedule, calendar: WorkingDayCalendar, isoDate: string): DaySchedule {
  const exception = schedule.exceptions.find((item) => item.date === isoDate);
  if (exception) return { date: isoDate, hours: exception.hours ?? null, kind: 'exception', note: exception.note };
  const weekday = dayOfWeek(isoDate);
  const regular = schedule.weekly.find((day) => day.weekday === weekday) ?? null;
  if (!schedule.followsProductionCalendar) return { date: isoDate, hours: regular, kind: regular ? 'regular' : 'off', note: '' };
  const working = calendar.isWorkingDay(isoDate);
  // A holiday on a Saturday or Sunday (2 January, 9 May…) is a weekend day to the calendar, but an office with
  // weekend hours is closed on it all the same.
  const weekendHoliday = weekday >= 6 && regular !== null && isStatutoryHoliday(isoDate);
  if ((!working && weekday <= 5) || weekendHoliday) return { date: isoDate, hours: null, kind: 'holiday', note: 'нерабочий праздничный день' };
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
export function officeStatus(schedule: OfficeSchedule, calendar: WorkingDayCalendar, now: Pick<LocalDateTime, 'date' | 'minutesOfDay'>): OfficeStatus {
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

/**
 * What today's row of the weekly table adds when today is not an ordinary day: «Сегодня закрыто: праздничный
 * день», «Сегодня сокращённый день: 8:00–16:00», «Сегодня: 9:00–14:00 (дополнительная смена)»; empty on an
 * ordinary day, when the row itself is right. Short words on purpose: the row must fit a phone in large print.
 */
export function todayNote(day: DaySchedule): string {
  const hours = day.hours ? describeDayHours(day.hours) : '';
  switch (day.kind) {
    case 'holiday':
      return 'Сегодня закрыто: праздничный день';
    case 'short':
      return `Сегодня сокращённый день: ${hours}`;
    case 'exception':
      return `${day.hours ? `Сегодня: ${hours}` : 'Сегодня закрыто'}${day.note ? ` (${day.note})` : ''}`;
    case 'regular':
      return day.note ? `Сегодня ${day.note}: ${hours}` : '';
    default:
      return '';
  }
}

/** One line of a weekly hours list: consecutive days with the same hours. */
export interface WeeklyHoursRow {
  /** Short days, «пн–чт», «ср», «сб–вс». */
  days: string;
  /** The same days in full, for screen readers: «понедельник — четверг». */
  daysInFull: string;
  /** «8:00–17:00», or null on days off. */
  hours: string | null;
  /** The lunch break, «12:00–12:45», when there is one. */
  lunch?: string;
}

/** A day's hours as the parts a list or table shows on separate lines: «8:00–17:00» and the lunch «12:00–12:45». */
export function dayHoursParts(hours: DayHours | null | undefined): { hours: string; lunch?: string } | null {
  if (!hours) return null;
  const main = `${formatClock(hours.open)}–${formatClock(hours.close)}`;
  return hours.breakStart && hours.breakEnd ? { hours: main, lunch: `${formatClock(hours.breakStart)}–${formatClock(hours.breakEnd)}` } : { hours: main };
}

/** The week as lines of days with the same hours, Monday first, days off included. */
export function weeklyHoursRows(weekly: WeeklyHours): WeeklyHoursRow[] {
  type Run = { from: IsoWeekday; to: IsoWeekday; key: string; hours: DayHours | undefined };
  const runs: Run[] = [];
  for (let day = 1 as IsoWeekday; day <= 7; day = (day + 1) as IsoWeekday) {
    const hours = weekly.find((item) => item.weekday === day);
    const key = describeDayHours(hours);
    const last = runs[runs.length - 1];
    if (last && last.key === key) last.to = day;
    else runs.push({ from: day, to: day, key, hours });
  }
  return runs.map(({ from, to, hours }) => {
    const single = from === to;
    const parts = dayHoursParts(hours);
    return {
      days: single ? WEEKDAY_SHORT[from] : `${WEEKDAY_SHORT[from]}–${WEEKDAY_SHORT[to]}`,
      daysInFull: (single ? WEEKDAY_NAMES[from] : `${WEEKDAY_NAMES[from]} — ${WEEKDAY_NAMES[to]}`).toLowerCase(),
      hours: parts?.hours ?? null,
      ...(parts?.lunch ? { lunch: parts.lunch } : {}),
    };
  });
}

/** One-line weekly summary: «пн–чт 8:00–17:00, перерыв 12:00–12:45; пт 8:00–16:00». Days off are left out. */
export function summarizeWeeklyHours(weekly: WeeklyHours): string {
  return weeklyHoursRows(weekly)
    .filter((row) => row.hours !== null)
    .map((row) => `${row.days} ${row.hours}${row.lunch ? `, перерыв ${row.lunch}` : ''}`)
    .join('; ');
}

/**
 * A production calendar reduced to lists of dates, small enough to ship inside a page for the office status
 * script. The site builds it from `ProductionCalendar.year(…)` for the years a visitor may need (this year and
 * the next; a year without a decree is then already the statutory forecast).
 */
export interface CalendarDayLists {
  /** Weekdays that are days off: holidays, moved days off, regional holidays. */
  daysOff: string[];
  /** Saturdays and Sundays made working days. */
  workingWeekends: string[];
  /** Shortened pre-holiday working days. */
  shortDays: string[];
}

/** The year data of a production calendar (`CalendarYear`), as far as the lists need it. */
interface CalendarYearDays {
  holidays: readonly string[];
  workingWeekends: readonly string[];
  shortDays: readonly string[];
  regionalHolidays?: readonly string[] | undefined;
}

/** Joins calendar years into the lists a page ships. */
export function calendarDayLists(years: readonly CalendarYearDays[]): CalendarDayLists {
  return {
    daysOff: years.flatMap((year) => [...year.holidays, ...(year.regionalHolidays ?? [])]),
    workingWeekends: years.flatMap((year) => [...year.workingWeekends]),
    shortDays: years.flatMap((year) => [...year.shortDays]),
  };
}

/**
 * The calendar of shipped lists: the same answers as `ProductionCalendar` for the years the lists were built
 * from; outside them, a plain Monday–Friday week.
 */
export function listedWorkingDays(lists: CalendarDayLists): WorkingDayCalendar {
  const daysOff = new Set(lists.daysOff);
  const workingWeekends = new Set(lists.workingWeekends);
  const shortDays = new Set(lists.shortDays);
  const isWorkingDay = (isoDate: string) => !daysOff.has(isoDate) && (!isWeekend(isoDate) || workingWeekends.has(isoDate));
  return { isWorkingDay, isShortDay: (isoDate) => shortDays.has(isoDate) && isWorkingDay(isoDate) };
}

/** What a page with office statuses ships for its script, in a `<script type="application/json">` block. */
export interface OfficeHoursPageData {
  /** The company's time zone: the offices' clock, whatever the visitor's own zone is. */
  timeZone: string;
  calendar: CalendarDayLists;
  /** Schedules of the offices on the page, by slug. */
  offices: Record<string, OfficeSchedule>;
}

/** What the page shows for one office at one moment. */
export interface OfficeStatusView {
  status: OfficeStatus;
  /** {@link describeOfficeStatus} of the status. */
  text: string;
  /** Today's weekday, whose row the weekly table marks. */
  weekday: IsoWeekday;
  /** {@link todayNote} of today. */
  note: string;
}

/** The status line, today's weekday and today's note of an office at a local moment. */
export function officeStatusView(schedule: OfficeSchedule, calendar: WorkingDayCalendar, now: Pick<LocalDateTime, 'date' | 'minutesOfDay'>): OfficeStatusView {
  const status = officeStatus(schedule, calendar, now);
  return { status, text: describeOfficeStatus(status), weekday: dayOfWeek(now.date), note: todayNote(hoursOn(schedule, calendar, now.date)) };
}

/**
 * The views of a page's offices at an instant, in the company's time zone from the page data: what the
 * status script prints. Null for a slug the data does not have.
 * @throws RangeError when the time zone is unknown to the browser.
 */
export function officeStatusViewsAt(data: OfficeHoursPageData, instant: Date): (slug: string) => OfficeStatusView | null {
  const calendar = listedWorkingDays(data.calendar);
  const now = toLocalDateTime(instant, data.timeZone);
  return (slug) => {
    const schedule = Object.prototype.hasOwnProperty.call(data.offices, slug) ? data.offices[slug] : undefined;
    return schedule ? officeStatusView(schedule, calendar, now) : null;
  };
}
