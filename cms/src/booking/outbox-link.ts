import type { Payload } from 'payload';

/**
 * The one place the booking's letters meet the generic outbox (cms/src/outbox/letters.ts, issue 20's shared piece).
 * Until it is on this branch, letters due now go straight to SMTP through Payload's mailer and later ones are
 * dropped — replaced by `enqueueLetter` / `holdLetters` once the outbox is merged.
 */
export interface BookingLetterInput {
  purpose: string;
  dedupeKey: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; contentType: string; content: string; encoding?: 'base64' | 'utf-8' }[];
  notBefore?: Date;
  group?: string;
}

export async function enqueue(payload: Payload, letter: BookingLetterInput): Promise<void> {
  if (letter.notBefore && letter.notBefore.getTime() > Date.now()) return;
  await payload.sendEmail({
    to: letter.to,
    subject: letter.subject,
    text: letter.text,
    html: letter.html,
    attachments: letter.attachments?.map((item) => ({ filename: item.filename, contentType: item.contentType, content: item.content, encoding: item.encoding ?? 'utf-8' })),
  });
}

export async function holdGroup(_payload: Payload, _group: string): Promise<void> {}
