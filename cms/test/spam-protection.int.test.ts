import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload, PayloadRequest } from 'payload';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { HUMAN_CHECK_MESSAGES } from '@portal/core/human-check';
import { EMAIL_RATE_LIMITED_MESSAGE } from '@portal/api/appeal-form-endpoint';
import { issueChallenge } from '../src/appeals/intake/human-check';
import { deleteExpiredChallenges } from '../src/appeals/intake/human-check-once';
import { endpoints } from '../src/endpoints';
import { startTestCms, type TestCms } from './harness';

let cms: TestCms;
let payload: Payload;

const question = (email: string) => ({
  name: 'Ольга Сергеевна',
  email,
  phone: '',
  answerChannel: 'email',
  postalAddress: '',
  audience: 'fl',
  topic: 'oplata',
  accountNumber: '',
  text: 'Как оплатить счёт без комиссии?',
  consent: true,
  website: '',
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const endpoint = endpoints.find((candidate) => candidate.path === path && candidate.method === 'post')!;
  const request = new Request(`http://cms.local/api${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const response = await endpoint.handler(Object.assign(request, { payload }) as unknown as PayloadRequest);
  return { status: response.status, body: (await response.json()) as { message: string; registrationNumber?: string } };
}

/** What the browser sends in `altcha`: the challenge and its solution, base64 JSON. */
async function solved(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

beforeAll(async () => {
  cms = await startTestCms({ SEED_DEMO: 'on', SMTP_URL: 'smtp://127.0.0.1:9', ALTCHA_HMAC_KEY: 'altcha-test-key-0123456789', APPEALS_PER_EMAIL_PER_HOUR: '2' });
  payload = cms.payload;
}, 180_000);
afterAll(async () => {
  await cms?.close();
});

describe('spam protection without third-party services', () => {
  it('the challenge endpoint hands out a signed proof-of-work challenge', async () => {
    const endpoint = endpoints.find((candidate) => candidate.path === '/forms/challenge')!;
    const response = await endpoint.handler(Object.assign(new Request('http://cms.local/api/forms/challenge'), { payload }) as unknown as PayloadRequest);
    const body = (await response.json()) as { enabled: boolean; challenge: Challenge };
    expect(body.enabled).toBe(true);
    expect(body.challenge.signature).toBeTruthy();
    expect(body.challenge.parameters.data?.issuedAt).toBeTypeOf('number');
  });

  it('refuses a bot that sends a form without solving a challenge, at any speed', async () => {
    const none = await post('/forms/question', question('nobody@example.ru'));
    expect(none).toMatchObject({ status: 400, body: { message: HUMAN_CHECK_MESSAGES.missing } });
    // A challenge fetched but not solved: its own solution field is made up.
    const challenge = await issueChallenge(Date.now() - 60_000);
    const unsolved = Buffer.from(JSON.stringify({ challenge, solution: { counter: 1, derivedKey: '00' } })).toString('base64');
    const guessed = await post('/forms/complaint', { ...question('bot@example.ru'), text: 'Жалоба, отправленная программой без решения.', altcha: unsolved });
    expect(guessed).toMatchObject({ status: 400, body: { message: HUMAN_CHECK_MESSAGES.missing } });
    expect((await payload.count({ collection: 'appeals', overrideAccess: true })).totalDocs).toBe(0);
  });

  it('accepts an autofilled form sent 2 s after the page loaded, its challenge solved in the background', async () => {
    // The page fetched the challenge on load; the browser filled every field in at once and the person sent it.
    const altcha = await solved(await issueChallenge(Date.now() - 2_000));
    const autofilled = await post('/forms/complaint', { ...question('autofill@example.ru'), text: 'Жалоба из формы, заполненной браузером.', altcha });
    expect(autofilled.status).toBe(201);
    expect(autofilled.body.registrationNumber).toMatch(/^Ж-\d{4}-\d{6}$/);
  });

  it('refuses a challenge whose issue time was changed (the signature covers it)', async () => {
    const challenge = await issueChallenge(Date.now() - 10_000);
    const forged = { ...challenge, parameters: { ...challenge.parameters, data: { issuedAt: 0 } } };
    const response = await post('/forms/question', { ...question('forged@example.ru'), altcha: await solved(forged) });
    expect(response).toMatchObject({ status: 400, body: { message: HUMAN_CHECK_MESSAGES.missing } });
  });

  it('accepts a solved challenge and limits appeals per e-mail address', async () => {
    const altcha = async () => solved(await issueChallenge(Date.now() - 5_000));
    expect((await post('/forms/question', { ...question('busy@example.ru'), altcha: await altcha() })).status).toBe(201);
    expect((await post('/forms/question', { ...question('busy@example.ru'), altcha: await altcha() })).status).toBe(201);
    const third = await post('/forms/question', { ...question('busy@example.ru'), altcha: await altcha() });
    expect(third).toMatchObject({ status: 429, body: { message: EMAIL_RATE_LIMITED_MESSAGE } });
    expect((await post('/forms/question', { ...question('other@example.ru'), altcha: await altcha() })).status).toBe(201);
  });

  it('counts the per-address limit whatever the case and spaces the address is typed with', async () => {
    const altcha = async () => solved(await issueChallenge(Date.now() - 5_000));
    expect((await post('/forms/question', { ...question('Mixed.Case@Example.RU'), altcha: await altcha() })).status).toBe(201);
    expect((await post('/forms/question', { ...question('  mixed.case@example.ru '), altcha: await altcha() })).status).toBe(201);
    const third = await post('/forms/complaint', { ...question('MIXED.CASE@EXAMPLE.RU'), text: 'Третье обращение с того же адреса за час.', altcha: await altcha() });
    expect(third).toMatchObject({ status: 429, body: { message: EMAIL_RATE_LIMITED_MESSAGE } });
    // An address that merely contains the other one is a different address.
    expect((await post('/forms/question', { ...question('xmixed.case@example.ru'), altcha: await altcha() })).status).toBe(201);
  });

  it('a solved challenge is good for one appeal: sending the same solution again is refused', async () => {
    const altcha = await solved(await issueChallenge(Date.now() - 5_000));
    const first = await post('/forms/question', { ...question('once@example.ru'), altcha });
    expect(first.status).toBe(201);
    const before = (await payload.count({ collection: 'appeals', overrideAccess: true })).totalDocs;
    const replay = await post('/forms/question', { ...question('replay@example.ru'), altcha });
    expect(replay).toMatchObject({ status: 400, body: { message: HUMAN_CHECK_MESSAGES.used } });
    // Nor through another form.
    const elsewhere = await post('/forms/feedback', { ...question('replay@example.ru'), rating: 5, altcha });
    expect(elsewhere).toMatchObject({ status: 400, body: { message: HUMAN_CHECK_MESSAGES.used } });
    expect((await payload.count({ collection: 'appeals', overrideAccess: true })).totalDocs).toBe(before);
  });

  it('two replays racing each other register one appeal between them', async () => {
    const altcha = await solved(await issueChallenge(Date.now() - 5_000));
    const answers = await Promise.all(['race.1@example.ru', 'race.2@example.ru', 'race.3@example.ru'].map((email) => post('/forms/question', { ...question(email), altcha })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 400, 400]);
  });

  it('a form refused for a field keeps its solution, and a retry of the same submission (same Idempotency-Key) passes', async () => {
    const altcha = await solved(await issueChallenge(Date.now() - 5_000));
    const invalid = await post('/forms/question', { ...question('fix@example.ru'), text: '', altcha });
    expect(invalid.status).toBe(400);
    const key = { 'Idempotency-Key': 'retry-of-one-submission' };
    const corrected = await post('/forms/question', { ...question('fix@example.ru'), altcha }, key);
    expect(corrected.status).toBe(201);
    // The answer was lost and the browser sends the same submission again: the same appeal, not a refusal.
    const retried = await post('/forms/question', { ...question('fix@example.ru'), altcha }, key);
    expect(retried).toMatchObject({ status: 201, body: { registrationNumber: corrected.body.registrationNumber } });
    expect((await post('/forms/question', { ...question('fix@example.ru'), altcha }, { 'Idempotency-Key': 'another-submission' })).status).toBe(400);
  });

  it('the subscription form’s JSON (the page’s script) needs a solved challenge, good for one request', async () => {
    const form = { email: 'alerts-pow@example.ru', settlements: ['tikhorechye'], kinds: ['planned'], consent: true, website: '' };
    expect(await post('/alerts/subscribe', form)).toMatchObject({ status: 400, body: { message: HUMAN_CHECK_MESSAGES.missing } });
    const altcha = await solved(await issueChallenge(Date.now() - 2_000));
    const accepted = await post('/alerts/subscribe', { ...form, altcha });
    expect(accepted.status).toBe(202);
    expect(accepted.body.message).toMatch(/Мы отправили письмо со ссылкой для подтверждения/);
    expect(await post('/alerts/subscribe', { ...form, altcha })).toMatchObject({ status: 400, body: { message: HUMAN_CHECK_MESSAGES.used } });
  });

  it('spent challenges are kept only until they expire', async () => {
    const spent = async () => (await payload.find({ collection: 'human-check-uses', overrideAccess: true, pagination: false })).docs.length;
    const before = await spent();
    expect(before).toBeGreaterThan(0);
    await payload.create({ collection: 'human-check-uses', overrideAccess: true, data: { challengeHash: 'expired-one', expiresAt: new Date(Date.now() - 1000).toISOString() } as never });
    await deleteExpiredChallenges(payload);
    expect(await spent()).toBe(before);
    await deleteExpiredChallenges(payload, new Date(Date.now() + 2 * 60 * 60 * 1000));
    expect(await spent()).toBe(0);
  });
});
