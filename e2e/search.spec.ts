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
    const first = page.locator('main a[href*="/faq/"]').first();
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
    const links = page.locator('main a[href*="/faq/pokazaniya/"]');
    await expect.poll(() => links.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const hrefs = await page.locator('main a[href*="/faq/"]').evaluateAll((nodes) => nodes.slice(0, 3).map((node) => node.getAttribute('href')));
    expect(hrefs.some((href) => href?.includes('/kak-peredat-pokazaniya/'))).toBe(true);
  });

  it('updates results while the client types and announces how many were found', async () => {
    const page = await newPage(browser);
    await page.goto(`${SITE_URL}/search/`);
    await page.getByRole('searchbox').first().pressSequentially('личный кабинет', { delay: 30 });
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('q=');
    const status = page.getByRole('status').first();
    await expect.poll(() => status.innerText(), { timeout: 15_000 }).toMatch(/Найдено/);
  });
});
