/**
 * The backup drill (issue 16): questions are sent through the public server while `npm run backup` runs; the
 * archive (encrypted) is restored with `npm run restore` into a fresh folder and a second portal is started from
 * it. Every appeal acknowledged before the snapshot's instant must be there with its registration number, consent
 * record and outbox state, and the restored portal must build its site and answer. Restoring over the live
 * portal's data, or while its CMS runs, must be refused. The real commands run as child processes.
 *
 * 200 appeals, four in flight: 180 questions and 20 complaints with a photo attached (the demo data has no
 * attachments). The proof-of-work check is off here (as in the benchmark): it would cost the drill CPU time
 * without touching what is tested, and it has its own tests.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createClient } from '@libsql/client';
import { afterAll, describe, expect, it } from 'vitest';
import { readArchive } from '../../cms/src/backup/archive';
import { processEnv, readFaultTestConfig } from '../lib/config';
import { inParallel, submitQuestion, type QuestionOutcome } from '../lib/form-client';
import { freePort } from '../lib/free-port';
import { BIN, ROOT } from '../lib/paths';
import { childEnv, startStack, type RunningStack } from '../lib/stack';

const QUESTIONS = 200;
/** Every tenth appeal is a complaint with a photo. */
const COMPLAINT_EVERY = 10;
/** A 1×1 PNG, the photo every complaint carries. */
const PHOTO = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
const CONCURRENCY = 4;
/** The backup starts once this many questions are acknowledged: the rest arrive while it runs. */
const BACKUP_AFTER = 80;
const PASSPHRASE = 'drill passphrase, not a real one';
const run = Date.now().toString(36);
const log = (message: string) => process.stdout.write(`[drill ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const exec = promisify(execFile);

const folders: string[] = [];
const stacks: RunningStack[] = [];
afterAll(async () => {
  for (const stack of stacks.reverse()) await stack.stop();
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

const tempDir = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  folders.push(dir);
  return dir;
};

/** Sends one complaint with a photo through the public server, as the complaint form does (multipart). */
async function submitComplaint(siteUrl: string, key: string, email: string, index: number): Promise<QuestionOutcome> {
  const outcome: QuestionOutcome = { key, email, statuses: [] };
  const form = new FormData();
  form.set('data', JSON.stringify({ name: 'Ольга Сергеевна', email, phone: '', answerChannel: 'email', postalAddress: '', audience: 'fl', topic: 'oplata', accountNumber: '', text: `Учебная жалоба ${index + 1}: напряжение скачет, прилагаю фото.`, consent: true, website: '' }));
  form.append('attachments', new Blob([PHOTO as Uint8Array<ArrayBuffer>], { type: 'image/png' }), `photo-${index}.png`);
  const response = await fetch(`${siteUrl}/api/forms/complaint`, { method: 'POST', headers: { 'Idempotency-Key': key }, body: form, signal: AbortSignal.timeout(30_000) });
  outcome.statuses.push(response.status);
  const body = (await response.json().catch(() => ({}))) as { registrationNumber?: string };
  if (response.status === 201 && body.registrationNumber) {
    outcome.registrationNumber = body.registrationNumber;
    outcome.acknowledgedAt = Date.now();
  }
  return outcome;
}

/** Runs `npm run backup` / `npm run restore` as the operator would (the tsx entry points); never throws. */
async function command(script: 'backup' | 'restore', args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await exec(BIN.tsx, [path.join(ROOT, 'scripts', `${script}.ts`), ...args], { cwd: ROOT, env: childEnv(env), timeout: 5 * 60_000 });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, out: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

interface Row {
  number: string;
  consentVersion: string | null;
  consentAcceptedAt: string | null;
  confirmationState: string;
  confirmationMessageId: string | null;
}

/** The attachment file names of each appeal, by Idempotency-Key. */
async function attachmentsByKey(databaseFile: string, prefix: string): Promise<Map<string, string[]>> {
  const db = createClient({ url: `file:${databaseFile}` });
  try {
    const result = await db.execute({
      sql: `SELECT p.idempotency_key AS k, a.filename AS f FROM appeals p JOIN appeals_rels r ON r.parent_id = p.id AND r.path = 'attachments'
            JOIN appeal_attachments a ON a.id = r.appeal_attachments_id WHERE p.idempotency_key LIKE ?`,
      args: [`${prefix}%`],
    });
    const byKey = new Map<string, string[]>();
    for (const row of result.rows) byKey.set(String(row.k), [...(byKey.get(String(row.k)) ?? []), String(row.f)]);
    return byKey;
  } finally {
    db.close();
  }
}

async function rowsByKey(databaseFile: string, prefix: string): Promise<Map<string, Row>> {
  const db = createClient({ url: `file:${databaseFile}` });
  try {
    const result = await db.execute({
      sql: 'SELECT idempotency_key AS k, registration_number AS n, consent_version AS cv, consent_accepted_at AS ca, confirmation_state AS cs, confirmation_message_id AS cm FROM appeals WHERE idempotency_key LIKE ?',
      args: [`${prefix}%`],
    });
    return new Map(
      result.rows.map((row) => [
        String(row.k),
        { number: String(row.n), consentVersion: row.cv === null ? null : String(row.cv), consentAcceptedAt: row.ca === null ? null : String(row.ca), confirmationState: String(row.cs), confirmationMessageId: row.cm === null ? null : String(row.cm) },
      ]),
    );
  } finally {
    db.close();
  }
}

const ports = async () => ({ public: await freePort(), cms: await freePort(), smtp: await freePort(), mailWeb: await freePort() });

describe('backup drill', () => {
  it('a backup taken while 200 appeals arrive restores into a fresh folder with every appeal acknowledged before it', async () => {
    const verbose = readFaultTestConfig(processEnv).verbose;
    const liveDir = tempDir('portal-drill-live-');
    const livePorts = await ports();
    const live = await startStack({ varDir: liveDir, ports: livePorts, verbose, humanCheck: false, cmsEnv: { ADMIN_PASSWORD: 'drill-admin-password-1234', LOG_LEVEL: 'error' }, publicEnv: { FORM_RATE_LIMIT: 'off' }, progress: log });
    stacks.push(live);
    const backupDir = tempDir('portal-drill-backups-');
    const archive = path.join(backupDir, 'drill.tar.gz.enc');
    const backupEnv = { CMS_PORT: String(livePorts.cms), PORTAL_VAR_DIR: liveDir, BACKUP_PASSPHRASE: PASSPHRASE };

    let acknowledged = 0;
    let backup: Promise<{ code: number; out: string }> | undefined;
    const prefix = `drill-${run}`;
    const started = Date.now();
    const outcomes: QuestionOutcome[] = await inParallel(QUESTIONS, CONCURRENCY, async (index) => {
      const key = `${prefix}-${index}`;
      const email = `${prefix}.${index}@example.ru`;
      const outcome =
        index % COMPLAINT_EVERY === 0
          ? await submitComplaint(live.siteUrl, key, email, index)
          : await submitQuestion(live.siteUrl, { key, email, text: `Учебное восстановление из резервной копии, вопрос ${index + 1}.` });
      if (outcome.registrationNumber && ++acknowledged === BACKUP_AFTER) {
        log(`${acknowledged} questions acknowledged: npm run backup starts`);
        backup = command('backup', ['--out', archive], backupEnv);
      }
      return outcome;
    });
    log(`${QUESTIONS} appeals sent in ${Math.round((Date.now() - started) / 1000)} s`);
    expect(backup, 'the backup was started during the submissions').toBeDefined();
    const backupRun = await backup!;
    log(`backup: ${backupRun.out.trim()}`);
    expect(backupRun.code).toBe(0);
    expect(fs.statSync(archive).mode & 0o777).toBe(0o600);
    expect(outcomes.filter((outcome) => outcome.registrationNumber)).toHaveLength(QUESTIONS);

    // Live data is never overwritten: neither while its CMS runs, nor in its folder once the CMS is stopped.
    const whileRunning = await command('restore', [archive, '--into', tempDir('portal-drill-unused-')], { ...backupEnv });
    expect(whileRunning.code).toBe(1);
    expect(whileRunning.out).toMatch(/the portal seems to be running/);
    await live.stop();
    stacks.pop();
    const liveDb = path.join(liveDir, 'portal.db');
    const liveBytes = fs.readFileSync(liveDb);
    const overLive = await command('restore', [archive], { ...backupEnv, CMS_PORT: String(await freePort()) });
    expect(overLive.code).toBe(1);
    expect(overLive.out).toMatch(/refusing to restore over live data/);
    expect(fs.readFileSync(liveDb).equals(liveBytes)).toBe(true);

    // The restore, into a fresh folder.
    const restoredDir = path.join(tempDir('portal-drill-restored-'), 'var');
    const restorePorts = await ports();
    const restored = await command('restore', [archive, '--into', restoredDir], { BACKUP_PASSPHRASE: PASSPHRASE, CMS_PORT: String(restorePorts.cms) });
    log(`restore: ${restored.out.trim()}`);
    expect(restored.code).toBe(0);
    const manifest = await readArchive(archive, tempDir('portal-drill-manifest-'), PASSPHRASE);
    const snapshotAt = Date.parse(manifest.snapshotAt);
    expect(restored.out).toContain(`${manifest.counts.appeals} appeal(s)`);

    const before = outcomes.filter((outcome) => (outcome.acknowledgedAt as number) < snapshotAt);
    log(`${before.length} of ${QUESTIONS} questions were acknowledged before the snapshot's instant ${manifest.snapshotAt}`);
    expect(before.length).toBeGreaterThanOrEqual(BACKUP_AFTER);
    expect(before.length, 'some questions arrived after the snapshot').toBeLessThan(QUESTIONS);

    // A portal started from the restored folder: it opens the data, builds its site and answers.
    const second = await startStack({ varDir: restoredDir, ports: restorePorts, verbose, humanCheck: false, cmsEnv: { ADMIN_PASSWORD: 'drill-admin-password-1234', LOG_LEVEL: 'error' }, progress: log });
    stacks.push(second);
    expect((await fetch(`${second.siteUrl}/`)).status).toBe(200);
    const search = await fetch(`${second.siteUrl}/api/search?q=${encodeURIComponent('показания')}`);
    expect(search.status).toBe(200);

    const original = await rowsByKey(liveDb, prefix);
    const copy = await rowsByKey(path.join(restoredDir, 'portal.db'), prefix);
    const problems: string[] = [];
    for (const outcome of before) {
      const was = original.get(outcome.key);
      const now = copy.get(outcome.key);
      if (!now) {
        problems.push(`${outcome.registrationNumber}: missing`);
        continue;
      }
      if (now.number !== outcome.registrationNumber) problems.push(`${outcome.key}: number ${now.number}, acknowledged as ${outcome.registrationNumber}`);
      if (!now.consentVersion || now.consentVersion !== was?.consentVersion || now.consentAcceptedAt !== was?.consentAcceptedAt) problems.push(`${now.number}: consent record differs`);
      // The outbox as of the snapshot: a letter sent then is recorded as sent with the same message id; one still
      // pending then is pending (the restored robot sends it), never lost.
      if (now.confirmationState === 'sent' ? now.confirmationMessageId !== was?.confirmationMessageId : now.confirmationState !== 'pending') {
        problems.push(`${now.number}: confirmation ${now.confirmationState}`);
      }
    }
    // Attachments: each complaint acknowledged before the snapshot has its photo, byte for byte.
    const files = await attachmentsByKey(path.join(restoredDir, 'portal.db'), prefix);
    const complaints = before.filter((outcome) => Number(outcome.key.split('-').at(-1)) % COMPLAINT_EVERY === 0);
    expect(complaints.length).toBeGreaterThan(0);
    for (const outcome of complaints) {
      const names = files.get(outcome.key) ?? [];
      if (names.length !== 1) problems.push(`${outcome.registrationNumber}: ${names.length} attachments restored`);
      for (const name of names) {
        const file = path.join(restoredDir, 'attachments', name);
        if (!fs.existsSync(file) || !fs.readFileSync(file).equals(Buffer.from(PHOTO))) problems.push(`${outcome.registrationNumber}: attachment ${name} missing or changed`);
      }
    }
    expect(problems).toEqual([]);
    expect(manifest.counts.attachments).toBeGreaterThanOrEqual(complaints.length);
    log(`restored: ${copy.size} drill appeals (${before.length} required), outbox states ${JSON.stringify(Object.fromEntries([...copy.values()].reduce((m, r) => m.set(r.confirmationState, (m.get(r.confirmationState) ?? 0) + 1), new Map<string, number>())))}`);
  });
});
