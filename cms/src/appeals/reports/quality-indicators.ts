import type { Payload } from 'payload';
import { qualityIndicators, QUALITY_QUARTERS, type ExportQualityQuarter, type QualityAppeal } from '@portal/core/quality-indicators';
import { completedQuarters, quarterPeriod } from '@portal/core/report-period';
import { toLocalIsoDate } from '@portal/core/time-zone';
import { COLLECTIONS } from '../../slugs';

/** States that close an appeal without an answer: such appeals count in no timeliness figure. */
const CLOSED_WITHOUT_ANSWER = new Set(['rejected', 'not-considered']);

/**
 * The published quality indicators of the last completed quarters, read from the appeals at export time. Only
 * dates, the state and the rating are read; only the aggregates leave (core/src/quality-indicators.ts).
 */
export async function loadQualityIndicators(payload: Payload, timeZone: string, now = new Date()): Promise<ExportQualityQuarter[]> {
  const today = toLocalIsoDate(now, timeZone);
  const oldest = completedQuarters(today, QUALITY_QUARTERS).at(-1)!;
  // A day's margin covers every time zone; each appeal is then placed by its company-local date.
  const since = new Date(`${quarterPeriod(oldest).from}T00:00:00.000Z`);
  since.setUTCDate(since.getUTCDate() - 1);
  const result = await payload.find({
    collection: COLLECTIONS.appeals,
    where: { receivedAt: { greater_than_equal: since.toISOString() } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { receivedAt: true, deadlineDate: true, answeredAt: true, status: true, survey: { rating: true } } as never,
  });
  const appeals: QualityAppeal[] = result.docs.map((doc) => {
    const row = doc as unknown as { receivedAt: string; deadlineDate: string; answeredAt?: string | null; status: string; survey?: { rating?: number | null } | null };
    return {
      receivedDate: toLocalIsoDate(new Date(row.receivedAt), timeZone),
      deadlineDate: row.deadlineDate,
      answeredDate: row.answeredAt ? toLocalIsoDate(new Date(row.answeredAt), timeZone) : null,
      settledWithoutAnswer: !row.answeredAt && CLOSED_WITHOUT_ANSWER.has(row.status),
      rating: row.survey?.rating ?? null,
    };
  });
  return qualityIndicators(appeals, today);
}
