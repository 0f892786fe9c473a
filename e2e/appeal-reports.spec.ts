import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { completedQuarters, quarterTitle } from '@portal/core/report-period';
import { loginToCms } from '../scripts/lib/cms-client';
import { launchBrowser } from './support/browser';
import { openAdmin } from './support/cms-admin';
import { ADMIN, CMS_URL, SITE_URL } from './support/env';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const poll = { timeout: 120_000, interval: 500 };

/**
 * Issue 6 reports through the real stack: the admin's «Отчёт по обращениям» view, and a quarterly report that an
 * editor fills from the appeal figures and publishes, reaching the public site.
 */
describe('appeal reports', () => {
  it('the admin view shows the period chooser, accessible tables and the CSV link of the same period', async () => {
    const cms = await loginToCms(CMS_URL, ADMIN.email, ADMIN.password);
    const response = await fetch(`${CMS_URL}/admin/appeals-report?from=2026-01-01&to=2026-12-31`, { headers: { Cookie: `payload-token=${cms.token}`, 'Sec-Fetch-Site': 'same-origin' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Отчёт по обращениям');
    expect(html).toMatch(/<label for="report-from">/);
    expect(html).toContain('Прошлый квартал');
    expect(html).toContain('<caption>Основные показатели за период</caption>');
    expect(html).toContain('scope="row"');
    expect(html).toContain('По территориям');
    expect(html).toContain('href="/api/appeals-report?from=2026-01-01&amp;to=2026-12-31&amp;format=csv"');
    // The navigation links to it.
    const dashboard = await (await fetch(`${CMS_URL}/admin`, { headers: { Cookie: `payload-token=${cms.token}`, 'Sec-Fetch-Site': 'same-origin' } })).text();
    expect(dashboard).toContain('href="/admin/appeals-report"');
    // The administrator's navigation lists appeals: the manager's test below relies on the same markup.
    expect(dashboard).toContain('/admin/collections/appeals"');
  });

  it('in the browser, the dashboard gives each role its counts, «Обращения» is in the navigation once, and nothing loads from outside', async () => {
    const { page, guard, context } = await openAdmin(browser, ADMIN);
    try {
      await page.goto(`${CMS_URL}/admin`);
      const appeals = page.getByRole('region', { name: 'Обращения', exact: true });
      for (const label of ['Новые, ждут передачи исполнителю', 'Просрочены', 'Срок ответа сегодня', 'Мои открытые']) await appeals.getByText(label).waitFor({ timeout: 30_000 });
      const publishing = page.getByRole('region', { name: 'Публикация', exact: true });
      await publishing.getByText('Пора проверить сведения').waitFor();
      // The back office is one navigation group; the queue is named once.
      expect(await page.locator('nav').getByText('Обращения', { exact: true }).count()).toBe(1);
      await page.locator('nav').getByText('Работа с обращениями', { exact: true }).waitFor({ state: 'attached' });
      // The count links open the queue with that filter.
      await appeals.getByRole('link', { name: /Просрочены/ }).click();
      await page.getByRole('group', { name: 'Отбор обращений' }).getByLabel('Срок').waitFor();
      expect(await page.getByRole('group', { name: 'Отбор обращений' }).getByLabel('Срок').inputValue()).toBe('overdue');
      // Overdue is asked for in the address, answered by the collection's base filter: the list's own filter editor
      // would turn «deadline before today» into «deadline is today».
      expect(new URL(page.url()).searchParams.get('due')).toBe('overdue');
      expect(page.url()).not.toContain('deadlineDate');
      // The search placeholder reads as Russian, also on the FAQ list.
      expect(await page.getByPlaceholder(/^Искать по/).getAttribute('placeholder')).toBe('Искать по: Номер, Заявитель, E-mail или Телефон');
      await page.goto(`${CMS_URL}/admin/collections/faq`);
      expect(await page.getByPlaceholder(/^Искать по/).getAttribute('placeholder')).toBe('Искать по: Вопрос или Адрес (slug)');
      await page.goto(`${CMS_URL}/admin/appeals-report?from=2026-01-01&to=2026-12-31`);
      await page.getByText('Основные показатели за период').waitFor();
      expect(guard.blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a manager created by the administrator finds the report in the admin, and no appeals', async () => {
    const admin = await loginToCms(CMS_URL, ADMIN.email, ADMIN.password);
    const manager = { email: `manager.${Date.now().toString(36)}@example-energo.ru`, password: crypto.randomBytes(18).toString('base64url') };
    await admin.request('POST', '/api/users', { ...manager, name: 'Ольга Руководитель', roles: ['manager'] });
    const session = await loginToCms(CMS_URL, manager.email, manager.password);
    // As a browser sends it: Payload honours a session cookie only from the CMS's own pages (`csrf`).
    const cookie = { Cookie: `payload-token=${session.token}`, 'Sec-Fetch-Site': 'same-origin' };
    const dashboard = await (await fetch(`${CMS_URL}/admin`, { headers: cookie })).text();
    expect(dashboard).toContain('href="/admin/appeals-report"');
    expect(dashboard).toContain('/admin/collections/complaint-summaries');
    expect(dashboard).not.toContain('/admin/collections/appeals"');
    expect(dashboard).not.toContain('/admin/collections/appeal-attachments');
    expect(dashboard).not.toContain('/admin/collections/answer-templates');
    const view = await fetch(`${CMS_URL}/admin/appeals-report?from=2026-01-01&to=2026-12-31`, { headers: cookie });
    expect(await view.text()).toContain('<caption>Основные показатели за период</caption>');
    const csv = await fetch(`${CMS_URL}/api/appeals-report?from=2026-01-01&to=2026-12-31&format=csv`, { headers: cookie });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((await fetch(`${CMS_URL}/api/appeals`, { headers: cookie })).status).toBe(403);
  });

  it('an editor fills a quarterly report from the figures, publishes it, and the site lists the quarter', async () => {
    const cms = await loginToCms(CMS_URL, ADMIN.email, ADMIN.password);
    const quarter = completedQuarters(new Date().toISOString().slice(0, 10), 1)[0]!;
    const created = await cms.request<{ doc: { id: number } }>('POST', '/api/quarterly-reports?draft=true', { quarter, _status: 'draft' });
    const id = created.doc.id;
    await cms.request('POST', `/api/quarterly-reports/${id}/fill`);
    await cms.request('PATCH', `/api/quarterly-reports/${id}`, { _status: 'published' });
    const pageUrl = `${SITE_URL}/obratnaya-svyaz/kvartalnye-otchety/`;
    await expect.poll(async () => (await fetch(pageUrl)).text(), poll).toContain(quarterTitle(quarter));
    expect(await (await fetch(`${SITE_URL}/sitemap.xml`)).text()).toContain('/obratnaya-svyaz/kvartalnye-otchety/');
  });
});
