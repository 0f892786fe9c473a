import type { APIRoute } from 'astro';
import { SITEMAP_XML_PATH } from '../lib/urls';

/** Lets crawlers in everywhere except the API, and points them at the sitemap. */
export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL(SITEMAP_XML_PATH, site ?? 'http://localhost/').href;
  return new Response(`User-agent: *\nDisallow: /api/\n\nSitemap: ${sitemap}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
