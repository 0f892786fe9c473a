import type { BenchContext } from '../context';
import { summarize } from '../../scripts/lib/stats';

const QUERIES = ['показания', 'счётчик', 'оплата', 'перерасчёт', 'договор', 'льготы', 'задолженность', 'тариф', 'личный кабинет', 'отключение', 'пени', 'квитанция'];

/** Bench module: search answers through the public server (sequential, so it is latency, not throughput). */
export async function run(ctx: BenchContext): Promise<Record<string, unknown>> {
  ctx.log('search latency: 240 queries through the public server…');
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < 240; i += 1) {
    const q = QUERIES[i % QUERIES.length] ?? 'показания';
    const started = performance.now();
    const response = await fetch(`${ctx.stack.siteUrl}/api/search?q=${encodeURIComponent(q)}`);
    const body = (await response.json()) as { hits?: unknown[] };
    times.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`search answered ${response.status}`);
    hits += body.hits?.length ?? 0;
  }
  return { queries: times.length, averageHits: hits / times.length, latencyMs: summarize(times) };
}
