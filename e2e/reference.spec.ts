import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from './support/browser';
import { SITE_URL } from './support/env';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** «5,93 ₽» (with non-breaking spaces) → 593 kopecks. */
const kopecks = (text: string) => Number(text.replace(/[^\d,]/g, '').replace(',', ''));

/** The price cell of a zone row in one group's table on the tariffs page. */
async function priceOf(page: Page, group: string, zone: string): Promise<number> {
  const table = page.locator('section.tariff-group', { has: page.getByRole('heading', { name: group, exact: true }) });
  const row = table.locator('tr', { has: page.getByRole('rowheader', { name: zone }) }).first();
  return kopecks(await row.locator('td').last().innerText());
}

describe('tariffs journey', () => {
  it('finds the current two-zone tariff for a rural household from the home page and computes a bill to the kopeck', async () => {
    const page = await newPage(browser);
    await page.goto(`${SITE_URL}/`);
    await page.getByRole('navigation', { name: 'Основная навигация' }).getByRole('link', { name: 'Физическим лицам' }).click();
    // The section's own contents (the header menu links there too).
    await page.getByRole('main').getByRole('link', { name: 'Тарифы и калькулятор' }).click();
    await page.waitForURL(/\/fizlicam\/tarify\/$/);
    expect(await page.locator('.decree').innerText()).toMatch(/№ .+ от \d+ \S+ \d{4} г\..*Официально опубликовано/s);

    const group = 'Население в сельских населённых пунктах';
    // The tables name a zone and put its hours on a second line: «Дневная зона 7:00–23:00».
    const day = await priceOf(page, group, 'Дневная зона');
    const night = await priceOf(page, group, 'Ночная зона');
    expect(day).toBeGreaterThan(night);

    await page.getByLabel('Группа потребителей').selectOption({ label: group });
    await page.getByLabel('Двухзонный тариф (день и ночь)').check();
    await page.getByLabel('Дневная зона (7:00–23:00)').fill('187');
    await page.getByLabel('Ночная зона (23:00–7:00)').fill('93');
    await page.getByRole('button', { name: 'Рассчитать' }).click();
    const total = page.locator('.calculator__total');
    await total.waitFor();
    expect(kopecks(await total.innerText())).toBe(187 * day + 93 * night);
  });

  it('explains a wrong entry in the calculator and moves focus to the error summary', async () => {
    const page = await newPage(browser);
    await page.goto(`${SITE_URL}/fizlicam/tarify/`);
    await page.getByLabel('Одноставочный тариф (круглые сутки)').check();
    await page.getByLabel('Круглые сутки', { exact: true }).fill('12,5');
    await page.getByRole('button', { name: 'Рассчитать' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    expect(await page.getByLabel('Круглые сутки', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('alert').innerText()).toContain('Укажите расход в целых киловатт-часах');
  });

  it('downloads the tariffs as CSV with one row per published price', async () => {
    const page = await newPage(browser);
    await page.goto(`${SITE_URL}/fizlicam/tarify/`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Все тарифы в формате CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('tarify.csv');
    const chunks: Buffer[] = [];
    for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
    const lines = Buffer.concat(chunks).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^period,valid_from,valid_to,decree_number/);
    expect(lines.some((line) => /,rural,.*,two,.*,day,.*,\d+\.\d{2}$/.test(line))).toBe(true);
  });
});

describe('offices journey', () => {
  const statusAt = async (isoInstant: string) => {
    const page = await newPage(browser);
    await page.clock.setFixedTime(new Date(isoInstant));
    await page.goto(`${SITE_URL}/spravka/ofisy/`);
    await page.getByRole('link', { name: 'ЦОК «Северо-Озёрск, Центральный»' }).first().click();
    await page.waitForURL(/\/spravka\/ofisy\/severo-ozersk-centralnyy\/$/);
    const status = page.getByRole('status');
    await expect.poll(() => status.innerText()).not.toBe('');
    return { page, text: await status.innerText() };
  };

  it('shows an office as open on a working Wednesday morning, with its weekly hours', async () => {
    const { page, text } = await statusAt('2026-11-25T10:00:00+03:00');
    expect(text).toContain('Открыто до 19:00');
    expect(await page.getByRole('row', { name: /Среда/ }).innerText()).toContain('8:00–19:00');
  });

  it('shows it closed on 4 November (National Unity Day) and when it opens', async () => {
    const { text } = await statusAt('2026-11-04T10:00:00+03:00');
    expect(text).toContain('Закрыто, откроется завтра в 8:00');
  });

  it('shows it closed on Friday evening until Monday', async () => {
    const { text } = await statusAt('2026-11-27T18:30:00+03:00');
    expect(text).toContain('Закрыто, откроется в пн 8:00');
  });
});
