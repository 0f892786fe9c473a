import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import type { Payload, PayloadRequest } from 'payload';
import { createMailIntakeForwarder } from '@portal/mail-sink/mail-intake-forwarder';
import { startMailSink, type RunningMailSink } from '@portal/mail-sink/mail-sink';
import { mailIntakeEndpoint } from '../src/endpoints/mail-intake';
import { loadCompany } from '../src/appeals/settings/settings';
import { freePort } from '../../scripts/lib/free-port';
import { databaseTargets } from './database-targets';
import { startTestCms, type TestCms } from './harness';

const TOKEN = 'intake-token-for-tests-0123456789';
/** A minimal PDF with the header, cross-reference table and end marker readers (and Payload) look for. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n44\n%%EOF\n');

let cms: TestCms;
let payload: Payload;
let sink: RunningMailSink;
let mailDir: string;
let mailbox: string;
let intakeToken = TOKEN;

/** The CMS endpoint called in-process, as the stack's sink calls it over loopback HTTP. */
const inProcessFetch: typeof fetch = async (input, init) => {
  const request = new Request(input as string, init);
  const headers = new Headers(request.headers);
  headers.set('authorization', `Bearer ${intakeToken}`);
  const withToken = new Request(request, { headers });
  return mailIntakeEndpoint.handler(Object.assign(withToken, { payload }) as unknown as PayloadRequest);
};

async function send(message: nodemailer.SendMailOptions) {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.smtpPort, secure: false, ignoreTLS: true });
  try {
    return await transport.sendMail(message);
  } finally {
    transport.close();
  }
}

async function emailAppeals() {
  const found = await payload.find({ collection: 'appeals', where: { type: { equals: 'email' } }, overrideAccess: true, depth: 1, sort: 'receivedAt' });
  return found.docs as unknown as { registrationNumber: string; name: string; email: string; text: string; attachments: { mimeType: string; originalName: string }[]; consent: { version: string | null } }[];
}

async function mailTo(address: string) {
  const response = await fetch(`${sink.webUrl}/api/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as { subject: string; text: string }[];
}

describe.each(databaseTargets())('on $name', (target) => {
  beforeAll(async () => {
    mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-intake-mail-'));
    const smtpPort = await freePort();
    cms = await startTestCms({ SEED_DEMO: 'on', SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_INTAKE_TOKEN: TOKEN }, target);
    payload = cms.payload;
    mailbox = (await loadCompany(payload)).email;
    sink = await startMailSink({
      smtpPort,
      webPort: 0,
      dir: mailDir,
      onMessage: createMailIntakeForwarder({ url: 'http://127.0.0.1/api/mail-intake', token: TOKEN, mailbox, fetchImpl: inProcessFetch }),
    });
  }, 180_000);

  afterAll(async () => {
    await sink?.close();
    await cms?.close();
    fs.rmSync(mailDir, { recursive: true, force: true });
  });

  it('a letter to the appeals mailbox becomes an «email» appeal with its attachments and gets the same confirmation', async () => {
    await send({
      from: '"Иван Кузнецов" <ivan.k@example.ru>',
      to: mailbox,
      subject: 'Счёт за октябрь',
      text: 'Здравствуйте! В счёте за октябрь неверные показания. Скан прилагаю.',
      messageId: '<letter-1@example.ru>',
      attachments: [
        { filename: 'schet.pdf', content: PDF },
        { filename: 'virus.pdf', content: Buffer.from('MZ not a pdf') },
      ],
    });
    const [appeal] = await emailAppeals();
    expect(appeal).toMatchObject({ name: 'Иван Кузнецов', email: 'ivan.k@example.ru' });
    expect(appeal!.registrationNumber).toMatch(/^Э-\d{4}-\d{6}$/);
    expect(appeal!.text).toContain('Тема письма: Счёт за октябрь');
    expect(appeal!.text).toContain('Скан прилагаю');
    expect(appeal!.text).toContain('virus.pdf');
    expect(appeal!.attachments.map((file) => [file.originalName, file.mimeType])).toEqual([['schet.pdf', 'application/pdf']]);
    // A letter carries no consent form: none is recorded as given.
    expect(appeal!.consent.version).toBeNull();

    await payload.jobs.run();
    const confirmations = await mailTo('ivan.k@example.ru');
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]!.subject).toContain(appeal!.registrationNumber);
    // The confirmation itself goes out from the appeals address to the client and is not registered again.
    expect(await emailAppeals()).toHaveLength(1);
  });

  it('a letter gets the topic the company settings name for e-mail appeals, so it routes and reports like a form', async () => {
    const topicOf = async (address: string) => {
      const found = await payload.find({ collection: 'appeals', where: { email: { equals: address } }, overrideAccess: true, depth: 1 });
      return (found.docs[0] as unknown as { topic?: { slug?: string } | null } | undefined)?.topic?.slug ?? null;
    };
    // The default: «Прочее», where handlers triage.
    await send({ from: 'petr@example.ru', to: mailbox, subject: 'Вопрос', text: 'Здравствуйте, у меня вопрос.', messageId: '<topic-1@example.ru>' });
    expect(await topicOf('petr@example.ru')).toBe('prochee');

    // An administrator points e-mail appeals at another topic; a topic that does not exist is refused.
    await expect(payload.updateGlobal({ slug: 'company-settings', data: { emailAppealTopic: 'net-takoy-temy' } as never, overrideAccess: true })).rejects.toThrow();
    await payload.updateGlobal({ slug: 'company-settings', data: { emailAppealTopic: 'oplata' } as never, overrideAccess: true });
    await send({ from: 'olga@example.ru', to: mailbox, subject: 'Счёт', text: 'Прошу проверить счёт.', messageId: '<topic-2@example.ru>' });
    expect(await topicOf('olga@example.ru')).toBe('oplata');
    await payload.updateGlobal({ slug: 'company-settings', data: { emailAppealTopic: 'prochee' } as never, overrideAccess: true });
  });

  it('a redelivered letter (same Message-ID) is registered once', async () => {
    const letter = { from: 'anna@example.ru', to: mailbox, subject: 'Повтор', text: 'Одно и то же письмо дважды.', messageId: '<letter-2@example.ru>' };
    await send(letter);
    await send(letter);
    expect((await emailAppeals()).filter((appeal) => appeal.email === 'anna@example.ru')).toHaveLength(1);
  });

  it('auto-replies and letters to other addresses are accepted but not registered', async () => {
    const before = (await emailAppeals()).length;
    await send({ from: 'robot@example.ru', to: mailbox, subject: 'Автоответ', text: 'Я в отпуске', headers: { 'Auto-Submitted': 'auto-replied' } });
    await send({ from: 'someone@example.ru', to: 'other@example.ru', subject: 'Не для обращений', text: 'Другой адрес' });
    expect(await emailAppeals()).toHaveLength(before);
  });

  it('when the CMS refuses, the sender gets a temporary SMTP error and nothing is acknowledged', async () => {
    intakeToken = 'wrong-token-wrong-token-wrong-token';
    try {
      await expect(send({ from: 'late@example.ru', to: mailbox, subject: 'Не дойдёт сразу', text: 'Письмо', messageId: '<letter-3@example.ru>' })).rejects.toMatchObject({ responseCode: 451 });
    } finally {
      intakeToken = TOKEN;
    }
    // The sender's retry succeeds.
    await send({ from: 'late@example.ru', to: mailbox, subject: 'Не дойдёт сразу', text: 'Письмо', messageId: '<letter-3@example.ru>' });
    expect((await emailAppeals()).filter((appeal) => appeal.email === 'late@example.ru')).toHaveLength(1);
  });
});
