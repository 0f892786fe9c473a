import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { STATUS_LOOKUP_FIELD_LABELS } from '@portal/core/appeal-status-lookup';
import { QUESTION_FORM_FIELD_LABELS as L, QUESTION_FORM_MESSAGES as M } from '@portal/core/question-form';
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

/**
 * Weekdays off of the demo calendar from December 2026 to the end of 2027, typed from the sources, not from the code:
 * the Government decree for 2026 (31 December moved from Sunday 4 January) and the Labour Code (art. 112) for 2027 —
 * 1 and 4–8 January; 23 February; 8 March; 1 May (a Saturday) moved to Monday 3 May, 9 May (a Sunday) to Monday
 * 10 May, 12 June (a Saturday) to Monday 14 June; 4 November.
 */
const WEEKDAYS_OFF = new Set([
  '2026-12-31',
  '2027-01-01', '2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08',
  '2027-02-23', '2027-03-08', '2027-05-03', '2027-05-10', '2027-06-14', '2027-11-04',
]);
const COVERED = { from: '2026-12-01', to: '2027-12-28' };
const MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

/** The Moscow calendar date of an instant (UTC+3 all year). */
const moscowDate = (instant: Date) => new Date(instant.getTime() + 3 * 3_600_000).toISOString().slice(0, 10);

/**
 * A question's deadline (2 working days counted from the day after receipt, Internet reception standard, п. 6) for
 * a receipt on `receivedDate`, counted day by day over the list above and written as the site writes dates.
 * Undefined outside the listed period.
 */
function handCountedDeadlineText(receivedDate: string): string | undefined {
  if (receivedDate < COVERED.from || receivedDate > COVERED.to) return undefined;
  const day = new Date(`${receivedDate}T12:00:00Z`);
  let counted = 0;
  while (counted < 2) {
    day.setUTCDate(day.getUTCDate() + 1);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !WEEKDAYS_OFF.has(day.toISOString().slice(0, 10))) counted++;
  }
  return `${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()} г.`;
}

describe('«Задать вопрос» journey', () => {
  it('announces errors in a focused summary linked to the fields, then registers the question and e-mails the number and deadline', async () => {
    const page = await newPage(browser);
    await page.goto(`${SITE_URL}/vopros/`);

    // 1. Submitting an empty form: the error summary takes focus and names the problems.
    await page.getByRole('button', { name: /отправить/i }).click();
    const summary = page.getByRole('alert').first();
    await summary.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role') ?? document.activeElement?.closest('[role="alert"]')?.getAttribute('role'))).toBe('alert');
    const summaryText = await summary.innerText();
    expect(summaryText).toContain(M.nameRequired);
    expect(summaryText).toContain(M.consent);
    const nameField = page.getByLabel(L.name);
    expect(await nameField.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await nameField.getAttribute('aria-describedby')) ?? '';
    const descriptions = await Promise.all(describedBy.split(/\s+/).filter(Boolean).map((id) => page.locator(`[id="${id}"]`).innerText()));
    expect(descriptions.join(' ')).toContain(M.nameRequired);

    // 2. A wrong e-mail is explained in Russian.
    await nameField.fill('Анна Петровна');
    await page.getByLabel(L.email).fill('anna@');
    await page.getByRole('button', { name: /отправить/i }).click();
    await expect.poll(() => page.getByRole('alert').first().innerText()).toContain(M.email);

    // 3. Correct input: registered, number and deadline shown.
    const address = `anna.${Date.now()}@example.ru`;
    await page.getByLabel(L.email).fill(address);
    await page.getByRole('radio', { name: 'Физическое лицо' }).check();
    await page.getByRole('radio', { name: /электронной почте/i }).check();
    await page.getByLabel(L.text).fill('Подскажите, пожалуйста, до какого числа нужно передать показания счётчика?');
    await page.getByLabel(L.topic).selectOption('pokazaniya');
    await page.getByLabel(/согласи/i).check();
    const submittedAt = new Date();
    await page.getByRole('button', { name: /отправить/i }).click();
    // A banner instead of the success panel would explain a failure: show it in the test output.
    const banner = page.getByRole('alert');
    const success = page.getByRole('status').filter({ hasText: /В-\d{4}-\d{6}/ }).first();
    await success.waitFor({ timeout: 20_000 }).catch(async (error: unknown) => {
      throw new Error(`No success panel. Alerts on the page: ${(await banner.allInnerTexts()).join(' | ')}`, { cause: error });
    });
    const number = (await success.innerText()).match(/В-\d{4}-\d{6,}/)?.[0];
    expect(number).toBeTruthy();
    // Both ends of the submission, in case it straddled midnight in Moscow.
    const expectedTexts = [...new Set([moscowDate(submittedAt), moscowDate(new Date())].map(handCountedDeadlineText))];
    const successText = await success.innerText();
    const deadlineText = expectedTexts.find((text) => text !== undefined && successText.includes(text));
    if (expectedTexts.includes(undefined)) {
      // Past the listed days off: extend WEEKDAYS_OFF with the next year's decree to check the date again.
      console.warn(`question-form: ${moscowDate(submittedAt)} is outside ${COVERED.from}…${COVERED.to}; the deadline date is not checked by hand`);
    } else {
      expect(deadlineText, `the success panel «${successText}» shows none of ${expectedTexts.join(', ')}`).toBeDefined();
    }
    const shownDeadline = deadlineText ?? successText.match(/\d{1,2} [а-я]+ \d{4} г\./)?.[0] ?? '';
    expect(shownDeadline).not.toBe('');

    // 4. The robot's confirmation arrives with the same number and deadline.
    const mail = await waitForMail(address);
    expect(mail.subject).toContain(number as string);
    expect(mail.text).toContain(number as string);
    expect(mail.text).toContain(shownDeadline);
    expect(mail.text).toContain('Анна Петровна');
  });
});

