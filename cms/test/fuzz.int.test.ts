import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import fc from 'fast-check';
import { Hono } from 'hono';
import type { Hono as HonoApp } from 'hono';
import { handleEndpoints, type Payload, type PayloadRequest } from 'payload';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { answerLetter } from '../src/appeals/letters/answer';
import { confirmationLetter, renderConfirmationEmail } from '../src/appeals/letters/confirmation-email';
import { deadlineReminderLetter } from '../src/appeals/letters/deadline-reminder';
import { handlerNoticeLetter } from '../src/appeals/letters/handler-notice';
import type { Letter } from '../src/appeals/letters/letter';
import { reviewReminderLetter } from '../src/appeals/letters/review-reminder';
import { surveyInvitationLetter } from '../src/appeals/letters/survey-invitation';
import { clientNoticeLetter } from '../src/appeals/letters/client-notice';
import { createPublicApp } from '@portal/public-server/public-server';
import { endpoints } from '../src/endpoints';
import { restBodyGuard } from '../src/endpoints/rest-body-guard';
import { suggestionStats } from '../src/endpoints/suggestion-event';
import { cmsOrigins, guardRestRoute } from '../src/access/forged-requests';
import { freePort } from '../../scripts/lib/free-port';
import { startTestCms, type TestCms } from './harness';

/** Fixed seed and bounded runs: the same requests every time, so a failure reproduces. */
const SEED = 20261127;
const FORM_RUNS = 3000;
const SEARCH_RUNS = 1200;
const STATIC_RUNS = 1000;
const SEARCH_PAGE_RUNS = 600;
const FORGED_RUNS = 3000;
const REST_RUNS = 400;
const INTERNAL_TOKEN = 'fuzz-internal-token-0123456789';

/** Markup that must never come back unescaped in any response, nor reach an e-mail unescaped. */
const SCRIPT = '<script>alert(1)</script>';
const PAYLOADS = [
  SCRIPT,
  '"><img src=x onerror=alert(1)>',
  "'); DROP TABLE appeals; --",
  '{{constructor.constructor("alert(1)")()}}',
  '${7*7}',
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '%00',
  '\u0000\u0001\u0007\u001b[31m',
  '\u202e\u200b\ufeff',
  'Ð¿Ñ€Ð¸Ð²ÐµÑ‚', // UTF-8 read as Latin-1
  '\ud800', // lone surrogate
  'javascript:alert(1)',
  '__proto__',
];

/** encodeURIComponent that accepts lone surrogates (it throws on them) by replacing them first. */
const encode = (value: string) => encodeURIComponent(value.replace(/[\ud800-\udfff]/g, (c, i: number, all: string) => (isPaired(all, i) ? c : '\ufffd')));
function isPaired(all: string, i: number): boolean {
  const code = all.charCodeAt(i);
  if (code <= 0xdbff) return i + 1 < all.length && all.charCodeAt(i + 1) >= 0xdc00 && all.charCodeAt(i + 1) <= 0xdfff;
  return i > 0 && all.charCodeAt(i - 1) >= 0xd800 && all.charCodeAt(i - 1) <= 0xdbff;
}

/**
 * Every letter the robot sends, with `value` in each of its free-text inputs at once: the client's name and text,
 * topic titles, the company's names, the handler's answer, editors' titles, links. `value` is stored client input
 * here, so a letter that let it through as markup would mail the client's (or an attacker's) HTML to handlers and
 * clients.
 */
