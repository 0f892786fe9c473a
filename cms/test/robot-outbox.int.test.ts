import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from 'payload';
import { startMailSink, type RunningMailSink } from '@portal/mail-sink/mail-sink';
import { QuestionFormSchema } from '@portal/core/question-form';
import { freePort } from '../../scripts/lib/free-port';
import { startTestCms, type TestCms } from './harness';

/**
 * The robot's fast path: settings read once per process and dropped on every edit, registration numbers
 * reserved in blocks, and the outbox dispatcher — across two Payload instances on one database, as two CMS
 * instances would run.
 */
let first: TestCms;
let second: TestCms;
let a: Payload;
let b: Payload;
let sink: RunningMailSink;
let mailDir: string;
// Each instance has its own module graph (startTestCms resets modules): use each one's own functions.
let modulesA: Modules;
let modulesB: Modules;

interface Modules {
  registerAppeal: typeof import('../src/appeals/intake/register').registerAppeal;
  knownTopicSlugs: typeof import('../src/appeals/intake/register').knownTopicSlugs;
  dispatchOutbox: typeof import('../src/appeals/outbox/outbox').dispatchOutbox;
  startOutboxDispatcher: typeof import('../src/appeals/outbox/outbox').startOutboxDispatcher;
  settings: typeof import('../src/appeals/settings/settings');
}

async function loadModules(): Promise<Modules> {
  const register = await import('../src/appeals/intake/register');
  const outbox = await import('../src/appeals/outbox/outbox');
  return {
    registerAppeal: register.registerAppeal,
    knownTopicSlugs: register.knownTopicSlugs,
    dispatchOutbox: outbox.dispatchOutbox,
    startOutboxDispatcher: outbox.startOutboxDispatcher,
    settings: await import('../src/appeals/settings/settings'),
  };
}

const question = (email: string | undefined, topic = 'pokazaniya') =>
  QuestionFormSchema.parse({
    name: 'Ольга Сергеевна',
    ...(email ? { email } : { phone: '+7 912 345-67-89' }),
    answerChannel: email ? 'email' : 'phone',
    audience: 'fl',
    topic,
    text: 'Когда можно передать показания счётчика в этом месяце?',
    consent: true,
  });
const meta = (idempotencyKey: string | null = null) => ({ ip: '127.0.0.1', userAgent: 'vitest', idempotencyKey });

