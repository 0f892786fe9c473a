import { defineConfig } from 'vitest/config';

// Fault tests (scripts/faults/*.fault.ts): each file starts its own stack and stops or kills its processes.
// scripts/test.ts runs them beside the browser journeys, which use another stack: their waits (a two-minute
// SMTP outage, a CMS restart) then cost the suite no extra time.
export default defineConfig({
  test: {
    include: ['scripts/faults/**/*.fault.ts'],
    testTimeout: 12 * 60_000,
    hookTimeout: 6 * 60_000,
    // One stack at a time on a small machine.
    fileParallelism: false,
  },
});
