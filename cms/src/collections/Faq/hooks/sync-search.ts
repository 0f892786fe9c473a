import { faqSearchSource } from '../../../search/faq-source';
import { searchEngine } from '../../../search/engine';
import { searchIndexHooks } from '../../../search/search-source';

/** Keeps the search index in step with the published FAQ, right after each save or delete. */
export const faqSearchHooks = searchIndexHooks(faqSearchSource, searchEngine);
