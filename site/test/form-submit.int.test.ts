import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuestionFormInput } from '@portal/core/question-form';
import { submitForm } from '../src/lib/form-submit';

const values: QuestionFormInput = {
  name: 'Анна Петровна',
  email: 'anna@example.ru',
  phone: '',
  answerChannel: 'email',
  postalAddress: '',
  audience: 'fl',
  topic: 'oplata',
  accountNumber: '',
  text: 'Почему выросла сумма за февраль?',
  consent: true,
  website: '',
};

interface Received {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP server on 127.0.0.1 that answers with the next queued response. */
let server: Server;
let baseUrl: string;
const received: Received[] = [];
const replies: { status: number; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ method: req.method, url: req.url, headers: req.headers, body });
      const reply = replies.shift() ?? { status: 500, body: '' };
      res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('submitForm with the question form', () => {
  it('POSTs the form values as JSON and returns the registration', async () => {
    replies.push({
      status: 201,
      body: JSON.stringify({ registrationNumber: 'В-2026-000001', receivedAt: '2026-03-02T09:00:00Z', deadlineDate: '2026-03-04', deadlineText: 'До 4 марта', message: 'Спасибо' }),
    });
    const outcome = await submitForm(`${baseUrl}/api/forms/question`, values);
    expect(outcome).toMatchObject({ kind: 'registered', registrationNumber: 'В-2026-000001', deadlineText: 'До 4 марта' });
    const request = received.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/api/forms/question');
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body)).toEqual(values);
  });

  it('returns field errors of a 400 answer', async () => {
    replies.push({ status: 400, body: JSON.stringify({ message: 'Проверьте поля', fieldErrors: { topic: 'Выберите тему вопроса из списка' } }) });
    expect(await submitForm(`${baseUrl}/api/forms/question`, values)).toEqual({
      kind: 'invalid',
      message: 'Проверьте поля',
      fieldErrors: { topic: 'Выберите тему вопроса из списка' },
    });
  });

  it('turns a 503 with an HTML body into a failure instead of throwing', async () => {
    replies.push({ status: 503, body: '<html>Service Unavailable</html>' });
    expect(await submitForm(`${baseUrl}/api/forms/question`, values)).toMatchObject({ kind: 'failed', status: 503 });
  });

  it('turns a refused connection into a failure with a Russian explanation', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const outcome = await submitForm(`http://127.0.0.1:${port}/api/forms/question`, values);
    expect(outcome).toMatchObject({ kind: 'failed', status: null });
    expect(outcome.kind === 'failed' && outcome.message).toMatch(/Нет связи с сервером/);
  });
});
