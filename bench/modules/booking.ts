import type { BenchContext } from '../context';
import { summarize } from '../../scripts/lib/stats';

const OFFICE = 'severo-ozersk-centralnyy';
const TOPIC = 'dogovor';
const CLIENTS = 50;
const REQUESTS = 600;

/**
 * Bench module (issue 20): booking a visit through the public server on the demo data. (1) The free-slot lookup of
 * the demo office's «Договор» (two desks, 30-minute slots) over its 14-day horizon, sequential: latency. (2) 600 booking
 * requests from 50 concurrent clients aimed at a few times of the first day, so most of them collide on the same
 * cells: how many bookings per second are stored and how many requests per second answered (201 or 409). No
 * assertions, except that no time is booked more often than it has desks.
 */
export async function run(ctx: BenchContext): Promise<Record<string, unknown>> {
  const slotsUrl = `${ctx.stack.siteUrl}/api/forms/booking/slots?office=${OFFICE}&topic=${TOPIC}`;
  ctx.log('booking: 200 free-slot lookups over 14 days…');
  const lookups: number[] = [];
  let days: { date: string; times: string[] }[] = [];
  for (let i = 0; i < 200; i += 1) {
    const started = performance.now();
    const response = await fetch(slotsUrl);
    const body = (await response.json()) as { days?: { date: string; times: string[] }[] };
    lookups.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`slots answered ${response.status}`);
    days = body.days ?? [];
  }
  const slotCount = days.reduce((sum, day) => sum + day.times.length, 0);
  const targets = days.slice(0, 3).flatMap((day) => day.times.map((time) => ({ date: day.date, time })));
  if (targets.length === 0) throw new Error('no free times to book');

  ctx.log(`booking: ${REQUESTS} bookings from ${CLIENTS} concurrent clients over ${targets.length} times…`);
  let next = 0;
  let stored = 0;
  let taken = 0;
  let other = 0;
  const perTime = new Map<string, number>();
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < REQUESTS) {
        const n = next++;
        // Ten clients on each time at once: mostly collisions.
        const target = targets[Math.floor(n / 10) % targets.length]!;
        const t0 = performance.now();
        const response = await fetch(`${ctx.stack.siteUrl}/api/forms/booking`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ office: OFFICE, topic: TOPIC, date: target.date, time: target.time, name: 'Клиент Бенчмарка', email: `bench-${n}@example.ru`, consent: true }),
        });
        await response.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (response.status === 201) {
          stored += 1;
          const key = `${target.date}T${target.time}`;
          perTime.set(key, (perTime.get(key) ?? 0) + 1);
        } else if (response.status === 409) taken += 1;
        else other += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const overbooked = [...perTime.values()].filter((count) => count > 2).length;
  if (overbooked > 0) throw new Error(`${overbooked} times booked more often than they have desks`);
  return {
    freeSlotsOver14Days: slotCount,
    slotLookupMs: summarize(lookups),
    contention: { requests: REQUESTS, clients: CLIENTS, stored, taken, other, bookingsPerSecond: Math.round((stored / seconds) * 10) / 10, answersPerSecond: Math.round((REQUESTS / seconds) * 10) / 10, latencyMs: summarize(latencies) },
  };
}
