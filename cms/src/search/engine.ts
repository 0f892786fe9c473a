import type { Payload } from 'payload';
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext';
import { createSearchEngine, faqEntryUrl, type SearchDocument, type SearchEngine } from '@portal/search';
import { COLLECTIONS } from '../slugs';

// Next.js may load this module in several bundles of one process (instrumentation, route handlers); the
// engine must be one per process, so it lives on globalThis.
const ENGINE_KEY = Symbol.for('portal.searchEngine');
type GlobalWithEngine = typeof globalThis & { [ENGINE_KEY]?: SearchEngine };

/** The process's search engine: Meilisearch when MEILI_HOST is set, otherwise the embedded one. */
export function searchEngine(): SearchEngine {
  const holder = globalThis as GlobalWithEngine;
  holder[ENGINE_KEY] ??= createSearchEngine(process.env);
  return holder[ENGINE_KEY];
}

interface FaqLike {
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

/** Rebuilds the whole index from the published FAQ: at start and after bulk changes. */
export async function rebuildSearchIndex(payload: Payload): Promise<number> {
  // An entry whose topic was deleted stays unsearchable until an editor gives it a topic again.
  const docs = (await findPublishedFaq(payload)).map(faqToSearchDocument).filter((doc) => doc.topic !== '');
  await searchEngine().replaceAll(docs);
  return docs.length;
}

/**
 * Brings one FAQ entry's index state in line with its published state: indexed when published (with the
 * published text, not a newer draft), removed otherwise. Reading the stored document back makes this
 * correct for publish, unpublish and draft saves alike.
 */
export async function syncFaqEntry(payload: Payload, id: number | string, previousSlug?: string): Promise<void> {
  const found = await payload.find({
    collection: COLLECTIONS.faq,
    where: { id: { equals: id } },
    depth: 1,
    draft: false,
    limit: 1,
    overrideAccess: true,
  });
  const doc = found.docs[0] as unknown as FaqLike | undefined;
  const engine = searchEngine();
  if (previousSlug && previousSlug !== doc?.slug) await engine.remove([previousSlug]);
  const document = doc ? faqToSearchDocument(doc) : undefined;
  if (doc && document && doc._status === 'published' && document.topic !== '') await engine.upsert([document]);
  else if (doc) await engine.remove([doc.slug]);
}
