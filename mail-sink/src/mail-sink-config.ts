import { z } from 'zod';
import { parseEnv, portVariable, type EnvSource } from '@portal/core/env-config';

/** The mail sink's environment (scripts/serve-mail-sink.ts reads it once, at start). */
const MailSinkEnvSchema = z.object({
  MAIL_SMTP_PORT: portVariable(2525),
  MAIL_WEB_PORT: portVariable(3025),
  /** Folder of the received letters. */
  MAIL_DIR: z.string().default('var/mail'),
  /** The CMS's intake endpoint, its shared token and the appeals mailbox: letters to that mailbox are handed over. */
  MAIL_INTAKE_URL: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  MAIL_INTAKE_TOKEN: z.string().optional(),
  MAIL_INTAKE_ADDRESS: z.string().optional(),
});

/** The validated settings of the mail sink. */
export interface MailSinkConfig {
  smtpPort: number;
  webPort: number;
  dir: string;
  /** Set when the stack hands letters to the appeals mailbox over to the CMS. */
  intake?: { url: string; token: string; mailbox: string };
}

/** Reads and validates the mail sink's environment; throws naming every bad variable. */
export function readMailSinkConfig(source: EnvSource): MailSinkConfig {
  const env = parseEnv(MailSinkEnvSchema, source, { title: 'Invalid mail sink environment', secrets: ['MAIL_INTAKE_TOKEN'] });
  const { MAIL_INTAKE_URL: url, MAIL_INTAKE_TOKEN: token, MAIL_INTAKE_ADDRESS: mailbox } = env;
  return { smtpPort: env.MAIL_SMTP_PORT, webPort: env.MAIL_WEB_PORT, dir: env.MAIL_DIR, ...(url && token && mailbox ? { intake: { url, token, mailbox } } : {}) };
}
