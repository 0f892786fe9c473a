import type { ExportNews } from '@portal/core/site-export';

/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char]!);
}

/** RSS 2.0 feed of the news, newest first; `link(slug)` gives each item's absolute URL. */
export function newsRss(options: { title: string; siteUrl: string; feedUrl: string; items: readonly ExportNews[]; link: (slug: string) => string }): string {
  const items = [...options.items]
    .sort((a, b) => b.date.localeCompare(a.date))
    .map((item) => {
      const url = options.link(item.slug);
      // Noon UTC keeps the calendar date the same in every Russian time zone.
      const pubDate = new Date(`${item.date}T12:00:00Z`).toUTCString();
      return `    <item>\n      <title>${escapeXml(item.title)}</title>\n      <link>${escapeXml(url)}</link>\n      <guid isPermaLink="true">${escapeXml(url)}</guid>\n      <pubDate>${pubDate}</pubDate>\n      <description>${escapeXml(item.summary)}</description>\n    </item>`;
    });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">\n  <channel>\n    <title>${escapeXml(options.title)}</title>\n    <link>${escapeXml(options.siteUrl)}</link>\n    <atom:link href="${escapeXml(options.feedUrl)}" rel="self" type="application/rss+xml" />\n    <description>${escapeXml(options.title)}</description>\n    <language>ru</language>\n${items.join('\n')}\n  </channel>\n</rss>\n`;
}
