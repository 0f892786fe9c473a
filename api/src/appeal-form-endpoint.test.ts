import { describe, expect, it } from 'vitest';
import { FieldRejectedError, ServiceUnavailableError, submittedString, type AppealRegistration, type RequestMeta } from '@portal/core/appeal-contract';
import { APPEAL_FORMS } from '@portal/core/appeal-forms';
import type { AppealSubmission } from '@portal/core/appeal-submission';
import { ATTACHMENT_MESSAGES } from '@portal/core/attachments';
import { COMPLAINT_FORM_MESSAGES } from '@portal/core/complaint-form';
import { EMAIL_RATE_LIMITED_MESSAGE, handleAppealForm, type AppealEndpointDeps } from './appeal-form-endpoint';

const COMPLAINT = APPEAL_FORMS.complaint;
const QUESTION = APPEAL_FORMS.question;
const VALID = {
  name: 'Анна Петрова',
  email: 'anna@example.ru',
  phone: '',
  answerChannel: 'email',
  postalAddress: '',
  audience: 'fl',
  topic: 'oplata',
  accountNumber: '',
  text: 'Платёж за октябрь не учтён в квитанции.',
  consent: true,
  website: '',
};
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const REGISTRATION = { registrationNumber: 'Ж-2026-000001', receivedAt: '2026-11-27T10:00:00.000Z', deadlineDate: '2026-12-07', deadlineText: '7 декабря 2026 г.' };

function deps(overrides: Partial<AppealEndpointDeps<unknown>> = {}) {
  const registered: { files: number }[] = [];
  const value: AppealEndpointDeps<unknown> = {
    precheck: async () => ({ kind: 'ok' }),
    register: async (_submission, _meta, _form, files) => {
      registered.push({ files: files.length });
      return REGISTRATION;
    },
    attachmentLimits: async () => ({ maxFileMb: 1, maxFiles: 2 }),
    logger: { error: () => undefined, warn: () => undefined },
    ...overrides,
  };
  return { value, registered };
}

function multipart(body: unknown, files: { name: string; bytes: Uint8Array }[]) {
  const form = new FormData();
  form.set('data', JSON.stringify(body));
  for (const file of files) form.append('attachments', new Blob([file.bytes as Uint8Array<ArrayBuffer>]), file.name);
  return new Request('http://cms.local/api/forms/complaint', { method: 'POST', body: form });
}

describe('handleAppealForm', () => {
  it('takes fields as JSON in `data` and files in `attachments`, checked by content', async () => {
    const { value, registered } = deps();
    expect((await handleAppealForm(multipart(VALID, [{ name: 'a.png', bytes: PNG }]), COMPLAINT, value)).status).toBe(201);
    expect(registered).toEqual([{ files: 1 }]);
    const bad = await handleAppealForm(multipart(VALID, [{ name: 'a.png', bytes: new TextEncoder().encode('<svg/>') }]), COMPLAINT, value);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ fieldErrors: { attachments: ATTACHMENT_MESSAGES.type('a.png') } });
  });

  it('reports attachment problems together with field problems', async () => {
    const { value } = deps();
    const res = await handleAppealForm(multipart({ ...VALID, text: '' }, [1, 2, 3].map((n) => ({ name: `${n}.png`, bytes: PNG }))), COMPLAINT, value);
    expect(await res.json()).toMatchObject({ fieldErrors: { text: COMPLAINT_FORM_MESSAGES.textRequired, attachments: ATTACHMENT_MESSAGES.tooMany(2) } });
  });

  it('answers 413 before reading a body above the files limit', async () => {
    const { value } = deps();
    const res = await handleAppealForm(
      new Request('http://cms.local/api/forms/complaint', { method: 'POST', headers: { 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(3 * 1024 * 1024) }, body: 'x' }),
      COMPLAINT,
      value,
    );
    expect(res.status).toBe(413);
    expect((await res.json()).message).toMatch(/МБ/);
  });

  it('turns a file rejected while storing into a 400 for the field, not a 503', async () => {
    const { value } = deps({
      register: async () => {
        throw new FieldRejectedError('attachments', ATTACHMENT_MESSAGES.damaged('a.png'));
      },
    });
    const res = await handleAppealForm(multipart(VALID, [{ name: 'a.png', bytes: PNG }]), COMPLAINT, value);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ fieldErrors: { attachments: ATTACHMENT_MESSAGES.damaged('a.png') } });
  });

  it('refuses a failed human check before looking at the fields, and too many appeals from one address', async () => {
    const human = deps({ verifyHuman: async () => 'Форма отправлена слишком быстро' });
    const refused = await handleAppealForm(multipart({}, []), COMPLAINT, human.value);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ message: 'Форма отправлена слишком быстро', code: 'human-check' });

    const limited = deps({ withinEmailLimit: async () => false });
    const res = await handleAppealForm(multipart(VALID, []), COMPLAINT, limited.value);
    expect(res.status).toBe(429);
    expect(await res.json()).toEqual({ message: EMAIL_RATE_LIMITED_MESSAGE });
    expect(limited.registered).toHaveLength(0);
  });

  it('answers a refusal (e.g. readings out of days) with its status, code and explanation', async () => {
    const { value, registered } = deps({ precheck: async () => ({ kind: 'refused', status: 422, code: 'readings-closed', message: 'Показания принимаются с 15 по 25 число каждого месяца.' }) });
    const res = await handleAppealForm(multipart(VALID, []), COMPLAINT, value);
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ code: 'readings-closed', message: 'Показания принимаются с 15 по 25 число каждого месяца.' });
    expect(registered).toHaveLength(0);
  });
});

