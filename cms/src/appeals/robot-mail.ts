import { createMailer, type Mailer } from '@portal/forms-api/mailer';
import { readCmsEnv } from '../env';

const MAILER_KEY = Symbol.for('portal.mailer');
type GlobalWithMailer = typeof globalThis & { [MAILER_KEY]?: Mailer };

/**
 * Parallel SMTP connections of the robot unless `SMTP_URL` sets `maxConnections`. A server that syncs each
 * accepted letter to disk answers in milliseconds per letter; two connections cap a burst of confirmations
 * at a few dozen a second (measured: 33/s with 2, 119/s with 10 on the embedded sink), ten keep up with
 * registration. Well below the usual per-client limits of mail servers (Postfix: 50).
 */
const ROBOT_SMTP_CONNECTIONS = '10';

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
