import { z } from 'zod';

/**
 * «Возможно, ответ уже есть»: while a client types a question, up to five FAQ answers are suggested. To
 * learn whether that helps, two anonymous counters are kept (no personal data, no identifiers): how many
 * form views opened a suggestion, and how many of those still sent the question. The difference is the
 * number of questions not sent after a suggestion was opened.
 */

/** Most suggestions shown at once. */
export const MAX_FAQ_SUGGESTIONS = 5;

/** Shortest text worth searching for. */
export const MIN_SUGGESTION_TEXT = 10;

/** The two events the question form reports, each at most once per form view. */
export const SuggestionEventSchema = z.object({ event: z.enum(['opened', 'sent-after-opening']) });
export type SuggestionEvent = z.output<typeof SuggestionEventSchema>;

/** Counter keys (in the CMS counters collection) per event. */
export const SUGGESTION_COUNTER_KEYS: Record<SuggestionEvent['event'], string> = {
  opened: 'faq-suggestions-opened',
  'sent-after-opening': 'faq-suggestions-sent-after-opening',
};

/**
 * Key of the per-day counter of an event (company-local date), e.g. `faq-suggestions-opened@2026-11-27`. The
 * totals above stay as they are; the dated ones let the appeals report count a period.
 */
export function datedSuggestionCounterKey(event: SuggestionEvent['event'], isoDate: string): string {
  return `${SUGGESTION_COUNTER_KEYS[event]}@${isoDate}`;
}

/** Suggestion figures of a period: opened, sent after opening, and not sent (the questions FAQ answered). */
export interface SuggestionStats {
  opened: number;
  sentAfterOpening: number;
  notSentAfterOpening: number;
}

/** Sums the dated counters (`key`, `value` rows) whose date lies in [from, to]. */
export function sumDatedSuggestionCounters(rows: readonly { key: string; value: number }[], period: { from: string; to: string }): SuggestionStats {
  const sum = (event: SuggestionEvent['event']) => {
    const prefix = `${SUGGESTION_COUNTER_KEYS[event]}@`;
    return rows
      .filter((row) => row.key.startsWith(prefix))
      .filter((row) => {
        const date = row.key.slice(prefix.length);
        return date >= period.from && date <= period.to;
      })
      .reduce((total, row) => total + Number(row.value ?? 0), 0);
  };
  const opened = sum('opened');
  const sentAfterOpening = sum('sent-after-opening');
  // Sent-after events may land a day after their opening (midnight): never report a negative count.
  return { opened, sentAfterOpening, notSentAfterOpening: Math.max(0, opened - sentAfterOpening) };
}
