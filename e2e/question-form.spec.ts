import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { computeDeadline, DEFAULT_DEADLINES } from '@portal/core/deadlines';
import { CALENDAR_2026, ProductionCalendar, statutoryCalendarYear } from '@portal/core/production-calendar';
import { QUESTION_FORM_FIELD_LABELS as L, QUESTION_FORM_MESSAGES as M } from '@portal/core/question-form';
import { formatRussianDate } from '@portal/core/time-zone';
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

/** The deadline the demo calendar (2026 decree + statutory 2027) gives a question received now. */
function expectedDeadlineText(receivedAt: Date): string {
  const rule = DEFAULT_DEADLINES.find((candidate) => candidate.appealType === 'question');
  if (!rule) throw new Error('no question rule');
  const calendar = new ProductionCalendar([CALENDAR_2026, statutoryCalendarYear(2027)]);
  return formatRussianDate(computeDeadline({ receivedAt, rule, calendar, timeZone: 'Europe/Moscow' }).deadlineDate);
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
    const deadlineText = expectedDeadlineText(submittedAt);
    expect(await success.innerText()).toContain(deadlineText);

    // 4. The robot's confirmation arrives with the same number and deadline.
    const mail = await waitForMail(address);
    expect(mail.subject).toContain(number as string);
    expect(mail.text).toContain(number as string);
    expect(mail.text).toContain(deadlineText);
    expect(mail.text).toContain('Анна Петровна');
  });
});
