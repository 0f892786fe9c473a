import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from 'payload';
import { startMailSink, type RunningMailSink } from '@portal/mail-sink/mail-sink';
import { dispatchOutbox } from '../src/appeals/outbox/outbox';
import { loadAppealReport, reportToCsv } from '../src/appeals/reports/report';
import { remindDeferredConversations } from '../src/chat-console/reminders';
import { eraseOldConversations } from '../src/chat-console/retention';
import { freePort } from '../../scripts/lib/free-port';
import { createStaff, startTestCms, type TestCms } from './harness';
import { restApi } from './support/rest';

/*
 * The operators' chat console (issue 19) through the CMS's real REST route with real staff sessions: who may use it,
 * the per-operator limit, «Отложить до …» with its reminder, «Оформить обращение» into the one register (number,
 * channel «чат», deadline, confirmation in the mail sink), the report's chat figures and the transcripts' retention.
 */

const CMS = 'https://cms.example.ru';
const PASSWORD = 'staff-password-1234';
let cms: TestCms;
let payload: Payload;
let sink: RunningMailSink;
let mailDir: string;
let rest: (request: Request) => Promise<Response>;
const cookies: Record<string, string> = {};
const ids: Record<string, number | string> = {};

async function sessionCookie(email: string): Promise<string> {
  const response = await rest(new Request(`${CMS}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: CMS }, body: JSON.stringify({ email, password: PASSWORD }) }));
  expect(response.status, `login of ${email}`).toBe(200);
  return String(response.headers.getSetCookie().find((c) => c.startsWith('payload-token='))).split(';')[0] as string;
}

/** A request to the console's API as a staff member (or anonymously), from the admin's own origin. */
function consoleCall(who: string | null, pathname: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Origin: CMS, ...(who ? { Cookie: cookies[who]! } : {}) };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return rest(new Request(`${CMS}/api/chat-console${pathname}`, { method: body === undefined ? 'GET' : 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body) }));
}

async function mailTo(address: string) {
  const response = await fetch(`${sink.webUrl}/api/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as { subject: string; text: string }[];
}

async function drainOutbox() {
  while ((await dispatchOutbox(payload)).claimed > 0);
}

let sequence = 0;
/** A conversation waiting in the queue, stored as the chat service stores one, with the client's first message. */
async function queuedConversation(data: Record<string, unknown> = {}, text = 'Здравствуйте, не пришла квитанция за ноябрь.') {
  sequence += 1;
  const queuedAt = (data.queuedAt as string | undefined) ?? new Date().toISOString();
  const conversation = await payload.create({
    collection: 'chat-conversations',
    overrideAccess: true,
    data: { state: 'queued', tokenHash: `hash-${sequence}`, startKey: `start-${sequence}`, queuedAt, lastSeq: 1, ...data } as never,
  });
  await payload.create({
    collection: 'chat-messages',
    overrideAccess: true,
    data: { conversation: conversation.id, seq: 1, seqKey: `${conversation.id}:1`, kind: 'message', author: 'client', text, clientMessageId: `m-${sequence}`, clientKey: `${conversation.id}:client:m-${sequence}` } as never,
  });
  return conversation as unknown as { id: number | string };
}

async function conversation(id: number | string) {
  return (await payload.findByID({ collection: 'chat-conversations', id, overrideAccess: true, depth: 0 })) as unknown as Record<string, unknown>;
}

async function messagesOf(id: number | string) {
  const found = await payload.find({ collection: 'chat-messages', where: { conversation: { equals: id } }, sort: 'seq', overrideAccess: true, depth: 0, pagination: false });
  return found.docs as unknown as { author: string; kind: string; text?: string | null }[];
}

beforeAll(async () => {
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-chat-console-mail-'));
  const smtpPort = await freePort();
  sink = await startMailSink({ smtpPort, webPort: 0, dir: mailDir });
  cms = await startTestCms({ SEED_DEMO: 'on', CMS_PUBLIC_URL: CMS, SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, SITE_URL: 'https://energo.example.ru' });
  payload = cms.payload;
  rest = restApi(cms, CMS);
  for (const [who, roles] of [
    ['handler', ['handler']],
    ['colleague', ['handler']],
    ['streamer', ['handler']],
    ['editor', ['editor']],
    ['manager', ['manager']],
  ] as const) {
    const user = (await createStaff(payload, `chat.${who}@example-energo.ru`, [...roles])) as { id: number | string };
    ids[who] = user.id;
    cookies[who] = await sessionCookie(`chat.${who}@example-energo.ru`);
  }
}, 180_000);

afterAll(async () => {
  await sink?.close();
  await cms?.close();
  if (mailDir) fs.rmSync(mailDir, { recursive: true, force: true });
});

describe('chat console: who may use it', () => {
  it('refuses anonymous visitors and editors, and serves handlers and managers', async () => {
    await queuedConversation();
    expect((await consoleCall(null, '/state')).status).toBe(403);
    expect((await consoleCall('editor', '/state')).status).toBe(403);
    const asEditor = await rest(new Request(`${CMS}/api/chat-conversations`, { headers: { Origin: CMS, Cookie: cookies.editor! } }));
    expect(asEditor.status).toBe(403);
    const state = await consoleCall('handler', '/state');
    expect(state.status).toBe(200);
    const body = (await state.json()) as { queue: { preview: string; waitingSeconds: number }[] };
    expect(body.queue.length).toBeGreaterThan(0);
    expect(body.queue[0]!.preview).toContain('квитанция');
    expect((await consoleCall('manager', '/state')).status).toBe(200);
  });

  it('refuses a forged request from another origin even with a handler’s session', async () => {
    const forged = await rest(new Request(`${CMS}/api/chat-console/presence`, { method: 'POST', headers: { Origin: 'https://evil.example.com', Cookie: cookies.handler!, 'Content-Type': 'application/json' }, body: '{"presence":"online"}' }));
    expect(forged.status).toBe(403);
  });

  it('counts an operator online only while the console beats, and shows colleagues’ presence', async () => {
    expect((await consoleCall('colleague', '/presence', { presence: 'online' })).status).toBe(200);
    const state = (await (await consoleCall('handler', '/state')).json()) as { colleagues: { id: number | string; presence: string }[] };
    expect(state.colleagues.find((colleague) => String(colleague.id) === String(ids.colleague))?.presence).toBe('online');
    // Three minutes without a heartbeat: offline, whatever was set.
    await payload.db.updateOne({ collection: 'users', id: ids.colleague!, data: { chatSeenAt: new Date(Date.now() - 3 * 60_000).toISOString() } });
    const later = (await (await consoleCall('handler', '/state')).json()) as { colleagues: { id: number | string; presence: string }[] };
    expect(later.colleagues.find((colleague) => String(colleague.id) === String(ids.colleague))?.presence).toBe('offline');
  });
});

/** An SSE response read in the background: every frame kept, with a wait for the one that must come. */
function sseReader(response: Response) {
  const frames: { id: string | null; event: string; data: Record<string, unknown> }[] = [];
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let lastId: string | null = null;
  const done = (async () => {
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        buffer += decoder.decode(chunk.value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const lines = buffer.slice(0, end).split('\n');
          buffer = buffer.slice(end + 2);
          const field = (name: string) => lines.find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2) ?? null;
          const event = field('event');
          const data = field('data');
          if (field('id') !== null) lastId = field('id');
          if (event && data) frames.push({ id: field('id'), event, data: JSON.parse(data) as Record<string, unknown> });
        }
      }
    } catch {
      // cancelled
    }
  })();
  return {
    frames,
    lastId: () => lastId,
    async waitFor(predicate: (frame: (typeof frames)[number]) => boolean, timeoutMs = 5_000) {
      for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) {
        const found = frames.find(predicate);
        if (found) return found;
      }
      throw new Error(`no such frame within ${timeoutMs} ms; got ${JSON.stringify(frames)}`);
    },
    async close() {
      await reader.cancel().catch(() => undefined);
      await done;
    },
  };
}

