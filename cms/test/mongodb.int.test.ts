import { describe, expect, it } from 'vitest';
import { databaseTargets } from './database-targets';
import { startTestCms } from './harness';

const mongo = databaseTargets().find((target) => target.name === 'MongoDB');

// The access, robot and search-sync suites also run on MongoDB when MONGODB_TEST_URL is set; this file makes
// the skip visible in the test report when it is not.
describe.skipIf(!mongo)('MongoDB adapter (MONGODB_TEST_URL)', () => {
  it('connects, creates the first administrator and keeps registration counters atomic', async () => {
    const cms = await startTestCms({}, mongo);
    try {
      const users = await cms.payload.count({ collection: 'users', overrideAccess: true });
      expect(users.totalDocs).toBe(1);
      const { nextSequenceValue } = await import('../src/appeals/intake/sequence');
      const values = await Promise.all(Array.from({ length: 10 }, () => nextSequenceValue(cms.payload, 'contract')));
      expect(new Set(values).size).toBe(10);
    } finally {
      await cms.close();
    }
  }, 120_000);
});
