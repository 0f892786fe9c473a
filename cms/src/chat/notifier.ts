import type { Payload } from 'payload';
import { isEmailLike } from '@portal/core/chat/contract';
import { loadCompany } from '../appeals/settings/settings';
import { deliverChatLetter } from './deliver';
import { operatorJoinedLetter } from './letters';

/** What a notifier is told when an operator joins a conversation the client may have left. */
export interface OperatorJoined {
  conversation: { id: number | string; contact?: string | null };
  operatorName: string;
  /** The client's private link back into the conversation. */
  link: string;
}

/**
 * How the client hears about the conversation while away from the page. The e-mail notifier is the default; an SMS
 * or push gateway is another implementation (register it with {@link setChatNotifier}).
 */
export interface ChatNotifier {
  operatorJoined(event: OperatorJoined): Promise<void>;
}

/** E-mail to the conversation's contact when it is an address; nothing otherwise. */
export function emailChatNotifier(payload: Payload): ChatNotifier {
  return {
    async operatorJoined(event) {
      const to = event.conversation.contact?.trim();
      if (!to || !isEmailLike(to)) return;
      const company = await loadCompany(payload);
      const letter = operatorJoinedLetter({ companyName: company.shortName || company.name, operatorName: event.operatorName, link: event.link });
      await deliverChatLetter(payload, { ...letter, purpose: 'chat-operator-joined', dedupeKey: `chat-operator-joined:${event.conversation.id}`, to });
    },
  };
}

const NOTIFIER_KEY = Symbol.for('portal.chatNotifier');
type GlobalWithNotifier = typeof globalThis & { [NOTIFIER_KEY]?: (payload: Payload) => ChatNotifier };

/** Replaces the notifier (an SMS gateway, a test double at the system's edge). */
export function setChatNotifier(factory: ((payload: Payload) => ChatNotifier) | undefined): void {
  (globalThis as GlobalWithNotifier)[NOTIFIER_KEY] = factory;
}

export function chatNotifier(payload: Payload): ChatNotifier {
  const factory = (globalThis as GlobalWithNotifier)[NOTIFIER_KEY] ?? emailChatNotifier;
  return factory(payload);
}