// The «Задать вопрос» form through the same endpoint, with a fake CMS behind it: the topic list it knows
// and the registrations it would have made.
describe('handleAppealForm with the question form', () => {
  const VALID_QUESTION = {
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

  const QUESTION_REGISTRATION: AppealRegistration = {
    registrationNumber: 'В-2026-000123',
    receivedAt: '2026-11-27T11:05:00.000Z',
    deadlineDate: '2026-12-01',
    deadlineText: '1 декабря 2026 г.',
  };

  const silent = { error: () => undefined, warn: () => undefined };

  interface FakeCms {
    knownTopics(): Promise<string[]>;
  }

  /** Fake CMS boundary: a topic check like the CMS's (the row's message under `topic`), and a record of registrations. */
  function fakeDeps(overrides: Partial<AppealEndpointDeps<unknown>> & Partial<FakeCms> = {}) {
    const calls: Array<{ input: AppealSubmission; meta: RequestMeta; form: unknown }> = [];
    const { knownTopics = async () => ['tarify', 'oplata'], ...rest } = overrides;
    const precheck = QUESTION.precheck;
    const deps: AppealEndpointDeps<unknown> = {
      precheck: async (raw) => {
        const topic = submittedString(raw, 'topic');
        if (precheck.kind === 'topic' && topic !== undefined && !(await knownTopics()).includes(topic)) {
          return { kind: 'invalid', fieldErrors: { topic: precheck.message } };
        }
        return { kind: 'ok' };
      },
      register: async (input, meta, form) => {
        calls.push({ input, meta, form });
        return QUESTION_REGISTRATION;
      },
      logger: silent,
      ...rest,
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

  it('registers a valid question and answers 201 with number, dates and a thank-you', async () => {
    const { deps, calls } = fakeDeps();
    const res = await handleAppealForm(
      post(VALID_QUESTION, { 'User-Agent': 'Mozilla/5.0', 'X-Forwarded-For': '203.0.113.7', 'Idempotency-Key': 'f3b0c4-1' }),
      QUESTION,
      deps,
    );
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({
      ...QUESTION_REGISTRATION,
      message: 'Спасибо! Ваше обращение зарегистрировано под номером В-2026-000123. Мы ответим не позднее 1 декабря 2026 г.',
    });
    expect(calls).toHaveLength(1);
    // What is stored is the schema's output: trimmed, normalised, without the honeypot; the consent given
    // reaches registration with the parsed form (it records it as evidence of its own).
    expect(calls[0]?.input).toMatchObject({ name: 'Анна Петрова', accountNumber: '12345678', topic: 'tarify' });
    expect(calls[0]?.form).toMatchObject({ consent: true });
    expect(calls[0]?.input).not.toHaveProperty('website');
    expect(calls[0]?.input.phone).toBeUndefined();
    expect(calls[0]?.meta).toEqual({ ip: '203.0.113.7', userAgent: 'Mozilla/5.0', idempotencyKey: 'f3b0c4-1' });
  });

  it('passes null meta when the headers are absent or the forwarded IP is not an address', async () => {
    const { deps, calls } = fakeDeps();
    await handleAppealForm(post(VALID_QUESTION, { 'X-Forwarded-For': 'not-an-ip' }), QUESTION, deps);
    expect(calls[0]?.meta).toEqual({ ip: null, userAgent: null, idempotencyKey: null });
  });

  it('answers 400 with per-field Russian messages and registers nothing', async () => {
    const { deps, calls } = fakeDeps();
    const res = await handleAppealForm(post({ ...VALID_QUESTION, email: 'not-an-email', text: 'Коротко', consent: false }), QUESTION, deps);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { message: string; fieldErrors: Record<string, string> };
    expect(body.message).toBe('Проверьте, пожалуйста, поля формы');
    expect(Object.keys(body.fieldErrors).sort()).toEqual(['consent', 'email', 'text']);
    expect(body.fieldErrors.text).toMatch(/подробнее/);
    expect(calls).toHaveLength(0);
  });

  it('reports a topic the CMS does not know as a topic field error', async () => {
    const { deps, calls } = fakeDeps();
    const res = await handleAppealForm(post({ ...VALID_QUESTION, topic: 'net-takoy-temy' }), QUESTION, deps);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { fieldErrors: Record<string, string> };
    expect(body.fieldErrors).toEqual({ topic: 'Выберите тему вопроса из списка' });
    expect(calls).toHaveLength(0);
  });

  it('reports an unknown topic together with other field errors', async () => {
    const { deps } = fakeDeps();
    const res = await handleAppealForm(post({ ...VALID_QUESTION, topic: 'net-takoy-temy', consent: false }), QUESTION, deps);
    const body = (await res.json()) as { fieldErrors: Record<string, string> };
    expect(Object.keys(body.fieldErrors).sort()).toEqual(['consent', 'topic']);
  });

  it('answers a filled honeypot with a neutral 400 and never registers', async () => {
    const { deps, calls } = fakeDeps();
    const res = await handleAppealForm(post({ ...VALID_QUESTION, website: 'http://spam.example' }), QUESTION, deps);
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
    const res = await handleAppealForm(post(VALID_QUESTION), QUESTION, deps);
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
    const res = await handleAppealForm(post(VALID_QUESTION), QUESTION, deps);
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
    expect((await handleAppealForm(post(VALID_QUESTION), QUESTION, deps)).status).toBe(503);
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
      body: JSON.stringify(VALID_QUESTION),
    });
    const res = await handleAppealForm(request, QUESTION, deps);
    expect(res.status).toBe(400);
    expect(calls).toHaveLength(0);
  });

  it('accepts an Idempotency-Key of exactly 100 characters', async () => {
    const { deps, calls } = fakeDeps();
    const key = 'k'.repeat(100);
    expect((await handleAppealForm(post(VALID_QUESTION, { 'Idempotency-Key': key }), QUESTION, deps)).status).toBe(201);
    expect(calls[0]?.meta.idempotencyKey).toBe(key);
  });

  it('answers 413 for a body over maxBytes and 415 for a non-JSON body', async () => {
    const { deps, calls } = fakeDeps({ maxBytes: 100 });
    expect((await handleAppealForm(post(VALID_QUESTION), QUESTION, deps)).status).toBe(413);
    const form = new Request('http://cms.local/api/forms/question', { method: 'POST', body: new URLSearchParams({ name: 'x' }) });
    expect((await handleAppealForm(form, QUESTION, deps)).status).toBe(415);
    expect(calls).toHaveLength(0);
  });

  it('answers 400 for a JSON body that is not an object', async () => {
    const { deps } = fakeDeps();
    const res = await handleAppealForm(post('[1,2]'), QUESTION, deps);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toBe('Проверьте, пожалуйста, поля формы');
  });

  it('answers 405 to anything but POST', async () => {
    const { deps } = fakeDeps();
    const res = await handleAppealForm(new Request('http://cms.local/api/forms/question'), QUESTION, deps);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });
});
