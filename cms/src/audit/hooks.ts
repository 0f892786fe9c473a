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

/** One changed field of an appeal as the audit log keeps it. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Long values (internal notes) are kept to this many characters in the log. */
const CHANGE_VALUE_LIMIT = 2000;

/** Secrets kept as hashes (the status link's and the survey's tokens): their change is named, never their value. */
const SECRET_KEYS = new Set(['statusTokenHash', 'tokenHash']);

const loggedValue = (field: string, value: unknown): unknown => {
  if (value === undefined || value === null) return null;
  if (SECRET_KEYS.has(field)) return '[скрыто]';
  if (typeof value === 'string') return value.length > CHANGE_VALUE_LIMIT ? `${value.slice(0, CHANGE_VALUE_LIMIT)}…` : value;
  if (typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, loggedValue(key, inner)]));
  }
  return value;
};

export async function writeAuditEntry(
  req: PayloadRequest,
  entry: { action: AuditAction; target: string; documentId?: string; summary?: string; changedFields?: string[]; changes?: FieldChange[] },
): Promise<void> {
  await write(req, entry);
}

async function write(req: PayloadRequest, entry: { action: AuditAction; target: string; documentId?: string; summary?: string; changedFields?: string[]; changes?: FieldChange[] }): Promise<void> {
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
        changes: entry.changes ?? null,
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

/**
 * Records every change of an appeal made by a staff member through REST or the admin, with the changed fields' values
 * before and after (the handlers' working fields: group, assignee, topic, internal notes). The server's own writes
 * (registration, the robot's letters, retention: `context.internal`) and transitions (which keep their own history
 * on the appeal) are not staff edits and are not repeated here.
 */
export const auditAppealChange: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || !req.user || req.context.internal || req.context.appealTransition) return doc;
  // The stored row as Payload read it before the change (depth 0, every field): compared with the same view after,
  // not with `doc`, which is populated and cut down to what the user may read.
  const after = (await req.payload.findByID({ collection: collection.slug, id: doc.id, depth: 0, overrideAccess: true, showHiddenFields: true, req }).catch(() => null)) as Record<string, unknown> | null;
  if (!after) return doc;
  const fields = changedFields(previousDoc, after);
  if (fields.length === 0) return doc;
  await write(req, {
    action: 'update',
    target: collection.slug,
    documentId: String(doc.id),
    summary: titleOf(after, collection.admin?.useAsTitle),
    changedFields: fields,
    changes: fields.map((field) => ({ field, before: loggedValue(field, previousDoc?.[field]), after: loggedValue(field, after[field]) })),
  });
  return doc;
};
