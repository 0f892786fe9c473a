import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, DESKTOP_VIEWPORT, PHONE_VIEWPORT } from './support/browser';
import { SITE_URL } from './support/env';
import { waitForMailWithSubject } from './support/mail';

/*
 * Booking a visit (issue 20) as a client: from an office page through the steps to «Вы записаны» with a code, the
 * confirmation e-mail, and cancelling by the private link — once with JavaScript switched off on a phone, once with it
 * on at a desktop. The demo office «Северо-Озёрск, Центральный» books «Договор» at desks 1 and 2
 * (content/data/offices.yaml).
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function bookAndCancel(page: Page, email: string, island: boolean) {
  await page.goto(`${SITE_URL}/spravka/ofisy/severo-ozersk-centralnyy/`);
  await page.getByRole('link', { name: 'Записаться на приём' }).click();
  await page.waitForURL(/\/zapis\/\?office=severo-ozersk-centralnyy$/);
  // With the island, every later step swaps the block in this same document: a mark set now must survive to the end.
  if (island) await page.evaluate(() => Object.assign(window, { bookingMark: 'same page' }));
  const loads: string[] = [];
  const bookingPosts: string[] = [];
  page.on('request', (request) => {
    if (request.isNavigationRequest()) loads.push(`${request.method()} ${request.url()}`);
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/zapis/') bookingPosts.push(request.postData() ?? '');
  });
  // The office is preselected: the topic step.
  await page.getByRole('link', { name: /^Договор/ }).click();
  await page.locator('.booking-days a').first().click();
  const time = (await page.locator('.booking-times a').first().textContent())?.trim() ?? '';
  expect(time).toMatch(/^\d{1,2}:\d{2}$/);
  await page.locator('.booking-times a').first().click();

  // Sending without consent: the form comes back with the reason and keeps what was typed.
  await page.getByLabel('Как к вам обращаться').fill('Анна Петрова');
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Записаться' }).click();
  await expect.poll(() => page.locator('.booking-error').textContent()).toContain('Без согласия на обработку персональных данных');
  expect(await page.getByLabel('E-mail').inputValue()).toBe(email);

  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Записаться' }).click();
  await expect.poll(() => page.locator('h2').first().textContent()).toBe('Вы записаны');
  const code = (await page.locator('.booking-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^З-[0-9A-Z]{6}$/);
  expect(await page.locator('main').textContent()).toContain(time);
  // The island sends the proof-of-work solution it worked out while the form was filled in; the page without
  // JavaScript cannot (the public server limits those bookings per address instead).
  expect(new URLSearchParams(bookingPosts.at(-1) ?? '').get('altcha') ?? '').toMatch(island ? /^[A-Za-z0-9+/=]{40,}$/ : /^$/);

  const letter = await waitForMailWithSubject(email, code);
  expect(letter.text).toContain('Паспорт');
  expect(letter.text).toContain('ул. Набережная Светлая, д. 12');

  await page.getByRole('link', { name: 'страница вашей записи' }).click();
  expect(await page.locator('.booking-code').textContent()).toBe(code);
  await page.getByRole('button', { name: 'Отменить запись' }).click();
  await expect.poll(() => page.locator('[role=status]').first().textContent()).toContain('Запись отменена');
  expect(await page.locator('h2').first().textContent()).toBe('Запись отменена');
  await waitForMailWithSubject(email, 'отменена');
  // No page load after the first (the booking page itself), for any step, the sending or the cancelling.
  if (island) expect({ mark: await page.evaluate(() => (window as unknown as { bookingMark?: string }).bookingMark), loads }).toEqual({ mark: 'same page', loads: [] });
}

describe('booking a visit to an office', () => {
  it('works without JavaScript on a phone: office page → topic → day → time → contacts → code, e-mail, cancel by the link', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'ru-RU', viewport: PHONE_VIEWPORT });
    try {
      await bookAndCancel(await context.newPage(), `nojs-${crypto.randomUUID().slice(0, 8)}@example.ru`, false);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('works the same with JavaScript at a desktop, the island swapping the steps without a page load', async () => {
    const context = await browser.newContext({ locale: 'ru-RU', viewport: DESKTOP_VIEWPORT });
    try {
      await bookAndCancel(await context.newPage(), `js-${crypto.randomUUID().slice(0, 8)}@example.ru`, true);
    } finally {
      await context.close();
    }
  }, 60_000);
});
