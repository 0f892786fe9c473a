import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { METER_READINGS_FIELD_LABELS } from '@portal/core/meter-readings-form';
import { QUESTION_FORM_FIELD_LABELS } from '@portal/core/question-form';
import { launchBrowser } from './support/browser';
import { SITE_URL } from './support/env';

/*
 * A returning visitor: every island page is visited, reloaded, left and come back to with the browser's Back and
 * Forward buttons, and opened again from a link — all in one browser context, so the HTTP cache answers with
 * revalidations (304) as it does for a real visitor. After each step the island must work as a person sees it,
 * and the browser must have reported no Content-Security-Policy violation.
 *
 * The checks below go through roles, labels and visible text only, so they survive changes to the islands'
 * markup; each island's selectors live in its own small helper here.
 */

/** What one island must let a visitor do. `visit` counts the steps (1–5), so each step asks something new. */
interface Island {
  name: string;
  path: () => Promise<string>;
  works(page: Page, visit: number): Promise<void>;
}

/** A poll that fails in seconds, not at the test's time-out, when a script never started. */
const SOON = { timeout: 15_000 };

/** Visible text in the main content that says JavaScript is needed: it must never show while scripts run. */
async function javaScriptNotices(page: Page): Promise<string[]> {
  const notices = page.locator('main').getByText(/JavaScript/);
  const texts: string[] = [];
  for (const notice of await notices.all()) if (await notice.isVisible()) texts.push(await notice.innerText());
  return texts;
}

/** «1 250,00 ₽» (thousands split by a space of any width) → 125000 kopecks, for every amount in a text. */
function amountsInKopecks(text: string): number[] {
  return [...text.matchAll(/(\d{1,3}(?:[ \u00a0\u202f]\d{3})*,\d{2})\s*₽/g)].map((match) => Number(match[1]!.replace(/\D/g, '')));
}

const questionForm: Island = {
  name: 'the question form',
  path: async () => '/vopros/',
  async works(page) {
    const text = page.getByLabel(QUESTION_FORM_FIELD_LABELS.text);
    await expect.poll(() => text.isEnabled(), SOON).toBe(true);
    await text.fill('Как передать показания счётчика через интернет?');
    // Answers suggested while typing: only the running island does that, a plain fallback form would not.
    await page.getByRole('region', { name: /ответ уже есть/i }).getByRole('link').first().waitFor(SOON);
    expect(await javaScriptNotices(page)).toEqual([]);
  },
};

/** The calculator's single usage field, however it is labelled: «Круглые сутки» inside «Расход за месяц, кВт·ч», or «… кВт·ч» itself. */
const calculatorUsage = (page: Page) => page.getByRole('group', { name: /кВт/ }).getByRole('textbox').or(page.getByLabel(/кВт/)).first();
/** Where the calculator shows its answer: the region it announces. */
const calculatorResult = (page: Page) => page.locator('main').locator('[aria-live], [role="status"]').filter({ hasText: /₽/ });

/** The first answer of the calculator in this test, for 100 kWh: every later step asks for a multiple of it. */
let totalFor100Kwh: number | undefined;
const tariffCalculator: Island = {
  name: 'the tariff calculator',
  path: async () => '/fizlicam/tarify/',
  async works(page, visit) {
    // A single-rate bill is price × usage, so 100·n kWh must cost n times 100 kWh, to the kopeck: a total left
    // over from an earlier visit, or none at all, cannot pass.
    const usage = calculatorUsage(page);
    await usage.waitFor(SOON);
    await usage.fill(String(100 * visit));
    await page.getByRole('button', { name: /Рассчитать/ }).click();
    await expect.poll(async () => (await calculatorResult(page).allInnerTexts()).join(' '), SOON).toMatch(/₽/);
    const total = Math.max(...amountsInKopecks((await calculatorResult(page).allInnerTexts()).join(' ')));
    totalFor100Kwh ??= total;
    expect(total).toBe(visit * totalFor100Kwh);
    expect(await javaScriptNotices(page)).toEqual([]);
  },
};

const officeStatus: Island = {
  name: 'the office status',
  path: async () => {
    const office = (await sitemapPaths()).find((path) => /^\/spravka\/ofisy\/[^/]+\/$/.test(path));
    if (!office) throw new Error('sitemap.xml lists no office page');
    return office;
  },
  async works(page) {
    // «Открыто до 19:00», «Перерыв, откроется в 13:00», «Закрыто, откроется в пн 8:00»: computed in the browser.
    const line = page.locator('main').getByText(/^(Сейчас:\s*)?(Открыто|Закрыто|Перерыв)/).first();
    await line.waitFor(SOON);
    expect(await line.isVisible()).toBe(true);
  },
};

const SEARCH_WORDS = ['показания', 'квитанция', 'пеня', 'поверка счётчика', 'личный кабинет'];
const search: Island = {
  name: 'search',
  path: async () => '/search/',
  async works(page, visit) {
    const query = SEARCH_WORDS[visit - 1]!;
    await page.locator('main').getByRole('searchbox').fill(query);
    // Only the running island searches while the visitor types (and keeps the address in step).
    await expect.poll(() => decodeURIComponent(new URL(page.url()).searchParams.get('q') ?? ''), SOON).toBe(query);
    await expect.poll(async () => (await page.locator('main').getByRole('status').allInnerTexts()).join(' '), SOON).toMatch(/Найдено: [1-9]/);
  },
};

