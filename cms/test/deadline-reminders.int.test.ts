import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from 'payload';
import { startMailSink, type RunningMailSink } from '@portal/mail-sink/mail-sink';
import { sendDeadlineReminders } from '../src/appeals/handling/deadline-reminders';
import { transitionAppeal } from '../src/appeals/handling/transition';
import { freePort } from '../../scripts/lib/free-port';
import { createStaff, startTestCms, type TestCms } from './harness';
import { storeTestAppeal } from './support/appeal-fixture';

const HANDLERS = 'handlers@example-energo.ru';
/** 10:00 in Moscow on the given date. */
const moscowMorning = (isoDate: string) => new Date(`${isoDate}T07:00:00.000Z`);

let cms: TestCms;
let payload: Payload;
let sink: RunningMailSink;
let mailDir: string;
let assignee: { id: number | string; email: string };

async function mailTo(address: string) {
  const response = await fetch(`${sink.webUrl}/api/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as { subject: string; text: string }[];
}

async function openAppeal(deadlineDate: string, extra: Record<string, unknown> = {}) {
  return storeTestAppeal(payload, {
    type: 'complaint',
    status: 'in-progress',
    receivedAt: '2026-10-20T09:00:00.000Z',
    deadlineDate,
    name: 'Пётр Ильич',
    email: 'petr@example.ru',
    text: 'Жалоба на начисление за октябрь.',
    ...extra,
  });
}

beforeAll(async () => {
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-reminders-mail-'));
  const smtpPort = await freePort();
  sink = await startMailSink({ smtpPort, webPort: 0, dir: mailDir });
  cms = await startTestCms({ SEED_DEMO: 'on', SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
  payload = cms.payload;
  await payload.updateGlobal({ slug: 'company-settings', overrideAccess: true, data: { handlersEmail: HANDLERS } as never });
  assignee = (await createStaff(payload, 'ivanova@example-energo.ru', ['handler'])) as unknown as { id: number; email: string };
}, 180_000);
afterAll(async () => {
  await sink?.close();
  await cms?.close();
  fs.rmSync(mailDir, { recursive: true, force: true });
});

describe('deadline reminders with a fixed clock', () => {
  it('reminds one working day before (skipping the 4 November holiday) and on the deadline day, once each, never on a day off', async () => {
    const assigned = await openAppeal('2026-11-05', { assignee: assignee.id });
    const shared = await openAppeal('2026-11-05');
    await openAppeal('2026-11-05', { status: 'answered' });
    const friday = await openAppeal('2026-11-06');

    // Monday 2 November: the next working day is the 3rd, no deadline yet.
    expect(await sendDeadlineReminders(payload, moscowMorning('2026-11-02'))).toEqual([]);

    // Tuesday 3 November: the 4th is a public holiday, so the 5th is the next working day.
    const tuesday = await sendDeadlineReminders(payload, moscowMorning('2026-11-03'));
    expect(tuesday).toEqual([
      { registrationNumber: assigned.registrationNumber, kind: 'day-before', to: assignee.email },
      { registrationNumber: shared.registrationNumber, kind: 'day-before', to: HANDLERS },
    ]);
    const letters = await mailTo(assignee.email);
    expect(letters).toHaveLength(1);
    expect(letters[0]?.subject).toBe(`Срок завтра: обращение № ${assigned.registrationNumber}`);
    expect(letters[0]?.text).toContain('5 ноября 2026');
    // No client data in the letter.
    expect(letters[0]?.text).not.toContain('Пётр');
    expect(letters[0]?.text).not.toContain('petr@example.ru');

    // The job runs hourly: a second run the same day sends nothing new.
    expect(await sendDeadlineReminders(payload, new Date('2026-11-03T12:00:00.000Z'))).toEqual([]);
    // The holiday itself: nothing.
    expect(await sendDeadlineReminders(payload, moscowMorning('2026-11-04'))).toEqual([]);

    const thursday = await sendDeadlineReminders(payload, moscowMorning('2026-11-05'));
    expect(thursday.map((sent) => [sent.registrationNumber, sent.kind])).toEqual([
      [assigned.registrationNumber, 'due-day'],
      [shared.registrationNumber, 'due-day'],
      // Thursday is the working day before Friday's deadline.
      [friday.registrationNumber, 'day-before'],
    ]);
    expect((await mailTo(assignee.email)).map((letter) => letter.subject)).toContain(`Срок сегодня: обращение № ${assigned.registrationNumber}`);
    expect(await mailTo(HANDLERS)).toHaveLength(3);
  });

  it('an extension makes the reminders due again for the new deadline; settled appeals get none', async () => {
    const appeal = await openAppeal('2026-11-12', { assignee: assignee.id });
    expect((await sendDeadlineReminders(payload, moscowMorning('2026-11-11'))).map((sent) => sent.registrationNumber)).toContain(appeal.registrationNumber);

    const handler = { user: { ...(assignee as object), roles: ['handler'], collection: 'users' } } as never;
    const extended = await transitionAppeal(payload, handler, appeal.id, { to: 'extended', newDeadline: '2026-11-16', comment: 'Нужен акт проверки прибора учёта' });
    expect(extended.ok).toBe(true);

    // Friday 13 November: the next working day is Monday the 16th, the new deadline.
    const friday = await sendDeadlineReminders(payload, moscowMorning('2026-11-13'));
    expect(friday).toContainEqual({ registrationNumber: appeal.registrationNumber, kind: 'day-before', to: assignee.email });

    const answered = await transitionAppeal(payload, handler, appeal.id, { to: 'answered', answer: 'Перерасчёт выполнен, подробности в письме.' });
    expect(answered.ok).toBe(true);
    expect(await sendDeadlineReminders(payload, moscowMorning('2026-11-16'))).toEqual([]);
  });
});
