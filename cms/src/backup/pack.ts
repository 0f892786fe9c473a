/**
 * Packs a database snapshot (taken by the CMS, cms/src/backup/snapshot.ts) with the attachments and document files
 * it names and the generated secret into one archive (cms/src/backup/archive.ts). The one archive builder: the
 * nightly job (cms/src/backup/nightly.ts) and `npm run backup` (scripts/lib/backup.ts) both call it. Plain Node:
 * it never loads Payload, so the script imports it without the CMS's configuration.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { PART_FOLDERS, writeArchive, type ArchiveInput, type BackupManifest } from './archive';

export type Progress = (message: string) => void;

/** A consistent copy of the database and where the files it names live (what `POST /api/backup` answers). */
export interface Snapshot {
  snapshotFile: string;
  /** When the copy's read transaction began (ISO). */
  takenAt: string;
  attachmentsDir?: string | undefined;
  documentsDir?: string | undefined;
}

export interface PackOptions {
  /** The generated PAYLOAD_SECRET kept by `npm start` (var/payload-secret); left out when it does not exist. */
  secretFile: string;
  /** Created owner-only; an existing file is never overwritten. */
  outFile: string;
  passphrase?: string | undefined;
  portalVersion: string;
  progress?: Progress;
}

export interface PackResult {
  file: string;
  bytes: number;
  /** SHA-256 of the archive file as written (what a copy elsewhere can be checked against). */
  sha256: string;
  manifest: BackupManifest;
}

/** Archive names of the nightly job: `portal-nightly-<UTC instant>.tar.gz[.enc]`; retention touches nothing else. */
const NIGHTLY_NAME = /^portal-nightly-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.tar\.gz(\.enc)?$/;

/** The file name of an archive written at `at` (`kind` nightly: the job's own names, see {@link nightlyArchiveInstant}). */
export function archiveFileName(at: Date, encrypted: boolean, kind: 'manual' | 'nightly' = 'manual'): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  return `portal-${kind === 'nightly' ? 'nightly-' : ''}${stamp}.tar.gz${encrypted ? '.enc' : ''}`;
}

/** The instant in the name of an archive the nightly job wrote, or null for any other file. */
export function nightlyArchiveInstant(name: string): Date | null {
  const match = NIGHTLY_NAME.exec(name);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, ms] = match;
  const at = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Reads the migration level, the appeal count and the file names from the snapshot (a copy: never the live file). */
async function readSnapshot(snapshotFile: string) {
  const db = createClient({ url: `file:${snapshotFile}` });
  try {
    const migrations = (await db.execute("SELECT name FROM payload_migrations WHERE name <> 'dev' ORDER BY name")).rows.map((row) => String(row.name));
    const appeals = Number((await db.execute('SELECT count(*) AS n FROM appeals')).rows[0]?.n ?? 0);
    const names = async (table: string) => (await db.execute(`SELECT filename FROM ${table} WHERE filename IS NOT NULL ORDER BY filename`)).rows.map((row) => String(row.filename));
    return { migrations, appeals, attachments: await names('appeal_attachments'), documents: await names('document_files') };
  } finally {
    db.close();
  }
}

async function sha256OfFile(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Packs the snapshot into `outFile`: the database copy, the secret, and the attachments and document files the copy
 * names. Files added after the copy are left out (the database does not know them); files the copy names but that
 * are gone are listed in the manifest as missing. The snapshot file is left for the caller to delete.
 */
export async function packSnapshot(snapshot: Snapshot, options: PackOptions): Promise<PackResult> {
  const progress = options.progress ?? (() => undefined);
  const content = await readSnapshot(snapshot.snapshotFile);
  const inputs: ArchiveInput[] = [{ kind: 'database', name: 'portal.db', file: snapshot.snapshotFile }];
  if (fs.existsSync(options.secretFile)) inputs.push({ kind: 'secret', name: 'payload-secret', file: options.secretFile });
  else progress('No generated secret file: PAYLOAD_SECRET comes from the environment. Keep it with the archive, it is not inside.');
  const missing: string[] = [];
  const addFiles = (kind: 'attachments' | 'documents', dir: string | undefined, names: string[]) => {
    for (const name of names) {
      const file = dir ? path.join(dir, name) : '';
      if (dir && fs.existsSync(file)) inputs.push({ kind, name, file });
      else missing.push(`${PART_FOLDERS[kind]}/${name}`);
    }
  };
  addFiles('attachments', snapshot.attachmentsDir, content.attachments);
  addFiles('documents', snapshot.documentsDir, content.documents);
  const packed = (kind: 'attachments' | 'documents') => inputs.filter((input) => input.kind === kind).length;
  if (missing.length > 0) progress(`${missing.length} file(s) named by the database were no longer there (removed since the copy); they are listed in the manifest.`);
  progress(`Packing the database, ${packed('attachments')} attachment(s) and ${packed('documents')} document file(s)${options.passphrase ? ', encrypted with BACKUP_PASSPHRASE (AES-256-GCM)' : ' (not encrypted: set BACKUP_PASSPHRASE to encrypt)'}…`);
  const manifest = await writeArchive(
    options.outFile,
    inputs,
    {
      snapshotAt: snapshot.takenAt,
      createdAt: new Date().toISOString(),
      portalVersion: options.portalVersion,
      migration: content.migrations.at(-1) ?? null,
      migrations: content.migrations,
      counts: { appeals: content.appeals, attachments: packed('attachments'), documentFiles: packed('documents') },
      missing,
    },
    options.passphrase,
  );
  const bytes = fs.statSync(options.outFile).size;
  progress(`Archive ${path.basename(options.outFile)}: ${megabytes(bytes)}, owner-only.`);
  return { file: options.outFile, bytes, sha256: await sha256OfFile(options.outFile), manifest };
}