const statusPage: Island = {
  name: 'the appeal status lookup',
  path: async () => '/status/',
  async works(page, visit) {
    await page.getByLabel(/Регистрационный номер/).fill(`В-2026-99999${visit}`);
    await page.getByLabel(/E-mail или телефон/).fill('nobody@example.ru');
    // The lookup shares the forms' limit of 10 per minute per address with every other journey: when it is
    // spent the island says so (which shows it runs), and the visitor asks again once allowed.
    for (let attempt = 1; ; attempt += 1) {
      const answered = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/forms/status' && response.request().method() === 'POST', SOON);
      await page.getByRole('button', { name: /Показать/ }).click();
      const response = await answered;
      if (response.status() !== 429 || attempt === 3) break;
      await page.waitForTimeout(1000 * Number(response.headers()['retry-after'] ?? 6));
    }
    await expect.poll(async () => (await page.getByRole('alert').allInnerTexts()).join(' '), SOON).toMatch(/не найдено/i);
  },
};

const readingsForm: Island = {
  name: 'the household readings form',
  path: async () => '/pokazaniya/naselenie/',
  async works(page) {
    const account = page.getByLabel(METER_READINGS_FIELD_LABELS.accountNumber);
    await expect.poll(() => account.isEnabled(), SOON).toBe(true);
    expect(await page.getByLabel(METER_READINGS_FIELD_LABELS.meterSerial).isEnabled()).toBe(true);
    await account.fill('1002 0030 0');
    expect(await javaScriptNotices(page)).toEqual([]);
  },
};

const ISLANDS = [questionForm, tariffCalculator, officeStatus, search, statusPage, readingsForm];

/** A page that links to every other one: the visitor leaves for it and comes back through its link. */
const SITE_MAP_PAGE = '/karta-sajta/';

async function sitemapPaths(): Promise<string[]> {
  const xml = await (await fetch(`${SITE_URL}/sitemap.xml`)).text();
  return [...xml.matchAll(/<loc>https?:\/\/[^/<]+([^<]*)<\/loc>/g)].map((match) => match[1]!);
}

/** Same recorder as the a11y sweep: every violation the browser reports, including blocked inline scripts. */
const CSP_RECORDER = `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(event.violatedDirective + ' ' + (event.blockedURI || '') + ' at ' + (event.sourceFile || '') + ':' + event.lineNumber);
});`;

const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);

/** Runs a navigation, then checks the island and the policy; the message names the step that broke. */
async function step(page: Page, island: Island, visit: number, label: string, navigate: () => Promise<unknown>): Promise<void> {
  await navigate();
  await page.waitForLoadState('load');
  // Read before and after the check: a blocked island may let the browser submit its form natively, which
  // loads a new document and forgets what the first one reported.
  const reported = new Set(await cspViolations(page));
  let failure: unknown;
  try {
    await island.works(page, visit);
  } catch (error) {
    failure = error;
  }
  for (const violation of await cspViolations(page)) reported.add(violation);
  const why = failure === undefined ? '' : failure instanceof Error ? failure.message : String(failure);
  if (reported.size > 0) {
    throw new Error(`${island.name}, ${label}: the browser reported CSP violations: ${[...reported].join('; ')}${why ? `; and the island did not work: ${why}` : ''}`, { cause: failure });
  }
  if (failure !== undefined) throw new Error(`${island.name} does not work after ${label}: ${why}`, { cause: failure });
}

const VIEWPORTS = [
  { name: 'a phone (390×844)', options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
  { name: 'a desktop (1366×900)', options: { viewport: { width: 1366, height: 900 } } },
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

for (const { name, options } of VIEWPORTS) {
  describe(`a returning visitor on ${name}`, () => {
    let context: BrowserContext;
    beforeAll(async () => {
      // One context for every island: the HTTP cache, and so the revalidations, carry over as for one person.
      context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Moscow', ...options });
      await context.addInitScript(CSP_RECORDER);
      // A day when meter readings are accepted (15th–25th): on other days the readings form is rightly shown
      // disabled under its notice, which is readings-form.spec.ts's concern. Timers keep running.
      await context.clock.setFixedTime(new Date('2026-12-16T10:00:00+03:00'));
    });
    afterAll(async () => {
      await context?.close();
    });

    for (const island of ISLANDS) {
      it(`${island.name} works on the first visit, after a reload, Back, a link and Forward`, async () => {
        totalFor100Kwh = undefined;
        const path = await island.path();
        const url = `${SITE_URL}${path}`;
        const page = await context.newPage();
        try {
          await step(page, island, 1, 'the first visit', () => page.goto(url));
          await step(page, island, 2, 'a reload', () => page.reload());
          // History: [island, site map] → Back to the island.
          await page.goto(`${SITE_URL}${SITE_MAP_PAGE}`);
          await step(page, island, 3, 'Back from another page', () => page.goBack());
          // Forward to the site map, then its link: [island, site map, island].
          await page.goForward();
          expect(await cspViolations(page), `${SITE_MAP_PAGE} after Forward`).toEqual([]);
          await step(page, island, 4, 'a link from another page', async () => {
            await page.locator(`main a[href="${path}"]`).first().click();
            await page.waitForURL(url);
          });
          // Back to the site map and Forward to the island again.
          await page.goBack();
          await step(page, island, 5, 'Forward from another page', () => page.goForward());
        } finally {
          await page.close();
        }
      }, 150_000);
    }
  });
}
