import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage } from './support/browser';
import { SITE_URL } from './support/env';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('FAQ search journey', () => {
  it('finds the meter verification answer for «счетчик поверка» typed into the home page search form', async () => {
    const page = await newPage(browser);
    await page.goto(`${SITE_URL}/`);
    await page.getByRole('searchbox').first().fill('счетчик поверка');
    await page.getByRole('searchbox').first().press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    const first = page.locator('main .search-island a[href*="/faq/"]').first();
    await expect.poll(() => first.getAttribute('href'), { timeout: 15_000 }).toContain('/poverka-schetchika/');
    // The matched words are highlighted in the result.
    expect(await page.locator('main mark').count()).toBeGreaterThan(0);
    await first.click();
    await page.waitForURL(/\/faq\/pokazaniya\/poverka-schetchika\/$/);
    expect(await page.locator('h1').innerText()).toMatch(/поверк/i);
  });

  it('tolerates a typo: «показния счетчика» still finds how to submit meter readings', async () => {
    const page = await newPage(browser);
    await page.goto(`${SITE_URL}/search/?q=${encodeURIComponent('как передать показния')}`);
    // The island's own results (the server-rendered block is replaced once it runs).
    const links = page.locator('main .search-island a[href*="/faq/pokazaniya/"]');
    await expect.poll(() => links.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const hrefs = await page.locator('main .search-island a[href*="/faq/"]').evaluateAll((nodes) => nodes.slice(0, 3).map((node) => node.getAttribute('href')));
    expect(hrefs.some((href) => href?.includes('/kak-peredat-pokazaniya/'))).toBe(true);
  });

  it('updates results while the client types, announces as many as it shows, and shows those of the whole query', async () => {
    const query = 'личный кабинет';
    const page = await newPage(browser);
    await page.goto(`${SITE_URL}/search/`);
    await page.getByRole('searchbox').first().pressSequentially(query, { delay: 30 });
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), { timeout: 15_000 }).toBe(query);
    const status = page.getByRole('status').first();
    await expect.poll(() => status.innerText(), { timeout: 15_000 }).toMatch(/Найдено: \d+/);
    const hits = page.locator('main .search-island ol.search-results > li');
    const titles = page.locator('main .search-island ol.search-results > li a.search-results__title');
    // The API answers with 10 hits at most unless asked for more: the announced count and the list must agree
    // (polled, as the last keystroke's answer may still be on its way).
    const announced = async () => Number((await status.innerText()).match(/Найдено: (\d+)/)?.[1]);
    await expect.poll(async () => (await hits.count()) - Math.min(await announced(), 10), { timeout: 15_000 }).toBe(0);
    const total = await announced();
    expect(total).toBeGreaterThan(0);
    // The results are those of the whole query, not of a word typed on the way («личный», «личный ка»): the same
    // links, in the same order, as the shareable results page opened for the whole query.
    const shown = await titles.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href')));
    const fresh = await newPage(browser);
    await fresh.goto(`${SITE_URL}/search/?q=${encodeURIComponent(query)}`);
    const freshStatus = fresh.getByRole('status').first();
    await expect.poll(() => freshStatus.innerText(), { timeout: 15_000 }).toBe(`Найдено: ${total}`);
    const expected = await fresh.locator('main .search-island ol.search-results > li a.search-results__title').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href')));
    expect(shown).toEqual(expected);
    await fresh.close();
  });

  it('keeps words typed before the page finished loading and searches for them', async () => {
    const page = await newPage(browser);
    // Hold the island's scripts back until the visitor has typed, as on a slow connection.
    let release!: () => void;
    const typed = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/_astro/**/*.js', async (route) => {
      await typed;
      await route.continue();
    });
    // Not `domcontentloaded`: the held module scripts (the chat launcher's among them) defer that event.
    await page.goto(`${SITE_URL}/search/`, { waitUntil: 'commit' });
    await page.getByRole('searchbox').first().waitFor();
    expect(await page.locator('.search-island[data-ready="true"]').count()).toBe(0);
    await page.getByRole('searchbox').first().fill('пеня');
    release();
    await page.locator('.search-island[data-ready="true"]').waitFor();
    expect(await page.getByRole('searchbox').first().inputValue()).toBe('пеня');
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain(`q=${encodeURIComponent('пеня')}`);
    const links = page.locator('main .search-island a[href="/faq/zadolzhennost/penya-za-prosrochku/"]');
    await expect.poll(() => links.count(), { timeout: 15_000 }).toBe(1);
  });

  it('opens a shareable results link without JavaScript and finds the answer for a colloquial query', async () => {
    const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Moscow', javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${SITE_URL}/search/?q=${encodeURIComponent('скока платить за свет')}`);
      expect(await page.getByRole('searchbox').first().inputValue()).toBe('скока платить за свет');
      // Without JavaScript the island's own status stays empty; the server-rendered block speaks.
      expect(await page.locator('main [data-search-static] [role="status"]').innerText()).toMatch(/Найдено: [1-9]/);
      const hrefs = await page
        .locator('main .search-results a')
        .evaluateAll((nodes) => nodes.slice(0, 3).map((node) => node.getAttribute('href')));
      expect(hrefs).toContain('/faq/oplata/kak-rasschityvaetsya-summa/');
      expect(await page.locator('main .search-results mark').count()).toBeGreaterThan(0);

      // The form works without JavaScript too: a new query is a new shareable page.
      await page.getByRole('searchbox').first().fill('пеня');
      await page.getByRole('button', { name: 'Найти' }).click();
      await page.waitForURL(/\/search\/\?q=%D0%BF%D0%B5%D0%BD%D1%8F/);
      await page.locator('main .search-results a[href="/faq/zadolzhennost/penya-za-prosrochku/"]').click();
      await page.waitForURL(/\/faq\/zadolzhennost\/penya-za-prosrochku\/$/);
    } finally {
      await context.close();
    }
  });

  it('offers the question form with the query and topics to browse when nothing is found', async () => {
    // Nothing on the site mentions electric cars (pages, news and documents are searched too).
    const query = 'электромобиль во дворе';
    const page = await newPage(browser);
    await page.goto(`${SITE_URL}/search/`);
    await page.locator('.search-island[data-ready="true"]').waitFor();
    await page.getByRole('searchbox').first().fill(query);
    const empty = page.locator('main .search-empty');
    await expect.poll(() => empty.count(), { timeout: 15_000 }).toBe(1);
    expect(await empty.innerText()).toContain(`По запросу «${query}» ничего не нашлось`);
    expect(await empty.locator('a[href="/faq/tarify/"]').count()).toBe(1);
    // The server-rendered block is gone once the island runs: the help appears once.
    expect(await page.locator('[data-search-static]').count()).toBe(0);

    await empty.getByRole('link', { name: 'Задайте вопрос' }).click();
    await page.waitForURL(/\/vopros\/\?text=/);
    await expect.poll(() => page.locator('textarea').first().inputValue(), { timeout: 15_000 }).toBe(query);
  });

  it('shows the same help on the shareable page without JavaScript', async () => {
    const context = await browser.newContext({ locale: 'ru-RU', javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${SITE_URL}/search/?q=${encodeURIComponent('электромобиль')}`);
      const empty = page.locator('main .search-empty');
      expect(await empty.innerText()).toContain('ничего не нашлось');
      expect(await empty.getByRole('link', { name: 'Задайте вопрос' }).getAttribute('href')).toBe(
        `/vopros/?text=${encodeURIComponent('электромобиль').replace(/%20/g, '+')}`,
      );
      expect(await empty.locator('a[href="/faq/pokazaniya/"]').count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('finds an outage by its settlement: the hit says it is an outage with its period, the news filter keeps it, and the link opens the item', async () => {
    const page = await newPage(browser);
    await page.goto(`${SITE_URL}/search/`);
    await page.locator('.search-island[data-ready="true"]').waitFor();
    await page.getByRole('searchbox').first().fill('отключение Тихоречье');
    const results = page.locator('main .search-island .search-results > li');
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // Every hit has both words (honest counts); the outage says what it is and when.
    const first = results.first();
    await expect.poll(() => first.locator('.search-results__type').innerText(), { timeout: 15_000 }).toBe('Отключение');
    expect(await first.locator('.search-results__status').innerText()).toMatch(/^Плановое отключение: /);
    await page.getByRole('group', { name: 'Где искать' }).getByLabel('Новости').check();
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('type=news');
    await expect
      .poll(() => first.locator('a').getAttribute('href'), { timeout: 15_000 })
      .toBe('/spravka/novosti/planovoe-otklyuchenie-tihorechye-dekabr/');
    await first.locator('a').click();
    await page.waitForURL(/\/spravka\/novosti\/planovoe-otklyuchenie-tihorechye-dekabr\/$/);
    expect(await page.locator('h1').innerText()).toContain('Тихоречье');
  });

  it('reads a query typed with the wrong keyboard layout, says so, and offers a correction for a word it does not know', async () => {
    const page = await newPage(browser);
    await page.goto(`${SITE_URL}/search/`);
    await page.locator('.search-island[data-ready="true"]').waitFor();
    // «оплата» typed with the English layout on.
    await page.getByRole('searchbox').first().fill('jgkfnf');
    const status = page.locator('main .search-island .search-status');
    await expect.poll(() => status.innerText(), { timeout: 15_000 }).toContain('Показаны результаты по запросу «оплата»');
    // «торефы»: two letters off «тарифы», too far to match, close enough to suggest.
    await page.getByRole('searchbox').first().fill('торефы');
    const suggestion = page.locator('main .search-island .search-suggestion a');
    await expect.poll(() => suggestion.count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('main .search-island .search-suggestion').innerText()).toMatch(/^Возможно, вы имели в виду «тариф/);
    await suggestion.click();
    await expect.poll(() => status.innerText(), { timeout: 15_000 }).toMatch(/Найдено: [1-9]/);
    expect(await page.getByRole('searchbox').first().inputValue()).toMatch(/^тариф/);
  });
});
