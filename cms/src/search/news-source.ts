import { newsToSearchDocument, searchDocumentId, type SearchDocumentInput } from '@portal/search';
import { COLLECTIONS } from '../slugs';
import { answerToText } from './faq-source';
import type { SearchSource } from './search-source';

/** The fields of a stored news item the index needs. */
export interface NewsLike {
  id: number | string;
  slug?: string | null;
  title?: string | null;
  /** Outages (`planned-outage`, `emergency-outage`) become their own result type. */
  type?: string | null;
  /** Territories, populated (depth 1); an unpopulated id (a deleted territory) is skipped. */
  settlements?: (number | string | { name?: string | null })[] | null;
  summary?: string | null;
  period?: string | null;
  body?: unknown;
  _status?: string | null;
}

/**
 * News as a search source: published items, id `news_<slug>`, for everyone (news has no audience); the
 * mapping is `newsToSearchDocument` of the search module (outages with their settlements and period).
 */
export const newsSearchSource: SearchSource<NewsLike> = {
  collection: COLLECTIONS.news,
  drafts: true,
  depth: 1,
  toSearchDocument: (doc): SearchDocumentInput | null => {
    if (!doc.slug || !doc.title) return null;
    return newsToSearchDocument({
      slug: doc.slug,
      title: doc.title,
      type: doc.type,
      summary: doc.summary,
      period: doc.period,
      settlements: (doc.settlements ?? []).map((row) => (row && typeof row === 'object' ? (row.name ?? '') : '')).filter(Boolean),
      bodyText: answerToText(doc.body),
    });
  },
  searchId: (doc) => (doc.slug ? searchDocumentId('news', doc.slug) : null),
};
