import type { CollectionAfterChangeHook, Payload } from 'payload';
import { DEFAULT_LETTERS_PER_MINUTE } from '@portal/core/alert-campaign';
import { newsPath } from '@portal/core/site-paths';
import { readCmsEnv } from '../../env';
import { COLLECTIONS } from '../../slugs';
import { kindOfNewsType } from './recipients';

/** How long a campaign from a news item without an expected end (tariff news) may send. */
export const NEWS_CAMPAIGN_DEFAULT_WINDOW_MS = 24 * 60 * 60 * 1000;

interface NotifiableNews {
  id: number | string;
  title: string;
  slug?: string | null;
  summary?: string | null;
  type?: string;
  _status?: string | null;
  /** «Оповестить подписчиков» (branch alerts-public). */
  notifySubscribers?: boolean | null;
  /** The outage's expected end (branch alerts-public). */
  outageEnd?: string | null;
}

/**
 * Publishing an outage or tariff news item marked «оповестить» starts a campaign at once (no approval: the editor's
 * publication is the decision), window from now to the outage's expected end, to the subscribers whose settlements
 * and kinds match. One per news item, even when it is published again or by two processes (unique `newsKey`).
 */
export async function campaignFromNews(payload: Payload, news: NotifiableNews, now = new Date()): Promise<number | string | null> {
  if (news._status !== 'published' || !news.notifySubscribers || !kindOfNewsType(news.type)) return null;
  const newsKey = `news:${news.id}`;
  const existing = await payload.find({ collection: COLLECTIONS.alertCampaigns, where: { newsKey: { equals: newsKey } }, limit: 1, depth: 0, overrideAccess: true });
  if (existing.docs.length > 0) return null;
  const expectedEnd = news.outageEnd ? Date.parse(news.outageEnd) : NaN;
  const end = Number.isFinite(expectedEnd) && expectedEnd > now.getTime() ? expectedEnd : now.getTime() + NEWS_CAMPAIGN_DEFAULT_WINDOW_MS;
  const site = readCmsEnv().SITE_URL.replace(/\/$/, '');
  const link = news.slug ? `\n\nПодробнее: ${site}${newsPath(news.slug)}` : '';
  try {
    const created = await payload.create({
      collection: COLLECTIONS.alertCampaigns,
      overrideAccess: true,
      depth: 0,
      context: { campaignServer: true },
      data: {
        title: `Оповещение: ${news.title}`.slice(0, 200),
        source: 'news',
        news: news.id,
        newsKey,
        state: 'running',
        startAt: now.toISOString(),
        startedAt: now.toISOString(),
        endAt: new Date(end).toISOString(),
        perMinute: DEFAULT_LETTERS_PER_MINUTE,
        subject: news.title,
        body: `${news.summary ?? ''}${link}`,
      } as never,
    });
    return created.id;
  } catch (error) {
    // Another process created it first (unique newsKey).
    const raced = await payload.count({ collection: COLLECTIONS.alertCampaigns, where: { newsKey: { equals: newsKey } }, overrideAccess: true });
    if (raced.totalDocs > 0) return null;
    throw error;
  }
}

/** News afterChange hook: see {@link campaignFromNews}. */
export const startCampaignOnPublish: CollectionAfterChangeHook = async ({ doc, req }) => {
  try {
    await campaignFromNews(req.payload, doc as NotifiableNews);
  } catch (error) {
    req.payload.logger.error({ news: (doc as NotifiableNews).id, err: error instanceof Error ? error.message : String(error) }, 'campaign from a news item not created');
  }
  return doc;
};
