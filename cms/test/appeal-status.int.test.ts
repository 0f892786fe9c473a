import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload, PayloadRequest } from 'payload';
import { startMailSink, type RunningMailSink } from '@portal/mail-sink/mail-sink';
import { QuestionFormSchema } from '@portal/core/question-form';
import { addDays } from '@portal/core/iso-date';
import { registerAppeal } from '../src/appeals/intake/register';
import { transitionAppeal } from '../src/appeals/handling/transition';
import { endpoints } from '../src/endpoints';
import { freePort } from '../../scripts/lib/free-port';
import { createStaff, startTestCms, type TestCms } from './harness';

let cms: TestCms;
let payload: Payload;
let sink: RunningMailSink;
let mailDir: string;
let handler: never;

async function mailTo(address: string) {
  const response = await fetch(`${sink.webUrl}/api/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as { subject: string; text: string }[];
}

async function call(method: 'get' | 'post', query: string, body?: unknown) {
  const endpoint = endpoints.find((candidate) => candidate.path === '/forms/status' && candidate.method === method)!;
  const request = new Request(`http://cms.local/api/forms/status${query}`, {
    method: method.toUpperCase(),
    ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const response = await endpoint.handler(Object.assign(request, { payload }) as unknown as PayloadRequest);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function register(email: string | undefined, phone?: string) {
  return registerAppeal(
    payload,
    'question',
    QuestionFormSchema.parse({
      name: 'Ольга Сергеевна',
      ...(email ? { email } : {}),
      ...(phone ? { phone } : {}),
      answerChannel: email ? 'email' : 'phone',
      audience: 'fl',
      topic: 'pokazaniya',
      text: 'Когда можно передать показания счётчика в этом месяце?',
      consent: true,
    }),
    { ip: '127.0.0.1', userAgent: 'vitest', idempotencyKey: null },
  );
}

beforeAll(async () => {
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-status-mail-'));
  const smtpPort = await freePort();
  sink = await startMailSink({ smtpPort, webPort: 0, dir: mailDir });
  cms = await startTestCms({ SEED_DEMO: 'on', SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, SITE_URL: 'https://energo.example.ru' });
  payload = cms.payload;
  handler = { user: await createStaff(payload, 'handler@example-energo.ru', ['handler']), payload, context: {} } as never;
}, 180_000);
afterAll(async () => {
  await sink?.close();
  await cms?.close();
  fs.rmSync(mailDir, { recursive: true, force: true });
});

describe('client status page without an account', () => {
  it('the confirmation e-mail carries a private link; the link shows state, deadline, extension and, once given, the answer — nothing else', async () => {
    const registration = await register('status.client@example.ru');
    await payload.jobs.run({ limit: 20 });
    const [letter] = await mailTo('status.client@example.ru');
    const link = /https:\/\/energo\.example\.ru\/status\/#t=([A-Za-z0-9_-]{43})/.exec(letter?.text ?? '');
    expect(link, letter?.text).not.toBeNull();
    const token = link![1]!;

    const first = await call('get', `?token=${token}`);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      registrationNumber: registration.registrationNumber,
      state: 'registered',
      stateLabel: 'Зарегистрировано',
      deadlineDate: registration.deadlineDate,
      deadlineText: registration.deadlineText,
    });

    // Only a hash is stored, and the API never shows it.
    const stored = (await payload.find({ collection: 'appeals', where: { registrationNumber: { equals: registration.registrationNumber } }, overrideAccess: true, depth: 0 })).docs[0] as unknown as { id: number; statusTokenHash: string };
    expect(stored.statusTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.statusTokenHash).not.toContain(token);
    const asHandler = (await payload.findByID({ collection: 'appeals', id: stored.id, overrideAccess: false, user: (handler as { user: never }).user })) as { statusTokenHash?: string };
    expect(asHandler.statusTokenHash).toBeUndefined();

    // An extension by 8 calendar days, the most the standard allows (000 L406).
    const newDeadline = addDays(registration.deadlineDate, 8);
    for (const body of [{ to: 'routed', group: 'Расчёты' }, { to: 'in-progress' }, { to: 'extended', newDeadline, comment: 'Нужна проверка прибора учёта на месте' }]) {
      expect((await transitionAppeal(payload, handler, stored.id, body)).ok).toBe(true);
    }
    const extended = await call('get', `?token=${token}`);
    expect(extended.body).toMatchObject({ state: 'extended', deadlineDate: newDeadline, extensionReason: 'Нужна проверка прибора учёта на месте' });
    expect(extended.body.answer).toBeUndefined();

    expect((await transitionAppeal(payload, handler, stored.id, { to: 'answered', answer: 'Показания принимаются с 15 по 25 число.' })).ok).toBe(true);
    // Not yet sent: not yet shown.
    expect((await call('get', `?token=${token}`)).body.answer).toBeUndefined();
    await payload.jobs.run({ limit: 20 });
    const answered = await call('get', `?token=${token}`);
    expect(answered.body).toMatchObject({ state: 'answered', answer: 'Показания принимаются с 15 по 25 число.' });
    expect(Object.keys(answered.body).sort()).toEqual(['answer', 'deadlineDate', 'deadlineText', 'extensionReason', 'registrationNumber', 'state', 'stateLabel']);
  });

  it('a wrong or malformed token gets the same not-found answer', async () => {
    const wrong = await call('get', `?token=${'A'.repeat(43)}`);
    const malformed = await call('get', '?token=<script>');
    const missing = await call('get', '');
    expect(wrong.status).toBe(404);
    expect(malformed).toEqual(wrong);
    expect(missing).toEqual(wrong);
  });

  it('number plus e-mail or phone finds the appeal; a wrong number or a wrong contact get one identical answer', async () => {
    const byEmail = await register('lookup.client@example.ru');
    const byPhone = await register(undefined, '+7 (912) 555-44-33');

    const ok = await call('post', '', { number: byEmail.registrationNumber, contact: 'Lookup.Client@example.ru' });
    expect(ok.status).toBe(200);
    expect(ok.body.registrationNumber).toBe(byEmail.registrationNumber);
    const phone = await call('post', '', { number: byPhone.registrationNumber, contact: '8 912 555 44 33' });
    expect(phone.status).toBe(200);

    const wrongContact = await call('post', '', { number: byEmail.registrationNumber, contact: 'someone.else@example.ru' });
    const wrongNumber = await call('post', '', { number: 'В-2026-999999', contact: 'lookup.client@example.ru' });
    const otherClientsPhone = await call('post', '', { number: byEmail.registrationNumber, contact: '8 912 555 44 33' });
    expect(wrongContact.status).toBe(404);
    expect(wrongNumber).toEqual(wrongContact);
    expect(otherClientsPhone).toEqual(wrongContact);

    expect((await call('post', '', { number: '', contact: '' })).status).toBe(400);
  });

  it('finds the appeal by a number typed with a Latin «B», other dashes, spaces, lower case or without its dashes', async () => {
    const registration = await register('lookalike.client@example.ru');
    const number = registration.registrationNumber;
    expect(number).toMatch(/^В-\d{4}-\d{6}$/);
    const [, year, sequence] = number.split('-') as [string, string, string];
    const typings = [
      `B-${year}-${sequence}`,
      `b ${year} ${sequence}`,
      `В\u2013${year}\u2014${sequence}`,
      ` B\u2212${year}\u2212${sequence} `,
      `в${year}${sequence}`,
      `B-${year}-${Number(sequence)}`,
    ];
    for (const typed of typings) {
      const found = await call('post', '', { number: typed, contact: 'lookalike.client@example.ru' });
      expect(found.status, typed).toBe(200);
      expect(found.body.registrationNumber).toBe(number);
    }
    // Not a registration number at all: said so under the field, not «not found».
    const malformed = await call('post', '', { number: `D-${year}-${sequence}`, contact: 'lookalike.client@example.ru' });
    expect(malformed).toMatchObject({ status: 400, body: { fieldErrors: { number: 'Проверьте регистрационный номер: он выглядит так — В-2026-000123' } } });
  });
});
