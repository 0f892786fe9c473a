import type { Access, PayloadRequest, SanitizedConfig, Where } from 'payload';
import { rolesOf } from './roles';

/** Payload's collection of «someone is editing this document» locks (payload/dist/locked-documents/config.js). */
export const LOCKS_COLLECTION = 'payload-locked-documents';

type Target = { collection: string; id: string | number } | { global: string };
type LockRow = { document?: { relationTo?: unknown; value?: unknown } | null; globalSlug?: unknown; user?: { value?: unknown } | null };

function targetOf(lock: LockRow | null | undefined): Target | null {
  const document = lock?.document;
  if (document && typeof document.relationTo === 'string' && document.value !== undefined && document.value !== null) {
    const value = typeof document.value === 'object' ? (document.value as { id?: unknown }).id : document.value;
    if (typeof value === 'string' || typeof value === 'number') return { collection: document.relationTo, id: value };
  }
  return typeof lock?.globalSlug === 'string' && lock.globalSlug ? { global: lock.globalSlug } : null;
}

/** Whether the request's user may change the locked document (its collection's or global's own update rule). */
async function mayUpdate(req: PayloadRequest, target: Target): Promise<boolean> {
  if ('global' in target) {
    const global = req.payload.config.globals.find((g) => g.slug === target.global);
    const access = global?.access.update as Access | undefined;
    return Boolean(global && access && (await access({ req } as never)) === true);
  }
  const collection = (req.payload.collections as Record<string, { config: (typeof req.payload.config.collections)[number] } | undefined>)[target.collection]?.config;
  const access = collection?.access.update as Access | undefined;
  if (!collection || !access) return false;
  const verdict = await access({ req, id: target.id } as never);
  if (verdict === true || verdict === false) return verdict;
  const where: Where = { and: [verdict as Where, { id: { equals: target.id } }] };
  return (await req.payload.db.count({ collection: collection.slug, req, where })).totalDocs > 0;
}

/**
 * Who may create, take over or release a document lock: whoever may change the locked document — so nobody can
 * freeze a colleague's edits (423) on a document they cannot even open. A new lock must be in one's own name.
 * Administrators may release any lock.
 */
export const mayHoldLock: Access = async ({ req, data, id }) => {
  if (!req.user) return false;
  if (rolesOf(req).includes('admin')) return true;
  const incoming = data as LockRow | undefined;
  if (incoming?.user && String(incoming.user.value) !== String(req.user.id)) return false;
  const targets: (Target | null)[] = [];
  if (id !== undefined && id !== null) {
    const existing = (await req.payload.db.findOne({ collection: LOCKS_COLLECTION, req, where: { id: { equals: id } } })) as LockRow | null;
    if (!existing) return false;
    targets.push(targetOf(existing));
  }
  if (incoming?.document || incoming?.globalSlug) targets.push(targetOf(incoming));
  if (targets.length === 0 || targets.includes(null)) return false;
  for (const target of targets) if (!(await mayUpdate(req, target as Target))) return false;
  return true;
};

/**
 * Payload adds its locks collection while sanitising the config, with «any logged-in user» for every operation;
 * this narrows create, update and delete to {@link mayHoldLock}. Reading stays as Payload has it (the admin shows
 * who is editing).
 */
export async function withGuardedDocumentLocks(config: Promise<SanitizedConfig>): Promise<SanitizedConfig> {
  const sanitized = await config;
  const locks = sanitized.collections.find((collection) => collection.slug === LOCKS_COLLECTION);
  if (locks) locks.access = { ...locks.access, create: mayHoldLock, update: mayHoldLock, delete: mayHoldLock };
  return sanitized;
}
