/**
 * `npm run serve`: the portal for production — the CMS (`next start`, migrations at start) and the public server,
 * no mail sink, no demo content unless `SEED_DEMO=1`. Refuses to start (exit 2, nothing started) without
 * PAYLOAD_SECRET, SMTP_URL, SITE_URL and CMS_PUBLIC_URL, and (exit 1) when `npm run build` has not built the
 * current sources. Everything it prints is one JSON object per line (the CMS's pino lines pass through with
 * `service` added; other lines are wrapped), for journald and log collectors. SIGTERM/SIGINT stop both processes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { exitOnEnvError } from '@portal/core/env-config';
import { processEnv, readServeConfig } from './lib/config';
import { startStack, type StackServiceName } from './lib/stack';

const config = exitOnEnvError(() => readServeConfig(processEnv));

/** pino's numeric levels, so our lines sort and filter with the CMS's. */
const LEVEL = { info: 30, error: 50 } as const;
const ANSI = /\u001b\[[0-9;]*m/g;

// A closed stdout (the log reader gone) must not crash serve before it has stopped its children.
process.stdout.on('error', () => undefined);
const emit = (record: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(record)}\n`);
const say = (msg: string, level: keyof typeof LEVEL = 'info') => emit({ level: LEVEL[level], time: Date.now(), service: 'serve', msg });

/** A child's line as one JSON object: pino lines keep their fields, anything else becomes `msg`. */
function childLine(service: StackServiceName, line: string): void {
  const text = line.replace(ANSI, '').trim();
  if (!text) return;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      emit({ service, ...(parsed as Record<string, unknown>) });
      return;
    }
  } catch {
    // Not JSON: Next's start banner, the public server's address line.
  }
  emit({ level: LEVEL.info, time: Date.now(), service, msg: text });
}

const started = Date.now();
const stack = await startStack({
  varDir: config.varDir,
  // The mail sink's ports are not used in production.
  ports: { ...config.ports, smtp: 0, mailWeb: 0 },
  verbose: true,
  log: childLine,
  progress: (message) => say(message),
  production: { secret: config.secret, smtpUrl: config.smtpUrl, siteUrl: config.siteUrl, cmsPublicUrl: config.cmsPublicUrl, seedDemo: config.seedDemo },
}).catch((error: unknown) => {
  say(`The portal did not start: ${error instanceof Error ? error.message : String(error)}`, 'error');
  process.exit(1);
});

if (stack.generatedAdminPassword) {
  // Never into the log (journald keeps it, log collectors ship it): into an owner-only file the operator reads once.
  const passwordFile = path.join(config.varDir, 'initial-admin-password');
  fs.writeFileSync(passwordFile, `${stack.adminEmail}\n${stack.generatedAdminPassword}\n`, { mode: 0o600 });
  say(`Administrator ${stack.adminEmail} created; the generated password is in ${passwordFile} (owner-only): log in, change it, then delete the file`);
}
say(`Portal is running (ready in ${Math.round((Date.now() - started) / 1000)} s): site ${config.siteUrl} (public server ${stack.siteUrl}), admin ${config.cmsPublicUrl}/admin (CMS ${stack.cmsUrl})`);

let stopping = false;
const shutdown = async (code: number) => {
  if (stopping) return;
  stopping = true;
  say('Stopping…');
  await stack.stop();
  say('Stopped');
  process.exit(code);
};
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
void stack.anyExited.then((name) => {
  if (stopping) return;
  say(`The ${name} process stopped unexpectedly; stopping the portal so the service manager restarts it`, 'error');
  void shutdown(1);
});
