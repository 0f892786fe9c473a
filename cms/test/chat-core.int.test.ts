import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Payload } from 'payload';
import type { ChatEvent } from '@portal/core/chat/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailSink, type RunningMailSink } from '@portal/mail-sink/mail-sink';
import { freePort } from '../../scripts/lib/free-port';
import { createStaff, startTestCms, type TestCms } from './harness';
import { restApi } from './support/rest';

/**
 * The chat's server side through the CMS's real request handling (`handleEndpoints`, what `/api/[...slug]` runs) on a
 * real Payload with SQLite: a message is stored before its 201, a retry never stores a second copy, a resumed event
 * stream replays exactly what was missed, an out-of-hours start gets the automatic reply, and the REST API writes
 * nothing and shows chats only to handlers, managers and administrators.
 */

let cms: TestCms;
let payload: Payload;
let api: (request: Request) => Promise<Response>;
let operator: { id: number | string };
let sink: RunningMailSink;
let mailDir: string;
const ORIGIN = 'http://cms.test';

interface Started {
  id: string;
  token: string;
  link: string;
  state: string;
  position: number | null;
  estimatedWaitMinutes: number | null;
  outOfHours: { startsAt: string; text: string } | null;
}

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  api(new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '203.0.113.7', ...headers }, body: JSON.stringify(body) }));

async function start(text = 'Добрый день, не пришла квитанция за ноябрь', extra: Record<string, unknown> = {}): Promise<Started> {
  const response = await post('/api/chat/conversations', { text, clientMessageId: crypto.randomUUID(), ...extra });
  expect(response.status).toBe(201);
  return (await response.json()) as Started;
}

const storedMessages = async (conversationId: string) =>
  (
    await payload.find({ collection: 'chat-messages', where: { conversation: { equals: conversationId } }, sort: 'seq', depth: 0, overrideAccess: true, pagination: false })
  ).docs as unknown as { seq: number; kind: string; author: string; text: string | null; clientMessageId: string | null }[];

/** Reads SSE frames from a streaming response until `count` events arrived (or the time is up). */
async function readEvents(response: Response, count: number, timeoutMs = 5_000): Promise<{ id: number; event: string; data: Record<string, unknown> }[]> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: { id: number; event: string; data: Record<string, unknown> }[] = [];
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  try {
    while (events.length < count && Date.now() < deadline) {
      const chunk = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), Math.max(1, deadline - Date.now())))]);
      if (chunk === null || chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = Object.fromEntries(frame.split('\n').filter((line) => !line.startsWith(':') && line.includes(': ')).map((line) => [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)]));
        if (fields.event && fields.data) events.push({ id: Number(fields.id), event: fields.event, data: JSON.parse(fields.data) as Record<string, unknown> });
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return events;
}

/** The robot's dispatcher (off in tests: JOBS_AUTORUN=off) sends what the outbox holds. */
async function dispatch() {
  const { dispatchOutbox } = await import('../src/appeals/outbox/outbox');
  for (let round = 0; round < 20; round++) if ((await dispatchOutbox(payload)).claimed === 0) break;
}

