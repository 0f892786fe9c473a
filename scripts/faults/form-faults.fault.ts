/**
 * Fault tests of the forms and the mail robot (issue 5), bounded and on loopback only. They start their own
 * embedded stack (scripts/lib/stack.ts, fresh data, free ports) because they stop and kill its processes,
 * and they look only from the outside: the public HTTP endpoint with the proof-of-work check on (as the
 * e2e stack has it), the mail sink's letters, and the rows in the database file.
 *
 * - SMTP outage: the mail sink is stopped while 100 questions are being submitted and started again two
 *   minutes later; every acknowledged question gets its confirmation, exactly once.
 * - Crash: the CMS process (it serves the form endpoints behind the public server) is killed with SIGKILL
 *   while questions are being submitted and started again; every acknowledged appeal is in the database
 *   and confirmed. Duplicates (an appeal stored twice, two confirmations of one appeal) are counted and
 *   reported.
 *
 * The per-IP form limit of the public server is off here (every request comes from 127.0.0.1); the
 * per-e-mail limit stays on (each question has its own address).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAppealRows, waitForConfirmations, type ConfirmationTally } from '../lib/appeal-audit';
import { inParallel, submitQuestion, type QuestionOutcome } from '../lib/form-client';
import { processEnv, readFaultTestConfig } from '../lib/config';
import { freePort } from '../lib/free-port';
import { startStack, type RunningStack } from '../lib/stack';

/** The outage the issue asks for. */
const SMTP_OUTAGE_MS = 120_000;
const SMTP_SUBMISSIONS = 100;
const CRASH_SUBMISSIONS = 60;
/** Questions in flight at once: a handful of people pressing «Отправить» at the same moment. */
const CONCURRENCY = 4;
/**
 * The most confirmations one kill can duplicate: the robot's job runner takes at most this many jobs per
 * tick (cms/src/payload.config.ts), and only a letter the SMTP server accepted before its job was recorded as
 * done can go out twice (REQUIREMENTS §4).
 */
const MAX_DUPLICATES_PER_KILL = 20;

