import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPublicServer, type RunningPublicServer } from './public-server-main';

interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const INLINE_SCRIPT = 'window.__island=1;';
const INLINE_STYLE = 'astro-island{display:contents}';
const PROXY_LIMIT = 16 * 1024 * 1024;

let tmp: string;
let siteA: string;
let siteB: string;
let currentSite: string;
let upstream: http.Server;
let upstreamOrigin: string;
const seen: SeenRequest[] = [];
let server: RunningPublicServer;
let limitedServer: RunningPublicServer;
let orphanServer: RunningPublicServer;

/** A tiny stand-in for the CMS: records what reaches it and answers like the real endpoints would. */
function startUpstream(): Promise<http.Server> {
  const cms = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      const pathname = new URL(req.url ?? '/', 'http://cms').pathname;
      if (pathname === '/api/forms/question') {
        res.writeHead(201, { 'Content-Type': 'application/json; charset=utf-8', 'Set-Cookie': 'payload-token=secret' });
        res.end(JSON.stringify({ registrationNumber: 'В-2026-000001' }));
      } else if (pathname === '/api/search') {
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'X-Powered-By': 'Next.js' });
        const q = new URL(req.url ?? '/', 'http://cms').searchParams.get('q');
        res.end(JSON.stringify({ hits: [], total: 0, query: q, suggestedTopics: [{ slug: 'tarify', title: 'Тарифы и цены' }] }));
      } else if (pathname === '/api/forms/challenge' && req.method === 'GET') {
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ enabled: true, challenge: { parameters: {}, signature: 'x' } }));
      } else if (pathname === '/api/forms/suggestion-event' || pathname === '/api/search/events' || pathname === '/api/chat/faq-feedback') {
        res.writeHead(204);
        res.end();
      } else if (/^\/api\/chat\/conversations\/\d+\/events$/.test(pathname)) {
        // The chat's stream: one event at once, the second 1.5 s later, then the end.
        res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'Set-Cookie': 'payload-token=secret' });
        res.write('id: 1\nevent: message\ndata: {"seq":1,"author":"client","text":"Первое"}\n\n');
        setTimeout(() => res.end('id: 2\nevent: message\ndata: {"seq":2,"author":"operator","text":"Второе"}\n\n'), 1_500);
      } else if (/^\/api\/chat\/(suggest|conversations(\/\d+\/(messages|rating|contact|transcript|attachments))?)$/.test(pathname)) {
        res.writeHead(pathname === '/api/chat/suggest' ? 200 : 201, { 'Content-Type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ ok: true }));
      } else if (pathname === '/api/forms/busy') {
        res.writeHead(503, { 'Content-Type': 'application/json; charset=utf-8', 'Retry-After': '7' });
        res.end(JSON.stringify({ message: 'Сервис временно недоступен' }));
      } else if (pathname === '/api/alerts/unsubscribe') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'X-Portal-Page': 'alerts' });
        res.end('<h1>Вы отписаны</h1>');
      } else if (pathname === '/api/alerts/confirm') {
        // A framework page without the marker: must not reach the visitor.
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<pre>internal details</pre>');
      } else if (pathname === '/api/forms/crash') {
        res.writeHead(500, { 'Content-Type': 'text/html' });
        res.end('<pre>Error: SQLITE_BUSY at /srv/cms/secret-path.ts:12</pre>');
      } else {
        res.writeHead(404, { 'Content-Type': 'text/html' });
        res.end('<h1>404</h1>');
      }
    });
  });
  return new Promise((resolve) => cms.listen(0, '127.0.0.1', () => resolve(cms)));
}

