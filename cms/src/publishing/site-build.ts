import type { Payload, TaskConfig, Where } from 'payload';
import { publishSite } from '@portal/site/build/publish-site';
import type { SiteBuildStatus } from '../collections/SiteBuilds';
import { portalRoot, readCmsEnv, type CmsEnv } from '../env';
import { COLLECTIONS } from '../slugs';

export const BUILD_SITE_TASK = 'buildSite';
/** Builds have their own queue, run one at a time, so a long build never delays the mail robot. */
export const SITE_BUILD_QUEUE = 'site-build';

/** Stored reasons per build: enough to say what changed, bounded for a burst of thousands of edits. */
const MAX_REASONS = 50;
/** Longest stored error text: the tail of the build output, where Astro names the problem. */
const ERROR_LIMIT = 4000;

/** A row of the site-builds collection. */
export interface SiteBuildRow {
  id: number | string;
  status: SiteBuildStatus;
  requestedAt: string;
  startedAt?: string | null;
  finishedAt?: string | null;
  durationMs?: number | null;
  changes?: number | null;
  reasons?: string | null;
  error?: string | null;
}

/** What a rebuild needs from the environment, or null when this process does not build the site. */
export interface SiteBuildSettings {
  rootDir: string;
  buildsDir: string;
  currentLink: string;
  exportUrl: string;
  siteUrl: string;
  debounceMs: number;
}

/** Rebuild settings from the CMS environment (set by scripts/lib/stack.ts); null disables rebuilds. */
export function siteBuildSettings(env: CmsEnv = readCmsEnv()): SiteBuildSettings | null {
  if (!env.SITE_BUILDS_DIR || !env.SITE_CURRENT_LINK || !env.SITE_EXPORT_URL) return null;
  return {
    rootDir: portalRoot(env),
    buildsDir: env.SITE_BUILDS_DIR,
    currentLink: env.SITE_CURRENT_LINK,
    exportUrl: env.SITE_EXPORT_URL,
    siteUrl: env.SITE_URL,
    debounceMs: env.SITE_BUILD_DEBOUNCE_MS,
  };
}

const LOCK_KEY = Symbol.for('portal.site-build.lock');
type GlobalWithLock = typeof globalThis & { [LOCK_KEY]?: { request: Promise<unknown>; build: Promise<unknown> } };

/** Per-process serialisation: one request decision and one build at a time (SQLite has one CMS process). */
function locks(): { request: Promise<unknown>; build: Promise<unknown> } {
  const holder = globalThis as GlobalWithLock;
  holder[LOCK_KEY] ??= { request: Promise.resolve(), build: Promise.resolve() };
  return holder[LOCK_KEY];
}

function serialise<T>(key: 'request' | 'build', work: () => Promise<T>): Promise<T> {
  const lock = locks();
  const result = lock[key].then(work, work);
  lock[key] = result.catch(() => undefined);
  return result;
}

/**
 * Asks for a site rebuild after a change of public content. Coalesces: while a build is queued and not yet
 * started, further changes join it (its counter and reasons grow); a change during a running build queues exactly
 * one follow-up build. So a burst of edits makes one or two builds. Returns the build row the change joined.
 */
export async function requestSiteBuild(payload: Payload, reason: string, now: () => Date = () => new Date()): Promise<SiteBuildRow | null> {
  const settings = siteBuildSettings();
  if (!settings) return null;
  return serialise('request', async () => {
    const queued = await payload.find({
      collection: COLLECTIONS.siteBuilds,
      where: { status: { equals: 'queued' } },
      sort: '-requestedAt',
      limit: 1,
      depth: 0,
      overrideAccess: true,
    });
    const open = queued.docs[0] as unknown as SiteBuildRow | undefined;
    if (open) {
      const reasons = [...(open.reasons ? open.reasons.split('\n') : []), reason].slice(-MAX_REASONS).join('\n');
      return (await payload.update({
        collection: COLLECTIONS.siteBuilds,
        id: open.id,
        overrideAccess: true,
        depth: 0,
        data: { changes: (open.changes ?? 1) + 1, reasons } as never,
      })) as unknown as SiteBuildRow;
    }
    const row = (await payload.create({
      collection: COLLECTIONS.siteBuilds,
      overrideAccess: true,
      depth: 0,
      data: { status: 'queued', requestedAt: now().toISOString(), changes: 1, reasons: reason } as never,
    })) as unknown as SiteBuildRow;
    await payload.jobs.queue({
      task: BUILD_SITE_TASK,
      queue: SITE_BUILD_QUEUE,
      input: { buildId: String(row.id) },
      // A short wait lets the rest of a burst of edits join this build.
      waitUntil: new Date(now().getTime() + settings.debounceMs),
    } as never);
    return row;
  });
}

/**
 * Runs one queued build: marks it running (everything published before this moment is in it), builds into a fresh
 * folder, swaps it in, and records the outcome. A failure is recorded with its error and leaves the previous site
 * online; it is not retried (the next change, or the next CMS start, builds again).
 */
