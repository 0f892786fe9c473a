import type { BenchContext } from '../context';
import { summarize } from '../../scripts/lib/stats';

/** Bench module: `astro build` of the whole site from the CMS export, three times (the first may be cold). */
export async function run(ctx: BenchContext): Promise<Record<string, unknown>> {
  ctx.log('astro build: 3 rebuilds from the CMS…');
  const times: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const started = Date.now();
    await ctx.stack.rebuildSite();
    times.push(Date.now() - started);
  }
  return { astroBuildMs: summarize(times) };
}
