import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { publishSite } from '@portal/site/build/publish-site';
import { loadCompany } from '@portal/content';
import { DEFAULT_PORTS, processEnv, readStackEnv } from './config';
import { fingerprint } from './fingerprint';
import { portIsFree } from './free-port';
import { BIN, ROOT } from './paths';
import { run, startService, waitForHttp, type Service } from './processes';

/** Ports of the embedded stack. The CMS and the mail sink listen on loopback only. */
export interface StackPorts {
  public: number;
  cms: number;
  smtp: number;
  mailWeb: number;
}

export { DEFAULT_PORTS };

export interface StackOptions {
  /** Where the database, secrets, mail and site builds live (default var/). */
  varDir: string;
  ports: StackPorts;
  /** Extra environment for the CMS process (e.g. ADMIN_PASSWORD, MEILI_HOST). */
  cmsEnv?: Record<string, string>;
  /** Print the services' own output (default true). */
  verbose?: boolean;
  /** Extra environment for the public server (e.g. FORM_RATE_LIMIT=off for load tests). */
  publicEnv?: Record<string, string>;
  /**
   * The forms' proof-of-work check (ALTCHA; default on). The benchmark turns it off: it measures
   * registration, and a browser's proof-of-work would dominate the figures.
   */
  humanCheck?: boolean;
  progress?: (message: string) => void;
  /** Where the services' own lines go when `verbose` (default: printed with a `[name]` prefix). */
  log?: (service: StackServiceName, line: string) => void;
  /**
   * Production (`npm run serve`): the operator's SMTP relay, origins and secret; no mail sink; the admin must have
   * been built by `npm run build` (refused otherwise); the site is built at start only when none is there yet.
   */
  production?: ProductionSettings;
}

/** What `npm run serve` takes from the operator (scripts/lib/config.ts `readServeConfig`). */
export interface ProductionSettings {
  secret: string;
  smtpUrl: string;
  /** Public origin of the site and staff origin of the admin. */
  siteUrl: string;
  cmsPublicUrl: string;
  /** Import the demo company (default: an empty portal). */
  seedDemo: boolean;
}

export interface RunningStack {
  siteUrl: string;
  adminUrl: string;
  cmsUrl: string;
  mailUrl: string;
  smtpUrl: string;
  adminEmail: string;
  /** Set when this start created the administrator with a generated password. */
  generatedAdminPassword?: string;
  /** Rebuilds the static site from the CMS and swaps it in atomically. */
  rebuildSite(): Promise<void>;
  /** Resolves with a service's name when any of them ends on its own. */
  anyExited: Promise<string>;
  /** Fault injection and monitoring for the soak test and benchmarks. */
  services: StackServices;
  stop(): Promise<void>;
}

/** Names of the long-running processes of the stack. */
export type StackServiceName = 'mail' | 'cms' | 'public';

/** Stops and restarts single services of a running stack; the others keep running. */
export interface StackServices {
  /** Stops the service (SIGTERM to its process group). */
  stop(name: StackServiceName): Promise<void>;
  /** Kills the service without warning (SIGKILL to its process group), as a crash would. */
  kill(name: StackServiceName): Promise<void>;
  /** Starts a stopped service again with the same settings and waits until it answers. */
  start(name: StackServiceName): Promise<void>;
  /** Process id of the service's main process, if running. */
  pid(name: StackServiceName): number | undefined;
}

const CMS_SOURCES = ['cms/src', 'site/build', 'cms/next.config.mjs', 'cms/package.json', 'core/src', 'search/src', 'api/src', 'content/src', 'package-lock.json'];

/** The environment every child gets: the pinned Node first on PATH, telemetry off. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...processEnv,
    PATH: `${path.join(ROOT, 'node_modules', '.bin')}${path.delimiter}${processEnv.PATH ?? ''}`,
    NEXT_TELEMETRY_DISABLED: '1',
    ASTRO_TELEMETRY_DISABLED: '1',
    ...extra,
  };
}

/** Reads the kept PAYLOAD_SECRET, creating it (random, owner-only) on first start. */
export function ensureSecret(varDir: string, given: string | undefined): string {
  if (given) return given;
  const file = path.join(varDir, 'payload-secret');
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}

