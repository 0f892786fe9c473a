import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPublicServer, type RunningPublicServer } from './public-server-main';
import { REVIEW_FORM_END, REVIEW_FORM_START, REVIEW_OUTCOME_MARKER } from './review-page';

/**
 * A review sent without JavaScript through the public server (issue 22): the form posts to /otzyvy/, the server
 * forwards the fields to the CMS marked as a no-script post and answers with the page; its own per-address limit
 * answers 429 past five reviews an hour. A stand-in CMS records what reaches it.
 */
const seen: { url: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
let tmp: string;
let upstream: http.Server;
let server: RunningPublicServer;

const SHELL = `<!doctype html><html lang="ru"><body><main><h1>Отзывы о Компании</h1>${REVIEW_OUTCOME_MARKER}${REVIEW_FORM_START}<form method="post" action="/otzyvy/"><input id="review-name" name="authorName" type="text"><textarea id="review-text" name="text"></textarea><button>Отправить отзыв</button></form>${REVIEW_FORM_END}</main></body></html>`;

const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/otzyvy/`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields).toString() });

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'review-page-'));
  await mkdir(path.join(tmp, 'otzyvy'), { recursive: true });
  await writeFile(path.join(tmp, 'otzyvy', 'index.html'), SHELL);
  upstream = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ url: req.url ?? '', headers: req.headers, body });
      const review = JSON.parse(body) as Record<string, string>;
      res.writeHead(review.text === 'коротко' ? 400 : 202, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(review.text === 'коротко' ? { message: 'Напишите текст', issues: [{ path: ['text'], message: 'Напишите текст: от 20 до 3000 символов' }] } : { message: 'Проверьте почту: мы отправили письмо со ссылкой.' }));
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  server = await startPublicServer({ port: 0, siteDir: tmp, cmsOrigin: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}` });
});

afterAll(async () => {
  await server?.close();
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
  await rm(tmp, { recursive: true, force: true });
});

describe('a review without JavaScript', () => {
  const fields = { authorName: 'Анна', authorEmail: 'anna@example.ru', rating: '5', channel: 'site', text: 'Сайт удобный, показания передала за минуту.', consent: 'on', rules: 'on' };

  it('is forwarded to the CMS as a no-script post and answered with «Проверьте почту» in place of the form', async () => {
    const response = await post(fields, { 'X-Portal-Noscript-Form': '0', Cookie: 'payload-token=stolen' });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Проверьте почту');
    expect(html).not.toContain('<form');
    const forwarded = seen.at(-1)!;
    expect(forwarded.url).toBe('/api/forms/moderated/reviews');
    expect(forwarded.headers['x-portal-noscript-form']).toBe('1');
    expect(forwarded.headers.cookie).toBeUndefined();
    expect(JSON.parse(forwarded.body)).toEqual(fields);
  });

  it('shows the CMS\'s field errors above the form, linked to the field, with the text put back (escaped)', async () => {
    const response = await post({ ...fields, authorName: '<b>Анна</b>', text: 'коротко' });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<a href="#review-text">Напишите текст: от 20 до 3000 символов</a>');
    expect(html).toContain('value="&lt;b&gt;Анна&lt;/b&gt;"');
    expect(html).toContain('<form');
  });

  it('answers 429 past five reviews an hour from one address, without reaching the CMS', async () => {
    const before = seen.length;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(fields)).status);
    expect(statuses.filter((status) => status === 429)).toHaveLength(2); // two were spent by the tests above
    expect(seen.length - before).toBe(3);
    const refused = await post(fields);
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain('Слишком много отправок');
  });
});

describe('a review sent by the page with its script', () => {
  const fields = { authorName: 'Борис', authorEmail: 'boris@example.ru', rating: '4', channel: 'phone', text: 'Оператор ответил быстро и всё объяснил.', consent: 'on', rules: 'on' };

  it('carries the proof-of-work solution to the CMS as a checked form (no no-script mark), past the no-script limit spent above', async () => {
    const response = await post({ ...fields, altcha: 'c29sdXRpb24' });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Проверьте почту');
    const forwarded = seen.at(-1)!;
    expect(forwarded.headers['x-portal-noscript-form']).toBeUndefined();
    expect(JSON.parse(forwarded.body)).toEqual({ ...fields, altcha: 'c29sdXRpb24' });
  });
});
