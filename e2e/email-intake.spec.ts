import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage } from './support/browser';
import { CMS_URL, SMTP_URL } from './support/env';
import { waitForMail } from './support/mail';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The appeals mailbox the running stack's CMS has in its settings (the robot registers letters to it only). */
async function appealsMailbox(): Promise<string> {
  const response = await fetch(`${CMS_URL}/api/globals/company-settings?depth=0`);
  const settings = (await response.json()) as { email?: string };
  if (!settings.email) throw new Error('The company settings have no appeals e-mail');
  return settings.email;
}

describe('an appeal by e-mail, through the whole stack', () => {
  it('a letter sent by SMTP to the appeals address becomes an appeal; the sender gets its «Э» number and can follow it on the status page', async () => {
    const sender = `maria.${Date.now()}@example.ru`;
    const transport = nodemailer.createTransport({ url: SMTP_URL, ignoreTLS: true });
    try {
      // The sink's SMTP 250 comes only once the CMS has stored the appeal.
      await transport.sendMail({
        from: `"Мария Соколова" <${sender}>`,
        to: await appealsMailbox(),
        subject: 'Перерасчёт за ноябрь',
        text: 'Здравствуйте! Прошу сделать перерасчёт: в ноябре квартира пустовала, а начисление пришло как обычно.',
      });
    } finally {
      transport.close();
    }

    // The robot's confirmation: the number of an appeal by e-mail, the deadline, the client's own name.
    const confirmation = await waitForMail(sender);
    const number = confirmation.subject.match(/Э-\d{4}-\d{6,}/)?.[0];
    expect(number, `subject: ${confirmation.subject}`).toBeTruthy();
    expect(confirmation.text).toContain(number as string);
    expect(confirmation.text).toContain('Мария Соколова');

    // The private link in the letter opens the status page with this appeal.
    const link = confirmation.text.match(/https?:\/\/\S+\/status\/#t=[\w.-]+/)?.[0];
    expect(link, 'the confirmation carries the status link').toBeTruthy();
    const page = await newPage(browser);
    await page.goto(link as string);
    const heading = page.getByRole('heading', { name: `Обращение № ${number}` });
    await heading.waitFor({ timeout: 20_000 });
    expect(await page.locator('.appeal-status dl').innerText()).toContain('Срок ответа');

    // And so does the lookup by number and e-mail.
    const lookup = await newPage(browser);
    await lookup.goto(new URL('/status/', link as string).toString());
    await lookup.getByLabel('Регистрационный номер').fill(number as string);
    await lookup.getByLabel('E-mail или телефон').fill(sender.toUpperCase());
    // Within the page's content: the header has a search button «Найти» too.
    await lookup.getByRole('main').getByRole('button', { name: /найти|показать|проверить/i }).click();
    await lookup.getByRole('heading', { name: `Обращение № ${number}` }).waitFor({ timeout: 20_000 });
  });
});
