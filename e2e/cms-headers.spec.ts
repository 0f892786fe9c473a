import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loginToCms, type CmsClient } from '../scripts/lib/cms-client';
import { submitQuestion } from '../scripts/lib/form-client';
import { DESKTOP_VIEWPORT, launchBrowser, PHONE_VIEWPORT, type Viewport } from './support/browser';
import { blockExternalRequests } from './support/network-guard';
import { ADMIN, CMS_URL, SITE_URL } from './support/env';

/**
 * The CMS's own responses as `next start` sends them (issue 15, «Headers and small leaks»): security headers on
 * every kind of answer, no caching of staff data, the internal endpoints closed to callers behind a proxy, and the
 * admin working under its Content-Security-Policy with no violation reported.
 */
let browser: Browser;
let admin: CmsClient;
let token: string;
let appealId: number;
let faqId: number;

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await loginToCms(CMS_URL, ADMIN.email, ADMIN.password);
  token = admin.token;
  // One appeal to open in the admin, sent as a client would through the public server.
  const outcome = await submitQuestion(SITE_URL, { key: crypto.randomUUID(), email: `csp.${Date.now().toString(36)}@example.ru`, text: 'Когда нужно передавать показания счётчика?' });
  if (!outcome.registrationNumber) throw new Error(`the question was not registered: ${outcome.statuses.join(', ')}`);
  const found = await admin.request<{ docs: { id: number }[] }>('GET', `/api/appeals?where[registrationNumber][equals]=${encodeURIComponent(outcome.registrationNumber)}&depth=0`);
  appealId = found.docs[0]!.id;
  const faq = await admin.request<{ docs: { id: number }[] }>('GET', '/api/faq?limit=1&depth=0');
  faqId = faq.docs[0]!.id;
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

const adminHeaders = () => ({ authorization: `JWT ${token}` });

describe('security headers of the CMS', () => {
  it('every kind of CMS answer carries CSP with frame-ancestors, nosniff and a strict Referrer-Policy; staff data is never cached', async () => {
    const urls: [string, Record<string, string>][] = [
      ['/admin/login', {}],
      ['/admin', adminHeaders()],
      ['/admin/collections/appeals', adminHeaders()],
      ['/api/users/me', adminHeaders()],
      ['/api/users/me', {}],
      ['/api/appeals?limit=1', adminHeaders()],
      [`/api/appeals/${appealId}`, adminHeaders()],
      ['/api/appeals?limit=1', {}],
      ['/api/audit-log?limit=1', adminHeaders()],
      ['/api/appeals-report', adminHeaders()],
      ['/api/appeals-report?format=csv', adminHeaders()],
      ['/api/users?limit=1', adminHeaders()],
      ['/api/appeal-attachments?limit=1', adminHeaders()],
      ['/api/globals/company-settings', {}],
      ['/api/health', {}],
      ['/api/access', adminHeaders()],
      ['/api/no-such-endpoint', {}],
      [`/api/preview/faq/${faqId}`, adminHeaders()],
    ];
    const problems: string[] = [];
    for (const [path, headers] of urls) {
      const response = await fetch(`${CMS_URL}${path}`, { headers, redirect: 'manual' });
      const label = `${path} (${headers.authorization ? 'admin' : 'anonymous'}, ${response.status})`;
      const csp = response.headers.get('content-security-policy') ?? '';
      if (!/frame-ancestors 'none'/.test(csp)) problems.push(`${label}: CSP without frame-ancestors 'none': «${csp}»`);
      if (!/default-src '(self|none)'/.test(csp)) problems.push(`${label}: CSP without a default-src of its own: «${csp}»`);
      if (response.headers.get('x-content-type-options') !== 'nosniff') problems.push(`${label}: no nosniff`);
      const referrer = response.headers.get('referrer-policy') ?? '';
      if (!['strict-origin-when-cross-origin', 'same-origin', 'strict-origin', 'no-referrer'].includes(referrer)) problems.push(`${label}: Referrer-Policy «${referrer}»`);
      if (path.startsWith('/api/') && !/no-store/.test(response.headers.get('cache-control') ?? '')) {
        problems.push(`${label}: Cache-Control «${response.headers.get('cache-control')}»`);
      }
      await response.arrayBuffer();
    }
    expect(problems).toEqual([]);
  });

  it('API answers cannot run anything; the FAQ preview runs only the site\'s own files and its inline elements by hash', async () => {
    const api = await fetch(`${CMS_URL}/api/users/me`, { headers: adminHeaders() });
    expect(api.headers.get('content-security-policy')).toContain('sandbox');
    const preview = await fetch(`${CMS_URL}/api/preview/faq/${faqId}`, { headers: adminHeaders() });
    const csp = preview.headers.get('content-security-policy') ?? '';
    expect(preview.status).toBe(200);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain(`script-src ${new URL(SITE_URL).origin}`);
    expect(csp).toContain("connect-src 'none'");
  });

  it('the internal endpoints answer this machine, and refuse callers behind a proxy unless they bring the token', async () => {
    expect((await fetch(`${CMS_URL}/api/health`)).status).toBe(200);
    for (const path of ['/api/health', '/api/site-export', '/api/access']) {
      const proxied = await fetch(`${CMS_URL}${path}`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
      expect(proxied.status, path).toBe(403);
      expect(await proxied.text()).toMatch(/внутренним службам/);
    }
  });
});

const CSP_RECORDER = `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(event.violatedDirective + ' ' + (event.blockedURI || '') + ' at ' + (event.sourceFile || '') + ':' + event.lineNumber);
});`;
const violations = (page: Page) => page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);

