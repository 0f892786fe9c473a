import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type AstroIntegration, type AstroUserConfig } from 'astro';
import { ROUTE_DEPTH_INTEGRATION_NAME } from '../src/integrations/route-depth';
import { parseSiteExport } from '../src/lib/export';

/**
 * Builds the real site with `astro build` from the fixture snapshot and inspects the HTML.
 * Output goes below the repository (node_modules/.cache): Astro keeps its prerender bundle inside
 * outDir only when outDir is under the working directory, so parallel builds stay apart.
 */

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const fixturePath = join(repoRoot, 'site/fixtures/site-export.json');
const workDir = join(repoRoot, 'node_modules/.cache');
const tempDirs: string[] = [];
const savedEnv = { ...process.env };

async function tempDir(prefix: string): Promise<string> {
  await mkdir(workDir, { recursive: true });
  const dir = await mkdtemp(join(workDir, prefix));
  tempDirs.push(dir);
  return dir;
}

/** Runs `astro build` with the given snapshot file (or none) and extra integrations. */
async function buildSite(options: { exportFile?: string; integrations?: AstroIntegration[]; today?: string } = {}): Promise<string> {
  const outDir = await tempDir('site-build-test-');
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  // The fixture's urgent news runs until 2026-12-03 and its current tariff period is 2026-2.
  process.env.SITE_TODAY = options.today ?? '2026-11-27';
  process.env.SITE_OUT_DIR = outDir;
  delete process.env.SITE_EXPORT_URL;
  if (options.exportFile) process.env.SITE_EXPORT_FILE = options.exportFile;
  else delete process.env.SITE_EXPORT_FILE;
  await build({ root: repoRoot, outDir, logLevel: 'silent', integrations: options.integrations ?? [] });
  return outDir;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

const count = (html: string, pattern: RegExp): number => html.match(new RegExp(pattern.source, 'g'))?.length ?? 0;

const fixture = parseSiteExport(JSON.parse(await readFile(fixturePath, 'utf8')), 'fixture');

afterAll(async () => {
  process.env = savedEnv;
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

describe('astro build from the fixture snapshot', () => {
  let outDir: string;
  const page = (path: string) => readFile(join(outDir, path), 'utf8');

  /** Pages of the appeal forms besides the question form. */
  const FORM_PAGES = [
    'obrashchenie/index.html',
    'otzyv/index.html',
    'zayavka/index.html',
    'zayavka/fizicheskim-litsam/index.html',
    'zayavka/yuridicheskim-litsam/index.html',
    'pokazaniya/index.html',
    'pokazaniya/naselenie/index.html',
    'pokazaniya/yuridicheskie-litsa/index.html',
  ];

  beforeAll(async () => {
    outDir = await buildSite({ exportFile: fixturePath });
  });

  it('writes a page for every FAQ entry, with its question as the only <h1>', async () => {
    for (const entry of fixture.faq) {
      const html = await page(`faq/${entry.topic}/${entry.slug}/index.html`);
      const h1 = html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1];
      expect(h1, entry.slug).toBe(entry.question);
      // The answer comes in as HTML from the CMS and must not be escaped a second time.
      expect(html).toContain(entry.answerHtml);
      expect(html).toContain(`href="/vopros/?topic=${entry.topic}"`);
      // schema.org FAQPage microdata, without any script.
      expect(html).toContain('itemtype="https://schema.org/FAQPage"');
      expect(html).toMatch(/itemprop="mainEntity" itemscope itemtype="https:\/\/schema.org\/Question"/);
      expect(html).toContain('itemtype="https://schema.org/Answer"');
    }
  });

  it('writes the fixed pages and a page for every topic', async () => {
    const files = (await htmlFiles(outDir)).map((file) => relative(outDir, file));
    for (const path of ['index.html', 'faq/index.html', 'search/index.html', 'vopros/index.html', 'privacy/index.html', '404.html', ...FORM_PAGES]) {
      expect(files).toContain(path);
    }
    for (const topic of fixture.topics) expect(files).toContain(`faq/${topic.slug}/index.html`);
  });

  it('gives every page lang="ru", a skip link to #main, one <main id="main"> and one <h1>', async () => {
    const files = await htmlFiles(outDir);
    expect(files.length).toBeGreaterThan(6 + FORM_PAGES.length + fixture.topics.length + fixture.faq.length + fixture.pages.length);
    for (const file of files) {
      const html = await readFile(file, 'utf8');
      const name = relative(outDir, file);
      expect(html, name).toMatch(/<html lang="ru">/);
      expect(html, name).toMatch(/<a class="skip-link" href="#main">Перейти к основному содержанию<\/a>/);
      expect(count(html, /<main[\s>]/), name).toBe(1);
      expect(html, name).toMatch(/<main id="main"/);
      expect(count(html, /<h1[\s>]/), name).toBe(1);
    }
  });

  it('hydrates every appeal form island; the readings pages state the accepted days', async () => {
    for (const [path, island] of [
      ['obrashchenie/index.html', 'ComplaintFormIsland'],
      ['otzyv/index.html', 'FeedbackFormIsland'],
      ['zayavka/fizicheskim-litsam/index.html', 'ApplicationFormIsland'],
      ['zayavka/yuridicheskim-litsam/index.html', 'ApplicationFormIsland'],
      ['pokazaniya/naselenie/index.html', 'ReadingsFormIsland'],
      ['pokazaniya/yuridicheskie-litsa/index.html', 'ReadingsFormIsland'],
    ] as const) {
      const html = await page(path);
      expect(html, path).toContain('<astro-island');
      expect(html, path).toContain(island);
      expect(html, path).toContain('privacy');
    }
    expect(await page('pokazaniya/naselenie/index.html')).toContain('Показания принимаются с 15 по 25 число каждого месяца.');
  });

  it('offers the optional «Населённый пункт / район» from the CMS list on every form that routes by territory', async () => {
    for (const path of ['vopros/index.html', 'obrashchenie/index.html', 'otzyv/index.html', 'zayavka/fizicheskim-litsam/index.html', 'zayavka/yuridicheskim-litsam/index.html']) {
      const html = await page(path);
      expect(html, path).toContain('Населённый пункт / район');
      expect(html, path).toContain('Заречный район');
    }
  });

  it('ships no JavaScript on content pages', async () => {
    const entry = fixture.faq[0]!;
    const contentPages = [
      'index.html',
      'faq/index.html',
      `faq/${entry.topic}/index.html`,
      `faq/${entry.topic}/${entry.slug}/index.html`,
      'privacy/index.html',
      '404.html',
      'fizlicam/index.html',
      'fizlicam/dogovor/status/index.html',
      'fizlicam/tarify/arhiv/2025-1/index.html',
      'yurlicam/ceny/index.html',
      'spravka/novosti/index.html',
      `spravka/novosti/${fixture.news[0]!.slug}/index.html`,
      'spravka/dokumenty/index.html',
      'obratnaya-svyaz/otvety-na-zhaloby/index.html',
      'obratnaya-svyaz/kvartalnye-otchety/index.html',
      'karta-sajta/index.html',
    ];
    for (const path of contentPages) {
      const html = await page(path);
      // The only script: the «Онлайн-консультант» button's small launcher, on every page (issue 19).
      expect(scriptsBesideChatLauncher(html), path).toBe(0);
      expect(html, path).not.toContain('<astro-island');
    }
  });

  it('the office list ships no island, only its small status script and the schedules it reads', async () => {
    const html = await page('spravka/ofisy/index.html');
    expect(html).not.toContain('<astro-island');
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1] ?? '');
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toMatch(/type="application\/json"|src="\/_astro\/[^"]*"/);
  });

  it('hydrates the search island on /search/ over a plain labelled GET form', async () => {
    const html = await page('search/index.html');
    expect(html).toMatch(/<astro-island[^>]*component-url="\/_astro\/SearchIsland[^"]*"[^>]*client="load"/);
    expect(html).toMatch(/<form[^>]*action="\/search\/"[^>]*method="get"/);
    const inputId = html.match(/<input[^>]*id="([^"]+)"[^>]*name="q"/)?.[1];
    expect(inputId).toBeTruthy();
    expect(html).toContain(`<label class="label" for="${inputId}">`);
    expect(html).toMatch(/aria-live="polite"/);
    expect(html).toMatch(/<noscript>[\s\S]*href="\/faq\/"[\s\S]*<\/noscript>/);
  });

  it('hydrates the question form on /vopros/ with the topics, a honeypot and the privacy link', async () => {
    const html = await page('vopros/index.html');
    expect(html).toMatch(/<astro-island[^>]*component-url="\/_astro\/QuestionFormIsland[^"]*"[^>]*client="load"/);
    for (const topic of fixture.topics) expect(html).toContain(`<option value="${topic.slug}">`);
    // Honeypot: hidden from sight and from assistive tech, out of the tab order, no autofill.
    // (React writes some attributes camel-cased, e.g. autoComplete; HTML attribute names ignore case.)
    expect(html).toMatch(
      /<div class="visually-hidden" aria-hidden="true"><label for="vopros-website">[^<]*<\/label><input type="text" id="vopros-website" tabindex="-1" autocomplete="off"/i,
    );
    expect(html).toMatch(/<label for="vopros-consent">[\s\S]*?href="\/privacy\/"/);
    for (const field of ['name', 'email', 'phone', 'topic', 'accountNumber', 'text']) {
      expect(html, field).toContain(`<label class="label" for="vopros-${field}">`);
    }
  });

  it('home page has the search form and links to every topic', async () => {
    const html = await page('index.html');
    expect(html).toMatch(/<form[^>]*action="\/search\/"[^>]*method="get"/);
    expect(html).toMatch(/<label class="label" for="home-search-q">/);
    expect(html).toMatch(/<input[^>]*id="home-search-q"[^>]*name="q"/);
    for (const topic of fixture.topics) expect(html).toContain(`href="/faq/${topic.slug}/"`);
    expect(html).toContain('href="/vopros/"');
  });
});

