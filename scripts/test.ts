/**
 * `npm test`: type check, unit and integration tests (real SQLite, SMTP, HTTP), then the browser journeys
 * against a freshly started stack on free ports with its own temporary data. Prints one summary line.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureChromium } from './lib/chromium';
import { freePort } from './lib/free-port';
import { BIN, ROOT } from './lib/paths';
import { exitOnEnvError } from '@portal/core/env-config';
import { processEnv, readTestConfig } from './lib/config';
import { childEnv, startStack } from './lib/stack';
import { run } from './lib/processes';

const config = exitOnEnvError(() => readTestConfig(processEnv));

const progress = (message: string) => process.stdout.write(`\n▶ ${message}\n`);
const started = Date.now();
const totals = { passed: 0, failed: 0, skipped: 0 };

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

/** `TEST_FILES="search question-form" npm test`: only test files whose path contains one of these words. */
const fileFilters = config.fileFilters;

/**
 * Runs one vitest stage. `niceness` lowers the CPU priority of the run and everything it starts (e.g. the
 * fault tests' own stack), so stages running beside it get the CPU first.
 */
async function vitest(label: string, args: string[], env: Record<string, string> = {}, niceness = 0): Promise<boolean> {
  const report = path.join(os.tmpdir(), `portal-vitest-${process.pid}-${label.replace(/\W+/g, '-')}.json`);
  let ok = true;
  const command: string = niceness > 0 ? 'nice' : BIN.vitest;
  const prefix: string[] = niceness > 0 ? ['-n', String(niceness), BIN.vitest] : [];
  try {
    await run(command, [...prefix, 'run', ...args, ...fileFilters, ...(fileFilters.length ? ['--passWithNoTests'] : []), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
      cwd: ROOT,
      label,
      echo: true,
      env: childEnv(env),
    });
  } catch {
    ok = false;
  }
  if (fs.existsSync(report)) {
    const result = JSON.parse(fs.readFileSync(report, 'utf8')) as VitestJson;
    totals.passed += result.numPassedTests;
    totals.failed += result.numFailedTests;
    totals.skipped += result.numPendingTests + result.numTodoTests;
    fs.rmSync(report, { force: true });
  } else if (!ok) {
    totals.failed += 1;
  }
  return ok;
}

let failed = false;
const only = config.only; // typecheck | unit | e2e | faults | (unset: all)

if (!only || only === 'typecheck') {
  progress('Type check (tsc, strict)');
  try {
    await run(BIN.tsx, [path.join(ROOT, 'scripts', 'typecheck.ts')], { cwd: ROOT, label: 'typecheck', echo: true, env: childEnv() });
  } catch {
    failed = true;
    totals.failed += 1;
  }
}

if (!only || only === 'unit') {
  progress('Unit and integration tests (vitest)');
  if (!(await vitest('unit', []))) failed = true;
}

/**
 * The fault tests (scripts/faults): their own stack, whose processes they stop and kill. Beside the journeys
 * they run at a lower CPU priority: the journeys have time-outs of seconds, the fault tests wait minutes anyway.
 */
const faultTests = (niceness = 0) => vitest('faults', ['--config', 'scripts/faults/vitest.config.ts'], {}, niceness);

if (!only || only === 'e2e') {
  progress('Browser journeys (Playwright with Debian chromium)');
  await ensureChromium(progress);
  const varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-e2e-'));
  // The journeys' site is built as of a fixed day, so the current tariff period and the demo urgent banner
  // do not change with the calendar; the browser clock is set per test where the time of day matters.
  // Set for this process too: the stack builds the site at start, in a child that inherits this environment.
  process.env.SITE_TODAY = config.siteToday;
  const ports = { public: await freePort(), cms: await freePort(), smtp: await freePort(), mailWeb: await freePort() };
  const stack = await startStack({
    varDir,
    ports,
    verbose: config.verbose,
    // Journeys fill forms faster than people; the minimum fill time has its own integration test.
    // The survey job runs every 2 s instead of every 10 minutes, so the handler journey gets the survey e-mail at once.
    cmsEnv: { ADMIN_PASSWORD: 'e2e-admin-password-1234', SURVEY_INTERVAL_SECONDS: '2' },
    // Every journey searches from 127.0.0.1: one visitor to the public server, far over a person's hourly budget of
    // statistics events. The limit itself has its own test (cms/test/fuzz.int.test.ts). Likewise the forms' 10 a
    // minute per address: the journeys (forms, chat, booking, alerts, questionnaires) all come from 127.0.0.1 and one
    // journey would spend the next one's budget; the form limits are tested in public-server/src/public-server.int.test.ts.
    publicEnv: { SEARCH_EVENTS_PER_HOUR: '100000', FORM_RATE_LIMIT: 'off' },
    progress: (message) => process.stdout.write(`  • ${message}\n`),
  });
  // The fault tests start once the admin build is there (the stack above made sure), and run beside the
  // journeys: most of their time is waiting (a two-minute SMTP outage, the robot's backoff, a restart).
  let faults: Promise<boolean> = Promise.resolve(true);
  if (!only) {
    progress('Fault tests (their own stack, beside the journeys)');
    faults = faultTests(10);
  }
  try {
    if (!(await vitest('e2e', ['--config', 'e2e/vitest.config.ts'], { E2E_SITE_URL: stack.siteUrl, E2E_MAIL_URL: stack.mailUrl, E2E_SMTP_URL: stack.smtpUrl, E2E_CMS_URL: stack.cmsUrl }))) failed = true;
  } finally {
    await stack.stop();
    fs.rmSync(varDir, { recursive: true, force: true });
  }
  if (!(await faults)) failed = true;
}

if (only === 'faults') {
  progress('Fault tests (their own stack)');
  if (!(await faultTests())) failed = true;
}

process.stdout.write(`\nAll tests finished in ${Math.round((Date.now() - started) / 1000)} s\n`);
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(failed || totals.failed > 0 ? 1 : 0);