const CMS_BUILD_STAMP = path.join(ROOT, 'cms', '.next', 'portal-sources.sha256');

/** Whether the admin build (cms/.next) exists and was built from exactly the current sources. */
export function cmsBuildIsCurrent(wanted = fingerprint(ROOT, CMS_SOURCES)): boolean {
  return fs.existsSync(CMS_BUILD_STAMP) && fs.readFileSync(CMS_BUILD_STAMP, 'utf8') === wanted;
}

/** Builds the admin (Next.js) unless a build of exactly these sources exists (or `force`, e.g. to time it). */
export async function ensureCmsBuild(progress: (message: string) => void, { force = false }: { force?: boolean } = {}): Promise<void> {
  const stampFile = CMS_BUILD_STAMP;
  const wanted = fingerprint(ROOT, CMS_SOURCES);
  if (!force && cmsBuildIsCurrent(wanted)) {
    progress('CMS build is up to date');
    return;
  }
  progress('Building the CMS admin (Next.js, about a minute on 2 cores)…');
  const started = Date.now();
  await run(BIN.next, ['build'], {
    cwd: path.join(ROOT, 'cms'),
    label: 'next build',
    // The build never opens the database; the secret only has to pass validation.
    env: childEnv({ PAYLOAD_SECRET: 'build-time-placeholder-secret-not-used-at-runtime', NODE_ENV: 'production' }),
  });
  fs.writeFileSync(stampFile, wanted);
  progress(`CMS built in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** Where the site builds and the current-site symlink live under the data folder. */
export function siteDirs(varDir: string): { buildsDir: string; currentLink: string } {
  return { buildsDir: path.join(varDir, 'site', 'builds'), currentLink: path.join(varDir, 'site', 'current') };
}

/** Whether the current-site symlink points at a build with a home page. */
export function siteBuildPresent(varDir: string): boolean {
  return fs.existsSync(path.join(siteDirs(varDir).currentLink, 'index.html'));
}

/**
 * Builds the static site from the CMS's published snapshot into a fresh folder and swaps it in: the same
 * function the CMS's rebuild job runs (site/build/publish-site.ts).
 */
export async function buildSite(varDir: string, cmsUrl: string, siteUrl: string, internalToken: string): Promise<string> {
  const published = await publishSite({ rootDir: ROOT, ...siteDirs(varDir), exportUrl: `${cmsUrl}/api/site-export`, siteUrl, env: childEnv({ CMS_INTERNAL_TOKEN: internalToken }) });
  return published.dir;
}

/**
 * Starts the embedded stack: mail sink, CMS (migrations, admin user, demo seed and search index happen inside
 * it), the static site build, and the public server. Stops what it started if any step fails.
 */
/**
 * The appeals mailbox of the embedded stack: the demo company's e-mail. The CMS checks the recipient against
 * the address in its settings again, so a changed address only makes the sink hand over letters it ignores.
 */
function demoAppealsMailbox(): string {
  return loadCompany({ root: path.join(ROOT, 'content') }).email;
}

/**
 * Starts the portal: the embedded stack of `npm start` and the tests, or with `production` the one of `npm run serve`
 * (the operator's SMTP relay instead of the mail sink, the admin built beforehand, the site built only when absent).
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const progress = options.progress ?? ((message: string) => process.stdout.write(`• ${message}\n`));
  const { varDir, ports, production } = options;
  const serviceLog = (name: StackServiceName) => (options.log ? { log: (line: string) => options.log?.(name, line) } : {});
  const verbose = options.verbose ?? true;
  // Read once, before anything starts: a bad value stops here with its name.
  const env = readStackEnv(processEnv);
  fs.mkdirSync(varDir, { recursive: true });
  const services: Service[] = [];
  const stop = async () => {
    for (const service of [...services].reverse()) await service.stop();
  };

  try {
    // A port already taken usually means the portal is running already; say so instead of failing later.
    // Production has no mail sink: only the CMS's and the public server's ports are taken.
    const taken = production ? { public: ports.public, cms: ports.cms } : ports;
    for (const [name, value] of Object.entries(taken)) {
      if (!(await portIsFree(value))) {
        throw new Error(`port ${value} (${name}) is already in use. Is the portal already running? Stop it, or choose other ports (PUBLIC_PORT, CMS_PORT, MAIL_SMTP_PORT, MAIL_WEB_PORT).`);
      }
    }
    const secret = production ? production.secret : ensureSecret(varDir, env.PAYLOAD_SECRET);
    // Shared by the sink and the CMS only; a new one every start.
    const intakeToken = crypto.randomBytes(24).toString('base64url');
    // The CMS's internal endpoints (site export, health) for the site build and scripts; a new one every start.
    const internalToken = env.CMS_INTERNAL_TOKEN ?? crypto.randomBytes(24).toString('base64url');
    const cmsUrlForIntake = `http://127.0.0.1:${ports.cms}`;
    const databaseFile = path.join(varDir, 'portal.db');
    const firstStart = !fs.existsSync(databaseFile);
    const adminEmail = options.cmsEnv?.ADMIN_EMAIL ?? env.ADMIN_EMAIL;
    const givenPassword = options.cmsEnv?.ADMIN_PASSWORD ?? env.ADMIN_PASSWORD;
    const generatedAdminPassword = firstStart && !givenPassword ? crypto.randomBytes(12).toString('base64url') : undefined;

    if (!production) await ensureCmsBuild(progress);
    else if (!cmsBuildIsCurrent()) throw new Error('the admin build is missing or older than the sources. Run `npm run build` first.');

    const mailUrl = `http://127.0.0.1:${ports.mailWeb}`;
    const cmsUrl = `http://127.0.0.1:${ports.cms}`;
    // The public origin in links (SITE_URL), and where this script itself asks the public server.
    const siteUrl = production ? production.siteUrl : `http://localhost:${ports.public}`;
    const localSiteUrl = production ? `http://127.0.0.1:${ports.public}` : siteUrl;
    const running = new Map<StackServiceName, Service>();
    // Each launcher starts its service and waits until it answers; kept so single services can be restarted.
    const launchers: Record<StackServiceName, () => Promise<Service>> = {
      mail: async () => {
        const mail = startService('mail', BIN.tsx, [path.join(ROOT, 'scripts', 'serve-mail-sink.ts')], {
          cwd: ROOT,
          quiet: !verbose,
          ...serviceLog('mail'),
          env: childEnv({
            MAIL_SMTP_PORT: String(ports.smtp),
            MAIL_WEB_PORT: String(ports.mailWeb),
            MAIL_DIR: path.join(varDir, 'mail'),
            MAIL_INTAKE_URL: `${cmsUrlForIntake}/api/mail-intake`,
            MAIL_INTAKE_TOKEN: intakeToken,
            MAIL_INTAKE_ADDRESS: env.MAIL_INTAKE_ADDRESS ?? demoAppealsMailbox(),
          }),
        });
        services.push(mail);
        await waitForHttp(`${mailUrl}/api/messages`, { timeoutMs: 30_000, service: mail });
        return mail;
      },
      cms: async () => {
        const cms = startService('cms', BIN.next, ['start', '-p', String(ports.cms), '-H', '127.0.0.1'], {
          cwd: path.join(ROOT, 'cms'),
          quiet: !verbose,
          ...serviceLog('cms'),
          env: childEnv({
            NODE_ENV: 'production',
            PAYLOAD_SECRET: secret,
            DATABASE_URL: env.DATABASE_URL ?? `file:${databaseFile}`,
            SMTP_URL: production?.smtpUrl ?? env.SMTP_URL ?? `smtp://127.0.0.1:${ports.smtp}`,
            PORTAL_ROOT: ROOT,
            SITE_URL: siteUrl,
            // The admin's own origin: absolute links in staff letters, and the origin forged-request checks accept
            // (its loopback twins included, so the admin works at localhost and 127.0.0.1 alike).
            CMS_PUBLIC_URL: production?.cmsPublicUrl ?? env.CMS_PUBLIC_URL ?? `http://localhost:${ports.cms}`,
            // Production starts empty unless asked; the CMS reads on/off (serve also takes SEED_DEMO=1).
            ...(production ? { SEED_DEMO: production.seedDemo ? 'on' : 'off' } : {}),
            // The rebuild job (cms/src/publishing) builds the site the same way this script does at start.
            SITE_BUILDS_DIR: siteDirs(varDir).buildsDir,
            // Attachments beside the database in the data folder, where `npm run backup` and `restore` expect them.
            ATTACHMENTS_DIR: processEnv.ATTACHMENTS_DIR ?? path.join(varDir, 'attachments'),
            SITE_CURRENT_LINK: siteDirs(varDir).currentLink,
            SITE_EXPORT_URL: `${cmsUrl}/api/site-export`,
            // Only the embedded mail sink hands letters over; production polls IMAP_URL instead.
            ...(production ? {} : { MAIL_INTAKE_TOKEN: intakeToken }),
            CMS_INTERNAL_TOKEN: internalToken,
            // Derived from the kept secret, so challenges issued before a restart stay valid.
            ...(options.humanCheck === false ? {} : { ALTCHA_HMAC_KEY: crypto.createHash('sha256').update(`altcha:${secret}`).digest('hex') }),
            ADMIN_EMAIL: adminEmail,
            ...(generatedAdminPassword ? { ADMIN_PASSWORD: generatedAdminPassword } : {}),
            ...(givenPassword ? { ADMIN_PASSWORD: givenPassword } : {}),
            ...options.cmsEnv,
          }),
        });
        services.push(cms);
        await waitForHttp(`${cmsUrl}/api/health`, { timeoutMs: 180_000, service: cms });
        return cms;
      },
      public: async () => {
        const publicServer = startService('public', BIN.tsx, [path.join(ROOT, 'scripts', 'serve-public.ts')], {
          cwd: ROOT,
          quiet: !verbose,
          ...serviceLog('public'),
          env: childEnv({ PUBLIC_PORT: String(ports.public), SITE_CURRENT: path.join(varDir, 'site', 'current'), CMS_ORIGIN: cmsUrl, ...options.publicEnv }),
        });
        services.push(publicServer);
        await waitForHttp(`${localSiteUrl}/`, { timeoutMs: 30_000, service: publicServer });
        return publicServer;
      },
    };
    const launch = async (name: StackServiceName) => {
      running.set(name, await launchers[name]());
    };

    if (!production) {
      progress(`Starting the mail sink (SMTP ${ports.smtp}, web ${ports.mailWeb})…`);
      await launch('mail');
    }

    const seeding = production ? production.seedDemo : true;
    progress(firstStart ? `Starting the CMS: migrations, the administrator${seeding ? ' and the demo content' : ''}…` : 'Starting the CMS (migrations first)…');
    await launch('cms');

    // Production keeps the site the CMS last built (it rebuilds after every publication); only a first start builds.
    if (production && siteBuildPresent(varDir)) {
      progress('A site build is present; the CMS rebuilds it after every publication');
    } else {
      progress('Building the public site from the published content…');
      const siteStarted = Date.now();
      await buildSite(varDir, cmsUrl, siteUrl, internalToken);
      progress(`Site built in ${((Date.now() - siteStarted) / 1000).toFixed(1)} s`);
    }

    progress(`Starting the public server on port ${ports.public}…`);
    await launch('public');
    const firstServices = [...services];

    return {
      siteUrl: localSiteUrl,
      adminUrl: `http://localhost:${ports.cms}/admin`,
      cmsUrl,
      mailUrl,
      smtpUrl: `smtp://127.0.0.1:${ports.smtp}`,
      adminEmail,
      ...(generatedAdminPassword ? { generatedAdminPassword } : {}),
      rebuildSite: async () => {
        await buildSite(varDir, cmsUrl, siteUrl, internalToken);
      },
      anyExited: Promise.race(firstServices.map((service) => service.exited.then(() => service.name))),
      services: {
        async stop(name) {
          await running.get(name)?.stop();
          running.delete(name);
        },
        async kill(name) {
          const service = running.get(name);
          if (service?.child.pid === undefined) return;
          try {
            process.kill(-service.child.pid, 'SIGKILL');
          } catch {
            // Already gone.
          }
          await service.exited;
          running.delete(name);
        },
        async start(name) {
          if (!running.has(name)) await launch(name);
        },
        pid: (name) => running.get(name)?.child.pid,
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
