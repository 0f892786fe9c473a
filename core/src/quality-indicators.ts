import { z } from 'zod';
import { completedQuarters, quarterOf, QuarterSchema, type Quarter } from './report-period';

/**
 * The service-quality indicators the site publishes every quarter ([000 L462], [000 L706–714], [004 L747–749]): the
 * share of appeals answered on time and the clients' satisfaction, computed from the appeals at site build time.
 * Aggregates only: no appeal, name or text leaves the CMS, and a quarter with fewer than
 * {@link MIN_APPEALS_FOR_INDICATOR} appeals behind a figure publishes no figure (a share of three appeals says
 * nothing about the service and an average of one rating is one client's rating).
 */

/** A figure is published only when at least this many appeals (or ratings) stand behind it. */
export const MIN_APPEALS_FOR_INDICATOR = 10;

/** How many completed quarters the site shows, newest first. */
export const QUALITY_QUARTERS = 4;

/** The facts of one appeal the indicators read (company-local dates, no personal data). */
export interface QualityAppeal {
  /** Day the appeal was received, `YYYY-MM-DD`: the appeal belongs to that day's quarter. */
  receivedDate: string;
  /** Its deadline, `YYYY-MM-DD`. */
  deadlineDate: string;
  /** Day the answer was sent, `YYYY-MM-DD`, or null while there is none. */
  answeredDate: string | null;
  /** Whether the appeal is closed without an answer (rejected, not considered): then it counts in neither figure. */
  settledWithoutAnswer: boolean;
  /** The client's rating 1–5 from the survey, or null. */
  rating: number | null;
}

/** One quarter's published indicators; a null figure means «too few appeals to compute». */
export const ExportQualityQuarterSchema = z.object({
  quarter: QuarterSchema,
  /** Appeals with a verdict on timeliness (answered, or still unanswered past the deadline); null when fewer than the minimum. */
  decided: z.number().int().min(MIN_APPEALS_FOR_INDICATOR).nullable(),
  /** Share of them answered by the deadline, percent with one decimal. */
  onTimePercent: z.number().min(0).max(100).nullable(),
  /** Ratings given; null when fewer than the minimum. */
  rated: z.number().int().min(MIN_APPEALS_FOR_INDICATOR).nullable(),
  /** Average rating 1–5, one decimal. */
  ratingAverage: z.number().min(1).max(5).nullable(),
  /** Share of ratings 4 and 5, percent with one decimal. */
  satisfiedPercent: z.number().min(0).max(100).nullable(),
});
export type ExportQualityQuarter = z.output<typeof ExportQualityQuarterSchema>;

const percent1 = (part: number, whole: number) => Math.round((part / whole) * 1000) / 10;

/**
 * The indicators of one quarter from the appeals received in it, as of `today` (company-local). An answer is on time
 * when it was sent on or before the deadline day; an appeal still unanswered after its deadline counts as late; one
 * still within its deadline is not yet counted.
 */
export function qualityOfQuarter(quarter: Quarter, appeals: readonly QualityAppeal[], today: string): ExportQualityQuarter {
  let decided = 0;
  let onTime = 0;
  let rated = 0;
  let ratingSum = 0;
  let satisfied = 0;
  for (const appeal of appeals) {
    if (quarterOf(appeal.receivedDate) !== quarter) continue;
    if (appeal.answeredDate !== null) {
      decided += 1;
      if (appeal.answeredDate <= appeal.deadlineDate) onTime += 1;
    } else if (!appeal.settledWithoutAnswer && appeal.deadlineDate < today) {
      decided += 1;
    }
    if (appeal.rating !== null && Number.isInteger(appeal.rating) && appeal.rating >= 1 && appeal.rating <= 5) {
      rated += 1;
      ratingSum += appeal.rating;
      if (appeal.rating >= 4) satisfied += 1;
    }
  }
  const enoughDecided = decided >= MIN_APPEALS_FOR_INDICATOR;
  const enoughRated = rated >= MIN_APPEALS_FOR_INDICATOR;
  return ExportQualityQuarterSchema.parse({
    quarter,
    decided: enoughDecided ? decided : null,
    onTimePercent: enoughDecided ? percent1(onTime, decided) : null,
    rated: enoughRated ? rated : null,
    ratingAverage: enoughRated ? Math.round((ratingSum / rated) * 10) / 10 : null,
    satisfiedPercent: enoughRated ? percent1(satisfied, rated) : null,
  });
}

/** The indicators of the last {@link QUALITY_QUARTERS} completed quarters before `today`, newest first. */
export function qualityIndicators(appeals: readonly QualityAppeal[], today: string, quarters = QUALITY_QUARTERS): ExportQualityQuarter[] {
  return completedQuarters(today, quarters).map((quarter) => qualityOfQuarter(quarter, appeals, today));
}

/** «98,6 %» (Russian decimal comma, a non-breaking space before the sign). */
export function formatPercent(value: number): string {
  return `${String(value).replace('.', ',')}\u00a0%`;
}

/** «4,6 из 5». */
export function formatRating(value: number): string {
  return `${String(value).replace('.', ',')} из 5`;
}
