import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, DESKTOP_VIEWPORT, PHONE_VIEWPORT } from './support/browser';
import { SITE_URL } from './support/env';

/**
 * A phone must show the price (issue 12): every price is on screen at 390 px and on a desktop, in the normal
 * and the low-vision version, and the calculator answers with one visible, announced total — also after a
 * reload in the same browser.
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
type Mode = 'normal' | 'low-vision';
const SETUPS: Array<{ name: string; viewport: typeof PHONE; mode: Mode }> = [
  { name: 'phone', viewport: PHONE, mode: 'normal' },
  { name: 'phone, low vision', viewport: PHONE, mode: 'low-vision' },
  { name: 'desktop', viewport: DESKTOP, mode: 'normal' },
  { name: 'desktop, low vision', viewport: DESKTOP, mode: 'low-vision' },
];

async function openContext(viewport: typeof PHONE, mode: Mode, options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Moscow', viewport, ...options });
  // The low-vision version is a cookie the public server reads (public-server/src/display-mode.ts).
  if (mode === 'low-vision') await context.addCookies([{ name: 'display-mode', value: 'low-vision', url: SITE_URL }]);
  return context;
}

/**
 * Every data cell of the page's tables whose text is not wholly on screen: its text box (not the cell's box,
 * which may be clipped itself) must lie inside the viewport's width and inside every ancestor that clips or
 * scrolls its overflow, so a table scrolled inside a narrow box counts as hidden too. Reports the widest cell
 * so a failure says how far off the price is.
 */
