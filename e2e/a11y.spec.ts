import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from './support/browser';
import { SITE_URL } from './support/env';

let browser: Browser;
let page: Page;
let lowVisionPage: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await newPage(browser);
  // The low-vision version is a cookie the public server reads (forms-api/src/display-mode.ts).
  const lowVision = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  await lowVision.addCookies([{ name: 'display-mode', value: 'low-vision', url: SITE_URL }]);
  lowVisionPage = await lowVision.newPage();
  for (const each of [page, lowVisionPage]) await each.addInitScript(CSP_RECORDER);
});
afterAll(async () => {
  await browser?.close();
});

/** Pages outside the sitemap worth checking too: search results and the 404 page. */
const EXTRA_PAGES = ['/search/?q=квитанция', '/no-such-page/'];

/** Every page of the site, from its own sitemap.xml: a new page type is checked the day it is published. */
async function sitemapPaths(): Promise<string[]> {
  const xml = await (await fetch(`${SITE_URL}/sitemap.xml`)).text();
  return [...xml.matchAll(/<loc>https?:\/\/[^/<]+([^<]*)<\/loc>/g)].map((match) => match[1]!);
}

/**
 * Records the page's Content-Security-Policy violations. Browsers report even a blocked probe whose error the
 * script catches (Lighthouse counts it against best practices), so every page must stay silent.
 */
const CSP_RECORDER = `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(event.violatedDirective + ' ' + (event.blockedURI || '') + ' at ' + (event.sourceFile || '') + ':' + event.lineNumber);
});`;

async function violations(on: Page, path: string, mode: string): Promise<string[]> {
  await on.goto(`${SITE_URL}${path}`);
  await on.waitForLoadState('networkidle');
  // Read before axe runs: axe's own probes set style attributes, which the policy rightly blocks.
  const csp = await on.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
  const result = await new AxeBuilder({ page: on as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return [
    ...result.violations.map((violation) => `${mode} ${path} ${violation.id}: ${violation.help} (${violation.nodes.length})`),
    ...csp.map((violation) => `${mode} ${path} CSP violation: ${violation}`),
  ];
}

describe('accessibility (axe, WCAG 2.1 A and AA)', () => {
  it('sitemap.xml lists every kind of page', async () => {
    const paths = await sitemapPaths();
    for (const path of ['/', '/fizlicam/', '/fizlicam/tarify/', '/fizlicam/tarify/arhiv/', '/yurlicam/ceny/', '/spravka/ofisy/', '/spravka/novosti/', '/spravka/dokumenty/', '/karta-sajta/', '/faq/']) {
      expect(paths).toContain(path);
    }
  });

  it('every URL of sitemap.xml, search results and the 404 page have no accessibility or CSP violations, in both versions', async () => {
    const paths = [...(await sitemapPaths()), ...EXTRA_PAGES];
    const problems: string[] = [];
    for (const path of paths) {
      problems.push(...(await violations(page, path, 'normal')));
      problems.push(...(await violations(lowVisionPage, path, 'low-vision')));
    }
    expect(problems).toEqual([]);
  }, 1_500_000);

  it('«Версия для слабовидящих» works without JavaScript and persists across pages until switched off', async () => {
    const context = await browser.newContext({ locale: 'ru-RU', javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(`${SITE_URL}/fizlicam/tarify/`);
    expect(await plain.locator('html').getAttribute('class')).toBeNull();
    await plain.getByRole('button', { name: 'Версия для слабовидящих' }).click();
    // Back to the same page, at its settings panel (forms-api/src/display-mode.ts).
    await plain.waitForURL(/\/fizlicam\/tarify\/#display-settings-panel$/);
    expect(await plain.locator('html').getAttribute('class')).toMatch(/^low-vision /);
    const fontSize = await plain.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(fontSize).toBeGreaterThan(20);
    await plain.goto(`${SITE_URL}/spravka/ofisy/`);
    expect(await plain.locator('html').getAttribute('class')).toMatch(/^low-vision /);
    await plain.getByRole('button', { name: 'Обычная версия сайта' }).click();
    await plain.waitForURL(/\/spravka\/ofisy\/$/);
    expect(await plain.locator('html').getAttribute('class')).toBeNull();
    await context.close();
  });

  it('at 200% zoom (640 CSS pixels wide) no page scrolls sideways', async () => {
    const narrow = await (await browser.newContext({ locale: 'ru-RU', viewport: { width: 640, height: 900 } })).newPage();
    const wide: string[] = [];
    for (const path of await sitemapPaths()) {
      await narrow.goto(`${SITE_URL}${path}`);
      const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) wide.push(`${path} (+${overflow}px)`);
    }
    expect(wide).toEqual([]);
  }, 600_000);

  it('every page starts with a skip link to the main content that works from the keyboard', async () => {
    const fresh = await newPage(browser);
    await fresh.goto(`${SITE_URL}/faq/`);
    await fresh.keyboard.press('Tab');
    const focused = await fresh.evaluate(() => ({ text: document.activeElement?.textContent ?? '', href: document.activeElement?.getAttribute('href') }));
    expect(focused.text).toMatch(/основному содержанию/);
    expect(focused.href).toBe('#main');
  });

  it('the urgent banner collapses from the keyboard without JavaScript', async () => {
    const context = await browser.newContext({ locale: 'ru-RU', javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(`${SITE_URL}/spravka/novosti/`);
    // The journeys' site is built as of 2026-11-27 (scripts/test.ts), when the demo outage banner is in force.
    const details = plain.locator('.urgent details');
    expect(await details.getAttribute('open')).not.toBeNull();
    await plain.locator('.urgent summary').focus();
    await plain.keyboard.press('Enter');
    expect(await details.getAttribute('open')).toBeNull();
    await context.close();
  });
});
