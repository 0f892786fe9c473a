import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRelevanceQueries, loadDemoSearchDocuments } from '../test/demo-faq';
import { announceMeiliSkip, createTestMeiliEngine, MEILI_TEST_HOST } from '../test/meili-test-env';
import type { SearchEngine } from './contract';
import { EmbeddedSearchEngine } from './embedded-engine';
import type { MeiliSearchEngine } from './meili-engine';

const TOP = 3;
const docs = loadDemoSearchDocuments();
const queries = loadDemoRelevanceQueries();

announceMeiliSkip('Meilisearch relevance tests');

function relevanceSuite(name: string, create: () => SearchEngine, dispose?: (engine: SearchEngine) => Promise<void>): void {
  describe(`${name} engine relevance on the demo FAQ`, () => {
    let engine: SearchEngine;

    beforeAll(async () => {
      engine = create();
      await engine.replaceAll(docs);
    });

    afterAll(async () => {
      if (engine) await dispose?.(engine);
    });

    it('indexes every demo FAQ entry', async () => {
      expect(await engine.count()).toBe(docs.length);
    });

    it(`puts every expected entry of every relevance query in the top ${TOP}`, async () => {
      const misses: string[] = [];
      let found = 0;
      let expected = 0;
      for (const { query, expected: slugs } of queries) {
        const top = (await engine.search({ q: query, limit: TOP })).hits.map((hit) => hit.id);
        for (const slug of slugs) {
          expected += 1;
          if (top.includes(slug)) found += 1;
          else misses.push(`«${query}»: expected ${slug}, got [${top.join(', ')}]`);
        }
      }
      console.log(`${name}: recall@${TOP} = ${(found / expected).toFixed(3)} (${found}/${expected} expected entries, ${queries.length} queries)`);
      expect(misses).toEqual([]);
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
