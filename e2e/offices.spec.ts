import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, DESKTOP_VIEWPORT, PHONE_VIEWPORT } from './support/browser';
import { SITE_URL } from './support/env';

/*
 * Offices on a phone and on a desktop: the open/closed state of every office in the lists, today's row on an
 * office page, both again after a reload and after going back and forward in the same tab, the map link, and
 * nothing requested from outside our own server. The browser clock is set to a known Moscow moment, and every
 * expected text is worked out by hand from the demo hours (content/data/offices.yaml).
 */

/** Wednesday 2 December 2026, 14:00 in Moscow: an ordinary working day, after every lunch break. */
const WEDNESDAY_AFTERNOON = '2026-12-02T14:00:00+03:00';
/** The same Wednesday at 19:30, after every office has closed. */
const WEDNESDAY_EVENING = '2026-12-02T19:30:00+03:00';

/** The state each office of the demo content shows on Wednesday at 14:00. */
const OFFICES_AT_14 = {
  'ЦОК «Северо-Озёрск, Центральный»': 'Открыто до 19:00', // Wednesday 8:00–19:00
  'ЦОК «Северо-Озёрск, Заречный»': 'Открыто до 18:00',
  'ЦОК «Ясноборск»': 'Открыто до 17:00',
  'ЦОК «Камнегорск»': 'Открыто до 18:00',
  'ЦОК «Тихоречье»': 'Открыто до 16:30',
  'ЦОК «Берёзовый Лог»': 'Закрыто, откроется завтра в 9:00', // Tuesdays and Thursdays only
  'ЦОК «Лесная Гавань»': 'Открыто до 17:00',
  'ЦОК «Озерки»': 'Открыто до 17:00', // lunch 13:00–14:00 has just ended
};
const PAYMENT_POINTS_AT_14 = {
  'Пункт приёма платежей «Вокзальный»': 'Открыто до 20:00',
  'Пункт приёма платежей «Ясноборск, рынок»': 'Открыто до 17:00',
};

const VIEWPORTS = [
  { name: 'phone', ...PHONE_VIEWPORT },
  { name: 'desktop', ...DESKTOP_VIEWPORT },
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A context at a fixed Moscow moment that refuses, and records, every request leaving this machine. */
async function openContext(viewport: { width: number; height: number }, moment: string): Promise<{ context: BrowserContext; page: Page; outside: string[] }> {
  const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Moscow', viewport });
  const outside: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if ((url.protocol === 'http:' || url.protocol === 'https:') && LOCAL_HOSTS.has(url.hostname)) return route.continue();
    outside.push(url.href);
    return route.abort();
  });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(moment));
  return { context, page, outside };
}

/** The text a sighted visitor reads on a status line (without the «Сейчас: » said to screen readers), once filled in. */
async function visibleState(line: Locator, what: string): Promise<string> {
  const read = () => line.evaluate((element) => [...element.childNodes].filter((node) => !(node instanceof HTMLElement && node.classList.contains('visually-hidden'))).map((node) => node.textContent).join('').trim());
  await expect.poll(read, { message: what }).not.toBe('');
  return read();
}

/** The status line of each office card of a list page, by office name. */
async function listStates(page: Page, names: string[]): Promise<Record<string, string>> {
  const states: Record<string, string> = {};
  for (const name of names) {
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });
    states[name] = await visibleState(card.locator('[data-office-status]'), name);
  }
  return states;
}

/** The status line of an office page, a polite live region. */
async function pageState(page: Page): Promise<string> {
  return visibleState(page.locator('[data-office-status][role="status"]'), 'office page status');
}

/**
 * The weekly table's rows marked as today: the day's full name (phones show «Ср» and keep «Среда» for screen
 * readers) and the «, сегодня» mark when it is shown.
 */
async function todayRows(page: Page): Promise<string[]> {
  return page.locator('table.hours-table tr[aria-current="date"] th').evaluateAll((cells) =>
    cells.map((cell) => {
      const mark = cell.querySelector('.hours-today');
      return `${cell.querySelector('.weekday-name')?.textContent ?? ''}${mark && getComputedStyle(mark).display !== 'none' ? mark.textContent : ''}`;
    }),
  );
}

