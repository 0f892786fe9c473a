/**
 * `npm run soak`: a bounded soak test on loopback. Starts the embedded stack on free ports with fresh data and
 * sends mixed traffic (pages, searches, question forms) at a steady rate for SOAK_MINUTES (default 10), while
 * the CMS — the process serving the form endpoints — is restarted twice (once gracefully, once killed with
 * SIGKILL as in a crash) and the SMTP sink is stopped for two
 * minutes (shorter runs scale the outage to 30 % of the run). Then it checks:
 * - zero lost appeals: every 201 has its row committed in the database file and exactly one confirmation
 *   e-mail in the sink (duplicates are counted; none are expected outside a kill);
 * - resident memory of each process (its whole process group), sampled every 5 s, per process lifetime.
 * Settings: SOAK_MINUTES, SOAK_RATE (requests per second, default 6). Writes var/soak/report.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { summarize } from './lib/stats';
import { readAppealRows } from './lib/appeal-audit';
import { submitQuestion } from './lib/form-client';
import { freePort } from './lib/free-port';
import { exitOnEnvError } from '@portal/core/env-config';
import { processEnv, readSoakConfig } from './lib/config';
import { ROOT } from './lib/paths';
import { startStack, type StackServiceName } from './lib/stack';

const { minutes, rate } = exitOnEnvError(() => readSoakConfig(processEnv));
const durationMs = minutes * 60_000;
const smtpOutageMs = Math.min(120_000, durationMs * 0.3);
const log = (message: string) => process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);

const QUERIES = ['показания', 'оплата', 'договор', 'льготы', 'перерасчёт', 'тариф', 'задолженность', 'квитанция', 'xyz', 'счётчик'];
const SERVICES: StackServiceName[] = ['public', 'cms', 'mail'];

const varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-soak-'));
const ports = { public: await freePort(), cms: await freePort(), smtp: await freePort(), mailWeb: await freePort() };
log(`soak: ${minutes} min at ${rate} req/s; CMS restarts at 25 % (graceful) and 60 % (SIGKILL); SMTP down for ${Math.round(smtpOutageMs / 1000)} s from 35 %`);
const stack = await startStack({
  varDir,
  ports,
  verbose: false,
  progress: log,
  // The proof-of-work stays on; scripted clients post at once, so no minimum fill time (as in the e2e stack).
  cmsEnv: { ADMIN_PASSWORD: 'soak-admin-password-1234', LOG_LEVEL: 'error' },
  publicEnv: { FORM_RATE_LIMIT: 'off' },
});

// Pages of the current build, to browse.
const siteRoot = fs.realpathSync(path.join(varDir, 'site', 'current'));
const pages = fs
  .readdirSync(siteRoot, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name === 'index.html')
  .map((entry) => `/${path.relative(siteRoot, entry.parentPath).split(path.sep).join('/')}/`.replace(/\/+/g, '/'));

interface Submission {
  key: string;
  email: string;
  attempts: number;
  statuses: number[];
  accepted: boolean;
}
const submissions: Submission[] = [];
const counts = { pages: 0, searches: 0, forms: 0, errors: 0, by: {} as Record<string, number> };
const latency: Record<'page' | 'search' | 'form', number[]> = { page: [], search: [], form: [] };
const memory: Record<StackServiceName, { t: number; mb: number; pid: number }[]> = { public: [], cms: [], mail: [] };
const events: { t: number; event: string }[] = [];
const started = Date.now();
const elapsed = () => Date.now() - started;
const note = (event: string) => {
  events.push({ t: Math.round(elapsed() / 1000), event });
  log(event);
};

/** RSS of a service: every process in its process group (next start runs its server in a child). */
function groupRssMb(pgid: number | undefined): number | undefined {
  if (pgid === undefined) return undefined;
  let kb = 0;
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      kb += Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
    } catch {
      // The process ended while we looked.
    }
  }
  return kb > 0 ? Math.round(kb / 102.4) / 10 : undefined;
}

async function timed(kind: 'page' | 'search' | 'form', url: string, init?: RequestInit): Promise<Response | null> {
  const t0 = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
    await response.arrayBuffer();
    latency[kind].push(performance.now() - t0);
    counts.by[`${kind} ${response.status}`] = (counts.by[`${kind} ${response.status}`] ?? 0) + 1;
    return response;
  } catch {
    counts.errors += 1;
    counts.by[`${kind} network error`] = (counts.by[`${kind} network error`] ?? 0) + 1;
    return null;
  }
}

