import type { Browser, BrowserContext, Page } from 'playwright-core';
import { blockExternalRequests, type NetworkGuard } from './network-guard';
import { ADMIN, CMS_URL } from './env';
import { DESKTOP_VIEWPORT } from './browser';

/** Changes company settings through the CMS REST API, as an administrator would in the admin panel. */
export async function updateCompanySettings(data: Record<string, unknown>): Promise<void> {
  const login = await fetch(`${CMS_URL}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!login.ok) throw new Error(`admin login failed: ${login.status}`);
  const { token } = (await login.json()) as { token: string };
  const response = await fetch(`${CMS_URL}/api/globals/company-settings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: JSON.stringify(data),
  });
  if (!response.ok) throw new Error(`settings update failed: ${response.status} ${await response.text()}`);
}

/** The value of a named counter (e.g. the FAQ suggestion counts), 0 when it was never incremented. */
export async function readCounter(key: string): Promise<number> {
  const login = await fetch(`${CMS_URL}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const { token } = (await login.json()) as { token: string };
  const response = await fetch(`${CMS_URL}/api/counters?where[key][equals]=${encodeURIComponent(key)}`, { headers: { Authorization: `JWT ${token}` } });
  const body = (await response.json()) as { docs: { value: number }[] };
  return body.docs[0]?.value ?? 0;
}

/** A staff member's browser session in the admin, with every request that tried to leave the machine. */
export interface AdminSession {
  context: BrowserContext;
  page: Page;
  guard: NetworkGuard;
}

/**
 * Opens the admin as a staff member would on an office screen (1366×900, Russian, Moscow time), logged in, with
 * every non-local request blocked and recorded ({@link blockExternalRequests}): every admin journey uses this and
 * ends by expecting `guard.blocked` to be empty. `timezoneId` puts the browser in another zone (a staff member
 * working from Vladivostok); the admin must still show the company's time.
 */
export async function openAdmin(browser: Browser, user: { email: string; password: string }, options: { timezoneId?: string } = {}): Promise<AdminSession> {
  const context = await browser.newContext({ locale: 'ru-RU', timezoneId: options.timezoneId ?? 'Europe/Moscow', viewport: DESKTOP_VIEWPORT });
  const guard = await blockExternalRequests(context);
  const page = await context.newPage();
  await page.goto(`${CMS_URL}/admin/login`);
  await page.locator('input[name="email"]').fill(user.email);
  await page.locator('input[name="password"]').fill(user.password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 30_000 });
  return { context, page, guard };
}
