import { searchEngine } from '../../../search/engine';
import { searchIndexHooks } from '../../../search/search-source';
import { tariffSearchSource } from '../../../search/tariff-source';

/** Keeps the search index in step with the published tariff periods, right after each save or delete. */
export const tariffSearchHooks = searchIndexHooks(tariffSearchSource, searchEngine);
