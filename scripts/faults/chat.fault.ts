/**
 * Fault test of the chat (issue 19): the CMS is killed with SIGKILL in the middle of conversations and started
 * again; every message the client was told «stored» (a 201 with its `seq`) is in the database exactly once, and a
 * client that reconnects to the event stream with `Last-Event-ID` gets exactly the messages it had not seen.
 *
 * Its own embedded stack (scripts/lib/stack.ts), loopback only, proof-of-work on as on the site; the per-IP limits
 * are off (every client is 127.0.0.1). Clients retry a message with the same clientMessageId until it is
 * acknowledged, as the site's island does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solvedHumanCheck } from '../lib/form-client';
import { processEnv, readFaultTestConfig } from '../lib/config';
import { freePort } from '../lib/free-port';
import { startStack, type RunningStack } from '../lib/stack';

const CONVERSATIONS = 6;
const MESSAGES_EACH = 12;
const log = (message: string) => process.stdout.write(`[faults chat ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let stack: RunningStack;
let varDir: string;

beforeAll(async () => {
  varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-faults-chat-'));
  const ports = { public: await freePort(), cms: await freePort(), smtp: await freePort(), mailWeb: await freePort() };
  stack = await startStack({
    varDir,
    ports,
    verbose: readFaultTestConfig(processEnv).verbose,
    cmsEnv: { ADMIN_PASSWORD: 'faults-admin-password-1234', LOG_LEVEL: 'error' },
    publicEnv: { FORM_RATE_LIMIT: 'off' },
    progress: log,
  });
});

afterAll(async () => {
  await stack?.stop();
  if (varDir) fs.rmSync(varDir, { recursive: true, force: true });
});

/** POSTs JSON, retrying on no answer or a 5xx until `attempts` run out; the last answer (or null). */
async function postRetrying(url: string, body: unknown, headers: Record<string, string> = {}, attempts = 40): Promise<{ status: number; json: Record<string, unknown> } | null> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
      const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
      if (response.status < 500) return { status: response.status, json };
    } catch {
      // The CMS is down or restarting: try again.
    }
    await pause(1_000);
  }
  return null;
}

interface Conversation {
  id: string;
  token: string;
  /** clientMessageId → the seq the server acknowledged. */
  acknowledged: Map<string, number>;
}

async function startConversation(index: number): Promise<Conversation> {
  const proof = await solvedHumanCheck(stack.siteUrl);
  const answer = await postRetrying(`${stack.siteUrl}/api/chat/conversations`, {
    text: `Проверка отказоустойчивости чата, разговор ${index + 1}`,
    clientMessageId: `fault-start-${index}-${Date.now()}`,
    ...(proof ? { proof } : {}),
  });
  if (answer?.status !== 201) throw new Error(`conversation ${index} not started: ${answer?.status}`);
  return { id: String(answer.json.id), token: String(answer.json.token), acknowledged: new Map() };
}

/** Reads the event stream from `after` until `wanted` message seqs arrived or the time is up. */
async function readStream(conversation: Conversation, after: number, wanted: number, timeoutMs = 15_000): Promise<number[]> {
  const seqs: number[] = [];
  const response = await fetch(`${stack.siteUrl}/api/chat/conversations/${conversation.id}/events?token=${encodeURIComponent(conversation.token)}`, {
    headers: { 'Last-Event-ID': String(after) },
    signal: AbortSignal.timeout(timeoutMs),
  }).catch(() => null);
  if (!response?.ok || !response.body) return seqs;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    while (seqs.length < wanted) {
      const chunk = await reader.read();
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (frame.includes('event: message')) seqs.push(Number(/^id: (\d+)/m.exec(frame)?.[1]));
      }
    }
  } catch {
    // timed out
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return seqs;
}

describe('the chat under faults', () => {
  it('the CMS killed with SIGKILL mid-conversation: every acknowledged message is stored exactly once and a resumed stream misses none', async () => {
    const started = Date.now();
    const conversations = await Promise.all(Array.from({ length: CONVERSATIONS }, (_, index) => startConversation(index)));
    log(`${conversations.length} conversations started`);
    let sent = 0;
    let crash: Promise<void> | undefined;
    await Promise.all(
      conversations.map(async (conversation, index) => {
        for (let m = 0; m < MESSAGES_EACH; m++) {
          const clientMessageId = `c${index}-m${m}`;
          const answer = await postRetrying(`${stack.siteUrl}/api/chat/conversations/${conversation.id}/messages`, { clientMessageId, text: `Сообщение ${m + 1}` }, { 'X-Chat-Token': conversation.token });
          if (answer?.status === 201) conversation.acknowledged.set(clientMessageId, Number(answer.json.seq));
          sent++;
          if (sent === Math.floor((CONVERSATIONS * MESSAGES_EACH) / 3) && !crash) {
            crash = (async () => {
              await stack.services.kill('cms');
              log(`CMS killed (SIGKILL) after ${sent} messages sent; starting it again`);
              await stack.services.start('cms');
              log('CMS answers again');
            })();
          }
        }
      }),
    );
    expect(crash, 'the CMS was killed during the conversations').toBeDefined();
    await crash;

    const db = createClient({ url: `file:${path.join(varDir, 'portal.db')}` });
    let acknowledgedTotal = 0;
    let lost = 0;
    let duplicates = 0;
    let wrongSeq = 0;
    try {
      for (const conversation of conversations) {
        const result = await db.execute({ sql: 'SELECT client_message_id AS c, seq AS s FROM chat_messages WHERE conversation_id = ?', args: [Number(conversation.id)] });
        const stored = new Map<string, number[]>();
        for (const row of result.rows) if (row.c) stored.set(String(row.c), [...(stored.get(String(row.c)) ?? []), Number(row.s)]);
        for (const [clientMessageId, seq] of conversation.acknowledged) {
          acknowledgedTotal++;
          const seqs = stored.get(clientMessageId) ?? [];
          if (seqs.length === 0) lost++;
          if (seqs.length > 1) duplicates++;
          if (seqs.length === 1 && seqs[0] !== seq) wrongSeq++;
        }
        const allSeqs = result.rows.map((row) => Number(row.s)).sort((a, b) => a - b);
        expect(new Set(allSeqs).size, `conversation ${conversation.id}: every seq once`).toBe(allSeqs.length);
      }
    } finally {
      db.close();
    }
    // Resume after the crash: a client that saw up to its 4th acknowledged message gets exactly the rest.
    const first = conversations[0]!;
    const acknowledgedSeqs = [...first.acknowledged.values()].sort((a, b) => a - b);
    const seen = acknowledgedSeqs[3]!;
    const resumed = await readStream(first, seen, acknowledgedSeqs.length - 4);
    log(
      `CMS killed: ${CONVERSATIONS * MESSAGES_EACH} messages sent, acknowledged ${acknowledgedTotal}, lost ${lost}, stored twice ${duplicates}, ` +
        `acknowledged with another seq ${wrongSeq}; resumed stream after seq ${seen}: ${resumed.length} messages; ${Math.round((Date.now() - started) / 1000)} s`,
    );
    expect(acknowledgedTotal).toBeGreaterThan(CONVERSATIONS * MESSAGES_EACH / 2);
    expect(lost).toBe(0);
    expect(duplicates).toBe(0);
    expect(wrongSeq).toBe(0);
    expect(resumed).toEqual(acknowledgedSeqs.filter((seq) => seq > seen));
  });
});