describe('chat console: live events for the operator (Server-Sent Events)', () => {
  const streamOf = (who: string | null, lastEventId?: string) =>
    rest(new Request(`${CMS}/api/chat-console/events`, { headers: { Origin: CMS, ...(who ? { Cookie: cookies[who]! } : {}), ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) } }));
  const clientWrites = async (id: number | string, text: string) => {
    const { postMessage } = await import('../src/chat/service');
    return (await postMessage(payload, id, { author: 'client', text, clientMessageId: crypto.randomUUID() })).seq;
  };

  it('streams the client’s message to the operator holding the conversation once, and only to them', async () => {
    const item = await queuedConversation();
    expect((await consoleCall('streamer', `/conversations/${item.id}/accept`, {})).status).toBe(200);
    const response = await streamOf('streamer');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const mine = sseReader(response);
    const colleague = sseReader(await streamOf('colleague'));
    try {
      // The history first (the client's first message), then live.
      await mine.waitFor((frame) => frame.event === 'message' && frame.data.conversationId === String(item.id) && frame.data.seq === 1);
      const seq = await clientWrites(item.id, 'Лицевой счёт 7700112233, квитанции нет.');
      const live = await mine.waitFor((frame) => frame.event === 'message' && frame.data.text === 'Лицевой счёт 7700112233, квитанции нет.');
      expect(live.data).toMatchObject({ conversationId: String(item.id), seq, author: 'client' });
      expect(live.id).toContain(`${item.id}.${seq}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(mine.frames.filter((frame) => frame.data.seq === seq && frame.data.conversationId === String(item.id))).toHaveLength(1);
      // A colleague's stream carries the queue's changes but never the text of a conversation they do not hold.
      expect(colleague.frames.some((frame) => frame.data.conversationId === String(item.id) && frame.event !== 'queue')).toBe(false);
    } finally {
      await mine.close();
      await colleague.close();
    }
  });

  it('resumes after a reconnect with Last-Event-ID: the missed message once, nothing seen before again', async () => {
    const item = await queuedConversation();
    await consoleCall('streamer', `/conversations/${item.id}/accept`, {});
    const first = sseReader(await streamOf('streamer'));
    const seen = await clientWrites(item.id, 'Первое сообщение до обрыва');
    await first.waitFor((frame) => frame.data.seq === seen && frame.data.conversationId === String(item.id));
    const lastId = first.lastId()!;
    await first.close();
    // Written while the operator's connection was down.
    const missed = await clientWrites(item.id, 'Сообщение, пока связи не было');
    const second = sseReader(await streamOf('streamer', lastId));
    try {
      await second.waitFor((frame) => frame.data.text === 'Сообщение, пока связи не было');
      const after = await clientWrites(item.id, 'Сообщение после переподключения');
      await second.waitFor((frame) => frame.data.text === 'Сообщение после переподключения');
      const ofItem = second.frames.filter((frame) => frame.event !== 'queue' && frame.data.conversationId === String(item.id)).map((frame) => frame.data.seq);
      expect(ofItem).toEqual([missed, after]);
    } finally {
      await second.close();
    }
  });

  it('joins a conversation the operator accepts while the stream is open, and refuses editors and visitors', async () => {
    const stream = sseReader(await streamOf('streamer'));
    try {
      const item = await queuedConversation({}, 'Вопрос, принятый при открытом потоке');
      await consoleCall('streamer', `/conversations/${item.id}/accept`, {});
      await stream.waitFor((frame) => frame.event === 'queue' && frame.data.conversationId === String(item.id) && frame.data.state === 'active');
      await stream.waitFor((frame) => frame.event === 'message' && frame.data.text === 'Вопрос, принятый при открытом потоке');
    } finally {
      await stream.close();
    }
    expect((await streamOf('editor')).status).toBe(403);
    expect((await streamOf(null)).status).toBe(403);
  });
});

describe('chat console: the per-operator limit', () => {
  it('lets an operator hold 3 conversations and refuses the 4th in Russian; an administrator’s higher limit lets it through', async () => {
    const four = [await queuedConversation(), await queuedConversation(), await queuedConversation(), await queuedConversation()];
    for (const item of four.slice(0, 3)) expect((await consoleCall('colleague', `/conversations/${item.id}/accept`, {})).status).toBe(200);
    const refused = await consoleCall('colleague', `/conversations/${four[3]!.id}/accept`, {});
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { message: string }).message).toBe('Вы уже ведёте 3 диалога — это ваш предел. Завершите или отложите один из них, чтобы принять новый.');
    expect((await conversation(four[3]!.id)).state).toBe('queued');
    await payload.update({ collection: 'users', id: ids.colleague!, data: { chatLimit: 4 } as never, overrideAccess: true });
    expect((await consoleCall('colleague', `/conversations/${four[3]!.id}/accept`, {})).status).toBe(200);
    expect((await conversation(four[3]!.id)).state).toBe('active');
  });

  it('lets only the operator holding a conversation reply in it', async () => {
    const item = await queuedConversation();
    await consoleCall('handler', `/conversations/${item.id}/accept`, {});
    expect((await consoleCall('manager', `/conversations/${item.id}/messages`, { text: 'Чужой ответ' })).status).toBe(403);
    expect((await consoleCall('handler', `/conversations/${item.id}/messages`, { text: 'Здравствуйте! Сейчас проверю.' })).status).toBe(201);
    const messages = await messagesOf(item.id);
    expect(messages.filter((message) => message.author === 'operator').map((message) => message.text)).toEqual(['Здравствуйте! Сейчас проверю.']);
  });
});

describe('chat console: «Отложить до …» and the reminder', () => {
  it('promises the picked Moscow time to the client, reminds the operator once when it comes, and puts it first in the queue', async () => {
    const item = await queuedConversation();
    await consoleCall('handler', `/conversations/${item.id}/accept`, {});
    const tomorrow = new Date(Date.now() + 86_400_000);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit', day: '2-digit' }).format(tomorrow);
    const deferred = await consoleCall('handler', `/conversations/${item.id}/defer`, { until: `${day}T09:30` });
    expect(deferred.status).toBe(200);
    // 09:30 in Moscow (UTC+3, no daylight saving) is 06:30 UTC.
    expect(((await deferred.json()) as { deferredUntil: string }).deferredUntil).toBe(`${day}T06:30:00.000Z`);
    const stored = await conversation(item.id);
    expect(stored.state).toBe('deferred');
    const system = (await messagesOf(item.id)).filter((message) => message.kind === 'message' && message.author === 'system').map((message) => message.text ?? '');
    expect(system.some((text) => text.includes('в 09:30 (время московское)'))).toBe(true);

    // Before the promised time: no reminder, not in the queue.
    expect(await remindDeferredConversations(payload, new Date(`${day}T06:29:00.000Z`))).toEqual([]);
    // When it comes: one letter to the operator, however often the job runs.
    const due = new Date(`${day}T06:31:00.000Z`);
    expect(await remindDeferredConversations(payload, due)).toEqual([{ conversationId: String(item.id), to: 'chat.handler@example-energo.ru' }]);
    expect(await remindDeferredConversations(payload, due)).toEqual([]);
    await drainOutbox();
    const letters = (await mailTo('chat.handler@example-energo.ru')).filter((letter) => letter.subject.includes(`№ ${item.id}`));
    expect(letters).toHaveLength(1);
    expect(letters[0]!.subject).toBe(`Отложенный диалог № ${item.id}: пора вернуться`);

    // Once its time has come, the console lists it first in the queue, ahead of those waiting longer, marked returned.
    await queuedConversation({ queuedAt: new Date(Date.now() - 3_600_000).toISOString() });
    await payload.update({ collection: 'chat-conversations', id: item.id, data: { deferredUntil: new Date(Date.now() - 60_000).toISOString() } as never, overrideAccess: true });
    const state = (await (await consoleCall('colleague', '/state')).json()) as { queue: { id: number | string; returned: boolean }[] };
    expect(state.queue[0]).toMatchObject({ id: item.id, returned: true });
  });

  it('refuses a time in the past', async () => {
    const item = await queuedConversation();
    await consoleCall('handler', `/conversations/${item.id}/accept`, {});
    const refused = await consoleCall('handler', `/conversations/${item.id}/defer`, { until: '2020-01-01T08:00' });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { message: string }).message).toBe('Время, до которого откладывается диалог, должно быть в будущем.');
  });
});

describe('chat console: «Оформить обращение»', () => {
  it('registers the conversation as an appeal of channel chat with its number, deadline and an e-mailed confirmation, linked both ways', async () => {
    const item = await queuedConversation({ name: 'Ольга Чатова', contact: 'olga.chatova@example.ru', consent: { version: '2026-11-01', acceptedAt: new Date().toISOString(), ip: '203.0.113.5' } }, 'Прошу пересчитать начисления за октябрь, показания передавала вовремя.');
    await consoleCall('handler', `/conversations/${item.id}/accept`, {});
    await consoleCall('handler', `/conversations/${item.id}/messages`, { text: 'Оформлю обращение, ответ придёт на почту.' });
    const response = await consoleCall('handler', `/conversations/${item.id}/appeal`, { type: 'question', topic: 'oplata' });
    expect(response.status).toBe(201);
    const registration = (await response.json()) as { id: number; registrationNumber: string; deadlineText: string; confirmation: string };
    expect(registration.registrationNumber).toMatch(/^В-\d{4}-\d+/);
    expect(registration.confirmation).toBe('email');
    const appeal = (await payload.findByID({ collection: 'appeals', id: registration.id, overrideAccess: true, depth: 0 })) as unknown as { channel: string; name: string; email: string; text: string; deadlineDate: string; internalNotes: string };
    expect(appeal.internalNotes).toBe(`Оформлено из онлайн-чата: диалог № ${item.id}, /admin/collections/chat-conversations/${item.id}`);
    expect(appeal.channel).toBe('chat');
    expect(appeal.name).toBe('Ольга Чатова');
    expect(appeal.email).toBe('olga.chatova@example.ru');
    expect(appeal.text).toContain(`Переписка в онлайн-чате № ${item.id}:`);
    expect(appeal.text).toContain('Клиент: Прошу пересчитать начисления за октябрь');
    expect(appeal.text).toContain('Оператор (chat.handler@example-energo.ru): Оформлю обращение');
    expect(appeal.deadlineDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(String((await conversation(item.id)).appeal)).toBe(String(registration.id));
    await drainOutbox();
    const letters = await mailTo('olga.chatova@example.ru');
    expect(letters.some((letter) => letter.subject.includes(registration.registrationNumber))).toBe(true);
    // Only once.
    const again = await consoleCall('handler', `/conversations/${item.id}/appeal`, { type: 'question', topic: 'oplata' });
    expect(again.status).toBe(409);
  });

  it('is refused to managers, who do not register appeals', async () => {
    const item = await queuedConversation({ name: 'Иван', contact: '+7 912 000-11-22' });
    await consoleCall('manager', `/conversations/${item.id}/accept`, {});
    const refused = await consoleCall('manager', `/conversations/${item.id}/appeal`, { type: 'question', topic: 'oplata', consent: 'oral' });
    expect(refused.status).toBe(403);
  });
});

describe('chat console: report and retention', () => {
  it('counts the period’s conversations in the appeals report and its CSV: wait median, abandoned, ratings, answered by the FAQ', async () => {
    // 1 January 2026 in Moscow: one accepted after 4 minutes and rated 5, one abandoned.
    await queuedConversation({ createdAt: '2026-01-01T09:00:00.000Z', queuedAt: '2026-01-01T09:00:00.000Z', acceptedAt: '2026-01-01T09:04:00.000Z', closedAt: '2026-01-01T09:20:00.000Z', state: 'closed', rating: 5 });
    await queuedConversation({ createdAt: '2026-01-01T10:00:00.000Z', queuedAt: '2026-01-01T10:00:00.000Z', closedAt: '2026-01-01T10:03:00.000Z', state: 'closed' });
    // The FAQ that day: answers offered 4 times, «Да» once, «Нет, позвать оператора» once, so 2 left without asking:
    // answered by the FAQ = 1 + 2 = 3. The day before and after do not count.
    const { nextSequenceValue } = await import('../src/appeals/intake/sequence');
    for (const key of ['offered', 'offered', 'offered', 'offered', 'helped', 'not-helped']) await nextSequenceValue(payload, `chat-faq-${key}@2026-01-01`);
    await nextSequenceValue(payload, 'chat-faq-offered@2025-12-31');
    await nextSequenceValue(payload, 'chat-faq-helped@2026-01-02');
    const report = await loadAppealReport(payload, { from: '2026-01-01', to: '2026-01-01', today: '2026-01-02' }, (instant) => new Date(new Date(instant).getTime() + 3 * 3_600_000).toISOString().slice(0, 10));
    expect(report.chat).toMatchObject({ total: 2, queued: 2, accepted: 1, waitMinutes: { p50: 4, p90: 4 }, abandoned: { count: 1, share: 0.5 }, faq: { offered: 4, helped: 1, notHelped: 1, leftWithoutAsking: 2 }, answeredByFaq: 3, rating: { count: 1, average: 5 } });
    const csv = reportToCsv(report);
    expect(csv).toContain('онлайн-консультант;диалогов;2');
    expect(csv).toContain('онлайн-консультант;ушли из очереди, доля;0.5');
    expect(csv).toContain('онлайн-консультант;ответ найден в базе ответов;3');
  });

  it('erases old transcripts under the appeals’ retention rule and keeps recent ones and the figures', async () => {
    const old = await queuedConversation({ name: 'Старый клиент', contact: 'old@example.ru', state: 'closed', closedAt: '2020-03-01T10:00:00.000Z', rating: 4 });
    const recent = await queuedConversation({ state: 'closed', closedAt: '2026-11-01T10:00:00.000Z' });
    // Retention 1826 days from 7 December 2026: the cutoff is 7 December 2021.
    const erased = await eraseOldConversations(payload, new Date('2026-12-07T00:00:00.000Z'), 1826);
    expect(erased).toBe(1);
    expect(await messagesOf(old.id)).toEqual([]);
    const kept = await conversation(old.id);
    expect(kept.name ?? null).toBeNull();
    expect(kept.contact ?? null).toBeNull();
    expect(kept.rating).toBe(4);
    expect(await messagesOf(recent.id)).toHaveLength(1);
    // A second night finds nothing more to do.
    expect(await eraseOldConversations(payload, new Date('2026-12-07T00:00:00.000Z'), 1826)).toBe(0);
  });
});
