import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPublicApp } from './public-server';

/*
 * Booking without JavaScript (issue 20): the server-rendered steps cannot solve the proof-of-work, so the public server
 * sends such bookings with its no-script header and allows only a few per address an hour; over that the visitor
 * gets a 429 page in Russian with what they typed kept. The island's bookings carry a solution and are not counted
 * there. A stand-in CMS records what reaches it.
 */

interface Seen {
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

let tmp: string;
let upstream: http.Server;
let origin: string;
const bookings: Seen[] = [];

const OFFICES = [{ slug: 'centralnyy', name: 'ЦОК «Центральный»', settlement: 'Североозёрск', address: 'ул. Ленина, 1', topics: [{ slug: 'dogovor', title: 'Договор', minutes: 30 }] }];

function startUpstream(): Promise<http.Server> {
  const cms = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const pathname = new URL(req.url ?? '/', 'http://cms').pathname;
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      if (pathname === '/api/forms/booking/offices') return res.end(JSON.stringify({ offices: OFFICES }));
      if (pathname === '/api/forms/booking/slots') return res.end(JSON.stringify({ days: [{ date: '2030-01-10', times: ['10:00', '10:30'] }] }));
      if (pathname === '/api/forms/booking' && req.method === 'POST') {
        bookings.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> });
        res.statusCode = 201;
        return res.end(JSON.stringify({ code: 'З-ABCDEF', date: '2030-01-10', startTime: '10:00', endTime: '10:30', manageUrl: 'http://site.local/zapis/moya/?t=abcdefghijklmnopqrstuvwxyz' }));
      }
      res.statusCode = 404;
      res.end('{}');
    });
  });
  return new Promise((resolve) => cms.listen(0, '127.0.0.1', () => resolve(cms)));
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'booking-page-'));
  await mkdir(path.join(tmp, 'zapis'), { recursive: true });
  await writeFile(path.join(tmp, 'zapis', 'index.html'), '<!doctype html><html lang="ru"><body><main><div data-booking><!--portal:booking--></div></main></body></html>');
  upstream = await startUpstream();
  origin = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => upstream.close(resolve));
  await rm(tmp, { recursive: true, force: true });
});
beforeEach(() => {
  bookings.length = 0;
});

const form = (extra: Record<string, string> = {}) =>
  new URLSearchParams({ office: 'centralnyy', topic: 'dogovor', date: '2030-01-10', time: '10:00', name: 'Пётр Ильич', phone: '', email: 'petr@example.ru', consent: 'on', ...extra }).toString();
const post = (app: ReturnType<typeof createPublicApp>, body: string, headers: Record<string, string> = {}) =>
  app.request('http://site.local/zapis/', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, body });

describe('bookings without JavaScript through the public server', () => {
  it('allows five bookings without proof-of-work per address an hour, marked for the CMS; the sixth gets a 429 page in Russian with the values kept', async () => {
    const app = createPublicApp({ siteDir: () => tmp, cmsOrigin: origin });
    for (let i = 0; i < 5; i += 1) expect((await post(app, form())).status).toBe(201);
    expect(bookings).toHaveLength(5);
    expect(bookings.every((seen) => seen.headers['x-portal-noscript-form'] === '1' && seen.body.altcha === undefined)).toBe(true);

    const refused = await post(app, form());
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('text/html');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const html = await refused.text();
    expect(html).toContain('С вашего адреса уже было несколько записей без JavaScript за последний час');
    expect(html).toContain('value="Пётр Ильич"');
    expect(html).toContain('value="petr@example.ru"');
    expect(bookings).toHaveLength(5);
  });

  it("the island's bookings carry their solution to the CMS and are not counted against the no-script limit", async () => {
    const app = createPublicApp({ siteDir: () => tmp, cmsOrigin: origin, bookingNoScriptRateLimit: { limit: 1, windowMs: 60 * 60_000 } });
    expect((await post(app, form())).status).toBe(201);
    expect((await post(app, form())).status).toBe(429);
    const withSolution = await post(app, form({ altcha: 'c29sdmVk' }));
    expect(withSolution.status).toBe(201);
    expect(bookings).toHaveLength(2);
    expect(bookings[1]).toMatchObject({ body: { altcha: 'c29sdmVk' } });
    expect(bookings[1]!.headers['x-portal-noscript-form']).toBeUndefined();
  });

  it("a visitor's own no-script header on the JSON endpoint never reaches the CMS", async () => {
    const app = createPublicApp({ siteDir: () => tmp, cmsOrigin: origin });
    const answer = await app.request('http://site.local/api/forms/booking', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Portal-Noscript-Form': '1' },
      body: JSON.stringify({ office: 'centralnyy' }),
    });
    expect(answer.status).toBe(201);
    expect(bookings).toHaveLength(1);
    expect(bookings[0]!.headers['x-portal-noscript-form']).toBeUndefined();
  });
});
