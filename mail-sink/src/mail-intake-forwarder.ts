import type { StoredMail } from './mail-store';

/** Settings of {@link createMailIntakeForwarder}. */
export interface MailIntakeForwarderOptions {
  /** The CMS's internal intake endpoint, e.g. `http://127.0.0.1:3001/api/mail-intake` (loopback). */
  url: string;
  /** Shared secret the CMS expects (`MAIL_INTAKE_TOKEN`). */
  token: string;
  /** The appeals mailbox, e.g. `info@energo.example`; letters to other addresses stay in the sink only. */
  mailbox: string;
  /** Give up on the CMS after this long; the SMTP client then gets 451 and retries. */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

/**
 * The mail sink's `onMessage` for the embedded stack: a letter to the appeals mailbox is handed to the CMS,
 * which registers it as an appeal. It resolves only when the CMS answered 2xx (stored, or deliberately
 * ignored such as an auto-reply); any other outcome rejects, the sink answers SMTP 451 and the sender
 * retries — the letter is never acknowledged without being registered.
 */
export function createMailIntakeForwarder(options: MailIntakeForwarderOptions) {
  const mailbox = options.mailbox.toLowerCase();
  const fetchImpl = options.fetchImpl ?? fetch;
  return async (_parsed: unknown, stored: StoredMail, raw: Buffer): Promise<void> => {
    if (!stored.envelopeTo.includes(mailbox)) return;
    const response = await fetchImpl(options.url, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${options.token}`,
        'Content-Type': 'message/rfc822',
        'X-Envelope-To': stored.envelopeTo.join(','),
      },
      body: new Uint8Array(raw),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    if (!response.ok) throw new Error(`Mail intake answered ${response.status}`);
  };
}
