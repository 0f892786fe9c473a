import nodemailer, { type Transporter } from 'nodemailer';
import { readCmsEnv } from '../../env';

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
  /** Extra header lines, e.g. `List-Unsubscribe` (the generic outbox's letters). */
  headers?: Record<string, string>;
  /** Files sent with the letter, e.g. an `.ics` invitation. */
  attachments?: { filename: string; contentType: string; content: string; encoding?: 'base64' | 'utf-8' }[];
}

/** What the robot's letters take from the configuration: the sender and the admin's public origin. */
export interface RobotMailConfig {
  /** `MAIL_FROM`; the company's e-mail when unset. */
  mailFrom: string | undefined;
  /** `CMS_PUBLIC_URL` without a trailing slash, for links in staff letters; empty: admin paths only. */
  adminOrigin: string;
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
 * The SMTP transport for a URL (`smtp://user:pass@host:587`, `smtps://…:465`; options as query parameters,
 * e.g. `?tls.rejectUnauthorized=false`), pooled, with the fail-fast timeouts above. The only place the CMS
 * creates a transport: the robot's mailer and Payload's own e-mail adapter (payload.config.ts) both use it.
 */
export function createSmtpTransport(smtpUrl: string): Transporter {
  const url = new URL(smtpUrl);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`SMTP URL must start with smtp:// or smtps://, got ${url.protocol}//`);
  }
  for (const [name, value] of Object.entries(URL_DEFAULTS)) {
    if (!url.searchParams.has(name)) url.searchParams.set(name, value);
  }
  // nodemailer reads every option from the URL itself; passing an object would drop the URL's ones.
  return nodemailer.createTransport(url.toString());
}

/**
 * A mailer for an SMTP URL (see {@link createSmtpTransport}). Connections are pooled, so a burst of
 * confirmations does not open one connection per letter. Errors propagate unchanged: retrying is the robot's job.
 */
export function createMailer(smtpUrl: string): Mailer {
  const transport = createSmtpTransport(smtpUrl);

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
        ...(message.headers ? { headers: message.headers } : {}),
        ...(message.attachments ? { attachments: message.attachments } : {}),
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

const MAILER_KEY = Symbol.for('portal.mailer');
type GlobalWithMailer = typeof globalThis & { [MAILER_KEY]?: Mailer };

/**
 * Parallel SMTP connections of the robot unless `SMTP_URL` sets `maxConnections`. A server that syncs each
 * accepted letter to disk answers in milliseconds per letter, so a burst of confirmations is bound by round
 * trips, not CPU: on the embedded sink 2 connections gave 33 letters/s, 10 about 150/s, 20 enough for a
 * burst of 1,000 registrations at ~250/s to be confirmed within 4 s (bench/modules/confirmation-latency.ts).
 * Still below the usual per-client limits of mail servers (Postfix: 50).
 */
const ROBOT_SMTP_CONNECTIONS = '20';

/** The robot's mailer: one pooled SMTP connection set per process, shared by every letter of the robot. */
export function mailer(): Mailer {
  const holder = globalThis as GlobalWithMailer;
  holder[MAILER_KEY] ??= createMailer(withConnections(readCmsEnv().SMTP_URL));
  return holder[MAILER_KEY];
}

function withConnections(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  if (!url.searchParams.has('maxConnections')) url.searchParams.set('maxConnections', ROBOT_SMTP_CONNECTIONS);
  return url.toString();
}

/** SMTP errors quote addresses: keep personal data out of stored errors and logs. */
export function scrubAddresses(message: string): string {
  return message.replace(/[^\s<>"']+@[^\s<>"']+/g, '<адрес скрыт>').slice(0, 500);
}

/**
 * The Message-ID of one robot letter: stable per appeal and letter (`tag`, e.g. `appeal-7-confirmation`), so a
 * resend after a crash carries the same id and the recipient's mail client recognises the duplicate. ASCII only
 * (RFC 5322); the domain is the company's e-mail domain, `portal.local` while none is set.
 */
export function robotMessageId(tag: string, companyEmail: string | null | undefined): string {
  return `<${tag}@${(companyEmail || 'portal.local').split('@')[1] ?? 'portal.local'}>`;
}
