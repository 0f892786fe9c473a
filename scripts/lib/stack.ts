import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fingerprint } from './fingerprint';
import { BIN, ROOT } from './paths';
import { run, startService, waitForHttp, type Service } from './processes';

/** Ports of the embedded stack. The CMS and the mail sink listen on loopback only. */
export interface StackPorts {
  public: number;
  cms: number;
  smtp: number;
  mailWeb: number;
}

export const DEFAULT_PORTS: StackPorts = { public: 3000, cms: 3001, smtp: 2525, mailWeb: 3025 };

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
  progress?: (message: string) => void;
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

const CMS_SOURCES = ['cms/src', 'cms/next.config.mjs', 'cms/package.json', 'core/src', 'search/src', 'forms-api/src', 'content/src', 'package-lock.json'];

/** The environment every child gets: the pinned Node first on PATH, telemetry off. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${path.join(ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    NEXT_TELEMETRY_DISABLED: '1',
    ASTRO_TELEMETRY_DISABLED: '1',
    ...extra,
  };
}

/** Reads the kept PAYLOAD_SECRET, creating it (random, owner-only) on first start. */
export function ensureSecret(varDir: string): string {
  if (process.env.PAYLOAD_SECRET) return process.env.PAYLOAD_SECRET;
  const file = path.join(varDir, 'payload-secret');
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}

/** Builds the admin (Next.js) unless a build of exactly these sources exists (or `force`, e.g. to time it). */
export async function ensureCmsBuild(progress: (message: string) => void, { force = false }: { force?: boolean } = {}): Promise<void> {
  const stampFile = path.join(ROOT, 'cms', '.next', 'portal-sources.sha256');
  const wanted = fingerprint(ROOT, CMS_SOURCES);
  if (!force && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === wanted) {
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

/** Builds the static site from the CMS's published snapshot into a fresh folder and swaps it in. */
export async function buildSite(varDir: string, cmsUrl: string, siteUrl: string): Promise<string> {
  const builds = path.join(varDir, 'site', 'builds');
  fs.mkdirSync(builds, { recursive: true });
  const outDir = path.join(builds, `${Date.now()}-${process.pid}`);
  await run(BIN.astro, ['build'], {
    cwd: ROOT,
    label: 'astro build',
    env: childEnv({ SITE_EXPORT_URL: `${cmsUrl}/api/site-export`, SITE_OUT_DIR: outDir, SITE_URL: siteUrl }),
  });
  // Swap atomically: a new symlink renamed over the old one. The public server resolves it per request.
  const current = path.join(varDir, 'site', 'current');
  const temporary = `${current}.${process.pid}.tmp`;
  fs.rmSync(temporary, { force: true });
  fs.symlinkSync(outDir, temporary);
  fs.renameSync(temporary, current);
  for (const name of fs.readdirSync(builds).sort().slice(0, -2)) fs.rmSync(path.join(builds, name), { recursive: true, force: true });
  return outDir;
}

/**
 * Starts the embedded stack: mail sink, CMS (migrations, admin user, demo seed and search index happen inside
 * it), the static site build, and the public server. Stops what it started if any step fails.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const progress = options.progress ?? ((message: string) => process.stdout.write(`• ${message}\n`));
  const { varDir, ports } = options;
  const verbose = options.verbose ?? true;
  fs.mkdirSync(varDir, { recursive: true });
  const services: Service[] = [];
  const stop = async () => {
    for (const service of [...services].reverse()) await service.stop();
  };

  try {
    const secret = ensureSecret(varDir);
    const databaseFile = path.join(varDir, 'portal.db');
    const firstStart = !fs.existsSync(databaseFile);
    const adminEmail = options.cmsEnv?.ADMIN_EMAIL ?? process.env.ADMIN_EMAIL ?? 'admin@example.ru';
    const givenPassword = options.cmsEnv?.ADMIN_PASSWORD ?? process.env.ADMIN_PASSWORD;
    const generatedAdminPassword = firstStart && !givenPassword ? crypto.randomBytes(12).toString('base64url') : undefined;

    await ensureCmsBuild(progress);

    const mailUrl = `http://127.0.0.1:${ports.mailWeb}`;
    const cmsUrl = `http://127.0.0.1:${ports.cms}`;
    const siteUrl = `http://localhost:${ports.public}`;
    const running = new Map<StackServiceName, Service>();
    // Each launcher starts its service and waits until it answers; kept so single services can be restarted.
    const launchers: Record<StackServiceName, () => Promise<Service>> = {
      mail: async () => {
        const mail = startService('mail', BIN.tsx, [path.join(ROOT, 'scripts', 'serve-mail-sink.ts')], {
          cwd: ROOT,
          quiet: !verbose,
          env: childEnv({ MAIL_SMTP_PORT: String(ports.smtp), MAIL_WEB_PORT: String(ports.mailWeb), MAIL_DIR: path.join(varDir, 'mail') }),
        });
        services.push(mail);
        await waitForHttp(`${mailUrl}/api/messages`, { timeoutMs: 30_000, service: mail });
        return mail;
      },
      cms: async () => {
        const cms = startService('cms', BIN.next, ['start', '-p', String(ports.cms), '-H', '127.0.0.1'], {
          cwd: path.join(ROOT, 'cms'),
          quiet: !verbose,
          env: childEnv({
            NODE_ENV: 'production',
            PAYLOAD_SECRET: secret,
            DATABASE_URL: process.env.DATABASE_URL ?? `file:${databaseFile}`,
            SMTP_URL: process.env.SMTP_URL ?? `smtp://127.0.0.1:${ports.smtp}`,
            PORTAL_ROOT: ROOT,
            SITE_URL: siteUrl,
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
          env: childEnv({ PUBLIC_PORT: String(ports.public), SITE_CURRENT: path.join(varDir, 'site', 'current'), CMS_ORIGIN: cmsUrl, ...options.publicEnv }),
        });
        services.push(publicServer);
        await waitForHttp(`${siteUrl}/`, { timeoutMs: 30_000, service: publicServer });
        return publicServer;
      },
    };
    const launch = async (name: StackServiceName) => {
      running.set(name, await launchers[name]());
    };

    progress(`Starting the mail sink (SMTP ${ports.smtp}, web ${ports.mailWeb})…`);
    await launch('mail');

    progress(firstStart ? 'Starting the CMS: creating the database, the administrator and the demo content…' : 'Starting the CMS…');
    await launch('cms');

    progress('Building the public site from the published content…');
    const siteStarted = Date.now();
    await buildSite(varDir, cmsUrl, siteUrl);
    progress(`Site built in ${((Date.now() - siteStarted) / 1000).toFixed(1)} s`);

    progress(`Starting the public server on port ${ports.public}…`);
    await launch('public');
    const firstServices = [...services];

    return {
      siteUrl,
      adminUrl: `http://localhost:${ports.cms}/admin`,
      cmsUrl,
      mailUrl,
      smtpUrl: `smtp://127.0.0.1:${ports.smtp}`,
      adminEmail,
      ...(generatedAdminPassword ? { generatedAdminPassword } : {}),
      rebuildSite: async () => {
        await buildSite(varDir, cmsUrl, siteUrl);
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
