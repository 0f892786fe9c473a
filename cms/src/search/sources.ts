import { documentSearchSource } from './document-source';
import { faqSearchSource } from './faq-source';
import { newsSearchSource } from './news-source';
import { officeSearchSource } from './office-source';
import { pageSearchSource } from './page-source';
import type { SearchSource } from './search-source';
import { tariffSearchSource } from './tariff-source';

/**
 * Every collection that feeds the search index; full re-indexing reads them all. To make a new
 * collection searchable: write its `SearchSource` (see faq-source.ts), add it here, and spread
 * `searchIndexHooks(source, searchEngine)` into the collection's hooks.
 */
export const SEARCH_SOURCES: readonly SearchSource<never>[] = [
  faqSearchSource,
  pageSearchSource,
  newsSearchSource,
  documentSearchSource,
  officeSearchSource,
  tariffSearchSource,
] as unknown as SearchSource<never>[];
