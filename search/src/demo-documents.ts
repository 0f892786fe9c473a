// The demo content of `content/` as search documents, for the relevance set, its tests and the bench. Not
// exported from the package index: `@portal/content` is a dev dependency, so only tests and bench load this.
import { loadDocuments, loadFaq, loadNews, loadOffices, loadPages, loadRelevanceQueries, loadTariffPeriods, loadTopics, placePageSeeds, type RelevanceQuery } from '@portal/content';
import { documentPath } from '@portal/core/site-paths';
import type { SearchDocument, SearchHit } from './contract';
import { faqToSearchDocument, newsToSearchDocument, officeToSearchDocument, searchDocumentId, tariffPeriodToSearchDocument } from './index-sync';
import { markdownToText } from './markdown-to-text';

/** The demo FAQ from `content/`, as search documents (Markdown answers turned into plain text). */
export function loadDemoFaqDocuments(): SearchDocument[] {
  const titles = new Map(loadTopics().map((topic) => [topic.slug, topic.title]));
  return loadFaq().map((faq) => {
    const topicTitle = titles.get(faq.topic);
    if (topicTitle === undefined) throw new Error(`FAQ ${faq.slug}: unknown topic ${faq.topic}`);
    return faqToSearchDocument({ ...faq, answerText: markdownToText(faq.answer) }, topicTitle);
  });
}

const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Pages, news, documents, offices and payment points of the demo content, mapped the way the CMS sources map
 * them (cms/src/search/*-source.ts): title, summary and body text, the site address. Page ids here use
 * the path (the CMS uses the database id, which the demo content does not have).
 */
export function loadDemoSiteDocuments(): SearchDocument[] {
  const pages = placePageSeeds(loadPages()).map(({ page, path }): SearchDocument => ({
    id: searchDocumentId('page', path.split('/').filter(Boolean).join('_')),
    type: 'page',
    url: path,
    question: page.title,
    answerText: tidy(`${page.summary} ${markdownToText(page.body)}`),
    topic: '',
    topicTitle: '',
    audience: page.audience,
  }));
  const news = loadNews().map((item) =>
    newsToSearchDocument({ ...item, summary: item.summary, bodyText: markdownToText(item.body) }),
  );
  const documents = loadDocuments().map((doc): SearchDocument => ({
    id: searchDocumentId('document', doc.slug),
    type: 'document',
    url: documentPath(doc.slug),
    question: doc.title,
    answerText: tidy([doc.description, ...doc.versions.map((version) => version.note)].filter(Boolean).join(' ')),
    topic: '',
    topicTitle: '',
    audience: doc.audience,
  }));
  const offices = loadOffices().map((office) =>
    officeToSearchDocument({ ...office, weekly: office.schedule.weekly, schedule: office.schedule }),
  );
  const tariffs = loadTariffPeriods().map((period) => tariffPeriodToSearchDocument(period));
  return [...pages, ...news, ...documents, ...offices, ...tariffs];
}

/** Everything the demo site makes searchable: the FAQ, then pages, news, documents, offices and payment points. */
export function loadDemoSearchDocuments(): SearchDocument[] {
  return [...loadDemoFaqDocuments(), ...loadDemoSiteDocuments()];
}

/** The relevance set from `content/relevance/queries.yaml`. */
export function loadDemoRelevanceQueries(): RelevanceQuery[] {
  return loadRelevanceQueries();
}

/** How the relevance set names a hit: FAQ entries by slug (their id), everything else by its site path. */
export function relevanceKey(hit: Pick<SearchHit, 'type' | 'id' | 'url'>): string {
  return hit.type === 'faq' ? hit.id : hit.url;
}