async function mailTo(address: string) {
  const response = await fetch(`${sink.webUrl}/api/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as { subject: string; text: string }[];
}

beforeAll(async () => {
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-outbox-mail-'));
  const smtpPort = await freePort();
  sink = await startMailSink({ smtpPort, webPort: 0, dir: mailDir });
  first = await startTestCms({ SEED_DEMO: 'on', SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
  a = first.payload;
  modulesA = await loadModules();
  // A second CMS instance on the same database file.
  second = await startTestCms({ SEED_DEMO: 'off', SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, DATABASE_URL: process.env.DATABASE_URL as string });
  b = second.payload;
  modulesB = await loadModules();
}, 240_000);

afterAll(async () => {
  await sink?.close();
  await second?.close();
  await first?.close();
  fs.rmSync(mailDir, { recursive: true, force: true });
});

describe('settings the robot keeps per process', () => {
  // A Monday morning in Moscow, so working and calendar days differ within the deadline.
  const receivedAt = new Date('2026-12-07T07:00:00Z');
  const register = (email: string) => modulesA.registerAppeal(a, 'question', question(email), meta(), { receivedAt });

  it('a changed deadline rule counts for the very next appeal', async () => {
    const before = await register('rule.before@example.ru');
    const rules = ((await a.findGlobal({ slug: 'service-deadlines', overrideAccess: true, depth: 0 })) as { rules?: Record<string, unknown>[] }).rules ?? [];
    const others = rules.filter((rule) => rule.appealType !== 'question').map(({ id: _id, ...rule }) => rule);
    await a.updateGlobal({
      slug: 'service-deadlines',
      overrideAccess: true,
      data: { rules: [...others, { appealType: 'question', days: 40, unit: 'calendar', title: 'Ответ на вопрос' }] } as never,
    });
    const after = await register('rule.after@example.ru');
    // Monday 7 December 2026: 2 working days → Wednesday 9 December; 40 calendar days → Saturday 16 January 2027,
    // a day off, so Monday 18 January (Civil Code art. 193).
    expect(before.deadlineDate).toBe('2026-12-09');
    expect(after.deadlineDate).toBe('2027-01-18');
  });

  it('a holiday added to the production calendar counts for the very next appeal', async () => {
    await a.updateGlobal({
      slug: 'service-deadlines',
      overrideAccess: true,
      data: { rules: [{ appealType: 'question', days: 2, unit: 'working', title: 'Ответ на вопрос' }] } as never,
    });
    const before = await register('calendar.before@example.ru');
    const calendar = (await a.findGlobal({ slug: 'production-calendar', overrideAccess: true, depth: 0 })) as { years?: Record<string, unknown>[] };
    const years = (calendar.years ?? []).map((year) =>
      year.year === 2026 ? { ...year, regionalHolidays: [...((year.regionalHolidays as unknown[]) ?? []), { date: '2026-12-08' }] } : year,
    );
    await a.updateGlobal({ slug: 'production-calendar', overrideAccess: true, data: { years } as never });
    const after = await register('calendar.after@example.ru');
    // Monday 7 December 2026 + 2 working days: Tuesday 8, Wednesday 9; with 8 December a regional holiday: 9, 10.
    expect(before.deadlineDate).toBe('2026-12-09');
    expect(after.deadlineDate).toBe('2026-12-10');
  });

  it('a new topic can be chosen at once, a deleted one no longer', async () => {
    expect(await modulesA.knownTopicSlugs(a)).not.toContain('novaya-tema');
    const topic = await a.create({ collection: 'topics', overrideAccess: true, data: { title: 'Новая тема', slug: 'novaya-tema', _status: 'published' } as never });
    expect(await modulesA.knownTopicSlugs(a)).toContain('novaya-tema');
    const registration = await modulesA.registerAppeal(a, 'question', question('topic.new@example.ru', 'novaya-tema'), meta());
    expect(registration.registrationNumber).toMatch(/^В-/);
    await a.delete({ collection: 'topics', id: topic.id, overrideAccess: true });
    expect(await modulesA.knownTopicSlugs(a)).not.toContain('novaya-tema');
    await expect(modulesA.registerAppeal(a, 'question', question('topic.gone@example.ru', 'novaya-tema'), meta())).rejects.toThrow(/Unknown topic/);
  });
});

describe('two CMS instances on one database', () => {
  it('registration numbers stay unique while both register at once (each reserves its own blocks)', async () => {
    const submit = (payload: Payload, modules: Modules, i: number) => modules.registerAppeal(payload, 'question', question(undefined), meta(`two-instances-${i}`));
    const results = await Promise.all(Array.from({ length: 240 }, (_, i) => (i % 2 === 0 ? submit(a, modulesA, i) : submit(b, modulesB, i))));
    const numbers = results.map((result) => result.registrationNumber);
    expect(new Set(numbers).size).toBe(240);
    const stored = await a.count({ collection: 'appeals', where: { idempotencyKey: { like: 'two-instances-' } }, overrideAccess: true });
    expect(stored.totalDocs).toBe(240);
  });

  it('the same idempotency key on both instances registers one appeal', async () => {
    const [x, y] = await Promise.all([
      modulesA.registerAppeal(a, 'question', question('double.both@example.ru'), meta('same-key-both')),
      modulesB.registerAppeal(b, 'question', question('double.both@example.ru'), meta('same-key-both')),
    ]);
    expect(y.registrationNumber).toBe(x.registrationNumber);
    await Promise.all([modulesA.dispatchOutbox(a), modulesB.dispatchOutbox(b)]);
    expect(await mailTo('double.both@example.ru')).toHaveLength(1);
  });

  it('dispatchers running in both instances send each confirmation exactly once', async () => {
    const addresses = Array.from({ length: 150 }, (_, i) => `once.${i}@example.ru`);
    await Promise.all(addresses.map((email, i) => (i % 2 === 0 ? modulesA : modulesB).registerAppeal(i % 2 === 0 ? a : b, 'question', question(email), meta())));
    // Both dispatchers compete for the same rows, several rounds each.
    await Promise.all([1, 2, 3].flatMap(() => [modulesA.dispatchOutbox(a), modulesB.dispatchOutbox(b)]));
    // A send that failed on a loaded machine waits for its retry (2 s, 4 s …): keep both competing until the
    // outbox is empty (bounded), then every letter must have arrived exactly once.
    const pendingNow = async () => (await a.count({ collection: 'appeals', where: { 'confirmation.state': { equals: 'pending' } }, overrideAccess: true })).totalDocs;
    const settleBy = Date.now() + 90_000;
    while ((await pendingNow()) > 0 && Date.now() < settleBy) {
      await Promise.all([modulesA.dispatchOutbox(a), modulesB.dispatchOutbox(b)]);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const counts = await Promise.all(addresses.map(async (address) => (await mailTo(address)).length));
    expect(counts.filter((count) => count !== 1)).toEqual([]);
    const pending = await a.count({ collection: 'appeals', where: { 'confirmation.state': { equals: 'pending' } }, overrideAccess: true });
    expect(pending.totalDocs).toBe(0);
  }, 150_000);

  it('the in-process dispatchers send what registrations wake them for, without any job', async () => {
    // A poll far longer than the test: after their first (empty) round the dispatchers sleep, so only the wake-up
    // of each registration can send its letter — a broken wake() leaves all forty pending.
    const dispatchers = [modulesA.startOutboxDispatcher(a, 3_600_000), modulesB.startOutboxDispatcher(b, 3_600_000)];
    try {
      // Let both finish their first round (nothing is pending yet) and fall asleep.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const addresses = Array.from({ length: 40 }, (_, i) => `woken.${i}@example.ru`);
      await Promise.all(addresses.map((email, i) => (i % 2 === 0 ? modulesA : modulesB).registerAppeal(i % 2 === 0 ? a : b, 'question', question(email), meta())));
      // Bounded wait for the letters; the assertion is on what arrived, not on how fast.
      for (let i = 0; i < 100; i++) {
        const pending = await a.count({ collection: 'appeals', where: { 'confirmation.state': { equals: 'pending' } }, overrideAccess: true });
        if (pending.totalDocs === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      // One request at a time: forty at once were reset by the sink's web server on a loaded machine.
      const counts: number[] = [];
      for (const address of addresses) counts.push((await mailTo(address)).length);
      expect(counts.filter((count) => count !== 1)).toEqual([]);
    } finally {
      await Promise.all(dispatchers.map((dispatcher) => dispatcher.stop()));
    }
  });
});

describe('the handlers notice in the outbox', () => {
  it('a complaint notifies the handlers once through the dispatcher; a question does not', async () => {
    await a.updateGlobal({ slug: 'company-settings', overrideAccess: true, data: { handlersEmail: 'handlers.outbox@example-energo.ru' } as never });
    const complaint = await modulesA.registerAppeal(a, 'complaint', question('complaint.client@example.ru'), meta());
    const plain = await modulesA.registerAppeal(a, 'question', question('question.client@example.ru'), meta());
    const stored = await a.find({ collection: 'appeals', where: { registrationNumber: { in: [complaint.registrationNumber, plain.registrationNumber] } }, overrideAccess: true, depth: 0 });
    const states = Object.fromEntries(stored.docs.map((doc) => [doc.registrationNumber, (doc as unknown as { handlerNotice: { state: string } }).handlerNotice.state]));
    expect(states[complaint.registrationNumber]).toBe('pending');
    expect(states[plain.registrationNumber]).toBe('not-needed');
    await Promise.all([modulesA.dispatchOutbox(a), modulesB.dispatchOutbox(b)]);
    await modulesA.dispatchOutbox(a);
    const notices = await mailTo('handlers.outbox@example-energo.ru');
    expect(notices.map((mail) => mail.subject)).toEqual([`Новое обращение № ${complaint.registrationNumber}`]);
  });
});
