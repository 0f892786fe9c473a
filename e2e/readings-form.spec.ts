import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
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

const HOUSEHOLD_PATH = '/pokazaniya/naselenie/';
const todayIso = toLocalIsoDate(new Date(), 'Europe/Moscow');
const today = Number(todayIso.slice(8, 10));

/** A page whose clock (Date, timers) reads the given instant: the readings window is worked out in the browser. */
async function pageAt(isoInstant: string | null): Promise<Page> {
  const page = await newPage(browser);
  if (isoInstant) await page.clock.setFixedTime(new Date(isoInstant));
  return page;
}

async function openReadings(page: Page, path = HOUSEHOLD_PATH) {
  await page.goto(`${SITE_URL}${path}`);
  await page.locator('.appeal-form[data-ready="true"]').waitFor();
}

/** The notice before the form: whether readings are accepted today. */
const windowNotice = (page: Page) => page.locator('.readings-window');

/**
 * After a change of the days in the settings: waits until the rebuilt household readings page — the page the
 * journey then opens — states them (other pages are not looked at).
 */
async function waitForHouseholdPageDays(fromDay: number, toDay: number) {
  await expect
    .poll(async () => (await fetch(`${SITE_URL}${HOUSEHOLD_PATH}`)).text(), { timeout: 120_000, interval: 1_000 })
    .toContain(`Показания принимаются с ${fromDay} по ${toDay} число`);
}

const TYPED = { account: '1002 0030 0', serial: 'e2e-keep-1', day: '12345,6', night: '3400', name: 'Мария Николаевна', email: 'keep.values@example.ru' };

async function fillReadings(page: Page, typed: typeof TYPED) {
  await page.getByLabel(L.accountNumber).fill(typed.account);
  await page.getByLabel(L.meterSerial).fill(typed.serial);
  await page.getByRole('radio', { name: /Двухтарифный/ }).check();
  await page.getByLabel('День (Т1)').fill(typed.day);
  await page.getByLabel('Ночь (Т2)').fill(typed.night);
  await page.getByLabel('Как к вам обращаться').fill(typed.name);
  await page.getByLabel('Электронная почта').fill(typed.email);
  await page.getByLabel(/согласи/i).check();
}

async function send(page: Page) {
  await page.getByRole('button', { name: /передать показания/i }).click();
}

/** Everything typed is still in the form. */
async function expectTypedValues(page: Page, typed: typeof TYPED) {
  expect(await page.getByLabel(L.accountNumber).inputValue()).toBe(typed.account);
  expect(await page.getByLabel(L.meterSerial).inputValue()).toBe(typed.serial);
  expect(await page.getByRole('radio', { name: /Двухтарифный/ }).isChecked()).toBe(true);
  expect(await page.getByLabel('День (Т1)').inputValue()).toBe(typed.day);
  expect(await page.getByLabel('Ночь (Т2)').inputValue()).toBe(typed.night);
  expect(await page.getByLabel('Как к вам обращаться').inputValue()).toBe(typed.name);
  expect(await page.getByLabel('Электронная почта').inputValue()).toBe(typed.email);
  expect(await page.getByLabel(/согласи/i).isChecked()).toBe(true);
}

