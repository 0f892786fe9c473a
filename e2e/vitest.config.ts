import { defineConfig } from 'vitest/config';

// Playwright journeys against a running stack (started by scripts/test.ts, URLs in E2E_* variables).
export default defineConfig({
  test: {
    include: ['e2e/**/*.spec.ts'],
    testTimeout: 90_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
