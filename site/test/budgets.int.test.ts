import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'astro';
import { z } from 'zod';

/**
 * Page budgets on a real `astro build` of the fixture snapshot. Sizes of a static build are deterministic, so
 * these are exact checks, not timings. The limits live in the root package.json under `budgets`; every HTML
 * file of the build is checked, so pages added later are covered without touching this test.
 */

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const BudgetsSchema = z.object({
  /** The only pages that may load React (islands): forms, search, the status lookup, the tariffs calculator. Paths like `vopros/`. */
  reactPages: z.array(z.string().regex(/^([a-z0-9-]+\/|\*\/)*$/)).min(1),
  /** Gzip size of each script a page without React may ship (inline, or a module with everything it imports). */
  smallScriptGzipBytes: z.number().int().min(0),
  /** Gzip size of the code only one island loads (its component-url and imports no other island shares). */
  islandGzipBytes: z.number().int().positive(),
  /** Gzip size of the shared code: the framework renderer (renderer-url and its imports) and chunks islands share. */
  islandRuntimeGzipBytes: z.number().int().positive(),
  /** Gzip size of any page's HTML. */
  pageHtmlGzipBytes: z.number().int().positive(),
});
const budgets = BudgetsSchema.parse(JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')).budgets);

const gzipSize = (data: string | Buffer) => gzipSync(data, { level: 9 }).byteLength;
const attribute = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`, 'i'))?.[1] ?? tag.match(new RegExp(`\\s${name}\\s*=\\s*'([^']*)'`, 'i'))?.[1];
const hasAttribute = (tag: string, name: string) => new RegExp(`\\s${name}(\\s|=|>|/)`, 'i').test(tag);

let outDir: string;
let pages: { path: string; html: string }[];
const savedEnv = { ...process.env };

beforeAll(async () => {
  const workDir = join(repoRoot, 'node_modules/.cache');
  await mkdir(workDir, { recursive: true });
  outDir = await mkdtemp(join(workDir, 'site-budgets-test-'));
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  // Vitest sets NODE_ENV=test, which would bundle React's development build: measure what ships.
  process.env.NODE_ENV = 'production';
  process.env.SITE_OUT_DIR = outDir;
  process.env.SITE_EXPORT_FILE = join(repoRoot, 'site/fixtures/site-export.json');
  delete process.env.SITE_EXPORT_URL;
  await build({ root: repoRoot, outDir, logLevel: 'silent' });
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  pages = await Promise.all(
    entries
      .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
      .map(async (entry) => {
        const file = join(entry.parentPath, entry.name);
        return { path: relative(outDir, file), html: await readFile(file, 'utf8') };
      }),
  );
}, 180_000);

afterAll(async () => {
  process.env = savedEnv;
  await rm(outDir, { recursive: true, force: true });
});

