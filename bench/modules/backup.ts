import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createClient, type InStatement } from '@libsql/client';
import type { BenchContext } from '../context';
import { benchConfig } from '../config';
import { freePort } from '../../scripts/lib/free-port';
import { BIN, ROOT } from '../../scripts/lib/paths';
import { childEnv } from '../../scripts/lib/stack';

const exec = promisify(execFile);
/** Generated appeals (`BENCH_BACKUP_APPEALS` overrides; README «Backups → Measured» uses 100,000). */
const APPEALS = benchConfig.BENCH_BACKUP_APPEALS;
/** One appeal in this many carries a photo (a complaint's picture of a meter or a receipt). */
const ATTACHMENT_EVERY = 100;
/** Rows per transaction of the generator. */
const BATCH = 2000;
const PASSPHRASE = 'bench passphrase, not a real one';

/**
 * Bench module (issue 16, «Measure and report»): `npm run backup` (plain and encrypted) and `npm run restore` on the
 * demo data, then on the same portal with `BENCH_BACKUP_APPEALS` (100,000) generated appeals of the last year — the
 * real commands as child processes, as an operator runs them. Prints wall-clock times (with the commands' own
 * start-up), the part the backup itself reports (copy and archive), database and archive sizes. No assertions.
 *
 * The appeals are generated with SQL inserts into the bench stack's scratch database (the real schema, after the
 * migrations; the CMS is idle meanwhile and its WAL lets both write): 2,000 rows per transaction, texts of 200 to
 * 2,000 characters from Russian sentences, a history and an answer for settled ones, and one photo-sized file of
 * 30–300 KB (random bytes: photos do not compress) in every hundredth. Through the CMS's API it would take hours.
 */
