import crypto from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loginToCms } from '../scripts/lib/cms-client';
import { DESKTOP_VIEWPORT, launchBrowser, PHONE_VIEWPORT } from './support/browser';
import { openAdmin } from './support/cms-admin';
import { blockExternalRequests } from './support/network-guard';
import { ADMIN, CMS_URL, SITE_URL } from './support/env';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const poll = { timeout: 120_000, interval: 500 };
/** Screenshots for the reviewer (not compared): var/e2e-screenshots/questionnaire-*.png. */
const SHOTS = path.resolve(import.meta.dirname, '..', 'var', 'e2e-screenshots');

const QUESTIONS = [
  { text: 'Вы были в нашем офисе в этом квартале?', kind: 'single', required: true, options: [{ label: 'Да' }, { label: 'Нет' }] },
  { text: 'Что вы оформляли в офисе?', kind: 'multiple', required: true, options: [{ label: 'Оплата' }, { label: 'Договор' }], showIfQuestion: 1, showIfAnswer: 'Да' },
  { text: 'Насколько вероятно, что вы порекомендуете нас знакомым?', kind: 'nps', required: true },
  { text: 'Что нам улучшить?', kind: 'text' },
];

const question = (page: Page, number: number) => page.getByRole('group', { name: new RegExp(`^${number}\\. `) });

/**
 * Issue 22, questionnaires, through the shared stack: an editor builds one (through the REST API, as the admin's
 * form saves it: driving the admin's nested arrays row by row would take most of the minute), publishes it, the site
 * is rebuilt with its page and the home banner; three visitors answer — two with JavaScript (the follow-up question
 * appears only after «Да»), one without; a second answer from the same browser is refused; the manager's results show
 * the hand-computed counts and NPS.
 */
