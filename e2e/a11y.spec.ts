import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from './support/browser';
import { SITE_URL } from './support/env';
import { sweepPlan } from './support/sweep-sample';

let browser: Browser;
let page: Page;
let lowVisionPage: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await newPage(browser);
  // The low-vision version is a cookie the public server reads (public-server/src/display-mode.ts).
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
 * The sitemap pages a sweep visits: every template at least once and every page of its own kind
 * (support/sweep-sample.ts; `E2E_SWEEP=all` for all of them). Prints how many of how many.
 */
async function sweepPaths(sweep: string): Promise<string[]> {
  const plan = sweepPlan(sweep, await sitemapPaths(), process.env, new Date());
  console.log(plan.summary);
  return plan.paths;
}

/**
 * What a visitor cannot see without scrolling sideways: the page's own overflow, and every table cell, `pre`,
 * image and form control whose box runs past the window or is cut off by an ancestor that hides or scrolls its
 * overflow (a table squeezed into a scrolling box shows «6» of «6,93 ₽» with no sign that it scrolls). Names the
 * element cut off the most, or null when everything fits. Visually hidden helpers (clipped on purpose) are skipped.
 */
async function sidewaysProblem(on: Page): Promise<string | null> {
  return on.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const pageOverflow = document.documentElement.scrollWidth - viewport;
    const describe = (element: Element) => {
      const classes = [...element.classList].slice(0, 2).map((name) => `.${name}`).join('');
      const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 30);
      return `${element.tagName.toLowerCase()}${classes}${text ? ` «${text}»` : ''}`;
    };
    const clippedOnPurpose = (element: Element) => {
      for (let node: Element | null = element; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.clip !== 'auto' || style.clipPath !== 'none') return true;
      }
      return false;
    };
    let worst: { what: string; width: number; cut: number; by: string } | null = null;
    let count = 0;
    for (const element of document.querySelectorAll('td, th, pre, img, input, select, textarea, button')) {
      if (element instanceof HTMLInputElement && element.type === 'hidden') continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === 'hidden' || clippedOnPurpose(element)) continue;
      let cut = Math.max(box.right - viewport, -box.left, 0);
      let by = 'the window';
      for (let ancestor = element.parentElement; ancestor && ancestor !== document.body; ancestor = ancestor.parentElement) {
        if (getComputedStyle(ancestor).overflowX === 'visible') continue;
        // Overflow is cut at the ancestor's padding box.
        const left = ancestor.getBoundingClientRect().left + ancestor.clientLeft;
        const right = left + ancestor.clientWidth;
        const hidden = Math.max(box.right - right, left - box.left, 0);
        if (hidden > cut) {
          cut = hidden;
          by = `${describe(ancestor).split(' ')[0]} (${Math.round(ancestor.clientWidth)}px)`;
        }
      }
      if (cut < 1) continue;
      count += 1;
      if (!worst || cut > worst.cut || (cut === worst.cut && box.width > worst.width)) worst = { what: describe(element), width: Math.round(box.width), cut: Math.round(cut), by };
    }
    const parts = [
      ...(pageOverflow > 0 ? [`scrolls sideways (+${pageOverflow}px)`] : []),
      ...(worst ? [`${count} element(s) not fully visible, worst: ${worst.what} (${worst.width}px wide, ${worst.cut}px cut off by ${worst.by})`] : []),
    ];
    return parts.length > 0 ? parts.join('; ') : null;
  });
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
  const first = await on.goto(`${SITE_URL}${path}`);
  await on.waitForLoadState('networkidle');
  // Read before axe runs: axe's own probes set style attributes, which the policy rightly blocks.
  const csp = await on.evaluate(readCspViolations);
  const result = await new AxeBuilder({ page: on as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return [
    ...result.violations.map((violation) => `${mode} ${path} ${violation.id}: ${violation.help} (${violation.nodes.length})`),
    ...csp.map((violation) => `${mode} ${path} CSP violation: ${violation}`),
    ...(await reloadProblems(on, path, mode, first?.status() ?? 0)),
  ];
}

const readCspViolations = () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [];

/**
 * A returning visitor reloads the page in the same context: the browser revalidates it and may get a 304, whose
 * headers it merges into the cached page — a 304 with another policy than the 200 once blocked every island.
 * Axe is not run again (the page is the same); the policy is what changes.
 */
async function reloadProblems(on: Page, path: string, mode: string, firstStatus: number): Promise<string[]> {
  // Waiting for `load` is enough: a policy that blocks the page's inline scripts and styles is reported while
  // the page is parsed, and not waiting for the network to idle keeps the long sweep a few minutes shorter.
  const reloaded = await on.reload({ waitUntil: 'load' });
  const status = reloaded?.status() ?? 0;
  const expected = firstStatus === 200 ? [200, 304] : [firstStatus];
  return [
    ...(expected.includes(status) ? [] : [`${mode} ${path} reload answered ${status} (first visit: ${firstStatus})`]),
    ...(await on.evaluate(readCspViolations)).map((violation) => `${mode} ${path} CSP violation after a reload: ${violation}`),
  ];
}

describe('accessibility (axe, WCAG 2.1 A and AA)', () => {
  it('sitemap.xml lists every kind of page', async () => {
    const paths = await sitemapPaths();
    for (const path of ['/', '/fizlicam/', '/fizlicam/tarify/', '/fizlicam/tarify/arhiv/', '/yurlicam/ceny/', '/spravka/ofisy/', '/spravka/novosti/', '/spravka/dokumenty/', '/karta-sajta/', '/faq/']) {
      expect(paths).toContain(path);
    }
  });

  it('every template of sitemap.xml, search results and the 404 page have no accessibility or CSP violations in both versions, and still no CSP violation after a reload', async () => {
    const paths = [...(await sweepPaths('axe sweep')), ...EXTRA_PAGES];
    const problems: string[] = [];
    // The two versions are two browser contexts: each page is checked in both at once (the sweep is the longest
    // journey of the suite, and axe waits on the browser more than on the CPU).
    for (const path of paths) {
      const [normal, lowVision] = await Promise.all([violations(page, path, 'normal'), violations(lowVisionPage, path, 'low-vision')]);
      problems.push(...normal, ...lowVision);
    }
    expect(problems).toEqual([]);
  }, 2_400_000);

  it('«Версия для слабовидящих» works without JavaScript and persists across pages until switched off', async () => {
    const context = await browser.newContext({ locale: 'ru-RU', javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(`${SITE_URL}/fizlicam/tarify/`);
    expect(await plain.locator('html').getAttribute('class')).toBeNull();
    await plain.getByRole('button', { name: 'Версия для слабовидящих' }).click();
    // Back to the same page, at its settings panel (public-server/src/display-mode.ts).
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

  // 640 CSS pixels is a 1280-pixel window at 200% zoom (WCAG 1.4.10); 390×844 is a common phone.
  const NARROW = [
    { name: 'at 200% zoom (640 CSS pixels wide)', viewport: { width: 640, height: 900 }, lowVision: false },
    { name: 'on a 390×844 phone', viewport: { width: 390, height: 844 }, lowVision: false },
    { name: 'on a 390×844 phone in the low-vision version', viewport: { width: 390, height: 844 }, lowVision: true },
  ];
  for (const { name, viewport, lowVision } of NARROW) {
    it(`${name} no page scrolls sideways and every table cell, pre, image and form control is fully visible`, async () => {
      const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Moscow', viewport });
      if (lowVision) await context.addCookies([{ name: 'display-mode', value: 'low-vision', url: SITE_URL }]);
      const narrow = await context.newPage();
      const problems: string[] = [];
      for (const path of [...(await sweepPaths(`sideways sweep ${name}`)), ...EXTRA_PAGES]) {
        await narrow.goto(`${SITE_URL}${path}`);
        const problem = await sidewaysProblem(narrow);
        if (problem) problems.push(`${path} ${problem}`);
      }
      await context.close();
      expect(problems).toEqual([]);
    }, 900_000);
  }

  it('on a 390×844 phone the calculator answer for a big bill fits the screen', async () => {
    const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Moscow', viewport: { width: 390, height: 844 } });
    const phone = await context.newPage();
    await phone.goto(`${SITE_URL}/fizlicam/tarify/`);
    // The usage field, however it is labelled: «Круглые сутки» inside «Расход за месяц, кВт·ч», or «… кВт·ч» itself.
    const usage = phone.getByRole('group', { name: /кВт/ }).getByRole('textbox').or(phone.getByLabel(/кВт/)).first();
    await usage.fill('12500');
    await phone.getByRole('button', { name: /Рассчитать/ }).click();
    await expect.poll(async () => (await phone.locator('main').locator('[aria-live], [role="status"]').allInnerTexts()).join(' ')).toMatch(/₽/);
    expect(await sidewaysProblem(phone)).toBeNull();
    await context.close();
  });

  it('a page of every kind starts with a skip link that takes the keyboard to the main content', async () => {
    const fresh = await newPage(browser);
    // Home, a section, a content page, the FAQ, a form, search results, an office and the 404 page (one layout each).
    for (const path of ['/', '/fizlicam/', '/fizlicam/pokazaniya/', '/faq/', '/vopros/', '/search/?q=квитанция', '/spravka/ofisy/', '/no-such-page/']) {
      await fresh.goto(`${SITE_URL}${path}`);
      await fresh.keyboard.press('Tab');
      const focused = await fresh.evaluate(() => ({ text: document.activeElement?.textContent ?? '', href: document.activeElement?.getAttribute('href') }));
      expect(focused.text, path).toMatch(/основному содержанию/);
      expect(focused.href, path).toBe('#main');
      // Following it from the keyboard puts the focus on the main content itself, and the next Tab goes on from
      // there (to a link in it, or past it when it has none), never back into the header and menu.
      await fresh.keyboard.press('Enter');
      expect(await fresh.evaluate(() => document.activeElement?.id), path).toBe('main');
      await fresh.keyboard.press('Tab');
      const onward = await fresh.evaluate(() => {
        const main = document.querySelector('main#main');
        const active = document.activeElement;
        return Boolean(main && active && (main.contains(active) || main.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING));
      });
      expect(onward, path).toBe(true);
    }
    await fresh.close();
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
