/**
 * `npm run backup` and `npm run restore`: the steps, for the scripts and the backup drill (scripts/faults).
 * The database copy is always made by the running CMS (`POST /api/backup`, cms/src/endpoints/backup.ts); the
 * archive is packed by the same code the CMS's nightly job uses (cms/src/backup/pack.ts). Restore unpacks an
 * archive into an empty folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ArchiveError, PART_FOLDERS, readArchive, type BackupManifest } from '../../cms/src/backup/archive';
import { packSnapshot, type Progress, type Snapshot } from '../../cms/src/backup/pack';
import { portIsFree } from './free-port';
import { ROOT } from './paths';

export type { Progress };

export interface BackupOptions {
  /** The running CMS, e.g. http://127.0.0.1:3001. */
  cmsUrl: string;
  internalToken?: string;
  /** The generated PAYLOAD_SECRET kept by `npm start` (var/payload-secret); left out when it does not exist. */
  secretFile: string;
  outFile: string;
  passphrase?: string;
  portalVersion: string;
  progress: Progress;
}

export interface BackupResult {
  file: string;
  bytes: number;
  seconds: number;
  manifest: BackupManifest;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A message for the operator; the scripts print it without a stack trace. */
export class BackupError extends Error {}

/**
 * Takes a backup of a running portal: the CMS copies its database (one read transaction, while it keeps taking
 * appeals), then the attachments and document files that copy names, and the secret, are packed with a manifest.
 * Files added after the copy are left out (the database does not know them); files the copy names but that are
 * gone are listed in the manifest as missing.
 */
export async function takeBackup(options: BackupOptions): Promise<BackupResult> {
  const { progress } = options;
  const started = Date.now();
  progress(`Asking the CMS at ${options.cmsUrl} for a copy of its database…`);
  let response: Response;
  try {
    response = await fetch(`${options.cmsUrl}/api/backup`, { method: 'POST', headers: options.internalToken ? { 'x-internal-token': options.internalToken } : {}, signal: AbortSignal.timeout(30 * 60_000) });
  } catch (error) {
    throw new BackupError(`the CMS does not answer at ${options.cmsUrl} (${(error as Error).message}). The backup is taken by the running portal: start it (npm start), or set CMS_PORT to the port it listens on.`);
  }
  const answer = (await response.json().catch(() => ({}))) as Partial<Snapshot> & { message?: string };
  if (!response.ok || !answer.snapshotFile || !answer.takenAt) throw new BackupError(`the CMS refused the backup (HTTP ${response.status}): ${answer.message ?? 'no reason given'}`);
  const snapshotFile = answer.snapshotFile;
  try {
    progress(`Database copied at ${answer.takenAt} (${megabytes(fs.statSync(snapshotFile).size)}); every appeal acknowledged before that instant is in it.`);
    const packed = await packSnapshot(
      { snapshotFile, takenAt: answer.takenAt, attachmentsDir: answer.attachmentsDir, documentsDir: answer.documentsDir },
      { secretFile: options.secretFile, outFile: options.outFile, passphrase: options.passphrase, portalVersion: options.portalVersion, progress },
    );
    const { manifest, bytes } = packed;
    const seconds = (Date.now() - started) / 1000;
    progress(`Backup written to ${options.outFile} (${megabytes(bytes)}, owner-only) in ${seconds.toFixed(1)} s: ${manifest.counts.appeals} appeal(s), ${manifest.counts.attachments} attachment(s), ${manifest.counts.documentFiles} document file(s), migration level ${manifest.migration ?? 'none'}.`);
    return { file: options.outFile, bytes, seconds, manifest };
  } finally {
    fs.rmSync(snapshotFile, { force: true });
  }
}

/**
 * The migrations this code knows, in order: the names listed in cms/src/migrations/index.ts (read as text: importing
 * the migrations would load Payload's database adapter into the script).
 */
export function codeMigrations(root = ROOT): string[] {
  const index = fs.readFileSync(path.join(root, 'cms', 'src', 'migrations', 'index.ts'), 'utf8');
  return [...index.matchAll(/^\s*name:\s*'([^']+)'/gm)].map((match) => match[1] as string);
}

export interface RestoreOptions {
  archive: string;
  /** The data folder to restore into (var/ by default): it must hold no data. */
  intoDir: string;
  /** Where attachments go (ATTACHMENTS_DIR; default <intoDir>/attachments, where `npm start` keeps them). */
  attachmentsDir?: string;
  passphrase?: string;
  /** Migration names of this code (cms/src/migrations/index.ts). */
  codeMigrations: string[];
  /** The CMS port: a portal answering there means live data. */
  cmsPort?: number;
  progress: Progress;
}

const hasFiles = (dir: string) => fs.existsSync(dir) && fs.readdirSync(dir).length > 0;
const nonEmptyFile = (file: string) => fs.existsSync(file) && fs.statSync(file).size > 0;

/** Why restoring into this folder would touch live data, or null. */
export function liveDataIn(intoDir: string, attachmentsDir: string): string | null {
  for (const name of ['portal.db', 'portal.db-wal']) if (nonEmptyFile(path.join(intoDir, name))) return `${path.join(intoDir, name)} holds a database`;
  if (fs.existsSync(path.join(intoDir, 'payload-secret'))) return `${path.join(intoDir, 'payload-secret')} exists`;
  if (hasFiles(attachmentsDir)) return `${attachmentsDir} holds attachments`;
  if (hasFiles(path.join(intoDir, 'uploads', 'documents'))) return `${path.join(intoDir, 'uploads', 'documents')} holds document files`;
  return null;
}

/** Moves a file, copying when the target is on another file system. */
function move(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o700 });
  try {
    fs.renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
    fs.rmSync(from);
  }
}

