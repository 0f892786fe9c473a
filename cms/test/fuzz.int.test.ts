import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import fc from 'fast-check';
import { Hono } from 'hono';
import type { Hono as HonoApp } from 'hono';
import type { Payload, PayloadRequest } from 'payload';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { answerLetter } from '../src/appeals/letters/answer';
import { confirmationLetter, renderConfirmationEmail } from '../src/appeals/letters/confirmation-email';
import { deadlineReminderLetter } from '../src/appeals/letters/deadline-reminder';
import { handlerNoticeLetter } from '../src/appeals/letters/handler-notice';
import type { Letter } from '../src/appeals/letters/letter';
import { reviewReminderLetter } from '../src/appeals/letters/review-reminder';
import { surveyInvitationLetter } from '../src/appeals/letters/survey-invitation';
import { createPublicApp } from '@portal/public-server/public-server';
import { endpoints } from '../src/endpoints';
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
    ['survey invitation', surveyInvitationLetter({ registrationNumber: value, clientName: value, surveyUrl: value, companyName: value })],
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

  beforeAll(async () => {
    // The endpoints log every dropped honeypot submission and rejected request: thousands of lines here.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    cms = await startTestCms({ SEED_DEMO: 'on' });
    payload = cms.payload;
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

  it('sent at least 5,000 requests, and stored appeals reach e-mails only escaped', async () => {
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
