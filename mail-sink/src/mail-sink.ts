import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { createMailSinkWebApp } from './mail-sink-web';
import { createMailStore, type StoredMail } from './mail-store';

/** Largest letter the sink accepts (SMTP SIZE); larger ones are refused with 552. */
export const MAIL_SINK_MAX_BYTES = 25 * 1024 * 1024;

/** Options of {@link startMailSink}. */
export interface MailSinkOptions {
  /** SMTP port; 0 picks a free one. */
  smtpPort: number;
  /** Web view port; 0 picks a free one. */
  webPort: number;
  /** Interface for both; loopback, as the sink has no authentication at all. */
  host?: string;
  /** Folder the letters are stored in (created if missing), e.g. `var/mail`. */
  dir: string;
  /** Size limit in bytes (default {@link MAIL_SINK_MAX_BYTES}). */
  maxBytes?: number;
  /**
   * Called with every letter after it is stored. The SMTP client gets its 250 only after this
   * resolves; if it rejects, the client gets a temporary 451 and will retry (the stored copy stays
   * visible in the web view). This is how the robot receives mail to the appeals mailbox.
   */
  onMessage?: (parsed: ParsedMail, stored: StoredMail, raw: Buffer) => void | Promise<void>;
}

/** A running mail sink. */
export interface RunningMailSink {
  /** The real SMTP port (useful when 0 was asked for). */
  smtpPort: number;
  /** Base URL of the web view, e.g. `http://127.0.0.1:8025`. */
  webUrl: string;
  /** Stops both servers. */
  close(): Promise<void>;
}

/**
 * Starts the development mail sink: an SMTP server on loopback (no AUTH, no STARTTLS) that stores
 * every letter under `dir`, and a read-only web view of them. Nothing is relayed anywhere.
 */
export async function startMailSink(options: MailSinkOptions): Promise<RunningMailSink> {
  const host = options.host ?? '127.0.0.1';
  const store = createMailStore(options.dir);

  const smtp = new SMTPServer({
    name: 'mail-sink.local',
    banner: 'Development mail sink',
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    size: options.maxBytes ?? MAIL_SINK_MAX_BYTES,
    logger: false,
    // A dev tool: do not keep Ctrl-C waiting for idle pooled client connections.
    closeTimeout: 1_000,
    onData(stream, session, callback) {
      receive(stream, session).then(
        () => callback(),
        (error: unknown) => callback(smtpError(error)),
      );
    },
  });

  async function receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    if (stream.sizeExceeded) throw Object.assign(new Error('Message exceeds the size limit'), { responseCode: 552 });
    const raw = Buffer.concat(chunks);
    const parsed = await simpleParser(raw);
    const stored = await store.save(
      raw,
      parsed,
      session.envelope.rcptTo.map((recipient) => recipient.address),
    );
    if (options.onMessage) {
      try {
        await options.onMessage(parsed, stored, raw);
      } catch (error) {
        console.error('[mail-sink] onMessage failed:', error instanceof Error ? error.name : typeof error);
        throw Object.assign(new Error('Temporary failure, please retry'), { responseCode: 451 });
      }
    }
  }

  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(options.smtpPort, host, () => {
      smtp.off('error', reject);
      resolve();
    });
  });
  // After startup, a failing client connection must not crash the process.
  smtp.on('error', (error) => console.error('[mail-sink] SMTP error:', error.name));
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const app = createMailSinkWebApp(store);
  let web: Server;
  try {
    web = await new Promise<Server>((resolve, reject) => {
      const created = serve(
        // The sink may run inside the CMS process (to hand mail to the robot): keep its globals untouched.
        { fetch: app.fetch, port: options.webPort, hostname: host, overrideGlobalObjects: false },
        () => resolve(created as Server),
      ) as Server;
      created.once('error', reject);
    });
  } catch (error) {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    throw error;
  }
  const webAddress = web.address() as AddressInfo;
  const webHost = webAddress.family === 'IPv6' ? `[${webAddress.address}]` : webAddress.address;

  return {
    smtpPort,
    webUrl: `http://${webHost}:${webAddress.port}`,
    close: async () => {
      await Promise.all([
        new Promise<void>((resolve) => smtp.close(() => resolve())),
        new Promise<void>((resolve) => {
          web.close(() => resolve());
          web.closeAllConnections();
        }),
      ]);
    },
  };
}

function smtpError(error: unknown): Error {
  if (error instanceof Error && 'responseCode' in error) return error;
  console.error('[mail-sink] could not store a letter:', error instanceof Error ? error.name : typeof error);
  return Object.assign(new Error('Temporary failure, please retry'), { responseCode: 451 });
}
