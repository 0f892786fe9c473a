import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleEndpoints, type Payload } from 'payload';
import { startMailSink, type RunningMailSink } from '@portal/mail-sink/mail-sink';
import { QuestionFormSchema } from '@portal/core/question-form';
import { registerAppeal } from '../src/appeals/intake/register';
import { statusTokenFor } from '../src/appeals/intake/status-token';
import { statusByToken } from '../src/appeals/handling/status-view';
import { anonymiseOldAppeals } from '../src/appeals/handling/retention';
import { dispatchOutbox } from '../src/appeals/outbox/outbox';
import { freePort } from '../../scripts/lib/free-port';
import { createStaff, startTestCms, type TestCms } from './harness';

/*
 * Appeals are records (issue 15): the handlers' working fields and their audit trail, the topic as the client sent
 * it, internal notes kept from the client, and the explicit, audited resend of a letter to the stored address. Every
 * request goes through Payload's REST handling (`handleEndpoints`, what the CMS's `/api/[...slug]` route runs) with a
 * staff member's JWT; the table of every field × role is in access-matrix.int.test.ts.
 */

let cms: TestCms;
let payload: Payload;
let sink: RunningMailSink;
let mailDir: string;
const tokens = new Map<string, string>();
const users = new Map<string, { id: number | string }>();
const topics: Record<string, number | string> = {};

interface AppealRow {
  id: number | string;
  registrationNumber: string;
  receivedAt: string;
  email: string | null;
  topic: number | string | null;
  topicAsSent: number | string | null;
  internalNotes: string | null;
  handlerGroup: string | null;
  assignee: number | string | null;
  confirmation: { state: string | null };
  answerDelivery: { state: string | null } | null;
}
interface AuditRow {
  action: string;
  target: string;
  documentId: string;
  userEmail: string;
  summary: string | null;
  changedFields: string | null;
  changes: { field: string; before: unknown; after: unknown }[] | null;
}

async function rest(who: string | null, method: string, url: string, body?: unknown) {
  const token = who ? tokens.get(who) : undefined;
  const request = new Request(`http://cms.test${url}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...(token ? { Authorization: `JWT ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const response = await handleEndpoints({ config: payload.config, request, payloadInstanceCacheKey: cms.dir });
  return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, unknown> };
}

const stored = async (id: number | string) => (await payload.findByID({ collection: 'appeals', id, depth: 0, overrideAccess: true })) as unknown as AppealRow;

async function auditOf(id: number | string): Promise<AuditRow[]> {
  const found = await payload.find({ collection: 'audit-log', where: { and: [{ target: { equals: 'appeals' } }, { documentId: { equals: String(id) } }] }, sort: 'id', depth: 0, pagination: false, overrideAccess: true });
  return found.docs as unknown as AuditRow[];
}

async function register(email: string | undefined, topic = 'pokazaniya') {
  const registration = await registerAppeal(
    payload,
    'question',
    QuestionFormSchema.parse({
      name: 'Ольга Сергеевна',
      ...(email ? { email } : { phone: '+79001112233' }),
      answerChannel: email ? 'email' : 'phone',
      audience: 'fl',
      topic,
      text: 'Когда можно передать показания счётчика в этом месяце?',
      consent: true,
    }),
    { ip: '127.0.0.1', userAgent: 'vitest', idempotencyKey: null },
  );
  const found = await payload.find({ collection: 'appeals', where: { registrationNumber: { equals: registration.registrationNumber } }, depth: 0, limit: 1, overrideAccess: true });
  return found.docs[0] as unknown as AppealRow;
}

