/**
 * The environment of the scripts (`npm start`, `npm test`, `npm run soak`, `npm run reindex`), validated in one
 * place. Each entry point reads its part once, at start; a bad value stops it with a message naming the variable.
 * The stack's children get the environment passed on as it is (scripts/lib/stack.ts `childEnv`): each of them
 * validates its own part (cms/src/env.ts, public-server/src/public-server-config.ts, mail-sink/src/mail-sink-config.ts).
 */
import path from 'node:path';
import { z } from 'zod';
import { flagVariable, parseEnv, portVariable, positiveNumberVariable, type EnvSource } from '@portal/core/env-config';
import { isIsoDate } from '@portal/core/iso-date';
import { ROOT } from './paths';

/** The environment of this process, for the entry points' one read. */
export const processEnv: EnvSource = process.env;

/** Ports of the embedded stack when none are given. */
export const DEFAULT_PORTS = { public: 3000, cms: 3001, smtp: 2525, mailWeb: 3025 } as const;

const StartEnvSchema = z.object({
  PUBLIC_PORT: portVariable(DEFAULT_PORTS.public),
  CMS_PORT: portVariable(DEFAULT_PORTS.cms),
  MAIL_SMTP_PORT: portVariable(DEFAULT_PORTS.smtp),
  MAIL_WEB_PORT: portVariable(DEFAULT_PORTS.mailWeb),
  /** Database, secrets, mail and site builds (default var/ in the repository). */
  PORTAL_VAR_DIR: z.string().default(path.join(ROOT, 'var')),
  /** `1` prints the services' own output. */
  PORTAL_VERBOSE: flagVariable(),
});

/** `npm start`: where the stack lives and listens. */
export function readStartConfig(source: EnvSource) {
  const env = parseEnv(StartEnvSchema, source, { title: 'Invalid environment for npm start' });
  return {
    varDir: env.PORTAL_VAR_DIR,
    ports: { public: env.PUBLIC_PORT, cms: env.CMS_PORT, smtp: env.MAIL_SMTP_PORT, mailWeb: env.MAIL_WEB_PORT },
    verbose: env.PORTAL_VERBOSE,
  };
}

const StackEnvSchema = z.object({
  /** Kept in var/payload-secret when not given; the CMS checks its length. */
  PAYLOAD_SECRET: z.string().optional(),
  ADMIN_EMAIL: z.string().default('admin@example.ru'),
  ADMIN_PASSWORD: z.string().optional(),
  /** The appeals mailbox the mail sink hands over to the CMS (default: the demo company's). */
  MAIL_INTAKE_ADDRESS: z.string().optional(),
  /** The CMS's database and SMTP server (default: SQLite under the var folder, the stack's own mail sink). */
  DATABASE_URL: z.string().optional(),
  SMTP_URL: z.string().optional(),
  /** The admin's public origin (default: http://localhost:<CMS_PORT>); forged-request checks accept only it. */
  CMS_PUBLIC_URL: z.string().optional(),
  /** Lets the site build and scripts use the CMS's internal endpoints from anywhere; generated every start when unset. */
  CMS_INTERNAL_TOKEN: z.string().min(16, 'expected at least 16 characters').optional(),
});
export type StackEnv = z.output<typeof StackEnvSchema>;

/** What the stack takes from the environment of whoever starts it (start, test, soak, bench, fault tests). */
export function readStackEnv(source: EnvSource): StackEnv {
  return parseEnv(StackEnvSchema, source, { title: 'Invalid environment for the stack', secrets: ['PAYLOAD_SECRET', 'ADMIN_PASSWORD', 'DATABASE_URL', 'SMTP_URL', 'CMS_INTERNAL_TOKEN'] });
}

/** An http(s) URL such as `https://energo.example.ru` (production origins). */
const httpUrlVariable = (what: string) =>
  z.url({ protocol: /^https?$/, error: (issue) => (issue.input === undefined ? `required: ${what}` : 'expected an http(s) URL such as https://energo.example.ru') });

const ServeEnvSchema = z.object({
  /** Signs sessions; the operator keeps it (serve never generates one). */
  PAYLOAD_SECRET: z
    .string({ error: 'required: the secret that signs sessions, at least 32 characters (e.g. openssl rand -hex 32)' })
    .min(32, 'expected at least 32 characters (e.g. openssl rand -hex 32)'),
  /** The SMTP relay of the mail robot. */
  SMTP_URL: z.url({
    protocol: /^smtps?$/,
    error: (issue) => (issue.input === undefined ? 'required: the SMTP relay of the mail robot, e.g. smtp://user:pass@relay.example.ru:587' : 'expected an smtp:// or smtps:// URL'),
  }),
  SITE_URL: httpUrlVariable('the public origin of the site, e.g. https://energo.example.ru'),
  CMS_PUBLIC_URL: httpUrlVariable('the staff origin of the admin, e.g. https://cms.energo.example.ru'),
  PUBLIC_PORT: portVariable(DEFAULT_PORTS.public),
  CMS_PORT: portVariable(DEFAULT_PORTS.cms),
  PORTAL_VAR_DIR: z.string().default(path.join(ROOT, 'var')),
  /** `1` (or `on`) imports the demo company at start; production starts empty by default. */
  SEED_DEMO: z.enum(['0', '1', 'on', 'off'], { error: 'expected 1 or 0' }).optional(),
});

/**
 * `npm run serve`: the four variables production cannot do without (checked before anything starts; every missing
 * or bad one is named), the ports and the data folder.
 */
