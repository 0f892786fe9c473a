import type { APIRoute, GetStaticPaths } from 'astro';
import { REDIRECTS_FILE } from '@portal/core/redirects';
import { loadSiteExport } from '../lib/export';

/**
 * Writes the redirects managed in the CMS into the build as `_redirects.json`, next to the pages it belongs to, so the
 * public server answers old addresses with 301 from the same folder it serves (it never talks to the CMS database).
 * A route parameter is used because Astro skips page files whose names start with `_`.
 */
export const getStaticPaths: GetStaticPaths = () => [{ params: { redirects: REDIRECTS_FILE.replace(/\.json$/, '') } }];

export const GET: APIRoute = async () => {
  const data = await loadSiteExport();
  return new Response(JSON.stringify(data.redirects), { headers: { 'Content-Type': 'application/json' } });
};