async function mailTo(address: string) {
  const response = await fetch(`${sink.webUrl}/api/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as { subject: string }[];
}

/** Sends what the outbox holds (no dispatcher runs in tests). */
async function sendOutbox() {
  await dispatchOutbox(payload, new Date(Date.now() + 10 * 60_000));
}

beforeAll(async () => {
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-records-mail-'));
  const smtpPort = await freePort();
  sink = await startMailSink({ smtpPort, webPort: 0, dir: mailDir });
  cms = await startTestCms({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
  payload = cms.payload;
  // The handler groups in use: the topics' groups (the working field «Группа исполнителей» takes only these).
  for (const [slug, title, handlerGroup] of [
    ['pokazaniya', 'Показания счётчика', 'Группа учёта'],
    ['nachisleniya', 'Начисления и оплата', 'Группа учёта'],
    ['raschety', 'Расчёты', 'Расчётный отдел'],
    ['dogovory', 'Договоры', 'Абонентский отдел'],
  ] as const) {
    topics[slug] = (await payload.create({ collection: 'topics', overrideAccess: true, data: { title, slug, handlerGroup } as never })).id;
  }
  for (const [who, roles] of [['handler', ['handler']], ['colleague', ['handler']], ['editor', ['editor']], ['admin', ['admin']]] as const) {
    const email = `${who}@records.example.ru`;
    users.set(who, (await createStaff(payload, email, [...roles])) as { id: number | string });
    const { token } = await payload.login({ collection: 'users', data: { email, password: 'staff-password-1234' } } as never);
    tokens.set(who, String(token));
  }
}, 180_000);

afterAll(async () => {
  await sink?.close();
  await cms?.close();
  fs.rmSync(mailDir, { recursive: true, force: true });
});

describe('handlers change their working fields, each change audited with before and after', () => {
  it('re-classifying the topic keeps the topic the client sent, and the audit log has both values', async () => {
    const appeal = await register('topic@example.ru');
    expect(appeal.topicAsSent).toBe(topics.pokazaniya);
    const response = await rest('handler', 'PATCH', `/api/appeals/${appeal.id}`, { topic: topics.nachisleniya, topicAsSent: topics.nachisleniya });
    expect(response.status).toBe(200);
    const after = await stored(appeal.id);
    expect(after.topic).toBe(topics.nachisleniya);
    expect(after.topicAsSent).toBe(topics.pokazaniya);
    const entries = await auditOf(appeal.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'update', userEmail: 'handler@records.example.ru', changedFields: 'topic' });
    expect(entries[0]!.changes).toEqual([{ field: 'topic', before: topics.pokazaniya, after: topics.nachisleniya }]);
  });

  it('group, assignee and internal notes are audited field by field; a contact in the same request is neither stored nor logged', async () => {
    const appeal = await register('group@example.ru');
    const response = await rest('handler', 'PATCH', `/api/appeals/${appeal.id}`, {
      handlerGroup: 'Расчётный отдел',
      assignee: users.get('colleague')!.id,
      internalNotes: 'Заявитель по телефону уточнил: e-mail olga.new@example.ru',
      email: 'forger@evil.example',
    });
    expect(response.status).toBe(200);
    const after = await stored(appeal.id);
    expect(after).toMatchObject({ handlerGroup: 'Расчётный отдел', assignee: users.get('colleague')!.id, email: 'group@example.ru' });
    const [entry, ...more] = await auditOf(appeal.id);
    expect(more).toEqual([]);
    expect(entry!.changes).toEqual([
      { field: 'assignee', before: null, after: users.get('colleague')!.id },
      { field: 'handlerGroup', before: 'Группа учёта', after: 'Расчётный отдел' },
      { field: 'internalNotes', before: null, after: 'Заявитель по телефону уточнил: e-mail olga.new@example.ru' },
    ]);
  });

  it('the group takes only a group the topics route to, or none: a typo is refused with the list, nothing stored', async () => {
    const appeal = await register('typo-group@example.ru');
    const typo = await rest('handler', 'PATCH', `/api/appeals/${appeal.id}`, { handlerGroup: 'Расчетный отдел', internalNotes: 'Передаю в расчёты' });
    expect(typo.status).toBe(400);
    expect(JSON.stringify(typo.body)).toContain(
      'Такой группы исполнителей нет в настройках тем обращений. Выберите одну из групп: Абонентский отдел, Группа учёта, Расчётный отдел — или оставьте поле пустым.',
    );
    expect(await stored(appeal.id)).toMatchObject({ handlerGroup: 'Группа учёта', internalNotes: null });
    expect((await rest('handler', 'PATCH', `/api/appeals/${appeal.id}`, { handlerGroup: ' Расчётный отдел ' })).status).toBe(200);
    expect((await stored(appeal.id)).handlerGroup).toBe('Расчётный отдел');
    expect((await rest('admin', 'PATCH', `/api/appeals/${appeal.id}`, { handlerGroup: '' })).status).toBe(200);
    expect((await stored(appeal.id)).handlerGroup).toBeFalsy();
  });

  it('an appeal keeping a group the topics no longer name still saves its other fields; the server\'s own writes are never refused', async () => {
    const appeal = await register('old-group@example.ru');
    // Written by the server (overrideAccess): a group from before the topics were re-configured.
    await payload.update({ collection: 'appeals', id: appeal.id, overrideAccess: true, data: { handlerGroup: 'Упразднённый участок' } as never });
    // The admin's form sends the whole document back, the unchanged group with it.
    const response = await rest('handler', 'PATCH', `/api/appeals/${appeal.id}`, { handlerGroup: 'Упразднённый участок', internalNotes: 'Позвонить в понедельник' });
    expect(response.status).toBe(200);
    expect(await stored(appeal.id)).toMatchObject({ handlerGroup: 'Упразднённый участок', internalNotes: 'Позвонить в понедельник' });
  });

  it('internal notes never reach the client: not on the status page, and the retention job removes them with the audit values', async () => {
    const appeal = await register('notes@example.ru');
    const note = 'Внутренняя заметка: клиент звонил дважды';
    await rest('handler', 'PATCH', `/api/appeals/${appeal.id}`, { internalNotes: note });
    const status = await statusByToken(payload, statusTokenFor(appeal.registrationNumber, new Date(appeal.receivedAt).toISOString()));
    expect(status).not.toBeNull();
    expect(JSON.stringify(status)).not.toContain('заметка');

    // Settled long ago: the nightly retention job anonymises it.
    await payload.update({ collection: 'appeals', id: appeal.id, overrideAccess: true, context: { internal: true }, data: { status: 'closed', receivedAt: '2020-01-15T09:00:00.000Z' } as never });
    expect(await anonymiseOldAppeals(payload, new Date('2026-12-01T00:00:00Z'), 365)).toBeGreaterThanOrEqual(1);
    expect((await stored(appeal.id)).internalNotes).toBeNull();
    const entries = await auditOf(appeal.id);
    expect(entries.map((entry) => entry.changedFields)).toEqual(['internalNotes']);
    expect(JSON.stringify(entries)).not.toContain('клиент звонил');
  });

  it('appeal entries of the audit log are read by handlers and admins, not by editors', async () => {
    const appeal = await register('reader@example.ru');
    await rest('handler', 'PATCH', `/api/appeals/${appeal.id}`, { handlerGroup: 'Абонентский отдел' });
    const where = `where[target][equals]=appeals&where[documentId][equals]=${appeal.id}`;
    expect(((await rest('handler', 'GET', `/api/audit-log?${where}`)).body.docs as unknown[]).length).toBe(1);
    expect(((await rest('admin', 'GET', `/api/audit-log?${where}`)).body.docs as unknown[]).length).toBe(1);
    expect(((await rest('editor', 'GET', `/api/audit-log?${where}`)).body.docs as unknown[] | undefined)?.length ?? 0).toBe(0);
  });
});

describe('a letter is re-sent only on an explicit, audited request, to the stored address', () => {
  it('the confirmation goes again to the stored address even when the request names another one, and the request is audited', async () => {
    const appeal = await register('resend@example.ru');
    await sendOutbox();
    expect(await mailTo('resend@example.ru')).toHaveLength(1);

    const response = await rest('handler', 'POST', `/api/appeals/${appeal.id}/resend`, { letter: 'confirmation', email: 'forger@evil.example', to: 'forger@evil.example', registrationNumber: 'В-2026-999999' });
    expect(response).toMatchObject({ status: 200, body: { ok: true } });
    await sendOutbox();

    const letters = await mailTo('resend@example.ru');
    expect(letters).toHaveLength(2);
    expect(letters.every((letter) => letter.subject.includes(appeal.registrationNumber))).toBe(true);
    expect(await mailTo('forger@evil.example')).toEqual([]);
    expect((await stored(appeal.id)).email).toBe('resend@example.ru');
    const entries = await auditOf(appeal.id);
    expect(entries).toEqual([expect.objectContaining({ action: 'resend', userEmail: 'handler@records.example.ru', changedFields: 'confirmation' })]);
  });

  it('an answer sent by e-mail goes again to the stored address; while it waits, another request is refused', async () => {
    const appeal = await register('answered@example.ru');
    await payload.update({
      collection: 'appeals',
      id: appeal.id,
      overrideAccess: true,
      context: { internal: true },
      data: { status: 'answered', answer: 'Показания можно передать с 15 по 25 число.', answerDelivery: { state: 'sent', channel: 'email', attempts: 1 } } as never,
    });
    expect(await rest('admin', 'POST', `/api/appeals/${appeal.id}/resend`, { letter: 'answer', email: 'forger@evil.example' })).toMatchObject({ status: 200 });
    expect(await rest('handler', 'POST', `/api/appeals/${appeal.id}/resend`, { letter: 'answer' })).toMatchObject({
      status: 409,
      body: { message: 'Ответ ещё ждёт отправки: робот отправит его сам.' },
    });
    await payload.jobs.run({ limit: 20 });
    // Besides the confirmation (registration queued its dispatch), the answer once more.
    expect((await mailTo('answered@example.ru')).filter((letter) => letter.subject.startsWith('Ответ на обращение'))).toHaveLength(1);
    expect(await mailTo('forger@evil.example')).toEqual([]);
    expect((await stored(appeal.id)).answerDelivery?.state).toBe('sent');
    expect((await auditOf(appeal.id)).map((entry) => `${entry.action} ${entry.userEmail} ${entry.changedFields}`)).toEqual(['resend admin@records.example.ru answerDelivery']);
  });

  it('is refused with a plain Russian reason when there is no e-mail or the letter was never due, and for other roles', async () => {
    const byPhone = await register(undefined);
    expect(await rest('handler', 'POST', `/api/appeals/${byPhone.id}/resend`, { letter: 'confirmation' })).toMatchObject({
      status: 409,
      body: { message: 'У заявителя нет адреса e-mail: письмо отправить некуда.' },
    });
    const unanswered = await register('unanswered@example.ru');
    expect(await rest('admin', 'POST', `/api/appeals/${unanswered.id}/resend`, { letter: 'answer' })).toMatchObject({
      status: 409,
      body: { message: 'Ответа по этому обращению ещё нет: отправлять нечего.' },
    });
    const byPost = await register('post@example.ru');
    await payload.update({ collection: 'appeals', id: byPost.id, overrideAccess: true, context: { internal: true }, data: { answer: 'Ответ отправлен почтой.', answerDelivery: { state: 'recorded', channel: 'post' } } as never });
    expect(await rest('handler', 'POST', `/api/appeals/${byPost.id}/resend`, { letter: 'answer' })).toMatchObject({
      status: 409,
      body: { message: 'Ответ был дан почтой или по телефону, по e-mail он не отправлялся.' },
    });
    expect((await rest('editor', 'POST', `/api/appeals/${unanswered.id}/resend`, { letter: 'confirmation' })).status).toBe(403);
    expect((await rest(null, 'POST', `/api/appeals/${unanswered.id}/resend`, { letter: 'confirmation' })).status).toBe(403);
    expect((await rest('handler', 'POST', `/api/appeals/${unanswered.id}/resend`, { letter: 'survey' })).status).toBe(400);
    expect(await auditOf(byPhone.id)).toEqual([]);
    expect(await auditOf(unanswered.id)).toEqual([]);
  });
});

// Last: SQLite gives the next appeal the id of a deleted last one, so its entries would share that id.
describe('deleting an appeal', () => {
  it('an administrator deleting an appeal is in the audit log, with its number', async () => {
    const appeal = await register('deleted@example.ru');
    expect((await rest('admin', 'DELETE', `/api/appeals/${appeal.id}`)).status).toBe(200);
    expect(await auditOf(appeal.id)).toEqual([expect.objectContaining({ action: 'delete', userEmail: 'admin@records.example.ru', summary: appeal.registrationNumber })]);
  });
});
