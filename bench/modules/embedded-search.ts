import type { BenchRun } from '../context';
import { measureEmbeddedSearch, relevanceRecallAt3 } from './embedded-search-lib';

/**
 * The embedded search engine in-process at 300 and 10,000 generated documents: latency p50/p95/p99 (wall clock
 * and CPU time), index build time and memory (after indexing and after the searches), recall@3; plus recall@3
 * of the relevance set on the demo content alone. Target: p95 under 5 ms at 10,000 documents, recall@3 at least
 * 0.95.
 */
export const run: BenchRun = async ({ log }) => {
  const figures: Record<string, unknown> = {};
  for (const documents of [300, 10_000]) {
    log(`embedded search: ${documents} documents…`);
    const size = await measureEmbeddedSearch(documents);
    figures[`docs${documents}`] = {
      latencyMs: size.latencyMs,
      p99Ms: size.latencyMs.p99,
      cpuP95Ms: size.cpuMs.p95,
      buildMs: size.buildMs,
      indexMemoryMb: size.indexMemoryMb,
      searchedIndexMemoryMb: size.searchedIndexMemoryMb,
      recallAt3: size.recallAt3,
    };
  }
  const relevance = await relevanceRecallAt3();
  figures.relevanceQueries = relevance.queries;
  figures.relevanceRecallAt3 = relevance.recallAt3;
  return figures;
};
