import { defineConfig } from 'vitest/config';

// One runner for unit (`*.test.ts`) and integration (`*.int.test.ts`) tests of every workspace.
// Playwright journeys in e2e/ run separately (scripts/test.ts) against the started stack; the pure helpers of
// e2e/support have unit tests here.
export default defineConfig({
  test: {
    include: ['{core,search,content,api,public-server,mail-sink,cms,site,scripts}/**/*.test.ts', 'e2e/support/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', '**/.next/**'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
