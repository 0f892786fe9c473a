import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSite } from '../scripts/lib/stack';

/** Transfer size (gzip) of one page: its HTML, the stylesheets it links and the island scripts it loads. */
export interface PageWeight {
  path: string;
  html: number;
  css: number;
  js: number;
}

/** What a static build costs: time, pages written, and the weight of typical pages. */
export interface SiteBuildFigures {
  buildMs: number;
  pages: number;
  weights: PageWeight[];
}

const gz = (file: string) => gzipSync(fs.readFileSync(file)).length;

/**
 * Rebuilds the site from the running CMS and weighs the home, tariffs, an office and a news page.
 * JavaScript counts the island entry modules and renderer a page references (shared chunks they import are
 * not followed, so the figure is a lower bound).
 */
export async function siteBuildFigures(varDir: string, cmsUrl: string, siteUrl: string, samples: string[]): Promise<SiteBuildFigures> {
  const started = Date.now();
  const outDir = await buildSite(varDir, cmsUrl, siteUrl);
  const buildMs = Date.now() - started;
  const pages = fs.readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.html')).length;
  const weights = samples.map((page) => {
    const html = fs.readFileSync(path.join(outDir, page, 'index.html'), 'utf8');
    const assets = (pattern: RegExp) => [...new Set([...html.matchAll(pattern)].map((match) => match[1]!))].filter((href) => href.startsWith('/'));
    const sum = (hrefs: string[]) => hrefs.reduce((total, href) => total + gz(path.join(outDir, decodeURIComponent(href))), 0);
    return {
      path: page,
      html: gzipSync(html).length,
      css: sum(assets(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)),
      js: sum([...assets(/component-url="([^"]+)"/g), ...assets(/renderer-url="([^"]+)"/g), ...assets(/<script[^>]*src="([^"]+)"/g)]),
    };
  });
  return { buildMs, pages, weights };
}
