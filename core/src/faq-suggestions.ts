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