describe.each(VIEWPORTS)('offices on a $name ($width×$height)', (viewport) => {
  it('the office list shows the state of every office now, and the payment points list of every point', async () => {
    const { context, page, outside } = await openContext(viewport, WEDNESDAY_AFTERNOON);
    await page.goto(`${SITE_URL}/spravka/ofisy/`);
    expect(await listStates(page, Object.keys(OFFICES_AT_14))).toEqual(OFFICES_AT_14);
    // Screen readers hear what the line is; sighted visitors see only the state.
    expect(await page.locator('[data-office-status]').first().textContent()).toMatch(/^Сейчас: /);
    await page.goto(`${SITE_URL}/spravka/punkty-oplaty/`);
    expect(await listStates(page, Object.keys(PAYMENT_POINTS_AT_14))).toEqual(PAYMENT_POINTS_AT_14);
    expect(outside).toEqual([]);
    await context.close();
  });

  it('an office page shows the state and marks Wednesday as today; both hold after a reload and back/forward', async () => {
    const { context, page, outside } = await openContext(viewport, WEDNESDAY_AFTERNOON);
    await page.goto(`${SITE_URL}/spravka/ofisy/`);
    await page.getByRole('main').getByRole('link', { name: 'ЦОК «Северо-Озёрск, Заречный»', exact: true }).click();
    await page.waitForURL(/\/spravka\/ofisy\/severo-ozersk-zarechnyy\/$/);

    const expectOfficePage = async (when: string) => {
      expect(await pageState(page), when).toBe('Открыто до 18:00');
      await expect.poll(() => todayRows(page), { message: when }).toEqual(['Среда, сегодня']);
      expect(await page.getByRole('row', { name: /Среда/ }).innerText(), when).toMatch(/9:00–18:00\s+перерыв 13:00–13:45/);
    };
    await expectOfficePage('first visit');

    await page.reload();
    await expectOfficePage('after a reload');

    await page.goBack();
    await page.waitForURL(/\/spravka\/ofisy\/$/);
    expect(await listStates(page, ['ЦОК «Северо-Озёрск, Заречный»'])).toEqual({ 'ЦОК «Северо-Озёрск, Заречный»': 'Открыто до 18:00' });
    await page.goForward();
    await page.waitForURL(/\/severo-ozersk-zarechnyy\/$/);
    await expectOfficePage('after back and forward');

    // A second visit in the same context, as a returning visitor makes it.
    await page.goto(`${SITE_URL}/spravka/ofisy/severo-ozersk-zarechnyy/`);
    await expectOfficePage('on a revisit');
    expect(outside).toEqual([]);
    await context.close();
  });

  it('after closing time an office says when it opens tomorrow', async () => {
    const { context, page, outside } = await openContext(viewport, WEDNESDAY_EVENING);
    await page.goto(`${SITE_URL}/spravka/ofisy/severo-ozersk-centralnyy/`);
    expect(await pageState(page)).toBe('Закрыто, откроется завтра в 8:00');
    expect(await todayRows(page)).toEqual(['Среда, сегодня']);
    expect(outside).toEqual([]);
    await context.close();
  });

  it('on a shortened pre-holiday day says so in today\'s row, and the table still fits the screen', async () => {
    // Monday 22 February 2027, 16:30: the day before Defender of the Fatherland Day (a Tuesday), one hour shorter,
    // from the statutory 2027 calendar the page ships. Wednesday is the next working day.
    const { context, page, outside } = await openContext(viewport, '2027-02-22T16:30:00+03:00');
    await page.goto(`${SITE_URL}/spravka/ofisy/severo-ozersk-centralnyy/`);
    expect(await pageState(page)).toBe('Закрыто, откроется в ср 8:00');
    expect(await todayRows(page)).toEqual(['Понедельник, сегодня']);
    expect(await page.locator('tr[aria-current="date"] [data-today-note]').innerText()).toBe('Сегодня сокращённый день: 8:00–16:00, перерыв 12:00–12:45');
    const fit = await page.locator('table.hours-table').evaluate((table) => ({
      table: table.getBoundingClientRect().right,
      box: table.parentElement!.getBoundingClientRect().right,
      page: document.documentElement.scrollWidth,
      screen: window.innerWidth,
    }));
    expect(fit.table).toBeLessThanOrEqual(fit.box);
    expect(fit.page).toBeLessThanOrEqual(fit.screen);
    expect(outside).toEqual([]);
    await context.close();
  });

  it('follows the clock while the page stays open, without repeating an unchanged line to screen readers', async () => {
    const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Moscow', viewport });
    const page = await context.newPage();
    await page.clock.install({ time: new Date('2026-12-02T17:58:30+03:00') });
    await page.goto(`${SITE_URL}/spravka/ofisy/severo-ozersk-zarechnyy/`);
    expect(await pageState(page)).toBe('Открыто до 18:00');
    await page.evaluate(() => {
      const counter = window as unknown as { officeStatusMutations: number };
      counter.officeStatusMutations = 0;
      new MutationObserver((records) => (counter.officeStatusMutations += records.length)).observe(document.querySelector('[data-office-status]')!, { childList: true, subtree: true, characterData: true });
    });
    await page.clock.runFor(60_000); // 17:59:30, still open: the live region is not touched
    expect(await page.evaluate(() => (window as unknown as { officeStatusMutations: number }).officeStatusMutations)).toBe(0);
    await page.clock.runFor(60_000); // 18:00:30
    expect(await pageState(page)).toBe('Закрыто, откроется завтра в 9:00');
    await context.close();
  });

  it('links the coordinates to a map, lists each way to pay whole, and loads nothing from outside', async () => {
    const { context, page, outside } = await openContext(viewport, WEDNESDAY_AFTERNOON);
    await page.goto(`${SITE_URL}/spravka/ofisy/severo-ozersk-centralnyy/`);
    await page.waitForLoadState('networkidle');
    expect(outside).toEqual([]);
    const map = page.getByRole('link', { name: 'Открыть на карте' });
    expect(await map.getAttribute('href')).toBe('https://yandex.ru/maps/?pt=34.3521,61.7842&z=16&l=map');
    expect(await map.isVisible()).toBe(true);
    const payment = page.getByRole('region', { name: 'Оплата', exact: true });
    expect(await payment.getByRole('listitem').allInnerTexts()).toEqual(['касса без комиссии', 'платёжный терминал (карта, СБП)', 'оплата по QR-коду с квитанции']);
    expect(await page.locator('iframe').count()).toBe(0);
    expect(outside).toEqual([]);
    await context.close();
  });

  it('without JavaScript the weekly table is complete and nothing is marked', async () => {
    const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Moscow', viewport, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${SITE_URL}/spravka/ofisy/severo-ozersk-zarechnyy/`);
    expect(await page.locator('table.hours-table tbody tr').count()).toBe(7);
    expect(await page.getByRole('row', { name: /Суббота/ }).innerText()).toContain('10:00–14:00');
    expect(await todayRows(page)).toEqual([]);
    expect(await page.locator('.hours-today').filter({ visible: true }).count()).toBe(0);
    expect(await page.locator('[data-office-status]').textContent()).toBe('');
    await context.close();
  });
});
