// No zod here: the site's search island imports this module, and its bundle stays small.

/**
 * Kinds of content the search covers. FAQ entries come first for question-like queries; the other
 * collections plug in through a mapping function (see search/README.md).
 */
export const SEARCH_DOCUMENT_TYPES = ['faq', 'page', 'news', 'document', 'office', 'payment-point', 'outage', 'tariff'] as const;
/** One kind of searchable content. */
export type SearchDocumentType = (typeof SEARCH_DOCUMENT_TYPES)[number];

/** What a hit is, shown next to it on the search page («Новость», «Документ», «Офис»…). */
export const SEARCH_TYPE_LABELS: Readonly<Record<SearchDocumentType, string>> = {
  faq: 'Вопрос-ответ',
  page: 'Страница',
  news: 'Новость',
  document: 'Документ',
  office: 'Офис',
  'payment-point': 'Пункт оплаты',
  outage: 'Отключение',
  tariff: 'Тариф',
};

/**
 * The types a type filter value covers: outages are news items with their own result type, so the
 * «Новости» filter keeps finding them.
 */
export function typesOfFilter(type: SearchDocumentType): readonly SearchDocumentType[] {
  return type === 'news' ? ['news', 'outage'] : [type];
}

/** The type filter of the search page, in display order; `''` searches everything. */
export const SEARCH_TYPE_FILTER_OPTIONS: readonly { value: '' | SearchDocumentType; label: string }[] = [
  { value: '', label: 'Везде' },
  { value: 'faq', label: 'Вопросы и ответы' },
  { value: 'page', label: 'Страницы' },
  { value: 'news', label: 'Новости' },
  { value: 'document', label: 'Документы' },
];
