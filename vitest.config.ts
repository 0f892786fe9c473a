import { defineConfig } from 'vitest/config';

// One runner for unit (`*.test.ts`) and integration (`*.int.test.ts`) tests of every workspace.
// Playwright journeys in e2e/ run separately (scripts/test.ts) against the started stack; the pure helpers of
// e2e/support have unit tests here.
const TESTS = ['{core,search,content,api,public-server,mail-sink,cms,site,scripts}/**/*.test.ts', 'e2e/support/**/*.test.ts'];
const EXCLUDE = ['**/node_modules/**', '**/dist/**', '**/.next/**'];
/**
 * The tests that build the site run one at a time, after the rest: the site's build tests run `astro build` in their
 * own process, which writes the checkout's `.astro/` folder (two at once could read each other's half-written files),
 * and a build squeezed by a second worker can overrun its test's 30 s limit (the publishing pipeline's do).
 */
const SITE_BUILDS = ['site/test/{budgets,build,site-facts,site-pages}.int.test.ts', 'cms/test/{publishing,daily-build,admin-work}.int.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        // Two files at a time: vitest's default on two cores is one worker, which leaves the second core idle while a
        // file boots its CMS or waits on SMTP and HTTP. Every file has its own database, folders and ports.
        test: { name: 'tests', include: TESTS, exclude: [...EXCLUDE, ...SITE_BUILDS], maxWorkers: 2, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: 'site builds', include: SITE_BUILDS, exclude: EXCLUDE, maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
