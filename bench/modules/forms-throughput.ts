import type { BenchContext } from '../context';
import { summarize } from '../stats';

const TOTAL = 300;
const CONCURRENCY = 20;

/**
 * Bench module: concurrent question submissions through the public server to the CMS (the public server's
 * rate limit is off for the bench stack). Every submission must be registered (201).
 */
export async function run(ctx: BenchContext): Promise<Record<string, unknown>> {
  ctx.log(`forms throughput: ${TOTAL} questions, ${CONCURRENCY} at a time, through the public server…`);
  const runId = Date.now();
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < TOTAL) {
      const i = next++;
      const sent = performance.now();
      const response = await fetch(`${ctx.stack.siteUrl}/api/forms/question`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `bench-${runId}-${i}` },
        body: JSON.stringify({
          name: 'Пётр Смирнов',
          phone: '+7 912 345-67-89',
          answerChannel: 'phone',
          audience: 'fl',
          topic: 'pokazaniya',
          text: `Нагрузочная проверка формы, обращение ${i + 1}.`,
          consent: true,
          website: '',
        }),
      });
      await response.arrayBuffer();
      latencies.push(performance.now() - sent);
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { submissions: TOTAL, concurrency: CONCURRENCY, perSecond: Math.round((TOTAL / seconds) * 10) / 10, statuses, latencyMs: summarize(latencies) };
}
