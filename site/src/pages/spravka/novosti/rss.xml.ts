import type { APIRoute } from 'astro';
import { loadSiteExport } from '../../../lib/export';
import { newsRss } from '../../../lib/rss';
import { NEWS_PATH, NEWS_RSS_PATH, newsPath } from '../../../lib/urls';

/** RSS feed of the news. */
export const GET: APIRoute = async ({ site }) => {
  const data = await loadSiteExport();
  const base = site ?? new URL('http://localhost/');
  const xml = newsRss({
    title: `Новости — ${data.company.shortName}`,
    siteUrl: new URL(NEWS_PATH, base).href,
    feedUrl: new URL(NEWS_RSS_PATH, base).href,
    items: data.news,
    link: (slug) => new URL(newsPath(slug), base).href,
  });
  return new Response(xml, { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
};
