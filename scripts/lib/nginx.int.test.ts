import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './free-port';
import { ensureNginx, NGINX, selfSignedCertificate, testNginxSite, writeNginxWrapper } from './nginx';
import { ROOT } from './paths';

/**
 * deploy/nginx/portal.conf is valid for Debian's nginx: `nginx -t` on a wrapper that includes it, with generated
 * self-signed certificates in place of the placeholder paths; then the same site runs (on free loopback ports, in
 * front of stand-ins for the two servers) and routes as the README says. nginx is installed (not started as a
 * service) when missing.
 */
const site = fs.readFileSync(path.join(ROOT, 'deploy', 'nginx', 'portal.conf'), 'utf8');
const snippet = fs.readFileSync(path.join(ROOT, 'deploy', 'nginx', 'portal-proxy.conf'), 'utf8');
const dirs: string[] = [];
const certificates = new Map<string, { cert: string; key: string }>();
let certDir: string;

beforeAll(async () => {
  await ensureNginx((message) => process.stdout.write(`${message}\n`));
  certDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-nginx-certs-'));
  dirs.push(certDir);
  for (const host of ['energo.example.ru', 'cms.energo.example.ru']) certificates.set(host, await selfSignedCertificate(certDir, host));
}, 300_000);
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const check = (text: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-nginx-'));
  dirs.push(dir);
  return testNginxSite(dir, text, snippet, (host) => {
    const pair = certificates.get(host);
    if (!pair) throw new Error(`the site names a certificate for an unknown host ${host}`);
    return pair;
  });
};

describe('deploy/nginx/portal.conf', () => {
  it('passes nginx -t with certificates in place of the placeholders', async () => {
    expect(await check(site)).toMatch(/syntax is ok[\s\S]*test is successful/);
  });

  it('the check has teeth: a missing semicolon or an unknown directive fails it', async () => {
    await expect(check(site.replace('client_max_body_size 16m;', 'client_max_body_size 16m'))).rejects.toThrow(/nginx -t refused[\s\S]*emerg/);
    await expect(check(site.replace('server_tokens off;', 'server_tokenz off;'))).rejects.toThrow(/unknown directive "server_tokenz"/);
  });

  it('routes as documented when running: the public host to the public server, the staff host to the CMS, internal paths nowhere', async () => {
    // Stand-ins for the public server and the CMS that say who answered, for which path, with which forwarded address.
    const seen: string[] = [];
    const standIn = (who: string) =>
      http.createServer((req, res) => {
        seen.push(`${who} ${req.method} ${req.url}`);
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ who, path: req.url, forwardedFor: req.headers['x-forwarded-for'], proto: req.headers['x-forwarded-proto'], host: req.headers.host }));
      });
    const publicServer = standIn('public');
    const cms = standIn('cms');
    await Promise.all([publicServer, cms].map((server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))));
    const [plainPort, tlsPort] = [await freePort(), await freePort()];
    const running = site
      .replace(/^\s*listen \[::\]:\d+.*$/gm, '')
      .replace(/listen 80;/g, `listen 127.0.0.1:${plainPort};`)
      .replace(/listen 443 ssl http2;/g, `listen 127.0.0.1:${tlsPort} ssl http2;`)
      .replace(/127\.0\.0\.1:3000/g, `127.0.0.1:${(publicServer.address() as AddressInfo).port}`)
      .replace(/127\.0\.0\.1:3001/g, `127.0.0.1:${(cms.address() as AddressInfo).port}`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-nginx-run-'));
    dirs.push(dir);
    fs.chmodSync(dir, 0o755);
    const config = writeNginxWrapper(dir, running, snippet, (host) => certificates.get(host) as { cert: string; key: string });
    let nginx: ChildProcess | undefined;
    try {
      nginx = spawn(NGINX, ['-c', config, '-p', `${dir}/`, '-e', path.join(dir, 'logs', 'error.log'), '-g', 'daemon off;'], { stdio: 'ignore' });
      const request = (host: string, pathname: string, { tls = true, method = 'GET' }: { tls?: boolean; method?: string } = {}) =>
        new Promise<{ status: number; location?: string; hsts?: string; body: string }>((resolve, reject) => {
          const options = { host: '127.0.0.1', port: tls ? tlsPort : plainPort, path: pathname, method, headers: { Host: host }, servername: host, rejectUnauthorized: false };
          const req = (tls ? https : http).request(options, (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (body += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, ...(res.headers.location ? { location: res.headers.location } : {}), ...(res.headers['strict-transport-security'] ? { hsts: res.headers['strict-transport-security'] as string } : {}), body }));
          });
          req.on('error', reject);
          req.end();
        });
      const deadline = Date.now() + 10_000;
      while (await request('energo.example.ru', '/').then(() => false, () => Date.now() < deadline)) await new Promise((resolve) => setTimeout(resolve, 100));

      const home = await request('energo.example.ru', '/tarify/');
      expect(home.status).toBe(200);
      expect(JSON.parse(home.body)).toEqual({ who: 'public', path: '/tarify/', forwardedFor: '127.0.0.1', proto: 'https', host: 'energo.example.ru' });
      expect(JSON.parse((await request('energo.example.ru', '/api/forms/question', { method: 'POST' })).body)).toMatchObject({ who: 'public', path: '/api/forms/question' });
      expect(JSON.parse((await request('energo.example.ru', '/api/search?q=%D1%82%D0%B0%D1%80%D0%B8%D1%84')).body)).toMatchObject({ who: 'public' });
      expect(JSON.parse((await request('energo.example.ru', '/administrativnye-uslugi/')).body)).toMatchObject({ who: 'public' });
      const before = seen.length;
      for (const pathname of ['/admin', '/admin/collections/appeals', '/healthz', '/readyz']) expect((await request('energo.example.ru', pathname)).status, pathname).toBe(404);
      expect(seen.slice(before), 'nothing of these reached a server').toEqual([]);

      expect(JSON.parse((await request('cms.energo.example.ru', '/admin/collections/appeals')).body)).toMatchObject({ who: 'cms', path: '/admin/collections/appeals', proto: 'https' });
      expect(JSON.parse((await request('cms.energo.example.ru', '/api/appeals?limit=1')).body)).toMatchObject({ who: 'cms' });
      expect(await request('cms.energo.example.ru', '/')).toMatchObject({ status: 302, location: expect.stringMatching(/\/admin$/) });
      expect((await request('cms.energo.example.ru', '/admin')).hsts).toBe('max-age=31536000');
      const staffBefore = seen.length;
      for (const pathname of ['/api/health', '/api/healthz', '/api/readyz', '/api/site-export', '/api/mail-intake', '/api/backup']) expect((await request('cms.energo.example.ru', pathname)).status, pathname).toBe(404);
      expect(seen.slice(staffBefore)).toEqual([]);

      expect(await request('energo.example.ru', '/vopros/?x=1', { tls: false })).toMatchObject({ status: 301, location: 'https://energo.example.ru/vopros/?x=1' });
    } finally {
      nginx?.kill('SIGTERM');
      if (nginx && nginx.exitCode === null) await new Promise((resolve) => nginx?.once('exit', resolve));
      publicServer.close();
      cms.close();
    }
  });
});