/**
 * A question with a unique e-mail, sent as the site's form sends it (scripts/lib/form-client.ts): the
 * proof-of-work solved first, a 5xx or lost answer retried with the same Idempotency-Key. Its latency
 * includes solving the challenge (about 0.2 s), as a person's wait does.
 */
async function submitSoakQuestion(index: number): Promise<void> {
  const key = `soak-${started}-${index}`;
  const email = `soak.${started}.${index}@example.ru`;
  counts.forms += 1;
  const t0 = performance.now();
  const outcome = await submitQuestion(
    stack.siteUrl,
    { key, email, text: `Проверка устойчивости, обращение ${index + 1}: когда передавать показания?`, topic: 'pokazaniya' },
    { attempts: 4, retryDelayMs: 5000 },
  );
  latency.form.push(performance.now() - t0);
  for (const status of outcome.statuses) {
    const label = `form ${status === 0 ? 'network error' : status}`;
    counts.by[label] = (counts.by[label] ?? 0) + 1;
    if (status === 0) counts.errors += 1;
  }
  submissions.push({ key, email, attempts: outcome.statuses.length, statuses: outcome.statuses, accepted: Boolean(outcome.registrationNumber) });
}

// Fault schedule.
const faults = [
  { at: 0.25 * durationMs, run: () => restart('cms', 'CMS restart 1') },
  { at: 0.35 * durationMs, run: () => stopFor('mail', smtpOutageMs, 'SMTP sink') },
  { at: 0.6 * durationMs, run: () => restart('cms', 'CMS restart 2 (killed, SIGKILL)', true) },
];
async function restart(name: StackServiceName, label: string, crash = false) {
  note(`${label}: stopping`);
  await (crash ? stack.services.kill(name) : stack.services.stop(name));
  await stack.services.start(name);
  note(`${label}: up again`);
}
async function stopFor(name: StackServiceName, ms: number, label: string) {
  note(`${label}: stopped for ${Math.round(ms / 1000)} s`);
  await stack.services.stop(name);
  await new Promise((resolve) => setTimeout(resolve, ms));
  await stack.services.start(name);
  note(`${label}: started again`);
}
const faultRuns = faults.map((fault) => new Promise<void>((resolve) => setTimeout(() => void fault.run().then(resolve, (error) => { note(`fault failed: ${String(error)}`); resolve(); }), fault.at)));

const sampler = setInterval(() => {
  for (const name of SERVICES) {
    const pid = stack.services.pid(name);
    const mb = groupRssMb(pid);
    if (mb !== undefined && pid !== undefined) memory[name].push({ t: Math.round(elapsed() / 1000), mb, pid });
  }
}, 5000);

// Steady traffic: one request every 1/rate s, in flight concurrently; 60 % pages, 25 % searches, 15 % forms.
const inFlight = new Set<Promise<unknown>>();
let sequence = 0;
let formIndex = 0;
while (elapsed() < durationMs) {
  const roll = sequence % 20;
  let task: Promise<unknown>;
  if (roll < 12) {
    counts.pages += 1;
    task = timed('page', `${stack.siteUrl}${pages[sequence % pages.length] ?? '/'}`);
  } else if (roll < 17) {
    counts.searches += 1;
    task = timed('search', `${stack.siteUrl}/api/search?q=${encodeURIComponent(QUERIES[sequence % QUERIES.length] ?? 'показания')}`);
  } else {
    task = submitSoakQuestion(formIndex++);
  }
  inFlight.add(task);
  void task.finally(() => inFlight.delete(task));
  sequence += 1;
  const due = started + (sequence * 1000) / rate;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
}
note('traffic stopped; waiting for retries and confirmations');
await Promise.all(inFlight);
await Promise.all(faultRuns);

// Every accepted appeal must get exactly one e-mail; allow the robot's backoff to catch up after the outage.
const accepted = submissions.filter((s) => s.accepted);
const mailCounts = new Map<string, number>();
const deadline = Date.now() + 6 * 60_000;
while (Date.now() < deadline) {
  mailCounts.clear();
  const messages = (await (await fetch(`${stack.mailUrl}/api/messages`)).json()) as { to: string[] | string }[];
  for (const message of messages) {
    for (const to of Array.isArray(message.to) ? message.to : [message.to]) {
      const address = to.toLowerCase().match(/soak\.[^@\s>]+@example\.ru/)?.[0];
      if (address) mailCounts.set(address, (mailCounts.get(address) ?? 0) + 1);
    }
  }
  if (accepted.every((s) => (mailCounts.get(s.email) ?? 0) >= 1)) break;
  await new Promise((resolve) => setTimeout(resolve, 5000));
}
clearInterval(sampler);
const waitedForMailS = Math.round((Date.now() - started - durationMs) / 1000);
await stack.stop();

