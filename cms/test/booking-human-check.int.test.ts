import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload, PayloadRequest } from 'payload';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { HUMAN_CHECK_MESSAGES } from '@portal/core/human-check';
import { issueChallenge } from '../src/appeals/intake/human-check';
import { endpoints } from '../src/endpoints';
import { startTestCms, type TestCms } from './harness';

/*
 * Booking a visit needs the forms' proof-of-work (issue 20, «as on forms»): the island sends a solved ALTCHA challenge
 * in `altcha`, each solution books once, and only the public server's page without JavaScript (its header) books
 * without one. Real Payload on SQLite with the demo office, the endpoints called as the CMS routes them.
 */

let cms: TestCms;
let payload: Payload;
const OFFICE = 'severo-ozersk-centralnyy';
const TOPIC = 'dogovor';

async function call(method: 'get' | 'post', path: string, body?: unknown, headers: Record<string, string> = {}) {
  const pathname = path.split('?')[0]!;
  const endpoint = endpoints.find((candidate) => candidate.path === pathname && candidate.method === method)!;
  const url = `http://cms.local/api${path}`;
  const request = new Request(url, method === 'post' ? { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) } : {});
  const response = await endpoint.handler(Object.assign(request, { payload }) as unknown as PayloadRequest);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function solved(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

/** Free times of the demo office's «Договор», as the steps list them. */
async function freeTimes(): Promise<{ date: string; time: string }[]> {
  const answer = await call('get', `/forms/booking/slots?office=${OFFICE}&topic=${TOPIC}`);
  return ((answer.body.days as { date: string; times: string[] }[]) ?? []).flatMap((day) => day.times.map((time) => ({ date: day.date, time })));
}

let n = 0;
const booking = (at: { date: string; time: string }, extra: Record<string, unknown> = {}) => {
  n += 1;
  return { office: OFFICE, topic: TOPIC, ...at, name: 'Ирина Соколова', email: `visit-${n}@example.ru`, consent: true, ...extra };
};
const bookings = async () => (await payload.count({ collection: 'bookings', overrideAccess: true })).totalDocs;

beforeAll(async () => {
  cms = await startTestCms({ SEED_DEMO: 'on', SMTP_URL: 'smtp://127.0.0.1:9', ALTCHA_HMAC_KEY: 'altcha-test-key-0123456789' });
  payload = cms.payload;
}, 180_000);
afterAll(async () => cms?.close());

describe('proof-of-work on bookings, as on the forms', () => {
  it('refuses a booking without a solution, or with one made up, in Russian, and books nothing', async () => {
    const [at] = await freeTimes();
    expect(at).toBeDefined();
    const none = await call('post', '/forms/booking', booking(at!));
    expect(none).toMatchObject({ status: 400, body: { message: HUMAN_CHECK_MESSAGES.missing } });
    const challenge = await issueChallenge(Date.now() - 5_000);
    const madeUp = Buffer.from(JSON.stringify({ challenge, solution: { counter: 1, derivedKey: '00' } })).toString('base64');
    const guessed = await call('post', '/forms/booking', booking(at!, { altcha: madeUp }));
    expect(guessed).toMatchObject({ status: 400, body: { message: HUMAN_CHECK_MESSAGES.missing } });
    expect(await bookings()).toBe(0);
  });

  it('books with a solved challenge; the same solution sent again for another time is refused', async () => {
    const [first, second] = await freeTimes();
    const altcha = await solved(await issueChallenge(Date.now() - 5_000));
    const booked = await call('post', '/forms/booking', booking(first!, { altcha }));
    expect(booked.status).toBe(201);
    expect(booked.body.code).toMatch(/^З-[2-9A-Z]{6}$/);
    const replay = await call('post', '/forms/booking', booking(second!, { altcha }));
    expect(replay).toMatchObject({ status: 400, body: { message: HUMAN_CHECK_MESSAGES.used } });
    expect(await bookings()).toBe(1);
  });

  it('a booking refused for a field keeps its solution: corrected, it books with the same one', async () => {
    const [, , at] = await freeTimes();
    const altcha = await solved(await issueChallenge(Date.now() - 5_000));
    const noConsent = await call('post', '/forms/booking', booking(at!, { altcha, consent: false }));
    expect(noConsent.status).toBe(400);
    expect((await call('post', '/forms/booking', booking(at!, { altcha }))).status).toBe(201);
  });

  it('the page without JavaScript books without a solution only through the public server, marked by its header', async () => {
    const times = await freeTimes();
    const at = times[times.length - 1]!;
    const before = await bookings();
    const marked = await call('post', '/forms/booking', booking(at), { 'x-portal-noscript-form': '1' });
    expect(marked.status).toBe(201);
    expect(await bookings()).toBe(before + 1);
  });
});
