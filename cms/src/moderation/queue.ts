import type { Payload } from 'payload';
import { moderationFindings, type ModerationFinding } from '@portal/core/moderation';
import { MODERATED_COLLECTIONS } from './registry';

/** One post waiting for a moderator, as the queue shows it. */
export interface QueueItem {
  slug: string;
  label: string;
  id: number | string;
  authorName: string;
  text: string;
  context: string;
  /** When the author confirmed the address (the post entered the queue). */
  queuedAt: string;
  findings: ModerationFinding[];
}

/** Posts shown at most on one screen of the queue. */
export const QUEUE_LIMIT = 100;

/** Every `pending` post across the moderated collections, oldest first, with the personal-data guard's findings. */
export async function moderationQueue(payload: Payload, limit = QUEUE_LIMIT): Promise<QueueItem[]> {
  const items: QueueItem[] = [];
  for (const entry of MODERATED_COLLECTIONS) {
    const found = await payload.find({ collection: entry.slug as never, where: { moderationState: { equals: 'pending' } }, sort: 'emailVerifiedAt', limit, depth: 1, overrideAccess: true });
    for (const raw of found.docs) {
      const doc = raw as unknown as Record<string, unknown> & { id: number | string };
      const text = String(doc[entry.textField] ?? '');
      items.push({ slug: entry.slug, label: entry.label, id: doc.id, authorName: String(doc.authorName ?? ''), text, context: entry.contextOf(doc), queuedAt: String(doc.emailVerifiedAt ?? doc.submittedAt ?? ''), findings: moderationFindings(text) });
    }
  }
  return items.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt)).slice(0, limit);
}
