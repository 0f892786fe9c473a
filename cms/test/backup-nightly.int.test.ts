import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from '@libsql/client';
import type { Payload } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailSink, type RunningMailSink } from '@portal/mail-sink/mail-sink';
import { backupHealth, checkBackupFreshness, runNightlyBackup } from '../src/backup/nightly';
import { readCmsEnv } from '../src/env';
import { codeMigrations, restoreBackup } from '../../scripts/lib/backup';
import { freePort } from '../../scripts/lib/free-port';
import { createStaff, startTestCms, type TestCms } from './harness';
import { storeTestAppeal } from './support/appeal-fixture';
import { restApi } from './support/rest';

/**
 * The nightly backup inside the CMS: real Payload on SQLite, the archive restored with the same code as
 * `npm run restore`, alerts through real SMTP to the mail sink. The clock is passed in, never slept on.
 */
const PASSPHRASE = 'nightly backup passphrase for tests';
const EDITOR = 'editor.backup@example-energo.ru';
const HANDLER = 'handler.backup@example-energo.ru';
const ADMIN = 'admin@example.ru';

let cms: TestCms;
let payload: Payload;
let sink: RunningMailSink;
let mailDir: string;
let backupDir: string;

async function lettersTo(address: string) {
  const response = await fetch(`${sink.webUrl}/api/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as { subject: string; text: string }[];
}

/** Runs the queued jobs (the alert letters) as the job runner would. */
async function runJobs() {
  await payload.jobs.run({ limit: 20, queue: 'default' });
}

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

beforeAll(async () => {
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-backup-mail-'));
  const smtpPort = await freePort();
  sink = await startMailSink({ smtpPort, webPort: 0, dir: mailDir });
  backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-nightly-'));
  cms = await startTestCms({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, BACKUP_DIR: backupDir, BACKUP_PASSPHRASE: PASSPHRASE });
  payload = cms.payload;
  await createStaff(payload, EDITOR, ['editor']);
  await createStaff(payload, HANDLER, ['handler']);
}, 180_000);
afterAll(async () => {
  await sink?.close();
  await cms?.close();
  fs.rmSync(mailDir, { recursive: true, force: true });
  fs.rmSync(backupDir, { recursive: true, force: true });
});

describe('nightly backup', () => {
  it('a new portal without any backup is not stale before it has run 36 hours, and is after', async () => {
    const migrated = (await payload.find({ collection: 'payload-migrations', sort: 'createdAt', limit: 1, overrideAccess: true })).docs[0] as { createdAt: string };
    const since = new Date(migrated.createdAt).getTime();
    expect((await backupHealth(payload, new Date(since + 35 * 3_600_000))).stale).toBe(false);
    expect((await backupHealth(payload, new Date(since + 37 * 3_600_000))).stale).toBe(true);
  });

  it('the scheduled task writes an owner-only encrypted archive that restore verifies and that holds the appeals stored before it', async () => {
    const before = [await storeTestAppeal(payload), await storeTestAppeal(payload, { type: 'complaint' })];
    await payload.jobs.queue({ task: 'nightlyBackup' as never, input: {} as never, queue: 'default' });
    await runJobs();

    const runs = await payload.find({ collection: 'backup-runs', sort: '-startedAt', limit: 1, overrideAccess: true });
    const run = runs.docs[0] as unknown as { status: string; file: string; bytes: number; sha256: string; appeals: number; error?: string | null };
    expect(run.error ?? null).toBeNull();
    expect(run.status).toBe('ok');
    expect(run.file).toMatch(/^portal-nightly-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.tar\.gz\.enc$/);
    const archive = path.join(backupDir, run.file);
    expect(fs.statSync(archive).mode & 0o777).toBe(0o600);
    expect(run.bytes).toBe(fs.statSync(archive).size);
    expect(run.sha256).toBe(sha256(archive));
    expect(run.appeals).toBe(2);

    const into = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-nightly-restore-'));
    try {
      const manifest = await restoreBackup({ archive, intoDir: into, passphrase: PASSPHRASE, codeMigrations: codeMigrations(), progress: () => undefined });
      expect(manifest.counts.appeals).toBe(2);
      const db = createClient({ url: `file:${path.join(into, 'portal.db')}` });
      try {
        const numbers = (await db.execute('SELECT registration_number FROM appeals ORDER BY registration_number')).rows.map((row) => String(row.registration_number));
        expect(numbers).toEqual(before.map((appeal) => appeal.registrationNumber).sort());
      } finally {
        db.close();
      }
    } finally {
      fs.rmSync(into, { recursive: true, force: true });
    }

    const health = await backupHealth(payload);
    expect(health.lastGood?.file).toBe(run.file);
    expect(health.lastGood?.bytes).toBe(run.bytes);
    expect(health.failed).toBe(false);
    expect(health.stale).toBe(false);
  });

  it('retention keeps the hand-computed nightly archives and never touches other files in the folder', async () => {
    const name = (mskDate: string) => `portal-nightly-${new Date(`${mskDate}T02:30:00+03:00`).toISOString().replace(/[:.]/g, '-')}.tar.gz.enc`;
    for (const existing of fs.readdirSync(backupDir)) fs.rmSync(path.join(backupDir, existing));
    // 60 earlier nights, 1 October – 29 November 2026, plus a manual archive and a note of the operator.
    for (let day = new Date('2026-10-01T00:00:00Z'); day <= new Date('2026-11-29T00:00:00Z'); day = new Date(day.getTime() + 86_400_000)) {
      fs.writeFileSync(path.join(backupDir, name(day.toISOString().slice(0, 10))), 'old');
    }
    fs.writeFileSync(path.join(backupDir, 'portal-2026-10-01T00-00-00-000Z.tar.gz'), 'manual');
    fs.writeFileSync(path.join(backupDir, 'README.txt'), 'operator note');

    // Monday 30 November, 02:30 Moscow time.
    const run = await runNightlyBackup(payload, () => new Date('2026-11-30T02:30:00+03:00'));
    expect(run.status).toBe('ok');
    const kept = ['2026-10-01', '2026-11-01', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30'];
    expect(fs.readdirSync(backupDir).sort()).toEqual([...kept.map(name), 'README.txt', 'portal-2026-10-01T00-00-00-000Z.tar.gz'].sort());
    expect(run.removed).toBe(61 - kept.length);
  });

  it('an unwritable backup folder: the run is recorded failed and editors and admins get one letter that day', async () => {
    const blocker = path.join(cms.dir, 'not-a-folder');
    fs.writeFileSync(blocker, 'a file where the backup folder should be');
    const env = { ...readCmsEnv(), BACKUP_DIR: path.join(blocker, 'backups') };
    // A night after every run the other tests made at the real clock (the last run by start time must be this one).
    const year = new Date().getUTCFullYear() + 1;
    const night = new Date(`${year}-12-08T02:30:00+03:00`);

    const run = await runNightlyBackup(payload, () => night, env);
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/ENOTDIR/);
    expect(run.file ?? null).toBeNull();
    await runJobs();
    for (const address of [EDITOR, ADMIN]) {
      const letters = await lettersTo(address);
      expect(letters.map((letter) => letter.subject)).toEqual(['Резервная копия портала не создана']);
      expect(letters[0]?.text).toContain(`8 декабря ${year}`);
    }
    expect(await lettersTo(HANDLER)).toEqual([]);
    const health = await backupHealth(payload, new Date(`${year}-12-08T03:00:00+03:00`));
    expect(health.failed).toBe(true);

    // A second failure the same (Moscow) day sends nothing more.
    const again = await runNightlyBackup(payload, () => new Date(`${year}-12-08T23:50:00+03:00`), env);
    expect(again.status).toBe('failed');
    await runJobs();
    expect(await lettersTo(EDITOR)).toHaveLength(1);
  });

  it('staleness: 35 hours after the last good backup no alert, 37 hours after one alert, and only one that day', async () => {
    const lastGood = new Date('2027-01-10T02:30:00+03:00');
    await payload.create({
      collection: 'backup-runs',
      overrideAccess: true,
      data: { startedAt: lastGood.toISOString(), finishedAt: lastGood.toISOString(), status: 'ok', file: 'portal-nightly-x.tar.gz', bytes: 1 } as never,
    });
    const hours = (n: number) => new Date(lastGood.getTime() + n * 3_600_000);
    expect(await checkBackupFreshness(payload, hours(35))).toBe(false);
    await runJobs();
    expect((await lettersTo(EDITOR)).filter((letter) => letter.subject === 'Нет свежей резервной копии портала')).toEqual([]);

    expect(await checkBackupFreshness(payload, hours(37))).toBe(true);
    expect(await checkBackupFreshness(payload, hours(38))).toBe(false);
    await runJobs();
    const stale = (await lettersTo(EDITOR)).filter((letter) => letter.subject === 'Нет свежей резервной копии портала');
    expect(stale).toHaveLength(1);
    expect(stale[0]?.text).toContain('Последняя успешная резервная копия: 10 января 2027, 02:30 МСК');
  });
});

describe('backup runs through the REST API', () => {
  const CMS = 'http://cms.backup.test';
  async function session(rest: (request: Request) => Promise<Response>, email: string, password: string) {
    const response = await rest(new Request(`${CMS}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: CMS }, body: JSON.stringify({ email, password }) }));
    expect(response.status, `login of ${email}`).toBe(200);
    return String(response.headers.getSetCookie().find((cookie) => cookie.startsWith('payload-token='))).split(';')[0] as string;
  }

  it('editors read them; anonymous callers and handlers do not; nobody, administrators included, creates, changes or deletes one', async () => {
    const rest = restApi(cms, CMS);
    await payload.create({ collection: 'backup-runs', overrideAccess: true, data: { startedAt: '2026-12-02T23:30:00.000Z', status: 'ok', file: 'portal-nightly-y.tar.gz' } as never });
    const call = (method: string, url: string, cookie?: string, body?: unknown) =>
      rest(new Request(`${CMS}${url}`, { method, headers: { 'Content-Type': 'application/json', Origin: CMS, ...(cookie ? { Cookie: cookie } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) }));
    const [editor, handler, admin] = [await session(rest, EDITOR, 'staff-password-1234'), await session(rest, HANDLER, 'staff-password-1234'), await session(rest, ADMIN, 'admin-password-for-tests')];
    const list = await call('GET', '/api/backup-runs', editor);
    expect(list.status).toBe(200);
    const id = ((await list.json()) as { docs: { id: number }[] }).docs[0]?.id;
    expect(id).toBeDefined();
    expect((await call('GET', '/api/backup-runs')).status).toBe(403);
    expect((await call('GET', '/api/backup-runs', handler)).status).toBe(403);
    expect((await call('GET', `/api/backup-runs/${id}`, handler)).status).toBe(403);
    const forged = { startedAt: '2026-12-01T00:00:00.000Z', status: 'ok', file: 'forged.tar.gz' };
    expect((await call('POST', '/api/backup-runs', admin, forged)).status).toBe(403);
    expect((await call('PATCH', `/api/backup-runs/${id}`, admin, { status: 'failed' })).status).toBe(403);
    expect((await call('DELETE', `/api/backup-runs/${id}`, admin)).status).toBe(403);
    expect((await call('GET', '/api/backup-alerts', handler)).status).toBe(403);
    expect((await call('POST', '/api/backup-alerts', admin, { key: 'failed:2026-12-31', problem: 'failed', day: '2026-12-31' })).status).toBe(403);
  });
});
