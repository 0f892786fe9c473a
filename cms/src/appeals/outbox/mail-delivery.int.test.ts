import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderConfirmationEmail } from '../letters/confirmation-email';
import { startMailSink, type RunningMailSink } from '@portal/mail-sink/mail-sink';
import type { StoredMail } from '@portal/mail-sink/mail-store';
import { createMailer, type Mailer } from './mailer';

let dir: string;
let sink: RunningMailSink;
let mailer: Mailer;
const delivered: Array<{ parsed: ParsedMail; stored: StoredMail }> = [];
let failNextDelivery = false;

const ROBOT = 'Энергосбыт Приречья <robot@energo.example>';

function letter(to: string, subject: string, extra: Partial<Parameters<Mailer['send']>[0]> = {}) {
  return { from: ROBOT, to, subject, text: `Текст: ${subject}`, html: `<p>${subject}</p>`, ...extra };
}

async function listMessages(query = ''): Promise<StoredMail[]> {
  const res = await fetch(`${sink.webUrl}/api/messages${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as StoredMail[];
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'mail-sink-'));
  sink = await startMailSink({
    smtpPort: 0,
    webPort: 0,
    dir: path.join(dir, 'mail'),
    maxBytes: 64 * 1024,
    onMessage: (parsed, stored) => {
      if (failNextDelivery) {
        failNextDelivery = false;
        throw new Error('robot is restarting');
      }
      delivered.push({ parsed, stored });
    },
  });
  mailer = createMailer(`smtp://127.0.0.1:${sink.smtpPort}`);
});

