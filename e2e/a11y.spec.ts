import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
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

const PAGES = ['/', '/faq/', '/faq/pokazaniya/', '/faq/pokazaniya/poverka-schetchika/', '/search/?q=квитанция', '/vopros/', '/privacy/',
  '/obrashchenie/', '/otzyv/', '/zayavka/', '/zayavka/fizicheskim-litsam/', '/zayavka/yuridicheskim-litsam/', '/pokazaniya/',
  '/pokazaniya/naselenie/', '/pokazaniya/yuridicheskie-litsa/'];

describe('accessibility (axe, WCAG 2.1 A and AA)', () => {
  for (const path of PAGES) {
    it(`${path} has no WCAG 2.1 AA violations`, async () => {
      const page = await newPage(browser);
      await page.goto(`${SITE_URL}${path}`);
      await page.waitForLoadState('networkidle');
      const result = await new AxeBuilder({ page: page as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const problems = result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`);
      expect(problems).toEqual([]);
    });
  }

  it('every page starts with a skip link to the main content that works from the keyboard', async () => {
    const page = await newPage(browser);
    await page.goto(`${SITE_URL}/faq/`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent ?? '', href: document.activeElement?.getAttribute('href') }));
    expect(focused.text).toMatch(/основному содержанию/);
    expect(focused.href).toBe('#main');
  });
});
