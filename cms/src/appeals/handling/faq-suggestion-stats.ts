import type { Payload } from 'payload';
import { datedSuggestionCounterKey, SUGGESTION_COUNTER_KEYS, sumDatedSuggestionCounters, type SuggestionEvent, type SuggestionStats } from '@portal/core/faq-suggestions';
import { toLocalIsoDate } from '@portal/core/time-zone';
import { COLLECTIONS } from '../../slugs';
import { nextSequenceValue } from '../intake/sequence';
import { loadCompany } from '../settings/settings';

/**
 * Counts one suggestion event twice, atomically each: the all-time total (kept for continuity) and the counter
 * of the company-local day, which the appeals report sums over its period.
 */
export async function recordSuggestionEvent(payload: Payload, event: SuggestionEvent['event'], now: Date = new Date()): Promise<void> {
  const { timeZone } = await loadCompany(payload);
  await nextSequenceValue(payload, SUGGESTION_COUNTER_KEYS[event]);
  await nextSequenceValue(payload, datedSuggestionCounterKey(event, toLocalIsoDate(now, timeZone)));
}

/** The suggestion figures of a period (inclusive, company-local dates). */
export async function suggestionStatsForPeriod(payload: Payload, period: { from: string; to: string }): Promise<SuggestionStats> {
  const found = await payload.find({
    collection: COLLECTIONS.counters,
    where: { or: Object.values(SUGGESTION_COUNTER_KEYS).map((key) => ({ key: { like: `${key}@` } })) },
    overrideAccess: true,
    depth: 0,
    pagination: false,
  });
  return sumDatedSuggestionCounters(found.docs as unknown as { key: string; value: number }[], period);
}
