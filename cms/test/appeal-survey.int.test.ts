import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload, PayloadRequest } from 'payload';
import { startMailSink, type RunningMailSink } from '@portal/mail-sink/mail-sink';
import { sendSurveys } from '../src/appeals/handling/survey';
import { transitionAppeal } from '../src/appeals/handling/transition';
import { endpoints } from '../src/endpoints';
import { freePort } from '../../scripts/lib/free-port';
import { createStaff, startTestCms, type TestCms } from './harness';
import { storeTestAppeal } from './support/appeal-fixture';

let cms: TestCms;
let payload: Payload;
let sink: RunningMailSink;
let mailDir: string;
let handler: never;

async function mailTo(address: string) {
  const response = await fetch(`${sink.webUrl}/api/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as { subject: string; text: string }[];
}

async function rate(body: unknown) {
  const endpoint = endpoints.find((candidate) => candidate.path === '/forms/survey' && candidate.method === 'post')!;
  const request = new Request('http://cms.local/api/forms/survey', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const response = await endpoint.handler(Object.assign(request, { payload }) as unknown as PayloadRequest);
  return { status: response.status, body: (await response.json()) as { message: string } };
}

/** An answered appeal, closed by the handler. */
async function closedAppeal(email: string | null) {
  const doc = await storeTestAppeal(payload, {
    status: 'answered',
    email,
    phone: email ? null : '+79123456789',
    answerChannel: email ? 'email' : 'phone',
    text: 'Вопрос о показаниях.',
  });
  expect((await transitionAppeal(payload, handler, doc.id, { to: 'closed' })).ok).toBe(true);
  return doc as { id: number; registrationNumber: string };
}

beforeAll(async () => {
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-survey-mail-'));
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

describe('satisfaction survey after closing', () => {
  it('closing queues the survey; the job e-mails a private link once; the client rates once', async () => {
    const appeal = await closedAppeal('survey.client@example.ru');
    const noEmail = await closedAppeal(null);
    expect(await sendSurveys(payload)).toBe(1);
    expect(await sendSurveys(payload)).toBe(0);
    const letters = await mailTo('survey.client@example.ru');
    expect(letters).toHaveLength(1);
    expect(letters[0]?.subject).toContain(appeal.registrationNumber);
    const token = /https:\/\/energo\.example\.ru\/otsenka\/#t=([A-Za-z0-9_-]{43})/.exec(letters[0]?.text ?? '')?.[1];
    expect(token).toBeDefined();

    expect((await rate({ token, rating: 7 })).status).toBe(400);
    expect((await rate({ token: 'B'.repeat(43), rating: 5 })).status).toBe(404);
    const first = await rate({ token, rating: 4, comment: 'Ответили понятно, но хотелось бы быстрее.' });
    expect(first.status).toBe(201);
    const second = await rate({ token, rating: 1 });
    expect(second.status).toBe(409);

    const stored = (await payload.findByID({ collection: 'appeals', id: appeal.id, overrideAccess: true, depth: 0 })) as unknown as { survey: { state: string; rating: number; comment: string; ratedAt: string; tokenHash: string } };
    expect(stored.survey).toMatchObject({ state: 'sent', rating: 4, comment: 'Ответили понятно, но хотелось бы быстрее.' });
    expect(stored.survey.tokenHash).not.toBe(token);
    const withoutEmail = (await payload.findByID({ collection: 'appeals', id: noEmail.id, overrideAccess: true, depth: 0 })) as unknown as { survey: { state: string } };
    expect(withoutEmail.survey.state).toBe('not-needed');
  });

  it('the quality report endpoint counts the period, includes the rating, exports CSV, and is for handlers and admins only', async () => {
    const endpoint = endpoints.find((candidate) => candidate.path === '/appeals-report')!;
    const call = async (query: string, user: unknown) => {
      const request = new Request(`http://cms.local/api/appeals-report${query}`);
      return endpoint.handler(Object.assign(request, { payload, user }) as unknown as PayloadRequest);
    };
    const user = (handler as { user: unknown }).user;
    const json = await call('?from=2026-11-01&to=2026-11-30', user);
    expect(json.status).toBe(200);
    const report = (await json.json()) as { total: number; byType: Record<string, number>; satisfaction: { count: number; average: number } };
    expect(report.total).toBe(2);
    expect(report.byType).toEqual({ question: 2 });
    expect(report.satisfaction).toMatchObject({ count: 1, average: 4 });
    const csv = await call('?from=2026-11-01&to=2026-11-30&format=csv', user);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toContain('всего;обращений;2');
    expect((await call('?from=2026-12-01&to=2026-11-01', user)).status).toBe(400);
    const editor = await createStaff(payload, 'editor@example-energo.ru', ['editor']);
    expect((await call('', editor)).status).toBe(403);
    expect((await call('', null)).status).toBe(403);
  });
});