// These run first: they rely on the demo's days (15th–25th), which the journey below changes.
describe('the readings page says when readings are accepted, on the day it is viewed', () => {
  it('on a closed day says so before the form, names the nearest day and keeps the form closed; after a reload too', async () => {
    const page = await pageAt('2026-12-03T10:00:00+03:00');
    await openReadings(page);
    for (const visit of ['first visit', 'reload']) {
      if (visit === 'reload') {
        await page.reload();
        await page.locator('.appeal-form[data-ready="true"]').waitFor();
      }
      const notice = await windowNotice(page).innerText();
      expect(notice, visit).toContain('Сегодня показания не принимаются');
      expect(notice, visit).toContain('Приём показаний — с 15 по 25 число каждого месяца. Ближайший день приёма — 15 декабря.');
      // The notice comes before the form, and nothing can be typed in vain.
      expect(await page.locator('.readings-window + .appeal-form').count(), visit).toBe(1);
      expect(await page.getByLabel(L.accountNumber).isDisabled(), visit).toBe(true);
    }
  });

  it('says tomorrow on the eve of the first day, and opens the form on an accepted day with the last day named', async () => {
    const eve = await pageAt('2026-12-14T18:00:00+03:00');
    await openReadings(eve, '/pokazaniya/yuridicheskie-litsa/');
    expect(await windowNotice(eve).innerText()).toContain('Ближайший день приёма — завтра, 15 декабря.');

    const open = await pageAt('2026-12-20T10:00:00+03:00');
    await openReadings(open);
    expect(await windowNotice(open).innerText()).toContain('Сегодня показания принимаются — до 25 декабря включительно.');
    expect(await open.getByLabel(L.accountNumber).isEnabled()).toBe(true);
  });

  it('keeps everything typed whatever refuses the sending: closed day, field errors, too many, server busy, no connection', async () => {
    const page = await pageAt('2026-12-20T10:00:00+03:00');
    // The answers a real server gives in each case (api/src/appeal-form-endpoint.ts), one per send.
    const answers: ((route: Route) => Promise<void>)[] = [
      (route) => route.fulfill({ status: 422, json: { code: 'readings-closed', message: 'Сегодня показания не принимаются. Показания принимаются с 15 по 25 число каждого месяца.' } }),
      (route) => route.fulfill({ status: 400, json: { message: 'Проверьте, пожалуйста, поля формы', fieldErrors: { t1: 'Проверьте показание: только цифры и запятая' } } }),
      (route) => route.fulfill({ status: 429, headers: { 'Retry-After': '60' }, json: { message: 'Слишком много обращений с вашего адреса. Пожалуйста, попробуйте через минуту.' } }),
      (route) => route.fulfill({ status: 503, headers: { 'Retry-After': '5' }, json: { message: 'Сервис временно недоступен, попробуйте позже.' } }),
      (route) => route.abort('internetdisconnected'),
    ];
    const expectedAlerts = ['Сегодня показания не принимаются', 'Проверьте показание: только цифры и запятая', 'Слишком много обращений', 'Сервис временно недоступен', 'Нет связи с сервером'];
    let sent = 0;
    await page.route('**/api/forms/readings-household', (route) => answers[sent++]!(route));
    await openReadings(page);
    await fillReadings(page, TYPED);
    for (const [index, alert] of expectedAlerts.entries()) {
      await send(page);
      await expect.poll(async () => (await page.getByRole('alert').allInnerTexts()).join(' | '), { timeout: 30_000 }).toContain(alert);
      expect(sent).toBe(index + 1);
      await expectTypedValues(page, TYPED);
    }
  });
});

describe('household meter readings journey', () => {
  it('refuses on a day the server does not accept, keeping the values; inside the days registers the readings and questions a lower one', async () => {
    const address = `readings${Date.now()}@example.ru`;

    // 1. The server refuses (today is outside the days) while the page, its clock on an accepted day, let the
    //    client send: the explanation appears above the form and the values stay.
    const closed = today > 1 ? { readingsFromDay: 1, readingsToDay: today - 1 } : { readingsFromDay: 2, readingsToDay: 31 };
    await updateCompanySettings(closed);
    await waitForHouseholdPageDays(closed.readingsFromDay, closed.readingsToDay);
    // An accepted day in the past (the browser's clock must not run ahead of the proof-of-work challenge).
    const [year, month] = todayIso.split('-').map(Number) as [number, number];
    const previousMonth = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
    let page = await pageAt(`${previousMonth}-${String(closed.readingsFromDay).padStart(2, '0')}T12:00:00+03:00`);
    await openReadings(page);
    const typed = { ...TYPED, serial: `e2e-${address.split('@')[0]}`.slice(0, 30), email: address };
    await fillReadings(page, typed);
    await send(page);
    const refusal = page.getByRole('alert').filter({ hasText: /Показания принимаются с \d+ по \d+ число/ });
    await refusal.waitFor({ timeout: 30_000 });
    expect(await refusal.innerText()).toContain('Сегодня показания не принимаются');
    await expectTypedValues(page, typed);

    // 2. On an accepted day: registered with a readings number («П»), confirmed by e-mail, and the success panel
    //    leads to the status page with the number filled in.
    await updateCompanySettings({ readingsFromDay: today, readingsToDay: today });
    await waitForHouseholdPageDays(today, today);
    page = await pageAt(null);
    await openReadings(page);
    await fillReadings(page, typed);
    await send(page);
    const success = page.getByRole('status').filter({ hasText: /П-\d{4}-\d{6}/ }).first();
    await success.waitFor({ timeout: 30_000 });
    const number = (await success.innerText()).match(/П-\d{4}-\d{6,}/)?.[0] as string;
    expect((await waitForMail(address)).subject).toContain(number);
    await page.getByRole('link', { name: 'Узнать состояние обращения' }).click();
    await page.waitForURL(/\/status\/\?number=/);
    await page.locator('.appeal-status[data-ready="true"]').waitFor();
    expect(await page.getByLabel('Регистрационный номер').inputValue()).toBe(number);
    expect(page.url()).not.toContain('%40');

    // 3. A lower day reading for the same meter is questioned, then accepted once confirmed.
    page = await pageAt(null);
    await openReadings(page);
    await fillReadings(page, { ...typed, day: '12000' });
    await send(page);
    const summary = page.getByRole('alert').first();
    await expect.poll(() => summary.innerText()).toContain('12345,6');
    expect(await summary.innerText()).toContain(M.lowerThanBefore);
    const confirm = page.getByLabel(L.confirmLower);
    await confirm.check();
    await send(page);
    await page.getByRole('status').filter({ hasText: /П-\d{4}-\d{6}/ }).first().waitFor({ timeout: 30_000 });
  });
});
