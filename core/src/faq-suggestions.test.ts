import { describe, expect, it } from 'vitest';
import { datedSuggestionCounterKey, SUGGESTION_COUNTER_KEYS, sumDatedSuggestionCounters } from './faq-suggestions';

describe('dated FAQ suggestion counters', () => {
  const rows = [
    { key: SUGGESTION_COUNTER_KEYS.opened, value: 100 }, // the all-time total: never summed into a period
    { key: datedSuggestionCounterKey('opened', '2026-10-31'), value: 7 },
    { key: datedSuggestionCounterKey('opened', '2026-11-01'), value: 5 },
    { key: datedSuggestionCounterKey('opened', '2026-11-30'), value: 3 },
    { key: datedSuggestionCounterKey('sent-after-opening', '2026-11-01'), value: 2 },
    { key: datedSuggestionCounterKey('sent-after-opening', '2026-12-01'), value: 9 },
  ];

  it('sums the days of the period, both ends included', () => {
    expect(sumDatedSuggestionCounters(rows, { from: '2026-11-01', to: '2026-11-30' })).toEqual({ opened: 8, sentAfterOpening: 2, notSentAfterOpening: 6 });
  });

  it('never reports a negative number of questions answered by suggestions', () => {
    expect(sumDatedSuggestionCounters(rows, { from: '2026-12-01', to: '2026-12-31' })).toEqual({ opened: 0, sentAfterOpening: 9, notSentAfterOpening: 0 });
  });
});
