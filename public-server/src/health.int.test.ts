import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPublicServer, type RunningPublicServer } from './public-server-main';

/**
 * `/healthz` and `/readyz` of the public server: for monitoring on this machine only, and ready only when it has a
 * site to serve and the CMS says it is ready. The CMS is a stand-in answering its `/api/readyz` as told.
 */
let tmp: string;
let site: string;
let cms: http.Server;
let cmsReady: { status: number; checks: Record<string, string> } = { status: 200, checks: { database: 'ok', smtp: 'ok', site: 'ok' } };
let server: RunningPublicServer;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-public-health-'));
  site = path.join(tmp, 'site');
  fs.mkdirSync(site);
  fs.writeFileSync(path.join(site, 'index.html'), '<!doctype html><title>Главная</title>');
  fs.writeFileSync(path.join(site, '404.html'), '<!doctype html><title>Не найдено</title>');
  cms = http.createServer((req, res) => {
    if (req.url === '/api/readyz') {
      res.writeHead(cmsReady.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ready: cmsReady.status === 200, checks: cmsReady.checks }));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => cms.listen(0, '127.0.0.1', resolve));
  server = await startPublicServer({ port: 0, siteDir: () => site, cmsOrigin: `http://127.0.0.1:${(cms.address() as AddressInfo).port}` });
});
afterAll(async () => {
  await server?.close();
  cms?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const get = async (pathname: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${server.url}${pathname}`, { headers });
  const text = await response.text();
  return { status: response.status, text, body: response.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as { ok?: boolean; ready?: boolean; checks?: Record<string, string> }) : undefined };
};

describe('public server health', () => {
  it('healthz: 200 for a probe on this machine', async () => {
    expect(await get('/healthz')).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('readyz: 200 with its own check and the CMS’s when both are ready', async () => {
    expect(await get('/readyz')).toMatchObject({ status: 200, body: { ready: true, checks: { publicSite: 'ok', database: 'ok', smtp: 'ok', site: 'ok' } } });
  });

  it('readyz: 503 passing on the CMS’s failed check', async () => {
    cmsReady = { status: 503, checks: { database: 'ok', smtp: 'failed: relay:587 not reachable (ECONNREFUSED)', site: 'ok' } };
    try {
      expect(await get('/readyz')).toMatchObject({ status: 503, body: { ready: false, checks: { publicSite: 'ok', smtp: 'failed: relay:587 not reachable (ECONNREFUSED)' } } });
    } finally {
      cmsReady = { status: 200, checks: { database: 'ok', smtp: 'ok', site: 'ok' } };
    }
  });

  it('readyz: 503 naming the site when this server has no build to serve', async () => {
    fs.renameSync(path.join(site, 'index.html'), path.join(tmp, 'index.html'));
    try {
      const { status, body } = await get('/readyz');
      expect(status).toBe(503);
      expect(body?.checks?.publicSite).toMatch(/^failed: /);
    } finally {
      fs.renameSync(path.join(tmp, 'index.html'), path.join(site, 'index.html'));
    }
  });

  it('neither answers a request that came through a proxy: a visitor gets the site’s 404 page', async () => {
    for (const pathname of ['/healthz', '/readyz']) {
      for (const headers of [{ 'X-Forwarded-For': '203.0.113.9' }, { 'X-Real-IP': '203.0.113.9' }, { Forwarded: 'for=203.0.113.9' }] as Record<string, string>[]) {
        const { status, text } = await get(pathname, headers);
        expect(status).toBe(404);
        expect(text).toContain('Не найдено');
      }
    }
  });
});