describe('astro build with hostile text in the snapshot', () => {
  it('escapes a <script> in a question and a topic title; a fresh build also sees the new entry', async () => {
    const raw = JSON.parse(await readFile(fixturePath, 'utf8'));
    raw.topics[0].title = 'Договор <script>alert("topic")</script>';
    raw.faq.push({
      slug: 'xss-proverka',
      question: 'Что будет, если <script>alert("xss")</script> в вопросе?',
      answerHtml: '<p>Ничего страшного.</p>',
      answerText: 'Ничего страшного.',
      topic: 'oplata',
      audience: 'all',
      updatedAt: '2026-02-20T10:00:00.000Z',
    });
    const file = join(await tempDir('site-export-xss-'), 'site-export.json');
    await writeFile(file, JSON.stringify(raw));
    const outDir = await buildSite({ exportFile: file });

    const html = await readFile(join(outDir, 'faq/oplata/xss-proverka/index.html'), 'utf8');
    expect(html).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert("xss")');
    expect(scriptsBesideChatLauncher(html)).toBe(0);
    const faqIndex = await readFile(join(outDir, 'faq/index.html'), 'utf8');
    expect(faqIndex).toContain('&lt;script&gt;alert(&quot;topic&quot;)&lt;/script&gt;');
    expect(scriptsBesideChatLauncher(faqIndex)).toBe(0);
  });
});

