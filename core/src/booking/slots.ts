import { addDays } from '../iso-date-math';
import { hoursOn, type DayHours, type OfficeSchedule, type WorkingDayCalendar } from '../office-status';
import { toLocalDateTime } from '../local-time';
import { CELL_MINUTES } from './constants';

/**
 * Free visit slots of an office, computed (never stored per slot) from its hours (weekly hours, lunch break, dated
 * exceptions, the production calendar's holidays and shortened days), its booking settings (the topic's slot length
 * and the desks serving it, closed dates, horizon) and the cells already claimed. Pure: the CMS passes in what it read.
 *
 * A day's slots of a topic start at opening and follow each other every `slotMinutes`; after the lunch break they
 * start again at its end. A slot never crosses the break or closing time. A slot is free when at least one desk
 * serving the topic has all the slot's 5-minute cells unclaimed (desks may serve several topics, so a desk's cells
 * are claimed whatever the topic).
 */

/** One topic as an office offers it. */
export interface OfficeTopicSettings {
  topicId: string;
  slotMinutes: number;
  /** Desk numbers serving the topic (1, 2…). */
  desks: number[];
  /** Documents to bring, for the confirmation letter. */
  documents: string;
}

/** An office's booking settings as the slot computation needs them. */
export interface OfficeBookingSettings {
  enabled: boolean;
  horizonDays: number;
  topics: OfficeTopicSettings[];
  /** Dates (`YYYY-MM-DD`) on which no bookings are taken. */
  closedDates: string[];
}

/** A slot of a day: `HH:MM` start and end, with the desks still free for all of it (ascending). */
export interface Slot {
  date: string;
  start: string;
  end: string;
  freeDesks: number[];
}

/** `1, 2; 3` → `[1, 2, 3]`: desk numbers 1–99, duplicates dropped; `[]` when anything in it is not a desk number. */
export function parseDeskList(text: string): number[] {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const desks: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,2}$/.test(part)) return [];
    const desk = Number(part);
    if (desk < 1) return [];
    if (!desks.includes(desk)) desks.push(desk);
  }
  return desks.sort((a, b) => a - b);
}

export const toMinutes = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
export const toClock = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The key of one claimed cell of a desk: `<desk>|<YYYY-MM-DD>T<HH:MM>` (the office is implied by the caller). */
export const cellKey = (desk: number, date: string, minutes: number): string => `${desk}|${date}T${toClock(minutes)}`;

/** The cells (start minutes, multiples of {@link CELL_MINUTES}) a visit from `start` for `minutes` occupies. */
export function cellsOf(start: string, minutes: number): number[] {
  const from = Math.floor(toMinutes(start) / CELL_MINUTES) * CELL_MINUTES;
  const to = Math.ceil((toMinutes(start) + minutes) / CELL_MINUTES) * CELL_MINUTES;
  const cells: number[] = [];
  for (let cell = from; cell < to; cell += CELL_MINUTES) cells.push(cell);
  return cells;
}

/** The working stretches of a day: open–close, split by the lunch break. Minutes since midnight. */
function stretches(hours: DayHours): [number, number][] {
  const open = toMinutes(hours.open);
  const close = toMinutes(hours.close);
  if (hours.breakStart && hours.breakEnd) return [[open, toMinutes(hours.breakStart)], [toMinutes(hours.breakEnd), close]];
  return [[open, close]];
}

/** All slot starts and ends of a topic on a day, free or not; none on a closed day or closed date. */
export function slotGrid(schedule: OfficeSchedule, calendar: WorkingDayCalendar, settings: OfficeBookingSettings, topic: OfficeTopicSettings, date: string): { start: string; end: string }[] {
  if (!settings.enabled || settings.closedDates.includes(date)) return [];
  const day = hoursOn(schedule, calendar, date);
  if (!day.hours || topic.slotMinutes <= 0) return [];
  const slots: { start: string; end: string }[] = [];
  for (const [from, to] of stretches(day.hours)) {
    for (let start = from; start + topic.slotMinutes <= to; start += topic.slotMinutes) {
      slots.push({ start: toClock(start), end: toClock(start + topic.slotMinutes) });
    }
  }
  return slots;
}

/** The slots of a topic on a day with the desks free for each; `claimed` holds {@link cellKey}s of the office. */
export function daySlots(
  schedule: OfficeSchedule,
  calendar: WorkingDayCalendar,
  settings: OfficeBookingSettings,
  topic: OfficeTopicSettings,
  date: string,
  claimed: ReadonlySet<string>,
): Slot[] {
  return slotGrid(schedule, calendar, settings, topic, date).map((slot) => {
    const cells = cellsOf(slot.start, topic.slotMinutes);
    const freeDesks = topic.desks.filter((desk) => cells.every((cell) => !claimed.has(cellKey(desk, date, cell))));
    return { date, start: slot.start, end: slot.end, freeDesks };
  });
}

/** The dates one may book on `today` (local): from tomorrow up to `horizonDays` days ahead, inclusive. */
export function bookableDates(today: string, horizonDays: number): string[] {
  const dates: string[] = [];
  for (let n = 1; n <= horizonDays; n++) dates.push(addDays(today, n));
  return dates;
}

/** True when `date` is within the bookable window seen from `today`. */
export function isBookableDate(today: string, horizonDays: number, date: string): boolean {
  return date > today && date <= addDays(today, horizonDays);
}

/**
 * The day before a visit the reminder goes out: the previous working day of the calendar (for a Monday visit the
 * Friday, for a visit after the May holidays the last working day before them).
 */
export function reminderDate(calendar: { previousWorkingDay(isoDate: string): string }, visitDate: string): string {
  return calendar.previousWorkingDay(visitDate);
}

/**
 * The instant of a local wall-clock time `YYYY-MM-DD` + `HH:MM` in `timeZone` (Russia has no daylight saving time since
 * 2014; the correction loop still handles a zone that has).
 */
export function instantOfLocal(date: string, time: string, timeZone: string): Date {
  const wanted = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), Number(time.slice(0, 2)), Number(time.slice(3, 5)));
  let guess = wanted;
  for (let i = 0; i < 3; i++) {
    const local = toLocalDateTime(new Date(guess), timeZone);
    const seen = Date.UTC(Number(local.date.slice(0, 4)), Number(local.date.slice(5, 7)) - 1, Number(local.date.slice(8, 10)), Math.floor(local.minutesOfDay / 60), local.minutesOfDay % 60);
    if (seen === wanted) break;
    guess += wanted - seen;
  }
  return new Date(guess);
}
