import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicApp } from './public-server';
import { STATIC_SECURITY_HEADERS, STRICT_TRANSPORT_SECURITY } from './security-headers';

let siteDir: string;
let upstream: http.Server;
let cmsOrigin: string;

beforeAll(async () => {
  siteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-headers-site-'));
  fs.writeFileSync(path.join(siteDir, 'index.html'), '<!doctype html><html lang="ru"><title>Главная</title><script>1</script></html>');
  fs.writeFileSync(path.join(siteDir, '404.html'), '<!doctype html><html lang="ru"><title>Не найдено</title></html>');
  fs.mkdirSync(path.join(siteDir, '_astro'));
  fs.writeFileSync(path.join(siteDir, '_astro', 'site.css'), 'body{margin:0}');
  fs.writeFileSync(path.join(siteDir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  // A stand-in CMS: a stored form, a search and one that is down.
  upstream = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://cms');
      if (url.pathname === '/api/forms/down') {
        res.writeHead(503, { 'Content-Type': 'application/json; charset=utf-8', 'Retry-After': '30' });
        res.end('{"message":"Сервис временно недоступен"}');
        return;
      }
      res.writeHead(url.pathname === '/api/search' ? 200 : 201, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  cmsOrigin = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => upstream.close(resolve));
  fs.rmSync(siteDir, { recursive: true, force: true });
});

function app() {
  return createPublicApp({ siteDir: () => siteDir, cmsOrigin, maxBodyBytes: 1024, rateLimit: { limit: 1, windowMs: 60_000 } });
}

const post = (url: string, body = '{}') =>
  new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

/** Every kind of answer the public server gives, with the status it must have. */
const CASES: Array<{ kind: string; status: number; request: () => Request }> = [
  { kind: 'HTML page', status: 200, request: () => new Request('http://portal.test/') },
  { kind: 'stylesheet asset', status: 200, request: () => new Request('http://portal.test/_astro/site.css') },
  { kind: 'image asset', status: 200, request: () => new Request('http://portal.test/logo.svg') },
  { kind: 'JSON API (form stored)', status: 201, request: () => post('http://portal.test/api/forms/question') },
  { kind: 'JSON API (search)', status: 200, request: () => new Request('http://portal.test/api/search?q=счётчик') },
  { kind: '404 page', status: 404, request: () => new Request('http://portal.test/net-takoy-stranicy/') },
  { kind: '404 API', status: 404, request: () => new Request('http://portal.test/api/users') },
  { kind: '404 admin', status: 404, request: () => new Request('http://portal.test/admin') },
  { kind: '413 too large', status: 413, request: () => post('http://portal.test/api/forms/question', 'x'.repeat(4096)) },
  { kind: '503 upstream down', status: 503, request: () => post('http://portal.test/api/forms/down') },
];

describe('security headers on every kind of response', () => {
  it.each(CASES)('$kind ($status)', async ({ status, request }) => {
    const response = await app().fetch(request());
    expect(response.status).toBe(status);
    expectSecurityHeaders(response.headers);
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('429 when rate-limited', async () => {
    const limited = app();
    // The in-process app has no socket: every request counts for the same unknown client.
    await limited.fetch(post('http://portal.test/api/forms/question'));
    const response = await limited.fetch(post('http://portal.test/api/forms/question'));
    expect(response.status).toBe(429);
    expectSecurityHeaders(response.headers);
  });

  it('HSTS on every kind of response behind TLS', async () => {
    for (const { request } of CASES) {
      const plain = request();
      const overTls = new Request(plain, { headers: new Headers([...plain.headers, ['x-forwarded-proto', 'https']]) });
      const response = await app().fetch(overTls);
      expect(response.headers.get('strict-transport-security')).toBe(STRICT_TRANSPORT_SECURITY);
    }
  });
});

function expectSecurityHeaders(headers: Headers): void {
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) expect(headers.get(name), name).toBe(value);
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("'unsafe-inline'");
  expect(csp).not.toContain("'unsafe-eval'");
}
