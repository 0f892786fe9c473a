/** `npm run typecheck`: strict TypeScript over the root scripts and every workspace, one project at a time. */
import path from 'node:path';
import { BIN, ROOT } from './lib/paths';
import { run } from './lib/processes';
import { childEnv } from './lib/stack';

const PROJECTS = ['.', 'core', 'search', 'content', 'api', 'public-server', 'mail-sink', 'site', 'cms'];
const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
let failed = 0;
for (const project of PROJECTS) {
  const started = Date.now();
  try {
    await run(BIN.node, [tsc, '--noEmit', '-p', project], { cwd: ROOT, label: `tsc -p ${project}`, env: childEnv() });
    process.stdout.write(`  ✓ ${project} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  } catch (error) {
    failed++;
    process.stdout.write(`  ✗ ${project}\n${error instanceof Error ? error.message : String(error)}\n`);
  }
}
process.exit(failed ? 1 : 0);