describe('a form whose script has not started', () => {
  /** The notice the island's HTML carries until it runs. */
  const scriptNotice = (page: Page) => page.locator('.script-notice');

  it.each([
    ['/vopros/', 'Вопрос с сайта', L.name],
    ['/obrashchenie/', 'Обращение с сайта', L.name],
  ])('%s without JavaScript says the form needs it and offers the hotline and a letter to the appeals address', async (path, subject, firstLabel) => {
    const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Moscow', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${SITE_URL}${path}`);
    const notice = scriptNotice(page);
    await notice.waitFor({ state: 'visible' });
    expect(await notice.innerText()).toContain('Форма работает только с JavaScript');
    const phone = notice.getByRole('link', { name: /^8-800/ });
    expect(await phone.getAttribute('href')).toMatch(/^tel:\d{11}$/);
    const mail = notice.getByRole('link', { name: /@/ });
    const href = (await mail.getAttribute('href')) ?? '';
    expect(href).toMatch(/^mailto:[^?]+@[^?]+\?subject=/);
    expect(decodeURIComponent(new URL(href).searchParams.get('subject') ?? '')).toBe(subject);
    // The form is there but cannot be sent, so nothing typed can leak into an address.
    expect(await page.getByLabel(firstLabel).first().isDisabled()).toBe(true);
    await context.close();
  });

  it('the status page without JavaScript offers the hotline and keeps its lookup closed', async () => {
    const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Moscow', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${SITE_URL}/status/`);
    await scriptNotice(page).waitFor({ state: 'visible' });
    expect(await scriptNotice(page).getByRole('link', { name: /^8-800/ }).getAttribute('href')).toMatch(/^tel:/);
    expect(await page.getByLabel(STATUS_LOOKUP_FIELD_LABELS.contact).isDisabled()).toBe(true);
    await context.close();
  });

  it.each(['/vopros/', '/obrashchenie/', '/status/'])('%s with JavaScript drops the notice and enables the form, after a reload too', async (path) => {
    const page = await newPage(browser);
    await page.goto(`${SITE_URL}${path}`);
    for (const visit of ['first visit', 'reload']) {
      if (visit === 'reload') await page.reload();
      await page.locator('[data-ready="true"]').first().waitFor();
      expect(await scriptNotice(page).count(), visit).toBe(0);
      expect(await page.locator('fieldset[disabled]').count(), visit).toBe(0);
    }
  });
});
