/**
 * The nightly backup inside the CMS: the same archive as `npm run backup` (snapshot.ts + pack.ts) written to
 * BACKUP_DIR, retention (retention.ts), a `backup-runs` record of every run, and e-mail alerts to editors and
 * administrators when a run fails or the last good archive is older than 36 hours (at most one per problem a day).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Payload, TaskConfig } from 'payload';
import { toLocalIsoDate } from '@portal/core/time-zone';
import { loadCompany } from '../appeals/settings/settings';
import type { BackupProblem } from '../collections/BackupRuns';
import { portalRoot, readCmsEnv, type CmsEnv } from '../env';
import { COLLECTIONS } from '../slugs';
import { archiveFileName, nightlyArchiveInstant, packSnapshot, type PackResult } from './pack';
import { archivesToKeep } from './retention';
import { snapshotUnsupported, sqliteDatabaseFile, takeSnapshot } from './snapshot';
import { sendBackupAlertLetter } from './alert-letter';

export const NIGHTLY_BACKUP_TASK = 'nightlyBackup';
export const BACKUP_WATCH_TASK = 'backupWatch';
export const BACKUP_ALERT_TASK = 'sendBackupAlert';

/** A good archive older than this is a problem (one night missed, plus a margin for a slow run). */
export const STALE_AFTER_MS = 36 * 3_600_000;

/** Where the archives go: BACKUP_DIR (relative to the repository root), else `backups/` beside the database. */
export function backupDir(env: CmsEnv): string {
  if (env.BACKUP_DIR) return path.resolve(portalRoot(env), env.BACKUP_DIR);
  return path.join(path.dirname(sqliteDatabaseFile(env.DATABASE_URL, portalRoot(env))), 'backups');
}

/** Why the nightly backup does not run in this CMS (said for staff, in Russian), or null when it does. */
export function nightlyBackupDisabled(payload: Payload, env: CmsEnv): string | null {
  if (env.BACKUP_SCHEDULE === 'off') return 'выключено переменной BACKUP_SCHEDULE=off';
  if (snapshotUnsupported(payload, env)) return 'база данных MongoDB: копии делаются её средствами — снимками участника набора реплик или mongodump --oplog';
  return null;
}

/** One run as the `backup-runs` collection stores it. */
export interface BackupRun {
  id: number | string;
  startedAt: string;
  finishedAt?: string | null;
  status: 'ok' | 'failed';
  file?: string | null;
  bytes?: number | null;
  sha256?: string | null;
  appeals?: number | null;
  attachments?: number | null;
  documentFiles?: number | null;
  removed?: number | null;
  error?: string | null;
}

