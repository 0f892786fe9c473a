import type { Audience } from '@portal/core/audience';
import { summarizeWeeklyHours, type WeeklyHours } from '@portal/core/office-hours';
import { officePath } from '@portal/core/site-paths';
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

/** The fields of an office or payment point that search needs, whatever its source (CMS record or demo YAML). */
export interface OfficeForSearch {
  slug: string;
  kind: 'office' | 'payment-point';
  name: string;
  /** Town or village; shown next to the hit and searched. */
  settlement: string;
  address: string;
  /** Regular weekly hours, summarised into the text («пн–пт 9:00–18:00, перерыв 13:00–13:45»). */
  weekly: WeeklyHours;
  services: readonly string[];
  /** Ways to pay there («касса без комиссии»): what people look for when they search for a payment point. */
  payment: readonly string[];
}

/**
 * Maps an office or payment point to the document both engines index: the name is the title, the settlement
 * stands where a topic would, and the address, hours, services and ways to pay are the text. The hit links to
 * the place's own page (the same path rule the site builds it with). Offices are for everyone.
 */
export function officeToSearchDocument(office: OfficeForSearch): SearchDocument {
  const hours = summarizeWeeklyHours(office.weekly);
  const parts = [
    // The address ends a sentence, so the snippet does not run it into the hours («д. 47 Часы работы»).
    tidy(office.address).replace(/([^.])$/, '$1.'),
    hours && `Часы работы: ${hours}.`,
    office.services.length > 0 && `Услуги: ${office.services.join('; ')}.`,
    office.payment.length > 0 && `Оплата: ${office.payment.join('; ')}.`,
  ];
  return {
    id: searchDocumentId(office.kind, office.slug),
    type: office.kind,
    url: officePath(office),
    question: tidy(office.name),
    answerText: tidy(parts.filter(Boolean).join(' ')),
    topic: '',
    topicTitle: tidy(office.settlement),
    audience: 'all',
  };
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
