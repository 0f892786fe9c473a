import type { RelevanceQuery } from '@portal/content';

/**
 * The relevance set in two parts, chosen once by a fixed rule so that nobody picks them: a query is
 * held out when the FNV-1a hash of its text (as written in queries.yaml) is divisible by 3 — about a
 * third of the set. Synonyms, weights and rules are tuned on the tuning part only; the held-out part
 * says whether the tuning carries over to queries it never saw.
 */
export function isHeldOut(query: string): boolean {
  return fnv1a(query) % 3 === 0;
}

/** The tuning and held-out parts of a relevance set. */
export function splitRelevanceSet(queries: readonly RelevanceQuery[]): { tuning: RelevanceQuery[]; heldOut: RelevanceQuery[] } {
  return { tuning: queries.filter((q) => !isHeldOut(q.query)), heldOut: queries.filter((q) => isHeldOut(q.query)) };
}

/** 32-bit FNV-1a over the UTF-16 code units. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Recall@k and mean reciprocal rank of a part of the set, given each query's ranked result keys. */
export interface RelevanceScores {
  queries: number;
  /** Share of expected entries found among the first k results. */
  recall: number;
  /** Mean over expected entries of 1 / rank of the entry (0 when it is not among the results). */
  mrr: number;
}

/** Scores a part of the set from the keys each query returned, best first. */
export function scoreRelevance(cases: readonly { expected: readonly string[]; ranked: readonly string[] }[], k: number): RelevanceScores {
  let expected = 0;
  let found = 0;
  let reciprocal = 0;
  for (const { expected: targets, ranked } of cases) {
    for (const target of targets) {
      expected += 1;
      const rank = ranked.indexOf(target);
      if (rank >= 0 && rank < k) found += 1;
      if (rank >= 0) reciprocal += 1 / (rank + 1);
    }
  }
  return { queries: cases.length, recall: expected === 0 ? 0 : found / expected, mrr: expected === 0 ? 0 : reciprocal / expected };
}
