import type { BenchContext } from '../context';
import { summarize } from '../stats';
import { submitQuestions } from './forms-throughput';

/** Submissions measured (`BENCH_CONFIRMATIONS` overrides). */
const TOTAL = Number(process.env.BENCH_CONFIRMATIONS ?? 1000);
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
  ctx.log(`confirmation latency: ${TOTAL} questions, ${CONCURRENCY} clients at once, until every letter is in the sink…`);
  const runId = `c${Date.now()}`;
  const { results, seconds } = await submitQuestions(ctx.stack.siteUrl, runId, TOTAL, CONCURRENCY);
  const failed = results.filter((result) => result.status !== 201).length;
  if (failed > 0) throw new Error(`${failed} of ${TOTAL} submissions were not registered`);
  const receivedAt = new Map(results.map((result, i) => [`bench.${runId}.${i}@example.ru`, new Date(result.receivedAt as string).getTime()]));

  const letters = new Map<string, number[]>();
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    letters.clear();
    const messages = (await (await fetch(`${ctx.stack.mailUrl}/api/messages`)).json()) as SinkMessage[];
    for (const message of messages) {
      for (const address of new Set([...message.to, ...message.envelopeTo])) {
        if (receivedAt.has(address) && message.subject.includes('зарегистрировано')) letters.set(address, [...(letters.get(address) ?? []), new Date(message.receivedAt).getTime()]);
      }
    }
    if (letters.size >= TOTAL) break;
    await new Promise((resolve) => setTimeout(resolve, 2000));
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
  };
  if (letters.size !== TOTAL) throw new Error(`${TOTAL - letters.size} confirmations missing after ${WAIT_MS / 1000} s: ${JSON.stringify(figures)}`);
  return figures;
}
