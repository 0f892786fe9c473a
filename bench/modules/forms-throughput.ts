import os from 'node:os';
import { loginToCms } from '../../scripts/lib/cms-client';
import type { BenchContext } from '../context';
import { summarize } from '../../scripts/lib/stats';
import { benchConfig } from '../config';

/** Submissions per run (`BENCH_FORMS_TOTAL` overrides; the figure needs enough to reach steady state). */
const TOTAL = benchConfig.BENCH_FORMS_TOTAL;
/** Submissions sent first and not timed: the JIT and the connection pools warm up on them. */
const WARMUP = 200;
/** Clients sending at once, as the issue asks. */
const CONCURRENCY = 50;
/** The bench stack's administrator password (bench/run.ts). */
export const BENCH_ADMIN_PASSWORD = 'bench-admin-password-1234';

/** One question form as a browser sends it, with a unique e-mail so every appeal also gets its confirmation. */
export function benchQuestion(runId: string, i: number): string {
  return JSON.stringify({
    name: 'Пётр Смирнов',
    email: `bench.${runId}.${i}@example.ru`,
    answerChannel: 'email',
    audience: 'fl',
    topic: 'pokazaniya',
    text: `Нагрузочная проверка формы, обращение ${i + 1}.`,
    consent: true,
    website: '',
  });
}

/** What one submission returned. */
export interface Submitted {
  status: number;
  latencyMs: number;
  registrationNumber?: string;
  receivedAt?: string;
}

/**
 * Sends `total` question forms through the public server (as a browser would), `concurrency` at a time; each
 * client sends its next form as soon as the previous one is answered.
 */
export async function submitQuestions(siteUrl: string, runId: string, total: number, concurrency: number): Promise<{ results: Submitted[]; seconds: number }> {
  const results: Submitted[] = [];
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < total) {
      const i = next++;
      const sent = performance.now();
      try {
        const response = await fetch(`${siteUrl}/api/forms/question`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `bench-${runId}-${i}` },
          body: benchQuestion(runId, i),
        });
        const body = (await response.json().catch(() => ({}))) as { registrationNumber?: string; receivedAt?: string };
        results[i] = { status: response.status, latencyMs: performance.now() - sent, ...body };
      } catch {
        results[i] = { status: 0, latencyMs: performance.now() - sent };
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return { results, seconds: (performance.now() - started) / 1000 };
}

/** Counts the run's appeals in the database through the CMS REST API (as the administrator). */
export async function storedAppeals(ctx: BenchContext, runId: string): Promise<number> {
  const cms = await loginToCms(ctx.stack.cmsUrl, ctx.stack.adminEmail, BENCH_ADMIN_PASSWORD);
  const query = new URLSearchParams({ 'where[idempotencyKey][like]': `bench-${runId}-`, limit: '1', depth: '0' });
  const found = await cms.request<{ totalDocs: number }>('GET', `/api/appeals?${query}`);
  return found.totalDocs;
}

/**
 * Bench module: `POST /api/forms/question` through the public server at 50 concurrent clients. Prints
 * requests per second, the statuses (all must be 201), and how many of the acknowledged appeals are in the
 * database with distinct numbers (all must be).
 */
export async function run(ctx: BenchContext): Promise<Record<string, unknown>> {
  ctx.log(`forms throughput: ${TOTAL} questions, ${CONCURRENCY} clients at once, through the public server…`);
  const warmup = await submitQuestions(ctx.stack.siteUrl, `w${Date.now()}`, WARMUP, CONCURRENCY);
  if (warmup.results.some((result) => result.status !== 201)) throw new Error('warm-up submissions were not all registered');
  const runId = `t${Date.now()}`;
  const { results, seconds } = await submitQuestions(ctx.stack.siteUrl, runId, TOTAL, CONCURRENCY);
  const statuses: Record<string, number> = {};
  for (const result of results) statuses[result.status] = (statuses[result.status] ?? 0) + 1;
  const acknowledged = results.filter((result) => result.status === 201);
  const numbers = new Set(acknowledged.map((result) => result.registrationNumber));
  const stored = await storedAppeals(ctx, runId);
  const figures = {
    warmup: WARMUP,
    submissions: TOTAL,
    concurrency: CONCURRENCY,
    perSecond: Math.round((TOTAL / seconds) * 10) / 10,
    statuses,
    acknowledged: acknowledged.length,
    distinctNumbers: numbers.size,
    stored,
    latencyMs: summarize(results.map((result) => result.latencyMs)),
    // The machine may be shared: a load above the core count means the figure is a floor, not a ceiling.
    loadAverage1m: Math.round((os.loadavg()[0] ?? 0) * 10) / 10,
  };
  if (acknowledged.length !== TOTAL) throw new Error(`only ${acknowledged.length} of ${TOTAL} answered 201: ${JSON.stringify(statuses)}`);
  if (stored !== TOTAL || numbers.size !== TOTAL) throw new Error(`acknowledged ${TOTAL}, stored ${stored}, distinct numbers ${numbers.size}`);
  return figures;
}
