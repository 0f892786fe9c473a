import type { Payload } from 'payload';
import { notifyOutbox } from '../appeals/outbox/outbox';
import { enqueueLetter } from '../outbox/letters';
import type { Letter } from '../appeals/letters/letter';

/** A chat letter to send: the builder's letter plus whom, why and its at-most-once key. */
export interface ChatLetter extends Letter {
  purpose: 'chat-operator-joined' | 'chat-transcript';
  dedupeKey: string;
  to: string;
}

/**
 * The one place the chat hands a letter to the mail system: the generic outbox (cms/src/outbox/letters.ts). Stored
 * durably before this returns, sent by the robot's dispatcher, retried while SMTP fails, at most once per key.
 */
export async function deliverChatLetter(payload: Payload, letter: ChatLetter): Promise<void> {
  const { created } = await enqueueLetter(payload, { purpose: letter.purpose, dedupeKey: letter.dedupeKey, to: letter.to, subject: letter.subject, text: letter.text, html: letter.html });
  // Sent within about a second by the dispatcher's poll anyway; waking it saves that second.
  if (created) await notifyOutbox(payload);
}
