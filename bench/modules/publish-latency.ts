import type { BenchRun } from '../context';
import { generateFaq, publishLatency } from './publish-latency-lib';
import { benchConfig } from '../config';

/** Size of the generated site for the publish-to-live measure (issue 4: target under 60 s at 2,000 pages). */
const LARGE_SITE = benchConfig.BENCH_LARGE_SITE;
const admin = { email: 'admin@example.ru', password: 'bench-admin-password-1234' };

/**
 * Publish-to-live latency: from the publish API call until the changed text is served by the public server
 * and found by search; 10 edits on the demo site, then 10 on a generated site of LARGE_SITE FAQ pages.
 */
export const run: BenchRun = async ({ stack, log }) => {
  log('publish-to-live latency on the demo site: 10 edits…');
  const demo = await publishLatency(stack, { ...admin, edits: 10 });
  log(`generating a site of ${LARGE_SITE} FAQ pages through the REST API…`);
  const generateStarted = Date.now();
  const generated = await generateFaq(stack, { ...admin, target: LARGE_SITE });
  const generateMs = Date.now() - generateStarted;
  log(`publish-to-live latency at ${LARGE_SITE} pages: 10 edits…`);
  const large = await publishLatency(stack, { ...admin, edits: 10 });
  return {
    demoFaq: demo.publishedFaq,
    demoLiveMs: demo.liveMs,
    generatedFaq: generated,
    generateMs,
    largeFaq: large.publishedFaq,
    largeLiveMs: large.liveMs,
    targetMet: large.liveMs.max < 60_000,
  };
};
