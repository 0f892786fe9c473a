import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { METER_READINGS_FIELD_LABELS as L, METER_READINGS_MESSAGES as M } from '@portal/core/meter-readings-form';
import { toLocalIsoDate } from '@portal/core/time-zone';
import { launchBrowser, newPage } from './support/browser';
import { updateCompanySettings } from './support/cms-admin';
import { SITE_URL } from './support/env';
import { waitForMail } from './support/mail';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await updateCompanySettings({ readingsFromDay: 15, readingsToDay: 25 }).catch(() => undefined);
  await browser?.close();
});

const today = Number(toLocalIsoDate(new Date(), 'Europe/Moscow').slice(8, 10));

async function fillReadings(page: Page, address: string, day: string) {
  await page.goto(`${SITE_URL}/pokazaniya/naselenie/`);
  await page.locator('.appeal-form[data-ready="true"]').waitFor();
  await page.getByLabel(L.accountNumber).fill('1002 0030 0');
  await page.getByLabel(L.meterSerial).fill(`e2e-${address.split('@')[0]}`.slice(0, 30));
  await page.getByRole('radio', { name: /Двухтарифный/ }).check();
  await page.getByLabel('День (Т1)').fill(day);
  await page.getByLabel('Ночь (Т2)').fill('3400');
  await page.getByLabel('Как к вам обращаться').fill('Мария Николаевна');
  await page.getByLabel('Электронная почта').fill(address);
  await page.getByLabel(/согласи/i).check();
  await page.getByRole('button', { name: /передать показания/i }).click();
}

describe('household meter readings journey', () => {
  it('explains the accepted days outside them; inside, registers the readings and questions a lower one', async () => {
    const address = `readings${Date.now()}@example.ru`;

    // 1. Outside the accepted days: a calm explanation with the days, nothing registered.
    await updateCompanySettings(today > 1 ? { readingsFromDay: 1, readingsToDay: today - 1 } : { readingsFromDay: 2, readingsToDay: 31 });
    let page = await newPage(browser);
    await fillReadings(page, address, '12345,6');
    const refusal = page.getByRole('status').filter({ hasText: /Показания принимаются с \d+ по \d+ число/ });
    await refusal.waitFor({ timeout: 20_000 });
    expect(await refusal.innerText()).toContain('Сегодня показания не принимаются');

    // 2. On an accepted day: registered with a readings number («П») and confirmed by e-mail.
    await updateCompanySettings({ readingsFromDay: today, readingsToDay: today });
    page = await newPage(browser);
    await fillReadings(page, address, '12345,6');
    const success = page.getByRole('status').filter({ hasText: /П-\d{4}-\d{6}/ }).first();
    await success.waitFor({ timeout: 20_000 });
    const number = (await success.innerText()).match(/П-\d{4}-\d{6,}/)?.[0] as string;
    expect((await waitForMail(address)).subject).toContain(number);

    // 3. A lower day reading for the same meter is questioned, then accepted once confirmed.
    page = await newPage(browser);
    await fillReadings(page, address, '12000');
    const summary = page.getByRole('alert').first();
    await expect.poll(() => summary.innerText()).toContain('12345,6');
    expect(await summary.innerText()).toContain(M.lowerThanBefore);
    const confirm = page.getByLabel(L.confirmLower);
    await confirm.check();
    await page.getByRole('button', { name: /передать показания/i }).click();
    await page.getByRole('status').filter({ hasText: /П-\d{4}-\d{6}/ }).first().waitFor({ timeout: 20_000 });
  });
});
