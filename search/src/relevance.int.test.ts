import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRelevanceQueries, loadDemoSearchDocuments, relevanceKey } from '../test/demo-faq';
import { announceMeiliSkip, createTestMeiliEngine, MEILI_TEST_HOST } from '../test/meili-test-env';
import { isHeldOut, scoreRelevance } from '../test/relevance-split';
import type { SearchEngine } from './contract';
import { EmbeddedSearchEngine } from './embedded-engine';
import type { MeiliSearchEngine } from './meili-engine';

const TOP = 3;
const RANKED = 10;
/** The group of a case: the word before the colon of its note («translit: …»), or «other» for the older cases. */
const groupOf = (note: string) => /^(wrong layout|translit|everyday|units and numbers|question|place):/.exec(note)?.[1] ?? 'other';
/** Target of the issue: at least 95 % of the expected entries in the top 3. */
const RECALL_TARGET = 0.95;
const docs = loadDemoSearchDocuments();
const queries = loadDemoRelevanceQueries();

announceMeiliSkip('Meilisearch relevance tests');

function relevanceSuite(name: string, create: () => SearchEngine, dispose?: (engine: SearchEngine) => Promise<void>): void {
  describe(`${name} engine relevance on the demo FAQ, pages, news, documents, offices and payment points`, () => {
    let engine: SearchEngine;

    beforeAll(async () => {
      engine = create();
      await engine.replaceAll(docs);
    });

    afterAll(async () => {
      if (engine) await dispose?.(engine);
    });

    it('indexes every demo FAQ entry, page, news item, document, office and payment point', async () => {
      expect(await engine.count()).toBe(docs.length);
    });

    it(`puts at least ${RECALL_TARGET * 100} % of the expected entries in the top ${TOP}`, async () => {
      const misses: string[] = [];
      const cases: { query: string; group: string; expected: string[]; ranked: string[] }[] = [];
      for (const { query, expected: slugs, note } of queries) {
        // Ten results, so the reciprocal rank sees entries just below the top 3 too.
        const ranked = (await engine.search({ q: query, limit: RANKED })).hits.map(relevanceKey);
        const top = ranked.slice(0, TOP);
        cases.push({ query, group: groupOf(note), expected: slugs, ranked });
        for (const slug of slugs) {
          if (!top.includes(slug)) misses.push(`${isHeldOut(query) ? '[held-out] ' : ''}«${query}»: expected ${slug}, got [${top.join(', ')}]`);
        }
      }
      const all = scoreRelevance(cases, TOP);
      const tuning = scoreRelevance(cases.filter((c) => !isHeldOut(c.query)), TOP);
      const heldOut = scoreRelevance(cases.filter((c) => isHeldOut(c.query)), TOP);
      const line = (label: string, s: typeof all) => `${label}: recall@${TOP} = ${s.recall.toFixed(3)}, MRR = ${s.mrr.toFixed(3)} (${s.queries} queries)`;
      console.log(
        [
          `${name}:`,
          line('  all', all),
          line('  tuning', tuning),
          line('  held-out', heldOut),
          ...[...new Set(cases.map((c) => c.group))].map((group) => line(`  group ${group}`, scoreRelevance(cases.filter((c) => c.group === group), TOP))),
        ].join('\n'),
      );
      // The misses are printed so a drop below the target says which queries to look at first.
      if (misses.length > 0) console.log(`${name}: misses\n  ${misses.join('\n  ')}`);
      expect(queries.length).toBeGreaterThanOrEqual(100);
      expect(all.recall).toBeGreaterThanOrEqual(RECALL_TARGET);
    });

    it('puts a FAQ entry first for every query marked as a client\'s question or problem', async () => {
      const notFirst: string[] = [];
      const cases = queries.filter(({ faqFirst }) => faqFirst);
      for (const { query } of cases) {
        const first = (await engine.search({ q: query, limit: 1 })).hits[0];
        if (first?.type !== 'faq') notFirst.push(`«${query}»: ${first ? `${first.type} ${first.url}` : 'nothing'}`);
      }
      if (notFirst.length > 0) console.log(`${name}: questions without a FAQ entry first\n  ${notFirst.join('\n  ')}`);
      expect(cases.length).toBeGreaterThanOrEqual(20);
      expect(notFirst).toEqual([]);
    });
  });
}

relevanceSuite('embedded', () => new EmbeddedSearchEngine());

describe.skipIf(!MEILI_TEST_HOST)('Meilisearch (MEILI_HOST)', () => {
  relevanceSuite(
    'meilisearch',
    () => createTestMeiliEngine(MEILI_TEST_HOST!),
    (engine) => (engine as MeiliSearchEngine).dropIndex(),
  );
});
