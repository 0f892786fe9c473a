import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from 'payload';
import { startMailSink, type RunningMailSink } from '@portal/mail-sink/mail-sink';
import { sendSurveys } from '../src/appeals/handling/survey';
import { transitionAppeal } from '../src/appeals/handling/transition';
import { dispatchOutbox } from '../src/appeals/outbox/outbox';
import { holdClientNotice } from '../src/appeals/outbox/client-notices';
import { freePort } from '../../scripts/lib/free-port';
import { createStaff, startTestCms, type TestCms } from './harness';
import { storeTestAppeal } from './support/appeal-fixture';

/*
 * The client is told of every decision (000 L413, L1098; 001 L395–397, L603–605) through the robot's outbox and a real
 * SMTP server (the mail sink); extensions are capped as the deadlines table says (000 L406, 001 L769); e-mails take the
 * deadline of what they are once classified (000 L620, L695); one survey per client in 3 months (000 L691, L695) and
 * the survey letter names the number, the account and the date (001 L440).
 */

let cms: TestCms;
let payload: Payload;
let sink: RunningMailSink;
let mailDir: string;
let handler: never;
let handlerUser: Record<string, unknown>;

const SITE = 'https://energo.example.ru';
const STATUS_LINK = /https:\/\/energo\.example\.ru\/status\/#t=[A-Za-z0-9_-]{43}/;

