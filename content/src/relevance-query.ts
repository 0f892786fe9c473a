import { z } from 'zod';
import { SlugSchema, TextLineSchema } from './slug';

/**
 * An expected result: a FAQ slug, or the site path of a page, news item or document (as the hit's `url`
 * gives it, e.g. `/spravka/novosti/tarify-s-1-oktyabrya-2026/`), since those have no slug of their own
 * that is unique across the site.
 */
export const RelevanceTargetSchema = z.union([
  SlugSchema,
  z.string().regex(/^\/(?!\/)[a-z0-9/#-]*$/, 'a FAQ slug or a site path such as /fizlicam/dogovor/'),
]);

/**
 * One case of the search relevance set in `relevance/queries.yaml`: a query as a visitor would
 * type it (typos, abbreviations and ё/е included) and the entries that must be in its top 3.
 */
export const RelevanceQuerySchema = z.strictObject({
  /** The query text, verbatim. */
  query: TextLineSchema,
  /** FAQ slugs or site paths that must all appear among the first three results. */
  expected: z.array(RelevanceTargetSchema).min(1, 'at least one expected slug').max(3, 'at most 3: only the top 3 is checked'),
  /** What the case tests (word form, typo, abbreviation…). */
  note: TextLineSchema,
  /**
   * A client asking a question or describing a problem: a FAQ answer must come first, before pages and
   * news. Chosen by hand, not by the search's own idea of a question.
   */
  faqFirst: z.literal(true).optional(),
});
export type RelevanceQuery = z.output<typeof RelevanceQuerySchema>;

/** The whole relevance file. */
export const RelevanceQueryListSchema = z.array(RelevanceQuerySchema);
