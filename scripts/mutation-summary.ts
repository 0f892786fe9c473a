/**
 * Prints the mutation score of each package and file from Stryker's JSON report (`npm run mutation` runs it after
 * Stryker) and fails when a package is below its target: 85% of mutants killed in core, 75% in search.
 * Score = (killed + timed out) / (killed + timed out + survived + not covered); mutants that do not compile and
 * static ones (ignored, see stryker.config.mjs) are left out.
 */
import fs from 'node:fs';
import path from 'node:path';

const REPORT = path.join(process.cwd(), 'var', 'mutation', 'report.json');
const TARGETS: Record<string, number> = { core: 85, search: 75 };

interface Report {
  files: Record<string, { mutants: { status: string }[] }>;
}

interface Tally {
  detected: number;
  undetected: number;
}

const tally = (): Tally => ({ detected: 0, undetected: 0 });
const score = (t: Tally) => (t.detected + t.undetected === 0 ? 100 : (100 * t.detected) / (t.detected + t.undetected));
const percent = (t: Tally) => `${score(t).toFixed(1).padStart(5)}%`;

if (!fs.existsSync(REPORT)) {
  console.error(`No report at ${path.relative(process.cwd(), REPORT)}: run \`npm run mutation\` first.`);
  process.exit(1);
}
const report = JSON.parse(fs.readFileSync(REPORT, 'utf8')) as Report;
const packages = new Map<string, Tally>();
const files: { name: string; pkg: string; tally: Tally }[] = [];
for (const [name, file] of Object.entries(report.files)) {
  const pkg = path.relative(process.cwd(), path.resolve(name)).split(path.sep)[0] ?? name;
  const t = tally();
  for (const mutant of file.mutants) {
    if (mutant.status === 'Killed' || mutant.status === 'Timeout') t.detected++;
    else if (mutant.status === 'Survived' || mutant.status === 'NoCoverage') t.undetected++;
  }
  files.push({ name: path.relative(process.cwd(), path.resolve(name)), pkg, tally: t });
  const total = packages.get(pkg) ?? tally();
  total.detected += t.detected;
  total.undetected += t.undetected;
  packages.set(pkg, total);
}

let failed = false;
for (const [pkg, total] of [...packages].sort()) {
  const target = TARGETS[pkg] ?? 0;
  const ok = score(total) >= target;
  failed ||= !ok;
  console.log(`\n${pkg}: ${percent(total)} killed (${total.detected} of ${total.detected + total.undetected}), target ${target}% ${ok ? 'met' : 'NOT MET'}`);
  for (const file of files.filter((f) => f.pkg === pkg).sort((a, b) => score(a.tally) - score(b.tally))) {
    console.log(`  ${percent(file.tally)}  ${String(file.tally.undetected).padStart(3)} survived  ${file.name}`);
  }
}
console.log(`\nHTML report: ${path.relative(process.cwd(), path.join(path.dirname(REPORT), 'index.html'))}`);
process.exit(failed ? 1 : 0);
