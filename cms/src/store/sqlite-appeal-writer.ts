import type { Client, InStatement } from '@libsql/client';
import { errorCode } from '../sqlite-guard';
import { COLLECTIONS } from '../slugs';

/** An appeal row as stored on SQLite: column name → value (text, number or null). */
export type AppealColumns = Record<string, string | number | null>;

/** What an insert did: the new row's id, or `duplicate` when a row with the same idempotency key exists. */
export type InsertOutcome = { id: number } | { duplicate: true };

/** A statement waiting for the next group commit, with what to do with its returned rows. */
interface Pending {
  statement: InStatement;
  resolve(rows: Record<string, unknown>[]): void;
  reject(error: unknown): void;
}

/** Most rows one commit carries; more wait for the next one. */
const MAX_GROUP = 200;

interface WriterState {
  queue: Pending[];
  flushing: boolean;
}

function insertStatement(columns: AppealColumns): InStatement {
  const names = Object.keys(columns);
  return {
    sql: `INSERT INTO "${COLLECTIONS.appeals}" (${names.map((name) => `"${name}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')}) ON CONFLICT ("idempotency_key") DO NOTHING RETURNING "id"`,
    args: names.map((name) => columns[name] ?? null),
  };
}

function outcomeOf(rows: { id?: unknown }[]): InsertOutcome {
  const id = rows[0]?.id;
  return typeof id === 'number' || typeof id === 'bigint' ? { id: Number(id) } : { duplicate: true };
}

/** Runs one write statement in the next group commit; resolves with its returned rows once the COMMIT returned. */
export type GroupCommit = (statement: InStatement) => Promise<Record<string, unknown>[]>;

/**
 * Group commit for one SQLite database: statements that arrive while a commit is being prepared go into the same
 * transaction (`BEGIN IMMEDIATE … COMMIT`, one WAL sync for all of them). The promise resolves only after the
 * COMMIT returned, so a caller that answers 201 on it answers for a durable row. A group that fails on a constraint
 * is retried statement by statement, so one bad row cannot fail its neighbours; any other failure (busy, locked,
 * disk full) fails the whole group at once, and nothing of it is stored. One per database (the store holds it), so
 * its queue groups every appeal registration and chat message of the process.
 */
export function groupCommit(client: () => Client): GroupCommit {
  const state: WriterState = { queue: [], flushing: false };
  return (statement) =>
    new Promise<Record<string, unknown>[]>((resolve, reject) => {
      state.queue.push({ statement, resolve, reject });
      if (!state.flushing) {
        state.flushing = true;
        // Let the requests already read by the event loop join this commit.
        setImmediate(() => void flush(client, state));
      }
    });
}

/** The appeal inserter on a group commit: the new row's id, or `duplicate` for a known idempotency key. */
export function appealWriter(commit: GroupCommit): (columns: AppealColumns) => Promise<InsertOutcome> {
  return async (columns) => outcomeOf((await commit(insertStatement(columns))) as { id?: unknown }[]);
}

async function flush(connection: () => Client, state: WriterState): Promise<void> {
  try {
    while (state.queue.length > 0) {
      const group = state.queue.splice(0, MAX_GROUP);
      const client = connection();
      try {
        const results = await client.batch(group.map((pending) => pending.statement), 'write');
        group.forEach((pending, i) => pending.resolve((results[i]?.rows ?? []) as unknown as Record<string, unknown>[]));
      } catch (groupError) {
        // Busy, locked, full, I/O: nothing of the group is stored and retrying row by row would only wait out
        // the busy timeout once per row. Every client gets its 503 now (the guard has replaced the connection).
        if (group.length === 1 || !errorCode(groupError)?.startsWith('SQLITE_CONSTRAINT')) {
          for (const pending of group) pending.reject(groupError);
          continue;
        }
        for (const pending of group) {
          try {
            const result = await client.execute(pending.statement);
            pending.resolve(result.rows as unknown as Record<string, unknown>[]);
          } catch (error) {
            pending.reject(error);
          }
        }
      }
    }
  } finally {
    state.flushing = false;
    // Rows queued after the loop's last check.
    if (state.queue.length > 0) {
      state.flushing = true;
      setImmediate(() => void flush(connection, state));
    }
  }
}
