import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, Payload } from 'payload';
import { forumThreadPath } from '@portal/core/forum';
import { writeAuditEntry } from '../audit/hooks';
import { addRedirect } from '../publishing/redirects';
import { requestSiteBuild } from '../publishing/site-build';
import { COLLECTIONS } from '../slugs';

type Id = number | string;
const idOf = (value: unknown): Id | null => (value && typeof value === 'object' ? ((value as { id?: Id }).id ?? null) : ((value as Id | null | undefined) ?? null));

async function sectionSlug(payload: Payload, section: unknown): Promise<string | null> {
  const id = idOf(section);
  if (id === null) return null;
  const topic = (await payload.findByID({ collection: COLLECTIONS.topics, id, depth: 0, overrideAccess: true, disableErrors: true })) as { slug?: string } | null;
  return topic?.slug ?? null;
}

async function sectionTitle(payload: Payload, section: unknown): Promise<string> {
  const id = idOf(section);
  if (id === null) return '—';
  const topic = (await payload.findByID({ collection: COLLECTIONS.topics, id, depth: 0, overrideAccess: true, disableErrors: true })) as { title?: string } | null;
  return topic?.title ?? String(id);
}

/** A move (a new section) is remembered on the thread: from which section, when and by whom. */
export const rememberMove: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !originalDoc || data.section === undefined) return data;
  const before = idOf(originalDoc.section);
  const after = idOf(data.section);
  if (before === null || after === null || String(before) === String(after)) return data;
  const previous = (originalDoc.movedFrom as { section?: unknown; at?: string; by?: unknown }[] | undefined) ?? [];
  data.movedFrom = [
    ...previous.map((entry) => ({ section: idOf(entry.section), at: entry.at, by: idOf(entry.by) })),
    { section: before, at: new Date().toISOString(), by: req.user?.id ?? null },
  ];
  return data;
};

/**
 * The staff actions on a thread — close or reopen, pin or unpin, move — each leave an audit entry; a move of a
 * published thread also redirects its old address, and any of them rebuilds the site when the thread is public.
 */
export const recordThreadStaffActions: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || !previousDoc) return doc;
  const actions: string[] = [];
  if (previousDoc.state !== doc.state) actions.push(doc.state === 'closed' ? 'Тема закрыта' : 'Тема открыта снова');
  if (Boolean(previousDoc.pinned) !== Boolean(doc.pinned)) actions.push(doc.pinned ? 'Тема закреплена' : 'Тема откреплена');
  const moved = String(idOf(previousDoc.section)) !== String(idOf(doc.section));
  if (moved) actions.push(`Тема перенесена из раздела «${await sectionTitle(req.payload, previousDoc.section)}» в «${await sectionTitle(req.payload, doc.section)}»`);
  if (previousDoc.title !== doc.title) actions.push('Заголовок изменён');
  if (actions.length === 0) return doc;
  await writeAuditEntry(req, {
    action: 'update',
    target: COLLECTIONS.forumThreads,
    documentId: String(doc.id),
    summary: `${actions.join('; ')}: «${String(doc.title)}»`,
    changedFields: ['state', 'pinned', 'section', 'title'].filter((field) => JSON.stringify(previousDoc[field]) !== JSON.stringify(doc[field])),
  });
  if (doc.moderationState !== 'approved') return doc;
  if (moved) {
    const [from, to] = [await sectionSlug(req.payload, previousDoc.section), await sectionSlug(req.payload, doc.section)];
    if (from && to) await addRedirect(req.payload, forumThreadPath(from, doc.id), forumThreadPath(to, doc.id));
  }
  try {
    await requestSiteBuild(req.payload, `${COLLECTIONS.forumThreads} #${String(doc.id)}: ${actions.join('; ').toLowerCase()}`);
  } catch (error) {
    req.payload.logger.error({ err: error }, 'site rebuild could not be requested');
  }
  return doc;
};
