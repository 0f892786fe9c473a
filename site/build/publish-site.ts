import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Where and from what the static site is built. */
export interface PublishSiteOptions {
  /** Repository root: holds astro.config.mjs and node_modules/.bin/astro. */
  rootDir: string;
  /** Folder of the builds (e.g. var/site/builds); every build gets a fresh sub-folder. */
  buildsDir: string;
  /** The symlink the public server resolves per request (e.g. var/site/current). */
  currentLink: string;
  /** The CMS's published-content snapshot, e.g. http://127.0.0.1:3001/api/site-export. */
  exportUrl: string;
  /** Public origin of the site, used for canonical links. */
  siteUrl: string;
  /** Extra environment for the build (the caller's environment is inherited). */
  env?: Record<string, string | undefined>;
}

/** A build that is now online. */
export interface PublishedSite {
  /** The build folder the current symlink points to. */
  dir: string;
  durationMs: number;
}

/** Build folders kept besides the current one, so a request that began on the old site can finish. */
const KEEP_PREVIOUS = 2;
/** Unfinished build folders older than this belong to a build whose process died; they are removed. */
const STALE_PARTIAL_MS = 60 * 60 * 1000;
const PARTIAL_PREFIX = '.partial-';

/**
 * Builds the static site with `astro build` into a fresh folder and swaps it in atomically (a new symlink
 * renamed over the old one). Used by both `npm start` and the CMS's rebuild job. If the build fails the
 * current symlink is untouched, so the previous site stays online, and the error carries the build's output tail.
 */
export async function publishSite(options: PublishSiteOptions): Promise<PublishedSite> {
  const started = Date.now();
  fs.mkdirSync(options.buildsDir, { recursive: true });
  const id = `${Date.now()}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  // Astro writes into a hidden folder first; only a complete build gets its final name.
  const partial = path.join(options.buildsDir, `${PARTIAL_PREFIX}${id}`);
  const finalDir = path.join(options.buildsDir, id);
  try {
    await runAstroBuild(options, partial);
    fs.renameSync(partial, finalDir);
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw error;
  }
  swapSymlink(options.currentLink, finalDir);
  pruneBuilds(options.buildsDir, finalDir);
  return { dir: finalDir, durationMs: Date.now() - started };
}

async function runAstroBuild(options: PublishSiteOptions, outDir: string): Promise<void> {
  const workDir = path.join(options.rootDir, '.astro', 'builds', path.basename(outDir));
  fs.mkdirSync(workDir, { recursive: true });
  try {
    await spawnAstroBuild(options, outDir, workDir);
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

function spawnAstroBuild(options: PublishSiteOptions, outDir: string, workDir: string): Promise<void> {
  const bin = path.join(options.rootDir, 'node_modules', '.bin');
  return new Promise((resolve, reject) => {
    // Astro puts its intermediate prerender bundle in `<cwd>/.astro/.prerender/` whenever the output folder lies
    // outside the working directory. Several stacks building from one checkout at once (the test suite's) shared
    // and deleted each other's bundle there, so each build runs from a working folder of its own. That folder stays
    // inside the checkout: the bundle imports the site's packages from the checkout's node_modules.
    const child = spawn(path.join(bin, 'astro'), ['build', '--root', options.rootDir], {
      cwd: workDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        // The pinned Node (npm package `node`) lives in the same bin folder; the shim picks it up from PATH.
        PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
        ASTRO_TELEMETRY_DISABLED: '1',
        NODE_ENV: 'production',
        ...options.env,
        SITE_EXPORT_URL: options.exportUrl,
        SITE_OUT_DIR: outDir,
        SITE_URL: options.siteUrl,
      },
    });
    let tail = '';
    const collect = (chunk: Buffer) => {
      tail = (tail + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`astro build failed (${signal ?? `exit ${code}`}):\n${stripAnsi(tail).trim()}`));
    });
  });
}

/** Points `link` at `target` atomically: readers see the old folder or the new one, never nothing. */
export function swapSymlink(link: string, target: string): void {
  fs.mkdirSync(path.dirname(link), { recursive: true });
  const temporary = `${link}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`;
  fs.symlinkSync(target, temporary);
  fs.renameSync(temporary, link);
}

/** Removes old builds, keeping the current one, the newest others, and partial builds still in progress. */
function pruneBuilds(buildsDir: string, current: string): void {
  const now = Date.now();
  const complete = fs
    .readdirSync(buildsDir)
    .filter((name) => !name.startsWith('.'))
    .sort();
  const keep = new Set([path.basename(current), ...complete.slice(-(KEEP_PREVIOUS + 1))]);
  for (const name of complete) if (!keep.has(name)) fs.rmSync(path.join(buildsDir, name), { recursive: true, force: true });
  for (const name of fs.readdirSync(buildsDir).filter((entry) => entry.startsWith(PARTIAL_PREFIX))) {
    const full = path.join(buildsDir, name);
    const age = now - fs.statSync(full).mtimeMs;
    if (age > STALE_PARTIAL_MS) fs.rmSync(full, { recursive: true, force: true });
  }
}

// eslint-disable-next-line no-control-regex
const stripAnsi = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, '');
