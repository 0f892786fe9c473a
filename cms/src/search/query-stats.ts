import type { Payload } from 'payload';
import { sql } from '@payloadcms/db-sqlite';
import { isoWeek, statsKey, statsQueryText, type SearchEvent } from '@portal/search';
import { COLLECTIONS } from '../slugs';

/** Column changes of one event: counters to add and values to set. */
interface StatsChange {
  searches: number;
  noResultSearches: number;
  clicks: number;
  lastResultCount: number | null;
}

function changeOf(event: SearchEvent): StatsChange {
  if (event.kind === 'click') return { searches: 0, noResultSearches: 0, clicks: 1, lastResultCount: null };
  return { searches: 1, noResultSearches: event.results === 0 ? 1 : 0, clicks: 0, lastResultCount: event.results };
}

/**
 * Counts one search event in the row of its normalized query and week, in one database statement
 * (an upsert with increments), so concurrent events never lose counts. Only the masked query text,
 * the week and counters are stored — nothing about the visitor. Returns false when nothing
 * meaningful remained of the query.
 */
export async function recordSearchEvent(payload: Payload, event: SearchEvent, now = new Date()): Promise<boolean> {
  const query = statsQueryText(event.q);
  if (query === '') return false;
  const week = isoWeek(now);
  const key = statsKey(week, query);
  const change = changeOf(event);
  const at = now.toISOString();
  if (payload.db.name === 'mongoose') {
    const model = (payload.db as unknown as { collections: Record<string, { findOneAndUpdate: Function }> }).collections[
      COLLECTIONS.searchQueries
    ];
    if (!model) throw new Error('search-queries collection is missing');
    await model.findOneAndUpdate(
      { key },
      {
        $inc: { searches: change.searches, noResultSearches: change.noResultSearches, clicks: change.clicks },
        $set: { updatedAt: at, ...(change.lastResultCount !== null ? { lastResultCount: change.lastResultCount } : {}) },
        $setOnInsert: { createdAt: at, week, query },
      },
      { upsert: true },
    );
    return true;
  }
  const drizzle = (payload.db as unknown as { drizzle: { run: (query: unknown) => Promise<unknown> } }).drizzle;
  await drizzle.run(sql`
    INSERT INTO ${sql.identifier('search_queries')}
      (key, week, query, searches, no_result_searches, clicks, last_result_count, updated_at, created_at)
    VALUES (${key}, ${week}, ${query}, ${change.searches}, ${change.noResultSearches}, ${change.clicks},
      ${change.lastResultCount}, ${at}, ${at})
    ON CONFLICT (key) DO UPDATE SET
      searches = searches + excluded.searches,
      no_result_searches = no_result_searches + excluded.no_result_searches,
      clicks = clicks + excluded.clicks,
      last_result_count = coalesce(excluded.last_result_count, last_result_count),
      updated_at = excluded.updated_at`);
  return true;
}
