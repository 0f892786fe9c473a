import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionSlug, Payload } from 'payload';
import { normalizeSitePath, RedirectSchema, type Redirect } from '@portal/core/redirects';
import { COLLECTIONS } from '../slugs';

/**
 * Records that a page moved from `from` to `to`: creates (or re-points) the redirect from the old address, and
 * removes a redirect from the new address, since a page lives there again. Runs as the server (no user).
 */
export async function addRedirect(payload: Payload, from: string, to: string): Promise<void> {
  if (normalizeSitePath(from) === normalizeSitePath(to)) return;
  await payload.delete({ collection: COLLECTIONS.redirects, where: { from: { equals: to } }, overrideAccess: true, context: { skipSiteBuild: true } });
  const existing = await payload.find({ collection: COLLECTIONS.redirects, where: { from: { equals: from } }, limit: 1, depth: 0, overrideAccess: true });
  const found = existing.docs[0];
  // The page change that called us already requested a build; the redirect rides along with it.
  const context = { skipSiteBuild: true };
  if (found) {
    await payload.update({ collection: COLLECTIONS.redirects, id: found.id, overrideAccess: true, context, data: { to, origin: 'auto' } as never });
  } else {
    await payload.create({ collection: COLLECTIONS.redirects, overrideAccess: true, context, data: { from, to, origin: 'auto' } as never });
  }
}

/** Every valid redirect, for the site export. */
export async function exportRedirects(payload: Payload): Promise<Redirect[]> {
  const rows = await payload.find({ collection: COLLECTIONS.redirects, pagination: false, depth: 0, overrideAccess: true, sort: 'from' });
  return rows.docs.flatMap((doc) => {
    const parsed = RedirectSchema.safeParse({ from: (doc as { from?: unknown }).from, to: (doc as { to?: unknown }).to });
    return parsed.success ? [parsed.data] : [];
  });
}

/** The public address of a document, or null when it has none (e.g. not yet complete). */
export type PublicPath = (doc: Record<string, unknown>, payload: Payload) => Promise<string | null> | string | null;

const movedKey = (collection: string, id: unknown) => `portal.oldPath:${collection}:${String(id)}`;

/**
 * Hooks that add a redirect when a published document's address changes (a new slug, another topic): the address
 * of the published version is remembered before the save and compared with the new one once it is published.
 */
export function redirectOnMoveHooks(publicPath: PublicPath): { beforeChange: CollectionBeforeChangeHook; afterChange: CollectionAfterChangeHook } {
  return {
    beforeChange: async ({ collection, operation, originalDoc, req, data }) => {
      if (operation !== 'update' || originalDoc?.id === undefined) return data;
      const drafts = Boolean(collection.versions?.drafts);
      const published = drafts
        ? ((await req.payload.findByID({ collection: collection.slug as CollectionSlug, id: originalDoc.id, draft: false, depth: 0, overrideAccess: true, disableErrors: true })) as Record<string, unknown> | null)
        : (originalDoc as Record<string, unknown>);
      if (published && (!drafts || published._status === 'published')) req.context[movedKey(collection.slug, originalDoc.id)] = await publicPath(published, req.payload);
      return data;
    },
    afterChange: async ({ collection, doc, req }) => {
      const old = req.context[movedKey(collection.slug, doc.id)];
      if (typeof old !== 'string') return doc;
      if (collection.versions?.drafts && doc._status !== 'published') return doc;
      const now = await publicPath(doc, req.payload);
      if (now && now !== old) {
        await addRedirect(req.payload, old, now).catch((error: unknown) => req.payload.logger.error({ err: error }, 'automatic redirect not saved'));
      }
      return doc;
    },
  };
}
