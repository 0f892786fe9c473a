import { officeSearchSource } from '../../../search/office-source';
import { searchEngine } from '../../../search/engine';
import { searchIndexHooks } from '../../../search/search-source';

/** Keeps the search index in step with the published offices and payment points, right after each save or delete. */
export const officeSearchHooks = searchIndexHooks(officeSearchSource, searchEngine);
