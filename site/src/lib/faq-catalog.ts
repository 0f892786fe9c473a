import type { ExportFaq, ExportTopic, SiteExport } from '@portal/core/site-export';

/** A topic with its FAQ entries, as listed on the FAQ pages. */
export interface TopicWithEntries {
  topic: ExportTopic;
  entries: ExportFaq[];
}

/** Topics in display order: by `order`, then by title (Russian collation) for equal orders. */
export function sortTopics(topics: readonly ExportTopic[]): ExportTopic[] {
  return [...topics].sort((a, b) => a.order - b.order || a.title.localeCompare(b.title, 'ru'));
}

/**
 * Every topic in display order with its entries sorted by question. Topics without entries stay
 * in the list so their pages (linked from the home page and the form) exist and say so.
 */
export function groupFaqByTopic(data: Pick<SiteExport, 'topics' | 'faq'>): TopicWithEntries[] {
  return sortTopics(data.topics).map((topic) => ({
    topic,
    entries: data.faq
      .filter((entry) => entry.topic === topic.slug)
      .sort((a, b) => a.question.localeCompare(b.question, 'ru')),
  }));
}

/** Formats an ISO timestamp as a Russian date («10 февраля 2026 г.») in the company's time zone. */
export function formatDateRu(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(date);
}
