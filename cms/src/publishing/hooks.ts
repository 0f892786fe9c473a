import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, CollectionSlug, GlobalAfterChangeHook, Payload, PayloadRequest } from 'payload';
import { requestSiteBuild } from './site-build';

type Status = 'draft' | 'published' | null | undefined;
const statusOf = (doc: unknown): Status => (doc as { _status?: Status } | null | undefined)?._status;

/** Seeding and other bulk imports build the site once at the end instead of per document. */
const skipped = (context: Record<string, unknown>): boolean => Boolean(context.seeding || context.skipSiteBuild);

async function request(payload: Payload, reason: string): Promise<void> {
  try {
    await requestSiteBuild(payload, reason);
  } catch (error) {
    // The change itself is saved; the next change or a restart requests the build again.
    payload.logger.error({ err: error }, 'site rebuild could not be requested');
  }
}

const contextKey = (collection: string, id: unknown) => `portal.wasPublished:${collection}:${String(id)}`;

/** Whether the document's main (published) row is published right now, whatever drafts sit on top of it. */
async function mainRowPublished(req: PayloadRequest, collection: string, id: number | string): Promise<boolean> {
  const stored = await req.payload.findByID({ collection: collection as CollectionSlug, id, draft: false, depth: 0, overrideAccess: true, disableErrors: true });
  return statusOf(stored) === 'published';
}

/**
 * Remembers, before an update, whether the document was on the site. Hooks after the change compare it with the
 * new state: `previousDoc` cannot tell, since it is the latest draft when one exists.
 */
export const rememberPublishedState: CollectionBeforeChangeHook = async ({ collection, operation, originalDoc, req, data }) => {
  if (operation === 'update' && collection.versions?.drafts && originalDoc?.id !== undefined) {
    req.context[contextKey(collection.slug, originalDoc.id)] = await mainRowPublished(req, collection.slug, originalDoc.id);
  }
  return data;
};

/** What a save did to the public site: published, unpublished, or nothing public (a draft). */
export async function publicEffect(req: PayloadRequest, collection: { slug: string; versions?: { drafts?: unknown } | null }, doc: { id: number | string; _status?: Status }, operation: 'create' | 'update'): Promise<'publish' | 'unpublish' | 'draft' | 'save'> {
  if (!collection.versions?.drafts) return 'save';
  if (statusOf(doc) === 'published') return 'publish';
  const was = operation === 'update' && req.context[contextKey(collection.slug, doc.id)] === true;
  if (was && !(await mainRowPublished(req, collection.slug, doc.id))) return 'unpublish';
  return 'draft';
}

/**
 * Requests a site rebuild when a change reaches what the public sees: a publish (first or again), an unpublish, or
 * any save of a collection without drafts. A draft saved over a published document changes nothing public and is
 * skipped.
 */
export const rebuildSiteAfterChange: CollectionAfterChangeHook = async ({ collection, doc, operation, req }) => {
  if (skipped(req.context)) return doc;
  const effect = await publicEffect(req, collection, doc, operation);
  const label = `${collection.slug} #${doc.id}`;
  const words = { save: operation === 'create' ? 'создан' : 'изменён', publish: 'опубликован', unpublish: 'снят с публикации', draft: '' };
  if (effect !== 'draft') await request(req.payload, `${label}: ${words[effect]}`);
  return doc;
};

/** Requests a rebuild after a published document is deleted. */
export const rebuildSiteAfterDelete: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  if (skipped(req.context)) return doc;
  if (!collection.versions?.drafts || statusOf(doc) === 'published') await request(req.payload, `${collection.slug} #${doc.id}: удалён`);
  return doc;
};

/** Requests a rebuild after a public setting (global) is saved. */
export const rebuildSiteAfterGlobalChange: GlobalAfterChangeHook = async ({ global, doc, req }) => {
  if (skipped(req.context)) return doc;
  await request(req.payload, `${global.slug}: изменены настройки`);
  return doc;
};
