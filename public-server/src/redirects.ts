import { readFileSync } from 'node:fs';
import path from 'node:path';
import { normalizeSitePath, REDIRECTS_FILE, RedirectListSchema, redirectTable } from '@portal/core/redirects';

/** One table per build folder: read once when the folder is first served, then kept until the next swap. */
const cache = new Map<string, Map<string, string>>();

/** The redirects of a site build (its `_redirects.json`), or none when the file is missing or invalid. */
export function redirectsOf(siteDir: string): Map<string, string> {
  const cached = cache.get(siteDir);
  if (cached) return cached;
  let table = new Map<string, string>();
  try {
    const parsed = RedirectListSchema.safeParse(JSON.parse(readFileSync(path.join(siteDir, REDIRECTS_FILE), 'utf8')));
    if (parsed.success) table = redirectTable(parsed.data);
  } catch {
    /* a build without redirects */
  }
  // Old builds are removed after a few swaps; keep the cache as small.
  if (cache.size > 4) cache.delete(cache.keys().next().value as string);
  cache.set(siteDir, table);
  return table;
}

/** A 301 to the new address when the request's path has a redirect, else null. The query string is kept. */
export function redirectResponse(request: Request, siteDir: string): Response | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  const url = new URL(request.url);
  const target = redirectsOf(siteDir).get(normalizeSitePath(url.pathname));
  if (!target) return null;
  const location = target.includes('?') || !url.search ? target : `${target}${url.search}`;
  return new Response(null, { status: 301, headers: { Location: location, 'Cache-Control': 'public, max-age=600' } });
}
