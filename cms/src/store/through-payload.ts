import type { Payload } from 'payload';
import { COLLECTIONS } from '../slugs';
import type { NewAppeal, OutboxAppeal, StoredAppeal } from './store';

/*
 * The store operations Payload's local API does well enough on an engine: MongoDB always, SQLite where an
 * appeal links attachments (rows in the relationship table besides the appeal's own).
 */

/**
 * Stores the appeal through Payload's create: a single write per appeal on MongoDB. Payload's create reads
 * the row back and runs the collection's hook chain (the Appeals collection has none, so nothing is skipped
 * elsewhere). A failure after which `findByKey` finds the key was a concurrent duplicate that won the race.
 */
export async function createAppeal(
  payload: Payload,
  appeal: NewAppeal,
  findByKey: (key: string) => Promise<StoredAppeal | undefined>,
): Promise<StoredAppeal | 'duplicate'> {
  try {
    return (await payload.create({
      collection: COLLECTIONS.appeals,
      overrideAccess: true,
      depth: 0,
      context: { internal: true },
      data: appeal as never,
    })) as unknown as StoredAppeal;
  } catch (error) {
    if (appeal.idempotencyKey && (await findByKey(appeal.idempotencyKey))) return 'duplicate';
    throw error;
  }
}

export async function findAppealByKey(payload: Payload, key: string): Promise<StoredAppeal | undefined> {
  const found = await payload.find({
    collection: COLLECTIONS.appeals,
    where: { idempotencyKey: { equals: key } },
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
  });
  return found.docs[0] as unknown as StoredAppeal | undefined;
}

export async function findOutboxAppeals(payload: Payload, ids: string[]): Promise<Map<string, OutboxAppeal>> {
  const found = await payload.find({ collection: COLLECTIONS.appeals, where: { id: { in: ids } }, depth: 0, limit: ids.length, pagination: false, overrideAccess: true });
  return new Map((found.docs as unknown as OutboxAppeal[]).map((doc) => [String(doc.id), doc]));
}
