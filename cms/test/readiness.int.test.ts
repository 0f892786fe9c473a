import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { PayloadRequest } from 'payload';
import { startMailSink, type RunningMailSink } from '@portal/mail-sink/mail-sink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/free-port';
import { startTestCms, type TestCms } from './harness';

/**
 * `GET /api/healthz` and `/api/readyz` of the CMS, as `npm run serve`'s monitoring asks them: readiness needs the
 * database, the SMTP server's greeting (the real mail sink) and a site build; each failure is named in a 503.
 */
let cms: TestCms;
let sink: RunningMailSink | undefined;
let smtpPort: number;
const siteRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-readyz-site-'));
const currentLink = path.join(siteRoot, 'current');
const TOKEN = 'readiness-test-internal-token-123';

beforeAll(async () => {
  smtpPort = await freePort();
  sink = await startMailSink({ smtpPort, webPort: 0, dir: path.join(siteRoot, 'mail') });
  fs.mkdirSync(path.join(siteRoot, 'builds', 'b1'), { recursive: true });
  fs.writeFileSync(path.join(siteRoot, 'builds', 'b1', 'index.html'), '<!doctype html><title>site</title>');
  fs.symlinkSync(path.join(siteRoot, 'builds', 'b1'), currentLink);
  cms = await startTestCms({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, SITE_CURRENT_LINK: currentLink, CMS_INTERNAL_TOKEN: TOKEN });
});
afterAll(async () => {
  await sink?.close();
  await cms?.close();
  fs.rmSync(siteRoot, { recursive: true, force: true });
});

async function call(name: 'healthz' | 'readyz', headers: Record<string, string> = { 'x-forwarded-for': '127.0.0.1' }) {
  const { healthzEndpoint, readyzEndpoint } = await import('../src/endpoints/health');
  const endpoint = name === 'healthz' ? healthzEndpoint : readyzEndpoint;
  const request = new Request(`http://cms.local/api/${name}`, { headers });
  const response = await endpoint.handler(Object.assign(request, { payload: cms.payload }) as unknown as PayloadRequest);
  return { status: response.status, body: (await response.json()) as { ok?: boolean; ready?: boolean; checks?: Record<string, string> }, cache: response.headers.get('cache-control') };
}

describe('CMS health endpoints', () => {
  it('answer only loopback callers or the internal token', async () => {
    for (const name of ['healthz', 'readyz'] as const) {
      expect((await call(name, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(403);
      // Through nginx: the proxy appends the visitor's address, so a forged 127.0.0.1 does not pass.
      expect((await call(name, { 'x-forwarded-for': '127.0.0.1, 203.0.113.9' })).status).toBe(403);
      expect((await call(name, { 'x-internal-token': TOKEN, 'x-forwarded-for': '203.0.113.9' })).status).not.toBe(403);
    }
  });

  it('healthz: 200 while the process runs', async () => {
    expect(await call('healthz')).toMatchObject({ status: 200, body: { ok: true }, cache: 'no-store' });
  });

  it('readyz: 200 when the database answers, the SMTP server greets and a site build is present', async () => {
    expect(await call('readyz')).toMatchObject({ status: 200, body: { ready: true, checks: { database: 'ok', smtp: 'ok', site: 'ok' } }, cache: 'no-store' });
  });

  it('readyz: 503 naming the site when no build is present', async () => {
    fs.renameSync(path.join(siteRoot, 'builds', 'b1', 'index.html'), path.join(siteRoot, 'index.html.away'));
    try {
      const { status, body } = await call('readyz');
      expect(status).toBe(503);
      expect(body.ready).toBe(false);
      expect(body.checks).toMatchObject({ database: 'ok', smtp: 'ok' });
      expect(body.checks?.site).toMatch(/^failed: no site build/);
    } finally {
      fs.renameSync(path.join(siteRoot, 'index.html.away'), path.join(siteRoot, 'builds', 'b1', 'index.html'));
    }
  });

  it('readyz: 503 naming SMTP when the server is down, and when it accepts but never greets (within the 2 s limit)', async () => {
    await sink?.close();
    sink = undefined;
    const down = await call('readyz');
    expect(down.status).toBe(503);
    expect(down.body.checks).toMatchObject({ database: 'ok', site: 'ok' });
    expect(down.body.checks?.smtp).toBe(`failed: 127.0.0.1:${smtpPort} not reachable (ECONNREFUSED)`);

    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(smtpPort, '127.0.0.1', resolve));
    try {
      const started = Date.now();
      const mute = await call('readyz');
      expect(Date.now() - started).toBeLessThan(4000);
      expect(mute.status).toBe(503);
      expect(mute.body.checks?.smtp).toBe(`failed: no SMTP greeting from 127.0.0.1:${smtpPort} within 2000 ms`);
    } finally {
      silent.close();
    }
  });
});

describe('the SMTP probe of readyz', () => {
  /** A raw TCP server that greets every connection with `greeting` and records what the client sends. */
  async function greeter(greeting: string) {
    const received: string[] = [];
    const server = net.createServer((socket) => {
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => received.push(chunk));
      socket.on('error', () => undefined);
      socket.write(greeting);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { port: (server.address() as net.AddressInfo).port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }

  it('accepts a 220 greeting, sends only QUIT (no login, no mail), and never shows the URL’s credentials', async () => {
    const { probeSmtp } = await import('../src/appeals/outbox/smtp-probe');
    const server = await greeter('220 relay.example.ru ESMTP ready\r\n');
    try {
      expect(await probeSmtp(`smtp://robot:hunter2@127.0.0.1:${server.port}`)).toEqual({ ok: true });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(server.received.join('')).toBe('QUIT\r\n');
    } finally {
      await server.close();
    }
  });

  it('refuses a server that answers with something other than 220 (e.g. 554: no service), naming the code', async () => {
    const { probeSmtp } = await import('../src/appeals/outbox/smtp-probe');
    const server = await greeter('554 5.3.2 Service currently unavailable\r\n');
    try {
      const probe = await probeSmtp(`smtp://robot:hunter2@127.0.0.1:${server.port}`);
      expect(probe).toEqual({ ok: false, reason: `127.0.0.1:${server.port} answered «554» instead of the 220 greeting` });
      expect(JSON.stringify(probe)).not.toContain('hunter2');
    } finally {
      await server.close();
    }
  });
});
