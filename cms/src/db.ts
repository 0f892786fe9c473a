import path from 'node:path';
import type { DatabaseAdapterObj } from 'payload';
import { mongooseAdapter } from '@payloadcms/db-mongodb';
import { sqliteAdapter } from '@payloadcms/db-sqlite';
import type { CmsEnv } from './env';
import { portalRoot } from './env';
import { migrations } from './migrations';
import { withSqliteGuard } from './sqlite-guard';

/** True when the configured database is MongoDB. */
export function usesMongo(env: CmsEnv): boolean {
  return Boolean(env.DATABASE_URL?.startsWith('mongodb'));
}

/**
 * The database adapter: SQLite (embedded default) or MongoDB when DATABASE_URL starts with `mongodb`.
 *
 * SQLite: WAL with a busy timeout, Payload transactions off and schema push off. Transactions on SQLite fail
 * under concurrency and can report success for writes never committed (ARCHITECTURE.md, "Measured"), so
 * durability relies on single-statement writes plus the appeals outbox. Schema comes only from the committed
 * migrations, applied by `onInit` before anything else touches the database.
 */
export function databaseAdapter(env: CmsEnv): DatabaseAdapterObj {
  if (usesMongo(env)) {
    return mongooseAdapter({ url: env.DATABASE_URL as string, transactionOptions: false });
  }
  const url = env.DATABASE_URL ?? `file:${path.join(portalRoot(env), 'var', 'portal.db')}`;
  // The guard replaces the connection after a failed write, which libsql would leave wedged (sqlite-guard.ts).
  return withSqliteGuard(
    sqliteAdapter({
      client: { url },
      // WAL with the adapter's default synchronous=FULL: every COMMIT is synced to disk before the client's 201,
      // so an acknowledged appeal survives a power cut, not only a killed process. NORMAL would be faster but
      // may drop the last commits on power loss; the cost of FULL is amortised by group commit instead
      // (store/sqlite-appeal-writer.ts: one sync per group of registrations).
      wal: true,
      busyTimeout: env.DATABASE_BUSY_TIMEOUT_MS,
      transactionOptions: false,
      push: false,
      migrationDir: path.resolve(portalRoot(env), 'cms', 'src', 'migrations'),
      prodMigrations: undefined,
    }),
  );
}

export { migrations };