export function readServeConfig(source: EnvSource) {
  const env = parseEnv(ServeEnvSchema, source, { title: 'npm run serve needs these variables (nothing was started)', secrets: ['PAYLOAD_SECRET', 'SMTP_URL'] });
  return {
    secret: env.PAYLOAD_SECRET,
    smtpUrl: env.SMTP_URL,
    siteUrl: new URL(env.SITE_URL).origin,
    cmsPublicUrl: new URL(env.CMS_PUBLIC_URL).origin,
    ports: { public: env.PUBLIC_PORT, cms: env.CMS_PORT },
    varDir: path.resolve(env.PORTAL_VAR_DIR),
    seedDemo: env.SEED_DEMO === '1' || env.SEED_DEMO === 'on',
  };
}
export type ServeConfig = ReturnType<typeof readServeConfig>;

const TestEnvSchema = z.object({
  /** One stage only; unset runs them all. */
  TEST_ONLY: z.enum(['typecheck', 'unit', 'e2e', 'faults'], { error: 'expected typecheck, unit, e2e or faults' }).optional(),
  /** Only test files whose path contains one of these words (space-separated). */
  TEST_FILES: z.string().default(''),
  /** The day the journeys' site is built as of, so tariff periods and banners do not change with the calendar. */
  SITE_TODAY: z.string().refine(isIsoDate, 'expected a date like 2026-11-27').default('2026-11-27'),
  PORTAL_VERBOSE: flagVariable(),
});

/** `npm test`: which stages and files to run. */
export function readTestConfig(source: EnvSource) {
  const env = parseEnv(TestEnvSchema, source, { title: 'Invalid environment for npm test' });
  return { only: env.TEST_ONLY, fileFilters: env.TEST_FILES.split(/\s+/).filter(Boolean), siteToday: env.SITE_TODAY, verbose: env.PORTAL_VERBOSE };
}

const SoakEnvSchema = z.object({
  SOAK_MINUTES: positiveNumberVariable(10),
  SOAK_RATE: positiveNumberVariable(6),
});

/** `npm run soak`: how long and how fast. */
export function readSoakConfig(source: EnvSource) {
  const env = parseEnv(SoakEnvSchema, source, { title: 'Invalid environment for npm run soak' });
  return { minutes: env.SOAK_MINUTES, rate: env.SOAK_RATE };
}

const ReindexEnvSchema = z.object({
  CMS_URL: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  CMS_PORT: portVariable(DEFAULT_PORTS.cms),
  ADMIN_EMAIL: z.email({ error: 'expected an e-mail address' }).default('admin@example.ru'),
  ADMIN_PASSWORD: z.string({ error: 'Set ADMIN_PASSWORD to the CMS administrator password.' }).min(1),
});

/** `npm run reindex`: the CMS to ask and the administrator's login. */
export function readReindexConfig(source: EnvSource) {
  const env = parseEnv(ReindexEnvSchema, source, { title: 'Invalid environment for npm run reindex', secrets: ['ADMIN_PASSWORD'] });
  return { cmsUrl: env.CMS_URL ?? `http://127.0.0.1:${env.CMS_PORT}`, adminEmail: env.ADMIN_EMAIL, adminPassword: env.ADMIN_PASSWORD };
}

/** Switches of the fault tests (scripts/faults), which start their own stack. */
export function readFaultTestConfig(source: EnvSource) {
  const env = parseEnv(z.object({ PORTAL_VERBOSE: flagVariable() }), source, { title: 'Invalid environment for the fault tests' });
  return { verbose: env.PORTAL_VERBOSE };
}

const BackupEnvSchema = z.object({
  CMS_URL: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  CMS_PORT: portVariable(DEFAULT_PORTS.cms),
  /** The data folder: where the generated secret is read from (backup) and everything is restored into (restore). */
  PORTAL_VAR_DIR: z.string().default(path.join(ROOT, 'var')),
  /** Where attachments are restored (default <PORTAL_VAR_DIR>/attachments, where `npm start` keeps them). */
  ATTACHMENTS_DIR: z.string().optional(),
  /** Where `npm run backup` writes archives (default <PORTAL_VAR_DIR>/backups). */
  BACKUP_DIR: z.string().optional(),
  /** Encrypts archives (AES-256-GCM, key by scrypt); a restore of an encrypted archive needs the same value. */
  BACKUP_PASSPHRASE: z.string().min(12, 'expected at least 12 characters').optional(),
  DATABASE_URL: z.string().optional(),
  CMS_INTERNAL_TOKEN: z.string().min(16, 'expected at least 16 characters').optional(),
});

/** `npm run backup` and `npm run restore`: the CMS to ask, the folders, the passphrase. */
export function readBackupConfig(source: EnvSource) {
  const env = parseEnv(BackupEnvSchema, source, { title: 'Invalid environment for the backup', secrets: ['BACKUP_PASSPHRASE', 'DATABASE_URL', 'CMS_INTERNAL_TOKEN'] });
  return {
    cmsUrl: env.CMS_URL ?? `http://127.0.0.1:${env.CMS_PORT}`,
    cmsPort: env.CMS_PORT,
    varDir: path.resolve(env.PORTAL_VAR_DIR),
    attachmentsDir: env.ATTACHMENTS_DIR,
    backupDir: path.resolve(env.BACKUP_DIR ?? path.join(env.PORTAL_VAR_DIR, 'backups')),
    passphrase: env.BACKUP_PASSPHRASE,
    usesMongo: Boolean(env.DATABASE_URL?.startsWith('mongodb')),
    internalToken: env.CMS_INTERNAL_TOKEN,
  };
}