afterAll(async () => {
  mailer?.close();
  await sink?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('mail sink with the mailer', () => {
  it('reports the real ports it listens on', () => {
    expect(sink.smtpPort).toBeGreaterThan(0);
    expect(sink.webUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('accepts the mailer connection check', async () => {
    await expect(mailer.verify()).resolves.toBeUndefined();
  });

  it('receives a confirmation letter sent by the mailer and shows it in the JSON API', async () => {
    const email = renderConfirmationEmail({
      company: { name: 'АО «Энергосбыт Приречья»', shortName: 'Энергосбыт Приречья', hotline: '8 800 100-20-30', email: 'info@energo.example' },
      appeal: {
        registrationNumber: 'В-2026-000123',
        typeLabel: 'вопрос',
        clientName: 'Анна',
        receivedAtText: '27 ноября 2026 г., 14:05 (мск)',
        deadlineText: '1 декабря 2026 г.',
      },
    });
    const { messageId } = await mailer.send({
      from: ROBOT,
      to: 'Anna@Example.ru',
      replyTo: 'obrashcheniya@energo.example',
      messageId: '<appeal-B-2026-000123@energo.example>',
      ...email,
    });
    expect(messageId).toBe('<appeal-B-2026-000123@energo.example>');

    const [stored] = await listMessages('?to=anna@example.ru');
    expect(stored).toMatchObject({
      subject: email.subject,
      to: ['anna@example.ru'],
      envelopeTo: ['anna@example.ru'],
      messageId: '<appeal-B-2026-000123@energo.example>',
    });
    expect(stored?.from).toContain('robot@energo.example');
    expect(stored?.text.trim()).toBe(email.text.trim());
    expect(stored?.html).toContain('В-2026-000123');
    expect(Date.parse(stored?.receivedAt ?? '')).not.toBeNaN();
  });

  it('stores each letter as a raw .eml and a .json record, with no temporary files left', async () => {
    const { messageId } = await mailer.send(letter('files@example.ru', 'Проверка файлов'));
    const files = await readdir(path.join(dir, 'mail'));
    expect(files.some((name) => name.endsWith('.tmp') || name.startsWith('.'))).toBe(false);
    const [stored] = await listMessages('?to=files@example.ru');
    expect(files).toContain(`${stored?.id}.eml`);
    expect(files).toContain(`${stored?.id}.json`);
    const raw = await readFile(path.join(dir, 'mail', `${stored?.id}.eml`), 'utf8');
    expect(raw).toContain(`Message-ID: ${messageId}`);
    expect(JSON.parse(await readFile(path.join(dir, 'mail', `${stored?.id}.json`), 'utf8'))).toEqual(stored);
  });

  it('filters by recipient case-insensitively and lists newest first', async () => {
    await mailer.send(letter('order@example.ru', 'Первое'));
    await mailer.send(letter('order@example.ru', 'Второе'));
    expect((await listMessages('?to=ORDER@example.ru')).map((m) => m.subject)).toEqual(['Второе', 'Первое']);
    expect(await listMessages('?to=nobody@example.ru')).toEqual([]);
    const all = await listMessages();
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect([...all].sort((a, b) => b.id.localeCompare(a.id))).toEqual(all);
  });

  it('hands every stored letter to onMessage', async () => {
    await mailer.send(letter('obrashcheniya@energo.example', 'Письмо в ящик обращений'));
    const last = delivered.at(-1);
    expect(last?.parsed.subject).toBe('Письмо в ящик обращений');
    expect(last?.stored.to).toEqual(['obrashcheniya@energo.example']);
  });

  it('answers a temporary SMTP error when onMessage fails, so the sender retries', async () => {
    failNextDelivery = true;
    await expect(mailer.send(letter('retry@example.ru', 'Повтор'))).rejects.toMatchObject({ responseCode: 451 });
    await mailer.send(letter('retry@example.ru', 'Повтор'));
    expect(delivered.at(-1)?.parsed.subject).toBe('Повтор');
  });

  it('refuses a letter over the size limit and stores nothing', async () => {
    const before = (await listMessages()).length;
    await expect(mailer.send(letter('big@example.ru', 'Большое', { text: 'я'.repeat(70 * 1024) }))).rejects.toMatchObject({
      responseCode: 552,
    });
    expect(await listMessages()).toHaveLength(before);
  });
});

describe('mail sink web view', () => {
  it('lists letters in a Russian page with time, recipient and subject, all escaped', async () => {
    await mailer.send(letter('xss@example.ru', '<img src=x onerror=alert(1)>'));
    const res = await fetch(`${sink.webUrl}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('Почтовый ящик для разработки');
    expect(html).toContain('xss@example.ru');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
  });

  it('shows one letter with headers, text and the HTML part in a sandboxed, escaped srcdoc frame', async () => {
    await mailer.send(
      letter('frame@example.ru', 'HTML-письмо', {
        text: 'Текст <b>не разметка</b>',
        html: '<p onclick="x()">Привет</p><script>alert("x")</script>',
      }),
    );
    const [stored] = await listMessages('?to=frame@example.ru');
    const res = await fetch(`${sink.webUrl}/messages/${stored?.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<iframe sandbox="" srcdoc="&lt;p onclick=&quot;x()&quot;&gt;Привет&lt;/p&gt;&lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Текст &lt;b&gt;не разметка&lt;/b&gt;');
    expect(html).toContain('frame@example.ru');
    expect(html).toContain('robot@energo.example');
  });

  it('answers 404 for unknown or path-like message ids', async () => {
    for (const id of ['20260101T000000000Z-00000000', '..%2F..%2Fetc%2Fpasswd', '..%5C..%5Cetc']) {
      expect((await fetch(`${sink.webUrl}/messages/${id}`)).status).toBe(404);
      expect((await fetch(`${sink.webUrl}/api/messages/${id}`)).status).toBe(404);
    }
  });

  it('is read-only: no method changes anything', async () => {
    const before = (await listMessages()).length;
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const res = await fetch(`${sink.webUrl}/api/messages`, { method });
      expect(res.status).toBeGreaterThanOrEqual(400);
    }
    expect(await listMessages()).toHaveLength(before);
  });
});

describe('mailer', () => {
  it('rejects when the SMTP server cannot be reached, so the robot can retry', async () => {
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const offline = createMailer(`smtp://127.0.0.1:${port}`);
    try {
      await expect(offline.send(letter('x@example.ru', 'Не дойдёт'))).rejects.toThrow();
    } finally {
      offline.close();
    }
  });

  it('refuses a URL that is not smtp:// or smtps://', () => {
    expect(() => createMailer('http://127.0.0.1:25')).toThrow(/smtp/);
  });
});
