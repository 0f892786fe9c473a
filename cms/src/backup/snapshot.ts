import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@libsql/client';
import type { Payload } from 'payload';
import { usesMongo } from '../db';
import { portalRoot, type CmsEnv } from '../env';
import { COLLECTIONS } from '../slugs';
import type { Snapshot } from './pack';

/** Snapshots left behind by a backup that died before collecting them are removed after this long. */
const STALE_SNAPSHOT_MS = 60 * 60_000;

/** The SQLite file the CMS writes (DATABASE_URL `file:…`, default var/portal.db under the repository root). */
export function sqliteDatabaseFile(databaseUrl: string | undefined, root: string): string {
  if (databaseUrl?.startsWith('file:')) return path.resolve(databaseUrl.slice('file:'.length));
  return path.join(root, 'var', 'portal.db');
}

/** Removes snapshots older than an hour: a backup run that crashed leaves personal data behind otherwise. */
function removeStaleSnapshots(dir: string, now: number): void {
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && now - stat.mtimeMs > STALE_SNAPSHOT_MS) fs.rmSync(file, { force: true });
  }
}

/** Why this CMS cannot copy its database itself (MongoDB, or no SQLite connection), or null when it can. */
export function snapshotUnsupported(payload: Payload, env: CmsEnv): string | null {
  if (usesMongo(env)) return 'MongoDB is backed up with its own tools: replica-set snapshots or `mongodump --oplog`.';
  if (!(payload.db as unknown as { client?: Client }).client) return 'The database has no SQLite connection.';
  return null;
}

/**
 * A consistent copy of the SQLite database taken by this process, the one that owns the file (`VACUUM INTO` on its
 * own connection: one read transaction, so the copy holds every write committed before it started and none after;
 * writers keep going under WAL). Written owner-only to `backup-staging/` beside the database; the caller packs it
 * (cms/src/backup/pack.ts) and deletes it.
 */
export async function takeSnapshot(payload: Payload, env: CmsEnv): Promise<Snapshot> {
  const unsupported = snapshotUnsupported(payload, env);
  if (unsupported) throw new Error(unsupported);
  const client = (payload.db as unknown as { client: Client }).client;
  const databaseFile = sqliteDatabaseFile(env.DATABASE_URL, portalRoot(env));
  const stagingDir = path.join(path.dirname(databaseFile), 'backup-staging');
  fs.mkdirSync(stagingDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(stagingDir, 0o700);
  removeStaleSnapshots(stagingDir, Date.now());
  const snapshotFile = path.join(stagingDir, `snapshot-${Date.now()}-${crypto.randomBytes(6).toString('hex')}.db`);
  // The folder is owner-only, so the copy is never readable by others, even before its own mode is set.
  const takenAt = new Date();
  await client.execute({ sql: 'VACUUM INTO ?', args: [snapshotFile] });
  fs.chmodSync(snapshotFile, 0o600);
  const upload = (slug: string) => (payload.collections[slug as keyof typeof payload.collections]?.config.upload as { staticDir?: string } | undefined)?.staticDir;
  return { snapshotFile, takenAt: takenAt.toISOString(), attachmentsDir: upload(COLLECTIONS.appealAttachments), documentsDir: upload(COLLECTIONS.documentFiles) };
}
