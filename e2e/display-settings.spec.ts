import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, DESKTOP_VIEWPORT, PHONE_VIEWPORT } from './support/browser';
import { SITE_URL } from './support/env';
import { sweepPlan } from './support/sweep-sample';

/**
 * «Версия для слабовидящих» with its settings, and the frame of every page on a phone: the settings work without
 * JavaScript (plain forms, a cookie the public server reads: public-server/src/display-mode.ts), every setting passes
 * axe, and the largest text never makes a page scroll sideways or cut a word in two.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PHONE = PHONE_VIEWPORT;
const DESKTOP = DESKTOP_VIEWPORT;
/** One page of each kind a low-vision visitor is most likely to need. */
const AXE_PAGES = ['/', '/fizlicam/tarify/', '/spravka/ofisy/severo-ozersk-centralnyy/', '/vopros/'];
const PAGES = ['/', '/fizlicam/', ...AXE_PAGES.slice(1)];

type Settings = { font: '1' | '2' | '3'; colors: 'black' | 'white' | 'blue'; images: 'on' | 'off'; spacing: 'normal' | 'wide' };
const DEFAULTS: Settings = { font: '2', colors: 'black', images: 'on', spacing: 'normal' };
const cookieOf = (s: Settings) => `low-vision.font-${s.font}.colors-${s.colors}.images-${s.images}.spacing-${s.spacing}`;

/** A browser context already in the low-vision version with these settings (the form itself is tested below). */
async function contextWith(settings: Settings | null, viewport = PHONE, javaScriptEnabled = true): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Moscow', viewport, javaScriptEnabled });
  if (settings) await context.addCookies([{ name: 'display-mode', value: cookieOf(settings), url: SITE_URL }]);
  return context;
}

const CSP_RECORDER = `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(event.violatedDirective + ' ' + (event.blockedURI || ''));
});`;

const htmlClasses = (page: Page) => page.evaluate(() => [...document.documentElement.classList].sort().join(' '));
const rootPx = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));

/** Words of the main text that the browser laid out over two lines (a word cut in two, «электроэнерги/ю»). */
function splitWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const parent = node.parentElement;
      // E-mail addresses are no words: they may break anywhere.
      if (!parent || parent.closest('script, style, .visually-hidden, a[href^="mailto:"]') || !parent.checkVisibility()) continue;
      for (const match of text.matchAll(/[А-Яа-яЁёA-Za-z]{4,}/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
        if (lines.size > 1) found.push(match[0]);
      }
    }
    return found;
  });
}

/** How far the page scrolls sideways, in CSS pixels (0 when it fits). */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('«Версия для слабовидящих»: settings without JavaScript', () => {
  it('applies every setting from the panel without JavaScript and keeps them across pages and a reload until switched off', async () => {
    const context = await contextWith(null, PHONE, false);
    const page = await context.newPage();
    await page.goto(`${SITE_URL}/fizlicam/tarify/`);
    expect(await htmlClasses(page)).toBe('');
    const normalRoot = await rootPx(page);

    await page.getByRole('button', { name: 'Версия для слабовидящих' }).click();
    await page.waitForURL(/\/fizlicam\/tarify\/#display-settings-panel$/);
    expect(await htmlClasses(page)).toBe('low-vision lv-colors-black lv-font-2 lv-images-on lv-spacing-normal');
    // On a phone the sizes are 18, 21 and 24 px (site.css), against 16 px in the normal version.
    expect(await rootPx(page)).toBe(21);
    expect(await rootPx(page)).toBeGreaterThan(normalRoot);

    // Every choice posts the panel's form and comes back to the same page, marked with the new class.
    const choose = async (group: string, option: string, marks: string) => {
      if ((await page.locator('.display-settings__details').getAttribute('open')) === null) await page.locator('.display-settings__details > summary').click();
      await page.getByRole('group', { name: group }).getByRole('button', { name: option, exact: true }).click();
      await expect.poll(() => htmlClasses(page)).toContain(marks);
    };
    await choose('Размер шрифта', 'Самый крупный', 'lv-font-3');
    expect(await rootPx(page)).toBe(24);
    await choose('Цвета', 'Белым по чёрному', 'lv-colors-white');
    expect(await page.evaluate(() => [getComputedStyle(document.body).color, getComputedStyle(document.documentElement).backgroundColor])).toEqual([
      'rgb(255, 255, 255)',
      'rgb(0, 0, 0)',
    ]);
    await choose('Расстояние между буквами', 'Увеличенное', 'lv-spacing-wide');
    // WCAG 1.4.12 text spacing: 0.12 of the font size between letters (24 px body text × 0.12).
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).letterSpacing))).toBeCloseTo(2.88, 1);
    await choose('Изображения', 'Скрыть', 'lv-images-off');
    const chosen = 'low-vision lv-colors-white lv-font-3 lv-images-off lv-spacing-wide';
    expect(await htmlClasses(page)).toBe(chosen);
    // The chosen value is announced with its button.
    expect(await page.getByRole('button', { name: 'Самый крупный (выбрано)', exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Крупный', exact: true }).count()).toBe(1);

    // The site has no pictures of its own yet: any picture an editor adds must be hidden.
    const imageDisplay = await page.evaluate(() => {
      const img = document.createElement('img');
      img.alt = 'Фото офиса';
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      document.querySelector('main')!.append(img);
      return getComputedStyle(img).display;
    });
    expect(imageDisplay).toBe('none');

    await page.goto(`${SITE_URL}/spravka/ofisy/`);
    expect(await htmlClasses(page)).toBe(chosen);
    await page.reload();
    expect(await htmlClasses(page)).toBe(chosen);
    expect(await rootPx(page)).toBe(24);

    await page.getByRole('button', { name: 'Обычная версия сайта' }).click();
    await page.waitForURL(/\/spravka\/ofisy\/$/);
    expect(await htmlClasses(page)).toBe('');
    await page.reload();
    expect(await htmlClasses(page)).toBe('');
    await context.close();
  });
});

