import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint, Payload, PayloadRequest } from 'payload';
import { startMailSink, type RunningMailSink } from '@portal/mail-sink/mail-sink';
import { sweepAnswers } from '../src/appeals/handling/answer-sweep';
import { registerAppeal } from '../src/appeals/intake/register';
import { STATE_CHANGED_MESSAGE } from '../src/appeals/handling/state-claim';
import { endpoints } from '../src/endpoints';
import { freePort } from '../../scripts/lib/free-port';
import { createStaff, startTestCms, type TestCms } from './harness';
import { storeTestAppeal } from './support/appeal-fixture';

let cms: TestCms;
let payload: Payload;
let sink: RunningMailSink | undefined;
let smtpPort: number;
let mailDir: string;
let handler: { id: number; email: string };
let secondHandler: { id: number; email: string };
let editor: { id: number };
let admin: { id: number };
let counter = 0;

interface StoredAppeal {
  id: number;
  status: string;
  territory: string | null;
  handlerGroup: string | null;
  history: { from: string; to: string; comment?: string; relatedAppeal?: { id: string; registrationNumber: string } }[] | null;
  answerDelivery: { state: string | null; jobId: string | null };
}

const stored = async (id: number | string) => (await payload.findByID({ collection: 'appeals', id, depth: 0, overrideAccess: true })) as unknown as StoredAppeal;

/** An appeal stored as the robot stores it, in the given state. */
async function appeal(fields: Record<string, unknown> = {}) {
  counter += 1;
  const doc = await storeTestAppeal(payload, { receivedAt: new Date(Date.UTC(2026, 10, 1 + counter, 9)).toISOString(), deadlineDate: '2026-12-30', ...fields });
  return doc as { id: number; registrationNumber: string };
}

function collectionEndpoint(path: string, method: string): Endpoint {
  const endpoint = ((payload.collections.appeals.config.endpoints || []) as Endpoint[]).find((candidate) => candidate.path === path && candidate.method === method);
  if (!endpoint) throw new Error(`no endpoint ${method} ${path}`);
  return endpoint;
}

/** POST /api/appeals/:id/transition as the CMS serves it, as the given staff member. */
async function transition(id: number | string, body: unknown, user: unknown) {
  const request = new Request(`http://cms.local/api/appeals/${id}/transition`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const response = await collectionEndpoint('/:id/transition', 'post').handler(
    Object.assign(request, { payload, user: { ...(user as object), collection: 'users' }, routeParams: { id: String(id) }, context: {} }) as unknown as PayloadRequest,
  );
  return { status: response.status, body: (await response.json()) as { message?: string; issues?: { path: string; message: string }[] } };
}

/** GET /api/appeals/:id/same-contact as the given staff member. */
async function sameContact(id: number | string, user: unknown) {
  const request = new Request(`http://cms.local/api/appeals/${id}/same-contact`);
  const response = await collectionEndpoint('/:id/same-contact', 'get').handler(
    Object.assign(request, { payload, user: user ? { ...(user as object), collection: 'users' } : null, routeParams: { id: String(id) }, context: {} }) as unknown as PayloadRequest,
  );
  return { status: response.status, body: (await response.json()) as { appeals?: { registrationNumber: string; status: string; answeredAt: string | null }[] } };
}

async function postQuestion(body: Record<string, unknown>) {
  const endpoint = endpoints.find((candidate) => candidate.path === '/forms/question');
  const request = new Request('http://cms.local/api/forms/question', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '198.51.100.8' },
    body: JSON.stringify(body),
  });
  const response = await endpoint!.handler(Object.assign(request, { payload }) as unknown as PayloadRequest);
  return { status: response.status, body: (await response.json()) as { registrationNumber?: string; fieldErrors?: Record<string, string> } };
}