function everyLetterWith(value: string): [string, Letter][] {
  const company = { name: value, shortName: value, hotline: value, email: 'info@example.ru', address: value };
  return [
    [
      'confirmation',
      confirmationLetter({
        company: { ...company, timeZone: 'Europe/Moscow' },
        appeal: {
          registrationNumber: value,
          type: 'application',
          clientName: value,
          receivedAt: '2026-11-27T11:05:00.000Z',
          deadlineDate: '2026-12-01',
          workStartsAt: '2026-11-30T09:00',
          originalsDeadlineDate: '2026-12-07',
          deadlineRuleNote: value,
          statusUrl: `https://portal.test/status/#t=${encode(value)}`,
        },
      }),
    ],
    ['handlers\' notice', handlerNoticeLetter({ registrationNumber: value, type: 'complaint', topicTitle: value, deadlineDate: '2026-12-01', attachmentCount: 2, adminUrl: value })],
    ['reminder the day before', deadlineReminderLetter({ kind: 'day-before', registrationNumber: value, type: 'question', status: value, deadlineDate: '2026-12-01', adminUrl: value })],
    ['reminder on the day', deadlineReminderLetter({ kind: 'due-day', registrationNumber: value, type: 'question', status: 'in-progress', deadlineDate: '2026-12-01', adminUrl: value })],
    ['answer', answerLetter({ registrationNumber: value, answer: `Здравствуйте!\n\nВы писали: «${value}»\nОтвечаем.\n\n${value}` })],
    ['survey invitation', surveyInvitationLetter({ registrationNumber: value, receivedDate: '1 декабря 2026 г.', accountNumber: value, clientName: value, surveyUrl: value, companyName: value })],
    // The editor's template is an editor's text too: hostile in its own right.
    ['client notice', clientNoticeLetter('extended', `Здравствуйте, {{name}}!\nСрок продлён до {{deadline}}.\n\n${value}`, { name: value, number: value, date: '1 декабря 2026 г.', reason: value, deadline: '9 декабря 2026 г.', statusLink: `https://portal.test/status/#t=${encode(value)}`, company: value, hotline: value })],
    ['editors\' review reminder', reviewReminderLetter([{ targetLabel: value, title: value, reviewBy: '2026-12-01', adminPath: value }], value)],
  ];
}

