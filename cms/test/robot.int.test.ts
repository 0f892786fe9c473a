import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from 'payload';
import { startMailSink, type RunningMailSink } from '@portal/mail-sink/mail-sink';
import { QuestionFormSchema } from '@portal/core/question-form';
import { registerAppeal } from '../src/appeals/intake/register';
import { sweepConfirmations } from '../src/appeals/outbox/jobs';
import { CLAIM_MS } from '../src/appeals/outbox/outbox';
import { freePort } from '../../scripts/lib/free-port';
import { databaseTargets } from './database-targets';
import { startTestCms, type TestCms } from './harness';

let cms: TestCms;
let payload: Payload;
let sink: RunningMailSink;
let smtpPort: number;
let mailDir: string;

const question = (email: string | undefined, extra: Record<string, unknown> = {}) =>
  QuestionFormSchema.parse({
    name: 'Ольга Сергеевна',
    ...(email ? { email } : { phone: '+7 912 345-67-89' }),
    answerChannel: email ? 'email' : 'phone',
    audience: 'fl',
    topic: 'pokazaniya',
    text: 'Когда можно передать показания счётчика в этом месяце?',
    consent: true,
    ...extra,
  });
const meta = (idempotencyKey: string | null = null) => ({ ip: '127.0.0.1', userAgent: 'vitest', idempotencyKey });
/** The instant of a Moscow wall-clock time (UTC+3 all year). */
const moscow = (localDateTime: string) => new Date(`${localDateTime}+03:00`);

