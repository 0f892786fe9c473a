import type { Audience } from '@portal/core/audience';
import type { SearchDocument } from './contract';

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
    question: tidy(faq.question),
    answerText: tidy(faq.answerText),
    topic: faq.topic,
    topicTitle: tidy(topicTitle),
    audience: faq.audience,
  };
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
