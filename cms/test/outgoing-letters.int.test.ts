import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from 'payload';
import { startMailSink, type RunningMailSink } from '@portal/mail-sink/mail-sink';
import { freePort } from '../../scripts/lib/free-port';
import { startTestCms, type TestCms } from './harness';

/**
 * The generic outbox (cms/src/outbox/letters.ts) end to end: a letter enqueued by any feature reaches the mail
 * sink over real SMTP through the robot's dispatcher, with its extra headers and files, at most once per key, not
 * before its time, not while its group is paused, and again after SMTP failed.
 */
let cms: TestCms;
let payload: Payload;
let sink: RunningMailSink;
let mailDir: string;
let smtpPort: number;
let letters: typeof import('../src/outbox/letters');
let outbox: typeof import('../src/appeals/outbox/outbox');

interface SinkMessage {
  id: string;
  subject: string;
  text: string;
  headers?: Record<string, unknown>;
  attachments: { filename?: string; contentType?: string }[];
}

async function mailTo(address: string): Promise<SinkMessage[]> {
  const response = await fetch(`${sink.webUrl}/api/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as SinkMessage[];
}

async function raw(id: string): Promise<string> {
  return (await fetch(`${sink.webUrl}/messages/${encodeURIComponent(id)}/raw`)).text();
}

/** Runs dispatch rounds at `now` until one takes nothing. */
async function drain(now = new Date()) {
  let sent = 0;
  for (let round = 0; round < 20; round++) {
    const result = await outbox.dispatchOutbox(payload, now);
    sent += result.sent;
    if (result.claimed === 0) break;
  }
  return sent;
}

const unique = (name: string) => `${name}-${crypto.randomUUID().slice(0, 8)}@example.ru`;

beforeAll(async () => {
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-letters-mail-'));
  smtpPort = await freePort();
  sink = await startMailSink({ smtpPort, webPort: 0, dir: mailDir });
  cms = await startTestCms({ SEED_DEMO: 'off', SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
  payload = cms.payload;
  letters = await import('../src/outbox/letters');
  outbox = await import('../src/appeals/outbox/outbox');
}, 240_000);

afterAll(async () => {
  await sink?.close();
  await cms?.close();
  fs.rmSync(mailDir, { recursive: true, force: true });
});

describe('the generic outbox', () => {
  it('delivers a letter with its headers and an .ics file to the client', async () => {
    const to = unique('visit');
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
    const { created } = await letters.enqueueLetter(payload, {
      purpose: 'test-booking',
      dedupeKey: `test-booking-${to}`,
      to,
      subject: 'Вы записаны на приём',
      text: 'Ждём вас 10 декабря в 10:00.',
      headers: { 'List-Unsubscribe': '<https://energo.example/api/alerts/unsubscribe?t=abc>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      attachments: [{ filename: 'priem.ics', contentType: 'text/calendar; charset=utf-8', content: ics }],
    });
    expect(created).toBe(true);
    await drain();
    const received = await mailTo(to);
    expect(received).toHaveLength(1);
    expect(received[0]?.subject).toBe('Вы записаны на приём');
    expect(received[0]?.text).toContain('Ждём вас 10 декабря в 10:00.');
    expect(received[0]?.attachments.map((file) => file.filename)).toEqual(['priem.ics']);
    const source = await raw(String(received[0]?.id));
    expect(source).toMatch(/^List-Unsubscribe: <https:\/\/energo\.example\/api\/alerts\/unsubscribe\?t=abc>$/m);
    expect(source).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
  });

  it('sends one letter for a key, however often it is enqueued', async () => {
    const to = unique('once');
    const letter = { purpose: 'test', dedupeKey: `test-once-${to}`, to, subject: 'Один раз', text: 'Текст.' };
    const results = await Promise.all(Array.from({ length: 5 }, () => letters.enqueueLetter(payload, letter)));
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => String(result.id))).size).toBe(1);
    await drain();
    await letters.enqueueLetter(payload, letter);
    await drain();
    expect(await mailTo(to)).toHaveLength(1);
    expect(await letters.letterState(payload, letter.dedupeKey)).toBe('sent');
  });

  it('a letter sent again after a crash before its acceptance was recorded is the same message: one Message-ID, naming neither key nor address', async () => {
    const to = unique('crash');
    const other = unique('crash-other');
    const letter = { purpose: 'test', dedupeKey: `test-crash-${to}`, to, subject: 'После сбоя', text: 'Текст.', group: 'test-crash' };
    const { id } = await letters.enqueueLetter(payload, letter);
    await letters.enqueueLetter(payload, { ...letter, dedupeKey: `test-crash-${other}`, to: other });
    await drain();
    // The process that sent it died before writing the relay's answer down: the row is still claimed and pending,
    // and another process takes it once the claim has expired.
    await payload.db.updateOne({ collection: 'outgoing-letters', id, data: { state: 'pending', sentAt: null, messageId: null, claimedUntil: new Date(Date.now() - 1000).toISOString() }, returning: false });
    await drain();
    const got = (await mailTo(to)) as unknown as { messageId: string | null }[];
    expect(got).toHaveLength(2);
    expect(got[0]?.messageId).toBeTruthy();
    expect(got[1]?.messageId).toBe(got[0]?.messageId);
    const second = (await mailTo(other)) as unknown as { messageId: string | null }[];
    expect(second[0]?.messageId).not.toBe(got[0]?.messageId);
    expect(got[0]?.messageId).not.toContain(to.split('@')[0]);
    expect(got[0]?.messageId).not.toContain('test-crash');
  });

  it('does not send a letter before its time', async () => {
    const to = unique('reminder');
    const at = new Date(Date.now() + 60 * 60_000);
    await letters.enqueueLetter(payload, { purpose: 'test', dedupeKey: `test-later-${to}`, to, subject: 'Напоминание', text: 'Завтра приём.', notBefore: at });
    await drain();
    expect(await mailTo(to)).toHaveLength(0);
    await drain(new Date(at.getTime() + 1000));
    expect(await mailTo(to)).toHaveLength(1);
  });

  it('holds a paused group, sends it after resuming, and counts its letters', async () => {
    const group = `campaign:${crypto.randomUUID()}`;
    const addresses = [unique('g1'), unique('g2'), unique('g3')];
    expect(await letters.enqueueLetters(payload, addresses.map((to) => ({ purpose: 'test-campaign', dedupeKey: `${group}:${to}`, group, to, subject: 'Плановое отключение', text: 'Завтра с 9 до 12.' })))).toBe(3);
    expect(await letters.holdLetters(payload, group)).toBe(3);
    await drain();
    for (const to of addresses) expect(await mailTo(to)).toHaveLength(0);
    expect(await letters.countLetters(payload, group)).toMatchObject({ pending: 0, held: 3, sent: 0 });
    expect(await letters.releaseLetters(payload, group)).toBe(3);
    await drain();
    for (const to of addresses) expect(await mailTo(to)).toHaveLength(1);
    expect(await letters.countLetters(payload, group)).toMatchObject({ pending: 0, held: 0, sent: 3, failing: 0 });
  });

  it('keeps a letter while SMTP is down and sends it once SMTP answers again', async () => {
    const to = unique('retry');
    const key = `test-retry-${to}`;
    await sink.close();
    try {
      await letters.enqueueLetter(payload, { purpose: 'test', dedupeKey: key, to, subject: 'Повтор', text: 'Текст.' });
      const result = await outbox.dispatchOutbox(payload);
      expect(result.failed).toBeGreaterThanOrEqual(1);
      expect(await letters.letterState(payload, key)).toBe('pending');
      const row = (await payload.find({ collection: 'outgoing-letters', where: { dedupeKey: { equals: key } }, overrideAccess: true })).docs[0] as unknown as { attempts: number; lastError: string };
      expect(row.attempts).toBe(1);
      expect(row.lastError).not.toContain(to);
    } finally {
      sink = await startMailSink({ smtpPort, webPort: 0, dir: mailDir });
    }
    // Retried once the wait after the first failure (2 s) has passed.
    await drain(new Date(Date.now() + 5000));
    expect(await mailTo(to)).toHaveLength(1);
  });

  it('refuses a header value that would start another header', async () => {
    await expect(
      letters.enqueueLetter(payload, { purpose: 'test', dedupeKey: 'test-header', to: 'a@example.ru', subject: 'x', text: 'x', headers: { 'X-Note': 'a\r\nBcc: victim@example.ru' } }),
    ).rejects.toThrow(/single header line/);
  });

  it('forgets the address and text of a letter sent more than 30 days ago, but still refuses its key', async () => {
    const to = unique('old');
    const key = `test-old-${to}`;
    await letters.enqueueLetter(payload, { purpose: 'test', dedupeKey: key, to, subject: 'Старое', text: 'Личные данные.' });
    await drain();
    expect(await letters.purgeSentLetters(payload, new Date(Date.now() + 29 * 86_400_000))).toBe(0);
    expect(await letters.purgeSentLetters(payload, new Date(Date.now() + 31 * 86_400_000))).toBeGreaterThanOrEqual(1);
    const row = (await payload.find({ collection: 'outgoing-letters', where: { dedupeKey: { equals: key } }, overrideAccess: true })).docs[0] as unknown as { recipient: string; text: string };
    expect(row.recipient).toBe('—');
    expect(row.text).toBe('');
    expect((await letters.enqueueLetter(payload, { purpose: 'test', dedupeKey: key, to, subject: 'Старое', text: 'x' })).created).toBe(false);
  });
});
