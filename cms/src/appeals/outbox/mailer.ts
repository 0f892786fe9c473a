import nodemailer from 'nodemailer';

/** One outgoing letter. */
export interface OutgoingMessage {
  /** Recipient address (or `Name <address>`). */
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Sender, e.g. `АО «Энергосбыт» <robot@energo.example>`. */
  from: string;
  /** Where replies should go, e.g. the appeals mailbox. */
  replyTo?: string;
  /**
   * Message-ID to use, e.g. derived from the appeal, so a resend after a crash carries the same id and
   * the recipient's mail client can recognise the duplicate.
   */
  messageId?: string;
}

/** Sends mail over SMTP; see {@link createMailer}. */
export interface Mailer {
  /** Resolves once the SMTP server accepted the letter; rejects otherwise (the caller retries). */
  send(message: OutgoingMessage): Promise<{ messageId: string }>;
  /** Checks the server can be reached and accepts our login; rejects with the reason if not. */
  verify(): Promise<void>;
  /** Closes pooled connections. */
  close(): void;
}

/** Pooled-connection defaults; an explicit query parameter in the URL wins. */
const URL_DEFAULTS: Record<string, string> = {
  pool: 'true',
  maxConnections: '2',
  // Fail fast: the robot retries with backoff, and a hung connection would delay every letter behind it.
  connectionTimeout: '10000',
  greetingTimeout: '10000',
  socketTimeout: '30000',
};

/**
 * A mailer for an SMTP URL (`smtp://user:pass@host:587`, `smtps://…:465`; options as query parameters,
 * e.g. `?tls.rejectUnauthorized=false`). Connections are pooled, so a burst of confirmations does not
 * open one connection per letter. Errors propagate unchanged: retrying is the robot's job.
 */
export function createMailer(smtpUrl: string): Mailer {
  const url = new URL(smtpUrl);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`SMTP URL must start with smtp:// or smtps://, got ${url.protocol}//`);
  }
  for (const [name, value] of Object.entries(URL_DEFAULTS)) {
    if (!url.searchParams.has(name)) url.searchParams.set(name, value);
  }
  // nodemailer reads every option from the URL itself; passing an object would drop the URL's ones.
  const transport = nodemailer.createTransport(url.toString());

  return {
    async send(message) {
      const info = await transport.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        ...(message.replyTo ? { replyTo: message.replyTo } : {}),
        ...(message.messageId ? { messageId: message.messageId } : {}),
      });
      return { messageId: String(info.messageId) };
    },
    async verify() {
      await transport.verify();
    },
    close() {
      transport.close();
    },
  };
}
