import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { QUESTION_FORM_FIELD_LABELS as L } from '@portal/core/question-form';
import { loginToCms } from '../scripts/lib/cms-client';
import { launchBrowser, newPage } from './support/browser';
import { ADMIN, CMS_URL, SITE_URL } from './support/env';
import { waitForMailWithSubject } from './support/mail';

interface Report {
  satisfaction: { count: number; distribution: Record<'1' | '2' | '3' | '4' | '5', number> };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Chooses the next state in the appeal's workflow form, fills what it needs and waits for the reloaded page. */
async function moveAppeal(page: Page, target: string, fill: (form: ReturnType<Page['getByRole']>) => Promise<void> = async () => undefined) {
  const form = page.getByRole('form', { name: 'Перевод обращения в другое состояние' });
  await form.getByLabel('Следующее состояние').selectOption({ label: target });
  await fill(form);
  await form.getByRole('button', { name: 'Выполнить переход' }).click();
  await page
    .getByRole('heading', { name: `Рассмотрение: ${target}` })
    .waitFor({ timeout: 30_000 })
    .catch(async (error: unknown) => {
      // The form's own message explains a refused step: show it in the test output.
      throw new Error(`Not moved to «${target}». Messages on the page: ${(await page.getByRole('alert').allInnerTexts()).join(' | ')}`, { cause: error });
    });
}

/**
 * The back-office journey of issue 6 through the real stack: a client asks a question on the site; a handler logs
 * in to the admin, routes and takes the appeal, answers it with a template; the client gets the answer e-mail; the
 * handler closes the appeal; the survey e-mail arrives; the client rates the answer 4 with a comment; the report
 * shows the rating.
 */
describe('handler → client → survey journey', () => {
  it('a question is answered from the admin, rated by the client, and the rating reaches the report', async () => {
    // The handler and the letter template are set up as an administrator would: a fresh account with a password
    // made for this run only.
    const admin = await loginToCms(CMS_URL, ADMIN.email, ADMIN.password);
    const handler = { email: `handler.${Date.now().toString(36)}@example-energo.ru`, password: crypto.randomBytes(18).toString('base64url') };
    await admin.request('POST', '/api/users', { ...handler, name: 'Мария Иванова', position: 'ведущий специалист по работе с обращениями', roles: ['handler'] });
    const templateTitle = `Ответ на вопрос ${Date.now().toString(36)}`;
    await admin.request('POST', '/api/answer-templates', {
      title: templateTitle,
      appealType: 'question',
      body: 'Здравствуйте, {{name}}!\n\nНа ваше обращение № {{number}} от {{date}} сообщаем.\n\n{{answer}}\n\nС уважением,\n{{handler}}, {{position}}',
    });
    const handlerApi = await loginToCms(CMS_URL, handler.email, handler.password);
    const reportBefore = await handlerApi.request<Report>('GET', '/api/appeals-report');

    // 1. The client asks a question on the site, naming the town.
    const client = await newPage(browser);
    await client.goto(`${SITE_URL}/vopros/`);
    await client.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
    const address = `client.${Date.now().toString(36)}@example.ru`;
    await client.getByRole('radio', { name: 'Физическое лицо' }).check();
    await client.getByLabel(L.name).fill('Анна Петровна');
    await client.getByLabel(L.email).fill(address);
    await client.getByRole('radio', { name: /электронной почте/i }).check();
    await client.getByLabel(L.territory).selectOption({ label: 'г. Ясноборск' });
    await client.getByLabel(L.topic).selectOption('pokazaniya');
    await client.getByLabel(L.text).fill('Подскажите, пожалуйста, до какого числа нужно передать показания счётчика?');
    await client.getByLabel(/согласи/i).check();
    await client.getByRole('button', { name: /отправить/i }).click();
    const success = client.getByRole('status').filter({ hasText: /В-\d{4}-\d{6}/ }).first();
    await success.waitFor({ timeout: 20_000 });
    const number = (await success.innerText()).match(/В-\d{4}-\d{6,}/)?.[0] as string;
    expect(number).toBeTruthy();
    const found = await handlerApi.request<{ docs: { id: number; territory: string | null }[] }>('GET', `/api/appeals?where[registrationNumber][equals]=${encodeURIComponent(number)}&depth=0`);
    const appeal = found.docs[0]!;
    expect(appeal.territory).toBe('yasnoborsk');

    // 2. The handler logs in to the admin and opens the appeal.
    const staff = await newPage(browser);
    await staff.goto(`${CMS_URL}/admin/login`);
    await staff.locator('input[name="email"]').fill(handler.email);
    await staff.locator('input[name="password"]').fill(handler.password);
    await staff.locator('form button[type="submit"]').click();
    await staff.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 30_000 });
    await staff.goto(`${CMS_URL}/admin/collections/appeals/${appeal.id}`);
    await staff.getByRole('heading', { name: 'Рассмотрение: Зарегистрировано' }).waitFor({ timeout: 30_000 });
    await staff.getByText('Населённый пункт / район: г. Ясноборск').waitFor();

    // 3. Routes it to the readings group, takes it, answers with the template.
    await moveAppeal(staff, 'Передано исполнителю', (form) => form.getByLabel('Группа исполнителей').fill('Группа по показаниям'));
    await moveAppeal(staff, 'В работе');
    const answer = 'Показания принимаются с 15 по 25 число каждого месяца на сайте, по телефону и в офисах обслуживания.';
    await moveAppeal(staff, 'Дан ответ', async (form) => {
      await form.getByLabel('Шаблон письма').selectOption({ label: templateTitle });
      await form.getByLabel('Текст ответа заявителю').fill(answer);
    });

    // 4. The client receives the answer letter, framed by the template.
    const letter = await waitForMailWithSubject(address, `Ответ на обращение № ${number}`);
    expect(letter.text).toContain('Здравствуйте, Анна Петровна!');
    expect(letter.text).toContain(answer);
    expect(letter.text).toContain('ведущий специалист по работе с обращениями');

    // 5. The handler closes the appeal; the survey e-mail follows.
    await moveAppeal(staff, 'Закрыто');
    const survey = await waitForMailWithSubject(address, `Оцените, пожалуйста, ответ на обращение № ${number}`);
    const link = survey.text.match(/https?:\/\/\S+\/otsenka\/#t=[A-Za-z0-9_-]+/)?.[0];
    expect(link).toBeTruthy();

    // 6. The client rates the answer 4 with a comment.
    await client.goto(link as string);
    await client.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
    await client.getByLabel('4 — хорошо').check();
    await client.getByLabel('Комментарий (по желанию)').fill('Ответили понятно, спасибо.');
    await client.getByRole('button', { name: 'Отправить оценку' }).click();
    await client.locator('.panel[role="status"]').waitFor({ timeout: 20_000 });

    // 7. The report shows the rating.
    const reportAfter = await handlerApi.request<Report>('GET', '/api/appeals-report');
    expect(reportAfter.satisfaction.distribution['4']).toBe(reportBefore.satisfaction.distribution['4'] + 1);
    expect(reportAfter.satisfaction.count).toBe(reportBefore.satisfaction.count + 1);
    const rated = await handlerApi.request<{ survey: { rating: number; comment: string } }>('GET', `/api/appeals/${appeal.id}?depth=0`);
    expect(rated.survey).toMatchObject({ rating: 4, comment: 'Ответили понятно, спасибо.' });
  });
});
