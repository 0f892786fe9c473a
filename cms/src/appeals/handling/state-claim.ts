import type { Payload } from 'payload';
import { sql } from '@payloadcms/db-sqlite';
import type { AppealState } from '@portal/core/appeal-state';
import { COLLECTIONS } from '../../slugs';

/** What the handler who lost a race is told. */
export const STATE_CHANGED_MESSAGE = 'Обращение уже изменил другой сотрудник, обновите страницу.';

type MongoModel = { updateOne: (filter: Record<string, unknown>, update: Record<string, unknown>) => Promise<{ modifiedCount?: number }> };

/**
 * Compare-and-set of an appeal's state in one database statement (`UPDATE … WHERE id = ? AND status = ? AND
 * updated_at = ?`): true only for the one request that found the appeal still as it read it (`from`, last changed
 * at `readUpdatedAt`; the time also catches a state moved to itself, e.g. routed again). Two handlers acting at once on the same appeal
 * therefore cannot both move it from the same state; the loser is told to reload. Payload's own update reads and
 * then writes, so it cannot do this (and transactions are off on SQLite).
 */
export async function claimStateChange(
  payload: Payload,
  id: number | string,
  from: AppealState,
  to: AppealState,
  readUpdatedAt: string | null,
  now: Date = new Date(),
): Promise<boolean> {
  const at = now.toISOString();
  if (payload.db.name === 'mongoose') {
    const model = (payload.db as unknown as { collections: Record<string, MongoModel> }).collections[COLLECTIONS.appeals];
    if (!model) throw new Error('appeals collection is missing');
    const result = await model.updateOne(
      { _id: id, status: from, ...(readUpdatedAt ? { updatedAt: new Date(readUpdatedAt) } : {}) },
      { $set: { status: to, updatedAt: new Date(at) } },
    );
    return (result.modifiedCount ?? 0) === 1;
  }
  const drizzle = (payload.db as unknown as { drizzle: { all: (query: unknown) => Promise<{ id: number }[]> } }).drizzle;
  const rows = await drizzle.all(sql`
    UPDATE ${sql.identifier(COLLECTIONS.appeals)} SET status = ${to}, updated_at = ${at}
    WHERE id = ${Number(id)} AND status = ${from}${readUpdatedAt ? sql` AND updated_at = ${readUpdatedAt}` : sql``}
    RETURNING id`);
  return rows.length === 1;
}

/** Undoes a claim whose follow-up write failed, unless someone has moved the appeal on since. */
export async function releaseStateChange(payload: Payload, id: number | string, from: AppealState, to: AppealState): Promise<void> {
  await claimStateChange(payload, id, to, from, null).catch(() => false);
}