async function mailTo(address: string, atLeast = 1) {
  await dispatch();
  for (let i = 0; i < 50; i++) {
    const letters = (await (await fetch(`${sink.webUrl}/api/messages?to=${encodeURIComponent(address)}`)).json()) as { subject: string; text: string; html: string | false }[];
    if (letters.length >= atLeast) return letters;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return [];
}

beforeAll(async () => {
  const smtpPort = await freePort();
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-chat-mail-'));
  sink = await startMailSink({ smtpPort, webPort: 0, dir: mailDir });
  cms = await startTestCms({ SITE_URL: 'https://energo.example', SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
  payload = cms.payload;
  api = restApi(cms, undefined);
  operator = (await createStaff(payload, 'operator@example.ru', ['handler'])) as { id: number | string };
  await payload.update({ collection: 'users', id: operator.id, data: { name: 'Анна Петрова' } as never, overrideAccess: true });
}, 120_000);

afterAll(async () => {
  await cms?.close();
  await sink?.close();
  if (mailDir) fs.rmSync(mailDir, { recursive: true, force: true });
});

describe('chat: starting and messages', () => {
  it('a started conversation is stored before the 201, with the first message as seq 1 and a private link carrying the token in the fragment', async () => {
    const started = await start();
    expect(started.state).toBe('queued');
    expect(started.position).toBeGreaterThanOrEqual(1);
    expect(started.link).toBe(`https://energo.example/chat/?c=${started.id}#t=${started.token}`);
    const rows = await storedMessages(started.id);
    expect(rows[0]).toMatchObject({ seq: 1, kind: 'message', author: 'client', text: 'Добрый день, не пришла квитанция за ноябрь' });
    // Only the token's hash is stored.
    const stored = (await payload.findByID({ collection: 'chat-conversations', id: started.id, overrideAccess: true, depth: 0 })) as { tokenHash: string };
    expect(stored.tokenHash).not.toContain(started.token);
    expect(stored.tokenHash).toMatch(/^[a-f0-9]{64}$/);
  });

  it('a retried start (same message id and text) returns the same conversation and stores the first message once', async () => {
    const body = { text: 'Как передать показания счётчика?', clientMessageId: crypto.randomUUID() };
    const first = (await (await post('/api/chat/conversations', body)).json()) as Started;
    const second = (await (await post('/api/chat/conversations', body)).json()) as Started;
    expect(second.id).toBe(first.id);
    expect(second.token).toBe(first.token);
    expect((await storedMessages(first.id)).filter((row) => row.author === 'client')).toHaveLength(1);
  });

  it('a client message is stored before its 201 and a retry with the same clientMessageId returns the same seq without a duplicate', async () => {
    const { id, token } = await start();
    const message = { clientMessageId: 'm-retry-1', text: 'Лицевой счёт 1234567' };
    const first = await post(`/api/chat/conversations/${id}/messages`, message, { 'X-Chat-Token': token });
    expect(first.status).toBe(201);
    const { seq } = (await first.json()) as { seq: number };
    expect((await storedMessages(id)).find((row) => row.seq === seq)?.text).toBe('Лицевой счёт 1234567');
    const retry = await post(`/api/chat/conversations/${id}/messages`, message, { 'X-Chat-Token': token });
    expect(retry.status).toBe(201);
    expect(((await retry.json()) as { seq: number }).seq).toBe(seq);
    expect((await storedMessages(id)).filter((row) => row.clientMessageId === 'm-retry-1')).toHaveLength(1);
  });

  it('twenty messages sent at once get twenty different, gap-free numbers', async () => {
    const { id, token } = await start();
    const before = (await storedMessages(id)).length;
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => post(`/api/chat/conversations/${id}/messages`, { clientMessageId: `burst-${i}`, text: `Сообщение ${i}` }, { 'X-Chat-Token': token })));
    const seqs = await Promise.all(answers.map(async (response) => ((await response.json()) as { seq: number }).seq));
    expect(new Set(seqs).size).toBe(20);
    const all = (await storedMessages(id)).map((row) => row.seq);
    expect(all).toEqual(Array.from({ length: before + 20 }, (_, i) => i + 1));
  });

  it('a message is one durable write: the conversation row is not rewritten, and messages of many conversations arriving together share commits and keep gap-free numbers', async () => {
    const conversations = await Promise.all(Array.from({ length: 8 }, (_, i) => start(`Разговор под нагрузкой ${i + 1}`)));
    const rowOf = async (id: string) => (await payload.findByID({ collection: 'chat-conversations', id, overrideAccess: true, depth: 0 })) as unknown as { updatedAt: string };
    const before = await Promise.all(conversations.map(async ({ id }) => ({ id, updatedAt: (await rowOf(id)).updatedAt, rows: (await storedMessages(id)).length })));
    // Counts the database's write transactions while the messages arrive (the real client, only counted).
    const client = (payload.db as unknown as { client: { batch: (...args: unknown[]) => Promise<unknown> } }).client;
    const batch = client.batch;
    let commits = 0;
    client.batch = function (this: unknown, ...args: unknown[]) {
      commits++;
      return batch.apply(this, args);
    };
    let answers: Response[];
    try {
      answers = await Promise.all(
        conversations.flatMap(({ id, token }) => Array.from({ length: 3 }, (_, m) => post(`/api/chat/conversations/${id}/messages`, { clientMessageId: `load-${m}`, text: `Сообщение ${m + 1}` }, { 'X-Chat-Token': token }))),
      );
    } finally {
      client.batch = batch;
    }
    expect(answers.map((response) => response.status)).toEqual(Array.from({ length: 24 }, () => 201));
    // 24 messages of 8 conversations: at most 3 rounds (one message per conversation at a time) plus stragglers, never one commit each.
    expect(commits).toBeLessThan(24);
    for (const { id, updatedAt, rows } of before) {
      expect((await rowOf(id)).updatedAt).toBe(updatedAt);
      expect((await storedMessages(id)).map((row) => row.seq)).toEqual(Array.from({ length: rows + 3 }, (_, i) => i + 1));
    }
  });

  it('«Да» on the FAQ answers is counted for today (Moscow date), and only a yes is taken', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    const counter = async () => Number(((await payload.find({ collection: 'counters', where: { key: { equals: `chat-faq-helped@${today}` } }, overrideAccess: true, depth: 0 })).docs[0] as { value?: number } | undefined)?.value ?? 0);
    const before = await counter();
    const yes = await post('/api/chat/faq-feedback', { helped: true });
    expect(yes.status).toBe(204);
    expect(await counter()).toBe(before + 1);
    const no = await post('/api/chat/faq-feedback', { helped: false });
    expect(no.status).toBe(400);
    expect(((await no.json()) as { message: string }).message).toMatch(/[а-я]/);
    expect(await counter()).toBe(before + 1);
  });

  it('a wrong token, an unknown conversation and an empty message are refused with Russian messages', async () => {
    const { id } = await start();
    const wrong = await post(`/api/chat/conversations/${id}/messages`, { clientMessageId: 'x1', text: 'Привет' }, { 'X-Chat-Token': 'not-the-token' });
    expect(wrong.status).toBe(404);
    expect(((await wrong.json()) as { message: string }).message).toBe('Разговор не найден. Возможно, ссылка устарела');
    const { token } = await start();
    const empty = await post(`/api/chat/conversations/${id}/messages`, { clientMessageId: 'x2', text: '   ' }, { 'X-Chat-Token': token });
    expect(empty.status).toBe(404);
    const ownEmpty = await start();
    const refused = await post(`/api/chat/conversations/${ownEmpty.id}/messages`, { clientMessageId: 'x3', text: '   ' }, { 'X-Chat-Token': ownEmpty.token });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { message: string }).message).toBe('Пожалуйста, напишите сообщение');
  });
});

