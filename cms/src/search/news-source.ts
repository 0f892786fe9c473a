import { newsPath } from '@portal/core/site-paths';
import { searchDocumentId, type SearchDocumentInput } from '@portal/search';
import { COLLECTIONS } from '../slugs';
import { answerToText } from './faq-source';
import type { SearchSource } from './search-source';

/** The fields of a stored news item the index needs. */
export interface NewsLike {
  id: number | string;
  slug?: string | null;
  title?: string | null;
  summary?: string | null;
  period?: string | null;
  body?: unknown;
  _status?: string | null;
}

/** News as a search source: published items, id `news_<slug>`, for everyone (news has no audience). */
export const newsSearchSource: SearchSource<NewsLike> = {
  collection: COLLECTIONS.news,
  drafts: true,
  depth: 0,
  toSearchDocument: (doc): SearchDocumentInput | null => {
    if (!doc.slug || !doc.title) return null;
    return {
      id: searchDocumentId('news', doc.slug),
      type: 'news',
      url: newsPath(doc.slug),
      question: doc.title,
      answerText: [doc.summary ?? '', doc.period ?? '', answerToText(doc.body)].filter(Boolean).join(' '),
      topic: '',
      topicTitle: '',
      audience: 'all',
    };
  },
  searchId: (doc) => (doc.slug ? searchDocumentId('news', doc.slug) : null),
};
