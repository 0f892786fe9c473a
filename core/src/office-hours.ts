import { z } from 'zod';
import { IsoDateSchema } from './iso-date';
import { ClockTimeSchema } from './deadlines';
import type { DayHours, HoursException, OfficeSchedule, WeeklyHours } from './office-status';

/**
 * Office opening hours: a weekly schedule with lunch breaks, dated exceptions, and the production calendar
 * (holidays closed, pre-holiday days shortened). This file holds the schemas; what the hours mean at a date
 * and a moment is in `office-status.ts` (no zod, so the site's status script stays small), re-exported here.
 */

export * from './office-status';

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

/** Regular hours per ISO weekday (1 = Monday … 7 = Sunday); a missing day is a day off. */
export const WeeklyHoursSchema = z.array(DayHoursSchema.and(z.object({ weekday: z.number().int().min(1).max(7) })));

/** A dated exception: closed, or open with special hours (extra Saturday shift, shortened day). */
export const HoursExceptionSchema = z.object({
  date: IsoDateSchema,
  /** Special hours; absent means closed all day. */
  hours: DayHoursSchema.optional(),
  /** Reason shown to visitors, e.g. «санитарный день». */
  note: z.string().default(''),
});

/** The whole schedule of an office. */
export const OfficeScheduleSchema = z.object({
  weekly: WeeklyHoursSchema,
  exceptions: z.array(HoursExceptionSchema).default([]),
  /** Whether public holidays close the office and pre-holiday days end earlier (true for offices). */
  followsProductionCalendar: z.boolean().default(true),
  /** Minutes a pre-holiday day is shortened by (Labour Code art. 95: one hour). */
  shortDayMinutes: z.number().int().min(0).max(240).default(60),
});

// The plain types live in office-status.ts (zod-free, for the browser); these lines keep schema and types in step.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemasMatchTypes: [
  Same<z.output<typeof DayHoursSchema>, DayHours>,
  Same<z.output<typeof WeeklyHoursSchema>, WeeklyHours>,
  Same<z.output<typeof HoursExceptionSchema>, HoursException>,
  Same<z.output<typeof OfficeScheduleSchema>, OfficeSchedule>,
] = [true, true, true, true];
void schemasMatchTypes;
export type OfficeScheduleInput = z.input<typeof OfficeScheduleSchema>;