function portalVersion(env: CmsEnv): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(portalRoot(env), 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Deletes the nightly archives (by their own name pattern only) that retention does not keep; returns how many. */
function applyRetention(dir: string, env: CmsEnv, timeZone: string): number {
  const archives = fs
    .readdirSync(dir)
    .map((name) => ({ name, at: nightlyArchiveInstant(name) }))
    .filter((entry): entry is { name: string; at: Date } => entry.at !== null);
  const keep = new Set(archivesToKeep(archives.map((entry) => entry.at), env.BACKUP_KEEP, timeZone).map((at) => at.getTime()));
  let removed = 0;
  for (const { name, at } of archives) {
    if (keep.has(at.getTime())) continue;
    fs.rmSync(path.join(dir, name), { force: true });
    removed++;
  }
  return removed;
}

/** The error of a failed run for the record and the log: the message only, never a stack or file contents. */
const describeError = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

/**
 * One nightly run: a consistent copy of the database packed with its files into BACKUP_DIR (owner-only, encrypted
 * with BACKUP_PASSPHRASE), then retention, then the record. A failure is recorded with its error and e-mailed to
 * editors and administrators (once a day). `now` is the clock (tests fix it).
 */
export async function runNightlyBackup(payload: Payload, now: () => Date = () => new Date(), env: CmsEnv = readCmsEnv()): Promise<BackupRun> {
  const startedAt = now();
  const { timeZone } = await loadCompany(payload);
  let packed: PackResult | undefined;
  let removed = 0;
  let error: string | undefined;
  try {
    const disabled = nightlyBackupDisabled(payload, env);
    if (disabled) throw new Error(`the nightly backup does not run here (${disabled})`);
    const dir = backupDir(env);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const snapshot = await takeSnapshot(payload, env);
    try {
      packed = await packSnapshot(snapshot, {
        secretFile: path.join(path.dirname(sqliteDatabaseFile(env.DATABASE_URL, portalRoot(env))), 'payload-secret'),
        outFile: path.join(dir, archiveFileName(startedAt, Boolean(env.BACKUP_PASSPHRASE), 'nightly')),
        passphrase: env.BACKUP_PASSPHRASE,
        portalVersion: portalVersion(env),
      });
    } finally {
      fs.rmSync(snapshot.snapshotFile, { force: true });
    }
    removed = applyRetention(dir, env, timeZone);
  } catch (caught) {
    error = describeError(caught);
  }
  const counts = packed?.manifest.counts;
  const run = (await payload.create({
    collection: COLLECTIONS.backupRuns,
    overrideAccess: true,
    data: {
      startedAt: startedAt.toISOString(),
      finishedAt: now().toISOString(),
      status: error || !packed ? 'failed' : 'ok',
      ...(packed ? { file: path.basename(packed.file), bytes: packed.bytes, sha256: packed.sha256 } : {}),
      ...(counts ? { appeals: counts.appeals, attachments: counts.attachments, documentFiles: counts.documentFiles } : {}),
      removed,
      ...(error ? { error } : {}),
    } as never,
  })) as unknown as BackupRun;
  if (run.status === 'failed') {
    payload.logger.error({ msg: 'Nightly backup failed', error });
    await raiseBackupAlert(payload, 'failed', startedAt, timeZone);
  }
  return run;
}

/** What the dashboard and the watch know about the backups. */
export interface BackupHealth {
  /** Why the nightly backup does not run here (MongoDB, switched off), or null. */
  disabled: string | null;
  lastGood: BackupRun | null;
  lastRun: BackupRun | null;
  /** The last run failed. */
  failed: boolean;
  /** No good archive for 36 hours (or none at all once the portal's database is 36 hours old). */
  stale: boolean;
}

/** When this portal's database was set up (its first migration), to tell a new portal from a neglected one. */
async function portalSince(payload: Payload): Promise<Date | null> {
  const first = await payload.find({ collection: 'payload-migrations', sort: 'createdAt', limit: 1, depth: 0, overrideAccess: true });
  const at = (first.docs[0] as { createdAt?: string } | undefined)?.createdAt;
  return at ? new Date(at) : null;
}

/** The state of the backups at `now`: the last run, the last good archive, and what is wrong, if anything. */
export async function backupHealth(payload: Payload, now: Date = new Date(), env: CmsEnv = readCmsEnv()): Promise<BackupHealth> {
  const disabled = nightlyBackupDisabled(payload, env);
  const latest = async (status?: 'ok') =>
    ((await payload.find({ collection: COLLECTIONS.backupRuns, where: status ? { status: { equals: status } } : {}, sort: '-startedAt', limit: 1, depth: 0, overrideAccess: true })).docs[0] as unknown as
      | BackupRun
      | undefined) ?? null;
  const [lastRun, lastGood] = await Promise.all([latest(), latest('ok')]);
  if (disabled) return { disabled, lastGood, lastRun, failed: false, stale: false };
  const since = lastGood ? new Date(lastGood.startedAt) : await portalSince(payload);
  const stale = since !== null && now.getTime() - since.getTime() > STALE_AFTER_MS;
  return { disabled, lastGood, lastRun, failed: lastRun?.status === 'failed', stale };
}

/**
 * The hourly watch: alerts when the last good archive is older than 36 hours (a failed run alerts by itself).
 * Returns whether an alert was queued.
 */
export async function checkBackupFreshness(payload: Payload, now: Date = new Date(), env: CmsEnv = readCmsEnv()): Promise<boolean> {
  const health = await backupHealth(payload, now, env);
  if (health.disabled || !health.stale) return false;
  return raiseBackupAlert(payload, 'stale', now, (await loadCompany(payload)).timeZone);
}

/**
 * Records the problem for the company's day and queues the letter to editors and administrators, unless that
 * problem was already raised that day (`backup-alerts.key` is unique, so two processes cannot both raise it).
 * The letter is a job with retries: it waits out an unreachable mail server like the other staff letters.
 */
export async function raiseBackupAlert(payload: Payload, problem: BackupProblem, now: Date, timeZone: string): Promise<boolean> {
  const day = toLocalIsoDate(now, timeZone);
  const key = `${problem}:${day}`;
  const existing = await payload.find({ collection: COLLECTIONS.backupAlerts, where: { key: { equals: key } }, limit: 1, depth: 0, overrideAccess: true });
  if (existing.docs.length > 0) return false;
  try {
    await payload.create({ collection: COLLECTIONS.backupAlerts, overrideAccess: true, data: { key, problem, day } as never });
  } catch (error) {
    const again = await payload.find({ collection: COLLECTIONS.backupAlerts, where: { key: { equals: key } }, limit: 1, depth: 0, overrideAccess: true });
    if (again.docs.length > 0) return false;
    throw error;
  }
  await payload.jobs.queue({ task: BACKUP_ALERT_TASK as never, input: { key } as never, queue: 'default' });
  return true;
}

/** The nightly run, the hourly watch and the alert letter; schedules only where the nightly backup can run. */
export function backupTasks(env: CmsEnv = readCmsEnv()): TaskConfig[] {
  const scheduled = env.BACKUP_SCHEDULE !== 'off' && !env.DATABASE_URL?.startsWith('mongodb');
  return [
    {
      slug: NIGHTLY_BACKUP_TASK,
      label: 'Ночное резервное копирование',
      ...(scheduled ? { schedule: [{ cron: env.BACKUP_SCHEDULE, queue: 'default' }] } : {}),
      handler: async ({ req }: { req: { payload: Payload } }) => {
        const run = await runNightlyBackup(req.payload);
        return { output: { status: run.status, file: run.file ?? null } };
      },
    },
    {
      slug: BACKUP_WATCH_TASK,
      label: 'Проверка свежести резервной копии',
      ...(scheduled ? { schedule: [{ cron: '0 15 * * * *', queue: 'default' }] } : {}),
      handler: async ({ req }: { req: { payload: Payload } }) => ({ output: { alerted: await checkBackupFreshness(req.payload) } }),
    },
    {
      slug: BACKUP_ALERT_TASK,
      label: 'Письмо о проблеме с резервной копией',
      // 2 s, 4 s, 8 s … about half an hour in all while the mail server is unreachable.
      retries: { attempts: 10, backoff: { type: 'exponential', delay: 2000 } },
      inputSchema: [{ name: 'key', type: 'text', required: true }],
      handler: async ({ input, req }: { input: { key: string }; req: { payload: Payload } }) => ({ output: { recipients: await sendBackupAlertLetter(req.payload, input.key) } }),
    },
    // Cast: the generated task-slug type is refreshed only when payload-types.ts is regenerated.
  ] as unknown as TaskConfig[];
}
