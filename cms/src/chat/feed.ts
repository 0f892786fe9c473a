import type { Payload } from 'payload';
import { COLLECTIONS } from '../slugs';
import { chatBus } from './bus';
import { eventOf } from './service';

/**
 * How messages written by another CMS instance reach this instance's listeners. One process (the embedded default,
 * SQLite) needs none: the service publishes on the in-process bus after each write. With several CMS instances on
 * MongoDB, each instance runs a feed: {@link pollingChatFeed} asks every second for rows written since its cursor and
 * publishes them; listeners drop a `seq` they already have, so rows this instance wrote itself do no harm. MongoDB
 * change streams could replace it behind the same interface (they need a replica set, which the poll does not).
 */
export interface ChatFeed {
  start(): void;
  stop(): void;
}

/** Re-read this far back each time: a row committed late may carry an earlier `createdAt` than the cursor. */
const OVERLAP_MS = 3_000;
/** The most rows one poll publishes; the next poll continues from the last one. */
const BATCH = 500;

export function pollingChatFeed(payload: Payload, intervalMs = 1_000): ChatFeed {
  let timer: ReturnType<typeof setInterval> | null = null;
  let cursor = new Date(Date.now() - OVERLAP_MS).toISOString();
  let queueCursor = cursor;
  let running = false;
  const poll = async () => {
    if (running) return;
    running = true;
    try {
      const since = new Date(new Date(cursor).getTime() - OVERLAP_MS).toISOString();
      const rows = await payload.find({ collection: COLLECTIONS.chatMessages, where: { createdAt: { greater_than: since } }, sort: 'createdAt', limit: BATCH, depth: 1, overrideAccess: true, pagination: false });
      for (const row of rows.docs as unknown as (Parameters<typeof eventOf>[0] & { conversation: unknown })[]) {
        const conversationId = String(typeof row.conversation === 'object' && row.conversation !== null ? (row.conversation as { id: unknown }).id : row.conversation);
        chatBus().publish(conversationId, eventOf(row));
        if (row.createdAt > cursor) cursor = row.createdAt;
      }
      const queueSince = new Date(new Date(queueCursor).getTime() - OVERLAP_MS).toISOString();
      const changed = await payload.find({ collection: COLLECTIONS.chatConversations, where: { updatedAt: { greater_than: queueSince } }, sort: 'updatedAt', limit: BATCH, depth: 0, overrideAccess: true, pagination: false });
      for (const conversation of changed.docs as unknown as { id: number | string; state: never; updatedAt: string }[]) {
        if (conversation.updatedAt > queueCursor) {
          queueCursor = conversation.updatedAt;
          chatBus().publishQueue({ conversationId: String(conversation.id), state: conversation.state, at: conversation.updatedAt });
        }
      }
    } catch (error) {
      payload.logger.warn({ err: error instanceof Error ? error.name : typeof error }, 'chat feed: poll failed; trying again');
    } finally {
      running = false;
    }
  };
  return {
    start() {
      timer ??= setInterval(() => void poll(), intervalMs);
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
