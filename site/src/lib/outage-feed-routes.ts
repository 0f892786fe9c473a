import { plannedOutagesIcs } from '@portal/core/outage-feeds';
import { loadSiteExport } from './export';
import { feedOutages, outagesAtom, outagesRss, siteNow } from './outages';
import { newsPath, OUTAGES_PATH, outagesFeedPath, outagesSettlementPath } from './urls';

type Kind = 'rss.xml' | 'atom.xml' | 'planovye.ics';
const CONTENT_TYPES: Record<Kind, string> = {
  'rss.xml': 'application/rss+xml; charset=utf-8',
  'atom.xml': 'application/atom+xml; charset=utf-8',
  'planovye.ics': 'text/calendar; charset=utf-8',
};

/** The body of one outages feed (all settlements, or one by slug), built from the export at build time. */
export async function outageFeedResponse(kind: Kind, site: URL | undefined, settlement?: string): Promise<Response> {
  const data = await loadSiteExport();
  const base = site ?? new URL('http://localhost/');
  const territory = settlement ? data.territories.find((row) => row.slug === settlement) : undefined;
  const where = territory ? `: ${territory.name}` : '';
  const link = (slug: string) => new URL(newsPath(slug), base).href;
  const pageUrl = new URL(settlement ? outagesSettlementPath(settlement) : OUTAGES_PATH, base).href;
  const feedUrl = new URL(outagesFeedPath(kind, settlement), base).href;
  const timeZone = data.company.timeZone;
  const items = feedOutages(data.news, settlement);
  let body: string;
  if (kind === 'planovye.ics') {
    body = plannedOutagesIcs({ news: items, calendarName: `Плановые отключения${where} — ${data.company.shortName}`, host: base.hostname, stamp: siteNow(timeZone), link });
  } else if (kind === 'atom.xml') {
    body = outagesAtom({ title: `Отключения${where} — ${data.company.shortName}`, feedUrl, pageUrl, items, link, timeZone, updated: siteNow(timeZone) });
  } else {
    body = outagesRss({ title: `Отключения${where} — ${data.company.shortName}`, feedUrl, pageUrl, items, link, timeZone });
  }
  return new Response(body, { headers: { 'content-type': CONTENT_TYPES[kind] } });
}

/** Static paths of the per-settlement feeds. */
export async function settlementFeedPaths() {
  const data = await loadSiteExport();
  return data.territories.map((territory) => ({ params: { settlement: territory.slug } }));
}
