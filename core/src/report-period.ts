import { z } from 'zod';
import { addDays, daysInMonth, formatIsoDate, isIsoDate, parseIsoDate } from './iso-date';

/**
 * Periods of the appeal reports: a date range (inclusive, company-local `YYYY-MM-DD` dates), the quick choices
 * the admin dashboard offers, and calendar quarters (`2026-Q3`) of the public quarterly report.
 */

/** A report period: both ends inclusive, `from` not after `to`. */
export const ReportPeriodSchema = z
  .object({
    /** First day, `YYYY-MM-DD`. */
    from: z.string().refine(isIsoDate, 'Дата «с» указана неверно.'),
    /** Last day, `YYYY-MM-DD`. */
    to: z.string().refine(isIsoDate, 'Дата «по» указана неверно.'),
  })
  .refine((period) => period.from <= period.to, { message: 'Дата «с» не может быть позже даты «по».', path: ['to'] });
export type ReportPeriod = z.output<typeof ReportPeriodSchema>;

/** A calendar quarter written `YYYY-Qn`, e.g. `2026-Q3`. */
export const QuarterSchema = z.string().regex(/^\d{4}-Q[1-4]$/, 'Квартал указывается как ГГГГ-Qn, например 2026-Q3.');
export type Quarter = z.output<typeof QuarterSchema>;

/** The quarter a date falls in. */
export function quarterOf(isoDate: string): Quarter {
  const parts = parseIsoDate(isoDate);
  if (!parts) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(isoDate)}`);
  return `${parts.year}-Q${Math.ceil(parts.month / 3)}`;
}

/** First and last day of a quarter. */
export function quarterPeriod(quarter: Quarter): ReportPeriod {
  const year = Number(quarter.slice(0, 4));
  const index = Number(quarter.slice(6));
  const lastMonth = index * 3;
  return { from: formatIsoDate(year, lastMonth - 2, 1), to: formatIsoDate(year, lastMonth, daysInMonth(year, lastMonth)) };
}

/** The quarter before the given one (`2026-Q1` → `2025-Q4`). */
export function previousQuarter(quarter: Quarter): Quarter {
  return quarterOf(addDays(quarterPeriod(quarter).from, -1));
}

const QUARTER_ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** «III квартал 2026 г.» */
export function quarterTitle(quarter: Quarter): string {
  return `${QUARTER_ROMAN[Number(quarter.slice(6)) - 1]} квартал ${quarter.slice(0, 4)} г.`;
}

/** A quick choice of the dashboard's period chooser. */
export interface PeriodPreset extends ReportPeriod {
  /** Stable key, e.g. `this-month`. */
  key: string;
  /** Russian label of the link. */
  label: string;
}

/** The dashboard's quick choices relative to `today` (company-local): this and last month, quarter and year. */
export function periodPresets(today: string): PeriodPreset[] {
  const parts = parseIsoDate(today);
  if (!parts) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(today)}`);
  const monthStart = formatIsoDate(parts.year, parts.month, 1);
  const lastMonthEnd = addDays(monthStart, -1);
  const thisQuarter = quarterOf(today);
  const lastQuarter = previousQuarter(thisQuarter);
  return [
    { key: 'this-month', label: 'Этот месяц', from: monthStart, to: today },
    { key: 'last-month', label: 'Прошлый месяц', from: `${lastMonthEnd.slice(0, 8)}01`, to: lastMonthEnd },
    { key: 'this-quarter', label: 'Этот квартал', from: quarterPeriod(thisQuarter).from, to: today },
    { key: 'last-quarter', label: 'Прошлый квартал', ...quarterPeriod(lastQuarter) },
    { key: 'this-year', label: 'С начала года', from: formatIsoDate(parts.year, 1, 1), to: today },
    { key: 'last-year', label: 'Прошлый год', from: formatIsoDate(parts.year - 1, 1, 1), to: formatIsoDate(parts.year - 1, 12, 31) },
  ];
}

/** The most recent `count` quarters that have fully ended by `today`, newest first (the quarters a report can cover). */
export function completedQuarters(today: string, count: number): Quarter[] {
  const quarters: Quarter[] = [];
  let quarter = previousQuarter(quarterOf(today));
  for (let index = 0; index < count; index += 1) {
    quarters.push(quarter);
    quarter = previousQuarter(quarter);
  }
  return quarters;
}
