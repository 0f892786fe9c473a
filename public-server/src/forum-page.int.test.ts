import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORUM_FORM_END, FORUM_FORM_START, FORUM_OUTCOME_MARKER, forumTarget } from './forum-page';
import { startPublicServer, type RunningPublicServer } from './public-server-main';

/**
 * The forum's forms without JavaScript through the public server (issue 22): a new thread posted to a section's page
 * and a reply posted to a thread's page reach the CMS's moderated path as no-script posts, with the section or thread
 * taken from the address (never from the form); the answer is the page with «Проверьте почту». A stand-in CMS
 * records what reaches it.
 */
const seen: { url: string; headers: http.IncomingHttpHeaders; body: Record<string, string> }[] = [];
let tmp: string;
let upstream: http.Server;
let server: RunningPublicServer;

const shell = (title: string) =>
  `<!doctype html><html lang="ru"><body><main><h1>${title}</h1>${FORUM_OUTCOME_MARKER}${FORUM_FORM_START}<form method="post"><input id="forum-name" name="authorName" type="text"><textarea id="forum-text" name="text"></textarea><button>Отправить</button></form>${FORUM_FORM_END}</main></body></html>`;

const post = (pathname: string, fields: Record<string, string>) =>
  fetch(`${server.url}${pathname}`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'forum-page-'));
  await mkdir(path.join(tmp, 'forum', 'oplata', '42', '2'), { recursive: true });
  await writeFile(path.join(tmp, 'forum', 'oplata', 'index.html'), shell('Оплата'));
  await writeFile(path.join(tmp, 'forum', 'oplata', '42', 'index.html'), shell('Тема 42'));
  await writeFile(path.join(tmp, 'forum', 'oplata', '42', '2', 'index.html'), shell('Тема 42 — страница 2'));
  upstream = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if ((req.url ?? '').startsWith('/api/forum/notices')) {
        seen.push({ url: req.url ?? '', headers: req.headers, body: {} });
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'X-Portal-Page': 'forum' });
        res.end('<!doctype html><html lang="ru"><body><h1>Уведомления отключены</h1></body></html>');
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, string>;
      seen.push({ url: req.url ?? '', headers: req.headers, body });
      const closed = body.thread === '42' && body.text === 'в закрытую';
      res.writeHead(closed ? 400 : 202, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(closed ? { message: 'Эта тема закрыта', issues: [{ path: ['thread'], message: 'Эта тема закрыта: новые сообщения в ней не принимаются.' }] } : { message: 'Проверьте почту: мы отправили письмо со ссылкой.' }));
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

const fields = { title: 'Оплата без комиссии', authorName: 'Пётр', authorEmail: 'petr@example.ru', text: 'Как оплатить счёт без комиссии через приложение банка?', consent: 'on', rules: 'on' };

describe('forum forms without JavaScript', () => {
  it('maps only forum pages, at most four levels deep, to a target', () => {
    expect(forumTarget('/forum/oplata/')).toMatchObject({ slug: 'forum-threads', fields: { section: 'oplata' } });
    expect(forumTarget('/forum/oplata/42/2/')).toMatchObject({ slug: 'forum-posts', fields: { thread: '42' } });
    expect(forumTarget('/forum/')).toBeNull();
    expect(forumTarget('/forum/oplata/42/2/3/')).toBeNull();
    expect(forumTarget('/forum/../etc/')).toBeNull();
  });

  it('sends a new thread from the section page as a no-script post, the section from the address, and answers «Проверьте почту»', async () => {
    const response = await post('/forum/oplata/', { ...fields, section: 'chuzhoy' });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Проверьте почту');
    expect(html).not.toContain('<form');
    const forwarded = seen.at(-1)!;
    expect(forwarded.url).toBe('/api/forms/moderated/forum-threads');
    expect(forwarded.headers['x-portal-noscript-form']).toBe('1');
    expect(forwarded.body).toEqual({ ...fields, section: 'oplata' });
  });

  it('sends a new thread with the page script\'s proof-of-work as a checked form: the solution passed on, no no-script mark', async () => {
    const response = await post('/forum/oplata/', { ...fields, altcha: 'c29sdXRpb24' });
    expect(response.status).toBe(200);
    const forwarded = seen.at(-1)!;
    expect(forwarded.headers['x-portal-noscript-form']).toBeUndefined();
    expect(forwarded.body).toEqual({ ...fields, section: 'oplata', altcha: 'c29sdXRpb24' });
  });

  it('sends a reply from a thread\'s later page with the thread from the address, and shows the CMS\'s refusal above the form', async () => {
    const ok = await post('/forum/oplata/42/2/', { text: 'У меня получилось через приложение.', authorName: 'Ирина', authorEmail: 'irina@example.ru', consent: 'on', rules: 'on', thread: '7' });
    expect(ok.status).toBe(200);
    expect(seen.at(-1)).toMatchObject({ url: '/api/forms/moderated/forum-posts', body: { thread: '42' } });
    const refused = await post('/forum/oplata/42/', { text: 'в закрытую', authorName: '<i>Ирина</i>', authorEmail: 'irina@example.ru', consent: 'on', rules: 'on' });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('Эта тема закрыта: новые сообщения в ней не принимаются.');
    expect(html).toContain('value="&lt;i&gt;Ирина&lt;/i&gt;"');
  });

  it('answers 404 for a forum address the build has no page for, without reaching the CMS', async () => {
    const before = seen.length;
    expect((await post('/forum/oplata/999/', fields)).status).toBe(404);
    expect(seen.length).toBe(before);
  });

  it('forwards the opt-out link of the staff-answer notices (GET page and one-click POST) to the CMS and shows its page', async () => {
    const page = await fetch(`${server.url}/api/forum/notices?t=42.abc`);
    expect(page.status).toBe(200);
    const stopped = await fetch(`${server.url}/api/forum/notices?t=42.abc`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: 'payload-token=stolen' }, body: 'List-Unsubscribe=One-Click' });
    expect(stopped.status).toBe(200);
    expect(await stopped.text()).toContain('Уведомления отключены');
    expect(seen.at(-1)).toMatchObject({ url: '/api/forum/notices?t=42.abc' });
    expect(seen.at(-1)!.headers.cookie).toBeUndefined();
  });
});

