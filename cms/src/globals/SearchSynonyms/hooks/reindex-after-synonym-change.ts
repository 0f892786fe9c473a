import type { GlobalAfterChangeHook } from 'payload';
import { rebuildSearchIndex } from '../../../search/engine';

/** Synonyms change the indexed terms of every document: rebuild the whole index with the new list. */
export const reindexAfterSynonymChange: GlobalAfterChangeHook = async ({ doc, req }) => {
  if (req.context.seeding) return doc;
  try {
    await rebuildSearchIndex(req.payload);
  } catch (error) {
    // The synonyms are saved; the next start or `npm run reindex` applies them.
    req.payload.logger.error({ err: error }, 'search re-index after synonym change failed');
  }
  return doc;
};
