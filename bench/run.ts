/**
 * `npm run bench`: starts the embedded stack on free ports with fresh data, runs the benchmarks, prints a table
 * and writes var/bench/report.json. Figures depend on the machine; compare runs on the same machine only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../scripts/lib/free-port';
import { ROOT } from '../scripts/lib/paths';
import { startStack } from '../scripts/lib/stack';
import { confirmationLatency } from './confirmation-latency';
import { siteBuildFigures } from './site-build';

const machine = { cores: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.arch()}` };
const varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bench-'));
const ports = { public: await freePort(), cms: await freePort(), smtp: await freePort(), mailWeb: await freePort() };
process.stdout.write(`Benchmarks on ${machine.cores} cores, Node ${machine.node}\n`);
const startedAt = Date.now();
const stack = await startStack({ varDir, ports, verbose: false, cmsEnv: { ADMIN_PASSWORD: 'bench-admin-password-1234' } });
const stackStartMs = Date.now() - startedAt;

try {
  process.stdout.write('• confirmation latency: 50 questions, one every 200 ms…\n');
  const confirmation = await confirmationLatency(stack, 50, 200);
  process.stdout.write('• static site build and page weights…\n');
  const site = await siteBuildFigures(varDir, stack.cmsUrl, stack.siteUrl, ['/', '/fizlicam/tarify/', '/spravka/ofisy/severo-ozersk-centralnyy/', '/spravka/novosti/tarify-s-1-oktyabrya-2026/']);
  const report = { date: new Date().toISOString(), machine, stackStartMs, confirmation, site };
  const outDir = path.join(ROOT, 'var', 'bench');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  const ms = (value: number) => `${Math.round(value)} ms`;
  const c = confirmation.confirmationMs;
  const r = confirmation.registrationMs;
  process.stdout.write(`
| measure                                   | median | p95 | max |
|-------------------------------------------|--------|-----|-----|
| stack start (fresh data, CMS prebuilt)    | ${ms(stackStartMs)} | | |
| question registered (HTTP 201)            | ${ms(r.median)} | ${ms(r.p95)} | ${ms(r.max)} |
| confirmation e-mail in the sink (${confirmation.confirmed}/${confirmation.submissions}) | ${ms(c.median)} | ${ms(c.p95)} | ${ms(c.max)} |


Static build: ${ms(site.buildMs)} for ${site.pages} pages. Transfer size (gzip, bytes):

| page | HTML | CSS | JS |
|------|------|-----|----|
${site.weights.map((w) => `| ${w.path} | ${w.html} | ${w.css} | ${w.js} |`).join('\n')}

Report: var/bench/report.json
`);
  if (confirmation.confirmed < confirmation.submissions) process.exitCode = 1;
} finally {
  await stack.stop();
  fs.rmSync(varDir, { recursive: true, force: true });
}
