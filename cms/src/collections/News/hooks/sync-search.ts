import { newsSearchSource } from '../../../search/news-source';
import { searchEngine } from '../../../search/engine';
import { searchIndexHooks } from '../../../search/search-source';

/** Keeps the search index in step with the published news, right after each save or delete. */
export const newsSearchHooks = searchIndexHooks(newsSearchSource, searchEngine);