describe('chat: the event stream', () => {
  it('replays everything, then streams a new operator message live', async () => {
    const { id, token } = await start('Вопрос про перерасчёт');
    const response = await api(new Request(`${ORIGIN}/api/chat/conversations/${id}/events?token=${encodeURIComponent(token)}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const { acceptConversation, postMessage } = await import('../src/chat/service');
    setTimeout(() => {
      void acceptConversation(payload, id, operator.id).then(() => postMessage(payload, id, { author: 'operator', text: 'Здравствуйте! Сейчас проверю.', operatorUserId: operator.id }));
    }, 300);
    // The out-of-hours reply (a system message) is there or not depending on when the test runs: leave it aside.
    const events = (await readEvents(response, 6, 6_000)).filter((event) => event.data.author !== 'system');
    const stored = events.filter((event) => event.event === 'message' || (event.event === 'state' && event.data.position === undefined));
    expect(stored.map((event) => [event.event, event.data.author ?? event.data.state])).toEqual([
      ['message', 'client'],
      ['state', 'queued'],
      ['state', 'active'],
      ['message', 'operator'],
    ]);
    const rows = (await storedMessages(id)).filter((row) => row.author !== 'system' || row.kind === 'state');
    expect(stored.map((event) => event.id)).toEqual(rows.map((row) => row.seq));
    expect(stored[2]?.data.operatorName).toBe('Анна');
    expect(stored[3]?.data).toMatchObject({ author: 'operator', operatorName: 'Анна', text: 'Здравствуйте! Сейчас проверю.' });
  });

  it('resuming with Last-Event-ID gives exactly the missed messages, in order, none twice', async () => {
    const { id, token } = await start('Первое сообщение');
    for (let i = 1; i <= 5; i++) await post(`/api/chat/conversations/${id}/messages`, { clientMessageId: `r-${i}`, text: `Сообщение ${i}` }, { 'X-Chat-Token': token });
    // The client saw everything up to «Сообщение 2» and lost the connection.
    const rows = await storedMessages(id);
    const seen = rows.find((row) => row.text === 'Сообщение 2')!.seq;
    const missed = rows.filter((row) => row.seq > seen).map((row) => [row.seq, row.text]);
    expect(missed.map(([, text]) => text)).toEqual(['Сообщение 3', 'Сообщение 4', 'Сообщение 5']);
    const response = await api(new Request(`${ORIGIN}/api/chat/conversations/${id}/events?token=${encodeURIComponent(token)}`, { headers: { 'Last-Event-ID': String(seen) } }));
    const events = (await readEvents(response, 3)).filter((event) => event.event === 'message');
    expect(events.map((event) => [event.id, event.data.text])).toEqual(missed);
    const byQuery = await api(new Request(`${ORIGIN}/api/chat/conversations/${id}/events?token=${encodeURIComponent(token)}&after=${seen + 2}`));
    expect((await readEvents(byQuery, 1)).filter((event) => event.event === 'message').map((event) => event.id)).toEqual([seen + 3]);
  });

  it('with several CMS instances, a message another instance stored reaches this instance\'s listeners within 2 s (the poll feed)', async () => {
    const { id } = await start('Вопрос через другой экземпляр');
    const { subscribe } = await import('../src/chat/service');
    const { pollingChatFeed } = await import('../src/chat/feed');
    const feed = pollingChatFeed(payload, 500);
    feed.start();
    const rows = await storedMessages(id);
    const last = rows[rows.length - 1]!.seq;
    const received: { seq: number; text: string; at: number }[] = [];
    const unsubscribe = subscribe(id, last, (event: ChatEvent) => {
      if (event.type === 'message') received.push({ seq: event.data.seq, text: event.data.text, at: Date.now() });
    });
    try {
      // Written as another instance writes it: a committed row, and no publish on this instance's bus.
      const written = Date.now();
      await payload.create({ collection: 'chat-messages', overrideAccess: true, data: { conversation: Number(id), seq: last + 1, seqKey: `${id}:${last + 1}`, kind: 'message', author: 'operator', operatorName: 'Анна', text: 'Ответ с другого экземпляра', clientKey: `${id}:operator:elsewhere` } as never });
      for (let i = 0; i < 40 && received.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(received.map((event) => [event.seq, event.text])).toEqual([[last + 1, 'Ответ с другого экземпляра']]);
      expect(received[0]!.at - written).toBeLessThan(2_000);
      // Polled again and again, the row is delivered once.
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      expect(received).toHaveLength(1);
    } finally {
      unsubscribe();
      feed.stop();
    }
  });

  it('the queue position counts the conversations queued before, and a queued client is told its new place when one ahead is taken', async () => {
    const a = await start('Первый в очереди');
    const b = await start('Второй в очереди');
    expect(b.position).toBe((a.position as number) + 1);
    const response = await api(new Request(`${ORIGIN}/api/chat/conversations/${b.id}/events?token=${encodeURIComponent(b.token)}`));
    const { acceptConversation } = await import('../src/chat/service');
    setTimeout(() => void acceptConversation(payload, a.id, operator.id), 500);
    const positions = (await readEvents(response, 6, 4_000)).filter((event) => event.event === 'state' && event.data.position !== undefined).map((event) => event.data.position);
    expect(positions[0]).toBe(b.position);
    expect(positions.at(-1)).toBe((b.position as number) - 1);
  });

  it('a stream with a wrong token is refused without a stream', async () => {
    const { id } = await start();
    const response = await api(new Request(`${ORIGIN}/api/chat/conversations/${id}/events?token=wrong`));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/json/);
  });
});

describe('chat: out of hours, operator, rating', () => {
  it('a conversation started on Friday evening gets the automatic reply naming Monday 08:00 at once, as a stored system message', async () => {
    const { startConversation } = await import('../src/chat/service');
    const friday = new Date('2026-12-11T18:00:00+03:00');
    const started = await startConversation(payload, { text: 'Вопрос вечером в пятницу', clientMessageId: crypto.randomUUID() }, { ip: null }, {}, friday);
    expect(started.outOfHours?.startsAt).toBe('2026-12-14T05:00:00.000Z');
    expect(started.estimatedWaitMinutes).toBeNull();
    const system = (await storedMessages(started.id)).filter((row) => row.author === 'system' && row.kind === 'message');
    expect(system).toHaveLength(1);
    expect(system[0]?.text).toContain('оператор ответит в понедельник, 14 декабря 2026 г., с 8:00 по московскому времени');
  });

  it('when an operator joins, a client who left an e-mail gets one letter with the link back', async () => {
    const { acceptConversation } = await import('../src/chat/service');
    const started = await start('Оставлю почту', { name: 'Иван', contact: 'ivan.chat@example.ru', consent: true });
    await acceptConversation(payload, started.id, operator.id);
    await acceptConversation(payload, started.id, operator.id);
    const letters = await mailTo('ivan.chat@example.ru');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await mailTo('ivan.chat@example.ru')).toHaveLength(1);
    expect(letters[0]?.subject).toBe('Оператор подключился к вашему разговору в чате');
    expect(letters[0]?.text).toContain('Оператор Анна подключился к вашему разговору');
    expect(letters[0]?.text).toContain(started.link);
    const stored = (await payload.findByID({ collection: 'chat-conversations', id: started.id, overrideAccess: true, depth: 0 })) as { consent?: { ip?: string } };
    expect(stored.consent?.ip).toBe('203.0.113.7');
  });

  it('«Прислать переписку на e-mail» sends the messages with their authors', async () => {
    const { acceptConversation, postMessage } = await import('../src/chat/service');
    const { id, token } = await start('Нужна справка об оплате');
    await acceptConversation(payload, id, operator.id);
    await postMessage(payload, id, { author: 'operator', text: 'Справку можно заказать в личном кабинете.', operatorUserId: operator.id });
    const response = await post(`/api/chat/conversations/${id}/transcript`, { email: 'copy.chat@example.ru' }, { 'X-Chat-Token': token });
    expect(response.status).toBe(202);
    const [letter] = await mailTo('copy.chat@example.ru');
    expect(letter?.subject).toBe('Переписка в онлайн-чате');
    expect(letter?.text).toMatch(/Вы, .*:\nНужна справка об оплате/);
    expect(letter?.text).toMatch(/Оператор Анна, .*:\nСправку можно заказать в личном кабинете\./);
    // Not a way to mail anyone at will: three transcripts per conversation, then a polite refusal.
    for (const address of ['copy2.chat@example.ru', 'copy3.chat@example.ru']) expect((await post(`/api/chat/conversations/${id}/transcript`, { email: address }, { 'X-Chat-Token': token })).status).toBe(202);
    const fourth = await post(`/api/chat/conversations/${id}/transcript`, { email: 'copy4.chat@example.ru' }, { 'X-Chat-Token': token });
    expect(fourth.status).toBe(429);
  });

  it('a contact without consent is refused', async () => {
    const response = await post('/api/chat/conversations', { text: 'Вопрос', clientMessageId: crypto.randomUUID(), contact: 'ivan@example.ru' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { fieldErrors: Record<string, string> }).fieldErrors.consent).toBe('Пожалуйста, подтвердите согласие на обработку персональных данных');
  });

  it('rating: refused before the close, accepted once after it, and a closed conversation takes no new messages', async () => {
    const { id, token } = await start();
    const early = await post(`/api/chat/conversations/${id}/rating`, { rating: 5 }, { 'X-Chat-Token': token });
    expect(early.status).toBe(409);
    const { closeConversation } = await import('../src/chat/service');
    await closeConversation(payload, id, { operatorUserId: operator.id });
    expect((await post(`/api/chat/conversations/${id}/rating`, { rating: 6 }, { 'X-Chat-Token': token })).status).toBe(400);
    expect((await post(`/api/chat/conversations/${id}/rating`, { rating: 4 }, { 'X-Chat-Token': token })).status).toBe(200);
    expect((await post(`/api/chat/conversations/${id}/rating`, { rating: 1 }, { 'X-Chat-Token': token })).status).toBe(409);
    const stored = (await payload.findByID({ collection: 'chat-conversations', id, overrideAccess: true, depth: 0 })) as { rating: number; state: string };
    expect(stored).toMatchObject({ rating: 4, state: 'closed' });
    const late = await post(`/api/chat/conversations/${id}/messages`, { clientMessageId: 'late', text: 'Ещё вопрос' }, { 'X-Chat-Token': token });
    expect(late.status).toBe(409);
  });
});

describe('chat: files', () => {
  /** A real 1×1 PNG. */
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  const upload = (id: string, token: string, name: string, bytes: Buffer, clientMessageId = crypto.randomUUID()) => {
    const form = new FormData();
    form.set('clientMessageId', clientMessageId);
    form.set('file', new Blob([new Uint8Array(bytes)]), name);
    return api(new Request(`${ORIGIN}/api/chat/conversations/${id}/attachments`, { method: 'POST', headers: { 'X-Chat-Token': token }, body: form }));
  };

  it('a PNG is stored privately as a message with its file; a retried upload is one message; a text file named .png is refused', async () => {
    const { id, token } = await start();
    const first = await upload(id, token, 'schetchik.png', PNG, 'file-1');
    expect(first.status).toBe(201);
    const { seq } = (await first.json()) as { seq: number };
    const retry = await upload(id, token, 'schetchik.png', PNG, 'file-1');
    expect(((await retry.json()) as { seq: number }).seq).toBe(seq);
    const { eventsSince } = await import('../src/chat/service');
    const events = (await eventsSince(payload, id, 0)).filter((event) => event.type === 'message' && event.data.attachment);
    expect(events.map((event) => event.type === 'message' && event.data.attachment)).toEqual([{ filename: 'schetchik.png', mimeType: 'image/png', sizeBytes: PNG.length }]);
    // One stored file: the retry's copy was removed.
    const files = await payload.find({ collection: 'appeal-attachments', where: { originalName: { equals: 'schetchik.png' } }, overrideAccess: true, depth: 0 });
    expect(files.totalDocs).toBe(1);
    // Kept out of the orphan sweep: a chat message links it.
    const { sweepOrphanAttachments } = await import('../src/appeals/intake/orphan-attachments');
    await sweepOrphanAttachments(payload, new Date(Date.now() + 2 * 60 * 60_000));
    expect((await payload.find({ collection: 'appeal-attachments', where: { originalName: { equals: 'schetchik.png' } }, overrideAccess: true, depth: 0 })).totalDocs).toBe(1);
    const fake = await upload(id, token, 'virus.png', Buffer.from('#!/bin/sh\necho hi\n'));
    expect(fake.status).toBe(400);
    expect(((await fake.json()) as { message: string }).message).toBe('Файл «virus.png» не подходит: можно приложить только JPG, PNG или PDF');
  });
});

describe('chat: the REST API', () => {
  it('anonymous visitors and editors read no conversation or message; handlers and managers read; nobody creates one', async () => {
    const { id } = await start();
    const editor = await createStaff(payload, 'editor-chat@example.ru', ['editor']);
    const manager = await createStaff(payload, 'manager-chat@example.ru', ['manager']);
    const handler = await createStaff(payload, 'handler-chat@example.ru', ['handler']);
    const read = (user: unknown) => payload.find({ collection: 'chat-messages', where: { conversation: { equals: id } }, overrideAccess: false, user: user as never, depth: 0 });
    await expect(read(null)).rejects.toThrow();
    await expect(read(editor)).rejects.toThrow();
    expect((await read(manager)).docs.length).toBeGreaterThan(0);
    expect((await read(handler)).docs.length).toBeGreaterThan(0);
    const anonymous = await api(new Request(`${ORIGIN}/api/chat-conversations/${id}`));
    expect(anonymous.status).toBe(403);
    await expect(payload.create({ collection: 'chat-messages', overrideAccess: false, user: handler, data: { conversation: id, seq: 99, seqKey: `${id}:99`, kind: 'message', author: 'client', text: 'подделка' } as never })).rejects.toThrow();
    // The token's hash is never readable, not even by administrators.
    const admin = await createStaff(payload, 'admin-chat@example.ru', ['admin']);
    const asAdmin = (await payload.findByID({ collection: 'chat-conversations', id, overrideAccess: false, user: admin, depth: 0 })) as unknown as Record<string, unknown>;
    expect(asAdmin.tokenHash).toBeUndefined();
    expect(asAdmin.startKey).toBeUndefined();
  });
});
