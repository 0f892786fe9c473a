import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SiteExportError, readSiteExport, resolveExportSource } from '../src/lib/export';

const fixturePath = fileURLToPath(new URL('../fixtures/site-export.json', import.meta.url));
let fixtureText: string;
let server: Server;
let baseUrl: string;
let dir: string;
/** Like the real export behind a proxy, `/api/site-export-internal` answers only with the internal token. */
const TOKEN = 'site-build-internal-token-123';

beforeAll(async () => {
  fixtureText = await readFile(fixturePath, 'utf8');
  dir = await mkdtemp(join(tmpdir(), 'site-export-'));
  // Serves the fixture like the CMS's GET /api/site-export, plus failing variants.
  server = createServer((req, res) => {
    if (req.url === '/api/site-export') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(fixtureText);
    } else if (req.url === '/api/site-export-internal') {
      const allowed = req.headers['x-internal-token'] === TOKEN;
      res.writeHead(allowed ? 200 : 403, { 'content-type': 'application/json' });
      res.end(allowed ? fixtureText : '{"message":"forbidden"}');
    } else if (req.url === '/html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html></html>');
    } else {
      res.writeHead(503);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

describe('readSiteExport', () => {
  it('reads and validates the snapshot over HTTP', async () => {
    const data = await readSiteExport({ kind: 'url', url: `${baseUrl}/api/site-export` });
    expect(data.faq).toEqual(JSON.parse(fixtureText).faq);
  });

  it('reads and validates the snapshot from a file', async () => {
    const data = await readSiteExport({ kind: 'file', path: fixturePath });
    expect(data.company.hotline).toBe(JSON.parse(fixtureText).company.hotline);
  });

  it('fails with the URL and status when the CMS answers with an error', async () => {
    await expect(readSiteExport({ kind: 'url', url: `${baseUrl}/broken` })).rejects.toThrow(/\/broken answered HTTP 503/);
  });

  it('fails when the CMS answers with something that is not JSON', async () => {
    await expect(readSiteExport({ kind: 'url', url: `${baseUrl}/html` })).rejects.toThrow(SiteExportError);
  });

  it('fails with the path when the file is missing or not JSON', async () => {
    await expect(readSiteExport({ kind: 'file', path: join(dir, 'missing.json') })).rejects.toThrow(/Cannot read SITE_EXPORT_FILE .*missing\.json/);
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{ "generatedAt": ');
    await expect(readSiteExport({ kind: 'file', path: broken })).rejects.toThrow(/broken\.json is not valid JSON/);
  });

  it('sends CMS_INTERNAL_TOKEN with the export request; without it the refusal fails the build', async () => {
    const url = `${baseUrl}/api/site-export-internal`;
    const data = await readSiteExport(resolveExportSource({ SITE_EXPORT_URL: url, CMS_INTERNAL_TOKEN: TOKEN }));
    expect(data.topics.length).toBe(10);
    await expect(readSiteExport(resolveExportSource({ SITE_EXPORT_URL: url }))).rejects.toThrow(/answered HTTP 403$/);
  });
});
