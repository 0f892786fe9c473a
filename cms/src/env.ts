import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseEnv, type EnvSource } from '@portal/core/env-config';
import { SearchEnvSchema } from '@portal/search';
import { pinProcessTimeZone } from './components/staff-dates';

/**
 * The CMS process's environment, validated once at startup (payload.config.ts reads it first thing). Secrets come
 * only from here; `npm start` generates and keeps a PAYLOAD_SECRET under var/ when none is given. This is the only
 * module of the CMS that reads the process environment; the rest takes the validated values from {@link readCmsEnv}.
 */
const CmsEnvSchema = z.object({
  ...SearchEnvSchema.shape,
  /** The company's time zone for the admin's dates and the jobs' clock (default Europe/Moscow; see pinCmsTimeZone). */
  TZ: z.string().optional(),
  /** Signs sessions and tokens. At least 32 characters. */
  PAYLOAD_SECRET: z.string().min(32, 'PAYLOAD_SECRET must be at least 32 characters long'),
  /** `file:…` for SQLite (default var/portal.db), `mongodb://…` for MongoDB (a replica set in production). */
  DATABASE_URL: z.string().optional(),
  /** SQLite: how long a write waits for a lock held by someone else before failing with SQLITE_BUSY. */
  DATABASE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
  /** Public origin of the site, used in links inside e-mails. */
  SITE_URL: z.string().url().default('http://localhost:3000'),
  /** SMTP server for outgoing mail, e.g. smtp://127.0.0.1:2525 or smtps://user:pass@relay:465. */
  SMTP_URL: z.string().default('smtp://127.0.0.1:2525'),
  /** Sender address of the mail robot. Defaults to the company e-mail from the settings. */
  MAIL_FROM: z.string().optional(),
  /** First administrator, created when the database has no users. */
  ADMIN_EMAIL: z.string().email().default('admin@example.ru'),
  ADMIN_PASSWORD: z.string().min(12).optional(),
  /** Repository root: where content/ and var/ live (the CMS runs with cwd cms/). */
  PORTAL_ROOT: z.string().optional(),
  /** `off` disables the job runner inside this process (e.g. for a read-only instance). */
  JOBS_AUTORUN: z.enum(['on', 'off']).default('on'),
  /** Log level of the CMS (pino): trace, debug, info, warn, error, fatal, silent. */
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  /**
   * Site rebuilds from the CMS (cms/src/publishing): the builds folder, the symlink the public server serves, and
   * this process's own snapshot URL that `astro build` reads. Unset SITE_BUILDS_DIR disables rebuilds.
   */
  SITE_BUILDS_DIR: z.string().optional(),
  SITE_CURRENT_LINK: z.string().optional(),
  SITE_EXPORT_URL: z.string().url().optional(),
  /** How long a rebuild waits for more changes before it starts, so a burst of edits makes one build. */
  SITE_BUILD_DEBOUNCE_MS: z.coerce.number().int().min(0).default(2000),
  /** Origin of the admin for links in staff e-mails, e.g. https://cms.example.ru (default: none, paths only). */
  CMS_PUBLIC_URL: z.string().url().optional(),
  /** Folder of the files attached to appeals (private; default var/attachments under the repository root). */
  ATTACHMENTS_DIR: z.string().optional(),
  /** The company's appeals mailbox as IMAP URL (imaps://user:pass@host/INBOX); when set, the robot polls it. */
  IMAP_URL: z.string().optional(),
  /** Shared secret of the loopback endpoint the embedded mail sink hands incoming appeals to. */
  MAIL_INTAKE_TOKEN: z.string().min(16).optional(),
  /**
   * Lets callers off this machine use the internal endpoints (`/api/site-export`, `/api/health`, anonymous
   * `/api/access`) with the header `X-Internal-Token`; without it they answer loopback callers only. `npm start`
   * generates one when unset.
   */
  CMS_INTERNAL_TOKEN: z.string().min(16).optional(),
  /** Secret signing the forms' proof-of-work challenges (ALTCHA); the check is off without it. */
  ALTCHA_HMAC_KEY: z.string().min(16).optional(),
  /** Appeals accepted per e-mail address per hour before the forms ask the sender to wait; default 10. */
  APPEALS_PER_EMAIL_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(10),
  /**
   * Authserv-ids (comma-separated) of the company's own receiving mail server: only its `Authentication-Results`
   * header is trusted for the SPF/DMARC verdict on incoming letters. Default: the domain of the appeals address.
   */
  MAIL_AUTHSERV_ID: z.string().optional(),
  /** Confirmations sent per sender address per day for letters to the appeals mailbox; default 3. */
  EMAIL_CONFIRMATIONS_PER_DAY: z.coerce.number().int().min(0).max(1000).default(3),
  /** Appeals received more than this many days ago are anonymised by the retention job; default 5 years. */
  APPEAL_RETENTION_DAYS: z.coerce.number().int().min(30).max(36_500).default(1826),
  /** How often the satisfaction survey job looks for closed appeals, in seconds (default 600; at most an hour). */
  SURVEY_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(600),
  /** Folder of the nightly backup archives (default `backups/` beside the SQLite database, i.e. var/backups). */
  BACKUP_DIR: z.string().optional(),
  /** Encrypts the archives (AES-256-GCM, key by scrypt); `npm run restore` needs the same value. */
  BACKUP_PASSPHRASE: z.string().min(12, 'expected at least 12 characters').optional(),
  /**
   * When the nightly backup runs: a cron expression with seconds, in the CMS's time zone (TZ, default Moscow);
   * `off` disables it. Default 02:30 every night.
   */
  BACKUP_SCHEDULE: z
    .string()
    .regex(/^(off|(\S+\s+){5}\S+)$/, 'expected a cron expression with six fields (seconds first), e.g. "0 30 2 * * *", or off')
    .default('0 30 2 * * *'),
  /** Nightly archives kept: daily,weekly,monthly (default 7,4,12). */
  BACKUP_KEEP: z
    .string()
    .regex(/^\d{1,3},\d{1,3},\d{1,3}$/, 'expected three numbers daily,weekly,monthly, e.g. 7,4,12')
    .transform((value) => {
      const [daily, weekly, monthly] = value.split(',').map(Number) as [number, number, number];
      return { daily, weekly, monthly };
    })
    .refine((keep) => keep.daily >= 1, 'the daily count must be at least 1')
    .default({ daily: 7, weekly: 4, monthly: 12 }),
  /** `off` skips seeding the demo content. */
  SEED_DEMO: z.enum(['on', 'off']).default('on'),
});
export type CmsEnv = z.output<typeof CmsEnvSchema>;

