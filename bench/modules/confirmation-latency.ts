import os from 'node:os';
import type { BenchContext } from '../context';
import { summarize } from '../../scripts/lib/stats';
import { loginToCms } from '../../scripts/lib/cms-client';
import { BENCH_ADMIN_PASSWORD, submitQuestions } from './forms-throughput';
import { benchConfig } from '../config';

/** Submissions measured (`BENCH_CONFIRMATIONS` overrides). */
const TOTAL = benchConfig.BENCH_CONFIRMATIONS;
/** Clients sending at once: the same load as the throughput figure. */
const CONCURRENCY = 50;
/** Give up waiting for letters after this long; missing ones are reported, not waited for forever. */
const WAIT_MS = 5 * 60_000;

interface SinkMessage {
  to: string[];
  envelopeTo: string[];
  subject: string;
  receivedAt: string;
}

/**
 * Bench module: confirmation latency from receipt (the `receivedAt` the CMS stored and returned with the 201)
 * to SMTP acceptance by the mail sink (its `receivedAt`), over 1,000 questions sent through the public
 * server by 50 clients at once. Each confirmation must arrive exactly once.
 */
export async function run(ctx: BenchContext): Promise<Record<string, unknown>> {
  const cms = await loginToCms(ctx.stack.cmsUrl, ctx.stack.adminEmail, BENCH_ADMIN_PASSWORD);
  const pending = async (keyPrefix?: string) => {
    const query = new URLSearchParams({ 'where[confirmation.state][equals]': 'pending', limit: '1', depth: '0' });
    if (keyPrefix) query.set('where[idempotencyKey][like]', keyPrefix);
    return (await cms.request<{ totalDocs: number }>('GET', `/api/appeals?${query}`)).totalDocs;
  };
  // Start from an empty outbox: letters left by an earlier module would be measured as this module's delay.
  const drainDeadline = Date.now() + WAIT_MS;
  while ((await pending()) > 0 && Date.now() < drainDeadline) await new Promise((resolve) => setTimeout(resolve, 1000));

  ctx.log(`confirmation latency: ${TOTAL} questions, ${CONCURRENCY} clients at once, until every letter is in the sink…`);
  const runId = `c${Date.now()}`;
  const { results, seconds } = await submitQuestions(ctx.stack.siteUrl, runId, TOTAL, CONCURRENCY);
  const failed = results.filter((result) => result.status !== 201).length;
  if (failed > 0) throw new Error(`${failed} of ${TOTAL} submissions were not registered`);
  const receivedAt = new Map(results.map((result, i) => [`bench.${runId}.${i}@example.ru`, new Date(result.receivedAt as string).getTime()]));

  // Wait on the database (cheap), not on the sink's listing (which reads every stored letter and would slow it).
  const deadline = Date.now() + WAIT_MS;
  while ((await pending(`bench-${runId}-`)) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 1000));

  const letters = new Map<string, number[]>();
  const messages = (await (await fetch(`${ctx.stack.mailUrl}/api/messages`)).json()) as SinkMessage[];
  for (const message of messages) {
    for (const address of new Set([...message.to, ...message.envelopeTo])) {
      if (receivedAt.has(address) && message.subject.includes('зарегистрировано')) letters.set(address, [...(letters.get(address) ?? []), new Date(message.receivedAt).getTime()]);
    }
  }
  const latencies = [...letters].map(([address, times]) => Math.min(...times) - (receivedAt.get(address) ?? 0));
  const duplicates = [...letters.values()].reduce((sum, times) => sum + times.length - 1, 0);
  const figures = {
    submissions: TOTAL,
    concurrency: CONCURRENCY,
    submitPerSecond: Math.round((TOTAL / seconds) * 10) / 10,
    confirmed: letters.size,
    duplicates,
    confirmationMs: summarize(latencies),
    loadAverage1m: Math.round((os.loadavg()[0] ?? 0) * 10) / 10,
  };
  if (letters.size !== TOTAL) throw new Error(`${TOTAL - letters.size} confirmations missing after ${WAIT_MS / 1000} s: ${JSON.stringify(figures)}`);
  return figures;
}
