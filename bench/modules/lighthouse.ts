import fs from 'node:fs';
import path from 'node:path';
import type { BenchContext } from '../context';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/**
 * The pages to audit, found in the current build so later pages are picked up: home, the first FAQ entry, the
 * question form, the search page, and tariff and office pages when the site has them.
 */
export function lighthousePages(siteRoot: string): string[] {
  const html = fs
    .readdirSync(siteRoot, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === 'index.html')
    .map((entry) => `/${path.relative(siteRoot, entry.parentPath).split(path.sep).join('/')}/`.replace(/\/+/g, '/'))
    .sort();
  const pick = (pattern: RegExp) => html.find((url) => pattern.test(url));
  return [
    '/',
    pick(/^\/faq\/[^/]+\/[^/]+\/$/),
    pick(/^\/vopros\/$/),
    pick(/^\/search\/$/),
    pick(/^\/tarif[^/]*\/$/),
    pick(/^\/(ofisy|offices|kontakty)\/[^/]+\/$/),
  ].filter((url): url is string => url !== undefined);
}

/**
 * Bench module: Lighthouse (mobile profile, the default) with Debian's chromium over the key pages; scores 0–100
 * per category. Needs chromium at CHROME_PATH (default /usr/bin/chromium); reports `skipped` without it.
 */
export async function run(ctx: BenchContext): Promise<Record<string, unknown>> {
  const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromePath)) return { skipped: `no chromium at ${chromePath}` };
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const pages = lighthousePages(fs.realpathSync(path.join(ctx.varDir, 'site', 'current')));
  ctx.log(`lighthouse (mobile): ${pages.join(', ')}…`);
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const scores: Record<string, Record<string, number | null | string[]>> = {};
  const details: Record<string, string> = {};
  try {
    for (const page of pages) {
      const result = await lighthouse(new URL(page, ctx.stack.siteUrl).href, { port: chrome.port, logLevel: 'error', output: 'json', onlyCategories: [...CATEGORIES] });
      const categories = result?.lhr.categories ?? {};
      const audits = result?.lhr.audits ?? {};
      // Audits that cost points, so a score below 100 says what to fix.
      const failing = CATEGORIES.flatMap((name) =>
        (categories[name]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && typeof audits[ref.id]?.score === 'number' && (audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => ref.id),
      );
      scores[page] = {
        ...Object.fromEntries(CATEGORIES.map((name) => [name, categories[name]?.score == null ? null : Math.round((categories[name]?.score ?? 0) * 100)])),
        ...(failing.length > 0 ? { failing } : {}),
      };
      // What the browser itself complained about (CSP violations, console errors): worth reading in the report.
      for (const id of ['inspector-issues', 'errors-in-console']) {
        const items = (audits[id]?.details as { items?: unknown[] } | undefined)?.items;
        if (failing.includes(id) && items) details[`${page} ${id}`] = JSON.stringify(items).slice(0, 2000);
      }
    }
  } finally {
    await chrome.kill();
  }
  return { ...scores, ...(Object.keys(details).length > 0 ? { details } : {}) };
}
