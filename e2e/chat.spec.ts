import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loginToCms } from '../scripts/lib/cms-client';
import { launchBrowser } from './support/browser';
import { chatOperator, chatServerReady } from './support/chat-operator';
import { ADMIN, CMS_URL, SITE_URL } from './support/env';

/**
 * «Онлайн-консультант» (issue 19): the button on every page, its dialog, and the conversation between a client's
 * browser and an operator, through the public server of the shared e2e stack.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const CSP_RECORDER = `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(event.violatedDirective + ' ' + (event.blockedURI || '') + ' at ' + (event.sourceFile || '') + ':' + event.lineNumber);
});`;
const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);

async function clientContext(options: { viewport?: { width: number; height: number }; lowVision?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Moscow', viewport: options.viewport ?? { width: 1366, height: 900 } });
  if (options.lowVision) await context.addCookies([{ name: 'display-mode', value: 'low-vision', url: SITE_URL }]);
  await context.addInitScript(CSP_RECORDER);
  return context;
}

const launcher = (page: Page) => page.getByRole('button', { name: 'Онлайн-консультант' });
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Онлайн-консультант' });
const focusedInDialog = (page: Page) => page.evaluate(() => document.activeElement?.closest('dialog.chat-dialog') !== null);

describe('the «Онлайн-консультант» button on every page', () => {
  it('without JavaScript it is a link to the question form', async () => {
    const context = await browser.newContext({ locale: 'ru-RU', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${SITE_URL}/spravka/ofisy/`);
    const link = page.getByRole('link', { name: 'Онлайн-консультант' });
    expect(await link.getAttribute('href')).toBe('/vopros/');
    await link.click();
    await page.waitForURL(/\/vopros\/$/);
    await context.close();
  });

  it('loads the chat only when pressed; the dialog is labelled, takes and keeps the focus, closes on Escape back to the button, and has no axe or CSP violations, also after a reload', async () => {
    const context = await clientContext();
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${SITE_URL}/`);
    await page.waitForLoadState('networkidle');
    // The home page ships only the small launcher: neither the dialog's code nor React until the press.
    expect(scripts.filter((path) => /ChatIsland|client\./.test(path))).toEqual([]);

    for (const visit of ['first visit', 'after a reload']) {
      await launcher(page).click();
      await dialog(page).waitFor();
      expect(scripts.some((path) => path.includes('ChatIsland')), visit).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.id), visit).toBe('chat-first-message');
      for (let step = 0; step < 12; step++) {
        await page.keyboard.press(step % 3 === 2 ? 'Shift+Tab' : 'Tab');
        expect(await focusedInDialog(page), `${visit}: Tab #${step + 1} left the dialog`).toBe(true);
      }
      const axe = await new AxeBuilder({ page: page as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).include('.chat-dialog').analyze();
      expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`), visit).toEqual([]);
      await page.keyboard.press('Escape');
      await dialog(page).waitFor({ state: 'hidden' });
      expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-chat-launcher')), visit).toBe(true);
      expect(await cspViolations(page), visit).toEqual([]);
      const reload = await page.reload();
      expect([200, 304]).toContain(reload?.status());
    }
    await context.close();
  });

  it('at the page end the button covers no line of the footer, on a 390×844 phone (also low-vision) and at 1366×900', async () => {
    for (const { viewport, lowVision } of [
      { viewport: { width: 390, height: 844 }, lowVision: false },
      { viewport: { width: 390, height: 844 }, lowVision: true },
      { viewport: { width: 1366, height: 900 }, lowVision: false },
    ]) {
      const context = await clientContext({ viewport, lowVision });
      const page = await context.newPage();
      await page.goto(`${SITE_URL}/spravka/ofisy/`);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const covered = await page.evaluate(() => {
        const button = document.querySelector('.chat-launcher')!.getBoundingClientRect();
        // Every line of text in the footer that the button's box overlaps.
        return [...document.querySelectorAll('.site-footer *')]
          .filter((element) => element.children.length === 0 && element.textContent!.trim() !== '')
          .filter((element) => [...element.getClientRects()].some((line) => line.bottom > button.top && line.top < button.bottom && line.right > button.left && line.left < button.right))
          .map((element) => element.textContent!.trim());
      });
      expect(covered, `${viewport.width}×${viewport.height}${lowVision ? ' low-vision' : ''}`).toEqual([]);
      await context.close();
    }
  });

  // 640 CSS pixels = a 1280-pixel window at 200% zoom; 390×844 a phone, also in the low-vision version.
  for (const { name, viewport, lowVision } of [
    { name: 'at 200% zoom', viewport: { width: 640, height: 800 }, lowVision: false },
    { name: 'on a 390×844 phone', viewport: { width: 390, height: 844 }, lowVision: false },
    { name: 'on a 390×844 phone in the low-vision version', viewport: { width: 390, height: 844 }, lowVision: true },
  ]) {
    it(`${name} the open dialog fits the window and its send button is reachable`, async () => {
      const context = await clientContext({ viewport, lowVision });
      const page = await context.newPage();
      await page.goto(`${SITE_URL}/fizlicam/`);
      await launcher(page).click();
      await dialog(page).waitFor();
      const box = await dialog(page).boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
      expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      const send = dialog(page).getByRole('button', { name: 'Отправить' });
      await send.scrollIntoViewIfNeeded();
      expect(await send.isVisible()).toBe(true);
      if (lowVision) {
        const axe = await new AxeBuilder({ page: page as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).include('.chat-dialog').analyze();
        expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
      }
      await context.close();
    });
  }
});

/** The log's messages as the client sees them, in order. */
const logTexts = (page: Page) => page.getByRole('log').locator('.chat-log__text').allInnerTexts();