export async function runSiteBuild(payload: Payload, buildId: string): Promise<SiteBuildStatus | 'skipped'> {
  const settings = siteBuildSettings();
  return serialise('build', async () => {
    const id = payload.db.defaultIDType === 'number' ? Number(buildId) : buildId;
    const row = (await payload.findByID({ collection: COLLECTIONS.siteBuilds, id, depth: 0, overrideAccess: true, disableErrors: true })) as unknown as SiteBuildRow | null;
    if (!row || row.status !== 'queued') return 'skipped';
    const startedAt = new Date();
    await updateRow(payload, id, { status: 'running', startedAt: startedAt.toISOString() });
    try {
      if (!settings) throw new Error('SITE_BUILDS_DIR, SITE_CURRENT_LINK and SITE_EXPORT_URL are not set in this CMS process');
      await publishSite({
        rootDir: settings.rootDir,
        buildsDir: settings.buildsDir,
        currentLink: settings.currentLink,
        exportUrl: settings.exportUrl,
        siteUrl: settings.siteUrl,
      });
      const finishedAt = new Date();
      await updateRow(payload, id, { status: 'succeeded', finishedAt: finishedAt.toISOString(), durationMs: finishedAt.getTime() - startedAt.getTime(), error: null });
      payload.logger.info({ build: row.id, changes: row.changes, ms: finishedAt.getTime() - startedAt.getTime() }, 'site rebuilt and swapped in');
      return 'succeeded';
    } catch (error) {
      const finishedAt = new Date();
      const message = (error instanceof Error ? error.message : String(error)).slice(-ERROR_LIMIT);
      await updateRow(payload, id, { status: 'failed', finishedAt: finishedAt.toISOString(), durationMs: finishedAt.getTime() - startedAt.getTime(), error: message });
      payload.logger.error({ build: row.id }, 'site build failed; the previous site stays online');
      return 'failed';
    }
  });
}

async function updateRow(payload: Payload, id: number | string, data: Partial<SiteBuildRow>): Promise<void> {
  await payload.update({ collection: COLLECTIONS.siteBuilds, id, overrideAccess: true, depth: 0, data: data as never });
}

/**
 * At start: a build left `running` belongs to a process that died. It is marked failed and a fresh build is
 * requested, so the site catches up with what was published meanwhile.
 */
export async function recoverInterruptedBuilds(payload: Payload): Promise<number> {
  const running = await payload.find({ collection: COLLECTIONS.siteBuilds, where: { status: { equals: 'running' } }, depth: 0, limit: 100, overrideAccess: true });
  for (const doc of running.docs as unknown as SiteBuildRow[]) {
    await updateRow(payload, doc.id, { status: 'failed', finishedAt: new Date().toISOString(), error: 'Сборка прервана: процесс CMS был остановлен во время сборки.' });
  }
  if (running.docs.length > 0) await requestSiteBuild(payload, 'повтор прерванной сборки');
  return running.docs.length;
}

/** The latest build row, for the admin's status panel. */
export async function latestBuilds(payload: Payload): Promise<{ last: SiteBuildRow | null; lastSucceeded: SiteBuildRow | null; pending: SiteBuildRow | null }> {
  const find = async (where?: Where) =>
    ((await payload.find({ collection: COLLECTIONS.siteBuilds, ...(where ? { where } : {}), sort: '-requestedAt', limit: 1, depth: 0, overrideAccess: true }))
      .docs[0] as unknown as SiteBuildRow | undefined) ?? null;
  const [last, lastSucceeded, pending] = await Promise.all([
    find({ status: { in: ['succeeded', 'failed'] } }),
    find({ status: { equals: 'succeeded' } }),
    find({ status: { in: ['queued', 'running'] } }),
  ]);
  return { last, lastSucceeded, pending };
}

/**
 * When a change saved at `changedAt` went online: the end of the first successful build that started after it,
 * or null while no such build has finished.
 */
export async function liveSince(payload: Payload, changedAt: string): Promise<SiteBuildRow | null> {
  const result = await payload.find({
    collection: COLLECTIONS.siteBuilds,
    where: { and: [{ status: { equals: 'succeeded' } }, { startedAt: { greater_than_equal: changedAt } }] },
    sort: 'startedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  });
  return (result.docs[0] as unknown as SiteBuildRow | undefined) ?? null;
}

/** Job definitions of the publishing pipeline. */
export const siteBuildTasks: TaskConfig[] = [
  {
    slug: BUILD_SITE_TASK,
    label: 'Сборка сайта',
    inputSchema: [{ name: 'buildId', type: 'text', required: true }],
    handler: async ({ input, req }) => {
      const result = await runSiteBuild(req.payload, (input as { buildId: string }).buildId);
      return { output: { result } };
    },
  } as TaskConfig,
];
