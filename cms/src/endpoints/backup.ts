import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Client } from '@libsql/client';
import type { Endpoint } from 'payload';
import { internalOnly, isInternalRequest } from '../access/internal-request';
import { usesMongo } from '../db';
import { portalRoot, readCmsEnv } from '../env';
import { COLLECTIONS } from '../slugs';
import { NO_STORE } from './payload-request';

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

/**
 * `POST /api/backup` (internal: loopback or `CMS_INTERNAL_TOKEN`): a consistent copy of the SQLite database taken
 * by this process, the one that owns the file (`VACUUM INTO` on its own connection: one read transaction, so the
 * copy holds every write committed before it started and none after; writers keep going under WAL). The copy is
 * written owner-only to `backup-staging/` beside the database; `npm run backup` packs it with the files it names
 * and deletes it. MongoDB is refused: use the database's own tools.
 */
export const backupEndpoint: Endpoint = {
  path: '/backup',
  method: 'post',
  handler: async (req) => {
    const env = readCmsEnv();
    if (!isInternalRequest(req.headers, env.CMS_INTERNAL_TOKEN)) return internalOnly();
    if (usesMongo(env)) {
      return Response.json(
        { message: 'MongoDB is backed up with its own tools: replica-set snapshots or `mongodump --oplog`.' },
        { status: 409, headers: NO_STORE },
      );
    }
    const client = (req.payload.db as unknown as { client?: Client }).client;
    if (!client) return Response.json({ message: 'The database has no SQLite connection.' }, { status: 409, headers: NO_STORE });
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
    const upload = (slug: string) => (req.payload.collections[slug as keyof typeof req.payload.collections]?.config.upload as { staticDir?: string } | undefined)?.staticDir;
    return Response.json(
      {
        snapshotFile,
        takenAt: takenAt.toISOString(),
        attachmentsDir: upload(COLLECTIONS.appealAttachments),
        documentsDir: upload(COLLECTIONS.documentFiles),
      },
      { headers: NO_STORE },
    );
  },
};
