import { pageSearchSource } from '../../../search/page-source';
import { searchEngine } from '../../../search/engine';
import { searchIndexHooks } from '../../../search/search-source';

/** Keeps the search index in step with the published pages, right after each save or delete. */
export const pageSearchHooks = searchIndexHooks(pageSearchSource, searchEngine);
