import type { Audience } from '@portal/core/audience';
import type { SearchDocument, SearchDocumentType } from './contract';

/** The fields of a FAQ entry that search needs, whatever its source (CMS record or demo YAML). */
export interface FaqForSearch {
  /** FAQ slug; becomes the search document id. */
  slug: string;
  /** The question. */
  question: string;
  /** The answer as plain text (see `markdownToText` for Markdown answers). */
  answerText: string;
  /** Topic slug. */
  topic: string;
  /** Who the entry is for. */
  audience: Audience;
}

/**
 * Maps a FAQ entry and its topic title to the document both engines index.
 * Whitespace is tidied so snippets do not show stray line breaks.
 */
export function faqToSearchDocument(faq: FaqForSearch, topicTitle: string): SearchDocument {
  return {
    id: faq.slug,
    type: 'faq',
    url: faqEntryUrl(faq.topic, faq.slug),
    question: tidy(faq.question),
    answerText: tidy(faq.answerText),
    topic: faq.topic,
    topicTitle: tidy(topicTitle),
    audience: faq.audience,
  };
}

/**
 * Public path of a FAQ entry; the same rule as `faqEntryPath` in site/src/lib/urls.ts, which builds
 * the pages (a site test checks that both agree).
 */
export function faqEntryUrl(topic: string, slug: string): string {
  return `/faq/${encodeURIComponent(topic)}/${encodeURIComponent(slug)}/`;
}

/**
 * Search document id of an item of a non-FAQ collection: `page_<slug>`, `news_<slug>`… FAQ entries
 * keep their bare slug; slugs never contain `_`, so ids of different types cannot collide.
 */
export function searchDocumentId(type: Exclude<SearchDocumentType, 'faq'>, slug: string): string {
  return `${type}_${slug}`;
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
