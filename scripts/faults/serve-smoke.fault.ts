/**
 * `npm run serve` on the build (issue 16, production mode): the real entry point as a child process with a
 * production environment — an SMTP server of the test's own (the mail sink) as SMTP_URL, free ports, a fresh data
 * folder, no demo content. It must refuse to start without each of its four variables (naming it, starting
 * nothing); started, /readyz answers 200, the home page 200, the portal holds no demo content, a question sent
 * through the public server gets its confirmation at the sink, every line it prints is JSON with none of the
 * client's data, and SIGTERM stops it cleanly. Runs in the fault stage, after the stack has built the admin.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCompany } from '@portal/content';
import { startMailSink, type RunningMailSink } from '@portal/mail-sink/mail-sink';
import type { StoredMail } from '@portal/mail-sink/mail-store';
import { afterAll, describe, expect, it } from 'vitest';
import { submitQuestion } from '../lib/form-client';
import { freePort, portIsFree } from '../lib/free-port';
import { BIN, ROOT } from '../lib/paths';
import { childEnv, ensureCmsBuild } from '../lib/stack';

const log = (message: string) => process.stdout.write(`[serve ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const folders: string[] = [];
const children: ChildProcess[] = [];
let sink: RunningMailSink | undefined;
/** Stops a serve still running as systemd would (SIGTERM: it stops its children), killing it after 30 s. */
async function stopServe(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}
afterAll(async () => {
  for (const child of children) await stopServe(child);
  await sink?.close();
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

const tempDir = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  folders.push(dir);
  return dir;
};

/** Starts `npm run serve` (its tsx entry point) with exactly `env` on top of the test's own, collecting its output. */
function serve(env: Record<string, string | undefined>) {
  const base = childEnv();
  for (const name of ['PAYLOAD_SECRET', 'SMTP_URL', 'SITE_URL', 'CMS_PUBLIC_URL', 'SEED_DEMO', 'DATABASE_URL', 'CMS_INTERNAL_TOKEN']) delete base[name];
  const child = spawn(BIN.tsx, [path.join(ROOT, 'scripts', 'serve.ts')], { cwd: ROOT, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const out: string[] = [];
  let err = '';
  let buffered = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    out.push(...lines.filter((line) => line.trim()));
  });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out, stderr: () => err, exited };
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${what}: not within ${Math.round(timeoutMs / 1000)} s`);
}

describe('npm run serve', () => {
  it('refuses to start without each production variable, naming it, with nothing started', async () => {
    await ensureCmsBuild(log);
    const ports = { PUBLIC_PORT: String(await freePort()), CMS_PORT: String(await freePort()) };
    const full = { PAYLOAD_SECRET: 'serve-smoke-secret-serve-smoke-secret-42', SMTP_URL: 'smtp://127.0.0.1:2', SITE_URL: 'http://127.0.0.1:1', CMS_PUBLIC_URL: 'http://127.0.0.1:1', PORTAL_VAR_DIR: tempDir('portal-serve-refused-'), ...ports };
    const results = await Promise.all(
      (['PAYLOAD_SECRET', 'SMTP_URL', 'SITE_URL', 'CMS_PUBLIC_URL'] as const).map(async (missing) => {
        const run = serve({ ...full, [missing]: undefined });
        // A serve that does not refuse starts the portal and never exits by itself: give up after 30 s.
        const code = await Promise.race([run.exited, new Promise<'started'>((resolve) => setTimeout(() => resolve('started'), 30_000))]);
        if (code === 'started') await stopServe(run.child);
        return { missing, code, stderr: run.stderr(), stdout: run.out.join('\n') };
      }),
    );
    for (const result of results) {
      expect(result.code, `exit code without ${result.missing}`).toBe(2);
      expect(result.stderr).toContain(`${result.missing}: required`);
      expect(result.stdout, 'nothing started').toBe('');
    }
    expect(await portIsFree(Number(ports.PUBLIC_PORT))).toBe(true);
    expect(await portIsFree(Number(ports.CMS_PORT))).toBe(true);
    expect(fs.readdirSync(full.PORTAL_VAR_DIR), 'nothing written to the data folder').toEqual([]);
  });

  it('serves the built portal: ready, no demo content, a question confirmed by e-mail, JSON logs without personal data, clean stop', async () => {
    await ensureCmsBuild(log);
    const varDir = tempDir('portal-serve-');
    sink = await startMailSink({ smtpPort: 0, webPort: 0, dir: tempDir('portal-serve-mail-') });
    const publicPort = await freePort();
    const cmsPort = await freePort();
    const site = `http://127.0.0.1:${publicPort}`;
    const cms = `http://127.0.0.1:${cmsPort}`;
    const adminPassword = 'serve-smoke-admin-password-1';
    const started = Date.now();
    const run = serve({
      PAYLOAD_SECRET: 'serve-smoke-secret-serve-smoke-secret-42',
      SMTP_URL: `smtp://127.0.0.1:${sink.smtpPort}`,
      SITE_URL: site,
      CMS_PUBLIC_URL: cms,
      PUBLIC_PORT: String(publicPort),
      CMS_PORT: String(cmsPort),
      PORTAL_VAR_DIR: varDir,
      ADMIN_EMAIL: 'admin@example.ru',
      ADMIN_PASSWORD: adminPassword,
      MAIL_FROM: 'Энергосбыт <robot@example.ru>',
    });
    let dead = false;
    void run.exited.then(() => (dead = true));

    // Ready: the public server's /readyz (its site build plus the CMS's database, SMTP and site checks).
    const ready = await until('/readyz 200', 240_000, async () => {
      if (dead) throw new Error(`serve exited:\n${run.out.slice(-20).join('\n')}\n${run.stderr()}`);
      const response = await fetch(`${site}/readyz`);
      return response.status === 200 ? ((await response.json()) as { checks: Record<string, string> }) : undefined;
    }).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${run.out.slice(-20).join('\n')}`);
    });
    log(`ready in ${Math.round((Date.now() - started) / 1000)} s: ${JSON.stringify(ready.checks)}`);
    expect(ready.checks).toEqual({ publicSite: 'ok', database: 'ok', smtp: 'ok', site: 'ok' });
    expect((await fetch(`${cms}/api/readyz`)).status).toBe(200);
    expect((await fetch(`${site}/healthz`)).status).toBe(200);

    const home = await fetch(`${site}/`);
    expect(home.status).toBe(200);
    const homeHtml = await home.text();

    // No demo content: neither the demo company nor its FAQ, topics or administrator-less seed.
    const demo = loadCompany({ root: path.join(ROOT, 'content') });
    expect(homeHtml).not.toContain(demo.name);
    const faq = (await (await fetch(`${site}/api/search?q=${encodeURIComponent('показания счётчика')}`)).json()) as { total?: number; hits?: unknown[] };
    expect(faq.hits ?? []).toEqual([]);

    // A topic for the question, as an editor would add it (the portal starts empty).
    const login = await fetch(`${cms}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: cms }, body: JSON.stringify({ email: 'admin@example.ru', password: adminPassword }) });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const topic = await fetch(`${cms}/api/topics`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}`, Origin: cms }, body: JSON.stringify({ title: 'Показания', slug: 'pokazaniya', handlerGroup: 'abonentskiy-otdel', _status: 'published' }) });
    expect(topic.status, await topic.clone().text()).toBe(201);

    const client = { email: `serve.smoke.${Date.now().toString(36)}@example.ru`, name: 'Зинаида Пахомовна Кривошеина', text: 'Прошу проверить начисление за электроэнергию по лицевому счёту, смоук-проверка продакшена.' };
    const outcome = await submitQuestion(site, { key: `serve-smoke-${Date.now()}`, email: client.email, name: client.name, text: client.text, topic: 'pokazaniya' });
    expect(outcome.statuses.at(-1), JSON.stringify(outcome)).toBe(201);
    const number = outcome.registrationNumber as string;
    const letter = await until('the confirmation letter at the sink', 30_000, async () => {
      const letters = (await (await fetch(`${sink?.webUrl}/api/messages?to=${encodeURIComponent(client.email)}`)).json()) as StoredMail[];
      return letters.find((mail) => mail.text.includes(number));
    });
    expect(letter.to).toEqual([client.email]);

    // Stop as systemd does: SIGTERM, both children gone, ports free, exit 0.
    run.child.kill('SIGTERM');
    const code = await Promise.race([run.exited, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 30_000))]);
    expect(code).toBe(0);
    expect(await portIsFree(publicPort)).toBe(true);
    expect(await portIsFree(cmsPort)).toBe(true);
    log(`stopped; ${run.out.length} log lines in ${Math.round((Date.now() - started) / 1000)} s`);

    // Every line is one JSON object; none carries the client's e-mail, name or text (nor the local part alone).
    expect(run.out.length).toBeGreaterThan(5);
    const notJson = run.out.filter((line) => {
      try {
        const parsed: unknown = JSON.parse(line);
        return !(parsed && typeof parsed === 'object' && !Array.isArray(parsed));
      } catch {
        return true;
      }
    });
    expect(notJson).toEqual([]);
    for (const value of [client.email, client.email.split('@')[0] as string, client.name, client.text, client.text.slice(0, 30)]) {
      expect(run.out.filter((line) => line.includes(value)), `log lines containing «${value}»`).toEqual([]);
    }
  });
});
