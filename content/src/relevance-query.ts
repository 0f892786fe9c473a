import { z } from 'zod';
import { SlugSchema, TextLineSchema } from './slug';

/**
 * One case of the search relevance set in `relevance/queries.yaml`: a query as a visitor would
 * type it (typos, abbreviations and ё/е included) and the FAQ entries that must be in its top 3.
 */
export const RelevanceQuerySchema = z.strictObject({
  /** The query text, verbatim. */
  query: TextLineSchema,
  /** FAQ slugs that must all appear among the first three results. */
  expected: z.array(SlugSchema).min(1, 'at least one expected slug').max(3, 'at most 3: only the top 3 is checked'),
  /** What the case tests (word form, typo, abbreviation…). */
  note: TextLineSchema,
});
export type RelevanceQuery = z.output<typeof RelevanceQuerySchema>;

/** The whole relevance file. */
export const RelevanceQueryListSchema = z.array(RelevanceQuerySchema);