// Rows, read from the database file after the CMS has stopped: only committed data is there.
const rows = await readAppealRows(path.join(varDir, 'portal.db'), 'soak-');
const rowsByKey = new Map<string, number>();
for (const row of rows) rowsByKey.set(row.idempotencyKey, (rowsByKey.get(row.idempotencyKey) ?? 0) + 1);

const lostRows = accepted.filter((s) => !rowsByKey.has(s.key)).length;
const duplicateRows = [...rowsByKey.values()].filter((n) => n > 1).length;
const missingConfirmations = accepted.filter((s) => (mailCounts.get(s.email) ?? 0) === 0).length;
const duplicateConfirmations = accepted.filter((s) => (mailCounts.get(s.email) ?? 0) > 1).length;
/**
 * Memory per process lifetime (a restart starts a new one): RSS after warm-up (the second sample) and at the
 * end, and the slope between them. Flat means the slope stays near zero over a long lifetime.
 */
const lifetimes = (samples: { t: number; mb: number; pid: number }[]) =>
  [...new Set(samples.map((s) => s.pid))].map((pid) => {
    const own = samples.filter((s) => s.pid === pid);
    const from = own[Math.min(1, own.length - 1)] ?? { t: 0, mb: 0 };
    const to = own[own.length - 1] ?? from;
    const minutesLived = (to.t - from.t) / 60;
    return {
      seconds: to.t - (own[0]?.t ?? 0),
      warmMb: from.mb,
      endMb: to.mb,
      maxMb: Math.max(...own.map((s) => s.mb)),
      mbPerMinute: minutesLived > 0 ? Math.round(((to.mb - from.mb) / minutesLived) * 10) / 10 : 0,
    };
  });
const memoryReport = Object.fromEntries(SERVICES.map((name) => [name, lifetimes(memory[name])]));
const report = {
  date: new Date().toISOString(),
  machine: { cores: os.cpus().length, node: process.version },
  settings: { minutes, rate, smtpOutageS: Math.round(smtpOutageMs / 1000) },
  events,
  traffic: { ...counts, submissionsAccepted: accepted.length, submissionsNotAccepted: submissions.length - accepted.length, retried: submissions.filter((s) => s.attempts > 1).length },
  latencyMs: { page: summarize(latency.page), search: summarize(latency.search), form: summarize(latency.form) },
  appeals: { rowsFound: rows.length, lostRows, duplicateRows, missingConfirmations, duplicateConfirmations, waitedForMailS },
  memory: memoryReport,
};
const outDir = path.join(ROOT, 'var', 'soak');
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
fs.rmSync(varDir, { recursive: true, force: true });

process.stdout.write(`
Soak ${minutes} min at ${rate} req/s on ${report.machine.cores} cores, Node ${report.machine.node}
  requests: ${counts.pages} pages, ${counts.searches} searches, ${counts.forms} questions (${report.traffic.retried} retried after 503/no answer)
  answers: ${JSON.stringify(counts.by)}
  appeals accepted (201): ${accepted.length}; rows committed: ${rows.length}; lost: ${lostRows}; duplicate rows: ${duplicateRows}
  confirmations missing: ${missingConfirmations}; duplicates: ${duplicateConfirmations} (waited ${waitedForMailS} s after traffic)
  RSS MB per process lifetime (after warm-up → end, MB/min):
${SERVICES.map((name) => `    ${name}: ${(memoryReport[name] ?? []).map((l) => `${l.warmMb} → ${l.endMb} over ${l.seconds} s (${l.mbPerMinute >= 0 ? '+' : ''}${l.mbPerMinute}/min)`).join('; ')}`).join('\n')}
Report: var/soak/report.json
`);
// A run in which no question got through tests nothing: it fails too.
process.exit(accepted.length > 0 && lostRows === 0 && missingConfirmations === 0 && duplicateRows === 0 ? 0 : 1);