/** Raw HTTP so paths reach the server exactly as written (fetch would normalise `..`). */
function rawRequest(
  base: string,
  options: { path: string; method?: string; headers?: Record<string, string | number>; body?: Buffer | string },
): Promise<RawResponse> {
  const { port, hostname } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      // A fresh connection each time: a test that leaves a body unsent must not poison a pooled socket.
      { host: hostname, port, path: options.path, method: options.method ?? 'GET', headers: options.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function postForm(base: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/forms/question`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'public-server-'));
  await writeFile(path.join(tmp, 'secret.txt'), 'TOP-SECRET');
  siteA = path.join(tmp, 'site-a');
  siteB = path.join(tmp, 'site-b');
  await mkdir(path.join(siteA, 'tarify'), { recursive: true });
  await mkdir(path.join(siteA, '_astro'), { recursive: true });
  await mkdir(path.join(siteA, 'docs'), { recursive: true });
  await mkdir(path.join(siteA, 'admin'), { recursive: true });
  await mkdir(siteB, { recursive: true });
  await writeFile(
    path.join(siteA, 'index.html'),
    `<!DOCTYPE html><html lang="ru"><head><style>${INLINE_STYLE}</style></head><body>Главная A<script>${INLINE_SCRIPT}</script><script type="module" src="/_astro/app.Bx12.js"></script></body></html>`,
  );
  await writeFile(path.join(siteA, '404.html'), '<!DOCTYPE html><html lang="ru"><body>Страница не найдена (сайт)</body></html>');
  await writeFile(path.join(siteA, 'tarify', 'index.html'), '<!DOCTYPE html><html lang="ru"><body>Тарифы</body></html>');
  await mkdir(path.join(siteA, 'search'), { recursive: true });
  await writeFile(
    path.join(siteA, 'search', 'index.html'),
    '<!DOCTYPE html><html lang="ru"><body><main><h1>Поиск</h1><input type="search" name="q" value=""/><div data-search-static><!--portal:search-results--></div></main></body></html>',
  );
  await writeFile(path.join(siteA, 'admin', 'index.html'), '<!DOCTYPE html><html lang="ru"><body>not the admin</body></html>');
  await writeFile(path.join(siteA, '_astro', 'app.Bx12.js'), 'console.log(1);');
  await writeFile(path.join(siteA, 'docs', 'dogovor.pdf'), '%PDF-1.4 test');
  await writeFile(path.join(siteA, '.env'), 'SECRET=1');
  await writeFile(path.join(siteB, 'index.html'), '<!DOCTYPE html><html lang="ru"><body>Главная B</body></html>');
  await writeFile(path.join(siteA, '_redirects.json'), JSON.stringify([{ from: '/tarifi/', to: '/tarify/' }, { from: '/staryi/', to: '/tarifi/' }]));
  currentSite = siteA;

  upstream = await startUpstream();
  upstreamOrigin = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  server = await startPublicServer({ port: 0, siteDir: () => currentSite, cmsOrigin: upstreamOrigin });
  limitedServer = await startPublicServer({
    port: 0,
    siteDir: siteA,
    cmsOrigin: upstreamOrigin,
    rateLimit: { limit: 3, windowMs: 60_000 },
  });

  const dead = http.createServer();
  await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
  const deadPort = (dead.address() as AddressInfo).port;
  await new Promise<void>((resolve) => dead.close(() => resolve()));
  orphanServer = await startPublicServer({ port: 0, siteDir: siteA, cmsOrigin: `http://127.0.0.1:${deadPort}` });
});

afterAll(async () => {
  await Promise.all([server?.close(), limitedServer?.close(), orphanServer?.close()]);
  await new Promise<void>((resolve) => (upstream ? upstream.close(() => resolve()) : resolve()));
  await rm(tmp, { recursive: true, force: true });
});

beforeEach(() => {
  seen.length = 0;
  currentSite = siteA;
});

describe('public server: static site', () => {
  it('serves index.html for / as no-cache HTML with a CSP that allows exactly its inline elements', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('Главная A');
    const csp = res.headers.get('content-security-policy') ?? '';
    const sha = (text: string) => createHash('sha256').update(text).digest('base64');
    expect(csp).toContain(`script-src 'self' 'sha256-${sha(INLINE_SCRIPT)}'`);
    expect(csp).toContain(`style-src 'self' 'sha256-${sha(INLINE_STYLE)}'`);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('remembers the low-vision settings in a cookie and marks every page it serves with them, with a distinct ETag', async () => {
    const toggle = await fetch(`${server.url}/api/display-mode`, {
      method: 'POST',
      body: 'mode=low-vision&back=%2Ftarify%2F',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      redirect: 'manual',
    });
    expect(toggle.status).toBe(303);
    expect(toggle.headers.get('location')).toBe('/tarify/#display-settings-panel');
    const cookie = (toggle.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie).toBe('display-mode=low-vision.font-2.colors-black.images-on.spacing-normal');
    const marked = await fetch(`${server.url}/tarify/`, { headers: { cookie } });
    expect(await marked.text()).toContain('<html lang="ru" class="low-vision lv-font-2 lv-colors-black lv-images-on lv-spacing-normal">');
    expect(marked.headers.get('vary')).toBe('Cookie');
    const plain = await fetch(`${server.url}/tarify/`);
    expect(await plain.text()).toContain('<html lang="ru">');
    expect(plain.headers.get('etag')).not.toBe(marked.headers.get('etag'));

    // A second setting changes only itself, and the page it returns to is marked with both.
    const larger = await fetch(`${server.url}/api/display-mode`, {
      method: 'POST',
      body: 'font=3&back=%2Ftarify%2F',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      redirect: 'manual',
    });
    const largerCookie = (larger.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(largerCookie).toBe('display-mode=low-vision.font-3.colors-black.images-on.spacing-normal');
    const largest = await fetch(`${server.url}/tarify/`, { headers: { cookie: largerCookie } });
    expect(await largest.text()).toContain('class="low-vision lv-font-3 lv-colors-black');
    expect(largest.headers.get('etag')).not.toBe(marked.headers.get('etag'));
  });

  it('never revalidates a page cached in one display version as another, and a 304 in the low-vision version keeps the headers of its 200', async () => {
    const cookie = 'display-mode=low-vision.font-3.colors-white.images-off.spacing-wide';
    const first = await fetch(`${server.url}/`, { headers: { cookie } });
    expect(await first.text()).toContain('class="low-vision lv-font-3 lv-colors-white lv-images-off lv-spacing-wide"');
    const etag = first.headers.get('etag') ?? '';
    const revisit = await fetch(`${server.url}/`, { headers: { cookie, 'If-None-Match': etag } });
    expect(revisit.status).toBe(304);
    for (const name of ['content-security-policy', 'cache-control', 'vary', 'etag', 'last-modified', 'content-type']) {
      expect([name, revisit.headers.get(name)]).toEqual([name, first.headers.get(name)]);
    }
    // The same cached copy offered by a visitor who switched to another scheme, or back to the normal version.
    const otherScheme = await fetch(`${server.url}/`, { headers: { cookie: cookie.replace('colors-white', 'colors-blue'), 'If-None-Match': etag } });
    expect(otherScheme.status).toBe(200);
    expect(await otherScheme.text()).toContain('lv-colors-blue');
    const normal = await fetch(`${server.url}/`, { headers: { 'If-None-Match': etag } });
    expect(normal.status).toBe(200);
    expect(await normal.text()).toContain('<html lang="ru">');
  });

  it('ignores a display cookie that is not one of ours and serves the normal version', async () => {
    const res = await fetch(`${server.url}/tarify/`, { headers: { cookie: 'display-mode=low-vision"><script>alert(1)</script>' } });
    expect(await res.text()).toContain('<html lang="ru">');
  });

  it('serves a folder URL from its index.html and redirects the slash-less form', async () => {
    const page = await fetch(`${server.url}/tarify/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Тарифы');
    const redirect = await fetch(`${server.url}/tarify?from=menu`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/tarify/?from=menu');
  });

  it('marks hashed /_astro/ assets immutable and gives them their content type', async () => {
    const res = await fetch(`${server.url}/_astro/app.Bx12.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe('console.log(1);');
    const pdf = await fetch(`${server.url}/docs/dogovor.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('cache-control')).not.toContain('immutable');
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const res = await fetch(`${server.url}/tarify/`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toBe('');
  });

  it('answers 405 to other methods on site pages', async () => {
    const res = await fetch(`${server.url}/tarify/`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await fetch(`${server.url}/_astro/app.Bx12.js`);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const second = await fetch(`${server.url}/_astro/app.Bx12.js`, { headers: { 'If-None-Match': etag ?? '' } });
    expect(second.status).toBe(304);
  });

  it('answers 304 for a page with every header of its 200 that a browser merges, the page CSP hashes included', async () => {
    // A browser updates its cached page with the headers of a 304 (RFC 9111 §4.3.4): a 304 with a bare
    // `script-src 'self'` replaced the hashes and stopped every island on a reload.
    const first = await fetch(`${server.url}/`);
    expect(first.status).toBe(200);
    await first.text();
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    const revisit = await fetch(`${server.url}/`, { headers: { 'If-None-Match': etag } });
    expect(revisit.status).toBe(304);
    expect(revisit.headers.get('content-security-policy')).toContain(`'sha256-${createHash('sha256').update(INLINE_SCRIPT).digest('base64')}'`);
    const merged = ['content-security-policy', 'cache-control', 'vary', 'etag', 'last-modified', 'content-type',
      'x-content-type-options', 'referrer-policy', 'permissions-policy', 'x-frame-options', 'cross-origin-opener-policy'];
    for (const name of merged) expect([name, revisit.headers.get(name)]).toEqual([name, first.headers.get(name)]);
  });

  it('serves the site 404 page with status 404 for unknown paths', async () => {
    const res = await fetch(`${server.url}/net-takoy-stranicy/`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('Страница не найдена (сайт)');
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/..%2fsecret.txt',
    '/tarify/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/tarify/%2e%2e/%2e%2e/secret.txt',
    '/%00/secret.txt',
    '//etc/passwd',
    '/.env',
    '/%2eenv',
  ])('never serves files outside the site or hidden files: %s', async (requestPath) => {
    const res = await rawRequest(server.url, { path: requestPath });
    expect(res.body).not.toContain('TOP-SECRET');
    expect(res.body).not.toContain('SECRET=1');
    expect(res.body).not.toContain('root:');
    expect([400, 404]).toContain(res.status);
  });

  it('answers old addresses from the build\'s redirects file with one 301, keeping the query; the file itself is not served', async () => {
    for (const from of ['/tarifi/', '/tarifi', '/staryi/']) {
      const res = await fetch(`${server.url}${from}?utm=1`, { redirect: 'manual' });
      expect(res.status).toBe(301);
      expect(res.headers.get('location')).toBe('/tarify/?utm=1');
    }
    expect((await fetch(`${server.url}/_redirects.json`)).status).toBe(404);
    // Redirects belong to their build: the swapped-in site B has none.
    currentSite = siteB;
    expect((await fetch(`${server.url}/tarifi/`, { redirect: 'manual' })).status).toBe(404);
  });

  it('picks up a swapped site folder on the next request', async () => {
    expect(await (await fetch(`${server.url}/`)).text()).toContain('Главная A');
    currentSite = siteB;
    expect(await (await fetch(`${server.url}/`)).text()).toContain('Главная B');
  });

  it('adds the security headers to every response, HSTS only behind TLS', async () => {
    for (const target of ['/', '/net/', '/api/nothing', '/_astro/app.Bx12.js']) {
      const res = await fetch(`${server.url}${target}`);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('permissions-policy')).toBeTruthy();
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
    const tls = await fetch(`${server.url}/`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(tls.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
  });
});

describe('public server: forwarding to the CMS', () => {
  it('forwards a form POST with body, content type, Idempotency-Key and the client IP, and returns the CMS answer', async () => {
    const res = await postForm(
      server.url,
      { name: 'Анна' },
      {
        'Idempotency-Key': 'key-123',
        'X-Forwarded-For': '6.6.6.6',
        Cookie: 'payload-token=stolen',
        Authorization: 'JWT stolen',
      },
    );
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await res.json()).toEqual({ registrationNumber: 'В-2026-000001' });

    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/api/forms/question');
    expect(request?.body.toString('utf8')).toBe(JSON.stringify({ name: 'Анна' }));
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['idempotency-key']).toBe('key-123');
    // The client cannot choose its IP, and cannot act as a CMS user.
    expect(request?.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(request?.headers.cookie).toBeUndefined();
    expect(request?.headers.authorization).toBeUndefined();
  });

  it('forwards GET /api/search with its query string', async () => {
    const res = await fetch(`${server.url}/api/search?q=%D1%82%D0%B0%D1%80%D0%B8%D1%84&audience=fl`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ hits: [], query: 'тариф' });
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/search?q=%D1%82%D0%B0%D1%80%D0%B8%D1%84&audience=fl']);
  });

  it('forwards the RFC 8058 one-click unsubscribe POST without cookies and passes on the CMS\'s own marked page', async () => {
    const res = await fetch(`${server.url}/api/alerts/unsubscribe?t=abc.def`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: 'payload-token=stolen' }, body: 'List-Unsubscribe=One-Click' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<h1>Вы отписаны</h1>');
    const [request] = seen;
    expect(`${request?.method} ${request?.url}`).toBe('POST /api/alerts/unsubscribe?t=abc.def');
    expect(request?.body.toString('utf8')).toBe('List-Unsubscribe=One-Click');
    expect(request?.headers.cookie).toBeUndefined();
  });

  it('still replaces unmarked HTML from the alerts addresses', async () => {
    const res = await fetch(`${server.url}/api/alerts/confirm?t=x`);
    expect(res.headers.get('content-type')).toMatch(/json/);
    expect(await res.text()).not.toContain('internal details');
  });

  it('passes on a deliberate 503 from the CMS with its Retry-After', async () => {
    const res = await fetch(`${server.url}/api/forms/busy`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('7');
  });

  it('replaces a CMS error page with a neutral 503 that leaks nothing', async () => {
    const res = await fetch(`${server.url}/api/forms/crash`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(text).not.toContain('SQLITE');
    expect(JSON.parse(text)).toEqual({ message: expect.stringContaining('Сервис временно недоступен') });
  });

  it.each(['/admin', '/admin/', '/admin/collections/appeals', '/Admin/../admin/login'])(
    'answers 404 for %s and never contacts the CMS',
    async (requestPath) => {
      const res = await rawRequest(server.url, { path: requestPath });
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('not the admin');
      expect(seen).toHaveLength(0);
    },
  );

  it.each([
    ['GET', '/api/users'],
    ['POST', '/api/users/login'],
    ['GET', '/api/forms/question'],
    ['POST', '/api/search'],
    ['POST', '/api/forms/../users'],
    ['POST', '/api/forms/%2e%2e%2fusers'],
    ['POST', '/api/forms/question/..%2F..%2Fusers'],
    ['GET', '/api/graphql'],
    ['POST', '/api'],
    // The chat exposes its client endpoints only, never the collections behind them or another path under /api/chat/.
    ['GET', '/api/chat-conversations'],
    ['GET', '/api/chat-messages'],
    ['GET', '/api/chat/conversations'],
    ['GET', '/api/chat/conversations/12/messages'],
    ['POST', '/api/chat/conversations/12/events'],
    ['POST', '/api/chat/conversations/12/accept'],
    ['POST', '/api/chat/conversations/12/../../../users'],
    ['POST', '/api/chat/conversations/12/messages/../../../../chat-messages'],
    ['GET', '/api/chat/conversations/..%2F..%2Fusers/events'],
    ['POST', '/api/chat/queue'],
  ])('answers 404 JSON for %s %s without contacting the CMS', async (method, requestPath) => {
    const res = await rawRequest(server.url, {
      path: requestPath,
      method,
      headers: { 'Content-Type': 'application/json' },
      body: method === 'POST' ? '{}' : undefined,
    });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(res.body)).toEqual({ message: expect.any(String) });
    expect(seen).toHaveLength(0);
  });

  it('answers 413 from Content-Length above 16 MB without forwarding', async () => {
    const res = await rawRequest(server.url, {
      path: '/api/forms/question',
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': PROXY_LIMIT + 1 },
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).message).toMatch(/16 МБ/);
    expect(seen).toHaveLength(0);
  });

  it('answers 413 when a chunked body grows past 16 MB, and the CMS never gets the whole body', async () => {
    const { port, hostname } = new URL(server.url);
    const response = await new Promise<RawResponse>((resolve, reject) => {
      const req = http.request(
        {
          host: hostname,
          port,
          path: '/api/forms/question',
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          agent: false,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
            req.destroy();
          });
        },
      );
      req.on('error', () => undefined);
      const chunk = Buffer.alloc(256 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent <= PROXY_LIMIT + chunk.length) {
          sent += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      pump();
      setTimeout(() => reject(new Error('no response')), 20_000).unref();
    });
    expect(response.status).toBe(413);
    expect(seen.every((r) => r.body.length <= PROXY_LIMIT)).toBe(true);
  });

  it('limits form posts per IP and answers 429 with Retry-After', async () => {
    for (let i = 0; i < 3; i += 1) expect((await postForm(limitedServer.url, { i })).status).toBe(201);
    const limited = await postForm(limitedServer.url, { i: 4 });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).message).toMatch(/подождите/);
    expect(seen).toHaveLength(3);
    // Reading the site and searching are not limited.
    expect((await fetch(`${limitedServer.url}/api/search?q=x`)).status).toBe(200);
    // Nor are the forms' proof-of-work challenge and the anonymous FAQ suggestion counters.
    expect((await fetch(`${limitedServer.url}/api/forms/challenge`)).status).toBe(200);
    const event = await fetch(`${limitedServer.url}/api/forms/suggestion-event`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"event":"opened"}' });
    expect(event.status).toBe(204);
    expect(seen.map((r) => `${r.method} ${new URL(r.url, 'http://cms').pathname}`).slice(-2)).toEqual(['GET /api/forms/challenge', 'POST /api/forms/suggestion-event']);
  });

  it('limits the subscription form sent without JavaScript per IP with a page in Russian; the island’s JSON (proof-of-work) is not held by that limit', async () => {
    const alerts = await startPublicServer({ port: 0, siteDir: siteA, cmsOrigin: upstreamOrigin, rateLimit: false, alertsNoScriptRateLimit: { limit: 2, windowMs: 60 * 60_000 } });
    try {
      const plain = () =>
        fetch(`${alerts.url}/api/alerts/subscribe`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'email=a%40example.ru&settlements=ozerki&kinds=planned&consent=on' });
      const json = () => fetch(`${alerts.url}/api/alerts/subscribe`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'a@example.ru', altcha: 'solution' }) });
      expect((await plain()).status).not.toBe(429);
      expect((await plain()).status).not.toBe(429);
      const third = await plain();
      expect(third.status).toBe(429);
      expect(third.headers.get('content-type')).toMatch(/^text\/html/);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await third.text()).toMatch(/Слишком много отправок.*подождите/s);
      expect((await json()).status).not.toBe(429);
      expect(seen.map((r) => `${r.method} ${new URL(r.url, 'http://cms').pathname} ${r.headers['content-type']}`)).toEqual([
        'POST /api/alerts/subscribe application/x-www-form-urlencoded',
        'POST /api/alerts/subscribe application/x-www-form-urlencoded',
        'POST /api/alerts/subscribe application/json',
      ]);
    } finally {
      await alerts.close();
    }
  });

  it("forwards the client's status lookup (GET with its token) to the CMS and counts it against the form limit", async () => {
    const before = seen.length;
    await fetch(`${server.url}/api/forms/status?token=abcDEF_-123`);
    expect(seen.length).toBe(before + 1);
    expect(seen.at(-1)?.method).toBe('GET');
    expect(new URL(seen.at(-1)?.url ?? '/', 'http://cms').searchParams.get('token')).toBe('abcDEF_-123');
    // The limited server's quota is spent by the previous test: guessing tokens in bulk is refused too.
    expect((await fetch(`${limitedServer.url}/api/forms/status?token=x`)).status).toBe(429);
    // Other GETs under /api/forms/ still never reach the CMS.
    expect((await fetch(`${server.url}/api/forms/question`)).status).toBe(404);
    expect(seen.length).toBe(before + 1);
  });

  it('answers 503 with a Russian message when the CMS is down', async () => {
    const res = await postForm(orphanServer.url, { name: 'Анна' });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBeTruthy();
    expect((await res.json()).message).toMatch(/Сервис временно недоступен/);
    const search = await fetch(`${orphanServer.url}/api/search?q=x`);
    expect(search.status).toBe(503);
  });
});

describe('public server: search page and beacons', () => {
  it('renders /search/?q=… on the server from the CMS results and counts the search', async () => {
    seen.length = 0;
    const response = await fetch(`${server.url}/search/?q=${encodeURIComponent('зарядка <b>')}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('value="зарядка &lt;b&gt;"');
    expect(html).toContain('По запросу «зарядка &lt;b&gt;» ничего не нашлось');
    expect(html).toContain('<a href="/faq/tarify/">Тарифы и цены</a>');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    await expect.poll(() => seen.some((r) => r.url === '/api/search/events')).toBe(true);
    const event = seen.find((r) => r.url === '/api/search/events');
    expect(JSON.parse(event!.body.toString('utf8'))).toEqual({ kind: 'search', q: 'зарядка <b>', results: 0 });
  });

  it('keeps the low-vision settings on the server-rendered search results', async () => {
    const response = await fetch(`${server.url}/search/?q=tarif`, { headers: { cookie: 'display-mode=low-vision.font-1.colors-blue.images-on.spacing-normal' } });
    expect(await response.text()).toContain('<html lang="ru" class="low-vision lv-font-1 lv-colors-blue lv-images-on lv-spacing-normal">');
    expect(response.headers.get('vary')).toBe('Cookie');
  });

  it('serves the static search page when there is no query', async () => {
    const response = await fetch(`${server.url}/search/`);
    expect(await response.text()).toContain('<!--portal:search-results-->');
  });

  it('forwards search beacons to the CMS without the cookie and drops them above the per-IP limit', async () => {
    const limited = await startPublicServer({ port: 0, siteDir: siteA, cmsOrigin: upstreamOrigin, searchEventRateLimit: { limit: 2, windowMs: 60_000 } });
    try {
      seen.length = 0;
      const beacon = () =>
        fetch(`${limited.url}/api/search/events`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Cookie: 'payload-token=abc' },
          body: JSON.stringify({ kind: 'click', q: 'пени', id: 'penya-za-prosrochku' }),
        });
      expect((await beacon()).status).toBe(204);
      expect((await beacon()).status).toBe(204);
      expect((await beacon()).status).toBe(204);
      const forwarded = seen.filter((r) => r.url === '/api/search/events');
      expect(forwarded).toHaveLength(2);
      expect(forwarded[0]?.headers.cookie).toBeUndefined();
    } finally {
      await limited.close();
    }
  });

  it('does not forward other /api/search/ addresses such as the re-index endpoint', async () => {
    seen.length = 0;
    const response = await fetch(`${server.url}/api/search/reindex`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(seen).toEqual([]);
  });
});

describe('public server: the chat', () => {
  it('streams the event stream unbuffered: the first event arrives before the CMS ends the response', async () => {
    const started = Date.now();
    const response = await fetch(`${server.url}/api/chat/conversations/12/events?token=abc`, { headers: { 'Last-Event-ID': '0' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('set-cookie')).toBeNull();
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes('\n\n')) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
    const firstAt = Date.now() - started;
    expect(text).toContain('"text":"Первое"');
    expect(text).not.toContain('Второе');
    // The CMS sends the second event 1.5 s after the first: the first came well before.
    expect(firstAt).toBeLessThan(1_200);
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value);
    expect(rest).toContain('"text":"Второе"');
    // The resume point and the token reach the CMS; cookies never.
    const request = seen.find((entry) => entry.url.startsWith('/api/chat/conversations/12/events'));
    expect(request?.headers['last-event-id']).toBe('0');
    expect(request?.url).toBe('/api/chat/conversations/12/events?token=abc');
  });

  it('forwards a chat message with its token and the client IP', async () => {
    const response = await fetch(`${server.url}/api/chat/conversations/12/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Chat-Token': 'tok', Cookie: 'payload-token=staff' },
      body: JSON.stringify({ clientMessageId: 'a1', text: 'Здравствуйте' }),
    });
    expect(response.status).toBe(201);
    const request = seen.find((entry) => entry.url === '/api/chat/conversations/12/messages');
    expect(request?.headers['x-chat-token']).toBe('tok');
    expect(request?.headers.cookie).toBeUndefined();
    expect(request?.headers['x-forwarded-for']).toBeDefined();
  });

  it('passes «Да» on the FAQ answers to the CMS, without cookies', async () => {
    const response = await fetch(`${server.url}/api/chat/faq-feedback`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: 'payload-token=staff' }, body: JSON.stringify({ helped: true }) });
    expect(response.status).toBe(204);
    const request = seen.find((entry) => entry.url === '/api/chat/faq-feedback');
    expect(request).toBeDefined();
    expect(request?.headers.cookie).toBeUndefined();
  });

  it('starting conversations counts against the forms limit', async () => {
    const start = () => fetch(`${limitedServer.url}/api/chat/conversations`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await start()).status);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(2);
  });
});
