import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchContext } from '../context';
import { summarize } from '../../scripts/lib/stats';

const gzip = (data: Buffer | string) => gzipSync(data, { level: 9 }).byteLength;

/** Bench module: weights of the current site build: HTML per page, JavaScript per page, CSS and all assets. */
export async function run(ctx: BenchContext): Promise<Record<string, unknown>> {
  ctx.log('page weights of the current build…');
  const root = fs.realpathSync(path.join(ctx.varDir, 'site', 'current'));
  const files = fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  const htmlGzip: number[] = [];
  const jsPerPage: number[] = [];
  let pagesWithScripts = 0;
  for (const entry of files.filter((e) => e.name.endsWith('.html'))) {
    const html = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    htmlGzip.push(gzip(html));
    // Scripts the page loads itself (islands load their component modules from <astro-island> attributes).
    const urls = new Set<string>();
    for (const match of html.matchAll(/(?:component-url|renderer-url|src)="(\/_astro\/[^"]+\.js)"/g)) if (match[1]) urls.add(match[1]);
    const inline = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].reduce((sum, m) => sum + gzip(m[1] ?? ''), 0);
    const bytes = inline + [...urls].reduce((sum, url) => sum + gzip(fs.readFileSync(path.join(root, url))), 0);
    if (bytes > 0) pagesWithScripts += 1;
    jsPerPage.push(bytes);
  }
  const assets = (ext: string) =>
    files.filter((e) => e.name.endsWith(ext) && e.parentPath.includes('_astro')).reduce((sum, e) => sum + gzip(fs.readFileSync(path.join(e.parentPath, e.name))), 0);
  return {
    pages: htmlGzip.length,
    pagesWithScripts,
    htmlGzipBytes: summarize(htmlGzip),
    entryJsGzipBytesPerPage: summarize(jsPerPage),
    allJsGzipBytes: assets('.js'),
    allCssGzipBytes: assets('.css'),
  };
}
