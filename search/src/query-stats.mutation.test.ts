import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH } from './contract';
import { isoWeek, statsKey, statsQueryText } from './query-stats';

// Cases the mutation run (npm run mutation) showed unguarded. Expected values by hand: ISO 8601 weeks run Monday to
// Sunday, week 1 holds the year's first Thursday.
describe('isoWeek: the days at the edges of a week', () => {
  it('puts a Sunday in the week that began on the Monday before it, not in the next one', () => {
    // Monday 23 – Sunday 29 November 2026 is week 48 (27 November, its Friday, is week 48).
    expect(isoWeek(new Date('2026-11-29T23:59:59Z'))).toBe('2026-W48');
    expect(isoWeek(new Date('2026-11-30T00:00:00Z'))).toBe('2026-W49');
    expect(isoWeek(new Date('2026-11-23T00:00:00Z'))).toBe('2026-W48');
  });

  it('gives the first Sunday of 2026 to week 1 and the first Sunday of 2021 to week 53 of 2020', () => {
    // 1 January 2026 is a Thursday: week 1 runs from Monday 29 December 2025 to Sunday 4 January 2026.
    expect(isoWeek(new Date('2026-01-04T12:00:00Z'))).toBe('2026-W01');
    // 1 January 2021 is a Friday: Monday 28 December 2020 – Sunday 3 January 2021 is 2020's week 53.
    expect(isoWeek(new Date('2021-01-03T12:00:00Z'))).toBe('2020-W53');
    expect(isoWeek(new Date('2021-01-04T12:00:00Z'))).toBe('2021-W01');
  });

  it('writes weeks 10 and later without a leading zero', () => {
    // Monday 2 – Sunday 8 March 2026 is week 10 (week 1 starts 29 December 2025; 29 Dec + 9 × 7 days = 2 March).
    expect(isoWeek(new Date('2026-03-05T12:00:00Z'))).toBe('2026-W10');
  });
});

describe('statsKey and statsQueryText: what a row is counted under', () => {
  it('keys a row by week and query, separated by a bar', () => {
    expect(statsKey('2026-W48', 'пени')).toBe('2026-W48|пени');
  });

  it('masks an address in the middle of a query and numbers of four digits or more, keeps three digits', () => {
    expect(statsQueryText('напишите на ivan@example.ru срочно')).toBe('напишите на # срочно');
    expect(statsQueryText('счёт 1234')).toBe('счет #');
    expect(statsQueryText('кабинет 123')).toBe('кабинет 123');
  });

  it('never counts a query longer than a query may be', () => {
    expect(statsQueryText('а'.repeat(MAX_QUERY_LENGTH + 50))).toHaveLength(MAX_QUERY_LENGTH);
  });
});
