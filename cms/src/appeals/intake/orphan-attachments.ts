import fs from 'node:fs/promises';
import path from 'node:path';
import type { Payload, TaskConfig } from 'payload';
import { COLLECTIONS } from '../../slugs';

export const ORPHAN_SWEEP_TASK = 'sweepOrphanAttachments';

/** Younger files may belong to a submission still being registered. */
export const ORPHAN_MIN_AGE_MS = 60 * 60 * 1000;

const PAGE = 500;

/** Ids of the attachments an appeal row links (depth 0 gives ids; a populated row gives objects). */
function linkedIds(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((item: unknown) => (typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : item))
    .filter((id): id is number | string => typeof id === 'number' || typeof id === 'string')
    .map(String);
}

/**
 * Removes what a refused or failed submission left behind, older than an hour: attachment records no appeal
 * links (with their files), and files in the attachments folder no record names. Registration removes a refused
 * submission's files at once (attachments.ts); this catches what that could not (a crash between storing the
 * files and the appeal's insert, a database failure during the removal). Returns how many of each went.
 */
export async function sweepOrphanAttachments(payload: Payload, now: Date = new Date()): Promise<{ records: number; files: number }> {
  const cutoff = new Date(now.getTime() - ORPHAN_MIN_AGE_MS);
  const orphans: (number | string)[] = [];
  for (let page = 1; ; page++) {
    const batch = await payload.find({
      collection: COLLECTIONS.appealAttachments,
      where: { createdAt: { less_than: cutoff.toISOString() } },
      depth: 0,
      limit: PAGE,
      page,
      sort: 'id',
      overrideAccess: true,
    });
    const ids = batch.docs.map((doc) => doc.id);
    if (ids.length > 0) {
      const linking = await payload.find({
        collection: COLLECTIONS.appeals,
        where: { attachments: { in: ids } },
        select: { attachments: true },
        depth: 0,
        pagination: false,
        overrideAccess: true,
      });
      // Files posted in the chat are linked by their message (chat-messages.attachment), not by an appeal.
      const chatLinking = await payload.find({
        collection: COLLECTIONS.chatMessages,
        where: { attachment: { in: ids } },
        select: { attachment: true },
        depth: 0,
        pagination: false,
        overrideAccess: true,
      });
      const linked = new Set([
        ...linking.docs.flatMap((doc) => linkedIds((doc as { attachments?: unknown }).attachments)),
        ...chatLinking.docs.flatMap((doc) => linkedIds([(doc as { attachment?: unknown }).attachment])),
      ]);
      orphans.push(...ids.filter((id) => !linked.has(String(id))));
    }
    if (!batch.hasNextPage) break;
  }
  // Payload removes each record's file from the upload directory with it.
  for (let i = 0; i < orphans.length; i += PAGE) {
    await payload.delete({ collection: COLLECTIONS.appealAttachments, where: { id: { in: orphans.slice(i, i + PAGE) } }, overrideAccess: true });
  }
  return { records: orphans.length, files: await sweepUnrecordedFiles(payload, cutoff) };
}

/** Files in the attachments folder, older than the cutoff, that no record names (a record written after its file failed). */
async function sweepUnrecordedFiles(payload: Payload, cutoff: Date): Promise<number> {
  const dir = (payload.collections[COLLECTIONS.appealAttachments].config.upload as { staticDir?: string }).staticDir;
  if (!dir) return 0;
  let entries: string[];
  try {
    entries = await fs.readdir(dir);
  } catch {
    return 0; // No folder yet: nothing was ever attached.
  }
  const old: string[] = [];
  for (const name of entries) {
    const stat = await fs.stat(path.join(dir, name)).catch(() => undefined);
    if (stat?.isFile() && stat.mtime < cutoff) old.push(name);
  }
  let removed = 0;
  for (let i = 0; i < old.length; i += PAGE) {
    const names = old.slice(i, i + PAGE);
    const recorded = await payload.find({
      collection: COLLECTIONS.appealAttachments,
      where: { filename: { in: names } },
      select: { filename: true },
      depth: 0,
      pagination: false,
      overrideAccess: true,
    });
    const known = new Set(recorded.docs.map((doc) => String((doc as { filename?: string | null }).filename ?? '')));
    for (const name of names) {
      if (known.has(name)) continue;
      await fs.rm(path.join(dir, name), { force: true });
      removed++;
    }
  }
  return removed;
}

/** Hourly, like the other scheduled jobs (cms/src/jobs). */
export const orphanAttachmentTasks: TaskConfig[] = [
  {
    slug: ORPHAN_SWEEP_TASK,
    label: 'Удаление вложений без обращения',
    schedule: [{ cron: '0 17 * * * *', queue: 'default' }],
    handler: async ({ req }: { req: { payload: Payload } }) => ({ output: await sweepOrphanAttachments(req.payload) }),
  } as unknown as TaskConfig,
];
