/**
 * `npm run audit`: `npm audit --omit=dev` must report no high or critical vulnerability of a production
 * dependency unless security/audit-exceptions.json explains it. Needs the registry's advisory service;
 * when it cannot be reached (offline, or a mirror without it) the check says so and is skipped, not failed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AuditExceptionsSchema, AuditReportSchema, evaluateAudit } from './lib/audit-report';
import { ROOT } from './lib/paths';

const EXCEPTIONS_FILE = path.join(ROOT, 'security', 'audit-exceptions.json');

const result = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
let json: unknown;
try {
  json = JSON.parse(result.stdout || 'null');
} catch {
  json = null;
}
const parsed = AuditReportSchema.safeParse(json);
if (!parsed.success) {
  const reason =
    json && typeof json === 'object' && 'message' in json ? String((json as { message: unknown }).message) : result.stderr.trim().split('\n').pop();
  console.log(`npm audit skipped: the registry's advisory service is not reachable (${reason ?? 'no answer'}).`);
  process.exit(0);
}

const exceptions = AuditExceptionsSchema.parse(JSON.parse(fs.readFileSync(EXCEPTIONS_FILE, 'utf8')));
const findings = evaluateAudit(parsed.data, exceptions);
for (const finding of findings) {
  const status = finding.reason ? `accepted: ${finding.reason}` : 'NOT EXPLAINED';
  console.log(`${finding.severity.padEnd(8)} ${finding.name} — ${status}\n         ${finding.advisories.join('; ')}`);
}
const unexplained = findings.filter((finding) => finding.reason === undefined);
console.log(`npm audit --omit=dev: ${findings.length} high/critical, ${unexplained.length} unexplained.`);
if (unexplained.length > 0) {
  console.log(`Upgrade the packages, or explain each one in ${path.relative(ROOT, EXCEPTIONS_FILE)}.`);
  process.exit(1);
}
