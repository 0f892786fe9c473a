// Mutation testing of the pure packages (core, search): `npm run mutation`.
// Not part of `npm test` (it runs the package tests once per mutant, minutes on two cores).
// The machine is shared, so one test runner and one checker only; incremental mode reuses the
// results of unchanged code and tests from the previous run (var/mutation/incremental.json).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [
    'core/src/**/*.ts',
    'search/src/**/*.ts',
    '!**/*.test.ts',
    // An HTTP adapter to a server that cannot run here (its contract tests skip without MEILI_HOST), and demo data.
    '!search/src/meili-engine.ts',
    '!search/src/demo-documents.ts',
  ],
  // Changed texts (Russian messages, labels) are pinned by the snapshot and wording tests, not by behaviour; counting
  // them would double the run on two shared cores for little news.
  mutator: { excludedMutations: ['StringLiteral'] },
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  // Module-level constants (zod schemas, message tables, calendars) are "static" mutants: each would need the
  // whole test set, 43% of the mutants for 90% of the time. They are reported as ignored, not counted.
  ignoreStatic: true,
  concurrency: 1,
  incremental: true,
  incrementalFile: 'var/mutation/incremental.json',
  reporters: ['clear-text', 'html', 'json', 'progress'],
  htmlReporter: { fileName: 'var/mutation/index.html' },
  jsonReporter: { fileName: 'var/mutation/report.json' },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0, reportScoreTable: true },
  tempDirName: 'var/stryker-tmp',
  ignorePatterns: ['cms', 'site', 'e2e', 'bench', 'api', 'public-server', 'mail-sink', 'security', 'scripts', 'var', '.astro', 'dist'],
  thresholds: { high: 85, low: 75, break: null },
  timeoutMS: 10000,
};
