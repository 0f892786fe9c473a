import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendWithRetry } from '../src/lib/chat-session';

/**
 * The client's retry of an outgoing chat message against a real HTTP server that behaves as the chat endpoint
 * does (idempotent by clientMessageId: the same id gets the same seq) but fails the first attempts the ways a
 * network does: a 503, a connection cut before any answer.
 */
interface Attempt {
  clientMessageId: string;
  token: string | undefined;
}

let server: Server;
let base: string;
const attempts: Attempt[] = [];
const stored = new Map<string, number>();
/** How the next requests fail before one is served: 'cut' drops the socket, a number is the status. */
let failures: ('cut' | number)[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const { clientMessageId, text } = JSON.parse(body) as { clientMessageId: string; text: string };
      attempts.push({ clientMessageId, token: request.headers['x-chat-token'] as string | undefined });
      const failure = failures.shift();
      if (failure === 'cut') {
        // Stored, but the answer is lost on the way: the retry must not store it twice.
        if (!stored.has(clientMessageId)) stored.set(clientMessageId, stored.size + 1);
        request.socket.destroy();
        return;
      }
      if (typeof failure === 'number') {
        response.writeHead(failure, { 'content-type': 'application/json' }).end(JSON.stringify({ message: failure === 400 ? 'Сообщение пустое' : 'Сервис недоступен' }));
        return;
      }
      if (text === '') {
        response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Сообщение пустое' }));
        return;
      }
      if (!stored.has(clientMessageId)) stored.set(clientMessageId, stored.size + 1);
      response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ seq: stored.get(clientMessageId) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const fetchImpl: typeof fetch = (input, init) => fetch(new URL(String(input), base), init);
const ref = { id: '9', token: 'token-of-nine' };

describe('sending a chat message with retries', () => {
  it('after a 503 and a cut connection the message is stored once, every attempt with the same id and the token', async () => {
    attempts.length = 0;
    stored.clear();
    failures = [503, 'cut'];
    const outcome = await sendWithRetry(ref, { clientMessageId: 'cm-1', text: 'Добрый день' }, { fetchImpl, delayMs: () => 10 });
    expect(outcome).toEqual({ kind: 'sent', seq: 1 });
    expect(attempts).toEqual([
      { clientMessageId: 'cm-1', token: 'token-of-nine' },
      { clientMessageId: 'cm-1', token: 'token-of-nine' },
      { clientMessageId: 'cm-1', token: 'token-of-nine' },
    ]);
    expect([...stored.keys()]).toEqual(['cm-1']);
  });

  it('a refusal (400) is final: one attempt, the server’s own message', async () => {
    attempts.length = 0;
    failures = [];
    const outcome = await sendWithRetry(ref, { clientMessageId: 'cm-2', text: '' }, { fetchImpl, delayMs: () => 10 });
    expect(outcome).toEqual({ kind: 'refused', status: 400, message: 'Сообщение пустое' });
    expect(attempts).toHaveLength(1);
  });

  it('stops when aborted (the message stays for the next page load)', async () => {
    attempts.length = 0;
    failures = [503, 503, 503, 503, 503, 503];
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 120);
    const outcome = await sendWithRetry(ref, { clientMessageId: 'cm-3', text: 'x' }, { fetchImpl, delayMs: () => 50, signal: controller.signal });
    expect(outcome).toBeNull();
    expect(attempts.length).toBeLessThan(6);
  });
});
