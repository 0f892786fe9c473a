import type { Payload } from 'payload';
import { isoWeek, statsKey, statsQueryText, type SearchEvent } from '@portal/search';
import { storeOf, type QueryStat } from '../store';

/** Column changes of one event: counters to add and values to set. */
type StatsChange = Pick<QueryStat, 'searches' | 'noResultSearches' | 'clicks' | 'lastResultCount'>;

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
  await storeOf(payload).bumpQueryStat({ key, week, query, ...changeOf(event) }, now);
  return true;
}