async function hiddenCells(page: Page): Promise<{ cells: number; widest: string; hidden: string[]; pageOverflow: number }> {
  return page.evaluate(() => {
    const viewportWidth = document.documentElement.clientWidth;
    const hidden: string[] = [];
    let widest = { width: 0, text: '' };
    const cells = [...document.querySelectorAll('main td')];
    for (const cell of cells) {
      const range = document.createRange();
      range.selectNodeContents(cell);
      const box = range.getBoundingClientRect();
      const text = (cell.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (box.width > widest.width) widest = { width: box.width, text };
      if (box.width === 0 || box.height === 0) hidden.push(`«${text}» is not rendered`);
      else if (box.left < -0.5 || box.right > viewportWidth + 0.5) hidden.push(`«${text}» spans ${Math.round(box.left)}–${Math.round(box.right)} px of a ${viewportWidth} px viewport`);
      for (let parent = cell.parentElement; parent; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const clip = parent.getBoundingClientRect();
        if (box.left < clip.left - 0.5 || box.right > clip.right + 0.5) {
          hidden.push(`«${text}» is clipped by <${parent.tagName.toLowerCase()} class="${parent.className}"> (${Math.round(clip.left)}–${Math.round(clip.right)} px)`);
        }
      }
    }
    return {
      cells: cells.length,
      widest: `«${widest.text}», ${Math.round(widest.width)} px`,
      hidden,
      pageOverflow: document.documentElement.scrollWidth - viewportWidth,
    };
  });
}

describe('price tables show every price on screen', () => {
  const pages = [
    // 5 consumer groups × 6 zone prices (content/data/tariffs.yaml).
    { path: '/fizlicam/tarify/', cells: 30 },
    { path: '/fizlicam/tarify/arhiv/2025-1/', cells: 30 },
    // 6 price categories × 3 capacity groups of the latest month (content/data/prices.yaml).
    { path: '/yurlicam/ceny/', cells: 18 },
  ];
  for (const setup of SETUPS) {
    it(`${setup.name}: no price is cut off or scrolled out of sight and no page scrolls sideways`, async () => {
      const context = await openContext(setup.viewport, setup.mode);
      const page = await context.newPage();
      const problems: string[] = [];
      for (const { path, cells } of pages) {
        await page.goto(`${SITE_URL}${path}`);
        // The largest text setting the low-vision version may offer: twice the normal size.
        const sizes = setup.mode === 'low-vision' ? ['', '200%'] : [''];
        for (const size of sizes) {
          await page.evaluate((fontSize) => { document.documentElement.style.fontSize = fontSize; }, size);
          const result = await hiddenCells(page);
          const where = `${path}${size ? ` at text ${size}` : ''}`;
          expect(result.cells, where).toBe(cells);
          problems.push(...result.hidden.map((problem) => `${where}: ${problem} (widest cell ${result.widest})`));
          if (result.pageOverflow > 0) problems.push(`${where}: the page scrolls sideways by ${result.pageOverflow} px`);
        }
      }
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('says the dates of the period once and ends every sentence with one full stop', async () => {
    const context = await openContext(PHONE, 'normal');
    const page = await context.newPage();
    await page.goto(`${SITE_URL}/fizlicam/tarify/`);
    const main = await page.locator('main').innerText();
    expect(main).not.toMatch(/г\.\./);
    // The period in force on the journeys' date (2026-11-27) is 1 October – 31 December 2026.
    expect(await page.locator('.lead').innerText()).toBe('Действуют тарифы с 1 октября по 31 декабря 2026 г.');
    await context.close();
  });
});

describe('cost calculator', () => {
  /** Money text as read aloud: «1\u00a0702,20\u00a0₽» → «1 702,20 ₽». */
  const text = (value: string) => value.replace(/\u00a0/g, ' ').trim();
  const calculator = (page: Page) => page.locator('form.calculator');

  /** True when the whole element is inside the viewport. */
  const inViewport = (page: Page, selector: string) =>
    page.locator(selector).evaluate((element) => {
      const box = element.getBoundingClientRect();
      // Half a pixel of slack: scrolled positions are fractional.
      return box.top >= -0.5 && box.left >= -0.5 && box.bottom <= window.innerHeight + 0.5 && box.right <= document.documentElement.clientWidth + 0.5;
    });

  /**
   * The tariffs in force on the journeys' date (2026-11-27) are the period «с 1 октября по 31 декабря 2026 года»
   * of content/data/tariffs.yaml; for «Население в городах (дома с газовыми плитами)» on the three-zone tariff
   * it publishes peak 9,67 ₽, half-peak 6,97 ₽ and night 4,18 ₽ per kWh. By hand:
   * 60 × 9,67 = 580,20; 110 × 6,97 = 766,70; 85 × 4,18 = 355,30; total 1 702,20 ₽.
   */
  async function calculateThreeZones(page: Page): Promise<void> {
    await page.getByLabel('Трёхзонный тариф (пик, полупик, ночь)').check();
    await page.getByLabel('Пиковая зона (7:00–10:00, 17:00–21:00)').fill('60');
    await page.getByLabel('Полупиковая зона (10:00–17:00, 21:00–23:00)').fill('110');
    await page.getByLabel('Ночная зона (23:00–7:00)').fill('85');
    // The button at the bottom edge of the screen, as after typing on a phone: the total appears below it.
    const button = page.getByRole('button', { name: 'Рассчитать' });
    await button.evaluate((element) => element.scrollIntoView({ block: 'end' }));
    await button.click();
  }

  for (const setup of SETUPS) {
    it(`${setup.name}: gives one total computed by hand, on screen, in a live region, also after a reload`, async () => {
      const context = await openContext(setup.viewport, setup.mode);
      const page = await context.newPage();
      for (const visit of ['first visit', 'after a reload']) {
        if (visit === 'first visit') await page.goto(`${SITE_URL}/fizlicam/tarify/`);
        else await page.reload();
        await calculator(page).waitFor();
        // Count what reaches the live region: typing must not announce anything, one calculation once.
        expect(await page.locator('.calculator [aria-live="polite"]').count(), visit).toBe(1);
        await page.locator('.calculator [aria-live]').evaluate((region) => {
          const counter = window as unknown as { liveAdditions: number };
          counter.liveAdditions = 0;
          new MutationObserver((records) => {
            counter.liveAdditions += records.filter((record) => record.addedNodes.length > 0).length;
          }).observe(region, { childList: true, subtree: true, characterData: true });
        });
        await calculateThreeZones(page);
        const total = page.locator('.calculator__total');
        await total.waitFor();
        expect(text(await total.innerText()), visit).toBe('1 702,20 ₽');
        expect(await total.evaluate((element) => element.closest('[aria-live]')?.getAttribute('aria-live')), visit).toBe('polite');
        await expect.poll(() => inViewport(page, '.calculator__total'), { timeout: 5_000 }).toBe(true);
        expect(await page.evaluate(() => (window as unknown as { liveAdditions: number }).liveAdditions), visit).toBe(1);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), visit).toBeLessThanOrEqual(0);
      }
      await context.close();
    });
  }

  it('asks for a number when the usage is empty, not a letter or negative, and shows no total', async () => {
    const context = await openContext(PHONE, 'normal');
    const page = await context.newPage();
    await page.goto(`${SITE_URL}/fizlicam/tarify/`);
    await calculator(page).waitFor();
    const field = page.getByLabel('Круглые сутки', { exact: true });
    for (const [typed, message] of [
      ['', 'Укажите расход за месяц числом, например 150. Если расхода не было, укажите 0'],
      ['сто', 'Укажите расход числом, например 150'],
      ['-40', 'Расход не может быть отрицательным'],
    ] as const) {
      await field.fill(typed);
      await page.getByRole('button', { name: 'Рассчитать' }).click();
      expect(await field.getAttribute('aria-invalid'), typed).toBe('true');
      const described = (await field.getAttribute('aria-describedby'))!.split(' ');
      const texts = await Promise.all(described.map((id) => page.locator(`[id="${id}"]`).innerText()));
      expect(texts, typed).toContain(message);
      expect(await page.getByRole('alert').innerText(), typed).toContain(message);
      expect(await page.locator('.calculator__total').count(), typed).toBe(0);
      expect(await page.locator('.calculator [aria-live]').innerText(), typed).toBe('');
    }
    await field.fill('150');
    await page.getByRole('button', { name: 'Рассчитать' }).click();
    // 150 × 6,97 ₽ (urban, single rate, content/data/tariffs.yaml) = 1 045,50 ₽.
    expect(text(await page.locator('.calculator__total').innerText())).toBe('1 045,50 ₽');
    expect(await field.getAttribute('aria-invalid')).toBeNull();
    await context.close();
  });

  it('comes first on the tariffs page and is one tap away from the home page', async () => {
    const context = await openContext(PHONE, 'normal');
    const page = await context.newPage();
    await page.goto(`${SITE_URL}/`);
    await page.getByRole('link', { name: 'Рассчитать стоимость' }).click();
    await page.waitForURL(/\/fizlicam\/tarify\/#kalkulyator$/);
    await expect.poll(() => inViewport(page, '#kalkulyator h2')).toBe(true);
    expect(await page.locator('#kalkulyator h2').innerText()).toBe('Калькулятор стоимости');
    const order = await page.evaluate(() => {
      const heading = document.querySelector('#kalkulyator h2')!;
      const firstTable = document.querySelector('main table')!;
      return heading.compareDocumentPosition(firstTable) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
    await context.close();
  });

  it('without JavaScript says the calculator needs it and links to the price tables', async () => {
    const context = await openContext(PHONE, 'normal', { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${SITE_URL}/fizlicam/tarify/`);
    const note = page.locator('#kalkulyator');
    expect(await note.innerText()).toContain('Калькулятор стоимости работает при включённом JavaScript');
    const href = await note.getByRole('link', { name: 'таблиц ниже' }).getAttribute('href');
    expect(href).toBe('#ceny');
    expect(await page.locator('#ceny').count()).toBe(1);
    await context.close();
  });

  it('has no accessibility violations (axe, WCAG 2.1 A and AA) with an error, with a total, in both versions', async () => {
    // Arrival on every page is in the sitemap sweep of a11y.spec.ts; here the states only the calculator
    // reaches, and the card layout of the price tables a phone gets.
    const problems: string[] = [];
    for (const setup of SETUPS) {
      const context = await openContext(setup.viewport, setup.mode);
      const page = await context.newPage();
      const check = async (state: string) => {
        const result = await new AxeBuilder({ page: page as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        problems.push(...result.violations.map((violation) => `${setup.name}, ${state}: ${violation.id}: ${violation.help} (${violation.nodes.length})`));
      };
      await page.goto(`${SITE_URL}/fizlicam/tarify/`);
      await calculator(page).waitFor();
      if (setup.viewport === PHONE) {
        await page.getByRole('button', { name: 'Рассчитать' }).click();
        await page.getByRole('alert').waitFor();
        await check('with an error');
      }
      await calculateThreeZones(page);
      await page.locator('.calculator__total').waitFor();
      await check('with a total');
      if (setup.viewport === PHONE) {
        await page.goto(`${SITE_URL}/yurlicam/ceny/`);
        await check('/yurlicam/ceny/');
      }
      await context.close();
    }
    expect(problems).toEqual([]);
  }, 300_000);
});
