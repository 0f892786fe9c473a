/**
 * `npm start`: installs nothing by itself beyond what `npm install` did; builds what is missing, starts the
 * whole portal on embedded defaults and prints where everything is. Ctrl-C stops it all.
 */
import { exitOnEnvError } from '@portal/core/env-config';
import { processEnv, readStartConfig } from './lib/config';
import { startStack } from './lib/stack';

const config = exitOnEnvError(() => readStartConfig(processEnv));
const started = Date.now();
const stack = await startStack({
  varDir: config.varDir,
  ports: config.ports,
  verbose: config.verbose,
}).catch((error: unknown) => {
  process.stderr.write(`\nThe portal did not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

const login = stack.generatedAdminPassword
  ? `${stack.adminEmail} / ${stack.generatedAdminPassword}   (generated now and shown only once: keep it)`
  : `${stack.adminEmail} (password: ADMIN_PASSWORD, or the one printed at the first start)`;
process.stdout.write(`
Portal is running (ready in ${Math.round((Date.now() - started) / 1000)} s):
  Site          ${stack.siteUrl}/
  Admin (CMS)   ${stack.adminUrl}
  Admin login   ${login}
  Mail sink     ${stack.mailUrl}/   (SMTP ${stack.smtpUrl})
Press Ctrl-C to stop.
`);

let stopping = false;
const shutdown = async (code: number) => {
  if (stopping) return;
  stopping = true;
  process.stdout.write('\nStopping…\n');
  await stack.stop();
  process.exit(code);
};
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
void stack.anyExited.then((name) => {
  if (stopping) return;
  process.stderr.write(`\nThe ${name} process stopped unexpectedly; stopping the portal. Run with PORTAL_VERBOSE=1 to see its output.\n`);
  void shutdown(1);
});
