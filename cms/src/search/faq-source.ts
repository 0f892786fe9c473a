import type { Payload } from 'payload';
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext';
import { faqEntryUrl, type SearchDocument } from '@portal/search';
import { COLLECTIONS } from '../slugs';
import type { SearchSource } from './search-source';

/** The fields of a stored FAQ entry the index needs (topic populated, depth ≥ 1). */
export interface FaqLike {
  id: number | string;
  slug: string;
  question: string;
  audience: 'fl' | 'ul' | 'all';
  answer: unknown;
  topic: unknown;
  _status?: string | null;
}

/** Maps a FAQ document (topic populated, depth ≥ 1) to what the search index stores. */
export function faqToSearchDocument(doc: FaqLike): SearchDocument {
  const topic = doc.topic as { slug?: string; title?: string } | null;
  return {
    id: doc.slug,
    type: 'faq',
    url: faqEntryUrl(topic?.slug ?? '', doc.slug),
    question: doc.question,
    answerText: answerToText(doc.answer),
    topic: topic?.slug ?? '',
    topicTitle: topic?.title ?? '',
    audience: doc.audience,
  };
}

/** Plain text of a rich-text answer. */
export function answerToText(answer: unknown): string {
  if (!answer || typeof answer !== 'object') return '';
  return convertLexicalToPlaintext({ data: answer as Parameters<typeof convertLexicalToPlaintext>[0]['data'] })
    .replace(/\s+/g, ' ')
    .trim();
}

/** The FAQ as a search source: published entries with a topic, id = slug. */
export const faqSearchSource: SearchSource<FaqLike> = {
  collection: COLLECTIONS.faq,
  drafts: true,
  depth: 1,
  // An entry whose topic was deleted stays unsearchable until an editor gives it a topic again.
  toSearchDocument: (doc) => {
    const document = faqToSearchDocument(doc);
    return document.topic === '' ? null : document;
  },
  searchId: (doc) => (typeof doc.slug === 'string' && doc.slug !== '' ? doc.slug : null),
};

/** All published FAQ entries with their topics, straight from the database (no access filter needed). */
export async function findPublishedFaq(payload: Payload): Promise<FaqLike[]> {
  const result = await payload.find({
    collection: COLLECTIONS.faq,
    where: { _status: { equals: 'published' } },
    depth: 1,
    draft: false,
    pagination: false,
    overrideAccess: true,
  });
  return result.docs as unknown as FaqLike[];
}
