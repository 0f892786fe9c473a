import { describe } from 'vitest';
import { engineContract } from '../test/engine-contract';
import { announceMeiliSkip, createTestMeiliEngine, MEILI_TEST_HOST } from '../test/meili-test-env';
import type { MeiliSearchEngine } from './meili-engine';

announceMeiliSkip('Meilisearch contract tests');

describe.skipIf(!MEILI_TEST_HOST)('Meilisearch adapter (MEILI_HOST)', () => {
  engineContract('meilisearch', {
    create: async () => createTestMeiliEngine(MEILI_TEST_HOST!),
    dispose: async (engine) => (engine as MeiliSearchEngine).dropIndex(),
  });
});
