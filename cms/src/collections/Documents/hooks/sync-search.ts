import { documentSearchSource } from '../../../search/document-source';
import { searchEngine } from '../../../search/engine';
import { searchIndexHooks } from '../../../search/search-source';

/** Keeps the search index in step with the published documents, right after each save or delete. */
export const documentSearchHooks = searchIndexHooks(documentSearchSource, searchEngine);
