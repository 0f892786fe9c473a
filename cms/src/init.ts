import type { Payload } from 'payload';
import { migrations } from './migrations';
import { usesMongo } from './db';
import { portalRoot, type CmsEnv } from './env';
import { recoverInterruptedBuilds } from './publishing/site-build';
import { rebuildSearchIndex } from './search/engine';
import { ensureAdmin, seedDemoContent } from './seed';
import { startOutboxDispatcher } from './appeals/outbox/outbox';
import { pollingChatFeed } from './chat/feed';

/**
 * Runs once per CMS process, before it serves anything: schema migrations (SQLite), the first administrator,
 * the demo content when the database is empty of it, and the search index built from what is published.
 * `env` is the environment payload.config.ts validated at start.
 */
export async function initPortal(payload: Payload, env: CmsEnv): Promise<void> {
  if (!usesMongo(env)) await payload.db.migrate({ migrations: migrations as never });
  await ensureAdmin(payload, env);
  if (env.SEED_DEMO === 'on') {
    const { created } = await seedDemoContent(payload, env, portalRoot(env));
    if (created > 0) payload.logger.info(`demo content: ${created} documents created`);
  }
  const indexed = await rebuildSearchIndex(payload);
  payload.logger.info(`search index: ${indexed} published documents`);
  // The mail robot's outbox dispatcher runs where the job queue runs; it first sends whatever a stopped process left.
  if (env.JOBS_AUTORUN === 'on') startOutboxDispatcher(payload);
  // Several CMS instances share a MongoDB: chat messages written by another instance reach this one's streams
  // within a second (cms/src/chat/feed.ts). One SQLite process needs no poll: its writes publish in-process.
  if (usesMongo(env)) pollingChatFeed(payload).start();
  const interrupted = await recoverInterruptedBuilds(payload);
  if (interrupted > 0) payload.logger.warn(`site builds interrupted by a restart: ${interrupted}; a new build is queued`);
}