async function mailTo(address: string) {
  const response = await fetch(`${sink.webUrl}/api/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as { subject: string; text: string }[];
}

/**
 * A complaint received Monday 2 November 2026 at 12:00 Moscow time, in progress; due Thursday 12 November (10 calendar
 * days, 000 L1124). No confirmation pending, so the only letters are the notices.
 */
async function complaint(fields: Record<string, unknown>) {
  return (await storeTestAppeal(payload, {
    type: 'complaint',
    status: 'in-progress',
    receivedAt: '2026-11-02T09:00:00.000Z',
    deadlineDate: '2026-11-12',
    confirmation: { state: 'not-needed', attempts: 0 },
    handlerNotice: { state: 'not-needed', attempts: 0 },
    ...fields,
  })) as { id: number; registrationNumber: string };
}

async function noticesOf(appealId: number) {
  const found = await payload.find({ collection: 'appeal-notices', where: { appeal: { equals: appealId } }, overrideAccess: true, depth: 0, sort: 'createdAt' });
  return found.docs as unknown as { decision: string; channel: string; state: string; subject: string; text: string; attempts: number }[];
}

/** Runs the robot's outbox until nothing is left to claim (the CMS process runs it on its own; tests run it here). */
async function drainOutbox() {
  while ((await dispatchOutbox(payload)).claimed > 0);
}

beforeAll(async () => {
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-decision-mail-'));
  const smtpPort = await freePort();
  sink = await startMailSink({ smtpPort, webPort: 0, dir: mailDir });
  cms = await startTestCms({ SEED_DEMO: 'on', SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, SITE_URL: SITE });
  payload = cms.payload;
  handlerUser = (await createStaff(payload, 'decisions.handler@example-energo.ru', ['handler'])) as unknown as Record<string, unknown>;
  handler = { user: handlerUser, payload, context: {} } as never;
}, 180_000);
afterAll(async () => {
  await sink?.close();
  await cms?.close();
  fs.rmSync(mailDir, { recursive: true, force: true });
});

describe('notices to the client on every decision', () => {
  it('an extension e-mails the client the reason, the new deadline and the status link', async () => {
    const appeal = await complaint({ email: 'extended.client@example.ru', answerChannel: 'email' });
    // 12 November + 8 calendar days = Friday 20 November 2026: the longest extension 000 L406 allows.
    const outcome = await transitionAppeal(payload, handler, appeal.id, { to: 'extended', newDeadline: '2026-11-20', comment: 'Нужна проверка показаний на месте' });
    expect(outcome.ok).toBe(true);
    await drainOutbox();
    const letters = await mailTo('extended.client@example.ru');
    expect(letters).toHaveLength(1);
    expect(letters[0]!.subject).toBe(`Срок рассмотрения обращения № ${appeal.registrationNumber} продлён`);
    expect(letters[0]!.text).toContain(`Срок рассмотрения вашего обращения № ${appeal.registrationNumber} от 2 ноября 2026 г. продлён до 20 ноября 2026 г.`);
    expect(letters[0]!.text).toContain('Причина: Нужна проверка показаний на месте.');
    expect(letters[0]!.text).toMatch(STATUS_LINK);
    expect(letters[0]!.text).not.toContain('г..');
    expect((await noticesOf(appeal.id)).map((notice) => [notice.decision, notice.channel, notice.state])).toEqual([['extended', 'email', 'sent']]);
  });

  it('a refusal e-mails the ground — including «охраняемая законом тайна» (000 L421, 002 L749) — and the status link, no deadline', async () => {
    const appeal = await complaint({ status: 'registered', email: 'refused.client@example.ru', answerChannel: 'email' });
    expect((await transitionAppeal(payload, handler, appeal.id, { to: 'rejected', reason: 'secret' })).ok).toBe(true);
    await drainOutbox();
    const [letter, ...more] = await mailTo('refused.client@example.ru');
    expect(more).toHaveLength(0);
    expect(letter!.subject).toBe(`Обращение № ${appeal.registrationNumber}: ответ по существу не может быть дан`);
    expect(letter!.text).toContain('ответ невозможен без разглашения сведений, составляющих охраняемую законом тайну');
    expect(letter!.text).toMatch(STATUS_LINK);
    expect(letter!.text).not.toContain('Срок ответа');
  });

  it('a request for information e-mails what is needed and the deadline', async () => {
    const appeal = await complaint({ email: 'needs.info@example.ru', answerChannel: 'email' });
    expect((await transitionAppeal(payload, handler, appeal.id, { to: 'needs-info', comment: 'Пришлите, пожалуйста, фото счётчика с показаниями' })).ok).toBe(true);
    await drainOutbox();
    const [letter] = await mailTo('needs.info@example.ru');
    expect(letter!.subject).toBe(`По обращению № ${appeal.registrationNumber} нужны дополнительные сведения`);
    expect(letter!.text).toContain('нам нужны дополнительные сведения: Пришлите, пожалуйста, фото счётчика с показаниями.');
    expect(letter!.text).toContain('Срок ответа: 12 ноября 2026 г.\n');
    expect(letter!.text).toMatch(STATUS_LINK);
  });

  it('an editor\'s template frames the notice; what it leaves out (the status link) is appended', async () => {
    const template = await payload.create({
      collection: 'answer-templates',
      overrideAccess: true,
      data: { title: 'Отказ — коротко', purpose: 'notice-rejected', body: 'Уважаемая {{name}}! По обращению № {{number}} ответ по существу не будет дан: {{reason}}.' } as never,
    });
    try {
      const appeal = await complaint({ status: 'registered', email: 'templated.client@example.ru', answerChannel: 'email' });
      expect((await transitionAppeal(payload, handler, appeal.id, { to: 'rejected', reason: 'unreadable' })).ok).toBe(true);
      await drainOutbox();
      const [letter] = await mailTo('templated.client@example.ru');
      expect(letter!.text).toMatch(new RegExp(`^Уважаемая Ольга Сергеевна! По обращению № ${appeal.registrationNumber} ответ по существу не будет дан: текст не поддаётся прочтению\\.\\n\\nСостояние обращения: ${STATUS_LINK.source}$`));
    } finally {
      await payload.delete({ collection: 'answer-templates', id: template.id, overrideAccess: true });
    }
  });

  it('a client who chose post gets a handler task with the letter text and no e-mail, though an address is known', async () => {
    const appeal = await complaint({ email: 'post.client@example.ru', answerChannel: 'post', postalAddress: '600000, г. Ясноборск, ул. Ленина, д. 1, кв. 2' });
    expect((await transitionAppeal(payload, handler, appeal.id, { to: 'extended', newDeadline: '2026-11-19', comment: 'Запрошены данные у сетевой организации' })).ok).toBe(true);
    await drainOutbox();
    expect(await mailTo('post.client@example.ru')).toEqual([]);
    const [notice] = await noticesOf(appeal.id);
    expect(notice).toMatchObject({ decision: 'extended', channel: 'post', state: 'task' });
    expect(notice!.text).toContain('продлён до 19 ноября 2026 г. Причина: Запрошены данные у сетевой организации.');
    // The handler sees it on the appeal (a join field) and marks it done.
    const appealRead = (await payload.findByID({ collection: 'appeals', id: appeal.id, depth: 1, user: handlerUser, overrideAccess: false })) as unknown as { notices?: { docs?: { id: number; state: string }[] } };
    expect(appealRead.notices?.docs?.map((doc) => doc.state)).toEqual(['task']);
    const done = (await payload.update({ collection: 'appeal-notices', id: appealRead.notices!.docs![0]!.id, data: { taskDone: true } as never, user: handlerUser, overrideAccess: false })) as unknown as { taskDone: boolean; state: string };
    expect(done).toMatchObject({ taskDone: true, state: 'task' });
  });

  it('a client who chose phone gets a handler task with the text to read out, no e-mail', async () => {
    const appeal = await complaint({ email: null, phone: '+79123456780', answerChannel: 'phone' });
    expect((await transitionAppeal(payload, handler, appeal.id, { to: 'needs-info', comment: 'Уточните номер лицевого счёта' })).ok).toBe(true);
    const claimed = await dispatchOutbox(payload);
    expect(claimed.sent).toBe(0);
    const [notice] = await noticesOf(appeal.id);
    expect(notice).toMatchObject({ decision: 'needs-info', channel: 'phone', state: 'task' });
    expect(notice!.text).toContain('Уточните номер лицевого счёта');
  });

  it('an appeal left without consideration for want of contacts records that nobody can be told', async () => {
    const appeal = await complaint({ status: 'received', email: null, phone: null, postalAddress: null, answerChannel: 'post' });
    expect((await transitionAppeal(payload, handler, appeal.id, { to: 'not-considered', comment: 'Не указаны контактные данные для ответа' })).ok).toBe(true);
    const [notice] = await noticesOf(appeal.id);
    expect(notice).toMatchObject({ decision: 'not-considered', channel: 'none', state: 'no-contact' });
    expect(notice!.text).toContain('оставлено без рассмотрения: Не указаны контактные данные для ответа.');
  });

  it('a notice waits while SMTP is down and goes out once it is back', async () => {
    const appeal = await complaint({ email: 'retry.client@example.ru', answerChannel: 'email' });
    const port = sink.smtpPort;
    await sink.close();
    try {
      expect((await transitionAppeal(payload, handler, appeal.id, { to: 'needs-info', comment: 'Пришлите копию договора' })).ok).toBe(true);
      const round = await dispatchOutbox(payload);
      expect(round.failed).toBeGreaterThanOrEqual(1);
      expect((await noticesOf(appeal.id))[0]).toMatchObject({ state: 'pending', attempts: 1 });
    } finally {
      sink = await startMailSink({ smtpPort: port, webPort: 0, dir: mailDir });
    }
    // The retry is due after 2 s (outbox.ts RETRY_BASE_MS); a round «later» takes it.
    await dispatchOutbox(payload, new Date(Date.now() + 5_000));
    expect((await mailTo('retry.client@example.ru')).map((letter) => letter.subject)).toEqual([`По обращению № ${appeal.registrationNumber} нужны дополнительные сведения`]);
  });
});

describe('a crash between storing the notice and the decision', () => {
  it('a held notice whose decision reached the history is sent; one whose decision never happened is dropped', async () => {
    const made = await complaint({ email: 'crash.made@example.ru', answerChannel: 'email' });
    const lost = await complaint({ email: 'crash.lost@example.ru', answerChannel: 'email' });
    const at = '2026-11-05T07:00:00.000Z';
    const facts = { decision: 'needs-info' as const, reason: 'Пришлите фото счётчика', deadlineDate: '2026-11-12' };
    const appealOf = async (id: number) => (await payload.findByID({ collection: 'appeals', id, overrideAccess: true, depth: 0 })) as never;
    await holdClientNotice(payload, await appealOf(made.id), facts, at);
    await holdClientNotice(payload, await appealOf(lost.id), facts, at);
    // The process died after the decision of `made` was stored (its history entry is there) and before `lost`'s was.
    await payload.update({ collection: 'appeals', id: made.id, overrideAccess: true, context: { internal: true }, data: { status: 'needs-info', history: [{ from: 'in-progress', to: 'needs-info', at, actor: 'handler' }] } as never });
    // Right away nothing moves: the transition may still be running.
    await dispatchOutbox(payload);
    expect((await noticesOf(made.id)).map((notice) => notice.state)).toEqual(['held']);
    // Two minutes later the sweep settles both.
    await dispatchOutbox(payload, new Date(Date.now() + 120_000));
    await dispatchOutbox(payload, new Date(Date.now() + 120_000));
    expect((await mailTo('crash.made@example.ru')).map((letter) => letter.subject)).toEqual([`По обращению № ${made.registrationNumber} нужны дополнительные сведения`]);
    expect(await mailTo('crash.lost@example.ru')).toEqual([]);
    expect(await noticesOf(lost.id)).toEqual([]);
  });
});

describe('extension caps', () => {
  it('refuses a 9-day extension with the latest allowed date (000 L406: at most 8 calendar days)', async () => {
    const appeal = await complaint({ email: 'nine.days@example.ru' });
    const outcome = await transitionAppeal(payload, handler, appeal.id, { to: 'extended', newDeadline: '2026-11-21', comment: 'Проверка' });
    expect(outcome).toMatchObject({ ok: false, status: 409, message: 'Срок можно продлить не более чем на 8 календарных дней, то есть не позднее 20 ноября 2026 г.' });
    const stored = (await payload.findByID({ collection: 'appeals', id: appeal.id, overrideAccess: true, depth: 0 })) as unknown as { status: string; deadlineDate: string };
    expect(stored).toMatchObject({ status: 'in-progress', deadlineDate: '2026-11-12' });
    expect(await noticesOf(appeal.id)).toEqual([]);
  });

  it('refuses a second extension', async () => {
    const appeal = await complaint({ email: 'twice@example.ru' });
    expect((await transitionAppeal(payload, handler, appeal.id, { to: 'extended', newDeadline: '2026-11-16', comment: 'Проверка' })).ok).toBe(true);
    expect((await transitionAppeal(payload, handler, appeal.id, { to: 'in-progress' })).ok).toBe(true);
    const second = await transitionAppeal(payload, handler, appeal.id, { to: 'extended', newDeadline: '2026-11-18', comment: 'Ещё проверка' });
    expect(second).toMatchObject({ ok: false, status: 409, message: 'Срок рассмотрения этого обращения уже продлевался. Повторное продление стандартом не предусмотрено.' });
  });

  it('under the quality standard an interactive question may be extended up to 10 working days from receipt (001 L769)', async () => {
    await payload.updateGlobal({ slug: 'service-deadlines', overrideAccess: true, data: { policy: 'quality-standard' } as never });
    try {
      // Received Friday 30 October 2026 (12:00 Moscow). Ten working days from the next working day: 2, 3, 5, 6, 9, 10,
      // 11, 12, 13, 16 November (4 November is a holiday) → Monday 16 November.
      const appeal = await storeTestAppeal(payload, { type: 'question', status: 'in-progress', receivedAt: '2026-10-30T09:00:00.000Z', deadlineDate: '2026-11-05', email: 'interactive@example.ru', confirmation: { state: 'not-needed', attempts: 0 } });
      const late = await transitionAppeal(payload, handler, appeal.id, { to: 'extended', newDeadline: '2026-11-17', comment: 'Проверка' });
      expect(late).toMatchObject({ ok: false, message: 'Срок можно продлить не более чем до 10 рабочих дней с даты поступления обращения, то есть не позднее 16 ноября 2026 г.' });
      expect((await transitionAppeal(payload, handler, appeal.id, { to: 'extended', newDeadline: '2026-11-16', comment: 'Проверка' })).ok).toBe(true);
    } finally {
      await payload.updateGlobal({ slug: 'service-deadlines', overrideAccess: true, data: { policy: 'service-standard' } as never });
    }
  });
});

describe('e-mailed appeals take the deadline of what they are', () => {
  it('classified by a handler: a question gets 2 working days, a complaint 10 calendar days, from the receipt', async () => {
    // Received Monday 2 November 2026, 12:00 Moscow: the e-mail row gives 2 + 10 = Thursday 12 November.
    const appeal = await storeTestAppeal(payload, { type: 'email', status: 'registered', receivedAt: '2026-11-02T09:00:00.000Z', deadlineDate: '2026-11-12', email: 'mailed@example.ru', confirmation: { state: 'not-needed', attempts: 0 } });
    const classify = async (classifiedAs: string) => {
      await payload.update({ collection: 'appeals', id: appeal.id, data: { classifiedAs } as never, user: handlerUser, overrideAccess: false });
      return ((await payload.findByID({ collection: 'appeals', id: appeal.id, overrideAccess: true, depth: 0 })) as unknown as { deadlineDate: string }).deadlineDate;
    };
    // A question: 2 working days from the next working day — Tuesday 3 November, then Thursday 5 November (4 November
    // is a holiday).
    expect(await classify('question')).toBe('2026-11-05');
    // A complaint by e-mail is a complaint (000 L695): 2 November + 10 calendar days = Thursday 12 November.
    expect(await classify('complaint')).toBe('2026-11-12');
    // Feedback: 10 calendar days (000 L691) — the same 12 November.
    expect(await classify('feedback')).toBe('2026-11-12');
    // An application: 5 working days — 3, 5, 6, 9, 10 November → Tuesday 10 November.
    expect(await classify('application')).toBe('2026-11-10');
  });
});

describe('surveys', () => {
  async function closed(email: string, fields: Record<string, unknown> = {}) {
    const doc = await storeTestAppeal(payload, { status: 'answered', email, answerChannel: 'email', confirmation: { state: 'not-needed', attempts: 0 }, ...fields });
    expect((await transitionAppeal(payload, handler, doc.id, { to: 'closed' })).ok).toBe(true);
    return doc as { id: number; registrationNumber: string };
  }
  const surveyState = async (id: number) => ((await payload.findByID({ collection: 'appeals', id, overrideAccess: true, depth: 0 })) as unknown as { survey: { state: string } }).survey.state;

  it('asks one client at most once in 3 months (000 L691, L695); the letter names the number, the account and the date (001 L440)', async () => {
    const email = 'surveyed.client@example.ru';
    const first = await closed(email, { accountNumber: '123456789' });
    await sendSurveys(payload, new Date('2026-12-01T10:00:00.000Z'));
    // The fixture's appeals were received on 20 November 2026.
    expect((await mailTo(email)).map((letter) => letter.subject)).toEqual([`Оцените, пожалуйста, ответ на обращение № ${first.registrationNumber} от 20 ноября 2026 г., лицевой счёт 123456789`]);

    // 28 February 2027 is less than 3 months after 1 December 2026: not asked again.
    const second = await closed(email);
    await sendSurveys(payload, new Date('2027-02-28T10:00:00.000Z'));
    expect(await surveyState(second.id)).toBe('recent');
    expect(await mailTo(email)).toHaveLength(1);

    // 2 March 2027 is more than 3 months after: asked.
    const third = await closed(email);
    await sendSurveys(payload, new Date('2027-03-02T10:00:00.000Z'));
    expect(await surveyState(third.id)).toBe('sent');
    expect((await mailTo(email)).map((letter) => letter.subject)).toContain(`Оцените, пожалуйста, ответ на обращение № ${third.registrationNumber} от 20 ноября 2026 г.`);
  });
});