describe('questionnaire journey', () => {
  it('built, published, answered three times, and its results', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const admin = await loginToCms(CMS_URL, ADMIN.email, ADMIN.password);
    const suffix = Date.now().toString(36);
    const editor = { email: `editor.${suffix}@example-energo.ru`, password: crypto.randomBytes(18).toString('base64url') };
    const manager = { email: `manager.${suffix}@example-energo.ru`, password: crypto.randomBytes(18).toString('base64url') };
    await admin.request('POST', '/api/users', { ...editor, name: 'Анна Редактор', roles: ['editor'] });
    await admin.request('POST', '/api/users', { ...manager, name: 'Ольга Руководитель', roles: ['manager'] });

    const slug = `kachestvo-${suffix}`;
    const cms = await loginToCms(CMS_URL, editor.email, editor.password);
    const created = await cms.request<{ doc: { id: number } }>('POST', '/api/questionnaires', {
      title: 'Как мы вас обслуживаем',
      slug,
      intro: 'Пять вопросов, две минуты.',
      // The stack's site build is pinned to 2026-11-27 (SITE_TODAY); the CMS takes answers by its own clock. It ends a
      // week from now: the home banner shows the running questionnaire that ends first, and the demo «Анкета клиента»
      // runs to the end of the next quarter (content/data/questionnaires.yaml).
      from: '2026-11-01',
      to: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
      homeBanner: true,
      questions: QUESTIONS,
      _status: 'published',
    });
    const pageUrl = `${SITE_URL}/obratnaya-svyaz/anketa/${slug}/`;
    await expect.poll(async () => (await fetch(pageUrl)).status, poll).toBe(200);
    const home = await (await fetch(`${SITE_URL}/`)).text();
    expect(home).toContain(`href="/obratnaya-svyaz/anketa/${slug}/"`);
    expect(home).toContain('Анкета клиента');

    // 1: a phone with JavaScript. The follow-up appears after «Да»; a reload then says it is answered.
    const phone = await browser.newContext({ locale: 'ru-RU', viewport: PHONE_VIEWPORT });
    const phoneGuard = await blockExternalRequests(phone);
    const first = await phone.newPage();
    await first.goto(pageUrl);
    await question(first, 1).waitFor();
    await expect.poll(() => question(first, 2).count()).toBe(0);
    await question(first, 1).getByLabel('Да').check();
    await question(first, 2).getByLabel('Оплата').check();
    await first.screenshot({ path: path.join(SHOTS, 'questionnaire-phone.png'), fullPage: true });
    await question(first, 3).getByLabel('10', { exact: true }).check();
    await first.getByRole('button', { name: 'Отправить ответы' }).click();
    await first.getByText('Спасибо! Ваши ответы получены.').waitFor({ timeout: 60_000 });
    await first.reload();
    await first.getByText('Вы уже заполнили эту анкету').waitFor();
    // Away to the home page (its banner) and Back: still answered.
    await first.goto(`${SITE_URL}/`);
    await first.getByRole('link', { name: 'Анкета клиента' }).waitFor();
    await first.goBack();
    await first.getByText('Вы уже заполнили эту анкету').waitFor();
    expect(phoneGuard.blocked).toEqual([]);
    await phone.close();

    // 2: a desktop with JavaScript: a required answer missing first (the summary takes focus), then «Нет».
    const desktop = await browser.newContext({ locale: 'ru-RU', viewport: DESKTOP_VIEWPORT });
    const second = await desktop.newPage();
    await second.goto(pageUrl);
    await question(second, 1).getByLabel('Нет').check();
    await second.screenshot({ path: path.join(SHOTS, 'questionnaire-1366.png'), fullPage: true });
    await second.getByRole('button', { name: 'Отправить ответы' }).click();
    await second.getByRole('link', { name: 'Выберите, пожалуйста, ответ.' }).waitFor();
    await question(second, 3).getByLabel('6', { exact: true }).check();
    await question(second, 4).getByRole('textbox').fill('Позвоните мне: +7 912 345-67-89');
    await second.getByRole('button', { name: 'Отправить ответы' }).click();
    await second.getByText('Спасибо! Ваши ответы получены.').waitFor({ timeout: 60_000 });
    await desktop.close();

    // 3: without JavaScript: every question is on the page; the server checks the branching and answers with the page.
    const plain = await browser.newContext({ locale: 'ru-RU', viewport: DESKTOP_VIEWPORT, javaScriptEnabled: false });
    const third = await plain.newPage();
    await third.goto(pageUrl);
    await question(third, 1).getByLabel('Да').check();
    await question(third, 3).getByLabel('9', { exact: true }).check();
    await third.getByRole('button', { name: 'Отправить ответы' }).click();
    await third.getByRole('link', { name: 'Вопрос 2: Отметьте, пожалуйста, хотя бы один вариант.' }).waitFor();
    expect(await question(third, 1).getByLabel('Да').isChecked()).toBe(true);
    await question(third, 2).getByLabel('Договор').check();
    await third.getByRole('button', { name: 'Отправить ответы' }).click();
    await third.getByText('Спасибо! Ваши ответы получены.').waitFor();
    // The same browser again (its cookie holds the token): refused politely.
    await third.goto(pageUrl);
    await question(third, 1).getByLabel('Нет').check();
    await question(third, 3).getByLabel('0', { exact: true }).check();
    await third.getByRole('button', { name: 'Отправить ответы' }).click();
    await third.getByText('Вы уже заполнили эту анкету — спасибо! Повторно ответить нельзя.').waitFor();
    await plain.close();

    // Results, by hand: Q1 Да 2 (phone, no-script), Нет 1; Q2 Оплата 1, Договор 1; NPS 10, 6, 9 → promoters 2,
    // detractors 1 of 3 → (2 − 1) / 3 = 33 %; average 25 / 3 = 8.33; the phone number in the text is masked.
    const results = await (await loginToCms(CMS_URL, manager.email, manager.password)).request<{ responses: number; questions: Record<string, unknown>[] }>('GET', `/api/questionnaires/${created.doc.id}/results`);
    expect(results.responses).toBe(3);
    expect(results.questions[0]).toMatchObject({ options: [{ option: 'Да', count: 2 }, { option: 'Нет', count: 1 }] });
    expect(results.questions[1]).toMatchObject({ answered: 2, options: [{ option: 'Оплата', count: 1 }, { option: 'Договор', count: 1 }] });
    expect(results.questions[2]).toMatchObject({ answered: 3, average: 8.33, nps: { promoters: 2, passives: 0, detractors: 1, nps: 33 } });
    expect(results.questions[3]).toMatchObject({ texts: ['Позвоните мне: [скрыто]'] });

    // The manager's view in the admin: the same figures under the questions.
    const { page, guard, context } = await openAdmin(browser, manager);
    try {
      await page.goto(`${CMS_URL}/admin/collections/questionnaires/${created.doc.id}`);
      await page.getByTestId('questionnaire-responses').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('questionnaire-responses').textContent()).toBe('3');
      expect(await page.getByTestId('nps-3').textContent()).toBe('33');
      await page.getByText('Позвоните мне: [скрыто]').waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'questionnaire-results-1366.png'), fullPage: true });
      // On a phone, after a reload: the same figures.
      await page.setViewportSize(PHONE_VIEWPORT);
      await page.reload();
      await page.getByTestId('nps-3').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('nps-3').textContent()).toBe('33');
      await page.screenshot({ path: path.join(SHOTS, 'questionnaire-results-390.png'), fullPage: true });
      // The results fit the phone: nothing in them is wider than the window.
      const widest = await page.locator('#questionnaire-results-title').locator('xpath=..').evaluate((section) => Math.max(...[...section.querySelectorAll('*')].map((element) => element.getBoundingClientRect().right)));
      expect(widest).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
      expect(guard.blocked).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
