import type { CollectionAfterChangeHook } from 'payload';
import { pageSearchSource } from '../../../search/page-source';
import { searchEngine } from '../../../search/engine';
import { searchIndexHooks, syncSearchDocument, type SearchSource } from '../../../search/search-source';
import { COLLECTIONS } from '../../../slugs';

/** Keeps the search index in step with the published pages, right after each save or delete. */
export const pageSearchHooks = searchIndexHooks(pageSearchSource, searchEngine);

/**
 * A page's address and visibility depend on the sections above it, so when a section is published,
 * unpublished or renamed, the pages below it are brought in line too (found or left out, new address).
 * Failures are logged: the next full re-index repairs them.
 */
export const resyncSubpagesInSearch: CollectionAfterChangeHook = async ({ doc, req }) => {
  if (req.context.skipSearchSync) return doc;
  try {
    const source = pageSearchSource as unknown as SearchSource<never>;
    const seen = new Set([String(doc.id)]);
    let parents: (number | string)[] = [doc.id];
    while (parents.length > 0) {
      const children = await req.payload.find({
        collection: COLLECTIONS.pages,
        where: { parent: { in: parents } },
        depth: 0,
        pagination: false,
        overrideAccess: true,
      });
      parents = [];
      for (const child of children.docs as { id: number | string }[]) {
        if (seen.has(String(child.id))) continue;
        seen.add(String(child.id));
        parents.push(child.id);
        await syncSearchDocument(req.payload, source, searchEngine(), child.id, null);
      }
    }
  } catch (error) {
    req.payload.logger.error({ err: error, id: doc.id }, 'search index update of subpages failed');
  }
  return doc;
};
