import { z } from 'zod';
import type { AnalysisOptions } from './analysis';
import type { SearchEngine } from './contract';
import { EmbeddedSearchEngine } from './embedded-engine';
import { MeiliSearchEngine } from './meili-engine';

export * from './analysis';
export * from './contract';
export * from './editor-synonyms';
export * from './embedded-engine';
export * from './forgiving-search';
export * from './highlight';
export * from './index-sync';
export * from './markdown-to-text';
export * from './meili-engine';
export * from './query-readings';
export * from './query-stats';
export * from './status-line';
export * from './type-labels';

/** Environment variables that choose and configure the search engine. */
export const SearchEnvSchema = z.object({
  /** Meilisearch URL; when absent, the embedded engine is used. */
  MEILI_HOST: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.url({ protocol: /^https?$/, error: 'MEILI_HOST must be an http(s) URL' }).optional(),
  ),
  /** Meilisearch API key. */
  MEILI_API_KEY: z.string().optional(),
  /** Prefix for index names, so several environments can share one server. */
  MEILI_INDEX_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]*$/, { error: 'MEILI_INDEX_PREFIX may contain only letters, digits, - and _' })
    .optional(),
});
export type SearchEnv = z.output<typeof SearchEnvSchema>;

/**
 * The engine for this environment: Meilisearch when `MEILI_HOST` is set (with `MEILI_API_KEY` and
 * `MEILI_INDEX_PREFIX` if given), otherwise the in-process engine, both with the given analysis
 * options (synonyms). Invalid values throw at startup.
 */
export function createSearchEngine(
  env: { readonly [Name in keyof SearchEnv]?: string | undefined },
  analysis: AnalysisOptions = {},
): SearchEngine {
  const parsed = SearchEnvSchema.parse(env);
  if (parsed.MEILI_HOST) {
    return new MeiliSearchEngine({
      host: parsed.MEILI_HOST,
      apiKey: parsed.MEILI_API_KEY,
      indexPrefix: parsed.MEILI_INDEX_PREFIX,
      ...analysis,
    });
  }
  return new EmbeddedSearchEngine(analysis);
}
