import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium; Playwright's own browser download cannot work here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches headless Chromium with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` (npm test does this when run as root)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A fresh page in its own context, Russian locale, Moscow time. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  return context.newPage();
}

/** The two screens every visitor journey is tried on: a phone held upright and a common laptop. */
export interface Viewport {
  width: number;
  height: number;
}
export const PHONE_VIEWPORT: Readonly<Viewport> = { width: 390, height: 844 };
export const DESKTOP_VIEWPORT: Readonly<Viewport> = { width: 1366, height: 900 };
