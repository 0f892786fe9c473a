import type { APIRoute } from 'astro';
import { loadSiteExport } from '../lib/export';
import { siteMapEntries, sitemapXml } from '../lib/site-map';

/** Every page of the site for search engines (and for the accessibility sweeps, which visit every template of it). */
export const GET: APIRoute = async ({ site }) => {
  const data = await loadSiteExport();
  return new Response(sitemapXml(siteMapEntries(data), (site ?? new URL('http://localhost/')).href), {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  });
};
