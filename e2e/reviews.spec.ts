import crypto from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loginToCms } from '../scripts/lib/cms-client';
import { DESKTOP_VIEWPORT, launchBrowser, PHONE_VIEWPORT } from './support/browser';
import { openAdmin } from './support/cms-admin';
import { ADMIN, CMS_URL, SITE_URL } from './support/env';
import { waitForMailWithSubject } from './support/mail';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Screenshots for the reviewer (not compared): var/e2e-screenshots/reviews-*.png. */
const SHOTS = path.resolve(import.meta.dirname, '..', 'var', 'e2e-screenshots');

/** A screenshot at the page's viewport; a page of the site must not scroll sideways there (the admin's frame is Payload's). */
async function look(page: Page, name: string, site = true) {
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (site) expect(sideways, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
  else if (sideways > 0) console.warn(`reviews journey: ${name} scrolls sideways by ${sideways}px`);
  await page.screenshot({ path: path.join(SHOTS, `reviews-${name}.png`), fullPage: true });
}

/**
 * Issue 22, reviews, through the shared stack: a client writes a review on /otzyvy/ (with JavaScript: the page's script
 * solves the forms' proof-of-work and posts it with the form; the forum journey writes without JavaScript), confirms the
 * address from the letter in the mail sink, a moderator approves it in «Модерация» and writes the official reply (over
 * the REST API, as the review's admin form saves it), and the rebuilt page shows the review, the reply and the office's
 * average.
 */
describe('reviews journey', () => {
  it('a review from the form to the published page with the official reply', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const suffix = Date.now().toString(36);
    const email = `review.${suffix}@example.ru`;
    const name = `Ирина ${suffix}`;
    const text = `Оформила договор в Центральном офисе за двадцать минут, всё объяснили (${suffix}).`;

    const context = await browser.newContext({ viewport: PHONE_VIEWPORT, locale: 'ru-RU' });
    const page = await context.newPage();
    await page.goto(`${SITE_URL}/otzyvy/`);
    await look(page, 'form-390');
    await page.locator('#review-rating-5').check();
    await page.getByLabel('О чём отзыв').selectOption('office');
    await page.getByLabel(/^Офис/).selectOption('severo-ozersk-centralnyy');
    await page.getByLabel('Отзыв', { exact: true }).fill(text);
    await page.getByLabel(/^Имя/).fill(name);
    await page.getByLabel(/^Адрес электронной почты/).fill(email);
    await page.getByLabel(/правила форума/).check();
    await page.getByLabel(/Я согласен/).check();
    const posted = page.waitForRequest((request) => request.method() === 'POST' && new URL(request.url()).pathname === '/otzyvy/', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Отправить отзыв' }).click();
    // The page's script added the solved proof-of-work to the plain form's post.
    expect(new URLSearchParams((await posted).postData() ?? '').get('altcha')).toMatch(/^[A-Za-z0-9+/=]{40,}$/);
    await expect.poll(async () => page.locator('#review-outcome').innerText(), { timeout: 30_000 }).toContain('Проверьте почту');

    const letter = await waitForMailWithSubject(email, 'Подтвердите адрес');
    const link = new URL(/https?:\/\/\S+\/api\/moderation\/verify\?t=[A-Za-z0-9_-]+/.exec(letter.text)![0]);
    await page.goto(`${SITE_URL}${link.pathname}${link.search}`);
    await page.getByRole('button', { name: 'Подтвердить адрес' }).click();
    expect(await page.locator('h1').innerText()).toBe('Адрес подтверждён');

    const admin = await loginToCms(CMS_URL, ADMIN.email, ADMIN.password);
    const moderator = { email: `moderator.${suffix}@example-energo.ru`, password: crypto.randomBytes(18).toString('base64url') };
    await admin.request('POST', '/api/users', { ...moderator, name: 'Павел Модератор', roles: ['moderator'] });
    const session = await openAdmin(browser, moderator);
    await session.page.goto(`${CMS_URL}/admin/moderation`);
    await look(session.page, 'queue-1366', false);
    await session.page.setViewportSize(PHONE_VIEWPORT);
    await look(session.page, 'queue-390', false);
    await session.page.setViewportSize(DESKTOP_VIEWPORT);
    await session.page.getByRole('button', { name: `Одобрить: Отзыв от ${name}` }).click();
    await session.page.waitForURL(/\/admin\/moderation\?done=/);
    expect(await session.page.locator('.portal-moderation__done').innerText()).toMatch(/^Одобрено/);
    expect(session.guard.blocked).toEqual([]);
    await session.context.close();

    const api = await loginToCms(CMS_URL, moderator.email, moderator.password);
    const found = await api.request<{ docs: { id: number }[] }>('GET', `/api/reviews?where[authorEmail][equals]=${encodeURIComponent(email)}&depth=0`);
    const reply = 'Спасибо, Ирина! Передали благодарность сотрудникам офиса.';
    await api.request('PATCH', `/api/reviews/${found.docs[0]!.id}`, { officialReply: { text: reply } });

    await expect
      .poll(async () => {
        const html = await (await fetch(`${SITE_URL}/otzyvy/`)).text();
        return html.includes(text) && html.includes(reply);
      }, { timeout: 45_000, interval: 500 })
      .toBe(true);
    await page.goto(`${SITE_URL}/otzyvy/`);
    const review = page.getByRole('article', { name: new RegExp(name) });
    expect(await review.innerText()).toMatch(/Оценка: 5 из 5[\s\S]*Официальный ответ[\s\S]*Передали благодарность/);
    expect(await page.getByRole('table').innerText()).toMatch(/ЦОК «Северо-Озёрск, Центральный»\s+\d,\d из 5/);
    expect(await page.content()).not.toContain(email);
    await look(page, 'page-390');
    await page.setViewportSize(DESKTOP_VIEWPORT);
    await look(page, 'page-1366');
    await context.close();
  });
});
