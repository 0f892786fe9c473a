import type { QuestionForm } from '@portal/core/question-form';
import { describe, expect, it } from 'vitest';
import {
  handleQuestion,
  ServiceUnavailableError,
  type QuestionEndpointDeps,
  type QuestionRegistration,
  type RequestMeta,
} from './question-endpoint';

const VALID = {
  name: 'Анна Петрова',
  email: 'anna@example.ru',
  phone: '',
  answerChannel: 'email',
  postalAddress: '',
  audience: 'fl',
  topic: 'tarify',
  accountNumber: '1234 5678',
  text: 'Как перейти на двухзонный тариф?',
  consent: true,
  website: '',
};

const REGISTRATION: QuestionRegistration = {
  registrationNumber: 'В-2026-000123',
  receivedAt: '2026-11-27T11:05:00.000Z',
  deadlineDate: '2026-12-01',
  deadlineText: '1 декабря 2026 г.',
};

const silent = { error: () => undefined, warn: () => undefined };

/** Fake CMS boundary: records what would have been registered. */
function fakeDeps(overrides: Partial<QuestionEndpointDeps> = {}) {
  const calls: Array<{ input: QuestionForm; meta: RequestMeta }> = [];
  const deps: QuestionEndpointDeps = {
    knownTopics: async () => ['tarify', 'oplata'],
    register: async (input, meta) => {
      calls.push({ input, meta });
      return REGISTRATION;
    },
    logger: silent,
    ...overrides,
  };
  return { deps, calls };
}