describe('the FAQ preview under its own Content-Security-Policy', () => {
  it('shows the draft in the site\'s template with no CSP violation, logged in as the administrator', async () => {
    const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Moscow', viewport: DESKTOP_VIEWPORT });
    await context.addCookies([{ name: 'payload-token', value: token, url: CMS_URL }]);
    await context.addInitScript(CSP_RECORDER);
    const page = await context.newPage();
    try {
      const response = await page.goto(`${CMS_URL}/api/preview/faq/${faqId}`);
      expect(response?.status()).toBe(200);
      await page.getByText('Предпросмотр черновика.').waitFor();
      await page.waitForLoadState('load');
      expect(await violations(page)).toEqual([]);
      // The banner keeps its look: its style comes from the hashed <style> element.
      expect(await page.locator('.portal-preview-banner').evaluate((element) => getComputedStyle(element).borderTopWidth)).toBe('2px');
    } finally {
      await context.close();
    }
  });
});

describe('the admin under its Content-Security-Policy', () => {
  for (const [name, viewport] of [['desktop 1366×900', DESKTOP_VIEWPORT], ['phone 390×844', PHONE_VIEWPORT]] as [string, Viewport][]) {
    it(`logs in, opens an appeal, a FAQ entry with the rich-text editor and the upload screen with no CSP violation (${name})`, async () => {
      const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Moscow', viewport });
      const guard = await blockExternalRequests(context);
      await context.addInitScript(CSP_RECORDER);
      const page = await context.newPage();
      const reported: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) reported.push(`console: ${message.text()}`);
      });
      const collect = async (step: string) => {
        for (const violation of await violations(page)) reported.push(`${step}: ${violation}`);
      };
      try {
        await page.goto(`${CMS_URL}/admin/login`);
        await page.locator('input[name="email"]').fill(ADMIN.email);
        await page.locator('input[name="password"]').fill(ADMIN.password);
        await page.locator('form button[type="submit"]').click();
        await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 30_000 });
        await collect('login');

        await page.goto(`${CMS_URL}/admin/collections/appeals/${appealId}`);
        await page.getByRole('region', { name: 'Обращение клиента' }).waitFor({ timeout: 30_000 });
        await collect('appeal');

        await page.goto(`${CMS_URL}/admin/collections/faq/${faqId}`);
        const editor = page.locator('[data-lexical-editor="true"]').first();
        await editor.waitFor({ timeout: 30_000 });
        await editor.click();
        await page.keyboard.type(' Проверка');
        await collect('faq editor');

        await page.goto(`${CMS_URL}/admin/collections/document-files/create`);
        await page.locator('input[type="file"]').first().waitFor({ state: 'attached', timeout: 30_000 });
        await collect('upload');
      } finally {
        await context.close();
      }
      expect(reported).toEqual([]);
      expect(guard.blocked).toEqual([]);
    }, 180_000);
  }
});
