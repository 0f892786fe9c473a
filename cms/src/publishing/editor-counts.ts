import type { CollectionSlug, Payload } from 'payload';

/** Documents of one collection whose latest version is a draft: new ones never published, and edits not yet published. */
export interface DraftCount {
  collection: string;
  label: string;
  count: number;
}

/**
 * Drafts waiting for an editor, per public collection (every collection with drafts, so a new one is counted without
 * changes here): documents whose latest version is a draft.
 */
export async function draftsWaiting(payload: Payload): Promise<DraftCount[]> {
  const collections = payload.config.collections.filter((collection) => collection.versions && typeof collection.versions === 'object' && collection.versions.drafts);
  const counts = await Promise.all(
    collections.map(async (collection) => {
      const { totalDocs } = await payload.countVersions({
        collection: collection.slug as CollectionSlug,
        where: { and: [{ latest: { equals: true } }, { 'version._status': { equals: 'draft' } }] },
        overrideAccess: true,
      });
      const plural = collection.labels?.plural;
      return { collection: collection.slug, label: typeof plural === 'string' ? plural : collection.slug, count: totalDocs };
    }),
  );
  return counts.filter((row) => row.count > 0);
}
