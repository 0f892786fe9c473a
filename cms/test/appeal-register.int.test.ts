import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from 'payload';
import { startMailSink, type RunningMailSink } from '@portal/mail-sink/mail-sink';
import { registerAppeal } from '../src/appeals/intake/register';
import { registerStaffAppeal } from '../src/appeals/intake/staff-register';
import { dispatchOutbox } from '../src/appeals/outbox/outbox';
import { loadAppealReport } from '../src/appeals/reports/report';
import { quarterlyFigures } from '../src/appeals/reports/quarterly-figures';
import { freePort } from '../../scripts/lib/free-port';
import { createStaff, startTestCms, type TestCms } from './harness';
import { restApi } from './support/rest';
import { storeTestAppeal } from './support/appeal-fixture';

/*
 * One register for every channel (ЕКТО; 000 L340, L354; 001 L440, L590; 002 L114, L164, L496): a handler registers an
 * appeal received by phone, in an office or by post, and it gets the numbering, deadlines, confirmation and reports of
 * the site's appeals; a letter by post follows the written-appeals rows (000 L398–410). Real Payload on SQLite, real
 * REST (the CMS's guarded route), real SMTP to the mail sink.
 */

const CMS = 'https://cms.example.ru';
const PASSWORD = 'staff-password-1234';
let cms: TestCms;
let payload: Payload;
let sink: RunningMailSink;
let mailDir: string;
let rest: (request: Request) => Promise<Response>;
let handlerCookie: string;
let editorCookie: string;
let handlerReq: never;

async function mailTo(address: string) {
  const response = await fetch(`${sink.webUrl}/api/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as { subject: string; text: string }[];
}

async function drainOutbox() {
  while ((await dispatchOutbox(payload)).claimed > 0);
}

async function sessionCookie(email: string): Promise<string> {
  const response = await rest(new Request(`${CMS}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: CMS }, body: JSON.stringify({ email, password: PASSWORD }) }));
  expect(response.status, `login of ${email}`).toBe(200);
  return String(response.headers.getSetCookie().find((c) => c.startsWith('payload-token='))).split(';')[0] as string;
}

const register = (body: unknown, cookie?: string) =>
  rest(new Request(`${CMS}/api/appeals/register`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: CMS, ...(cookie ? { Cookie: cookie } : {}) }, body: JSON.stringify(body) }));

async function appealByNumber(number: string) {
  const found = await payload.find({ collection: 'appeals', where: { registrationNumber: { equals: number } }, overrideAccess: true, depth: 0, limit: 1 });
  return found.docs[0] as unknown as Record<string, unknown> & { id: number; consent: { method?: string | null }; confirmation: { state: string } };
}

/** A phone call: a question with an e-mail for the confirmation, consent given orally. */
const phoneQuestion = (receivedAt: string) => ({
  channel: 'phone',
  type: 'question',
  topic: 'oplata',
  name: 'Пётр Звонарёв',
  email: 'petr.zvonarev@example.ru',
  phone: '+7 912 345-67-89',
  answerChannel: 'email',
  text: 'Звонил уточнить, почему в квитанции за ноябрь не учтена оплата за октябрь.',
  receivedAt,
  consent: 'oral',
});

beforeAll(async () => {
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-register-mail-'));
  const smtpPort = await freePort();
  sink = await startMailSink({ smtpPort, webPort: 0, dir: mailDir });
  cms = await startTestCms({ SEED_DEMO: 'on', CMS_PUBLIC_URL: CMS, SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, SITE_URL: 'https://energo.example.ru' });
  payload = cms.payload;
  rest = restApi(cms, CMS);
  const handler = await createStaff(payload, 'register.handler@example-energo.ru', ['handler']);
  await createStaff(payload, 'register.editor@example-energo.ru', ['editor']);
  handlerCookie = await sessionCookie('register.handler@example-energo.ru');
  editorCookie = await sessionCookie('register.editor@example-energo.ru');
  handlerReq = { user: { ...(handler as object), collection: 'users' }, payload, context: {} } as never;
}, 180_000);
afterAll(async () => {
  delete process.env.CMS_PUBLIC_URL;
  await sink?.close();
  await cms?.close();
  if (mailDir) fs.rmSync(mailDir, { recursive: true, force: true });
});