export async function run(ctx: BenchContext): Promise<Record<string, unknown>> {
  const cmsPort = new URL(ctx.stack.cmsUrl).port;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bench-backup-'));
  try {
    ctx.log('backup: demo data…');
    const demo = await measure(ctx, cmsPort, work, 'demo');
    ctx.log(`backup: generating ${APPEALS.toLocaleString('en')} appeals…`);
    const generated = await generateAppeals(ctx);
    ctx.log('backup: generated data…');
    const large = await measure(ctx, cmsPort, work, 'large');
    // Flat keys, so the bench's table prints one figure per row (backup.demo.backupMs, backup.large.archiveMB…).
    const prefixed = (prefix: string, figures: Record<string, number>) => Object.fromEntries(Object.entries(figures).map(([key, value]) => [`${prefix}.${key}`, value]));
    return { ...prefixed('demo', demo), ...prefixed('large', { ...generated, ...large }) };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Runs a tsx entry point as `npm run …` would; throws with its output on failure. */
async function command(script: 'backup' | 'restore', args: string[], env: Record<string, string>): Promise<{ ms: number; out: string }> {
  const started = Date.now();
  // Plain archives are measured without a passphrase even when the operator's environment has one.
  const full = childEnv(env);
  if (!env.BACKUP_PASSPHRASE) delete full.BACKUP_PASSPHRASE;
  try {
    const { stdout, stderr } = await exec(BIN.tsx, [path.join(ROOT, 'scripts', `${script}.ts`), ...args], { cwd: ROOT, env: full, timeout: 60 * 60_000, maxBuffer: 16 * 1024 * 1024 });
    return { ms: Date.now() - started, out: stdout + stderr };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`npm run ${script} failed: ${failed.stdout ?? ''}${failed.stderr ?? failed.message}`);
  }
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 100) / 100;
/** The seconds the backup command reports for the copy and the archive, without its own start-up. */
const reportedSeconds = (out: string) => Number(/ in ([\d.]+) s:/.exec(out)?.[1] ?? Number.NaN);

async function measure(ctx: BenchContext, cmsPort: string, work: string, label: string): Promise<Record<string, number>> {
  const env = { CMS_PORT: cmsPort, PORTAL_VAR_DIR: ctx.varDir };
  const plain = path.join(work, `${label}.tar.gz`);
  const encrypted = path.join(work, `${label}.tar.gz.enc`);
  const backup = await command('backup', ['--out', plain], env);
  ctx.log(`  backup ${mb(fs.statSync(plain).size)} MB in ${(backup.ms / 1000).toFixed(1)} s`);
  const backupEncrypted = await command('backup', ['--out', encrypted], { ...env, BACKUP_PASSPHRASE: PASSPHRASE });
  ctx.log(`  encrypted backup ${mb(fs.statSync(encrypted).size)} MB in ${(backupEncrypted.ms / 1000).toFixed(1)} s`);
  // Restore needs a port where nothing answers (a running CMS there means live data).
  const restorePort = String(await freePort());
  const restore = await command('restore', [plain, '--into', path.join(work, `${label}-restored`)], { CMS_PORT: restorePort });
  const restoreEncrypted = await command('restore', [encrypted, '--into', path.join(work, `${label}-restored-enc`)], { CMS_PORT: restorePort, BACKUP_PASSPHRASE: PASSPHRASE });
  ctx.log(`  restore ${(restore.ms / 1000).toFixed(1)} s, encrypted ${(restoreEncrypted.ms / 1000).toFixed(1)} s`);
  const figures = {
    databaseCopyMB: Number(/Database copied at \S+ \(([\d.]+) MB\)/.exec(backup.out)?.[1] ?? Number.NaN),
    attachmentsMB: mb(folderSize(path.join(ctx.varDir, 'attachments'))),
    backupMs: backup.ms,
    backupReportedMs: Math.round(reportedSeconds(backup.out) * 1000),
    archiveMB: mb(fs.statSync(plain).size),
    encryptedBackupMs: backupEncrypted.ms,
    encryptedArchiveMB: mb(fs.statSync(encrypted).size),
    restoreMs: restore.ms,
    encryptedRestoreMs: restoreEncrypted.ms,
  };
  for (const dir of [`${label}-restored`, `${label}-restored-enc`]) fs.rmSync(path.join(work, dir), { recursive: true, force: true });
  fs.rmSync(plain, { force: true });
  fs.rmSync(encrypted, { force: true });
  return figures;
}

function folderSize(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** A small deterministic generator: the same data on every run. */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SENTENCES = [
  'Прошу проверить начисления за прошлый месяц, сумма в квитанции выше обычной.',
  'Показания счётчика передавал вовремя через личный кабинет, но в счёте их нет.',
  'В квартире установлен двухтарифный прибор учёта, а расчёт идёт по одному тарифу.',
  'Оплату внёс через банк, деньги списаны, но долг в личном кабинете не уменьшился.',
  'Прошу сообщить, какие документы нужны для перерасчёта на время отсутствия.',
  'Вечером напряжение в сети падает, лампы мигают, бытовая техника отключается.',
  'Хочу заменить прибор учёта, срок поверки которого истёк в этом году.',
  'Сотрудник офиса на Лесной улице вежливо и быстро всё объяснил, спасибо.',
  'Прошу разъяснить, почему изменился тариф и с какого числа действует новая цена.',
  'Уведомление о задолженности пришло, хотя все счета оплачены, квитанции сохранены.',
  'Прошу заключить договор энергоснабжения на дачный участок в новом товариществе.',
  'Не могу войти в личный кабинет: код подтверждения на телефон не приходит.',
];
const NAMES = ['Иванова Анна Петровна', 'Смирнов Олег Игоревич', 'Кузнецова Мария Сергеевна', 'Попов Дмитрий Андреевич', 'Васильева Елена Николаевна', 'Соколов Павел Викторович'];
const TYPES = [
  ['question', 'В', 40],
  ['complaint', 'Ж', 15],
  ['readings', 'П', 25],
  ['application', 'З', 8],
  ['feedback', 'О', 5],
  ['email', 'Э', 7],
] as const;
const STATES = ['closed', 'closed', 'closed', 'answered', 'answered', 'in-progress', 'registered', 'rejected'] as const;

/** Inserts the generated appeals (and their files) into the bench stack's database; returns the time it took. */
async function generateAppeals(ctx: BenchContext): Promise<Record<string, number>> {
  const started = Date.now();
  const random = prng(16);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const db = createClient({ url: `file:${path.join(ctx.varDir, 'portal.db')}` });
  const attachmentsDir = path.join(ctx.varDir, 'attachments');
  fs.mkdirSync(attachmentsDir, { recursive: true });
  try {
    await db.execute('PRAGMA busy_timeout = 30000');
    const topics = (await db.execute('SELECT id FROM topics')).rows.map((row) => Number(row.id));
    const counters = new Map<string, number>();
    const weights = TYPES.flatMap(([type, letter, weight]) => Array.from({ length: weight }, () => [type, letter] as const));
    const yearStart = Date.UTC(2025, 0, 1);
    let files = 0;
    for (let from = 0; from < APPEALS; from += BATCH) {
      const statements: InStatement[] = [];
      for (let i = from; i < Math.min(from + BATCH, APPEALS); i++) {
        const [type, letter] = pick(weights);
        const number = (counters.get(type) ?? 0) + 1;
        counters.set(type, number);
        const receivedAt = new Date(yearStart + Math.floor(random() * 365 * 86_400_000));
        const status = pick(STATES);
        const settled = status === 'closed' || status === 'answered';
        const text = Array.from({ length: 2 + Math.floor(random() * 20) }, () => pick(SENTENCES)).join(' ');
        const at = receivedAt.toISOString();
        const deadline = new Date(receivedAt.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
        const history = settled
          ? JSON.stringify([
              { from: 'registered', to: 'routed', at, actor: 'Исполнитель', comment: 'Группа: Расчётная группа' },
              { from: 'routed', to: 'in-progress', at, actor: 'Исполнитель' },
              { from: 'in-progress', to: 'answered', at, actor: 'Исполнитель' },
            ])
          : null;
        statements.push({
          sql: `INSERT INTO appeals (registration_number, type, status, received_at, deadline_date, topic_id, audience, name, email, phone, answer_channel,
                account_number, text, details, consent_version, consent_accepted_at, consent_ip, idempotency_key, confirmation_state, confirmation_sent_at,
                handler_notice_state, handler_group, answer, answer_delivery_state, answer_delivery_sent_at, answered_at, history, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 'fl', ?, ?, NULL, 'email', ?, ?, ?, ?, ?, ?, ?, 'sent', ?, 'not-needed', 'Расчётная группа', ?, ?, ?, ?, ?, ?, ?)`,
          args: [
            `${letter}-2025-${String(number).padStart(6, '0')}`,
            type,
            status,
            at,
            deadline,
            pick(topics),
            pick(NAMES),
            `client${i}@example.org`,
            String(100_000_000 + Math.floor(random() * 899_999_999)),
            text,
            type === 'readings' ? JSON.stringify({ tariff: '1', t1: Math.floor(random() * 90_000) }) : null,
            type === 'email' ? null : '2026-11-01',
            type === 'email' ? null : at,
            type === 'email' ? null : '192.0.2.1',
            `bench-backup-${i}`,
            at,
            settled ? `${pick(SENTENCES)} ${pick(SENTENCES)} ${pick(SENTENCES)}` : null,
            settled ? 'sent' : null,
            settled ? at : null,
            settled ? at : null,
            history,
            at,
            at,
          ],
        });
        if (i % ATTACHMENT_EVERY === 0) {
          files += 1;
          const filename = `bench-${i}.jpg`;
          const size = 30_000 + Math.floor(random() * 270_000);
          fs.writeFileSync(path.join(attachmentsDir, filename), randomBytes(size));
          statements.push({
            sql: `INSERT INTO appeal_attachments (original_name, filename, mime_type, filesize, created_at, updated_at) VALUES ('foto.jpg', ?, 'image/jpeg', ?, ?, ?)`,
            args: [filename, size, at, at],
          });
          statements.push({
            sql: `INSERT INTO appeals_rels ("order", parent_id, path, appeal_attachments_id)
                  VALUES (1, (SELECT id FROM appeals WHERE idempotency_key = ?), 'attachments', (SELECT id FROM appeal_attachments WHERE filename = ?))`,
            args: [`bench-backup-${i}`, filename],
          });
        }
      }
      await db.batch(statements, 'write');
      const done = Math.min(from + BATCH, APPEALS);
      if (done % 10_000 === 0 || done === APPEALS) ctx.log(`  ${done.toLocaleString('en')} appeals, ${files} files (${Math.round((Date.now() - started) / 1000)} s)`);
    }
    return { generateMs: Date.now() - started, generatedAppeals: APPEALS, generatedFiles: files };
  } finally {
    db.close();
  }
}
