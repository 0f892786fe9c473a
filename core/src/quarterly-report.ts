import { z } from 'zod';
import { QuarterSchema } from './report-period';
import { QuestionnaireSummarySchema } from './questionnaire';

/**
 * The public quarterly report on appeals (REQUIREMENTS §5, [004 L749]): counts by topic and the change against
 * the previous quarter. Numbers only. A count of one or two appeals on a topic could point at a particular
 * client in a small town, so such counts are published as «менее 3», and a total is published only when it
 * does not give those hidden counts away.
 */

/** Counts from 1 up to this value (exclusive) are not published exactly. */
export const SMALL_COUNT_THRESHOLD = 3;

/** How a hidden count reads on the site. */
export const SMALL_COUNT_LABEL = `менее ${SMALL_COUNT_THRESHOLD}`;

/** A published count: exact (0 or at least the threshold), or null for «менее 3». */
const PublicCountSchema = z
  .number()
  .int()
  .refine((value) => value === 0 || value >= SMALL_COUNT_THRESHOLD, 'Small counts are never published exactly')
  .nullable();

/** One topic row of a published quarterly report. */
export const ExportQuarterlyTopicSchema = z.object({
  /** Topic slug, empty for appeals without a topic. */
  topic: z.string(),
  /** Russian title shown in the table. */
  title: z.string(),
  /** Appeals in the quarter; null means fewer than three (1 or 2). */
  count: PublicCountSchema,
  /** Appeals in the previous quarter, the same way. */
  previous: PublicCountSchema,
  /** Change in percent against the previous quarter, rounded; null when either count is hidden or the previous one is 0. */
  changePercent: z.number().int().nullable(),
});
export type ExportQuarterlyTopic = z.output<typeof ExportQuarterlyTopicSchema>;

/** One channel row of a published quarterly report (every channel counted: site, e-mail, phone, office, post, chat). */
export const ExportQuarterlyChannelSchema = z.object({
  /** Channel code (`@portal/core/appeal-channel`). */
  channel: z.string(),
  /** Russian name shown in the table. */
  title: z.string(),
  count: PublicCountSchema,
  previous: PublicCountSchema,
  changePercent: z.number().int().nullable(),
});
export type ExportQuarterlyChannel = z.output<typeof ExportQuarterlyChannelSchema>;

/** A published quarterly report, as the site export carries it. */
export const ExportQuarterlyReportSchema = z.object({
  /** `YYYY-Qn`. */
  quarter: QuarterSchema,
  /** Rows by topic, largest first. */
  topics: z.array(ExportQuarterlyTopicSchema),
  /** Rows by the channel appeals came by, largest first; empty for reports filled before channels were counted. */
  channels: z.array(ExportQuarterlyChannelSchema).default([]),
  /** True when the split by channel exists but is not published because it would reveal a hidden count. */
  channelsWithheld: z.boolean().default(false),
  /** All appeals of the quarter; null when publishing it would reveal a hidden count (then `totalAtLeast` is shown). */
  total: z.number().int().min(0).nullable(),
  /** A lower bound that is always safe to publish. */
  totalAtLeast: z.number().int().min(0),
  /** The previous quarter's total, the same way. */
  previousTotal: z.number().int().min(0).nullable(),
  /** The editor's comment (checked for personal data before publishing). */
  note: z.string().default(''),
  /** A questionnaire's results the editor chose to include: aggregates only, free texts left out. */
  questionnaire: QuestionnaireSummarySchema.nullable().default(null),
});
export type ExportQuarterlyReport = z.output<typeof ExportQuarterlyReportSchema>;

/** The figures the CMS keeps for a quarter: exact counts per topic (staff only). */
export interface QuarterlyFigures {
  quarter: string;
  rows: { topic: string; title: string; count: number; previousCount: number }[];
  /** Exact counts by channel (the same appeals as `rows`, split by how they came). */
  channelRows?: { channel: string; title: string; count: number; previousCount: number }[];
  note?: string;
}

