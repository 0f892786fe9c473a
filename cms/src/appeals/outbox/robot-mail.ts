import { createMailer, type Mailer } from './mailer';
import { readCmsEnv } from '../../env';

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

/** One pooled SMTP connection set per process, shared by every letter of the robot. */
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
