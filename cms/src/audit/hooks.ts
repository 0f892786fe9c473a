import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, GlobalAfterChangeHook, PayloadRequest } from 'payload';
import type { AuditAction } from '../collections/AuditLog';
import { publicEffect } from '../publishing/hooks';
import { COLLECTIONS } from '../slugs';

/** Fields Payload maintains itself; a change of them alone says nothing about the editor's work. */
const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt', '_status', 'liveState']);

/** Top-level fields whose values differ between two versions of a document. */
export function changedFields(before: Record<string, unknown> | null | undefined, after: Record<string, unknown>): string[] {
  const names = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  return [...names].filter((name) => !BOOKKEEPING.has(name) && JSON.stringify(before?.[name] ?? null) !== JSON.stringify(after[name] ?? null)).sort();
}

async function write(req: PayloadRequest, entry: { action: AuditAction; target: string; documentId?: string; summary?: string; changedFields?: string[] }): Promise<void> {
  const user = req.user as { id?: number | string; email?: string } | null | undefined;
  try {
    await req.payload.create({
      collection: COLLECTIONS.auditLog,
      overrideAccess: true,
      depth: 0,
      data: {
        at: new Date().toISOString(),
        action: entry.action,
        target: entry.target,
        documentId: entry.documentId,
        summary: entry.summary?.slice(0, 300),
        changedFields: entry.changedFields?.join(', ').slice(0, 1000),
        user: user?.id,
        // Staff e-mail, not client data: the trail must say who acted even after the account is deleted.
        userEmail: user?.email ?? 'система',
      } as never,
    });
  } catch (error) {
    req.payload.logger.error({ err: error, target: entry.target }, 'audit entry not written');
  }
}

const titleOf = (doc: Record<string, unknown>, field: string | undefined): string => String((field && doc[field]) ?? doc.title ?? doc.question ?? doc.name ?? doc.slug ?? doc.id ?? '');

/** Records every save of a public document (create, draft, publish, unpublish). */
export const auditAfterChange: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, operation, req }) => {
  if (req.context.seeding) return doc;
  const effect = await publicEffect(req, collection, doc, operation);
  const action: AuditAction = effect === 'save' ? (operation === 'create' ? 'create' : 'update') : effect === 'draft' && operation === 'create' ? 'create' : effect;
  await write(req, {
    action,
    target: collection.slug,
    documentId: String(doc.id),
    summary: titleOf(doc, collection.admin?.useAsTitle),
    changedFields: changedFields(operation === 'create' ? null : previousDoc, doc),
  });
  return doc;
};

/** Records the deletion of a public document. */
export const auditAfterDelete: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  await write(req, { action: 'delete', target: collection.slug, documentId: String(doc.id), summary: titleOf(doc, collection.admin?.useAsTitle) });
  return doc;
};

/** Records every save of a setting (global). */
export const auditAfterGlobalChange: GlobalAfterChangeHook = async ({ global, doc, previousDoc, req }) => {
  if (req.context.seeding) return doc;
  await write(req, { action: 'settings', target: global.slug, summary: typeof global.label === 'string' ? global.label : global.slug, changedFields: changedFields(previousDoc, doc) });
  return doc;
};
export { write as writeAuditEntry };