const run = Date.now().toString(36);
const log = (message: string) => process.stdout.write(`[faults ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

let stack: RunningStack;
let varDir: string;

beforeAll(async () => {
  varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-faults-'));
  const ports = { public: await freePort(), cms: await freePort(), smtp: await freePort(), mailWeb: await freePort() };
  stack = await startStack({
    varDir,
    ports,
    verbose: readFaultTestConfig(processEnv).verbose,
    // As the e2e stack: the proof-of-work check on, no minimum fill time (scripts fill forms at once).
    cmsEnv: { ADMIN_PASSWORD: 'faults-admin-password-1234', LOG_LEVEL: 'error' },
    publicEnv: { FORM_RATE_LIMIT: 'off' },
    progress: log,
  });
});

afterAll(async () => {
  await stack?.stop();
  if (varDir) fs.rmSync(varDir, { recursive: true, force: true });
});

interface Counts {
  submitted: number;
  acknowledged: number;
  stored: number;
  confirmed: number;
  lost: number;
  unconfirmed: number;
  duplicateAppeals: number;
  duplicateConfirmations: number;
  secondsToLastConfirmation: number | null;
}

/** Compares what the clients were told with the database and the sink, and prints the figures. */
async function account(label: string, keyPrefix: string, outcomes: QuestionOutcome[], tally: ConfirmationTally, since: number): Promise<Counts> {
  const acknowledged = outcomes.filter((outcome) => outcome.registrationNumber);
  // Committed rows only: another connection never sees an unfinished write.
  const rows = await readAppealRows(path.join(varDir, 'portal.db'), keyPrefix);
  const rowsByKey = new Map<string, string[]>();
  const rowsByEmail = new Map<string, number>();
  for (const row of rows) {
    rowsByKey.set(row.idempotencyKey, [...(rowsByKey.get(row.idempotencyKey) ?? []), row.registrationNumber]);
    rowsByEmail.set(row.email.toLowerCase(), (rowsByEmail.get(row.email.toLowerCase()) ?? 0) + 1);
  }
  const lost = acknowledged.filter((outcome) => !rowsByKey.get(outcome.key)?.includes(outcome.registrationNumber as string)).length;
  // The same appeal twice: every submission has its own address, so two rows with one address are one
  // appeal stored twice, whichever key they came with.
  const duplicateAppeals = [...rowsByEmail.values()].filter((n) => n > 1).length;
  const ours = rows.map((row) => row.registrationNumber);
  const unconfirmed = acknowledged.filter((outcome) => !tally.counts.has(outcome.registrationNumber as string)).length;
  const duplicateConfirmations = ours.filter((number) => (tally.counts.get(number) ?? 0) > 1).length;
  const arrivals = ours.map((number) => tally.firstArrival.get(number)).filter((at): at is number => at !== undefined);
  const counts: Counts = {
    submitted: outcomes.length,
    acknowledged: acknowledged.length,
    stored: rows.length,
    confirmed: ours.filter((number) => tally.counts.has(number)).length,
    lost,
    unconfirmed,
    duplicateAppeals,
    duplicateConfirmations,
    secondsToLastConfirmation: arrivals.length > 0 ? Math.round((Math.max(...arrivals) - since) / 100) / 10 : null,
  };
  const statuses = new Map<string, number>();
  for (const outcome of outcomes) for (const status of outcome.statuses) statuses.set(String(status), (statuses.get(String(status)) ?? 0) + 1);
  log(
    `${label}: submitted ${counts.submitted}, acknowledged (201) ${counts.acknowledged}, stored ${counts.stored}, confirmed ${counts.confirmed}, ` +
      `lost ${counts.lost}, unconfirmed ${counts.unconfirmed}, duplicate appeals ${counts.duplicateAppeals}, duplicate confirmations ${counts.duplicateConfirmations}, ` +
      `time to last confirmation ${counts.secondsToLastConfirmation ?? '—'} s; answers by status ${JSON.stringify(Object.fromEntries(statuses))} (0: no answer)`,
  );
  return counts;
}

/** Sends `count` questions, calling `onAcknowledged` with the running number of 201s. */
function submitMany(prefix: string, count: number, onAcknowledged: (acknowledged: number) => void): Promise<QuestionOutcome[]> {
  let acknowledged = 0;
  return inParallel(count, CONCURRENCY, async (index) => {
    const outcome = await submitQuestion(
      stack.siteUrl,
      { key: `${prefix}-${index}`, email: `${prefix}.${index}@example.ru`, text: `Проверка отказоустойчивости, вопрос ${index + 1}: когда передавать показания?` },
      // Up to about two minutes of retries: longer than the CMS takes to start again.
      { attempts: 14, retryDelayMs: 1500 },
    );
    if (outcome.registrationNumber) onAcknowledged(++acknowledged);
    return outcome;
  });
}

describe('the forms and the mail robot under faults', () => {
  it('SMTP down for two minutes during 100 submissions: 100 confirmations once it is back, each exactly once', async () => {
    const prefix = `smtp-${run}`;
    const started = Date.now();
    let outage: Promise<number> | undefined;
    // The sink goes down once the first tenth is acknowledged, i.e. while the submissions run.
    const outcomes = await submitMany(prefix, SMTP_SUBMISSIONS, (acknowledged) => {
      if (acknowledged !== SMTP_SUBMISSIONS / 10 || outage) return;
      outage = (async () => {
        await stack.services.stop('mail');
        log(`SMTP sink stopped after ${acknowledged} acknowledged questions; back in ${SMTP_OUTAGE_MS / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, SMTP_OUTAGE_MS));
        await stack.services.start('mail');
        log('SMTP sink started again');
        return Date.now();
      })();
    });
    log(`${prefix}: submissions finished after ${Math.round((Date.now() - started) / 1000)} s`);
    expect(outage, 'the sink was stopped during the submissions').toBeDefined();
    const backAt = await outage!;
    const numbers = outcomes.map((outcome) => outcome.registrationNumber).filter((number): number is string => Boolean(number));
    // The robot retries with exponential backoff (2 s, 4 s … 128 s): the letters come within one more step.
    const tally = await waitForConfirmations(stack.mailUrl, new RegExp(`^${prefix}\\.\\d+@example\\.ru$`), numbers, { timeoutMs: 6 * 60_000, settleMs: 10_000 });
    const counts = await account('SMTP outage', prefix, outcomes, tally, backAt);
    // The outage must have hit letters: confirmations the robot tried while the sink was down (a failed attempt
    // before the one that went through) and that reached the sink only after it came back.
    const rows = await readAppealRows(path.join(varDir, 'portal.db'), prefix);
    const failedFirst = rows.filter((row) => row.confirmationAttempts >= 2);
    log(`SMTP outage: ${failedFirst.length} confirmations failed at least once while the sink was down, then went out`);
    expect(failedFirst.length, 'confirmations attempted and refused while the sink was down').toBeGreaterThan(0);
    const arrivedEarly = failedFirst.filter((row) => (tally.firstArrival.get(row.registrationNumber) ?? 0) < backAt).map((row) => row.registrationNumber);
    expect(arrivedEarly, 'every refused confirmation arrived after the sink came back').toEqual([]);
    log(`SMTP outage: last confirmation ${Math.round((Math.max(...tally.firstArrival.values()) - started) / 1000)} s after the first submission`);

    expect(counts.acknowledged).toBe(SMTP_SUBMISSIONS);
    expect(counts.stored).toBe(SMTP_SUBMISSIONS);
    expect(counts.lost).toBe(0);
    expect(counts.unconfirmed).toBe(0);
    expect(counts.duplicateAppeals).toBe(0);
    // Exactly once: one letter per registration number, and nothing else.
    expect(numbers.map((number) => tally.counts.get(number))).toEqual(numbers.map(() => 1));
    expect([...tally.counts.values()].reduce((sum, n) => sum + n, 0)).toBe(SMTP_SUBMISSIONS);
  });

  it('the CMS killed with SIGKILL during submissions: every acknowledged appeal is stored and confirmed after the restart', async () => {
    const prefix = `kill-${run}`;
    const started = Date.now();
    let crash: Promise<number> | undefined;
    const outcomes = await submitMany(prefix, CRASH_SUBMISSIONS, (acknowledged) => {
      if (acknowledged !== CRASH_SUBMISSIONS / 4 || crash) return;
      crash = (async () => {
        await stack.services.kill('cms');
        log(`CMS killed (SIGKILL) after ${acknowledged} acknowledged questions; starting it again`);
        await stack.services.start('cms');
        log('CMS answers again');
        return Date.now();
      })();
    });
    log(`${prefix}: submissions finished after ${Math.round((Date.now() - started) / 1000)} s`);
    expect(crash, 'the CMS was killed during the submissions').toBeDefined();
    const restartedAt = await crash!;
    const numbers = outcomes.map((outcome) => outcome.registrationNumber).filter((number): number is string => Boolean(number));
    const tally = await waitForConfirmations(stack.mailUrl, new RegExp(`^${prefix}\\.\\d+@example\\.ru$`), numbers, { timeoutMs: 4 * 60_000, settleMs: 10_000 });
    const counts = await account('CMS killed', prefix, outcomes, tally, restartedAt);

    // Some submissions may give up while the CMS restarts; each one that was told «registered» counts.
    expect(counts.acknowledged).toBeGreaterThan(CRASH_SUBMISSIONS / 4);
    expect(counts.lost).toBe(0);
    expect(counts.unconfirmed).toBe(0);
    expect(counts.duplicateAppeals).toBe(0);
    expect(counts.duplicateConfirmations).toBeLessThanOrEqual(MAX_DUPLICATES_PER_KILL);
  });
});
