import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { QUESTION_FORM_FIELD_LABELS as L } from '@portal/core/question-form';
import { loginToCms } from '../scripts/lib/cms-client';
import { launchBrowser, newPage } from './support/browser';
import { openAdmin } from './support/cms-admin';
import { ADMIN, CMS_URL, SITE_URL } from './support/env';
import { waitForMailWithSubject } from './support/mail';

interface Report {
  satisfaction: { count: number; distribution: Record<'1' | '2' | '3' | '4' | '5', number> };
}

/** A Russian surname no earlier run used (letters only, as the name field accepts). */
function surname(): string {
  const letters = 'абвгдежзиклмнопрстуфхцчшэюя';
  const tail = Array.from(crypto.randomBytes(6), (byte) => letters[byte % letters.length]).join('');
  return `Тест${tail}ова`;
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

/** «7 декабря 2026, 05:31 МСК»: the admin's one date format. */
const STAFF_DATE_TIME = /\d{1,2} (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря) \d{4}, \d{2}:\d{2} МСК/;

/**
 * The back-office journey of issues 6 and 13 through the real stack, on an office screen (1366×900): a client asks
 * a question on the site; a handler finds it in the queue by the client's name, reads it at the top of its screen,
 * routes it to a group chosen from the list (the routing rule's group is pre-filled; an empty group is named as the
 * error), sees that the confirmation went out, takes the appeal and answers it with a template; the client gets the
 * answer e-mail; the handler closes the appeal; the survey e-mail arrives; the client rates the answer 4 with a
 * comment; the report shows the rating. No request of the admin leaves the machine.
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

    // 1. The client asks a question on the site, naming the town. The surname is new for every run, so the search
    // below has one client to find.
    const clientName = `Анна Петровна ${surname()}`;
    const questionText = 'Подскажите, пожалуйста, до какого числа нужно передать показания счётчика?';
    const client = await newPage(browser);
    await client.goto(`${SITE_URL}/vopros/`);
    await client.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
    const address = `client.${Date.now().toString(36)}@example.ru`;
    await client.getByRole('radio', { name: 'Физическое лицо' }).check();
    await client.getByLabel(L.name).fill(clientName);
    await client.getByLabel(L.email).fill(address);
    await client.getByRole('radio', { name: /электронной почте/i }).check();
    await client.getByLabel(L.territory).selectOption({ label: 'г. Ясноборск' });
    await client.getByLabel(L.topic).selectOption('pokazaniya');
    await client.getByLabel(L.text).fill(questionText);
    await client.getByLabel(/согласи/i).check();
    await client.getByRole('button', { name: /отправить/i }).click();
    const success = client.getByRole('status').filter({ hasText: /В-\d{4}-\d{6}/ }).first();
    await success.waitFor({ timeout: 20_000 });
    const number = (await success.innerText()).match(/В-\d{4}-\d{6,}/)?.[0] as string;
    expect(number).toBeTruthy();
    const found = await handlerApi.request<{ docs: { id: number; territory: string | null; receivedAt: string }[] }>('GET', `/api/appeals?where[registrationNumber][equals]=${encodeURIComponent(number)}&depth=0`);
    const appeal = found.docs[0]!;
    expect(appeal.territory).toBe('yasnoborsk');

    // 2. The handler logs in to the admin and finds the appeal in the queue by the client's name.
    const { page: staff, guard } = await openAdmin(browser, handler);
    await staff.goto(`${CMS_URL}/admin/collections/appeals`);
    await staff.getByRole('group', { name: 'Отбор обращений' }).waitFor({ timeout: 30_000 });
    const search = staff.getByPlaceholder(/^Искать по: .*Заявитель/);
    await search.fill(clientName);
    // The list applies the search by replacing its address after a pause; wait for it, or a late
    // replace would undo the click on the appeal below.
    await staff.waitForURL(/[?&]search=/, { timeout: 30_000 });
    const row = staff.locator('tbody tr').filter({ hasText: number });
    await row.waitFor({ timeout: 30_000 });
    // The search found this client's appeals only, each with the beginning of its text under the name.
    await expect.poll(async () => [...new Set(await staff.locator('tbody td.cell-name .portal-queue__name').allInnerTexts())], { timeout: 30_000 }).toEqual([clientName]);
    await expect.poll(() => row.locator('.portal-queue__preview').innerText()).toContain('Подскажите, пожалуйста, до какого числа');
    expect(await row.locator('td.cell-assignee').innerText()).toBe('Не назначено');
    // The queue fits the screen: no sideways scrolling of the page or of the table.
    expect(await staff.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    expect(await staff.locator('.collection-list--appeals .table').evaluate((table) => table.scrollWidth - table.clientWidth)).toBeLessThanOrEqual(1);
    // 2a. A colleague whose browser is in Vladivostok (UTC+10) sees the receipt time in Moscow time (UTC+3 all year
    // since 2014), labelled «МСК», and never the Vladivostok wall clock under that label.
    const moscowWall = new Date(Date.parse(appeal.receivedAt) + 3 * 3_600_000);
    const vladivostokWall = new Date(Date.parse(appeal.receivedAt) + 10 * 3_600_000);
    const months = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
    const wall = (at: Date) => `${at.getUTCDate()} ${months[at.getUTCMonth()]} ${at.getUTCFullYear()}, ${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')}`;
    const far = await openAdmin(browser, handler, { timezoneId: 'Asia/Vladivostok' });
    await far.page.goto(`${CMS_URL}/admin/collections/appeals?search=${encodeURIComponent(clientName)}`);
    const farRow = far.page.locator('tbody tr').filter({ hasText: number });
    await farRow.waitFor({ timeout: 30_000 });
    await expect.poll(() => farRow.locator('td.cell-receivedAt').innerText(), { timeout: 30_000 }).toBe(`${wall(moscowWall)} МСК`);
    expect(await far.page.locator('body').innerText()).not.toContain(`${wall(vladivostokWall)} МСК`);
    // The appeal's own page says the same; the header's «Последнее изменение», which Payload formats in the
    // browser's zone, names that zone's offset instead of «МСК».
    await far.page.goto(`${CMS_URL}/admin/collections/appeals/${appeal.id}`);
    await far.page.getByRole('region', { name: 'Обращение клиента' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => far.page.locator('body').innerText(), { timeout: 30_000 }).toContain(`Поступило ${wall(moscowWall)} МСК`);
    await expect.poll(() => far.page.locator('body').innerText(), { timeout: 30_000 }).toMatch(/Последнее изменение[\s\S]{0,40}\d{2}:\d{2} UTC\+10:00/);
    expect(await far.page.locator('body').innerText()).not.toContain(`${wall(vladivostokWall)} МСК`);
    expect(far.guard.blocked).toEqual([]);
    await far.context.close();

    // A click that lands while the list re-renders is lost; click again until the appeal opens.
    await vi.waitFor(async () => {
      await row.getByRole('link', { name: number }).click({ timeout: 5_000 });
      await staff.waitForURL(new RegExp(`/admin/collections/appeals/${appeal.id}$`), { timeout: 10_000 });
    }, { timeout: 45_000, interval: 500 });

    // 3. The appeal is read at the top, as text: message, client, channel, topic, territory by name, deadline.
    const overview = staff.getByRole('region', { name: 'Обращение клиента' });
    await overview.waitFor({ timeout: 30_000 });
    const message = overview.getByRole('region', { name: 'Текст обращения' });
    expect(await message.innerText()).toBe(questionText);
    // The group stored at registration is the routing rule's: readings from Ясноборск go to the local office.
    for (const text of [clientName, address, 'По электронной почте', 'Показания и приборы учёта: передача, замена, поверка', 'г. Ясноборск', 'Ясноборский участок учёта']) {
      await overview.getByText(text, { exact: true }).first().waitFor();
    }
    expect(await overview.innerText()).not.toContain('yasnoborsk');
    expect(await overview.locator('.portal-appeal__deadline').innerText()).toMatch(/^Срок ответа: \d{1,2} [а-я]+ \d{4} — (осталось \d+ рабочих дн(я|ей)|остался \d+ рабочий день|срок сегодня)$/);
    expect(await overview.locator('.portal-appeal__received').first().innerText()).toMatch(STAFF_DATE_TIME);
    // Above the decisions, and no inputs of the stored fields are shown.
    const panel = staff.getByRole('form', { name: 'Перевод обращения в другое состояние' });
    expect((await message.boundingBox())!.y).toBeLessThan((await panel.boundingBox())!.y);
    expect((await message.boundingBox())!.y).toBeLessThan(900);
    expect(await staff.locator('textarea[name="text"], input[name="registrationNumber"]').count()).toBe(0);
    // The form's own data is a table (a question has none), and nothing was fetched from outside to show it.
    await overview.getByText('Других полей в этой форме нет.').waitFor();

    // 4. The robot's confirmation: its state, time and attempts, read-only.
    const confirmation = overview.getByRole('row', { name: /Подтверждение клиенту/ });
    await expect
      .poll(
        async () => {
          await staff.reload();
          return confirmation.innerText();
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toContain('Отправлено');
    const cells = await confirmation.locator('td').allInnerTexts();
    expect(cells[1]).toMatch(STAFF_DATE_TIME);
    expect(cells[2]).toBe('1');

    // 5. Routing: the rule's group is chosen in advance; an empty group is named at its field; a group from the list.
    await panel.getByLabel('Следующее состояние').selectOption({ label: 'Передано исполнителю' });
    const group = panel.getByLabel('Группа исполнителей');
    expect(await group.inputValue()).toBe('Ясноборский участок учёта');
    const choices = await group.locator('option').allInnerTexts();
    expect(choices).toContain('Группа учёта и показаний');
    expect(choices).toContain('Расчётная группа');
    await group.selectOption({ label: 'Выберите группу' });
    await panel.getByRole('button', { name: 'Выполнить переход' }).click();
    await expect.poll(() => group.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await group.getAttribute('aria-describedby')) ?? '';
    expect(await staff.locator(`[id="${describedBy.split(' ').pop()}"]`).innerText()).toBe('Выберите группу исполнителей');
    // The focus goes to the field to correct.
    await expect.poll(() => staff.evaluate(() => document.activeElement?.id)).toBe(await group.getAttribute('id'));
    await moveAppeal(staff, 'Передано исполнителю', async (form) => {
      await form.getByLabel('Группа исполнителей').selectOption({ label: 'Группа учёта и показаний' });
    });
    await overview.getByText('Группа учёта и показаний', { exact: true }).waitFor();

    // 6. Takes it and answers with the template.
    await moveAppeal(staff, 'В работе');
    const answer = 'Показания принимаются с 15 по 25 число каждого месяца на сайте, по телефону и в офисах обслуживания.';
    await moveAppeal(staff, 'Дан ответ', async (form) => {
      await form.getByLabel('Шаблон письма').selectOption({ label: templateTitle });
      await form.getByLabel('Текст ответа заявителю').fill(answer);
    });

    // 7. The client receives the answer letter, framed by the template.
    const letter = await waitForMailWithSubject(address, `Ответ на обращение № ${number}`);
    expect(letter.text).toContain(`Здравствуйте, ${clientName}!`);
    expect(letter.text).toContain(answer);
    expect(letter.text).toContain('ведущий специалист по работе с обращениями');

    // 8. The handler closes the appeal; the survey e-mail follows.
    await moveAppeal(staff, 'Закрыто');
    const survey = await waitForMailWithSubject(address, `Оцените, пожалуйста, ответ на обращение № ${number}`);
    const link = survey.text.match(/https?:\/\/\S+\/otsenka\/#t=[A-Za-z0-9_-]+/)?.[0];
    expect(link).toBeTruthy();

    // 9. The client rates the answer 4 with a comment.
    await client.goto(link as string);
    await client.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
    await client.getByLabel('4 — хорошо').check();
    await client.getByLabel('Комментарий (по желанию)').fill('Ответили понятно, спасибо.');
    await client.getByRole('button', { name: 'Отправить оценку' }).click();
    await client.locator('.panel[role="status"]').waitFor({ timeout: 20_000 });

    // 10. The report shows the rating.
    const reportAfter = await handlerApi.request<Report>('GET', '/api/appeals-report');
    expect(reportAfter.satisfaction.distribution['4']).toBe(reportBefore.satisfaction.distribution['4'] + 1);
    expect(reportAfter.satisfaction.count).toBe(reportBefore.satisfaction.count + 1);
    const rated = await handlerApi.request<{ survey: { rating: number; comment: string } }>('GET', `/api/appeals/${appeal.id}?depth=0`);
    expect(rated.survey).toMatchObject({ rating: 4, comment: 'Ответили понятно, спасибо.' });

    // Nothing the admin showed was fetched from outside the machine.
    expect(guard.blocked).toEqual([]);
  });
});