async function startSink() {
  sink = await startMailSink({ smtpPort, webPort: 0, dir: mailDir });
}
async function mailTo(address: string) {
  const response = await fetch(`${sink.webUrl}/api/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as { subject: string; text: string; html: string | false }[];
}
async function appealByNumber(registrationNumber: string) {
  const found = await payload.find({ collection: 'appeals', where: { registrationNumber: { equals: registrationNumber } }, overrideAccess: true, depth: 0 });
  return found.docs[0] as unknown as { id: number; confirmation: { state: string; attempts: number; lastError: string | null }; deadlineDate: string; consent: { version: string; ip: string } };
}

describe.each(databaseTargets())('on $name', (target) => {
  beforeAll(async () => {
    smtpPort = await freePort();
    mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-robot-mail-'));
    await startSink();
    cms = await startTestCms({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, SEED_DEMO: 'on' }, target);
    payload = cms.payload;
  }, 180_000);

  afterAll(async () => {
    await sink?.close();
    await cms?.close();
    fs.rmSync(mailDir, { recursive: true, force: true });
  });

  describe('mail robot: registration and confirmation', () => {
    it('stores the appeal with its number and deadline before answering, then the job e-mails the client', async () => {
      // Friday 27 November 2026, noon in Moscow: two working days counted from Monday → Tuesday 1 December.
      const registration = await registerAppeal(payload, 'question', question('client.one@example.ru'), meta(), { receivedAt: moscow('2026-11-27T12:00:00') });
      expect(registration.registrationNumber).toMatch(/^В-2026-\d{6}$/);
      expect(registration.deadlineDate).toBe('2026-12-01');
      expect(registration.deadlineText).toBe('1 декабря 2026 г.');

      const stored = await appealByNumber(registration.registrationNumber);
      expect(stored.confirmation.state).toBe('pending');
      expect(stored.consent.version).toBeTruthy();
      expect(stored.consent.ip).toBe('127.0.0.1');

      await payload.jobs.run();
      const mails = await mailTo('client.one@example.ru');
      expect(mails).toHaveLength(1);
      expect(mails[0]?.subject).toContain(registration.registrationNumber);
      expect(mails[0]?.text).toContain(registration.registrationNumber);
      expect(mails[0]?.text).toContain(registration.deadlineText);
      expect(mails[0]?.text).toContain('Ольга Сергеевна');
      expect((await appealByNumber(registration.registrationNumber)).confirmation.state).toBe('sent');
    });

    // A question is answered within 2 working days counted from the day after receipt (the seeded calendar: the 2026
    // decree and the statutory 2027). Worked out by hand from the decree, not from the code.
    it.each([
      ['a weekend: Saturday 28 November 2026 → Monday 30 Nov, Tuesday 1 Dec', '2026-11-28T10:00:00', '2026-12-01', '1 декабря 2026 г.'],
      ['a holiday: Wednesday 4 November 2026 (Unity Day) → Thursday 5, Friday 6 Nov', '2026-11-04T11:00:00', '2026-11-06', '6 ноября 2026 г.'],
      ['a shortened day after its end: Tuesday 3 November 2026 16:30 (closes at 16:00) → 5, 6 Nov', '2026-11-03T16:30:00', '2026-11-06', '6 ноября 2026 г.'],
      ['a transferred day off: Tuesday 29 December 2026 → Wednesday 30 Dec, then 31 Dec (day off moved from 4 Jan) and 1–10 Jan off → Monday 11 January 2027', '2026-12-29T12:00:00', '2027-01-11', '11 января 2027 г.'],
      ['a holiday moved from Saturday 9 May 2026 to Monday 11 May: Friday 8 May → Tuesday 12, Wednesday 13 May', '2026-05-08T12:00:00', '2026-05-13', '13 мая 2026 г.'],
    ])('registers a question received on %s with the deadline written out by hand', async (_case, localReceipt, deadlineDate, deadlineText) => {
      const registration = await registerAppeal(payload, 'question', question(`deadline.${localReceipt.slice(0, 10)}@example.ru`), meta(), { receivedAt: moscow(localReceipt) });
      expect(registration.deadlineDate).toBe(deadlineDate);
      expect(registration.deadlineText).toBe(deadlineText);
      expect((await appealByNumber(registration.registrationNumber)).deadlineDate).toBe(deadlineDate);
    });

    it('a double submit with the same idempotency key registers one appeal and sends one e-mail', async () => {
      const [first, second] = await Promise.all([
        registerAppeal(payload, 'question', question('client.two@example.ru'), meta('key-two')),
        registerAppeal(payload, 'question', question('client.two@example.ru'), meta('key-two')),
      ]);
      expect(second.registrationNumber).toBe(first.registrationNumber);
      const third = await registerAppeal(payload, 'question', question('client.two@example.ru'), meta('key-two'));
      expect(third.registrationNumber).toBe(first.registrationNumber);
      await payload.jobs.run();
      expect(await mailTo('client.two@example.ru')).toHaveLength(1);
    });

    it('concurrent submissions get distinct consecutive numbers', async () => {
      const results = await Promise.all(
        Array.from({ length: 25 }, (_, i) => registerAppeal(payload, 'question', question(undefined, { text: `Параллельный вопрос номер ${i}, проверка.` }), meta())),
      );
      const sequences = results.map((result) => Number(result.registrationNumber.split('-')[2])).sort((a, b) => a - b);
      expect(new Set(sequences).size).toBe(25);
      expect((sequences.at(-1) ?? 0) - (sequences[0] ?? 0)).toBe(24);
    });

    it('an appeal without an e-mail needs no confirmation and never enters the outbox', async () => {
      const registration = await registerAppeal(payload, 'question', question(undefined), meta());
      expect((await appealByNumber(registration.registrationNumber)).confirmation.state).toBe('not-needed');
    });

    it('while the SMTP server is down the confirmation waits, records the failure without the address, and goes out once it is back', async () => {
      await sink.close();
      const registration = await registerAppeal(payload, 'question', question('client.three@example.ru'), meta());
      await payload.jobs.run();
      const waiting = await appealByNumber(registration.registrationNumber);
      expect(waiting.confirmation.state).toBe('pending');
      expect(waiting.confirmation.attempts).toBe(1);
      expect(waiting.confirmation.lastError).toBeTruthy();
      expect(waiting.confirmation.lastError).not.toContain('client.three@example.ru');

      await startSink();
      // The retry is scheduled with backoff; run until it has gone out (bounded).
      for (let i = 0; i < 20 && (await appealByNumber(registration.registrationNumber)).confirmation.state !== 'sent'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        await payload.jobs.run();
      }
      expect((await appealByNumber(registration.registrationNumber)).confirmation.state).toBe('sent');
      expect(await mailTo('client.three@example.ru')).toHaveLength(1);
    }, 60_000);

    it('an appeal whose dispatch was lost (process killed right after storing it) is sent by the sweep, once', async () => {
      const registration = await registerAppeal(payload, 'question', question('client.four@example.ru'), meta());
      // Simulate the crash: nothing but the stored row survives — no queued dispatch, no in-memory wake-up.
      await payload.delete({ collection: 'payload-jobs', where: { completedAt: { exists: false } }, overrideAccess: true });
      await payload.jobs.run();
      expect(await mailTo('client.four@example.ru')).toHaveLength(0);
      expect((await appealByNumber(registration.registrationNumber)).confirmation.state).toBe('pending');

      const sent = await sweepConfirmations(payload, new Date(Date.now() + 60_000));
      expect(sent).toBeGreaterThanOrEqual(1);
      expect(await mailTo('client.four@example.ru')).toHaveLength(1);
      // A second sweep finds nothing left to do.
      await sweepConfirmations(payload, new Date(Date.now() + 120_000));
      await payload.jobs.run();
      expect(await mailTo('client.four@example.ru')).toHaveLength(1);
    });

    it('a letter held by a dispatcher that died is sent once its hold runs out, not before', async () => {
      const registration = await registerAppeal(payload, 'question', question('client.five@example.ru'), meta());
      const stored = await appealByNumber(registration.registrationNumber);
      // Another process took the letter and died before sending it.
      const heldUntil = new Date(Date.now() + CLAIM_MS).toISOString();
      await payload.update({ collection: 'appeals', id: stored.id, overrideAccess: true, data: { confirmation: { claimedUntil: heldUntil } } as never });
      await payload.jobs.run();
      await sweepConfirmations(payload);
      expect(await mailTo('client.five@example.ru')).toHaveLength(0);
      await sweepConfirmations(payload, new Date(Date.now() + CLAIM_MS + 60_000));
      expect(await mailTo('client.five@example.ru')).toHaveLength(1);
      expect((await appealByNumber(registration.registrationNumber)).confirmation.state).toBe('sent');
    });
  });
});
