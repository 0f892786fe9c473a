import type { ChatEvent, ChatState } from '@portal/core/chat/contract';

/**
 * The in-process event bus of the chat: the service publishes every stored message and state change here, after it
 * is durable; the client's event stream and the operators' console subscribe. Per conversation, and `'queue'` for
 * changes of the waiting queue (a conversation queued, accepted, deferred, transferred or closed).
 *
 * One CMS process (the embedded default) needs nothing else. With several CMS instances on MongoDB each instance's
 * {@link ChatFeed} (feed.ts) polls new rows and publishes those written elsewhere; listeners get each `seq` once
 * (duplicates from the two paths are dropped here).
 */

/** A change of the queue, for the console and for the queued clients' positions. */
export interface QueueChange {
  conversationId: string;
  state: ChatState;
  at: string;
}

export type ChatListener = (event: ChatEvent) => void;
export type QueueListener = (change: QueueChange) => void;

interface Subscription {
  afterSeq: number;
  listener: ChatListener;
}

const BUS_KEY = Symbol.for('portal.chatBus');

class ChatBus {
  readonly #conversations = new Map<string, Set<Subscription>>();
  readonly #queue = new Set<QueueListener>();

  subscribe(conversationId: string, afterSeq: number, listener: ChatListener): () => void {
    const subscription: Subscription = { afterSeq, listener };
    let set = this.#conversations.get(conversationId);
    if (!set) {
      set = new Set();
      this.#conversations.set(conversationId, set);
    }
    set.add(subscription);
    return () => {
      set.delete(subscription);
      if (set.size === 0 && this.#conversations.get(conversationId) === set) this.#conversations.delete(conversationId);
    };
  }

  subscribeQueue(listener: QueueListener): () => void {
    this.#queue.add(listener);
    return () => this.#queue.delete(listener);
  }

  /** Delivers an event to the conversation's listeners that have not seen its `seq` yet (a listener's events only increase). */
  publish(conversationId: string, event: ChatEvent): void {
    for (const subscription of this.#conversations.get(conversationId) ?? []) {
      if (event.data.seq <= subscription.afterSeq) continue;
      subscription.afterSeq = event.data.seq;
      try {
        subscription.listener(event);
      } catch {
        // A broken listener (a closed stream) must not stop the others.
      }
    }
  }

  publishQueue(change: QueueChange): void {
    for (const listener of this.#queue) {
      try {
        listener(change);
      } catch {
        // as above
      }
    }
  }

  /** Conversations that someone listens to (for the multi-instance poll). */
  watchedConversations(): string[] {
    return [...this.#conversations.keys()];
  }

  /** The highest seq every listener of a conversation has seen (the poll asks for rows after the lowest). */
  lowestSeen(conversationId: string): number | null {
    let lowest: number | null = null;
    for (const subscription of this.#conversations.get(conversationId) ?? []) lowest = lowest === null ? subscription.afterSeq : Math.min(lowest, subscription.afterSeq);
    return lowest;
  }

  listenerCount(): number {
    let count = this.#queue.size;
    for (const set of this.#conversations.values()) count += set.size;
    return count;
  }
}

type GlobalWithBus = typeof globalThis & { [BUS_KEY]?: ChatBus };

/** The process's bus (one per process even when Next.js loads this module in several bundles). */
export function chatBus(): ChatBus {
  const holder = globalThis as GlobalWithBus;
  holder[BUS_KEY] ??= new ChatBus();
  return holder[BUS_KEY];
}

export type { ChatBus };
