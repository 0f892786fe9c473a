import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureNginx, selfSignedCertificate, testNginxSite } from './nginx';
import { ROOT } from './paths';

/**
 * deploy/nginx/portal.conf is valid for Debian's nginx: `nginx -t` on a wrapper that includes it, with generated
 * self-signed certificates in place of the placeholder paths. nginx is installed (not started) when missing.
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

  it('keeps the admin and the internal endpoints off the public host, and the staff host on its own name', () => {
    const servers = site.split(/^server \{/m).slice(1);
    const publicHost = servers.find((block) => /server_name energo\.example\.ru;/.test(block)) ?? '';
    const staffHost = servers.find((block) => /server_name cms\.energo\.example\.ru;/.test(block)) ?? '';
    expect(publicHost).toMatch(/location = \/admin +\{ return 404; \}/);
    expect(publicHost).toMatch(/location \^~ \/admin\/ \{ return 404; \}/);
    expect(publicHost).not.toContain('127.0.0.1:3001');
    expect(staffHost).toContain('proxy_pass http://127.0.0.1:3001;');
    expect(staffHost).toMatch(/location ~ \^\/api\/\(health\|healthz\|readyz\|site-export\|mail-intake\|backup\)\$ \{ return 404; \}/);
  });
});
