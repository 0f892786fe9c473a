import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { openAdmin } from './support/cms-admin';
// The stack scripts/test.ts starts always has a CMS (support/env fails loudly when it is missing), so nothing here
// is skipped.
import { ADMIN, CMS_URL, SITE_URL } from './support/env';
const ROOT = path.resolve(import.meta.dirname, '..');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('search statistics for editors', () => {
  it('counts a query that found nothing, and an editor turns it into a FAQ draft with one button', async () => {
    const query = 'солнечные батареи';
    // A visitor without JavaScript searches through the shareable page; the public server counts it.
    const visitor = await browser.newContext({ javaScriptEnabled: false });
    const page = await visitor.newPage();
    await page.goto(`${SITE_URL}/search/?q=${encodeURIComponent(query)}`);
    expect(await page.locator('main .search-empty').innerText()).toContain('ничего не нашлось');
    await visitor.close();

    // The editor works in the admin with every request off the machine blocked and recorded.
    const { context: editor, page: admin, guard } = await openAdmin(browser, ADMIN);
    try {
      const rows = async () => {
        // As the admin's own page would ask: Payload takes the session cookie only with a same-origin mark (csrf).
        const response = await editor.request.get(`${CMS_URL}/api/search-queries?where[query][equals]=${encodeURIComponent(query)}`, { headers: { 'Sec-Fetch-Site': 'same-origin' } });
        return ((await response.json()) as { docs: { id: number; searches: number; lastResultCount: number }[] }).docs;
      };
      await expect.poll(async () => (await rows())[0]?.searches ?? 0, { timeout: 15_000 }).toBe(1);
      const [row] = await rows();
      expect(row?.lastResultCount).toBe(0);

      await admin.goto(`${CMS_URL}/admin/collections/search-queries/${row!.id}`);
      await admin.getByRole('button', { name: 'Создать черновик вопроса' }).click();
      await admin.waitForURL(/\/admin\/collections\/faq\/\d+/, { timeout: 30_000 });
      await expect
        .poll(() => admin.locator('input[name="question"]').inputValue(), { timeout: 30_000 })
        .toBe('Солнечные батареи?');
      expect(guard.blocked).toEqual([]);
    } finally {
      await editor.close();
    }
  });

  it('npm run reindex rebuilds the index through the running CMS', async () => {
    const { stdout } = await promisify(execFile)(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'scripts', 'reindex.ts')], {
      cwd: ROOT,
      env: { ...process.env, CMS_URL, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
    });
    expect(stdout).toMatch(/Search index rebuilt: \d+ documents in the embedded engine/);
  });
});