/** The conversation id the client's browser keeps (localStorage holds only id, token and unsent messages). */
const storedConversation = (page: Page) =>
  page.evaluate(() => JSON.parse(window.localStorage.getItem('portal-chat') ?? 'null') as { id: string; token: string } | null);

/** Opens the chat on a page and sends the first message; answers «Нет, позвать оператора» if FAQ answers come. */
async function askOperator(page: Page, path: string, text: string): Promise<{ id: string; token: string }> {
  await page.goto(`${SITE_URL}${path}`);
  await launcher(page).click();
  await page.getByLabel('Ваш вопрос').fill(text);
  await dialog(page).getByRole('button', { name: 'Отправить' }).click();
  const operatorButton = page.getByRole('button', { name: 'Нет, позвать оператора' });
  const logged = page.getByRole('log').getByText(text);
  await operatorButton.or(logged).first().waitFor({ timeout: 30_000 });
  if (await operatorButton.isVisible()) await operatorButton.click();
  await logged.waitFor({ timeout: 30_000 });
  const stored = await storedConversation(page);
  if (!stored) throw new Error('the browser kept no conversation');
  return stored;
}

describe('a conversation with the online consultant (client and operator browsers)', async () => {
  const server = await chatServerReady(SITE_URL);

  it.skipIf(!server.client)('the client gets FAQ answers first, then asks for an operator and is queued; a reload shows the conversation again, each message once', async () => {
    const context = await clientContext();
    const page = await context.newPage();
    await page.goto(`${SITE_URL}/`);
    await launcher(page).click();
    await page.getByLabel('Ваш вопрос').fill('Как передать показания счётчика?');
    await dialog(page).getByRole('button', { name: 'Отправить' }).click();
    // The demo FAQ answers questions on meter readings: up to three answers, each a link, and «Это помогло?».
    await page.getByRole('heading', { name: 'Возможно, ответ уже есть' }).waitFor({ timeout: 15_000 });
    const answers = await dialog(page).locator('.chat-dialog__faq li a').count();
    expect(answers).toBeGreaterThan(0);
    expect(answers).toBeLessThanOrEqual(3);
    await page.getByRole('group', { name: 'Это помогло?' }).getByRole('button', { name: 'Нет, позвать оператора' }).click();
    await page.getByRole('log').getByText('Как передать показания счётчика?').waitFor({ timeout: 30_000 });
    // In hours the queue position; out of hours the automatic reply and a request for a contact.
    await expect.poll(() => page.locator('.chat-dialog__state').innerText(), { timeout: 10_000 }).toMatch(/очереди|вернётся|на связи/);
    await page.getByLabel('Сообщение').fill('Лицевой счёт 1234567');
    await page.keyboard.press('Enter');
    await page.getByRole('log').locator('.chat-log__item:not(.chat-log__item--pending)').getByText('Лицевой счёт 1234567').waitFor({ timeout: 15_000 });
    const before = await logTexts(page);

    await page.reload();
    await launcher(page).click();
    await page.getByRole('log').getByText('Лицевой счёт 1234567').waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500);
    expect(await logTexts(page)).toEqual(before);
    expect(await cspViolations(page)).toEqual([]);
    await context.close();
  }, 60_000);

  it.skipIf(!server.client || !server.operator)('the operator accepts and replies in the console and the client sees it live both ways; a reply sent while the connection is cut arrives once; a deferral shows the promised time', async () => {
    const operator = await chatOperator(browser);
    const context = await clientContext();
    const page = await context.newPage();
    const conversation = await askOperator(page, '/spravka/ofisy/', 'Добрый день, нужен перерасчёт');

    await operator.accept(conversation.id);
    // The accepted conversation's history reaches the console.
    await operator.log().getByText('Добрый день, нужен перерасчёт').waitFor({ timeout: 10_000 });
    await operator.reply(conversation.id, 'Здравствуйте! Пришлите, пожалуйста, номер лицевого счёта.');
    await page.getByRole('log').getByText('номер лицевого счёта').waitFor({ timeout: 10_000 });
    await expect.poll(() => page.locator('.chat-dialog__state').innerText()).toMatch(/на связи/);
    // The client's answer appears in the console by its event stream, well before the 20 s fallback poll would bring it.
    await page.getByLabel('Сообщение').fill('Лицевой счёт 7700112233');
    await page.keyboard.press('Enter');
    await operator.log().getByText('Лицевой счёт 7700112233').waitFor({ timeout: 5_000 });
    expect(await operator.session.page.getByText('Нет постоянной связи с сервером').count()).toBe(0);

    // The connection drops; a reply sent meanwhile arrives once when it is back.
    await context.setOffline(true);
    await operator.reply(conversation.id, 'Перерасчёт делается в течение 10 рабочих дней.');
    await page.waitForTimeout(1500);
    await context.setOffline(false);
    await page.getByRole('log').getByText('в течение 10 рабочих дней').waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    const texts = await logTexts(page);
    expect(texts.filter((text) => text.includes('в течение 10 рабочих дней'))).toHaveLength(1);
    expect(new Set(texts).size).toBe(texts.length);

    // «Отложить до …» 10:00 company (Moscow) time tomorrow: the client reads the day and the time written out.
    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    const day = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', day: 'numeric', month: 'long' }).format(tomorrow);
    const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(tomorrow);
    await operator.defer(conversation.id, `${isoDay}T10:00`);
    await expect.poll(() => page.locator('.chat-dialog__state').innerText(), { timeout: 10_000 }).toContain(`${day} в 10:00`);
    await page.getByRole('heading', { name: 'Как с вами связаться' }).waitFor();
    expect(await cspViolations(page)).toEqual([]);
    expect(operator.session.guard.blocked).toEqual([]);
    await context.close();
    await operator.close();
  }, 120_000);

  it.skipIf(!server.client)('out of hours (today made a day off in the production calendar) the client gets the automatic reply with the day and time work starts and is asked for a contact', async () => {
    const admin = await loginToCms(CMS_URL, ADMIN.email, ADMIN.password);
    type Calendar = { years?: { year: number; regionalHolidays?: { date: string }[] }[] };
    const calendar = await admin.request<Calendar>('GET', '/api/globals/production-calendar?depth=0');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date());
    const year = Number(today.slice(0, 4));
    const years = (calendar.years ?? []).map((entry) => (entry.year === year ? { ...entry, regionalHolidays: [...(entry.regionalHolidays ?? []), { date: today }] } : entry));
    if (!years.some((entry) => entry.year === year)) years.push({ year, regionalHolidays: [{ date: today }] });
    await admin.request('POST', '/api/globals/production-calendar', { years });
    try {
      const context = await clientContext();
      const page = await context.newPage();
      await askOperator(page, '/spravka/novosti/', 'Проверка связи: ждём оператора');
      const reply = page.getByRole('log').locator('.chat-log__item--system');
      await reply.first().waitFor({ timeout: 15_000 });
      // «… ответим в понедельник, 14 декабря, с 08:00 …»: a day of a month and a time.
      expect(await reply.first().innerText()).toMatch(/\d{1,2} (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)[^]*\d{1,2}:\d{2}/);
      await page.getByRole('heading', { name: 'Как с вами связаться' }).waitFor();
      await page.getByLabel('Имя').fill('Ольга');
      await page.getByLabel('E-mail или телефон').fill(`olga.${Date.now()}@example.ru`);
      await page.getByLabel(/Я даю согласие/).check();
      await page.getByRole('button', { name: 'Сохранить контакты' }).click();
      await page.getByRole('heading', { name: 'Как с вами связаться' }).waitFor({ state: 'hidden', timeout: 10_000 });
      await context.close();
    } finally {
      await admin.request('POST', '/api/globals/production-calendar', { years: calendar.years ?? [] });
    }
  }, 60_000);
});
