import fs from 'node:fs';
import path from 'node:path';
import type { BenchContext } from '../context';
import { benchConfig } from '../config';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** Every form page: each is its own island with its own fields. */
const FORM_PAGES = [
  '/vopros/',
  '/obrashchenie/',
  '/otzyv/',
  '/zayavka/fizicheskim-litsam/',
  '/zayavka/yuridicheskim-litsam/',
  '/pokazaniya/naselenie/',
  '/pokazaniya/yuridicheskie-litsa/',
];

/** The search results page is rendered by the public server for `?q=`, so it is not a file of the build. */
const SEARCH_RESULTS = '/search/?q=квитанция';

/**
 * One page of every template of the current build: home, a section, tariffs, the office list and an office,
 * a news item, a FAQ entry, search results, every form and the appeal status page. Pages with a slug are the
 * first of their kind in the build, so new content is picked up.
 */
export function lighthousePages(siteRoot: string): string[] {
  const html = new Set(
    fs
      .readdirSync(siteRoot, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name === 'index.html')
      .map((entry) => `/${path.relative(siteRoot, entry.parentPath).split(path.sep).join('/')}/`.replace(/\/+/g, '/')),
  );
  const sorted = [...html].sort();
  const first = (pattern: RegExp) => sorted.find((url) => pattern.test(url));
  // Fixed addresses are audited when the build has them (a white-label site may leave some out).
  const built = (url: string) => (html.has(url) ? url : undefined);
  const pages = [
    built('/'),
    built('/fizlicam/'),
    built('/fizlicam/tarify/'),
    built('/spravka/ofisy/'),
    first(/^\/spravka\/ofisy\/[^/]+\/$/),
    first(/^\/spravka\/novosti\/(?!tip\/)[^/]+\/$/),
    first(/^\/faq\/[^/]+\/[^/]+\/$/),
    built('/search/') && SEARCH_RESULTS,
    ...FORM_PAGES.map(built),
    built('/status/'),
  ];
  return pages.filter((url): url is string => url !== undefined);
}

/** The figures printed per page: scores 0–100, the Core Web Vitals of the lab run and the bytes transferred. */
interface PageFigures {
  performance: number | null;
  accessibility: number | null;
  'best-practices': number | null;
  seo: number | null;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  transferredBytes: number | null;
  failing?: string[];
}

/** The table printed after the run: one row per page. */
export function figuresTable(rows: Record<string, PageFigures>): string {
  const columns: [string, (figures: PageFigures) => string][] = [
    ['perf', (f) => String(f.performance ?? '–')],
    ['a11y', (f) => String(f.accessibility ?? '–')],
    ['b-p', (f) => String(f['best-practices'] ?? '–')],
    ['seo', (f) => String(f.seo ?? '–')],
    ['LCP', (f) => (f.lcpMs === null ? '–' : `${(f.lcpMs / 1000).toFixed(1)} s`)],
    ['TBT', (f) => (f.tbtMs === null ? '–' : `${Math.round(f.tbtMs)} ms`)],
    ['CLS', (f) => (f.cls === null ? '–' : f.cls.toFixed(3))],
    ['transferred', (f) => (f.transferredBytes === null ? '–' : `${(f.transferredBytes / 1024).toFixed(1)} KiB`)],
  ];
  const pageWidth = Math.max(4, ...Object.keys(rows).map((page) => page.length));
  const cells = Object.entries(rows).map(([page, figures]) => [page, ...columns.map(([, cell]) => cell(figures))]);
  const widths = [pageWidth, ...columns.map(([name], index) => Math.max(name.length, ...cells.map((row) => row[index + 1]!.length)))];
  const line = (values: string[]) => `| ${values.map((value, index) => (index === 0 ? value.padEnd(widths[index]!) : value.padStart(widths[index]!))).join(' | ')} |`;
  return [line(['page', ...columns.map(([name]) => name)]), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

/**
 * Bench module: Lighthouse (mobile profile, the default) with Debian's chromium over one page of every template
 * ({@link lighthousePages}); prints a table of the scores (0–100 per category), LCP, TBT, CLS and bytes transferred
 * per page. Needs chromium at CHROME_PATH (default /usr/bin/chromium); reports `skipped` without it.
 */
export async function run(ctx: BenchContext): Promise<Record<string, unknown>> {
  const chromePath = benchConfig.CHROME_PATH;
  if (!fs.existsSync(chromePath)) return { skipped: `no chromium at ${chromePath}` };
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const pages = lighthousePages(fs.realpathSync(path.join(ctx.varDir, 'site', 'current')));
  ctx.log(`lighthouse (mobile): ${pages.join(', ')}…`);
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const figures: Record<string, PageFigures> = {};
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
      const score = (name: (typeof CATEGORIES)[number]) => (categories[name]?.score == null ? null : Math.round((categories[name]?.score ?? 0) * 100));
      const numeric = (id: string) => audits[id]?.numericValue ?? null;
      const entry: PageFigures = {
        performance: score('performance'),
        accessibility: score('accessibility'),
        'best-practices': score('best-practices'),
        seo: score('seo'),
        lcpMs: numeric('largest-contentful-paint'),
        tbtMs: numeric('total-blocking-time'),
        cls: numeric('cumulative-layout-shift'),
        // Bytes over the wire for the page and everything it loaded (compressed sizes).
        transferredBytes: numeric('total-byte-weight'),
        ...(failing.length > 0 ? { failing } : {}),
      };
      figures[page] = entry;
      ctx.log(`lighthouse ${page}: performance ${entry.performance ?? '–'}`);
      // What the browser itself complained about (CSP violations, console errors): worth reading in the report.
      for (const id of ['inspector-issues', 'errors-in-console']) {
        const items = (audits[id]?.details as { items?: unknown[] } | undefined)?.items;
        if (failing.includes(id) && items) details[`${page} ${id}`] = JSON.stringify(items).slice(0, 2000);
      }
    }
  } finally {
    await chrome.kill();
  }
  process.stdout.write(`\nLighthouse, mobile profile (simulated slow 4G, 4× CPU slowdown):\n${figuresTable(figures)}\n\n`);
  return { ...figures, ...(Object.keys(details).length > 0 ? { details } : {}) };
}
