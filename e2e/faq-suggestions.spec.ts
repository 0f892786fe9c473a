import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { SUGGESTION_COUNTER_KEYS } from '@portal/core/faq-suggestions';
import { QUESTION_FORM_FIELD_LABELS as L } from '@portal/core/question-form';
import { launchBrowser, newPage } from './support/browser';
import { readCounter } from './support/cms-admin';
import { SITE_URL } from './support/env';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('«Возможно, ответ уже есть» in the question form', () => {
  it('suggests up to five FAQ answers while the client types, and counts an opened suggestion anonymously', async () => {
    const before = await readCounter(SUGGESTION_COUNTER_KEYS.opened);
    const page = await newPage(browser);
    await page.goto(`${SITE_URL}/vopros/`);
    await page.locator('.question-form[data-ready="true"]').waitFor();
    await page.getByLabel(L.text).fill('Как передать показания счётчика через интернет?');

    const suggestions = page.getByRole('region', { name: 'Возможно, ответ уже есть' });
    await suggestions.waitFor({ timeout: 10_000 });
    const links = suggestions.getByRole('link');
    const count = await links.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(5);
    expect((await links.allInnerTexts()).join(' ')).toMatch(/показани/i);

    // Opening one keeps the form (new tab) and is counted once.
    const [popup] = await Promise.all([page.context().waitForEvent('page'), links.first().click()]);
    await popup.close();
    await expect.poll(() => readCounter(SUGGESTION_COUNTER_KEYS.opened), { timeout: 10_000 }).toBe(before + 1);
    expect(await page.getByLabel(L.text).inputValue()).toContain('показания');
  });
});