describe('«Версия для слабовидящих»: accessibility of every setting (axe, WCAG 2.1 A and AA)', () => {
  const variants: [string, Settings][] = [
    ['default', DEFAULTS],
    ['font 1', { ...DEFAULTS, font: '1' }],
    ['font 3', { ...DEFAULTS, font: '3' }],
    ['white on black', { ...DEFAULTS, colors: 'white' }],
    ['dark blue on light blue', { ...DEFAULTS, colors: 'blue' }],
    ['images off', { ...DEFAULTS, images: 'off' }],
    ['wide spacing', { ...DEFAULTS, spacing: 'wide' }],
    ['largest, white on black, wide spacing', { font: '3', colors: 'white', images: 'on', spacing: 'wide' }],
  ];

  it.each(variants)('%s: no axe or CSP violations on the home, tariffs, office and question pages, on a phone and a desktop, first visit and reload', async (_name, settings) => {
    // The phone and the desktop are two contexts checked at once: axe waits on the browser more than on the CPU.
    const inViewport = async (viewport: typeof PHONE): Promise<string[]> => {
      const problems: string[] = [];
      const context = await contextWith(settings, viewport);
      const page = await context.newPage();
      await page.addInitScript(CSP_RECORDER);
      for (const path of AXE_PAGES) {
        const where = `${viewport.width}px ${path}`;
        await page.goto(`${SITE_URL}${path}`);
        await page.waitForLoadState('networkidle');
        if (!(await htmlClasses(page)).includes(`lv-colors-${settings.colors}`)) problems.push(`${where}: not marked`);
        // Open the settings panel, so that its buttons are checked in this scheme too.
        await page.locator('.display-settings__details > summary').click();
        const result = await new AxeBuilder({ page: page as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        problems.push(...result.violations.map((v) => `${where} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`));
        // A reload revalidates the page (304): the islands' scripts must still be allowed.
        await page.reload();
        await page.waitForLoadState('networkidle');
        const csp = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
        problems.push(...csp.map((violation) => `${where} (reload) CSP: ${violation}`));
      }
      await context.close();
      return problems;
    };
    expect((await Promise.all([PHONE, DESKTOP].map(inViewport))).flat()).toEqual([]);
  }, 300_000);
});

describe('the largest text on a 390 px phone', () => {
  it('no page of any template scrolls sideways in the largest size with wide spacing, in the menu or the settings panel either', async () => {
    const xml = await (await fetch(`${SITE_URL}/sitemap.xml`)).text();
    const paths = [...xml.matchAll(/<loc>https?:\/\/[^/<]+([^<]*)<\/loc>/g)].map((match) => match[1]!);
    expect(paths.length).toBeGreaterThan(20);
    // Every template at least once and every page of its own kind (support/sweep-sample.ts).
    const plan = sweepPlan('largest-text sweep', paths, process.env, new Date());
    console.log(plan.summary);
    const context = await contextWith({ font: '3', colors: 'black', images: 'on', spacing: 'wide' });
    const page = await context.newPage();
    const wide: string[] = [];
    for (const path of plan.paths) {
      await page.goto(`${SITE_URL}${path}`);
      const overflow = await sidewaysOverflow(page);
      if (overflow > 0) wide.push(`${path} (+${overflow}px)`);
    }
    await page.goto(`${SITE_URL}/`);
    await page.locator('.site-menu > summary').click();
    await page.locator('.display-settings__details > summary').click();
    const overflow = await sidewaysOverflow(page);
    if (overflow > 0) wide.push(`/ with the menu and the settings open (+${overflow}px)`);
    expect(wide).toEqual([]);
    await context.close();
  }, 600_000);

  it('never cuts a word in two in the largest size, with normal or wide spacing', async () => {
    const cut: string[] = [];
    for (const spacing of ['normal', 'wide'] as const) {
      const context = await contextWith({ font: '3', colors: 'black', images: 'on', spacing });
      const page = await context.newPage();
      for (const path of PAGES) {
        await page.goto(`${SITE_URL}${path}`);
        cut.push(...(await splitWords(page)).map((word) => `${spacing} ${path}: «${word}»`));
      }
      await context.close();
    }
    expect(cut).toEqual([]);
  }, 300_000);
});

describe('the frame of every page on a 390×844 phone', () => {
  for (const [mode, settings] of [['normal', null], ['low-vision, largest size', { ...DEFAULTS, font: '3' }]] as const) {
    it(`${mode}: search and the menu are on the first screen; the menu opens without JavaScript with the top tasks first`, async () => {
      const context = await contextWith(settings, PHONE, false);
      const page = await context.newPage();
      await page.goto(`${SITE_URL}/`);
      const search = page.getByRole('searchbox', { name: 'Поиск по сайту' });
      const box = await search.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height);
      await page.locator('.site-menu > summary').click();
      const nav = page.getByRole('navigation', { name: 'Основная навигация' });
      const names = await nav.getByRole('link').allInnerTexts();
      expect(names.slice(0, 6)).toEqual(['Передать показания', 'Тарифы и калькулятор', 'Офисы и часы работы', 'Оплата', 'Задать вопрос', 'Статус обращения']);
      expect(names).toContain('Физическим лицам');
      // The first task is on the first screen once the menu is open.
      const first = await nav.getByRole('link', { name: 'Передать показания' }).boundingBox();
      expect(first!.y + first!.height).toBeLessThanOrEqual(PHONE.height);
      // Search still works from the header: a plain GET form.
      await search.fill('квитанция');
      await search.press('Enter');
      await page.waitForURL(/\/search\/\?q=%D0%BA/);
      await context.close();
    });
  }

  it('the footer is short: the hotline, the e-mail and links, not every office with its hours (at most half a phone screen)', async () => {
    const context = await contextWith(null);
    const page = await context.newPage();
    await page.goto(`${SITE_URL}/`);
    const footer = page.locator('footer');
    expect((await footer.boundingBox())!.height).toBeLessThanOrEqual(PHONE.height / 2);
    const text = await footer.innerText();
    expect(text).toMatch(/Горячая линия/);
    expect(text).not.toMatch(/Часы работы:/);
    for (const name of ['Офисы и часы работы', 'Карта сайта', 'Политика обработки персональных данных']) {
      expect(await footer.getByRole('link', { name }).count(), name).toBe(1);
    }
    await context.close();
  });

  it('success, notice and error boxes start with their heading: no empty band above it', async () => {
    const context = await contextWith(null);
    const page = await context.newPage();
    await page.goto(`${SITE_URL}/vopros/`);
    // The boxes the form islands and the status page show (site/src/islands/form-kit/panels.tsx), as they render them.
    const bands = await page.evaluate(() =>
      ['success-panel', 'notice-banner', 'error-summary', 'panel'].map((name) => {
        const box = document.createElement('div');
        box.className = name;
        box.setAttribute('role', name === 'error-summary' ? 'alert' : 'status');
        box.innerHTML = '<h2>Обращение зарегистрировано</h2><p>Номер обращения: В-2026-000001</p>';
        document.querySelector('main')!.prepend(box);
        const style = getComputedStyle(box);
        const band = box.querySelector('h2')!.getBoundingClientRect().top - box.getBoundingClientRect().top - parseFloat(style.borderTopWidth) - parseFloat(style.paddingTop);
        return `${name}: ${Math.round(band)}`;
      }),
    );
    expect(bands).toEqual(['success-panel: 0', 'notice-banner: 0', 'error-summary: 0', 'panel: 0']);
    await context.close();
  });
});