/** Variables whose values an error message must never show. */
const SECRETS = ['PAYLOAD_SECRET', 'DATABASE_URL', 'SMTP_URL', 'ADMIN_PASSWORD', 'IMAP_URL', 'MAIL_INTAKE_TOKEN', 'CMS_INTERNAL_TOKEN', 'ALTCHA_HMAC_KEY', 'MEILI_API_KEY', 'BACKUP_PASSPHRASE'];

// One module graph, one read: the test harness loads a fresh graph (vi.resetModules) for every CMS it starts.
let processConfig: CmsEnv | undefined;

/**
 * The CMS's validated environment. Without an argument: this process's, read and validated on the first call (at
 * start, by payload.config.ts) and the same object afterwards. With a source: that source, validated (tests).
 * Bad input throws one error listing every problem, each naming its variable.
 */
export function readCmsEnv(source?: EnvSource): CmsEnv {
  if (source) return parseEnv(CmsEnvSchema, source, { title: 'Invalid CMS environment', secrets: SECRETS });
  processConfig ??= parseEnv(CmsEnvSchema, process.env, { title: 'Invalid CMS environment', secrets: SECRETS });
  return processConfig;
}

/**
 * Pins the process to the company's time zone: `TZ` when it names a zone, else Europe/Moscow, written back to the
 * environment because that is how Node's clock and Payload's server-rendered dates learn it. Returns the zone.
 */
export function pinCmsTimeZone(): string {
  return pinProcessTimeZone(process.env);
}

/** The repository root. `PORTAL_ROOT` wins; otherwise the parent of the cms/ folder the process runs in. */
export function portalRoot(env: CmsEnv): string {
  if (env.PORTAL_ROOT) return env.PORTAL_ROOT;
  const cwd = process.cwd();
  return path.basename(cwd) === 'cms' ? path.dirname(cwd) : cwd;
}

/** Where attachment files are stored: `ATTACHMENTS_DIR`, or var/attachments under the repository root. */
export function attachmentsDir(env: CmsEnv): string {
  return env.ATTACHMENTS_DIR ?? path.join(portalRoot(env), 'var', 'attachments');
}

/** Folder of this source file's package, for paths that must not depend on the bundler. */
export const CMS_SRC_DIR = path.dirname(fileURLToPath(import.meta.url));
