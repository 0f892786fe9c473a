import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { processEnv } from './config';
import { run } from './processes';

export const NGINX = '/usr/sbin/nginx';
const POLICY_RC = '/usr/sbin/policy-rc.d';
const exec = promisify(execFile);

/**
 * Makes sure Debian's nginx is there for the check of deploy/nginx (like ensureChromium): installs `nginx-light`
 * with apt when running as root, otherwise stops with the command to run. The package's post-install script would
 * start the service on port 80: a temporary policy-rc.d (exit 101, «action forbidden») keeps it from starting.
 */
export async function ensureNginx(progress: (message: string) => void): Promise<void> {
  if (fs.existsSync(NGINX)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`nginx is needed to check deploy/nginx but ${NGINX} is missing. Install it once with: sudo apt-get install -y nginx-light`);
  }
  progress('Installing Debian nginx-light to check deploy/nginx (apt-get, not started)…');
  const ownPolicy = !fs.existsSync(POLICY_RC);
  if (ownPolicy) fs.writeFileSync(POLICY_RC, '#!/bin/sh\n# Written by the portal tests while apt installs nginx: start no service.\nexit 101\n', { mode: 0o755 });
  try {
    const env = { ...processEnv, DEBIAN_FRONTEND: 'noninteractive' };
    await run('apt-get', ['update', '-qq'], { label: 'apt-get update', env });
    await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'nginx-light'], { label: 'apt-get install nginx-light', env });
  } finally {
    if (ownPolicy) fs.rmSync(POLICY_RC, { force: true });
  }
  if (!fs.existsSync(NGINX)) throw new Error(`apt-get finished but ${NGINX} is still missing`);
}

/** A self-signed certificate and key for `name` (openssl, P-256, one day), written into `dir`. */
export async function selfSignedCertificate(dir: string, name: string): Promise<{ cert: string; key: string }> {
  const cert = path.join(dir, `${name}.crt`);
  const key = path.join(dir, `${name}.key`);
  await exec('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', `/CN=${name}`, '-keyout', key, '-out', cert]);
  return { cert, key };
}

/**
 * A wrapper nginx.conf in `dir` (its own pid, logs and temp folders) that includes the site as Debian would load it,
 * its certificate paths and snippet include pointed at files in `dir`. Returns the wrapper's path.
 */
export function writeNginxWrapper(dir: string, siteText: string, snippetText: string, certificates: (host: string) => { cert: string; key: string }): string {
  const snippet = path.join(dir, 'portal-proxy.conf');
  fs.writeFileSync(snippet, snippetText);
  const site = siteText
    .replace(/\/etc\/nginx\/snippets\/portal-proxy\.conf/g, snippet)
    .replace(/\/etc\/ssl\/portal\/([a-z0-9.-]+)\.fullchain\.pem/g, (_, host: string) => certificates(host).cert)
    .replace(/\/etc\/ssl\/portal\/([a-z0-9.-]+)\.key\.pem/g, (_, host: string) => certificates(host).key);
  fs.writeFileSync(path.join(dir, 'portal.conf'), site);
  for (const sub of ['logs', 'temp']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  const temp = (name: string) => path.join(dir, 'temp', name);
  const wrapper = [
    `pid ${path.join(dir, 'nginx.pid')};`,
    `error_log ${path.join(dir, 'logs', 'error.log')};`,
    'events {}',
    'http {',
    '  include /etc/nginx/mime.types;',
    `  access_log ${path.join(dir, 'logs', 'access.log')};`,
    `  client_body_temp_path ${temp('body')};`,
    `  proxy_temp_path ${temp('proxy')};`,
    `  fastcgi_temp_path ${temp('fastcgi')};`,
    `  uwsgi_temp_path ${temp('uwsgi')};`,
    `  scgi_temp_path ${temp('scgi')};`,
    `  include ${path.join(dir, 'portal.conf')};`,
    '}',
    '',
  ].join('\n');
  const config = path.join(dir, 'nginx.conf');
  fs.writeFileSync(config, wrapper);
  return config;
}

/**
 * `nginx -t` on a site file (see {@link writeNginxWrapper}). Resolves with nginx's output; rejects with it when
 * nginx finds the configuration invalid.
 */
export async function testNginxSite(dir: string, siteText: string, snippetText: string, certificates: (host: string) => { cert: string; key: string }): Promise<string> {
  const config = writeNginxWrapper(dir, siteText, snippetText, certificates);
  try {
    const { stdout, stderr } = await exec(NGINX, ['-t', '-c', config, '-p', `${dir}/`, '-e', path.join(dir, 'logs', 'error.log')]);
    return stdout + stderr;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    throw new Error(`nginx -t refused the configuration:\n${failed.stdout ?? ''}${failed.stderr ?? ''}`);
  }
}