/** A module of the build and, recursively, the modules it imports statically. */
async function moduleGraph(url: string, seen = new Set<string>()): Promise<Set<string>> {
  if (seen.has(url)) return seen;
  seen.add(url);
  const code = await readFile(join(outDir, url), 'utf8');
  for (const match of code.matchAll(/(?:import|export)\s*(?:[^'";()]*?from\s*)?["'](\.\/[^"']+\.js)["']/g)) {
    await moduleGraph(new URL(match[1] ?? '', `http://x${url}`).pathname, seen);
  }
  return seen;
}

// Whether reactPages lists the page; a `*` segment in an entry stands for any one path segment (every questionnaire page).
const listedReactPage = (path: string) => budgets.reactPages.some((entry) => new RegExp(`^${entry.replaceAll('*/', '[a-z0-9-]+/')}$`).test(path));
const islandsOf = (html: string) => [...html.matchAll(/<astro-island\b[^>]*>/g)].map((match) => match[0]);
/** `spravka/ofisy/index.html` → `spravka/ofisy/`, the form `reactPages` uses. */
const pagePath = (file: string) => file.replace(/index\.html$/, '');
/** Script elements that run: JSON and JSON-LD blocks are data, never executed. */
const runnableScripts = (html: string) =>
  [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)]
    .map((match) => ({ tag: match[0], attributes: match[1] ?? '', body: match[2] ?? '' }))
    .filter((script) => !/^\s*application\/(ld\+)?json\s*$/i.test(attribute(`<script ${script.attributes}>`, 'type') ?? ''));

describe('page budgets of the built site (limits from package.json "budgets")', () => {
  it('builds pages to check', () => {
    expect(pages.length).toBeGreaterThan(10);
  });

  it('loads React islands only on the pages listed in reactPages (forms, search, status lookup, tariffs calculator)', () => {
    const withIslands = pages.filter((page) => islandsOf(page.html).length > 0).map((page) => pagePath(page.path));
    expect(withIslands.length).toBeGreaterThan(0);
    expect(withIslands.filter((path) => !listedReactPage(path))).toEqual([]);
  });

  it(`every other page ships only small scripts: each at most ${budgets.smallScriptGzipBytes / 1024} KB gzip with its imports, none of the React runtime`, async () => {
    // React's own modules are recognised by its element symbols, which every React build defines; the check
    // that recognises them in the renderer is what makes their absence from a small script mean something.
    const isReact = async (url: string) => /Symbol\.for\(\s*["'`]react\./.test(await readFile(join(outDir, url), 'utf8'));
    const renderer = pages.flatMap((page) => islandsOf(page.html).map((tag) => attribute(tag, 'renderer-url'))).find(Boolean);
    const rendererModules = [...(await moduleGraph(renderer ?? ''))];
    expect((await Promise.all(rendererModules.map(isReact))).some(Boolean)).toBe(true);

    const problems: string[] = [];
    const sizes = new Map<string, number>();
    let checked = 0;
    for (const page of pages.filter((item) => !listedReactPage(pagePath(item.path)))) {
      if (islandsOf(page.html).length > 0) problems.push(`${page.path}: has a React island`);
      for (const script of runnableScripts(page.html)) {
        checked++;
        const src = attribute(script.tag, 'src');
        if (src === undefined) {
          const size = gzipSize(script.body);
          if (size > budgets.smallScriptGzipBytes) problems.push(`${page.path}: inline script of ${size} bytes gzip`);
          continue;
        }
        if (!src.startsWith('/_astro/')) {
          problems.push(`${page.path}: script from ${src}`);
          continue;
        }
        const graph = await moduleGraph(src);
        const react: string[] = [];
        for (const url of graph) if (await isReact(url)) react.push(url);
        if (react.length > 0) problems.push(`${page.path}: ${src} loads the React runtime (${react.join(', ')})`);
        let size = sizes.get(src);
        if (size === undefined) {
          size = 0;
          for (const url of graph) size += gzipSize(await readFile(join(outDir, url)));
          sizes.set(src, size);
        }
        if (size > budgets.smallScriptGzipBytes) problems.push(`${page.path}: ${src} is ${size} bytes gzip with its imports`);
      }
    }
    console.log(`small scripts on pages without React (bytes gzip with imports): ${JSON.stringify(Object.fromEntries(sizes))}`);
    expect(checked).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it(`every island's own code is at most ${budgets.islandGzipBytes / 1024} KB gzip, the shared runtime at most ${budgets.islandRuntimeGzipBytes / 1024} KB`, async () => {
    const islands = new Map<string, string>();
    const runtimes = new Set<string>();
    for (const page of pages) {
      for (const tag of islandsOf(page.html)) {
        const component = attribute(tag, 'component-url');
        const renderer = attribute(tag, 'renderer-url');
        expect(component, page.path).toBeDefined();
        if (component) islands.set(component, page.path);
        if (renderer) runtimes.add(renderer);
      }
    }
    // Shared code, downloaded once and cached across pages: the framework renderer and anything two islands import.
    const runtimeModules = new Set<string>();
    for (const renderer of runtimes) for (const url of await moduleGraph(renderer)) runtimeModules.add(url);
    const graphs = new Map<string, Set<string>>();
    for (const component of islands.keys()) graphs.set(component, await moduleGraph(component));
    const users = new Map<string, number>();
    for (const graph of graphs.values()) for (const url of graph) users.set(url, (users.get(url) ?? 0) + 1);
    for (const [url, count] of users) if (count > 1) runtimeModules.add(url);
    const runtimeSize = (await Promise.all([...runtimeModules].map(async (url) => gzipSize(await readFile(join(outDir, url)))))).reduce((a, b) => a + b, 0);
    expect(runtimeSize).toBeLessThanOrEqual(budgets.islandRuntimeGzipBytes);

    const sizes: Record<string, number> = {};
    for (const [component, graph] of graphs) {
      let size = 0;
      for (const url of graph) if (!runtimeModules.has(url)) size += gzipSize(await readFile(join(outDir, url)));
      sizes[component] = size;
    }
    expect(Object.keys(sizes).length).toBeGreaterThan(0);
    for (const [component, size] of Object.entries(sizes)) expect(size, component).toBeLessThanOrEqual(budgets.islandGzipBytes);
  });

  it(`every page's HTML is at most ${budgets.pageHtmlGzipBytes / 1024} KB gzip`, () => {
    const oversized = pages.map((page) => ({ path: page.path, gzip: gzipSize(page.html) })).filter((page) => page.gzip > budgets.pageHtmlGzipBytes);
    expect(oversized).toEqual([]);
  });

  it('requests nothing from other origins: scripts, styles, images, media and frames are all local', () => {
    const external: string[] = [];
    for (const page of pages) {
      for (const match of page.html.matchAll(/<(script|link|img|source|iframe|video|audio|embed|object)\b[^>]*>/gi)) {
        const tag = match[0];
        if (match[1]?.toLowerCase() === 'link' && !/\brel\s*=\s*["']?(stylesheet|preload|modulepreload|icon|manifest|prefetch|preconnect|dns-prefetch)/i.test(tag)) continue;
        for (const name of ['src', 'href', 'srcset', 'data', 'poster']) {
          const value = attribute(tag, name);
          if (value !== undefined && /^\s*(https?:)?\/\//i.test(value)) external.push(`${page.path}: ${tag.slice(0, 120)}`);
        }
      }
      for (const match of page.html.matchAll(/url\(\s*["']?((?:https?:)?\/\/[^"')]+)/gi)) external.push(`${page.path}: url(${match[1]})`);
    }
    expect(external).toEqual([]);
  });

  it('sizes every image and loads it lazily', () => {
    const problems: string[] = [];
    let seen = 0;
    for (const page of pages) {
      for (const match of page.html.matchAll(/<img\b[^>]*>/gi)) {
        seen++;
        const tag = match[0];
        if (!hasAttribute(tag, 'width') || !hasAttribute(tag, 'height')) problems.push(`${page.path}: no width/height: ${tag.slice(0, 120)}`);
        if (attribute(tag, 'loading') !== 'lazy') problems.push(`${page.path}: not loading="lazy": ${tag.slice(0, 120)}`);
      }
    }
    expect(problems).toEqual([]);
    // The fixture's readings page carries an image (site/fixtures/site-export.json): a check over no image proves nothing.
    expect(seen).toBeGreaterThan(0);
  });
});
