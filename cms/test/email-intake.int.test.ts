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
  const found = await payload.find({ collection: 'appeals', where: { type: { equals: 'email' } }, overrideAccess: true, depth: 1, sort: 'receivedAt', pagination: false });
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

  async function confirmationOf(address: string) {
    const found = await payload.find({ collection: 'appeals', where: { email: { equals: address } }, overrideAccess: true, depth: 0, sort: 'receivedAt', pagination: false });
    return (found.docs as unknown as { confirmation: { state: string; lastError?: string | null } }[]).map((doc) => doc.confirmation);
  }

  it('11 letters with one forged From: are all registered, but the address gets at most 3 confirmations (the 11th is over the hourly limit)', async () => {
    const victim = 'victim.of.backscatter@example.ru';
    for (let i = 1; i <= 11; i++) {
      await send({ from: victim, to: mailbox, subject: `Письмо ${i}`, text: `Текст письма ${i}.`, messageId: `<flood-${i}@example.ru>` });
    }
    await payload.jobs.run();
    // Nothing the sender wrote is lost: 11 appeals.
    const states = await confirmationOf(victim);
    expect(states).toHaveLength(11);
    // EMAIL_CONFIRMATIONS_PER_DAY defaults to 3; APPEALS_PER_EMAIL_PER_HOUR (the forms' limit) to 10.
    expect(await mailTo(victim)).toHaveLength(3);
    expect(states.slice(0, 3).map((state) => state.state)).toEqual(['sent', 'sent', 'sent']);
    for (const state of states.slice(3, 10)) expect(state).toMatchObject({ state: 'not-needed', lastError: expect.stringContaining('за сутки') });
    expect(states[10]).toMatchObject({ state: 'not-needed', lastError: expect.stringContaining('за час пришло больше 10') });
  });

  it('a letter our receiving server marks SPF or DMARC fail is registered without a confirmation; another server’s verdict is not ours', async () => {
    // Without MAIL_AUTHSERV_ID our server's id is the domain of the appeals address.
    const ourId = mailbox.split('@')[1]!;
    await send({
      from: 'forged.dmarc@bank.example',
      to: mailbox,
      subject: 'Подделка',
      text: 'Письмо с чужим адресом.',
      messageId: '<auth-1@example.ru>',
      headers: { 'Authentication-Results': `${ourId}; spf=pass smtp.mailfrom=attacker.example; dmarc=fail (p=reject) header.from=bank.example` },
    });
    await send({
      from: 'forged.spf@bank.example',
      to: mailbox,
      subject: 'Подделка',
      text: 'Письмо с чужим адресом.',
      messageId: '<auth-2@example.ru>',
      headers: { 'Authentication-Results': `${ourId.toUpperCase()} 1; spf=fail smtp.mailfrom=bank.example` },
    });
    // A failure reported by some other server on the way is not our server's verdict.
    await send({
      from: 'honest@bank.example',
      to: mailbox,
      subject: 'Вопрос',
      text: 'Честное письмо.',
      messageId: '<auth-3@example.ru>',
      headers: { 'Authentication-Results': 'relay.elsewhere.example; dmarc=fail header.from=bank.example' },
    });
    await payload.jobs.run();

    expect(await confirmationOf('forged.dmarc@bank.example')).toEqual([expect.objectContaining({ state: 'not-needed', lastError: expect.stringContaining('DMARC') })]);
    expect(await confirmationOf('forged.spf@bank.example')).toEqual([expect.objectContaining({ state: 'not-needed', lastError: expect.stringContaining('SPF') })]);
    expect(await mailTo('forged.dmarc@bank.example')).toHaveLength(0);
    expect(await mailTo('forged.spf@bank.example')).toHaveLength(0);
    expect(await mailTo('honest@bank.example')).toHaveLength(1);
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