describe('staff register phone, office and postal appeals in the one register', () => {
  it('a phone question continues the numbers of the site\'s questions and the client gets the e-mail confirmation', async () => {
    const site = await registerAppeal(
      payload,
      'question',
      { name: 'Ольга Сайтова', email: 'olga.saitova@example.ru', answerChannel: 'email', topic: 'oplata', text: 'Вопрос с сайта об оплате за октябрь.' },
      { ip: '192.0.2.1', userAgent: null, idempotencyKey: null },
    );
    const response = await register(phoneQuestion(new Date().toISOString()), handlerCookie);
    expect(response.status).toBe(201);
    const body = (await response.json()) as { registrationNumber: string; confirmation: string };
    // В-YYYY-NNNNNN: the same letter and year, the next number of the same sequence.
    const [, year, seq] = /^В-(\d{4})-(\d{6})$/.exec(site.registrationNumber)!;
    expect(body.registrationNumber).toBe(`В-${year}-${String(Number(seq) + 1).padStart(6, '0')}`);
    expect(body.confirmation).toBe('email');

    const stored = await appealByNumber(body.registrationNumber);
    expect(stored).toMatchObject({ type: 'question', channel: 'phone', registrationDeadlineDate: null, phone: '+79123456789' });
    expect(stored.consent.method).toBe('oral');
    expect((await appealByNumber(site.registrationNumber)).channel).toBe('site');

    await drainOutbox();
    const letters = await mailTo('petr.zvonarev@example.ru');
    expect(letters).toHaveLength(1);
    expect(letters[0]!.subject).toContain(body.registrationNumber);

    const audit = await payload.find({ collection: 'audit-log', where: { and: [{ target: { equals: 'appeals' } }, { documentId: { equals: String(stored.id) } }] }, overrideAccess: true });
    expect(audit.docs).toEqual([expect.objectContaining({ action: 'create', userEmail: 'register.handler@example-energo.ru', summary: expect.stringContaining('Телефон') })]);
  });

  it('a phone complaint received Mon 2 Nov 2026 is due Thu 12 Nov (10 calendar days), like a complaint from the site', async () => {
    const outcome = await registerStaffAppeal(
      payload,
      handlerReq,
      { ...phoneQuestion('2026-11-02T12:00:00+03:00'), type: 'complaint', email: 'complaint.by.phone@example.ru' },
      new Date('2026-11-02T12:30:00+03:00'),
    );
    expect(outcome).toMatchObject({ ok: true, registration: { deadlineDate: '2026-11-12', registrationDeadlineDate: null } });
  });

  it('a letter received by post Tue 3 Nov 2026: registration due Fri 6 Nov (2 working days, 4 Nov a holiday), answer Mon 23 Nov (20 calendar days); the client without e-mail gets a postal task', async () => {
    const outcome = await registerStaffAppeal(
      payload,
      handlerReq,
      {
        channel: 'post',
        type: 'complaint',
        topic: 'oplata',
        name: 'Анна Письменная',
        postalAddress: '610000, г. Северо-Озёрск, ул. Почтовая, д. 5, кв. 12',
        answerChannel: 'post',
        text: 'Прошу пересчитать начисления за октябрь: показания передавались вовремя.',
        receivedAt: '2026-11-03T10:00:00+03:00',
      },
      new Date('2026-11-04T09:00:00+03:00'),
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.registration).toMatchObject({ registrationNumber: expect.stringMatching(/^Ж-2026-\d{6}$/), deadlineDate: '2026-11-23', registrationDeadlineDate: '2026-11-06', confirmation: 'task' });
    const stored = await appealByNumber(outcome.registration.registrationNumber);
    expect(stored).toMatchObject({ channel: 'post', deadlineDate: '2026-11-23', registrationDeadlineDate: '2026-11-06' });
    expect(stored.confirmation.state).toBe('not-needed');
    expect(stored.consent.method).toBeNull();

    const notices = await payload.find({ collection: 'appeal-notices', where: { appeal: { equals: stored.id } }, overrideAccess: true, depth: 0 });
    expect(notices.docs).toEqual([expect.objectContaining({ decision: 'registered', channel: 'post', state: 'task' })]);
    const text = String((notices.docs[0] as { text?: string }).text);
    expect(text).toContain(outcome.registration.registrationNumber);
    expect(text).toContain('23 ноября 2026 г.');
    expect(text).toContain('3 ноября 2026 г.');
  });

  it('an editor and an anonymous visitor cannot register an appeal; nothing is stored', async () => {
    const before = (await payload.count({ collection: 'appeals', overrideAccess: true })).totalDocs;
    expect((await register(phoneQuestion(new Date().toISOString()), editorCookie)).status).toBe(403);
    expect((await register(phoneQuestion(new Date().toISOString()))).status).toBe(403);
    expect((await payload.count({ collection: 'appeals', overrideAccess: true })).totalDocs).toBe(before);
  });

  it('refuses a postal letter without the sender\'s address, a receipt in the future, and a phone appeal without consent', async () => {
    const now = new Date().toISOString();
    const noAddress = await register({ ...phoneQuestion(now), channel: 'post', consent: 'written', email: '', answerChannel: 'phone' }, handlerCookie);
    expect(noAddress.status).toBe(400);
    expect(((await noAddress.json()) as { errors: Record<string, string> }).errors.postalAddress).toContain('почтовый адрес');
    const future = await register(phoneQuestion(new Date(Date.now() + 86_400_000).toISOString()), handlerCookie);
    expect(future.status).toBe(400);
    const noConsent = await register({ ...phoneQuestion(now), consent: undefined }, handlerCookie);
    expect(((await noConsent.json()) as { errors: Record<string, string> }).errors.consent).toBeDefined();
  });
});

