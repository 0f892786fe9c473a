/**
 * `npm run bench`: times the admin build, starts the embedded stack on free ports with fresh data, runs every
 * benchmark module, prints a short table and writes var/bench/report.json. Figures depend on the machine;
 * compare runs on the same machine only. `BENCH_ADMIN_BUILD=off` skips the (1–2 minute) admin build timing;
 * `BENCH_ONLY=a,b` runs only the named modules.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../scripts/lib/free-port';
import { ROOT } from '../scripts/lib/paths';
import { ensureCmsBuild, startStack } from '../scripts/lib/stack';
import type { BenchContext, BenchRun } from './context';
import { run as backup } from './modules/backup';
import { run as booking } from './modules/booking';
import { run as confirmationLatency } from './modules/confirmation-latency';
import { run as embeddedSearch } from './modules/embedded-search';
import { run as formsThroughput } from './modules/forms-throughput';
import { run as lighthouse } from './modules/lighthouse';
import { run as pageWeights } from './modules/page-weights';
import { run as publishLatency } from './modules/publish-latency';
import { run as searchLatency } from './modules/search-latency';
import { run as siteBuild } from './modules/site-build';
import { benchConfig } from './config';

/** Every benchmark, in the order they run. Add new modules here. */
const MODULES: Record<string, BenchRun> = {
  siteBuild,
  pageWeights,
  searchLatency,
  embeddedSearch,
  formsThroughput,
  confirmationLatency,
  booking,
  lighthouse,
  // It adds 2,000 generated pages to the stack's data.
  publishLatency,
  // Last: it adds 100,000 generated appeals to the stack's data.
  backup,
};

const log = (message: string) => process.stdout.write(`• ${message}\n`);
const only = benchConfig.BENCH_ONLY?.split(',').map((name) => name.trim());
const machine = { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', node: process.version, platform: `${os.platform()} ${os.arch()}` };
process.stdout.write(`Benchmarks on ${machine.cores} cores (${machine.cpu}), Node ${machine.node}\n`);

const results: Record<string, Record<string, unknown>> = {};
const failures: Record<string, string> = {};

if (benchConfig.BENCH_ADMIN_BUILD !== 'off' && !only) {
  log('admin build: next build of the CMS (1–2 minutes)…');
  const started = Date.now();
  await ensureCmsBuild(() => undefined, { force: true });
  results.adminBuild = { nextBuildMs: Date.now() - started };
} else {
  // Build first when sources changed, so the start time below measures a start, not a build.
  await ensureCmsBuild(log);
}

const varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bench-'));
const ports = { public: await freePort(), cms: await freePort(), smtp: await freePort(), mailWeb: await freePort() };
const startedAt = Date.now();
const stack = await startStack({
  varDir,
  ports,
  verbose: false,
  progress: () => undefined,
  // Measures registration, not the browser's proof-of-work or the anti-spam limits.
  humanCheck: false,
  cmsEnv: { ADMIN_PASSWORD: 'bench-admin-password-1234', LOG_LEVEL: 'warn', APPEALS_PER_EMAIL_PER_HOUR: '10000' },
  publicEnv: { FORM_RATE_LIMIT: 'off' },
});
results.stack = { startMs: Date.now() - startedAt };

try {
  const ctx: BenchContext = { stack, varDir, log };
  for (const [name, run] of Object.entries(MODULES)) {
    if (only && !only.includes(name)) continue;
    try {
      results[name] = await run(ctx);
    } catch (error) {
      failures[name] = error instanceof Error ? error.message : String(error);
      log(`${name} failed: ${failures[name]}`);
    }
  }
} finally {
  await stack.stop();
  fs.rmSync(varDir, { recursive: true, force: true });
}

const report = { date: new Date().toISOString(), machine, results, failures };
const outDir = path.join(ROOT, 'var', 'bench');
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`\n${table(results)}\nReport: var/bench/report.json\n`);
if (Object.keys(failures).length > 0) process.exitCode = 1;

/** One row per figure: summaries as median / p95 / max, plain numbers as they are. */
function table(all: Record<string, Record<string, unknown>>): string {
  const rows: [string, string][] = [];
  const format = (value: unknown): string | undefined => {
    // Small figures (ratios such as recall, milliseconds under 10) keep three decimals: 0.967 must not print as 1.0.
    if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(Math.abs(value) < 10 ? 3 : 1);
    if (value && typeof value === 'object' && 'median' in value) {
      const s = value as { median: number; p95: number; max: number };
      return `median ${format(s.median)} · p95 ${format(s.p95)} · max ${format(s.max)}`;
    }
    if (value && typeof value === 'object') return JSON.stringify(value);
    return value === undefined ? undefined : String(value);
  };
  for (const [module, figures] of Object.entries(all)) {
    for (const [key, value] of Object.entries(figures)) {
      const text = format(value);
      if (text !== undefined) rows.push([`${module}.${key}`, text]);
    }
  }
  const width = Math.max(...rows.map(([name]) => name.length), 10);
  return [`| ${'figure'.padEnd(width)} | value`, `|-${'-'.repeat(width)}-|------`, ...rows.map(([name, text]) => `| ${name.padEnd(width)} | ${text}`)].join('\n');
}
