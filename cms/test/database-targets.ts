/**
 * The databases the CMS contract tests run on: SQLite always; MongoDB when MONGODB_TEST_URL points at a server
 * (a replica set, e.g. mongodb://127.0.0.1:27017/?replicaSet=rs0). Each run uses a fresh database.
 */
export interface DatabaseTarget {
  name: 'SQLite' | 'MongoDB';
  /** Environment for {@link startTestCms}; DATABASE_URL is derived per run. */
  databaseUrl: (dir: string) => string;
}

let warned = false;

export function databaseTargets(): DatabaseTarget[] {
  const targets: DatabaseTarget[] = [{ name: 'SQLite', databaseUrl: (dir) => `file:${dir}/test.db` }];
  const mongo = process.env.MONGODB_TEST_URL;
  if (mongo) {
    targets.push({
      name: 'MongoDB',
      databaseUrl: (dir) => {
        const url = new URL(mongo);
        url.pathname = `/portal_test_${dir.replace(/\W/g, '').slice(-12)}`;
        return url.toString();
      },
    });
  } else if (!warned) {
    warned = true;
    console.warn('MongoDB contract tests skipped: MONGODB_TEST_URL is not set (no MongoDB server can be installed on this machine).');
  }
  return targets;
}
