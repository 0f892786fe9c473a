import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ATTACHMENT_MESSAGES } from '@portal/core/attachments';
import { COMPLAINT_FORM_FIELD_LABELS as L } from '@portal/core/complaint-form';
import { launchBrowser, newPage } from './support/browser';
import { SITE_URL } from './support/env';
import { waitForMail } from './support/mail';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('«Обращение или жалоба» journey', () => {
  it('refuses a file that only pretends to be a PDF, then registers the complaint with a photo and e-mails the number', async () => {
    const page = await newPage(browser);
    await page.goto(`${SITE_URL}/obrashchenie/`);
    await page.locator('.appeal-form[data-ready="true"]').waitFor();

    const address = `complaint.${Date.now()}@example.ru`;
    await page.getByRole('radio', { name: 'Физическое лицо' }).check();
    await page.getByLabel(L.name).fill('Пётр Иванович');
    await page.getByLabel(L.email).fill(address);
    await page.getByRole('radio', { name: /электронной почте/i }).check();
    await page.getByLabel(L.topic).selectOption('kachestvo');
    await page.getByLabel(L.text).fill('Третий день вечером мигает свет и скачет напряжение в доме.');
    await page.getByLabel(/согласи/i).check();

    // 1. A text file named .pdf: refused by content, in the focused error summary.
    const files = page.getByLabel('Файлы (необязательно)');
    await files.setInputFiles({ name: 'akt.pdf', mimeType: 'application/pdf', buffer: Buffer.from('это не PDF') });
    await page.getByRole('button', { name: /отправить/i }).click();
    const summary = page.getByRole('alert').first();
    await expect.poll(() => summary.innerText()).toContain(ATTACHMENT_MESSAGES.type('akt.pdf'));
    expect(await files.getAttribute('aria-invalid')).toBe('true');

    // 2. A real photo: registered with a complaint number («Ж»).
    await files.setInputFiles({ name: 'schitok.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('button', { name: /отправить/i }).click();
    const success = page.getByRole('status').filter({ hasText: /Ж-\d{4}-\d{6}/ }).first();
    await success.waitFor({ timeout: 20_000 }).catch(async (error: unknown) => {
      throw new Error(`No success panel. Alerts: ${(await page.getByRole('alert').allInnerTexts()).join(' | ')}`, { cause: error });
    });
    const number = (await success.innerText()).match(/Ж-\d{4}-\d{6,}/)?.[0] as string;

    // 3. The confirmation names the complaint's number.
    const mail = await waitForMail(address);
    expect(mail.subject).toContain(number);
    expect(mail.text).toContain('Пётр Иванович');
  });
});
