import type { RunningStack } from '../../scripts/lib/stack';
import type { BenchContext } from '../context';
import { summarize } from '../stats';

interface SinkMessage {
  to: string[] | string;
  receivedAt: string;
}

/**
 * Confirmation latency: from sending a question to the CMS's form endpoint until the robot's e-mail is in the
 * mail sink, over `count` submissions sent one every `intervalMs`.
 */
export async function confirmationLatency(stack: RunningStack, count = 50, intervalMs = 200) {
  const topic = 'pokazaniya';
  const runId = Date.now();
  const sentAt = new Map<string, number>();
  const registration: number[] = [];
  for (let i = 0; i < count; i++) {
    const email = `bench.${runId}.${i}@example.ru`;
    const started = Date.now();
    const response = await fetch(`${stack.cmsUrl}/api/forms/question`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '127.0.0.1' },
      body: JSON.stringify({
        name: 'Мария Иванова',
        email,
        answerChannel: 'email',
        audience: 'fl',
        topic,
        text: `Проверка скорости подтверждения, обращение номер ${i + 1}.`,
        consent: true,
        website: '',
      }),
    });
    if (response.status !== 201) throw new Error(`submission ${i} answered ${response.status}: ${await response.text()}`);
    registration.push(Date.now() - started);
    sentAt.set(email, started);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  const latencies = new Map<string, number>();
  const deadline = Date.now() + 120_000;
  while (latencies.size < count && Date.now() < deadline) {
    const messages = (await (await fetch(`${stack.mailUrl}/api/messages`)).json()) as SinkMessage[] | { messages: SinkMessage[] };
    for (const message of Array.isArray(messages) ? messages : messages.messages) {
      const to = Array.isArray(message.to) ? message.to.join(',') : message.to;
      for (const [email, started] of sentAt) {
        if (!latencies.has(email) && to.includes(email)) latencies.set(email, new Date(message.receivedAt).getTime() - started);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    submissions: count,
    confirmed: latencies.size,
    registrationMs: summarize(registration),
    confirmationMs: summarize([...latencies.values()]),
  };
}

/** Bench module: 50 questions sent one every 200 ms straight to the CMS, each until its e-mail is in the sink. */
export async function run(ctx: BenchContext): Promise<Record<string, unknown>> {
  ctx.log('confirmation latency: 50 questions, one every 200 ms…');
  return confirmationLatency(ctx.stack, 50, 200);
}
