import type { Payload } from 'payload';
import { mailer } from '../appeals/outbox/mailer';
import { loadCompany } from '../appeals/settings/settings';
import { readCmsEnv } from '../env';
import type { Letter } from '../appeals/letters/letter';

/** A chat letter to send: the builder's letter plus whom, why and its at-most-once key. */
export interface ChatLetter extends Letter {
  purpose: 'chat-operator-joined' | 'chat-transcript';
  dedupeKey: string;
  to: string;
}

/**
 * The one place the chat hands a letter to the mail system.
 *
 * TODO(outbox): when the generic outbox (cms/src/outbox/letters.ts) is on main, this becomes
 * `enqueueLetter(payload, letter)`: durable, retried, sent once. Until then the letter goes straight to the robot's
 * SMTP pool; a failure is reported to the caller.
 */
export async function deliverChatLetter(payload: Payload, letter: ChatLetter): Promise<void> {
  const company = await loadCompany(payload);
  await mailer().send({
    to: letter.to,
    subject: letter.subject,
    text: letter.text,
    html: letter.html,
    from: readCmsEnv().MAIL_FROM ?? company.email,
    messageId: `<${letter.dedupeKey.replace(/[^A-Za-z0-9._-]/g, '.')}@chat.portal>`,
  });
}
