import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload';
import { searchEngine, syncFaqEntry } from '../../../search/engine';

/** Keeps the search index in step with what is published, right after each save. */
export const syncFaqToSearch: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (req.context.skipSearchSync) return doc;
  try {
    await syncFaqEntry(req.payload, doc.id, previousDoc?.slug);
  } catch (error) {
    // The save itself succeeded; the next full re-index (at start) repairs the index.
    req.payload.logger.error({ err: error, faqId: doc.id }, 'search index update failed');
  }
  return doc;
};

/** Removes a deleted entry from the search index. */
export const removeFaqFromSearch: CollectionAfterDeleteHook = async ({ doc, req }) => {
  try {
    await searchEngine().remove([doc.slug]);
  } catch (error) {
    req.payload.logger.error({ err: error, faqId: doc.id }, 'search index removal failed');
  }
  return doc;
};