function post(body: unknown, headers: Record<string, string> = {}) {
  return new Request('http://cms.local/api/forms/question', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('handleQuestion', () => {
  it('registers a valid question and answers 201 with number, dates and a thank-you', async () => {
    const { deps, calls } = fakeDeps();
    const res = await handleQuestion(
      post(VALID, { 'User-Agent': 'Mozilla/5.0', 'X-Forwarded-For': '203.0.113.7', 'Idempotency-Key': 'f3b0c4-1' }),
      deps,
    );
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({
      ...REGISTRATION,
      message: 'Спасибо! Ваше обращение зарегистрировано под номером В-2026-000123. Мы ответим не позднее 1 декабря 2026 г.',
    });
    expect(calls).toHaveLength(1);
    // What is stored is the schema's output: trimmed, normalised, without the honeypot.
    expect(calls[0]?.input).toMatchObject({ name: 'Анна Петрова', accountNumber: '12345678', topic: 'tarify', consent: true });
    expect(calls[0]?.input.phone).toBeUndefined();
    expect(calls[0]?.meta).toEqual({ ip: '203.0.113.7', userAgent: 'Mozilla/5.0', idempotencyKey: 'f3b0c4-1' });
  });

  it('passes null meta when the headers are absent or the forwarded IP is not an address', async () => {
    const { deps, calls } = fakeDeps();
    await handleQuestion(post(VALID, { 'X-Forwarded-For': 'not-an-ip' }), deps);
    expect(calls[0]?.meta).toEqual({ ip: null, userAgent: null, idempotencyKey: null });
  });

  it('answers 400 with per-field Russian messages and registers nothing', async () => {
    const { deps, calls } = fakeDeps();
    const res = await handleQuestion(post({ ...VALID, email: 'not-an-email', text: 'Коротко', consent: false }), deps);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { message: string; fieldErrors: Record<string, string> };
    expect(body.message).toBe('Проверьте, пожалуйста, поля формы');
    expect(Object.keys(body.fieldErrors).sort()).toEqual(['consent', 'email', 'text']);
    expect(body.fieldErrors.text).toMatch(/подробнее/);
    expect(calls).toHaveLength(0);
  });

  it('reports a topic the CMS does not know as a topic field error', async () => {
    const { deps, calls } = fakeDeps();
    const res = await handleQuestion(post({ ...VALID, topic: 'net-takoy-temy' }), deps);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { fieldErrors: Record<string, string> };
    expect(body.fieldErrors).toEqual({ topic: 'Выберите тему вопроса из списка' });
    expect(calls).toHaveLength(0);
  });

  it('reports an unknown topic together with other field errors', async () => {
    const { deps } = fakeDeps();
    const res = await handleQuestion(post({ ...VALID, topic: 'net-takoy-temy', consent: false }), deps);
    const body = (await res.json()) as { fieldErrors: Record<string, string> };
    expect(Object.keys(body.fieldErrors).sort()).toEqual(['consent', 'topic']);
  });

  it('answers a filled honeypot with a neutral 400 and never registers', async () => {
    const { deps, calls } = fakeDeps();
    const res = await handleQuestion(post({ ...VALID, website: 'http://spam.example' }), deps);
    expect(res.status).toBe(400);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.fieldErrors).toBeUndefined();
    expect(String(body.message)).not.toMatch(/сайт|website|honeypot/i);
    expect(calls).toHaveLength(0);
  });

  it('answers 503 with Retry-After from a temporary registration failure', async () => {
    const { deps } = fakeDeps({
      register: async () => {
        throw new ServiceUnavailableError('database is locked', { retryAfterSeconds: 5 });
      },
    });
    const res = await handleQuestion(post(VALID), deps);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(((await res.json()) as { message: string }).message).toMatch(/^Сервис временно недоступен, попробуйте позже/);
  });

  it('answers 503 without details for any other failure and logs no personal data', async () => {
    const logged: unknown[][] = [];
    const { deps } = fakeDeps({
      register: async () => {
        throw Object.assign(new Error('UNIQUE constraint failed: appeals.email = anna@example.ru'), { code: 'SQLITE_CONSTRAINT' });
      },
      logger: { error: (...args: unknown[]) => logged.push(args), warn: () => undefined },
    });
    const res = await handleQuestion(post(VALID), deps);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBeTruthy();
    const text = await res.text();
    expect(text).not.toContain('UNIQUE');
    expect(logged).toHaveLength(1);
    expect(JSON.stringify(logged)).not.toMatch(/anna|Анна|constraint failed/i);
    expect(JSON.stringify(logged)).toContain('SQLITE_CONSTRAINT');
  });

  it('answers 503 when the topic list cannot be loaded', async () => {
    const { deps, calls } = fakeDeps({
      knownTopics: async () => {
        throw new Error('db down');
      },
    });
    expect((await handleQuestion(post(VALID), deps)).status).toBe(503);
    expect(calls).toHaveLength(0);
  });

  it.each([
    ['too long', 'k'.repeat(101)],
    ['non-ASCII', 'ключ'],
    ['a control character', 'key\u0001'],
  ])('refuses an Idempotency-Key that is %s', async (_label, key) => {
    const { deps, calls } = fakeDeps();
    const request = new Request('http://cms.local/api/forms/question', {
      method: 'POST',
      headers: [
        ['Content-Type', 'application/json'],
        // Headers only carry Latin-1; send the key as raw bytes the way a client would.
        ['Idempotency-Key', Buffer.from(key, 'utf8').toString('latin1')],
      ],
      body: JSON.stringify(VALID),
    });
    const res = await handleQuestion(request, deps);
    expect(res.status).toBe(400);
    expect(calls).toHaveLength(0);
  });

  it('accepts an Idempotency-Key of exactly 100 characters', async () => {
    const { deps, calls } = fakeDeps();
    const key = 'k'.repeat(100);
    expect((await handleQuestion(post(VALID, { 'Idempotency-Key': key }), deps)).status).toBe(201);
    expect(calls[0]?.meta.idempotencyKey).toBe(key);
  });

  it('answers 413 for a body over maxBytes and 415 for a non-JSON body', async () => {
    const { deps, calls } = fakeDeps({ maxBytes: 100 });
    expect((await handleQuestion(post(VALID), deps)).status).toBe(413);
    const form = new Request('http://cms.local/api/forms/question', { method: 'POST', body: new URLSearchParams({ name: 'x' }) });
    expect((await handleQuestion(form, deps)).status).toBe(415);
    expect(calls).toHaveLength(0);
  });

  it('answers 400 for a JSON body that is not an object', async () => {
    const { deps } = fakeDeps();
    const res = await handleQuestion(post('[1,2]'), deps);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toBe('Проверьте, пожалуйста, поля формы');
  });

  it('answers 405 to anything but POST', async () => {
    const { deps } = fakeDeps();
    const res = await handleQuestion(new Request('http://cms.local/api/forms/question'), deps);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });
});
