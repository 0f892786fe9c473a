import { createMailer, type Mailer } from '@portal/forms-api/mailer';
import { readCmsEnv } from '../env';

const MAILER_KEY = Symbol.for('portal.mailer');
type GlobalWithMailer = typeof globalThis & { [MAILER_KEY]?: Mailer };

/** One pooled SMTP connection set per process, shared by every letter of the robot. */
export function mailer(): Mailer {
  const holder = globalThis as GlobalWithMailer;
  holder[MAILER_KEY] ??= createMailer(readCmsEnv().SMTP_URL);
  return holder[MAILER_KEY];
}

/** SMTP errors quote addresses: keep personal data out of stored errors and logs. */
export function scrubAddresses(message: string): string {
  return message.replace(/[^\s<>"']+@[^\s<>"']+/g, '<адрес скрыт>').slice(0, 500);
}
