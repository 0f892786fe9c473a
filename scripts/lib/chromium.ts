import fs from 'node:fs';
import { processEnv } from './config';
import { run } from './processes';

const CHROMIUM = '/usr/bin/chromium';

/**
 * Makes sure Debian's Chromium is there for the browser journeys: installs it with apt when running as
 * root, otherwise stops with a clear message. Never skips the journeys silently.
 */
export async function ensureChromium(progress: (message: string) => void): Promise<void> {
  if (fs.existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium is needed for the browser tests but ${CHROMIUM} is missing. Install it once with: sudo apt-get install -y chromium`);
  }
  progress('Installing Debian chromium for the browser tests (apt-get, about 30 s)…');
  const env = { ...processEnv, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update', '-qq'], { label: 'apt-get update', env });
  await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { label: 'apt-get install chromium', env });
  if (!fs.existsSync(CHROMIUM)) throw new Error(`apt-get finished but ${CHROMIUM} is still missing`);
}