async function mailTo(address: string) {
  const response = await fetch(`${sink!.webUrl}/api/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as { subject: string }[];
}

beforeAll(async () => {
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-handling-mail-'));
  smtpPort = await freePort();
  // The SMTP server starts down: the answer sweep test needs a failed first attempt.
  cms = await startTestCms({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
  payload = cms.payload;
  handler = (await createStaff(payload, 'handler1@example-energo.ru', ['handler'])) as never;
  secondHandler = (await createStaff(payload, 'handler2@example-energo.ru', ['handler'])) as never;
  editor = (await createStaff(payload, 'editor@example-energo.ru', ['editor'])) as never;
  admin = (await createStaff(payload, 'admin2@example-energo.ru', ['admin'])) as never;
  await payload.update({ collection: 'users', id: secondHandler.id, overrideAccess: true, data: { name: 'Пётр Смирнов', position: 'специалист' } as never });
}, 180_000);

afterAll(async () => {
  await sink?.close();
  await cms?.close();
  fs.rmSync(mailDir, { recursive: true, force: true });
});

describe('routing by topic and territory', () => {
  it('a territory rule beats the topic group; the form checks the territory against the CMS list', async () => {
    const zarechny = await payload.create({ collection: 'territories', overrideAccess: true, data: { name: 'Заречный район', slug: 'zarechnyj-rajon' } as never });
    await payload.create({ collection: 'territories', overrideAccess: true, data: { name: 'г. Светлогорск', slug: 'svetlogorsk' } as never });
    await payload.create({
      collection: 'topics',
      overrideAccess: true,
      data: { title: 'Начисления и оплата', slug: 'nachisleniya', handlerGroup: 'Расчётный отдел', territoryRoutes: [{ territory: zarechny.id, handlerGroup: 'Заречный участок' }] } as never,
    });
    const form = {
      name: 'Ольга Сергеевна',
      email: 'olga.routing@example.ru',
      phone: '',
      answerChannel: 'email',
      postalAddress: '',
      audience: 'fl',
      topic: 'nachisleniya',
      accountNumber: '',
      text: 'Почему в ноябре начисление выросло вдвое?',
      consent: true,
      website: '',
    };

    const fromZarechny = await postQuestion({ ...form, territory: 'zarechnyj-rajon' });
    expect(fromZarechny.status).toBe(201);
    const fromSvetlogorsk = await postQuestion({ ...form, territory: 'svetlogorsk' });
    const withoutTerritory = await postQuestion({ ...form, territory: '' });
    const byNumber = async (number: string | undefined) =>
      (await payload.find({ collection: 'appeals', where: { registrationNumber: { equals: number } }, overrideAccess: true, depth: 0 })).docs[0] as unknown as StoredAppeal;
    expect(await byNumber(fromZarechny.body.registrationNumber)).toMatchObject({ territory: 'zarechnyj-rajon', handlerGroup: 'Заречный участок', status: 'registered' });
    expect(await byNumber(fromSvetlogorsk.body.registrationNumber)).toMatchObject({ territory: 'svetlogorsk', handlerGroup: 'Расчётный отдел' });
    expect(await byNumber(withoutTerritory.body.registrationNumber)).toMatchObject({ territory: null, handlerGroup: 'Расчётный отдел' });

    const unknown = await postQuestion({ ...form, territory: 'atlantida' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fieldErrors?.territory).toBe('Выберите населённый пункт или район из списка');

    // The same path serves e-mail intake and the other forms: no territory, no rule, topic group.
    const direct = await registerAppeal(payload, 'question', { ...form, answerChannel: 'email', email: 'direct@example.ru', phone: undefined, postalAddress: undefined, accountNumber: undefined } as never, { ip: null, userAgent: null, idempotencyKey: null });
    expect(await byNumber(direct.registrationNumber)).toMatchObject({ territory: null, handlerGroup: 'Расчётный отдел' });
  });
});

describe('concurrent transitions', () => {
  it('two handlers routing the same appeal at once: exactly one succeeds, the other is asked to reload', async () => {
    const { id } = await appeal();
    const results = await Promise.all([
      transition(id, { to: 'routed', group: 'Первая группа', from: 'registered' }, handler),
      transition(id, { to: 'routed', group: 'Вторая группа', from: 'registered' }, secondHandler),
    ]);
    const statuses = results.map((result) => result.status).sort();
    expect(statuses).toEqual([200, 409]);
    const loser = results.find((result) => result.status === 409)!;
    expect(loser.body.message).toBe(STATE_CHANGED_MESSAGE);
    const winnerGroup = results[0]!.status === 200 ? 'Первая группа' : 'Вторая группа';
    const after = await stored(id);
    expect(after.status).toBe('routed');
    expect(after.handlerGroup).toBe(winnerGroup);
    expect(after.history?.map((entry) => `${entry.from}→${entry.to}`)).toEqual(['registered→routed']);
  });

  it('even re-routing (a state to itself) lets only one of two simultaneous requests through', async () => {
    const { id } = await appeal({ status: 'routed', handlerGroup: 'Расчётный отдел' });
    const results = await Promise.all([
      transition(id, { to: 'routed', group: 'Первая группа' }, handler),
      transition(id, { to: 'routed', group: 'Вторая группа' }, secondHandler),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    expect((await stored(id)).history).toHaveLength(1);
  });

  it('a handler acting on a page that is out of date is refused with the same message', async () => {
    const { id } = await appeal();
    expect((await transition(id, { to: 'routed', group: 'Расчётный отдел', from: 'registered' }, handler)).status).toBe(200);
    const stale = await transition(id, { to: 'routed', group: 'Другая группа', from: 'registered' }, secondHandler);
    expect(stale).toMatchObject({ status: 409, body: { message: STATE_CHANGED_MESSAGE } });
    expect((await stored(id)).handlerGroup).toBe('Расчётный отдел');
  });

  it('while another transition has moved the state but not yet written its history, a next step is refused as out of date, and goes through once the history has caught up', async () => {
    // The state as the compare-and-set leaves it for a moment: moved to «in-progress», the history still ending at
    // «routed». A step built on that history would drop the other handler's entry.
    const at = new Date().toISOString();
    const { id } = await appeal({ status: 'in-progress', history: [{ from: 'registered', to: 'routed', at, actor: 'Мария Иванова' }] });
    const early = await transition(id, { to: 'needs-info', comment: 'Нужна копия договора' }, handler);
    expect(early).toMatchObject({ status: 409, body: { message: STATE_CHANGED_MESSAGE } });
    // Once the history has caught up, the same step goes through and both entries stay.
    const history = [...((await stored(id)).history as object[]), { from: 'routed', to: 'in-progress', at, actor: 'Мария Иванова' }];
    await payload.update({ collection: 'appeals', id, overrideAccess: true, data: { history } as never });
    expect((await transition(id, { to: 'needs-info', comment: 'Нужна копия договора' }, handler)).status).toBe(200);
    expect(((await stored(id)).history as { to: string }[]).map((entry) => entry.to)).toEqual(['routed', 'in-progress', 'needs-info']);
  });
});

describe('repeated appeals of the same client', () => {
  it('are listed by normalised e-mail or phone for handlers and admins only; a «repeated» rejection links the earlier answer', async () => {
    const earlier = await appeal({ email: 'Repeat.Client@Example.RU', phone: '+79123456789', status: 'closed', answeredAt: '2026-11-05T10:00:00.000Z' });
    const byPhone = await appeal({ email: null, phone: '+79123456789', answerChannel: 'phone', status: 'in-progress' });
    await appeal({ email: 'someone.else@example.ru', phone: '+79120000000' });
    await appeal({ email: 'xrepeat.client@example.ru' });
    const current = await appeal({ email: 'repeat.client@EXAMPLE.ru', phone: null });

    const asHandler = await sameContact(current.id, handler);
    expect(asHandler.status).toBe(200);
    expect(asHandler.body.appeals?.map((other) => other.registrationNumber)).toEqual([earlier.registrationNumber]);
    expect(asHandler.body.appeals?.[0]).toMatchObject({ status: 'closed', answeredAt: '2026-11-05T10:00:00.000Z' });
    // The phone links the earlier appeal with the one given by phone only.
    expect((await sameContact(byPhone.id, admin)).body.appeals?.map((other) => other.registrationNumber)).toEqual([earlier.registrationNumber]);
    expect((await sameContact(current.id, editor)).status).toBe(403);
    expect((await sameContact(current.id, null)).status).toBe(403);

    const unanswered = await transition(current.id, { to: 'rejected', reason: 'repeated', earlierAppeal: byPhone.registrationNumber }, handler);
    expect(unanswered.status).toBe(400);
    expect(unanswered.body.message).toContain('ответ ещё не дан');
    expect((await transition(current.id, { to: 'rejected', reason: 'repeated', earlierAppeal: 'В-2026-999999' }, handler)).status).toBe(400);

    const rejected = await transition(current.id, { to: 'rejected', reason: 'repeated', earlierAppeal: earlier.registrationNumber }, handler);
    expect(rejected.status).toBe(200);
    const entry = (await stored(current.id)).history?.at(-1);
    expect(entry?.relatedAppeal).toEqual({ id: String(earlier.id), registrationNumber: earlier.registrationNumber, answeredAt: '2026-11-05T10:00:00.000Z' });
    expect(entry?.comment).toContain(earlier.registrationNumber);
  });
});

describe('the answer e-mail sweep', () => {
  it('re-queues answers whose job vanished or failed for good, and each answer goes out exactly once', async () => {
    const vanished = await appeal({ status: 'in-progress', email: 'vanished@example.ru' });
    const failed = await appeal({ status: 'in-progress', email: 'failed@example.ru' });
    for (const { id } of [vanished, failed]) {
      expect((await transition(id, { to: 'answered', answer: 'Показания принимаются с 15 по 25 число каждого месяца.' }, handler)).status).toBe(200);
    }
    const vanishedJob = (await stored(vanished.id)).answerDelivery.jobId;
    const failedJob = (await stored(failed.id)).answerDelivery.jobId;
    expect(vanishedJob).toBeTruthy();
    expect(failedJob).toBeTruthy();

    // SMTP is down: the first attempt fails and is retried later.
    await payload.jobs.run({ limit: 20 });
    expect((await stored(vanished.id)).answerDelivery.state).toBe('pending');
    // One job disappears (e.g. cleared by an administrator), the other runs out of retries.
    await payload.delete({ collection: 'payload-jobs', id: Number(vanishedJob), overrideAccess: true });
    await payload.update({ collection: 'payload-jobs', id: Number(failedJob), overrideAccess: true, data: { hasError: true, processing: false } as never });

    const later = new Date(Date.now() + 60_000);
    expect(await sweepAnswers(payload, later)).toBe(2);
    // Their new jobs are alive: a second sweep doubles nothing.
    expect(await sweepAnswers(payload, later)).toBe(0);
    expect((await stored(vanished.id)).answerDelivery.jobId).not.toBe(vanishedJob);

    sink = await startMailSink({ smtpPort, webPort: 0, dir: mailDir });
    await payload.jobs.run({ limit: 20 });
    await payload.jobs.run({ limit: 20 });
    expect(await sweepAnswers(payload, new Date(Date.now() + 120_000))).toBe(0);
    for (const address of ['vanished@example.ru', 'failed@example.ru']) {
      const letters = await mailTo(address);
      expect(letters.map((letter) => letter.subject)).toEqual([expect.stringContaining('Ответ на обращение №')]);
    }
    expect((await stored(failed.id)).answerDelivery.state).toBe('sent');
  });
});

describe('choosing an assignee', () => {
  it('handlers read the name, position, roles and account dates of handlers only — no e-mail or login data of others; editors only themselves', async () => {
    const seen = await payload.find({ collection: 'users', overrideAccess: false, user: { ...handler, collection: 'users' } as never, depth: 0, pagination: false });
    const others = seen.docs.filter((doc) => doc.id !== handler.id) as unknown as Record<string, unknown>[];
    expect(others.map((doc) => doc.id)).toEqual([secondHandler.id]);
    // The account's dates too: the admin's lists sort by them (Users/hooks/limit-colleague-fields.ts).
    expect(others[0]).toEqual({ id: secondHandler.id, name: 'Пётр Смирнов', position: 'специалист', roles: ['handler'], createdAt: expect.any(String), updatedAt: expect.any(String) });
    const own = seen.docs.find((doc) => doc.id === handler.id) as unknown as Record<string, unknown>;
    expect(own.email).toBe('handler1@example-energo.ru');
    await expect(payload.findByID({ collection: 'users', id: admin.id, overrideAccess: false, user: { ...handler, collection: 'users' } as never })).rejects.toThrow();

    const asEditor = await payload.find({ collection: 'users', overrideAccess: false, user: { ...editor, collection: 'users' } as never, depth: 0 });
    expect(asEditor.docs.map((doc) => doc.id)).toEqual([editor.id]);

    // The reminder job (no user) still reads the assignee's e-mail.
    const assigned = await appeal({ assignee: secondHandler.id });
    const withAssignee = (await payload.findByID({ collection: 'appeals', id: assigned.id, depth: 1, overrideAccess: true })) as unknown as { assignee: { email: string } };
    expect(withAssignee.assignee.email).toBe('handler2@example-energo.ru');
  });
});
