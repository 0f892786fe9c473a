import type { Payload } from 'payload';
import { readCmsEnv } from '../env';
import { COLLECTIONS } from '../slugs';

/** The token hash an erased conversation keeps: no token hashes to it, so its private link stops working. */
export const ERASED_TOKEN_HASH = 'erased';

/**
 * Chat transcripts under the appeals' retention rule (APPEAL_RETENTION_DAYS): a conversation closed more than that
 * long ago — or started that long ago and never closed — loses its messages, their files and the client's name,
 * contact and consent IP. The conversation's row stays with its dates, state, topic, rating and appeal link, so the
 * reports keep their figures (as anonymised appeals keep theirs). Returns how many were erased; runs in the nightly
 * retention job, 200 per night.
 */
export async function eraseOldConversations(payload: Payload, now: Date = new Date(), retentionDays: number = readCmsEnv().APPEAL_RETENTION_DAYS): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  const old = await payload.find({
    collection: COLLECTIONS.chatConversations,
    where: {
      and: [
        { tokenHash: { not_equals: ERASED_TOKEN_HASH } },
        { or: [{ closedAt: { less_than: cutoff } }, { and: [{ closedAt: { exists: false } }, { createdAt: { less_than: cutoff } }] }] },
      ],
    },
    depth: 0,
    limit: 200,
    overrideAccess: true,
  });
  for (const conversation of old.docs) {
    const messages = await payload.find({ collection: COLLECTIONS.chatMessages, where: { conversation: { equals: conversation.id } }, depth: 0, pagination: false, overrideAccess: true });
    const files = (messages.docs as unknown as { attachment?: unknown }[])
      .map((message) => (typeof message.attachment === 'object' && message.attachment !== null ? (message.attachment as { id: unknown }).id : message.attachment))
      .filter((id): id is number | string => typeof id === 'number' || typeof id === 'string');
    // Messages and files first: if that fails, the conversation is not yet marked and the next night tries again.
    await payload.delete({ collection: COLLECTIONS.chatMessages, where: { conversation: { equals: conversation.id } }, overrideAccess: true });
    if (files.length > 0) await payload.delete({ collection: COLLECTIONS.appealAttachments, where: { id: { in: files } }, overrideAccess: true });
    await payload.update({
      collection: COLLECTIONS.chatConversations,
      id: conversation.id,
      data: { name: null, contact: null, consent: { ip: null }, tokenHash: ERASED_TOKEN_HASH } as never,
      overrideAccess: true,
      depth: 0,
    });
  }
  return old.docs.length;
}
