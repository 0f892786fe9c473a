import { loadRelevanceQueries, type RelevanceQuery } from '@portal/content';
import { EmbeddedSearchEngine, type SearchDocument } from '@portal/search';
import { loadDemoSearchDocuments, relevanceKey } from '@portal/search/demo-documents';
import { summarize } from '../../scripts/lib/stats';

/** Figures of the embedded engine at one index size. */
export interface SearchSizeFigures {
  /** Indexed documents. */
  documents: number;
  /** Time to index them all with `replaceAll`, in ms. */
  buildMs: number;
  /** Heap growth attributable to the index, in MB (approximate unless Node runs with --expose-gc). */
  indexMemoryMb: number;
  /** The same after the searches, with what they keep for the next ones (postings compiled for searching), in MB. */
  searchedIndexMemoryMb: number;
  /** Search latency (wall clock) over every relevance query, repeated, in ms. */
  latencyMs: Percentiles;
  /**
   * CPU time the process spent per search, in ms: on a shared machine the wall-clock tail includes
   * time the process waited for a core; this shows what the search itself costs.
   */
  cpuMs: Percentiles;
  /** recall@3 of the relevance set on this index (with generated documents competing beyond the demo content). */
  recallAt3: number;
}

/** Summary of a sample with the 99th percentile added. */
export type Percentiles = ReturnType<typeof summarize> & { p99: number };

function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const p99 = sorted[Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)] ?? Number.NaN;
  return { ...summarize(values), p99 };
}

const TOP = 3;
const TITLE_PREFIXES = ['Новость', 'Документ', 'Информация для клиентов', 'Объявление'] as const;

/** The demo content (FAQ, pages, news, documents) as search documents. */
function demoDocuments(): SearchDocument[] {
  return loadDemoSearchDocuments();
}

/**
 * Builds `count` documents: the demo content first, then generated ones whose sentences are shuffled from the
 * demo answers (a deterministic generator), so the vocabulary and text lengths stay realistic.
 */
export function generateDocuments(count: number): SearchDocument[] {
  const demo = demoDocuments();
  const sentences = demo.flatMap((doc) => doc.answerText.split(/(?<=[.!?])\s+/)).filter((s) => s.length > 20);
  let seed = 42;
  const random = () => {
    // Park–Miller LCG: deterministic, so runs on one machine compare.
    seed = (seed * 48_271) % 2_147_483_647;
    return seed / 2_147_483_647;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const docs = demo.slice(0, count);
  for (let i = docs.length; i < count; i++) {
    const base = pick(demo);
    docs.push({
      ...base,
      id: `generated-${i}`,
      type: pick(['page', 'news', 'document'] as const),
      url: `/novosti/generated-${i}/`,
      // Titles are sentence openings, not FAQ questions: distractors share the vocabulary, not the wording.
      question: `${TITLE_PREFIXES[i % TITLE_PREFIXES.length]}: ${pick(sentences).split(' ').slice(0, 6).join(' ')}`,
      answerText: Array.from({ length: 3 + Math.floor(random() * 5) }, () => pick(sentences)).join(' '),
    });
  }
  return docs;
}

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

/** Indexes `count` documents and times every relevance query `rounds` times. */
export async function measureEmbeddedSearch(count: number, rounds = 5): Promise<SearchSizeFigures> {
  const docs = generateDocuments(count);
  const queries: RelevanceQuery[] = loadRelevanceQueries();
  const heapBefore = heapMb();
  const engine = new EmbeddedSearchEngine();
  const buildStarted = performance.now();
  await engine.replaceAll(docs);
  const buildMs = performance.now() - buildStarted;
  const indexMemoryMb = Math.max(0, heapMb() - heapBefore);

  // Warm-up: the first searches compile regular expressions and fill caches.
  for (const { query } of queries) await engine.search({ q: query, limit: 10 });

  const latencies: number[] = [];
  const cpuTimes: number[] = [];
  let found = 0;
  let expected = 0;
  for (let round = 0; round < rounds; round++) {
    for (const { query, expected: slugs } of queries) {
      const cpuStarted = process.cpuUsage();
      const started = performance.now();
      const result = await engine.search({ q: query, limit: 10 });
      latencies.push(performance.now() - started);
      const cpu = process.cpuUsage(cpuStarted);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
      if (round === 0) {
        const top = result.hits.slice(0, TOP).map(relevanceKey);
        for (const slug of slugs) {
          expected += 1;
          if (top.includes(slug)) found += 1;
        }
      }
    }
  }
  // Measured after the timed searches, so the collection it forces does not change their timing.
  const searchedIndexMemoryMb = Math.max(0, heapMb() - heapBefore);
  return {
    documents: docs.length,
    buildMs,
    indexMemoryMb,
    searchedIndexMemoryMb,
    latencyMs: percentiles(latencies),
    cpuMs: percentiles(cpuTimes),
    recallAt3: found / expected,
  };
}

/** recall@3 of the relevance set on the demo content alone: the figure `npm test` checks (at least 0.95). */
export async function relevanceRecallAt3(): Promise<{ queries: number; recallAt3: number }> {
  const engine = new EmbeddedSearchEngine();
  await engine.replaceAll(demoDocuments());
  const queries = loadRelevanceQueries();
  let found = 0;
  let expected = 0;
  for (const { query, expected: slugs } of queries) {
    const top = (await engine.search({ q: query, limit: TOP })).hits.map(relevanceKey);
    for (const slug of slugs) {
      expected += 1;
      if (top.includes(slug)) found += 1;
    }
  }
  return { queries: queries.length, recallAt3: found / expected };
}
