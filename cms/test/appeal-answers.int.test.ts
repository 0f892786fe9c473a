import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from 'payload';
import { startMailSink, type RunningMailSink } from '@portal/mail-sink/mail-sink';
import { sendAnswer } from '../src/appeals/handling/answer-delivery';
import { transitionAppeal } from '../src/appeals/handling/transition';
import { freePort } from '../../scripts/lib/free-port';
import { startTestCms, type TestCms } from './harness';
import { storeTestAppeal } from './support/appeal-fixture';

let cms: TestCms;
let payload: Payload;
let sink: RunningMailSink;
let mailDir: string;
let handlerReq: never;
let editor: never;

async function mailTo(address: string) {
  const response = await fetch(`${sink.webUrl}/api/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as { subject: string; text: string; html: string | false }[];
}

/** An appeal already in progress, as a handler has it before answering. */
async function appealInProgress(contact: { email?: string; phone?: string; answerChannel: string }) {
  const doc = await storeTestAppeal(payload, {
    status: 'in-progress',
    email: contact.email ?? null,
    phone: contact.phone ?? null,
    answerChannel: contact.answerChannel,
    text: 'Когда можно передать показания <счётчика>?',
  });
  return doc as { id: number; registrationNumber: string };
}

/** Runs queued jobs the way the CMS's job runner does. */
async function runJobs() {
  await payload.jobs.run({ limit: 20 });
}

beforeAll(async () => {
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-answers-mail-'));
  const smtpPort = await freePort();
  sink = await startMailSink({ smtpPort, webPort: 0, dir: mailDir });
  cms = await startTestCms({ SEED_DEMO: 'on', SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
  payload = cms.payload;
  const user = await payload.create({
    collection: 'users',
    overrideAccess: true,
    data: { email: 'ivanova@example-energo.ru', password: 'staff-password-1234', name: 'Мария Иванова', position: 'ведущий специалист по работе с обращениями', roles: ['handler'] } as never,
  });
  handlerReq = { user: { ...user, collection: 'users' }, payload, context: {} } as never;
  editor = { ...(await payload.create({ collection: 'users', overrideAccess: true, data: { email: 'editor@example-energo.ru', password: 'staff-password-1234', name: 'Редактор', roles: ['editor'] } as never })), collection: 'users' } as never;
}, 180_000);
afterAll(async () => {
  await sink?.close();
  await cms?.close();
  fs.rmSync(mailDir, { recursive: true, force: true });
});

describe('answering appeals', () => {
  it('editors keep templates; the answer follows the template and the robot e-mails it to the client once', async () => {
    const template = await payload.create({
      collection: 'answer-templates',
      user: editor,
      overrideAccess: false,
      data: {
        title: 'Ответ на вопрос',
        body: 'Уважаемая {{name}}!\n\nНа ваше обращение № {{number}} от {{date}} сообщаем.\n\n{{answer}}\n\nС уважением,\n{{handler}}, {{position}}',
      } as never,
    });
    const appeal = await appealInProgress({ email: 'olga@example.ru', answerChannel: 'email' });
    const outcome = await transitionAppeal(payload, handlerReq, appeal.id, {
      to: 'answered',
      answer: 'Показания принимаются с 15 по 25 число каждого месяца <в личном кабинете>.',
      template: String(template.id),
    });
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true);

    const stored = (await payload.findByID({ collection: 'appeals', id: appeal.id, overrideAccess: true, depth: 0 })) as unknown as { answer: string; answerDelivery: { state: string } };
    expect(stored.answerDelivery.state).toBe('pending');
    expect(stored.answer).toContain('Уважаемая Ольга Сергеевна!');
    expect(stored.answer).toContain(`№ ${appeal.registrationNumber} от 20 ноября 2026`);
    expect(stored.answer).toContain('Мария Иванова, ведущий специалист по работе с обращениями');

    await runJobs();
    const letters = await mailTo('olga@example.ru');
    expect(letters).toHaveLength(1);
    expect(letters[0]?.subject).toBe(`Ответ на обращение № ${appeal.registrationNumber}`);
    expect(letters[0]?.text).toContain('Показания принимаются с 15 по 25 число');
    // The HTML part escapes what the handler typed.
    expect(letters[0]?.html).toContain('&lt;в личном кабинете&gt;');
    const sent = (await payload.findByID({ collection: 'appeals', id: appeal.id, overrideAccess: true, depth: 0 })) as unknown as { answerDelivery: { state: string; sentAt: string } };
    expect(sent.answerDelivery.state).toBe('sent');
    expect(sent.answerDelivery.sentAt).toBeTruthy();

    // Running the job again (a retry, a sweep) sends nothing more.
    expect(await sendAnswer(payload, appeal.id)).toBe('skipped');
    expect(await mailTo('olga@example.ru')).toHaveLength(1);
  });

  it('for a phone answer the transition records that the handler answered; no e-mail goes out', async () => {
    const appeal = await appealInProgress({ phone: '+79123456789', email: 'phone-client@example.ru', answerChannel: 'phone' });
    const outcome = await transitionAppeal(payload, handlerReq, appeal.id, { to: 'answered', answer: 'Сообщили по телефону порядок передачи показаний.' });
    expect(outcome.ok).toBe(true);
    await runJobs();
    expect(await mailTo('phone-client@example.ru')).toHaveLength(0);
    const stored = (await payload.findByID({ collection: 'appeals', id: appeal.id, overrideAccess: true, depth: 0 })) as unknown as { answerDelivery: { state: string; channel: string }; history: { comment?: string }[] };
    expect(stored.answerDelivery).toMatchObject({ state: 'recorded', channel: 'phone' });
    expect(stored.history.at(-1)?.comment).toContain('Ответ дан специалистом');
  });

  it('an unknown template is refused and the appeal stays in progress; handlers cannot edit templates', async () => {
    const appeal = await appealInProgress({ email: 'third@example.ru', answerChannel: 'email' });
    const outcome = await transitionAppeal(payload, handlerReq, appeal.id, { to: 'answered', answer: 'Ответ по существу вопроса.', template: '999999' });
    expect(outcome).toMatchObject({ ok: false, status: 400 });
    expect(((await payload.findByID({ collection: 'appeals', id: appeal.id, overrideAccess: true, depth: 0 })) as { status: string }).status).toBe('in-progress');
    await expect(
      payload.create({ collection: 'answer-templates', user: (handlerReq as { user: never }).user, overrideAccess: false, data: { title: 'x', body: 'y' } as never }),
    ).rejects.toThrow();
  });
});