/**
 * Restores an archive into an empty data folder: refuses live data (a database, the secret, files, or a CMS
 * answering on its port) before touching anything, verifies the archive completely in a staging folder, refuses
 * a database migrated further than this code, and only then moves the parts into place.
 */
export async function restoreBackup(options: RestoreOptions): Promise<BackupManifest> {
  const { progress } = options;
  const intoDir = path.resolve(options.intoDir);
  const attachmentsDir = path.resolve(options.attachmentsDir ?? path.join(intoDir, 'attachments'));
  if (!fs.existsSync(options.archive)) throw new BackupError(`no archive at ${options.archive}`);
  if (options.cmsPort !== undefined && !(await portIsFree(options.cmsPort))) {
    throw new BackupError(`something listens on the CMS port ${options.cmsPort}: the portal seems to be running. Stop it first; a restore never replaces live data.`);
  }
  const live = liveDataIn(intoDir, attachmentsDir);
  if (live) throw new BackupError(`refusing to restore over live data: ${live}. Restore into an empty folder (PORTAL_VAR_DIR or --into), or move the old data away first. Nothing was changed.`);

  fs.mkdirSync(intoDir, { recursive: true, mode: 0o700 });
  const staging = fs.mkdtempSync(path.join(intoDir, '.restore-'));
  try {
    progress(`Reading and verifying ${options.archive}…`);
    let manifest: BackupManifest;
    try {
      manifest = await readArchive(options.archive, staging, options.passphrase);
    } catch (error) {
      if (error instanceof ArchiveError) throw new BackupError(`${error.message}. Nothing was restored.`);
      throw error;
    }
    progress(`All ${manifest.parts.length} part(s) match their SHA-256 checksums (archive of ${manifest.snapshotAt}, portal ${manifest.portalVersion}).`);
    const unknown = manifest.migrations.filter((name) => !options.codeMigrations.includes(name));
    if (unknown.length > 0) {
      throw new BackupError(`the archive's database was migrated by a newer version of the portal (migration ${unknown.join(', ')} is unknown to this code). Install that version or a later one, then restore. Nothing was restored.`);
    }
    const staged = (kind: keyof typeof PART_FOLDERS) => path.join(staging, PART_FOLDERS[kind]);
    const names = (kind: keyof typeof PART_FOLDERS) => (fs.existsSync(staged(kind)) ? fs.readdirSync(staged(kind)) : []);
    move(path.join(staged('database'), 'portal.db'), path.join(intoDir, 'portal.db'));
    const secretRestored = names('secret').includes('payload-secret');
    if (secretRestored) move(path.join(staged('secret'), 'payload-secret'), path.join(intoDir, 'payload-secret'));
    for (const name of names('attachments')) move(path.join(staged('attachments'), name), path.join(attachmentsDir, name));
    for (const name of names('documents')) move(path.join(staged('documents'), name), path.join(intoDir, 'uploads', 'documents', name));
    const { counts } = manifest;
    progress(
      `Restored into ${intoDir}: ${counts.appeals} appeal(s), ${counts.attachments} attachment(s) (in ${attachmentsDir}), ${counts.documentFiles} document file(s), ` +
        `${secretRestored ? 'the secret' : 'no secret (it came from PAYLOAD_SECRET: set the same value)'}; migration level ${manifest.migration ?? 'none'}.`,
    );
    if (manifest.missing.length > 0) progress(`${manifest.missing.length} file(s) were already gone when the backup was taken: ${manifest.missing.join(', ')}.`);
    return manifest;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
