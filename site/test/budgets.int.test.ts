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
  /** JavaScript a page without islands may ship (inline or external): 0. */
  contentPageScriptBytes: z.number().int().min(0),
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

const islandsOf = (html: string) => [...html.matchAll(/<astro-island\b[^>]*>/g)].map((match) => match[0]);

describe('page budgets of the built site (limits from package.json "budgets")', () => {
  it('builds pages to check', () => {
    expect(pages.length).toBeGreaterThan(10);
  });

  it(`content pages ship ${budgets.contentPageScriptBytes} bytes of JavaScript`, () => {
    const offenders = pages
      .filter((page) => islandsOf(page.html).length === 0)
      .map((page) => ({ path: page.path, bytes: [...page.html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)].reduce((sum, m) => sum + Buffer.byteLength(m[0]), 0) }))
      .filter((page) => page.bytes > budgets.contentPageScriptBytes);
    expect(offenders).toEqual([]);
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
    for (const page of pages) {
      for (const match of page.html.matchAll(/<img\b[^>]*>/gi)) {
        const tag = match[0];
        if (!hasAttribute(tag, 'width') || !hasAttribute(tag, 'height')) problems.push(`${page.path}: no width/height: ${tag.slice(0, 120)}`);
        if (attribute(tag, 'loading') !== 'lazy') problems.push(`${page.path}: not loading="lazy": ${tag.slice(0, 120)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