describe('astro build failures', () => {
  it('fails with a clear message when no snapshot source is configured', async () => {
    await expect(buildSite()).rejects.toThrow(/SITE_EXPORT_URL.*SITE_EXPORT_FILE/s);
  });

  it('fails when the snapshot breaks the contract', async () => {
    const raw = JSON.parse(await readFile(fixturePath, 'utf8'));
    delete raw.company;
    const file = join(await tempDir('site-export-bad-'), 'site-export.json');
    await writeFile(file, JSON.stringify(raw));
    await expect(buildSite({ exportFile: file })).rejects.toThrow(/invalid:\n- company/);
  });

  it('registers the route-depth check in astro.config.mjs', async () => {
    const configUrl = pathToFileURL(join(repoRoot, 'astro.config.mjs')).href;
    const config = ((await import(configUrl)) as { default: AstroUserConfig }).default;
    const names = (config.integrations ?? []).flat().map((integration) => (integration ? integration.name : ''));
    expect(names).toContain(ROUTE_DEPTH_INTEGRATION_NAME);
    expect(names).toContain('@astrojs/react');
  });

  it('fails the real build when a generated page is 5 segments deep, naming the route', async () => {
    // A page with a rest parameter: its depth is known only once getStaticPaths has run.
    const dir = await tempDir('site-deep-page-');
    const entrypoint = join(dir, 'deep.astro');
    await writeFile(
      entrypoint,
      [
        '---',
        "export const getStaticPaths = () => [{ params: { rest: 'b/c/d/e' } }, { params: { rest: 'b/c' } }];",
        '---',
        '<html lang="ru"><body><main id="main"><h1>Глубоко</h1></main></body></html>',
        '',
      ].join('\n'),
    );
    const injectDeepRoute: AstroIntegration = {
      name: 'test:deep-route',
      hooks: {
        'astro:config:setup': ({ injectRoute }) => injectRoute({ pattern: '/a/[...rest]', entrypoint }),
      },
    };
    await expect(buildSite({ exportFile: fixturePath, integrations: [injectDeepRoute] })).rejects.toThrow(
      /"\/a\/b\/c\/d\/e\/" \(5 segments\)/,
    );
  });

  it('fails before rendering when a static route pattern is 5 segments deep', async () => {
    const entrypoint = join(repoRoot, 'site/src/pages/404.astro');
    const injectDeepRoute: AstroIntegration = {
      name: 'test:deep-static-route',
      hooks: {
        'astro:config:setup': ({ injectRoute }) => injectRoute({ pattern: '/a/b/c/d/e', entrypoint }),
      },
    };
    await expect(buildSite({ exportFile: fixturePath, integrations: [injectDeepRoute] })).rejects.toThrow(
      /"\/a\/b\/c\/d\/e\/" \(5 segments\)/,
    );
  });
});

/** Script elements other than the chat launcher's one external module (components/ChatLauncher.astro). */
function scriptsBesideChatLauncher(html: string): number {
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1] ?? '');
  const launcher = scripts.filter((attributes) => /type="module"/.test(attributes) && /src="\/_astro\/ChatLauncher[^"]*\.js"/.test(attributes));
  expect(launcher, 'the chat launcher script').toHaveLength(1);
  return scripts.length - launcher.length;
}
