import { OfficeScheduleSchema, type OfficeSchedule } from '@portal/core/office-hours';

/** Weekly row as stored in the CMS. */
interface WeeklyRow {
  weekday?: string | number | null;
  open?: string | null;
  close?: string | null;
  breakStart?: string | null;
  breakEnd?: string | null;
}
/** Exception row as stored in the CMS. */
interface ExceptionRow extends WeeklyRow {
  date?: string | null;
  closed?: boolean | null;
  note?: string | null;
}
/** The schedule fields of an office document. */
export interface OfficeScheduleFields {
  weekly?: WeeklyRow[] | null;
  exceptions?: ExceptionRow[] | null;
  followsProductionCalendar?: boolean | null;
}

const hours = (row: WeeklyRow) => ({
  open: row.open ?? '',
  close: row.close ?? '',
  ...(row.breakStart ? { breakStart: row.breakStart } : {}),
  ...(row.breakEnd ? { breakEnd: row.breakEnd } : {}),
});

/** The stored rows as the shared schedule shape (unvalidated input for {@link OfficeScheduleSchema}). */
export function scheduleInput(doc: OfficeScheduleFields): unknown {
  return {
    weekly: (doc.weekly ?? []).map((row) => ({ weekday: Number(row.weekday), ...hours(row) })),
    exceptions: (doc.exceptions ?? []).map((row) => ({
      date: row.date ?? '',
      ...(row.closed ? {} : { hours: hours(row) }),
      note: row.note ?? '',
    })),
    followsProductionCalendar: doc.followsProductionCalendar ?? true,
  };
}

/** The validated schedule of an office document. */
export function scheduleOf(doc: OfficeScheduleFields): OfficeSchedule {
  return OfficeScheduleSchema.parse(scheduleInput(doc));
}
