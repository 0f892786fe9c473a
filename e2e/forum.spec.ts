import crypto from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
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

/** Screenshots for the reviewer (not compared): var/e2e-screenshots/forum-*.png. */
const SHOTS = path.resolve(import.meta.dirname, '..', 'var', 'e2e-screenshots');

/**
 * Issue 22, the forum, through the shared stack: a client opens a thread with the plain form of a section's page
 * (no JavaScript, a phone), confirms the address from the letter in the mail sink, a moderator approves it in
 * «Модерация», a handler answers in «Ответ сотрудника» on the thread's admin page, the rebuilt thread page shows the
 * answer highlighted as «Ответ сотрудника», and the thread's author gets the notice with the thread's link.
 */
describe('forum journey', () => {
  it('a forum thread with a staff answer', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const suffix = Date.now().toString(36);
    const email = `forum.${suffix}@example.ru`;
    const name = `Пётр ${suffix}`;
    const title = `Как оплатить без комиссии (${suffix})`;
    const admin = await loginToCms(CMS_URL, ADMIN.email, ADMIN.password);
    const topics = await admin.request<{ docs: { slug: string }[] }>('GET', '/api/topics?limit=1&sort=order&depth=0');
    const section = topics.docs[0]!.slug;

    // The client, on a phone without JavaScript.
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE_VIEWPORT, locale: 'ru-RU' });
    const page = await context.newPage();
    await page.goto(`${SITE_URL}/forum/${section}/`);
    await page.getByLabel('Заголовок темы').fill(title);
    await page.getByLabel('Сообщение', { exact: true }).fill('Подскажите, как оплатить счёт за электроэнергию без комиссии через приложение банка?');
    await page.getByLabel(/^Имя/).fill(name);
    await page.getByLabel(/^Адрес электронной почты/).fill(email);
    await page.getByLabel(/правила форума/).check();
    await page.getByLabel(/Я согласен/).check();
    await page.getByRole('button', { name: 'Отправить тему' }).click();
    await expect.poll(async () => page.locator('#forum-outcome').innerText()).toContain('Проверьте почту');

    const letter = await waitForMailWithSubject(email, 'Подтвердите адрес');
    const link = new URL(/https?:\/\/\S+\/api\/moderation\/verify\?t=[A-Za-z0-9_-]+/.exec(letter.text)![0]);
    await page.goto(`${SITE_URL}${link.pathname}${link.search}`);
    await page.getByRole('button', { name: 'Подтвердить адрес' }).click();
    expect(await page.locator('h1').innerText()).toBe('Адрес подтверждён');

    // A moderator approves it in the queue.
    const moderator = { email: `moderator.forum.${suffix}@example-energo.ru`, password: crypto.randomBytes(18).toString('base64url') };
    const handler = { email: `handler.forum.${suffix}@example-energo.ru`, password: crypto.randomBytes(18).toString('base64url') };
    await admin.request('POST', '/api/users', { ...moderator, name: 'Павел Модератор', roles: ['moderator'] });
    await admin.request('POST', '/api/users', { ...handler, name: 'Ольга Специалист', roles: ['handler'] });
    const queue = await openAdmin(browser, moderator);
    await queue.page.goto(`${CMS_URL}/admin/moderation`);
    await queue.page.getByRole('button', { name: `Одобрить: Тема форума от ${name}` }).click();
    await queue.page.waitForURL(/\/admin\/moderation\?done=/);
    expect(queue.guard.blocked).toEqual([]);
    await queue.context.close();

    // A handler answers on the thread's admin page.
    const found = await admin.request<{ docs: { id: number }[] }>('GET', `/api/forum-threads?where[title][equals]=${encodeURIComponent(title)}&depth=0`);
    const threadId = found.docs[0]!.id;
    const answer = `Без комиссии можно оплатить в офисах и через приложение банка-партнёра (${suffix}).`;
    const staff = await openAdmin(browser, handler);
    await staff.page.goto(`${CMS_URL}/admin/collections/forum-threads/${threadId}`);
    await staff.page.getByLabel(/^Текст ответа/).fill(answer);
    await staff.page.getByRole('button', { name: 'Опубликовать ответ' }).click();
    await expect.poll(async () => staff.page.getByRole('status').filter({ hasText: 'Ответ опубликован' }).count(), { timeout: 20_000 }).toBe(1);
    expect(staff.guard.blocked).toEqual([]);
    await staff.context.close();

    // The rebuilt thread page shows the answer highlighted; no e-mail on it.
    const threadUrl = `${SITE_URL}/forum/${section}/${threadId}/`;
    await expect
      .poll(async () => {
        const response = await fetch(threadUrl);
        return response.ok && (await response.text()).includes(answer);
      }, { timeout: 45_000, interval: 500 })
      .toBe(true);
    const desktop = await browser.newContext({ viewport: DESKTOP_VIEWPORT, locale: 'ru-RU' });
    const reader = await desktop.newPage();
    await reader.goto(threadUrl);
    const staffPost = reader.getByRole('article', { name: /^Ответ сотрудника/ });
    expect(await staffPost.innerText()).toContain(answer);
    expect(await staffPost.evaluate((element) => getComputedStyle(element).borderLeftWidth)).toBe('6px');
    expect(await reader.content()).not.toContain(email);
    await reader.screenshot({ path: path.join(SHOTS, 'forum-thread-1366.png'), fullPage: true });
    await page.goto(threadUrl);
    await page.screenshot({ path: path.join(SHOTS, 'forum-thread-390.png'), fullPage: true });
    // Nothing scrolls sideways on the phone, the staff answer's label and border included.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await desktop.close();
    await context.close();

    // The author is told, with the thread's address and the opt-out link.
    const notice = await waitForMailWithSubject(email, 'Ответ сотрудника в вашей теме');
    expect(notice.text).toContain(`/forum/${section}/${threadId}/`);
    expect(notice.text).toContain('/api/forum/notices?t=');
  }, 60_000);
});
