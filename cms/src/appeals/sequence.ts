import type { Payload } from 'payload';
import { sql } from '@payloadcms/db-sqlite';
import { COLLECTIONS } from '../slugs';

/**
 * Atomically increments the named counter and returns its new value, in one database statement, so two
 * concurrent requests (or two CMS instances on MongoDB) never get the same number.
 */
export async function nextSequenceValue(payload: Payload, key: string): Promise<number> {
  const now = new Date().toISOString();
  if (payload.db.name === 'mongoose') {
    const model = (payload.db as unknown as { collections: Record<string, { findOneAndUpdate: Function }> }).collections[COLLECTIONS.counters];
    if (!model) throw new Error('counters collection is missing');
    const doc = await model.findOneAndUpdate(
      { key },
      { $inc: { value: 1 }, $set: { updatedAt: now }, $setOnInsert: { createdAt: now } },
      { upsert: true, new: true, lean: true },
    );
    return Number((doc as { value: number }).value);
  }
  const drizzle = (payload.db as unknown as { drizzle: { all: (query: unknown) => Promise<{ value: number }[]> } }).drizzle;
  const rows = await drizzle.all(sql`
    INSERT INTO ${sql.identifier(COLLECTIONS.counters)} (key, value, updated_at, created_at)
    VALUES (${key}, 1, ${now}, ${now})
    ON CONFLICT (key) DO UPDATE SET value = value + 1, updated_at = excluded.updated_at
    RETURNING value`);
  const value = rows[0]?.value;
  if (typeof value !== 'number') throw new Error(`Counter ${key} did not return a value`);
  return value;
}
