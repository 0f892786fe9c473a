import type { Payload, TaskConfig } from 'payload';
import { ImapFlow } from 'imapflow';
import { readCmsEnv } from '../../env';
import { registerIncomingEmail } from './email-intake';
import { loadCompany } from '../settings/settings';

export const POLL_IMAP_TASK = 'pollAppealsMailbox';

/** Connection settings from `IMAP_URL` (`imaps://user:password@host:993/INBOX`). */
export interface ImapSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  pass: string;
  mailbox: string;
}

/** Reads `IMAP_URL`; `imaps:` is TLS (default port 993), `imap:` plain (143, loopback tests only). */
export function parseImapUrl(url: string): ImapSettings {
  const parsed = new URL(url);
  if (parsed.protocol !== 'imaps:' && parsed.protocol !== 'imap:') throw new Error('IMAP_URL must start with imaps:// or imap://');
  const secure = parsed.protocol === 'imaps:';
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 993 : 143,
    secure,
    user: decodeURIComponent(parsed.username),
    pass: decodeURIComponent(parsed.password),
    mailbox: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'INBOX',
  };
}

/**
 * One pass over the appeals mailbox: every unseen letter is registered (same path as the embedded sink) and
 * only then marked \Seen. A crash between the two leaves the letter unseen; the next pass finds it again and
 * the idempotency key (its Message-ID) returns the first registration — nothing lost, nothing doubled.
 */
export async function pollAppealsMailbox(payload: Payload, settings: ImapSettings): Promise<{ registered: number; ignored: number }> {
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.user, pass: settings.pass },
    logger: false,
  });
  const mailbox = (await loadCompany(payload)).email;
  let registered = 0;
  let ignored = 0;
  await client.connect();
  try {
    const lock = await client.getMailboxLock(settings.mailbox);
    try {
      const unseen: { uid: number; source: Buffer }[] = [];
      for await (const message of client.fetch({ seen: false }, { uid: true, source: true }, { uid: true })) {
        if (message.source) unseen.push({ uid: message.uid, source: message.source });
      }
      for (const message of unseen) {
        // Everything in this mailbox was delivered to the appeals address, Bcc included.
        const result = await registerIncomingEmail(payload, message.source, [mailbox]);
        if (result.kind === 'registered') registered++;
        else ignored++;
        await client.messageFlagsAdd({ uid: String(message.uid) }, ['\\Seen'], { uid: true });
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => undefined);
  }
  return { registered, ignored };
}

/** The polling job; scheduled only when `IMAP_URL` is set (production). */
export function imapTasks(): TaskConfig[] {
  const url = readCmsEnv().IMAP_URL;
  if (!url) return [];
  const settings = parseImapUrl(url);
  return [
    {
      slug: POLL_IMAP_TASK,
      label: 'Приём писем из почтового ящика обращений (IMAP)',
      schedule: [{ cron: '*/30 * * * * *', queue: 'default' }],
      handler: async ({ req }: { req: { payload: Payload } }) => ({ output: await pollAppealsMailbox(req.payload, settings) }),
      // The generated task-slug type lists only tasks present when types were generated (without IMAP_URL).
    } as unknown as TaskConfig,
  ];
}