describe('reports count every channel', () => {
  // Q2 2026, hand-made: 3 site, 1 e-mail stored before channels existed (no channel, type email), 1 phone, 2 post.
  beforeAll(async () => {
    const at = (day: string) => `2026-05-${day}T09:00:00.000Z`;
    for (const day of ['04', '05', '06']) await storeTestAppeal(payload, { receivedAt: at(day), channel: 'site' });
    await storeTestAppeal(payload, { type: 'email', receivedAt: at('07') });
    await storeTestAppeal(payload, { receivedAt: at('08'), channel: 'phone' });
    // Postal letters received Sat 23 May: registration due Tue 26 May. One handed on that day, one on Thu 28 May.
    await storeTestAppeal(payload, { receivedAt: '2026-05-23T07:00:00.000Z', channel: 'post', registrationDeadlineDate: '2026-05-26', status: 'routed', history: [{ from: 'registered', to: 'routed', at: '2026-05-26T12:00:00.000Z', actor: 'x' }] });
    await storeTestAppeal(payload, { receivedAt: '2026-05-23T07:00:00.000Z', channel: 'post', registrationDeadlineDate: '2026-05-26', status: 'routed', history: [{ from: 'registered', to: 'routed', at: '2026-05-28T12:00:00.000Z', actor: 'x' }] });
  });

  it('the appeals report counts by channel received and the late registrations of postal letters', async () => {
    const report = await loadAppealReport(payload, { from: '2026-04-01', to: '2026-06-30', today: '2026-07-01' }, (instant) => new Date(Date.parse(instant) + 3 * 3_600_000).toISOString().slice(0, 10));
    expect(report.byReceivedChannel).toEqual({ site: 3, email: 1, phone: 1, post: 2 });
    expect(report.registrationOverdue).toBe(1);
  });

  it('the quarterly figures carry a row per channel, every channel listed', async () => {
    const { channelRows } = await quarterlyFigures(payload, '2026-Q2');
    expect(Object.fromEntries(channelRows.map((row) => [row.channel, row.count]))).toEqual({ site: 3, email: 1, phone: 1, office: 0, post: 2, chat: 0 });
  });
});
