import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionSlug, Payload } from 'payload';
import type { SearchDocumentInput } from '@portal/search';

/**
 * How one CMS collection feeds the search index. A collection becomes searchable with one of these
 * (a mapping function and a few facts) plus the hooks from {@link searchIndexHooks}, and by being
 * listed in `SEARCH_SOURCES` (search/sources.ts) so full re-indexing includes it.
 */
export interface SearchSource<Doc = Record<string, unknown>> {
  /** The collection's slug. */
  collection: CollectionSlug;
  /** Whether the collection has drafts: then only published documents are indexed. */
  drafts: boolean;
  /** Depth to read documents with, e.g. 1 when the mapping needs a populated topic. */
  depth: number;
  /** The search document of a stored document, or null when it must not be searchable (e.g. no topic). */
  toSearchDocument(doc: Doc): SearchDocumentInput | null;
  /** The index id a document has (or had): used to remove it after unpublishing, renaming or deleting. */
  searchId(doc: Doc): string | null;
}

/** Every searchable document of one source, as published. */
export async function readSearchDocuments(payload: Payload, source: SearchSource<never>): Promise<SearchDocumentInput[]> {
  const result = await payload.find({
    collection: source.collection,
    ...(source.drafts ? { where: { _status: { equals: 'published' } }, draft: false } : {}),
    depth: source.depth,
    pagination: false,
    overrideAccess: true,
  });
  const docs: SearchDocumentInput[] = [];
  for (const doc of result.docs) {
    const mapped = source.toSearchDocument(doc as never);
    if (mapped) docs.push(mapped);
  }
  return docs;
}

/** What a source's hooks change in the index; the CMS's engine in production, a fake in tests. */
export interface SearchIndexWriter {
  upsert(docs: SearchDocumentInput[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
}

/**
 * Brings one document's index state in line with its published state: indexed when published (with
 * the published text, not a newer draft), removed otherwise. Reading the stored document back makes
 * this correct for publish, unpublish and draft saves alike.
 */
export async function syncSearchDocument(
  payload: Payload,
  source: SearchSource<never>,
  writer: SearchIndexWriter,
  id: number | string,
  previousSearchId: string | null,
): Promise<void> {
  const found = await payload.find({
    collection: source.collection,
    where: { id: { equals: id } },
    depth: source.depth,
    draft: false,
    limit: 1,
    overrideAccess: true,
  });
  const doc = found.docs[0] as never | undefined;
  const currentId = doc ? source.searchId(doc) : null;
  if (previousSearchId && previousSearchId !== currentId) await writer.remove([previousSearchId]);
  const published = doc !== undefined && (!source.drafts || (doc as { _status?: string })._status === 'published');
  const document = doc && published ? source.toSearchDocument(doc) : null;
  if (document) await writer.upsert([document]);
  else if (currentId) await writer.remove([currentId]);
}

/**
 * The afterChange and afterDelete hooks that keep a source's documents in the index right after
 * each save. A failed index update is logged and does not fail the save: the next full re-index
 * (at start, on synonym changes or `npm run reindex`) repairs it. `req.context.skipSearchSync`
 * turns them off for bulk work that re-indexes at the end.
 */
export function searchIndexHooks<Doc>(
  source: SearchSource<Doc>,
  writer: () => SearchIndexWriter,
): { afterChange: CollectionAfterChangeHook; afterDelete: CollectionAfterDeleteHook } {
  const generic = source as unknown as SearchSource<never>;
  return {
    afterChange: async ({ doc, previousDoc, req }) => {
      if (req.context.skipSearchSync) return doc;
      try {
        const previousId = previousDoc && Object.keys(previousDoc).length > 0 ? source.searchId(previousDoc as Doc) : null;
        await syncSearchDocument(req.payload, generic, writer(), doc.id, previousId);
      } catch (error) {
        req.payload.logger.error({ err: error, collection: source.collection, id: doc.id }, 'search index update failed');
      }
      return doc;
    },
    afterDelete: async ({ doc, req }) => {
      try {
        const id = source.searchId(doc as Doc);
        if (id) await writer().remove([id]);
      } catch (error) {
        req.payload.logger.error({ err: error, collection: source.collection, id: doc.id }, 'search index removal failed');
      }
      return doc;
    },
  };
}
