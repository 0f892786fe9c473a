import type { ExportNews } from '@portal/core/site-export';
import { outageStateLabel, outageWhen, outageWhere } from '@portal/core/outage-feeds';
import { NEWS_TYPE_LABELS } from '@portal/core/site-export';
import { escapeXml } from './rss';
import { readSiteEnv } from './site-env';
import { siteToday } from './today';

/**
 * The instant the build treats as now for the outages page: the real clock, or the start of the pinned
 * `SITE_TODAY` (UTC midnight of that date) in tests and previews, so the journeys see a fixed list.
 */
export function siteNow(timeZone: string, env: { SITE_TODAY?: string | undefined } = readSiteEnv()): Date {
  const pinned = env.SITE_TODAY?.trim();
  if (pinned) return new Date(`${siteToday(timeZone, { SITE_TODAY: pinned })}T00:00:00Z`);
  return new Date();
}

/** The outages of a feed (all structured outages, optionally of one settlement), newest start first, at most 50. */
export function feedOutages(news: readonly ExportNews[], settlement?: string): ExportNews[] {
  return news
    .filter((item) => (item.type === 'planned-outage' || item.type === 'emergency-outage') && item.outageStart)
    .filter((item) => !settlement || item.settlementSlugs.includes(settlement))
    .sort((a, b) => b.outageStart!.localeCompare(a.outageStart!) || a.slug.localeCompare(b.slug))
    .slice(0, 50);
}

/** One line a feed reader shows under the title: kind, state, when and where. */
export function outageFeedText(item: ExportNews, timeZone: string): string {
  const parts = [NEWS_TYPE_LABELS[item.type], outageStateLabel(item.outageState), item.period || outageWhen(item, timeZone), outageWhere(item)].filter(Boolean);
  return `${parts.join('. ')}. ${item.summary}`;
}

/**
 * Atom 1.0 (RFC 4287) of outages: one entry per item, id = its page URL, updated = its start (the build does not know
 * when an editor last changed it; a changed state shows in the title and text).
 */
export function outagesAtom(options: { title: string; feedUrl: string; pageUrl: string; items: readonly ExportNews[]; link: (slug: string) => string; timeZone: string; updated: Date }): string {
  const entries = options.items.map((item) => {
    const url = options.link(item.slug);
    const title = `${item.title} — ${outageStateLabel(item.outageState)}`;
    return `  <entry>\n    <title>${escapeXml(title)}</title>\n    <link href="${escapeXml(url)}" />\n    <id>${escapeXml(url)}</id>\n    <updated>${new Date(item.outageStart!).toISOString()}</updated>\n    <summary>${escapeXml(outageFeedText(item, options.timeZone))}</summary>\n  </entry>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru">\n  <title>${escapeXml(options.title)}</title>\n  <id>${escapeXml(options.feedUrl)}</id>\n  <link rel="self" href="${escapeXml(options.feedUrl)}" />\n  <link href="${escapeXml(options.pageUrl)}" />\n  <updated>${options.updated.toISOString()}</updated>\n  <author><name>${escapeXml(options.title)}</name></author>\n${entries.join('\n')}\n</feed>\n`;
}

/** RSS 2.0 of outages, newest start first; pubDate = the start. */
export function outagesRss(options: { title: string; feedUrl: string; pageUrl: string; items: readonly ExportNews[]; link: (slug: string) => string; timeZone: string }): string {
  const items = options.items.map((item) => {
    const url = options.link(item.slug);
    const title = `${item.title} — ${outageStateLabel(item.outageState)}`;
    return `    <item>\n      <title>${escapeXml(title)}</title>\n      <link>${escapeXml(url)}</link>\n      <guid isPermaLink="true">${escapeXml(url)}</guid>\n      <pubDate>${new Date(item.outageStart!).toUTCString()}</pubDate>\n      <description>${escapeXml(outageFeedText(item, options.timeZone))}</description>\n    </item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">\n  <channel>\n    <title>${escapeXml(options.title)}</title>\n    <link>${escapeXml(options.pageUrl)}</link>\n    <atom:link href="${escapeXml(options.feedUrl)}" rel="self" type="application/rss+xml" />\n    <description>${escapeXml(options.title)}</description>\n    <language>ru</language>\n${items.join('\n')}\n  </channel>\n</rss>\n`;
}
