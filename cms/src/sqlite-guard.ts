import { createClient, type Client, type Config } from '@libsql/client';
import type { DatabaseAdapterObj } from 'payload';

/** What the guard has seen since the process started (health endpoint, tests, soak test). */
export interface SqliteGuardStats {
  /** Statements that failed with a SQLite error other than a constraint violation (busy, full, I/O…). */
  failedStatements: number;
  /** Times the guard replaced the connection after such a failure. */
  reconnects: number;
}

/** The client methods that run statements on the connection; the guard queues and redirects them. */
const STATEMENT_METHODS = ['execute', 'batch', 'migrate', 'executeMultiple'] as const;

const STATS_KEY = Symbol.for('portal.sqliteGuardStats');
const GUARDED = Symbol.for('portal.sqliteGuarded');
const holder = globalThis as unknown as Record<symbol, SqliteGuardStats | undefined>;

/** Counters of the guard in this process (kept on globalThis: Next may load this module more than once). */
export function sqliteGuardStats(): SqliteGuardStats {
  holder[STATS_KEY] ??= { failedStatements: 0, reconnects: 0 };
  return holder[STATS_KEY];
}

/** Where the guard reports: a fixed text and the error code only, never the statement (it may quote personal data). */
export type GuardLogger = (message: string, code: string | undefined) => void;

/**
 * Makes a libsql client survive the "wedged connection" failure (ARCHITECTURE.md, "Measured";
 * tursodatabase/libsql-client-ts#352). When a statement that returns rows (Payload's `INSERT … RETURNING`,
 * our counter upsert) fails with SQLITE_BUSY, @libsql/client leaves that statement un-reset. SQLite
 * commits an autocommit write only when the connection's last active statement finishes, so from then on
 * every write on that connection "succeeds" and is never committed; `ROLLBACK` cannot help (measured:
 * `BEGIN; ROLLBACK` leaves the dangling statement behind). Only a new connection recovers.
 *
 * So after any statement fails with a SQLite error other than a constraint violation (busy, locked, full,
 * I/O), the guard closes the connection — discarding whatever it had not committed — and opens a fresh one
 * with `reopen`. Calls are queued, so no statement can slip onto the wedged connection between the failure
 * and the swap (it would be acknowledged and then lost). libsql runs each call synchronously, so the queue
 * costs no parallelism. The caller still gets the original error and answers 503.
 */
export function guardLibsqlClient(client: Client, reopen: () => Promise<Client>, log: GuardLogger = () => undefined): void {
  const marked = client as unknown as Record<symbol, boolean>;
  if (marked[GUARDED]) return;
  marked[GUARDED] = true;
  const stats = sqliteGuardStats();

  // The connection statements actually run on: the original client's own methods until the first swap.
  let current: Pick<Client, (typeof STATEMENT_METHODS)[number] | 'close' | 'transaction'> = {
    execute: client.execute.bind(client),
    batch: client.batch.bind(client),
    migrate: client.migrate.bind(client),
    executeMultiple: client.executeMultiple.bind(client),
    transaction: client.transaction.bind(client),
    close: client.close.bind(client),
  };
  let tail: Promise<unknown> = Promise.resolve();

  const replaceConnection = async (error: unknown) => {
    stats.failedStatements += 1;
    try {
      const fresh = await reopen();
      const wedged = current;
      current = fresh;
      stats.reconnects += 1;
      log('connection replaced after a failed statement', errorCode(error));
      try {
        wedged.close();
      } catch {
        // Already closed or closing: it is out of use either way.
      }
    } catch (reopenError) {
      // Keep the old connection; the next failure tries again.
      log('could not open a new connection after a failed statement', errorCode(reopenError) ?? errorCode(error));
    }
  };

  for (const method of STATEMENT_METHODS) {
    (client as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      const result = tail.then(() => (current[method] as (...a: unknown[]) => Promise<unknown>)(...args));
      const settled = result.then(
        () => undefined,
        (error: unknown) => (needsNewConnection(error) ? replaceConnection(error) : undefined),
      );
      tail = settled;
      // The caller sees the original outcome, but only once any replacement is done.
      return settled.then(() => result);
    };
  }
  client.transaction = ((...args: Parameters<Client['transaction']>) => current.transaction(...args)) as Client['transaction'];
  client.close = () => current.close();
}

/** True for SQLite failures that may leave the connection wedged: everything but constraint violations. */
function needsNewConnection(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && !code.startsWith('SQLITE_CONSTRAINT');
}

/** The SQLite error code of a libsql error (e.g. `SQLITE_BUSY`), looking through `cause` chains. */
export function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_')) return code;
    current = current.cause;
  }
  return undefined;
}

/** The fields of Payload's SQLite adapter the guard needs to open an equivalent connection. */
interface SqliteAdapterState {
  client?: Client;
  clientConfig: Config;
  busyTimeout?: number;
  wal?: false | { synchronous?: string };
}

/** Opens a connection configured like the adapter's own (`connect` sets these pragmas per connection). */
async function openLike(state: SqliteAdapterState): Promise<Client> {
  const client = createClient(state.clientConfig);
  if (state.busyTimeout && state.busyTimeout > 0) await client.execute(`PRAGMA busy_timeout = ${state.busyTimeout}`);
  if (state.wal && state.wal.synchronous) await client.execute(`PRAGMA synchronous = ${state.wal.synchronous}`);
  return client;
}

/**
 * Wraps Payload's SQLite adapter so its libsql client is guarded (see {@link guardLibsqlClient}) as soon as
 * it connects, before Payload or the migrations run anything through it.
 */
export function withSqliteGuard(adapterObj: DatabaseAdapterObj): DatabaseAdapterObj {
  const init = adapterObj.init;
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = init(args);
      const connect = adapter.connect;
      if (connect) {
        adapter.connect = async function guardedConnect(this: typeof adapter, ...connectArgs) {
          await connect.apply(this, connectArgs);
          const state = this as unknown as SqliteAdapterState;
          if (state.client) {
            guardLibsqlClient(
              state.client,
              () => openLike(state),
              (message, code) => args.payload.logger.warn({ code }, `[sqlite] ${message}`),
            );
          }
        };
      }
      return adapter;
    },
  };
}
