import fs from 'node:fs';
import type { BenchContext } from '../context';
import { summarize } from '../../scripts/lib/stats';
import { benchConfig } from '../config';

/**
 * The chat under load (issue 19, `BENCH_ONLY=chat`): 300 conversations open at once through the public server, each
 * with its event stream held open (the other side's view of the conversation: the operators' console subscribes to the
 * same in-process bus). Every conversation then sends messages; the delivery latency is from the client's POST until
 * the message's event arrives on the stream (stored durably first, then streamed through the public server).
 * Also the CMS's resident memory per open conversation (its process group's RSS with the streams open, minus before,
 * divided by the number of conversations). Figures only; nothing is asserted (target p95 under 250 ms).
 */

const CONVERSATIONS = benchConfig.BENCH_CHAT_CONVERSATIONS;
const MESSAGES_EACH = 5;
/** Messages in flight at once across all conversations (people type slower than this). */
const CONCURRENCY = 50;

/** RSS of a process group (next start runs its server in a child), in MB. */
function groupRssMb(pgid: number | undefined): number | null {
  if (pgid === undefined) return null;
  let kb = 0;
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // ended while we looked
    }
  }
  return kb > 0 ? kb / 1024 : null;
}

interface Open {
  id: string;
  token: string;
  /** seq → the time its event arrived. */
  arrived: Map<number, number>;
  waiters: Map<number, (at: number) => void>;
  close(): void;
}

async function startOne(siteUrl: string, runId: string, index: number): Promise<{ id: string; token: string }> {
  const response = await fetch(`${siteUrl}/api/chat/conversations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text: `Нагрузочная проверка чата, разговор ${index + 1}`, clientMessageId: `bench-${runId}-${index}` }),
  });
  if (response.status !== 201) throw new Error(`start answered ${response.status}`);
  const body = (await response.json()) as { id: string; token: string };
  return { id: body.id, token: body.token };
}

async function openStream(siteUrl: string, conversation: { id: string; token: string }): Promise<Open> {
  const controller = new AbortController();
  const response = await fetch(`${siteUrl}/api/chat/conversations/${conversation.id}/events?token=${encodeURIComponent(conversation.token)}`, { signal: controller.signal });
  if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
  const open: Open = { ...conversation, arrived: new Map(), waiters: new Map(), close: () => controller.abort() };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    let buffer = '';
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        const now = performance.now();
        buffer += decoder.decode(chunk.value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!frame.includes('event: message')) continue;
          const seq = Number(/^id: (\d+)/m.exec(frame)?.[1]);
          open.arrived.set(seq, now);
          open.waiters.get(seq)?.(now);
        }
      }
    } catch {
      // aborted at the end
    }
  })();
  return open;
}

export async function run(ctx: BenchContext): Promise<Record<string, unknown>> {
  const { siteUrl } = ctx.stack;
  const runId = Date.now().toString(36);
  const cmsPid = ctx.stack.services.pid('cms');
  const rssBeforeMb = groupRssMb(cmsPid);

  ctx.log(`chat: starting ${CONVERSATIONS} conversations and opening their streams…`);
  const opened: Open[] = [];
  let next = 0;
  const starter = async () => {
    while (next < CONVERSATIONS) {
      const index = next++;
      opened.push(await openStream(siteUrl, await startOne(siteUrl, runId, index)));
    }
  };
  await Promise.all(Array.from({ length: 20 }, starter));
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const rssOpenMb = groupRssMb(cmsPid);

  ctx.log(`chat: ${opened.length} streams open; sending ${MESSAGES_EACH} messages in each…`);
  const latencies: number[] = [];
  const postLatencies: number[] = [];
  let failed = 0;
  let undelivered = 0;
  const jobs = opened.flatMap((open) => Array.from({ length: MESSAGES_EACH }, (_, m) => ({ open, m })));
  let cursor = 0;
  const sender = async () => {
    while (cursor < jobs.length) {
      const { open, m } = jobs[cursor++]!;
      const sent = performance.now();
      const response = await fetch(`${siteUrl}/api/chat/conversations/${open.id}/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Chat-Token': open.token },
        body: JSON.stringify({ clientMessageId: `b-${m}`, text: `Сообщение ${m + 1}` }),
      }).catch(() => null);
      if (response?.status !== 201) {
        failed++;
        continue;
      }
      const { seq } = (await response.json()) as { seq: number };
      postLatencies.push(performance.now() - sent);
      const arrivedAt =
        open.arrived.get(seq) ??
        (await new Promise<number | null>((resolve) => {
          const timer = setTimeout(() => resolve(null), 10_000);
          open.waiters.set(seq, (at) => {
            clearTimeout(timer);
            resolve(at);
          });
        }));
      open.waiters.delete(seq);
      if (arrivedAt === null) undelivered++;
      else latencies.push(arrivedAt - sent);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, sender));
  const seconds = (performance.now() - started) / 1000;
  for (const open of opened) open.close();

  const perConversationKb = rssBeforeMb !== null && rssOpenMb !== null && opened.length > 0 ? Math.round(((rssOpenMb - rssBeforeMb) * 1024) / opened.length) : null;
  return {
    conversations: opened.length,
    messages: latencies.length,
    failedPosts: failed,
    undelivered,
    messagesPerSecond: Math.round(((latencies.length + undelivered) / seconds) * 10) / 10,
    deliveryMs: summarize(latencies),
    postAckMs: summarize(postLatencies),
    cmsRssBeforeMb: rssBeforeMb === null ? null : Math.round(rssBeforeMb),
    cmsRssWithStreamsMb: rssOpenMb === null ? null : Math.round(rssOpenMb),
    cmsRssPerOpenConversationKb: perConversationKb,
  };
}
