import type { SearchDocumentType } from './contract';

// No zod here: the site's search island imports this module, and its bundle stays small.

/** What a hit is, shown next to it on the search page («Новость», «Документ»…). */
export const SEARCH_TYPE_LABELS: Readonly<Record<SearchDocumentType, string>> = {
  faq: 'Вопрос-ответ',
  page: 'Страница',
  news: 'Новость',
  document: 'Документ',
};

/** The type filter of the search page, in display order; `''` searches everything. */
export const SEARCH_TYPE_FILTER_OPTIONS: readonly { value: '' | SearchDocumentType; label: string }[] = [
  { value: '', label: 'Везде' },
  { value: 'faq', label: 'Вопросы и ответы' },
  { value: 'page', label: 'Страницы' },
  { value: 'news', label: 'Новости' },
  { value: 'document', label: 'Документы' },
];
