import type { Payload } from 'payload';
import type { ChatEvent } from '@portal/core/chat/contract';
import { formatOperatorCursor } from '@portal/core/chat/operator-cursor';
import { COLLECTIONS } from '../slugs';
import type { QueueChange } from '../chat/bus';
import { openConversationsOf, openConversationStream, subscribe } from './chat-service';

/**
 * The operator's live feed (`GET /api/chat-console/events`, Server-Sent Events): the messages and state changes of
 * every conversation the operator holds (active or deferred), and the queue's changes. Each conversation is replayed
 * after the cursor's number for it, then streamed live (subscribe first, then replay: nothing falls in between, each
 * `seq` once); a conversation the operator takes while the stream is open joins it with its whole history, one handed
 * to someone else or closed leaves it. Every conversation event carries the whole cursor as its SSE `id`, so a
 * reconnecting browser resumes each conversation where it stopped (core/src/chat/operator-cursor.ts).
 *
 * Frames: `event: message` / `event: state` with the chat event's data plus `conversationId`; `event: queue` with the
 * {@link QueueChange} (no id: it changes no cursor; the console reloads its lists on it).
 */
export interface OperatorFeed {
  /** Stops every subscription. */
  close(): void;
  /** The conversations currently streamed (for tests and diagnostics). */
  conversations(): string[];
}

async function heldConversations(payload: Payload, operatorId: number | string): Promise<string[]> {
  const found = await payload.find({ collection: COLLECTIONS.chatConversations, where: openConversationsOf(operatorId), depth: 0, limit: 100, overrideAccess: true, pagination: false });
  return (found.docs as unknown as { id: number | string }[]).map((doc) => String(doc.id));
}

export function conversationFrame(cursor: ReadonlyMap<string, number>, conversationId: string, event: ChatEvent): string {
  return `id: ${formatOperatorCursor(cursor)}\nevent: ${event.type}\ndata: ${JSON.stringify({ conversationId, ...event.data })}\n\n`;
}

export function queueFrame(change: QueueChange): string {
  return `event: queue\ndata: ${JSON.stringify(change)}\n\n`;
}

/**
 * Opens the feed of one operator: `send` gets each SSE frame in order. `resume` is the parsed `Last-Event-ID`
 * (conversation → last seq seen). Resolves once the held conversations are replayed and live.
 */
export async function openOperatorFeed(payload: Payload, operatorId: number | string, resume: ReadonlyMap<string, number>, send: (frame: string) => void): Promise<OperatorFeed> {
  const cursor = new Map<string, number>();
  const streams = new Map<string, () => void>();
  let closed = false;

  // Syncs run one at a time: the set of held conversations is read, newcomers subscribed, leavers dropped.
  let syncing: Promise<void> = Promise.resolve();
  const sync = () => {
    syncing = syncing.then(async () => {
      if (closed) return;
      const held = new Set(await heldConversations(payload, operatorId));
      for (const [id, unsubscribe] of streams) {
        if (held.has(id)) continue;
        unsubscribe();
        streams.delete(id);
        cursor.delete(id);
      }
      for (const id of held) {
        if (streams.has(id) || closed) continue;
        const after = resume.get(id) ?? 0;
        cursor.set(id, after);
        const unsubscribe = await openConversationStream(payload, id, after, (event) => {
          if (closed) return;
          cursor.set(id, event.data.seq);
          send(conversationFrame(cursor, id, event));
        });
        if (closed) unsubscribe();
        else streams.set(id, unsubscribe);
      }
    });
    return syncing;
  };

  // Queue changes: passed on, and any of them may change what the operator holds (accepted, transferred, closed).
  const stopQueue = subscribe('queue', 0, (change: QueueChange) => {
    if (closed) return;
    send(queueFrame(change));
    void sync().catch(() => undefined);
  });
  try {
    await sync();
  } catch (error) {
    stopQueue();
    for (const unsubscribe of streams.values()) unsubscribe();
    throw error;
  }
  return {
    close() {
      if (closed) return;
      closed = true;
      stopQueue();
      for (const unsubscribe of streams.values()) unsubscribe();
      streams.clear();
    },
    conversations: () => [...streams.keys()],
  };
}
