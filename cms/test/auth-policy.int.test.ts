import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Payload } from 'payload';
import { FORGED_REQUEST_MESSAGE, withSecureSessionCookie } from '../src/access/forged-requests';
import { CURRENT_PASSWORD_MESSAGE } from '../src/collections/Users/hooks/current-password';
import { PASSWORD_POLICY_MESSAGE } from '../src/collections/Users/password-policy';
import { publishingReport } from '../src/publishing/report';
import { startMailSink, type RunningMailSink } from '@portal/mail-sink/mail-sink';
import { freePort } from '../../scripts/lib/free-port';
import { createStaff, startTestCms, type TestCms } from './harness';
import { restApi } from './support/rest';

/** The admin's public address in production: https, on its own subdomain next to the site's www. */
const CMS = 'https://cms.example.ru';
const STAFF_PASSWORD = 'staff-password-1234';

let cms: TestCms;
let payload: Payload;
let rest: (request: Request) => Promise<Response>;
let sink: RunningMailSink;
let mailDir: string;
let relay: StallingRelay;

/**
 * The CMS's mail server as seen through a relay that stalls: it accepts connections and answers nothing (a mail
 * server that hangs) until `forward()`, then passes them on to the mail sink.
 */
interface StallingRelay {
  port: number;
  /** Resolves at the next connection made to the mail server. */
  nextConnection(): Promise<'waiting on SMTP'>;
  forward(): void;
  close(): Promise<void>;
}
async function startStallingRelay(target: number): Promise<StallingRelay> {
  let forwarding = false;
  const held = new Set<net.Socket>();
  const open = new Set<net.Socket>();
  let waiters: ((value: 'waiting on SMTP') => void)[] = [];
  const server = net.createServer((socket) => {
    open.add(socket);
    socket.on('error', () => undefined).on('close', () => open.delete(socket));
    for (const wake of waiters) wake('waiting on SMTP');
    waiters = [];
    if (!forwarding) {
      held.add(socket);
      return;
    }
    const upstream = net.connect(target, '127.0.0.1');
    upstream.on('error', () => socket.destroy()).on('close', () => socket.destroy());
    socket.pipe(upstream).pipe(socket);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port,
    nextConnection: () => new Promise((resolve) => waiters.push(resolve)),
    forward() {
      forwarding = true;
      // A stalled pooled connection is dropped: the mailer connects anew, through to the sink.
      for (const socket of held) socket.destroy();
      held.clear();
    },
    close: async () => {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

beforeAll(async () => {
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-auth-mail-'));
  const smtpPort = await freePort();
  sink = await startMailSink({ smtpPort, webPort: 0, dir: mailDir });
  relay = await startStallingRelay(smtpPort);
  cms = await startTestCms({ CMS_PUBLIC_URL: CMS, SMTP_URL: `smtp://127.0.0.1:${relay.port}` });
  payload = cms.payload;
  rest = restApi(cms, CMS);
}, 180_000);
afterAll(async () => {
  delete process.env.CMS_PUBLIC_URL;
  await cms?.close();
  await relay?.close();
  await sink?.close();
  if (mailDir) fs.rmSync(mailDir, { recursive: true, force: true });
});

/** Logs in through REST from the admin's own page; returns the session cookie as the browser would send it. */
async function sessionCookie(email: string, password = STAFF_PASSWORD): Promise<string> {
  const response = await rest(new Request(`${CMS}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: CMS }, body: JSON.stringify({ email, password }) }));
  expect(response.status, `login of ${email}`).toBe(200);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('payload-token='));
  return String(cookie).split(';')[0] as string;
}

const login = (email: string, password: string) =>
  rest(new Request(`${CMS}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: CMS }, body: JSON.stringify({ email, password }) }));

async function auditEntries(target: string, documentId: string) {
  const found = await payload.find({ collection: 'audit-log', where: { and: [{ target: { equals: target } }, { documentId: { equals: documentId } }] }, sort: 'at', limit: 50 });
  return found.docs as unknown as { action: string; summary?: string; changedFields?: string; userEmail?: string }[];
}

describe('staff password policy', () => {
  it.each(['short-1', 'aaaaaaaaaaaaaaaa', '121212121212121'])('refuses «%s» with a Russian explanation', async (password) => {
    await expect(
      payload.create({ collection: 'users', overrideAccess: true, data: { email: `weak-${password.length}@example.ru`, password, roles: ['editor'] } as never }),
    ).rejects.toMatchObject({ data: { errors: [expect.objectContaining({ path: 'password', message: PASSWORD_POLICY_MESSAGE })] } });
  });

  it('accepts a long passphrase, and refuses a weak one on a password change', async () => {
    const user = await payload.create({
      collection: 'users',
      overrideAccess: true,
      data: { email: 'strong@example.ru', password: 'тёплый вечер у реки', roles: ['editor'] } as never,
    });
    await expect(
      payload.update({ collection: 'users', id: user.id, overrideAccess: true, data: { password: 'qwerty' } as never }),
    ).rejects.toMatchObject({ data: { errors: [expect.objectContaining({ path: 'password' })] } });
    const login = await payload.login({ collection: 'users', data: { email: 'strong@example.ru', password: 'тёплый вечер у реки' } });
    expect(login.token).toBeTruthy();
  });
});

describe('admin login rate limit', () => {
  it('locks the account after 5 wrong passwords, even for the right password afterwards', async () => {
    await createStaff(payload, 'target@example.ru', ['editor']);
    const attempt = (password: string) => payload.login({ collection: 'users', data: { email: 'target@example.ru', password } });
    for (let n = 0; n < 5; n += 1) await expect(attempt(`wrong-password-${n}`)).rejects.toThrow();
    // Told apart from a wrong password by nothing (see «one answer for every failed login» below).
    await expect(attempt('staff-password-1234')).rejects.toMatchObject({ name: 'AuthenticationError' });
  });
});

describe('forged requests (CSRF): cookie sessions act only from the CMS\'s own pages', () => {
  let adminCookie: string;
  beforeAll(async () => {
    adminCookie = await sessionCookie('admin@example.ru', 'admin-password-for-tests');
  });

  /** The attack of the finding: a multipart form on another site creating an administrator with the admin's cookie. */
  const createAdmin = (email: string, headers: Record<string, string>) => {
    const form = new FormData();
    form.set('_payload', JSON.stringify({ email, password: 'forged-admin-password-1', name: 'Чужой', roles: ['admin'] }));
    return rest(new Request(`${CMS}/api/users`, { method: 'POST', headers: { Cookie: adminCookie, ...headers }, body: form }));
  };
  const exists = async (email: string) => (await payload.count({ collection: 'users', where: { email: { equals: email } } })).totalDocs > 0;

  it.each([
    ['another site', { Origin: 'http://evil.example' }],
    ['the company\'s own public site (same-site subdomain)', { Origin: 'https://www.example.ru' }],
    ['the admin over plain http', { Origin: 'http://cms.example.ru' }],
    ['an opaque origin', { Origin: 'null' }],
    ['no Origin, Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
    ['no Origin, Sec-Fetch-Site: same-site', { 'Sec-Fetch-Site': 'same-site' }],
  ])('refuses a state-changing request with the session cookie from %s: 403, a Russian message, nothing created', async (_name, headers) => {
    const email = `forged-${crypto.randomUUID().slice(0, 8)}@example.ru`;
    const response = await createAdmin(email, headers);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ errors: [{ message: FORGED_REQUEST_MESSAGE }] });
    expect(await exists(email)).toBe(false);
  });

  it('refuses forged changes and deletions too (PATCH, DELETE)', async () => {
    const victim = (await createStaff(payload, 'csrf-victim@example.ru', ['editor'])) as { id: number };
    const headers = { Cookie: adminCookie, Origin: 'https://www.example.ru', 'Content-Type': 'application/json' };
    const patched = await rest(new Request(`${CMS}/api/users/${victim.id}`, { method: 'PATCH', headers, body: JSON.stringify({ roles: ['admin'] }) }));
    const deleted = await rest(new Request(`${CMS}/api/users/${victim.id}`, { method: 'DELETE', headers }));
    expect([patched.status, deleted.status]).toEqual([403, 403]);
    const stored = await payload.findByID({ collection: 'users', id: victim.id });
    expect(stored.roles).toEqual(['editor']);
  });

  it('accepts the same request from the admin\'s own origin, and from a JWT header without any Origin check', async () => {
    expect((await createAdmin('own-origin@example.ru', { Origin: CMS, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(201);
    const token = adminCookie.split('=')[1];
    const form = new FormData();
    form.set('_payload', JSON.stringify({ email: 'by-script@example.ru', password: 'script-made-password-1', name: 'Скрипт', roles: ['editor'] }));
    const byHeader = await rest(new Request(`${CMS}/api/users`, { method: 'POST', headers: { Authorization: `JWT ${token}` }, body: form }));
    expect(byHeader.status).toBe(201);
  });

  it('leaves requests without the session cookie alone (the public server forwarding forms carries none)', async () => {
    const response = await rest(new Request(`${CMS}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'http://localhost:3000' }, body: JSON.stringify({ email: 'nobody@example.ru', password: 'x' }) }));
    expect(response.status).toBe(401);
  });

  it('ignores a session cookie sent by a non-browser with neither Origin nor Sec-Fetch-Site (Payload `csrf`): anonymous, not the admin', async () => {
    const email = `cookie-only-${crypto.randomUUID().slice(0, 8)}@example.ru`;
    const response = await createAdmin(email, {});
    expect(response.status).toBe(403);
    expect(await exists(email)).toBe(false);
  });
});

describe('the session cookie', () => {
  it('is Secure when the admin is served over https (CMS_PUBLIC_URL), with SameSite=Lax and HttpOnly', async () => {
    const response = await login('admin@example.ru', 'admin-password-for-tests');
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('payload-token=')) ?? '';
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
  });

  it('gets Secure behind a TLS proxy (X-Forwarded-Proto: https) even when the CMS itself is not configured for https', () => {
    const plain = new Response('{}', { headers: [['Set-Cookie', 'payload-token=abc; Path=/; HttpOnly; SameSite=Lax'], ['Set-Cookie', 'other=1; Path=/']] });
    const behindProxy = withSecureSessionCookie(new Request('http://127.0.0.1:3001/api/users/login', { method: 'POST', headers: { 'X-Forwarded-Proto': 'https' } }), plain);
    expect(behindProxy.headers.getSetCookie()).toEqual(['payload-token=abc; Path=/; HttpOnly; SameSite=Lax; Secure', 'other=1; Path=/']);
    const direct = withSecureSessionCookie(new Request('http://127.0.0.1:3001/api/users/login', { method: 'POST' }), new Response('{}', { headers: { 'Set-Cookie': 'payload-token=abc; Path=/' } }));
    expect(direct.headers.getSetCookie()).toEqual(['payload-token=abc; Path=/']);
  });
});

describe('one answer for every failed login', () => {
  it('answers an unknown e-mail, a wrong password, the locking attempt and a locked account alike', async () => {
    await createStaff(payload, 'uniform@example.ru', ['editor']);
    const answers: { status: number; body: unknown }[] = [];
    const record = async (email: string, password: string) => {
      const response = await login(email, password);
      answers.push({ status: response.status, body: await response.json() });
    };
    await record('nobody-here@example.ru', 'wrong-password-0');
    for (let n = 1; n <= 5; n += 1) await record('uniform@example.ru', `wrong-password-${n}`); // the fifth locks
    await record('uniform@example.ru', STAFF_PASSWORD); // locked: even the right password
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]?.status).toBe(401);
    expect(JSON.stringify(answers[0]?.body)).not.toMatch(/lock|блок/i);
  });

  it('does the same password-hashing work for an unknown e-mail and a locked account as for a wrong password', async () => {
    await createStaff(payload, 'timing@example.ru', ['editor']);
    await createStaff(payload, 'timing-locked@example.ru', ['editor']);
    await payload.update({ collection: 'users', where: { email: { equals: 'timing-locked@example.ru' } }, overrideAccess: true, data: { lockUntil: new Date(Date.now() + 600_000).toISOString(), loginAttempts: 5 } as never });
    const pbkdf2 = vi.spyOn(crypto, 'pbkdf2');
    const work = async (email: string) => {
      pbkdf2.mockClear();
      await login(email, 'some-wrong-password');
      return pbkdf2.mock.calls.map((call) => `${String(call[2])} iterations, ${String(call[3])} bytes, ${String(call[4])}`);
    };
    try {
      const wrong = await work('timing@example.ru');
      expect(wrong).toEqual(['600000 iterations, 32 bytes, sha256']); // Payload's check of a current-format hash
      expect(await work('nobody-at-all@example.ru')).toEqual(wrong);
      expect(await work('timing-locked@example.ru')).toEqual(wrong);
    } finally {
      pbkdf2.mockRestore();
    }
  });
});

describe('unlocking accounts', () => {
  const unlock = (cookie: string, email: string) =>
    rest(new Request(`${CMS}/api/users/unlock`, { method: 'POST', headers: { Cookie: cookie, Origin: CMS, 'Content-Type': 'application/json' }, body: JSON.stringify({ email }) }));
  const lockedUntil = async (email: string) => (await payload.db.findOne({ collection: 'users', where: { email: { equals: email } } }) as { lockUntil?: string | null } | null)?.lockUntil ?? null;

  it('is refused to every staff role but administrators, the admin\'s own account included', async () => {
    for (const role of ['editor', 'handler', 'manager'] as const) await createStaff(payload, `unlocker-${role}@example.ru`, [role]);
    const target = (await createStaff(payload, 'locked-out@example.ru', ['editor'])) as { id: number };
    const until = new Date(Date.now() + 600_000).toISOString();
    await payload.update({ collection: 'users', id: target.id, overrideAccess: true, data: { lockUntil: until, loginAttempts: 5 } as never });
    for (const role of ['editor', 'handler', 'manager']) {
      const response = await unlock(await sessionCookie(`unlocker-${role}@example.ru`), 'locked-out@example.ru');
      expect(response.status, role).toBe(403);
    }
    expect(await lockedUntil('locked-out@example.ru')).not.toBeNull();
    const byAdmin = await unlock(await sessionCookie('admin@example.ru', 'admin-password-for-tests'), 'locked-out@example.ru');
    expect(byAdmin.status).toBe(200);
    expect(await lockedUntil('locked-out@example.ru')).toBeNull();
    const entries = await auditEntries('users', String(target.id));
    expect(entries.at(-1)).toMatchObject({ action: 'update', summary: 'Разблокировка входа: locked-out@example.ru', userEmail: 'admin@example.ru' });
  });
});

describe('own e-mail and password changes need the current password', () => {
  it('refuses a password or e-mail change of one\'s own account without the right current password, and accepts it with it', async () => {
    const self = (await createStaff(payload, 'changer@example.ru', ['handler'])) as { id: number };
    const as = { ...(self as object), collection: 'users' } as never;
    const change = (data: Record<string, unknown>) => payload.update({ collection: 'users', id: self.id, user: as, overrideAccess: false, data: data as never });
    const refusal = { status: 400, message: CURRENT_PASSWORD_MESSAGE };
    await expect(change({ password: 'новая длинная фраза один' })).rejects.toMatchObject(refusal);
    await expect(change({ password: 'новая длинная фраза один', currentPassword: 'not-the-password-1' })).rejects.toMatchObject(refusal);
    await expect(change({ email: 'taken-over@example.ru' })).rejects.toMatchObject(refusal);
    // Nothing else of one's own account needs it.
    await change({ position: 'Ведущий специалист' });
    await change({ password: 'новая длинная фраза один', currentPassword: STAFF_PASSWORD });
    await change({ email: 'changer-new@example.ru', currentPassword: 'новая длинная фраза один' });
    const loggedIn = await payload.login({ collection: 'users', data: { email: 'changer-new@example.ru', password: 'новая длинная фраза один' } });
    expect(loggedIn.token).toBeTruthy();
  });

  it('counts a wrong current password as a failed login of that account: the same 5-attempt lock, then even the right one is refused', async () => {
    const self = (await createStaff(payload, 'guessed@example.ru', ['editor'])) as { id: number };
    const as = { ...(self as object), collection: 'users' } as never;
    const change = (currentPassword: string) =>
      payload.update({ collection: 'users', id: self.id, user: as, overrideAccess: false, data: { password: 'захваченный пароль навсегда', currentPassword } as never });
    const refusal = { status: 400, message: CURRENT_PASSWORD_MESSAGE };
    // Two wrong passwords at the login form and three through the «Текущий пароль» check: five in one counter.
    for (let n = 0; n < 2; n += 1) expect((await login('guessed@example.ru', `wrong-login-${n}`)).status).toBe(401);
    for (let n = 0; n < 3; n += 1) await expect(change(`wrong-current-${n}`)).rejects.toMatchObject(refusal);
    // Locked: the login form refuses the right password, and so does the own change, with the same sentence.
    expect((await login('guessed@example.ru', STAFF_PASSWORD)).status).toBe(401);
    await expect(change(STAFF_PASSWORD)).rejects.toMatchObject(refusal);
    const stored = (await payload.db.findOne({ collection: 'users', where: { id: { equals: self.id } } })) as { lockUntil?: string | null };
    expect(new Date(String(stored.lockUntil)).getTime()).toBeGreaterThan(Date.now() + 9 * 60_000); // lockTime: 10 minutes
  });

  it('lets the right current password through after fewer than 5 wrong ones, and starts the count anew', async () => {
    const self = (await createStaff(payload, 'typo@example.ru', ['editor'])) as { id: number };
    const as = { ...(self as object), collection: 'users' } as never;
    const change = (password: string, currentPassword: string) =>
      payload.update({ collection: 'users', id: self.id, user: as, overrideAccess: false, data: { password, currentPassword } as never });
    for (let n = 0; n < 4; n += 1) await expect(change('опечатка в старом пароле', `wrong-current-${n}`)).rejects.toMatchObject({ status: 400 });
    await change('новая длинная фраза два', STAFF_PASSWORD);
    // Four more wrong logins do not lock: the right current password reset the count, as a successful login does.
    for (let n = 0; n < 4; n += 1) expect((await login('typo@example.ru', `wrong-login-${n}`)).status).toBe(401);
    expect((await login('typo@example.ru', 'новая длинная фраза два')).status).toBe(200);
  });

  it('lets an administrator reset another staff member\'s password without theirs, and audits it', async () => {
    const other = (await createStaff(payload, 'forgetful@example.ru', ['editor'])) as { id: number };
    const admin = (await payload.find({ collection: 'users', where: { email: { equals: 'admin@example.ru' } } })).docs[0];
    await payload.update({ collection: 'users', id: other.id, user: { ...admin, collection: 'users' } as never, overrideAccess: false, data: { password: 'выданный администратором пароль' } as never });
    const entries = await auditEntries('users', String(other.id));
    expect(entries.at(-1)).toMatchObject({ action: 'update', changedFields: 'password', userEmail: 'admin@example.ru' });
  });
});

describe('staff accounts in the audit log', () => {
  it('records creating an account, changing its roles and deleting it, with who did it', async () => {
    const admin = { ...(await payload.find({ collection: 'users', where: { email: { equals: 'admin@example.ru' } } })).docs[0], collection: 'users' } as never;
    const created = await payload.create({ collection: 'users', user: admin, overrideAccess: false, data: { email: 'audited@example.ru', password: 'audited-password-1', name: 'Анна Петрова', roles: ['editor'] } as never });
    await payload.update({ collection: 'users', id: created.id, user: admin, overrideAccess: false, data: { roles: ['editor', 'admin'] } as never });
    await payload.delete({ collection: 'users', id: created.id, user: admin, overrideAccess: false });
    const entries = await auditEntries('users', String(created.id));
    expect(entries.map((entry) => [entry.action, entry.summary, entry.userEmail])).toEqual([
      ['create', 'Анна Петрова; роли: editor', 'admin@example.ru'],
      ['update', 'Анна Петрова; роли: editor → editor, admin', 'admin@example.ru'],
      ['delete', 'Анна Петрова; роли: editor, admin', 'admin@example.ru'],
    ]);
    // Staff accounts are not public content: the editors' publishing report leaves them out.
    const report = await publishingReport(payload, { since: new Date(Date.now() - 3_600_000) });
    expect(report.filter((row) => row.target === 'users')).toEqual([]);
  });
});

describe('password-reset letter', () => {
  it('links absolutely to the admin\'s public address (CMS_PUBLIC_URL), in Russian', async () => {
    const generate = payload.collections.users.config.auth.forgotPassword?.generateEmailHTML;
    const html = String(await generate?.({ token: 'a1b2c3', req: undefined, user: undefined } as never));
    expect(html).toContain('href="https://cms.example.ru/admin/reset/a1b2c3"');
    expect(html).toContain('Чтобы задать новый пароль');
  });
});

describe('«Забыли пароль?»', () => {
  const ask = async (email: string) => {
    const response = await rest(new Request(`${CMS}/api/users/forgot-password`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: CMS }, body: JSON.stringify({ email }) }));
    return { status: response.status, body: (await response.json()) as unknown };
  };
  const mailTo = async (address: string) =>
    (await (await fetch(`${sink.webUrl}/api/messages?to=${encodeURIComponent(address)}`)).json()) as { subject: string; html: string | null }[];

  it('answers a staff e-mail and an unknown one alike without waiting on a hung mail server; the letter goes once the server answers', async () => {
    await createStaff(payload, 'forgot-mine@example.ru', ['editor']);
    // Each answer races the first connection to the hung mail server: a request that sends the letter itself
    // connects and then waits, so the connection comes first.
    const answer = (email: string) => Promise.race([ask(email), relay.nextConnection()]);
    const known = await answer('forgot-mine@example.ru');
    const unknown = await answer('nobody-forgot@example.ru');
    expect(known).toMatchObject({ status: 200 });
    expect(unknown).toEqual(known);
    // Asked again at once: answered alike, and still one letter (Payload's 15-second spacing per account).
    expect(await answer('forgot-mine@example.ru')).toEqual(known);

    relay.forward();
    await payload.jobs.run({ queue: 'default' });
    const letters = await mailTo('forgot-mine@example.ru');
    expect(letters.map((letter) => letter.subject)).toEqual(['Восстановление пароля — Интернет-приёмная']);
    // The link carries the account's current token (the second request renewed it) and sets the password.
    const token = /https:\/\/cms\.example\.ru\/admin\/reset\/([0-9a-f]+)/.exec(String(letters[0]?.html))?.[1];
    expect(token).toBeTruthy();
    await payload.resetPassword({ collection: 'users', overrideAccess: true, data: { token: String(token), password: 'пароль после восстановления' } });
    expect((await login('forgot-mine@example.ru', 'пароль после восстановления')).status).toBe(200);
    expect(await mailTo('nobody-forgot@example.ru')).toEqual([]);
  });
});
