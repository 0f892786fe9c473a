import { defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant (npm run mutation): the unit and in-memory
// integration tests of the two pure packages it mutates, core and search.
export default defineConfig({
  test: {
    include: ['core/src/**/*.test.ts', 'search/src/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', 'search/src/meili-engine.int.test.ts'],
    testTimeout: 30_000,
  },
});
