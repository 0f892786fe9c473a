import { loadFaq, loadRelevanceQueries, loadTopics, type RelevanceQuery } from '@portal/content';
import type { SearchDocument } from '../src/contract';
import { faqToSearchDocument } from '../src/index-sync';
import { markdownToText } from '../src/markdown-to-text';

/** The demo FAQ from `content/`, as search documents (Markdown answers turned into plain text). */
export function loadDemoSearchDocuments(): SearchDocument[] {
  const titles = new Map(loadTopics().map((topic) => [topic.slug, topic.title]));
  return loadFaq().map((faq) => {
    const topicTitle = titles.get(faq.topic);
    if (topicTitle === undefined) throw new Error(`FAQ ${faq.slug}: unknown topic ${faq.topic}`);
    return faqToSearchDocument({ ...faq, answerText: markdownToText(faq.answer) }, topicTitle);
  });
}

/** The relevance set from `content/relevance/queries.yaml`. */
export function loadDemoRelevanceQueries(): RelevanceQuery[] {
  return loadRelevanceQueries();
}