/** The tag names of an HTML text, in order. */
const tagNames = (html: string) => [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((match) => (match[1] as string).toLowerCase());

/** Every attribute of an HTML text, as `name=value` (quoted values only: a letter writes no other). */
const attributes = (html: string) =>
  [...html.matchAll(/<[a-zA-Z](?:[^>"]|"[^"]*")*>/g)].flatMap((tag) => [...tag[0].replace(/"[^"]*"/g, '""').matchAll(/\s([\w-]+)=/g)].map((match) => match[1] as string));

describe('fuzzing every public endpoint through the public server and a real CMS', () => {
  let cms: TestCms;
  let payload: Payload;
  let cmsServer: ServerType;
  let app: HonoApp;
  let siteDir: string;
  let cmsOrigin: string;
  let sent = 0;
  /** The CMS's own port as `next start` serves it: Payload's REST API and our endpoints, behind the route's guard. */
  let cmsPortServer: ServerType;
  let cmsPort: string;
  let adminToken: string;

  beforeAll(async () => {
    // The endpoints log every dropped honeypot submission and rejected request: thousands of lines here.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    cms = await startTestCms({ SEED_DEMO: 'on', CMS_INTERNAL_TOKEN: INTERNAL_TOKEN });
    payload = cms.payload;
    // As cms/src/app/(payload)/api/[...slug]/route.ts and Next's server: Next writes the socket address into
    // X-Forwarded-For when the request has none (next/dist/server/base-server.js), then the route guard, then Payload.
    const { default: config } = await import('../src/payload.config');
    const guard = restBodyGuard(endpoints);
    const fullCms = new Hono();
    fullCms.all('/api/*', async (c) => {
      const headers = new Headers(c.req.raw.headers);
      if (!headers.has('x-forwarded-for')) headers.set('x-forwarded-for', getConnInfo(c).remote.address ?? '');
      const method = c.req.method;
      const request = new Request(c.req.url, { method, headers, body: method === 'GET' || method === 'HEAD' ? null : await c.req.raw.arrayBuffer(), duplex: 'half' } as RequestInit);
      return (await guard(request)) ?? handleEndpoints({ config, request, payloadInstanceCacheKey: cms.dir });
    });
    const fullPort = await freePort();
    cmsPortServer = serve({ fetch: fullCms.fetch, port: fullPort, hostname: '127.0.0.1' });
    cmsPort = `http://127.0.0.1:${fullPort}`;
    const login = await fetch(`${cmsPort}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@example.ru', password: 'admin-password-for-tests' }) });
    adminToken = ((await login.json()) as { token: string }).token;
    // The CMS's own custom endpoints, served over real HTTP as `next start` serves them under /api/.
    const cmsApp = new Hono();
    for (const endpoint of endpoints) {
      cmsApp.on(endpoint.method.toUpperCase(), `/api${endpoint.path}`, (c) =>
        endpoint.handler(Object.assign(c.req.raw, { payload }) as unknown as PayloadRequest),
      );
    }
    const port = await freePort();
    cmsServer = serve({ fetch: cmsApp.fetch, port, hostname: '127.0.0.1' });
    siteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-fuzz-site-'));
    fs.writeFileSync(path.join(siteDir, 'index.html'), '<!doctype html><html lang="ru"><title>Главная</title></html>');
    fs.writeFileSync(path.join(siteDir, '404.html'), '<!doctype html><html lang="ru"><title>Не найдено</title></html>');
    // The built search page's parts the server fills in (site/src/pages/search.astro): the query box, the filters
    // and the place of the results.
    fs.mkdirSync(path.join(siteDir, 'search'));
    fs.writeFileSync(
      path.join(siteDir, 'search', 'index.html'),
      [
        '<!doctype html><html lang="ru"><title>Поиск</title><main><form action="/search/">',
        '<input type="search" name="q" value="">',
        '<input type="radio" name="audience" value="fl"><input type="radio" name="audience" value="ul">',
        '<input type="radio" name="type" value="faq"><input type="radio" name="type" value="news">',
        '<select name="topic"><option value="">Все темы</option><option value="pokazaniya">Показания</option></select>',
        '</form><div data-search-static><!--portal:search-results--></div></main></html>',
      ].join(''),
    );
    cmsOrigin = `http://127.0.0.1:${port}`;
    app = createPublicApp({ siteDir: () => siteDir, cmsOrigin, rateLimit: false });
  }, 180_000);

  afterAll(async () => {
    vi.restoreAllMocks();
    await new Promise((resolve) => cmsServer?.close(resolve));
    await new Promise((resolve) => cmsPortServer?.close(resolve));
    await cms?.close();
    fs.rmSync(siteDir, { recursive: true, force: true });
  });

  /** Sends one request and checks what every answer must satisfy. */
  async function check(request: Request): Promise<void> {
    sent += 1;
    const response = await app.fetch(request);
    const body = await response.text();
    expect(response.status, `${request.method} ${new URL(request.url).pathname}`).toBeLessThan(500);
    const type = response.headers.get('content-type') ?? '';
    if (type.startsWith('application/json')) {
      // JSON may echo input as data (the search query); with nosniff it is never rendered as markup.
      JSON.parse(body);
    } else {
      // Escaped input may show as text (the search page echoes the query); it must never come back as a tag.
      expect(body).not.toContain(SCRIPT);
      expect(body).not.toMatch(/<img src=x onerror/i);
    }
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  }

  const nasty = fc.oneof(
    fc.constantFrom(...PAYLOADS),
    fc.string({ maxLength: 50 }),
    fc.string({ unit: 'binary', maxLength: 50 }),
    fc.string({ unit: 'grapheme', maxLength: 50 }),
    fc.string({ minLength: 5000, maxLength: 70_000 }).map((s) => s || 'x'),
  );
  const anyValue = fc.oneof(nasty, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(nasty, { maxLength: 3 }), fc.object({ maxDepth: 2 }));

  /** Form-shaped objects: the real field names with valid, wrong-typed or hostile values. */
  const formBody = fc.record(
    {
      name: fc.oneof(fc.constant('Ольга Сергеевна'), anyValue),
      email: fc.oneof(fc.constant('olga@example.ru'), anyValue),
      phone: fc.oneof(fc.constant('+7 912 345-67-89'), anyValue),
      answerChannel: fc.oneof(fc.constantFrom('email', 'phone', 'post'), anyValue),
      audience: fc.oneof(fc.constantFrom('fl', 'ul'), anyValue),
      topic: fc.oneof(fc.constant('pokazaniya'), anyValue),
      text: fc.oneof(fc.constant('Когда можно передать показания?'), nasty.map((s) => `Вопрос ${s}`), anyValue),
      postalAddress: anyValue,
      accountNumber: anyValue,
      consent: fc.oneof(fc.constant(true), anyValue),
      website: fc.oneof(fc.constant(''), anyValue),
    },
    { requiredKeys: [] },
  );
  /** Valid submissions whose free text carries hostile content: these are stored, so storage and e-mails are fuzzed too. */
  const validWithHostileText = fc.constantFrom(...PAYLOADS).chain((hostile) =>
    fc.string({ maxLength: 200 }).map((noise) =>
      JSON.stringify({
        name: 'Ольга Сергеевна',
        phone: '+7 912 345-67-89',
        answerChannel: 'phone',
        audience: 'fl',
        topic: 'pokazaniya',
        text: `Вопрос о показаниях ${hostile} ${noise}`,
        consent: true,
      }),
    ),
  );
  const rawBody = fc.oneof(
    validWithHostileText,
    formBody.map((value) => JSON.stringify(value)),
    fc.json(),
    nasty,
    formBody.map((value) => JSON.stringify(value).slice(0, -3)), // truncated JSON
    fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  );
  const contentType = fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/json; charset=windows-1251',
    'text/plain',
    'multipart/form-data; boundary=x',
    'application/x-www-form-urlencoded',
    '',
  );
  const formNames = endpoints.filter((e) => e.path.startsWith('/forms/')).map((e) => e.path.slice('/forms/'.length));

  it(`answers ${FORM_RUNS} malformed form submissions without a 5xx or reflected markup`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...formNames), fc.constantFrom(...formNames), nasty.map(encode)),
        rawBody,
        contentType,
        fc.option(nasty.map((s) => s.replace(/[^\x20-\x7e]/g, '').slice(0, 150))),
        async (name, body, type, idempotencyKey) => {
          const headers = new Headers();
          if (type) headers.set('content-type', type);
          if (idempotencyKey) headers.set('idempotency-key', idempotencyKey);
          await check(new Request(`http://portal.test/api/forms/${name}`, { method: 'POST', headers, body }));
        },
      ),
      { seed: SEED, numRuns: FORM_RUNS },
    );
  }, 600_000);

  it(`answers ${SEARCH_RUNS} malformed searches without a 5xx or reflected markup`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('q', 'audience', 'topic', 'limit', 'x'), nasty, { maxKeys: 4 }), async (params) => {
        const query = Object.entries(params)
          .map(([key, value]) => `${key}=${encode(value.slice(0, 3000))}`)
          .join('&');
        await check(new Request(`http://portal.test/api/search?${query}`));
      }),
      { seed: SEED, numRuns: SEARCH_RUNS },
    );
  }, 600_000);

  it(`renders the search page for ${SEARCH_PAGE_RUNS} hostile queries and filters without a 5xx or reflected markup`, async () => {
    let pages = 0;
    const shell = fs.readFileSync(path.join(siteDir, 'search', 'index.html'), 'utf8');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...PAYLOADS), nasty, fc.constantFrom('счетчик поверка', 'ghbdtn', 'oplata')),
        fc.dictionary(fc.constantFrom('audience', 'topic', 'type', 'page'), fc.oneof(nasty, fc.constantFrom('fl', 'ul', 'faq', 'news', 'pokazaniya')), { maxKeys: 3 }),
        async (q, filters) => {
          const query = [['q', q], ...Object.entries(filters)].map(([key, value]) => `${key}=${encode((value as string).slice(0, 3000))}`).join('&');
          const request = new Request(`http://portal.test/search/?${query}`);
          await check(request);
          const response = await app.fetch(new Request(request.url));
          const html = await response.text();
          if (response.status !== 200 || !(response.headers.get('content-type') ?? '').startsWith('text/html')) return;
          pages += 1;
          // Whatever the query, the page has the shell's tags plus the results' own, never one from the input:
          // the input's tags would be script, img or iframe, and a broken attribute would add a new attribute.
          const extra = tagNames(html).filter((name) => !tagNames(shell).includes(name));
          expect(extra.filter((name) => !['p', 'h2', 'ul', 'ol', 'li', 'a', 'mark', 'span', 'div', 'section', 'nav', 'strong', 'em', 'small', 'br'].includes(name))).toEqual([]);
          expect(attributes(html)).not.toContain('onerror');
        },
      ),
      { seed: SEED, numRuns: SEARCH_PAGE_RUNS },
    );
    // Most queries were valid, so the server rendered a results page for them (not only refusals).
    expect(pages).toBeGreaterThan(SEARCH_PAGE_RUNS / 2);
  }, 600_000);

  it(`answers ${STATIC_RUNS} hostile paths and methods without a 5xx, leaving the site folder`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(nasty.map((s) => encode(s.slice(0, 200))), fc.constantFrom('..', '%2e%2e', '%2f', 'admin', 'api', '.env', 'etc', 'passwd')), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'),
        async (segments, method) => {
          const url = `http://portal.test/${segments.join('/')}`;
          const response = await app.fetch(new Request(url, { method, body: method === 'GET' || method === 'HEAD' ? null : 'x' }));
          sent += 1;
          expect(response.status).toBeLessThan(500);
          const text = await response.text();
          expect(text).not.toContain('root:'); // /etc/passwd
          expect(text).not.toContain(SCRIPT);
        },
      ),
      { seed: SEED, numRuns: STATIC_RUNS },
    );
  }, 600_000);

  it('the CMS port answers its internal endpoints only to loopback callers or with the internal token', async () => {
    const status = async (path: string, headers: Record<string, string> = {}) => (await fetch(`${cmsPort}${path}`, { headers })).status;
    const outside = { 'x-forwarded-for': '203.0.113.7' };
    for (const path of ['/api/health', '/api/site-export', '/api/access']) {
      // Straight from this machine, as npm start's site build and health check call them.
      expect(await status(path), `${path} from loopback`).toBe(200);
      // Through a reverse proxy (it sets or appends X-Forwarded-For): the token is required.
      expect(await status(path, outside), `${path} through a proxy`).toBe(403);
      expect(await status(path, { 'x-forwarded-for': '127.0.0.1, 203.0.113.7' }), `${path} with a forged loopback hop`).toBe(403);
      expect(await status(path, { forwarded: 'for=203.0.113.7' }), `${path} with Forwarded`).toBe(403);
      expect(await status(path, { 'x-real-ip': '203.0.113.7' }), `${path} with X-Real-IP`).toBe(403);
      expect(await status(path, { ...outside, 'x-internal-token': INTERNAL_TOKEN }), `${path} with the token`).toBe(200);
      expect(await status(path, { ...outside, 'x-internal-token': `${INTERNAL_TOKEN}x` }), `${path} with a wrong token`).toBe(403);
      expect(await status(path, { 'x-internal-token': 'wrong-token-wrong-token' }), `${path} from loopback with a wrong token`).toBe(403);
    }
    // Logged-in staff still get their own permissions through a proxy (the admin's «refresh permissions»).
    expect(await status('/api/access', { ...outside, authorization: `JWT ${adminToken}` })).toBe(200);
    sent += 26;
  });

  it('the CMS port serves a client\'s file to staff only as a download, never sniffed or cached', async () => {
    // A minimal PDF with the header, cross-reference table and end marker Payload's file check looks for.
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n44\n%%EOF\n');
    const file = (await payload.create({
      collection: 'appeal-attachments',
      overrideAccess: true,
      data: { originalName: 'schet.pdf' } as never,
      file: { data: pdf, mimetype: 'application/pdf', name: `schet-${Date.now()}.pdf`, size: pdf.length },
    })) as unknown as { filename: string };
    const url = `${cmsPort}/api/appeal-attachments/file/${encodeURIComponent(file.filename)}`;
    const staff = await fetch(url, { headers: { authorization: `JWT ${adminToken}` } });
    expect(staff.status).toBe(200);
    expect(Buffer.from(await staff.arrayBuffer()).equals(pdf)).toBe(true);
    expect(staff.headers.get('content-disposition')).toMatch(/^attachment\b/);
    expect(staff.headers.get('x-content-type-options')).toBe('nosniff');
    expect(staff.headers.get('cache-control')).toMatch(/no-store/);
    expect(staff.headers.get('content-security-policy')).toContain('sandbox');
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(403);
    await anonymous.arrayBuffer();
    sent += 2;
  });

  it(`answers ${REST_RUNS} writes of any content type to Payload's REST API with a 4xx, never a 5xx`, async () => {
    const routes = [
      ['POST', '/api/users'],
      ['PATCH', '/api/users/1'],
      ['POST', '/api/users/login'],
      ['POST', '/api/users/unlock'],
      ['POST', '/api/globals/company-settings'],
      ['POST', '/api/faq'],
      ['PATCH', '/api/faq/1'],
      ['PUT', '/api/faq/1'],
      ['POST', '/api/appeals'],
      ['PATCH', '/api/appeals/1'],
      ['POST', '/api/topics'],
      ['POST', '/api/payload-preferences/fuzz'],
    ] as const;
    const types = fc.oneof(contentType, fc.constantFrom('text/plain;charset=UTF-8', 'application/xml', 'APPLICATION/JSON', 'application/json ', 'application/octet-stream'));
    let refusedAsType = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), rawBody, types, fc.boolean(), async ([method, path], body, type, asAdmin) => {
        const headers: Record<string, string> = {};
        if (type) headers['content-type'] = type;
        const [main = ''] = type.trim().split(';', 1); // header values lose surrounding spaces on the way
        // The administrator sends what Payload cannot read (the text/plain to /api/users); JSON from an
        // administrator would really change content here, so its wrong value types have their own test below.
        if (asAdmin && main !== 'application/json') headers.authorization = `JWT ${adminToken}`;
        const response = await fetch(`${cmsPort}${path}`, { method, headers, body });
        sent += 1;
        const text = await response.text();
        expect(response.status, `${method} ${path} as ${headers.authorization ? 'admin' : 'anonymous'}, ${type || 'no type'}: ${text.slice(0, 200)}`).toBeLessThan(500);
        if (body !== '' && main !== 'application/json' && !main.includes('multipart/')) {
          // A body Payload cannot read: refused for its type, in Russian, before any operation runs.
          expect(response.status, `${method} ${path} ${type}`).toBe(415);
          expect(text).toMatch(/формат/);
          refusedAsType += 1;
        }
      }),
      { seed: SEED, numRuns: REST_RUNS },
    );
    expect(refusedAsType).toBeGreaterThan(REST_RUNS / 10);
    // What the admin really sends still goes through: an upload as multipart, a document as JSON.
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n44\n%%EOF\n');
    const form = new FormData();
    form.set('file', new Blob([pdf], { type: 'application/pdf' }), `dogovor-${Date.now()}.pdf`);
    form.set('_payload', JSON.stringify({ title: 'Договор' }));
    const upload = await fetch(`${cmsPort}/api/document-files`, { method: 'POST', headers: { authorization: `JWT ${adminToken}` }, body: form });
    expect(upload.status, await upload.clone().text()).toBe(201);
    const topic = await fetch(`${cmsPort}/api/topics`, {
      method: 'POST',
      headers: { authorization: `JWT ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ slug: `proverka-${Date.now()}`, title: 'Проверка' }),
    });
    expect(topic.status, await topic.clone().text()).toBe(201);
  }, 600_000);

  it('answers an administrator\'s staff-account JSON with e-mail or password of a wrong type with a 400, never a 5xx', async () => {
    const notText = fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }));
    const routes = [['POST', '/api/users'], ['PATCH', '/api/users/1'], ['POST', '/api/users/login'], ['POST', '/api/users/forgot-password']] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.constantFrom('email', 'password'), notText, async ([method, path], field, value) => {
        const body = { email: 'kolleg@example.ru', password: 'dlinnyj-parol-12345', [field]: value };
        const response = await fetch(`${cmsPort}${path}`, { method, headers: { authorization: `JWT ${adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
        sent += 1;
        const text = await response.text();
        // The reset form reads the e-mail only (a wrong password type is simply ignored there).
        if (path.endsWith('forgot-password')) expect(response.status, `${path} ${field}=${JSON.stringify(value)}: ${text.slice(0, 200)}`).toBeLessThan(500);
        else expect(response.status, `${method} ${path} ${field}=${JSON.stringify(value)}: ${text.slice(0, 200)}`).toBe(400);
        // Creating and editing an account name the field in Russian; the login and reset forms keep Payload's answer.
        if (path === '/api/users' || path === '/api/users/1') expect(text).toMatch(field === 'email' ? /e-mail текстом/ : /пароль текстом/);
      }),
      { seed: SEED, numRuns: 60 },
    );
  }, 120_000);

  it('sent at least 5,000 requests, and stored appeals reach e-mails only escaped', async () => {
    // Which random submissions are valid depends on how many forms there are to pick from; these ten always are, so
    // hostile texts are stored and reach the letters whatever the draw above.
    expect(formNames).toContain('question');
    for (const body of fc.sample(validWithHostileText, { seed: SEED, numRuns: 10 })) {
      await check(new Request('http://portal.test/api/forms/question', { method: 'POST', headers: { 'content-type': 'application/json' }, body }));
    }
    expect(sent).toBeGreaterThanOrEqual(5000);
    const stored = await payload.find({ collection: 'appeals', pagination: false, depth: 0, overrideAccess: true });
    // Some generated submissions were valid, so the fuzz also went through registration and storage.
    expect(stored.docs.length).toBeGreaterThan(0);
    const texts = (stored.docs as unknown as { text: string }[]).map((doc) => String(doc.text));
    expect(texts.some((text) => text.includes('<'))).toBe(true);
    // The stored hostile texts, plus every payload on its own (a topic title or territory name is an editor's text).
    const values = [...new Set([...texts.filter((text) => /[<>&"']/.test(text)), ...PAYLOADS])];
    const plain = everyLetterWith('Обычный текст');
    for (const value of values) {
      for (const [i, [name, letter]] of everyLetterWith(value).entries()) {
        const [, benign] = plain[i] as [string, Letter];
        // The value adds no tag and no attribute to the letter: the HTML is the benign letter's with text changed.
        expect([...new Set(tagNames(letter.html))].sort(), `${name}: ${value.slice(0, 60)}`).toEqual([...new Set(tagNames(benign.html))].sort());
        expect([...new Set(attributes(letter.html))].sort(), `${name}: ${value.slice(0, 60)}`).toEqual([...new Set(attributes(benign.html))].sort());
        expect(letter.html).not.toMatch(/<(script|img|iframe)\b/i);
        // A link is a web or mail link, never `javascript:`.
        for (const href of letter.html.matchAll(/href="([^"]*)"/g)) expect(href[1], name).toMatch(/^(https?:|mailto:|tel:|\/)/);
        // The subject is one header line.
        expect(letter.subject, name).not.toMatch(/[\r\n]/);
      }
    }
    // The old check, kept: the confirmation with the stored name and number.
    for (const appeal of stored.docs as unknown as { registrationNumber: string; name: string; text: string }[]) {
      const email = renderConfirmationEmail({
        company: { name: 'АО «Тест»', shortName: 'Тест', hotline: '8 800 100-00-00', email: 'info@example.ru' },
        appeal: {
          registrationNumber: appeal.registrationNumber,
          typeLabel: 'вопрос',
          clientName: appeal.name,
          receivedAtText: '27 ноября 2026 г.',
          deadlineText: '1 декабря 2026 г.',
        },
      });
      expect(email.html).not.toMatch(/<(script|img|iframe)\b/i);
    }
  });

  describe('counters the public can move are limited per address, so one address cannot inflate the managers\' figures', () => {
    /** The public server as deployed behind a proxy: the client address comes from X-Forwarded-For. */
    const behindProxy = () => createPublicApp({ siteDir: () => siteDir, cmsOrigin, trustProxy: true });
    const from = (ip: string, init: RequestInit = {}) => ({ ...init, headers: { ...(init.headers as Record<string, string> | undefined), 'x-forwarded-for': ip } });

    it('60 suggestion events from one address move the figure by at most the limit (10 an hour); another address still counts', async () => {
      const publicApp = behindProxy();
      const opened = async () => (await suggestionStats(payload)).opened;
      const before = await opened();
      for (let i = 0; i < 60; i++) {
        const response = await publicApp.fetch(
          new Request('http://portal.test/api/forms/suggestion-event', from('203.0.113.7', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"event":"opened"}' })),
        );
        expect(response.status).toBe(204);
      }
      expect((await opened()) - before).toBe(10);
      await publicApp.fetch(new Request('http://portal.test/api/forms/suggestion-event', from('198.51.100.20', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"event":"opened"}' })));
      expect((await opened()) - before).toBe(11);
    });

    it('129 unique searches from one address in seconds record at most the limit (60 an hour); another address still counts', async () => {
      const publicApp = behindProxy();
      const rows = async () => (await payload.count({ collection: 'search-queries', where: { query: { like: 'zzflood' } }, overrideAccess: true })).totalDocs;
      // Letters only: digits of long numbers are masked in the statistics, which would merge the queries.
      const word = (i: number) => `zzflood${String.fromCharCode(97 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}`;
      for (let i = 0; i < 129; i++) {
        const response = await publicApp.fetch(new Request(`http://portal.test/search/?q=${word(i)}`, from('203.0.113.8')));
        expect(response.status).toBe(200);
      }
      // The page records in the background: wait until the rows stop coming.
      await expect.poll(rows, { timeout: 15_000 }).toBeGreaterThanOrEqual(60);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await rows()).toBe(60);
      await publicApp.fetch(new Request('http://portal.test/search/?q=zzfloodother', from('198.51.100.21')));
      await expect.poll(rows, { timeout: 15_000 }).toBe(61);
    });
  });
});

describe('fuzzing the CMS REST route\'s forged-request guard (CSRF)', () => {
  const CMS = 'https://cms.example.ru';
  /** Written out, not derived from the code: the admin's own origin only. */
  const OWN = [CMS];
  const token = 'payload-token=eyJhbGciOiJIUzI1NiJ9.e30.sig';

  it(`lets no cross-site request with the session cookie through, and every other request on, over ${FORGED_RUNS} header combinations`, async () => {
    let reached = 0;
    const route = guardRestRoute(async () => {
      reached += 1;
      return new Response('{}', { status: 200 });
    }, cmsOrigins(CMS));
    const method = fc.constantFrom('GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE', 'patch');
    const origin = fc.option(
      fc.oneof(
        fc.constantFrom(CMS, 'http://cms.example.ru', 'https://www.example.ru', 'https://cms.example.ru:443', 'https://cms.example.ru.evil.example', 'HTTPS://CMS.EXAMPLE.RU', 'null', ''),
        fc.webUrl().map((url) => new URL(url).origin),
      ),
      { nil: undefined },
    );
    const site = fc.option(fc.constantFrom('same-origin', 'same-site', 'cross-site', 'none', 'garbage', ''), { nil: undefined });
    const cookie = fc.option(fc.constantFrom(token, `theme=dark; ${token}`, 'xpayload-token=1', 'payload-token-other=1', 'display-mode=low-vision'), { nil: undefined });
    const authorization = fc.option(fc.constantFrom('JWT abc', 'users API-Key abc', 'Bearer abc'), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(method, origin, site, cookie, authorization, async (m, o, s, c, a) => {
        const headers = new Headers();
        if (o !== undefined) headers.set('Origin', o);
        if (s !== undefined) headers.set('Sec-Fetch-Site', s);
        if (c !== undefined) headers.set('Cookie', c);
        if (a !== undefined) headers.set('Authorization', a);
        const before = reached;
        const response = await route(new Request(`${CMS}/api/users`, { method: m, headers }));
        const changing = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(m.toUpperCase());
        const session = c !== undefined && c.split('; ').some((part) => part.startsWith('payload-token='));
        const fromElsewhere = o !== undefined ? !OWN.includes(o) : s !== undefined && s !== 'same-origin' && s !== 'none';
        const forged = changing && session && a === undefined && fromElsewhere;
        expect(reached - before, `${m} Origin=${String(o)} Sec-Fetch-Site=${String(s)} Cookie=${String(c)} Authorization=${String(a)}`).toBe(forged ? 0 : 1);
        expect(response.status).toBe(forged ? 403 : 200);
      }),
      { seed: SEED, numRuns: FORGED_RUNS },
    );
  });
});