const isSmall = (count: number) => count > 0 && count < SMALL_COUNT_THRESHOLD;
const publicCount = (count: number): number | null => (isSmall(count) ? null : count);

/**
 * The exact total, or null when it would reveal hidden counts. With `k` hidden cells (each 1 or 2) summing to
 * `s`, the difference total − shown equals `s`, which pins every hidden cell down when `s = k` (all ones) or
 * `s = 2k` (all twos); only `k < s < 2k` keeps them ambiguous.
 */
function safeTotal(counts: number[]): { total: number | null; atLeast: number } {
  const hidden = counts.filter(isSmall);
  const shown = counts.filter((count) => !isSmall(count)).reduce((sum, count) => sum + count, 0);
  const hiddenSum = hidden.reduce((sum, count) => sum + count, 0);
  const ambiguous = hidden.length === 0 || (hiddenSum > hidden.length && hiddenSum < 2 * hidden.length);
  return { total: ambiguous ? shown + hiddenSum : null, atLeast: shown + hidden.length };
}

/** With the total known, whether the hidden cells (1 or 2 each) still cannot be told apart: see {@link safeTotal}. */
function hiddenStayAmbiguous(counts: number[]): boolean {
  return safeTotal(counts).total !== null;
}

/** The published form of a quarter's figures: small counts hidden, trends only where both counts are exact. */
function publicRows<Row extends { title: string; count: number; previousCount: number }>(rows: readonly Row[]) {
  return rows
    .filter((row) => row.count > 0 || row.previousCount > 0)
    .map((row) => {
      const count = publicCount(row.count);
      const previous = publicCount(row.previousCount);
      const changePercent = count !== null && previous !== null && previous > 0 ? Math.round(((count - previous) / previous) * 100) : null;
      return { row, count, previous, changePercent };
    })
    // Largest first; hidden counts after the exact ones; then by title for a stable order.
    .sort((a, b) => (b.count ?? 0.5) - (a.count ?? 0.5) || a.row.title.localeCompare(b.row.title, 'ru'));
}

export function publicQuarterlyReport(figures: QuarterlyFigures): ExportQuarterlyReport {
  const topics = publicRows(figures.rows).map(({ row, ...counts }) => ({ topic: row.topic, title: row.title, ...counts }));
  const current = safeTotal(figures.rows.map((row) => row.count));
  const previous = safeTotal(figures.rows.map((row) => row.previousCount));
  const channelRows = figures.channelRows ?? [];
  // The channels split the same appeals as the topics: their sum is the total. Published only when the total is
  // published anyway and, knowing it, the hidden channel counts stay ambiguous — otherwise the split would reveal a
  // hidden count (of a channel, or through the total of a topic) and is withheld as a whole.
  const channelsSafe =
    current.total !== null &&
    previous.total !== null &&
    hiddenStayAmbiguous(channelRows.map((row) => row.count)) &&
    hiddenStayAmbiguous(channelRows.map((row) => row.previousCount));
  const channels = channelsSafe ? publicRows(channelRows).map(({ row, ...counts }) => ({ channel: row.channel, title: row.title, ...counts })) : [];
  return ExportQuarterlyReportSchema.parse({
    quarter: figures.quarter,
    topics,
    channels,
    channelsWithheld: channelRows.some((row) => row.count > 0 || row.previousCount > 0) && !channelsSafe,
    total: current.total,
    totalAtLeast: current.atLeast,
    previousTotal: previous.total,
    note: figures.note ?? '',
  });
}

/** «рост на 12 %», «снижение на 5 %», «без изменений», or «—» when the change cannot be shown. */
export function trendLabel(changePercent: number | null): string {
  if (changePercent === null) return '—';
  if (changePercent === 0) return 'без изменений';
  return changePercent > 0 ? `рост на ${changePercent} %` : `снижение на ${-changePercent} %`;
}

/** A published count in words for the table: the number, or «менее 3». */
export function countLabel(count: number | null): string {
  return count === null ? SMALL_COUNT_LABEL : String(count);
}
