import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRelevanceQueries, loadDemoSearchDocuments, relevanceKey } from '../test/demo-faq';
import { announceMeiliSkip, createTestMeiliEngine, MEILI_TEST_HOST } from '../test/meili-test-env';
import type { SearchEngine } from './contract';
import { isQuestionLike } from './analysis';
import { EmbeddedSearchEngine } from './embedded-engine';
import type { MeiliSearchEngine } from './meili-engine';

const TOP = 3;
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
      let found = 0;
      let expected = 0;
      for (const { query, expected: slugs } of queries) {
        const hits = (await engine.search({ q: query, limit: TOP })).hits;
        const top = hits.map(relevanceKey);
        for (const slug of slugs) {
          expected += 1;
          if (top.includes(slug)) found += 1;
          else misses.push(`«${query}»: expected ${slug}, got [${top.join(', ')}]`);
        }
      }
      const recall = found / expected;
      console.log(`${name}: recall@${TOP} = ${recall.toFixed(3)} (${found}/${expected} expected entries, ${queries.length} queries)`);
      // The misses are printed so a drop below the target says which queries to look at first.
      if (misses.length > 0) console.log(`${name}: misses\n  ${misses.join('\n  ')}`);
      expect(queries.length).toBeGreaterThanOrEqual(100);
      expect(recall).toBeGreaterThanOrEqual(RECALL_TARGET);
    });

    it('puts a FAQ entry first for question-like queries that expect one', async () => {
      const notFirst: string[] = [];
      const cases = queries.filter(({ query, expected }) => isQuestionLike(query) && expected.some((slug) => !slug.startsWith('/')));
      for (const { query } of cases) {
        const first = (await engine.search({ q: query, limit: 1 })).hits[0];
        if (first?.type !== 'faq') notFirst.push(`«${query}»: ${first ? `${first.type} ${first.url}` : 'nothing'}`);
      }
      if (notFirst.length > 0) console.log(`${name}: question-like queries without a FAQ entry first\n  ${notFirst.join('\n  ')}`);
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
