/**
 * `npm run build`: everything production needs built ahead of time — the admin (`next build`, the same step
 * `npm start` takes, skipped when a build of exactly these sources exists). The static site is built from the
 * CMS's content, so `npm run serve` builds it at its first start and the CMS rebuilds it after every publication.
 */
import { ensureCmsBuild } from './lib/stack';

const started = Date.now();
const progress = (message: string) => process.stdout.write(`• ${message}\n`);
try {
  await ensureCmsBuild(progress);
} catch (error) {
  process.stderr.write(`\nThe build failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
progress(`Build ready in ${Math.round((Date.now() - started) / 1000)} s. Start it with: npm run serve`);
