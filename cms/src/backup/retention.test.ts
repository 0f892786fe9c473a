import { describe, expect, it } from 'vitest';
import { archivesToKeep, DEFAULT_KEEP } from './retention';

const MSK = 'Europe/Moscow';

/** The nightly archive of a Moscow date: written at 02:30 MSK, i.e. 23:30 UTC of the day before. */
function nightOf(mskDate: string): Date {
  return new Date(`${mskDate}T02:30:00+03:00`);
}

/** Moscow dates from `from` to `to` inclusive. */
function dates(from: string, to: string): string[] {
  const out: string[] = [];
  for (let at = new Date(`${from}T00:00:00Z`); at <= new Date(`${to}T00:00:00Z`); at = new Date(at.getTime() + 86_400_000)) out.push(at.toISOString().slice(0, 10));
  return out;
}

const keptDates = (kept: Date[]) => kept.map((at) => new Date(at.getTime() + 3 * 3_600_000).toISOString().slice(0, 10));

// The calendar used below (2026): 1 October is a Thursday; Mondays of November are the 2nd, 9th, 16th, 23rd, 30th.
describe('backup retention (7 daily, 4 weekly, 12 monthly)', () => {
  it('60 nights from 1 October to 29 November keep the last 7 nights, the first of the last 4 weeks and of each month', () => {
    const nights = dates('2026-10-01', '2026-11-29');
    expect(nights).toHaveLength(60);
    const kept = archivesToKeep(nights.map(nightOf), DEFAULT_KEEP, MSK);
    expect(keptDates(kept)).toEqual([
      '2026-10-01', // first of October (its archive is 30 September 23:30 UTC: the Moscow day counts)
      '2026-11-01', // first of November (31 October 23:30 UTC)
      '2026-11-02', // first of the week of 2 November
      '2026-11-09', // weeks of 9 and 16 November
      '2026-11-16',
      '2026-11-23', // first of the week of 23 November, and one of the last 7 nights
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
  });

  it('a failed night in the middle: the 7 daily archives reach one night further back; a week whose Monday failed keeps its Tuesday', () => {
    const nights = dates('2026-10-01', '2026-11-29').filter((date) => date !== '2026-11-26' && date !== '2026-11-09');
    const kept = archivesToKeep(nights.map(nightOf), DEFAULT_KEEP, MSK);
    expect(keptDates(kept)).toEqual(['2026-10-01', '2026-11-01', '2026-11-02', '2026-11-10', '2026-11-16', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-27', '2026-11-28', '2026-11-29']);
  });

  it('a year and a half of nights keep 12 months, the oldest months dropped', () => {
    const nights = dates('2025-06-01', '2026-11-29');
    const kept = keptDates(archivesToKeep(nights.map(nightOf), DEFAULT_KEEP, MSK));
    // Months December 2025 … November 2026 (12), weeks of 2, 9, 16, 23 November, nights 23–29 November.
    expect(kept).toEqual([
      '2025-12-01', '2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01',
      '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29',
    ]);
  });

  it('days end at midnight Moscow time, not UTC', () => {
    const beforeMidnight = new Date('2026-11-29T20:59:00Z'); // 23:59 MSK on the 29th
    const afterMidnight = new Date('2026-11-29T21:01:00Z'); // 00:01 MSK on the 30th (still the 29th in UTC)
    const kept = archivesToKeep([beforeMidnight, afterMidnight], { daily: 2, weekly: 0, monthly: 0 }, MSK);
    expect(kept).toEqual([beforeMidnight, afterMidnight]);
    // Sunday 29th and Monday 30th are different weeks; 30 November is still November.
    expect(archivesToKeep([beforeMidnight, afterMidnight], { daily: 0, weekly: 1, monthly: 0 }, MSK)).toEqual([afterMidnight]);
    expect(archivesToKeep([beforeMidnight, afterMidnight], { daily: 0, weekly: 2, monthly: 0 }, MSK)).toEqual([beforeMidnight, afterMidnight]);
    // 1 November begins at 21:00 UTC on 31 October: the archive a minute later is November's first.
    const octoberLast = new Date('2026-10-31T20:59:00Z');
    const novemberFirst = new Date('2026-10-31T21:01:00Z');
    const midNovember = new Date('2026-11-15T02:30:00+03:00');
    expect(archivesToKeep([octoberLast, novemberFirst, midNovember], { daily: 0, weekly: 0, monthly: 1 }, MSK)).toEqual([novemberFirst, midNovember]);
  });

  it('two archives on one day: the newest is the day’s, the first stays the week’s; the newest archive is never deleted', () => {
    const first = new Date('2026-11-30T05:00:00+03:00');
    const second = new Date('2026-11-30T14:00:00+03:00');
    expect(archivesToKeep([second, first], { daily: 1, weekly: 0, monthly: 0 }, MSK)).toEqual([second]);
    expect(archivesToKeep([first, second], { daily: 0, weekly: 1, monthly: 0 }, MSK)).toEqual([first, second]);
    expect(archivesToKeep([first, second], { daily: 0, weekly: 0, monthly: 0 }, MSK)).toEqual([second]);
    expect(archivesToKeep([], DEFAULT_KEEP, MSK)).toEqual([]);
  });
});
