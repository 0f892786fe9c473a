import { describe, expect, it } from 'vitest';
import { formatPercent, formatRating, qualityIndicators, qualityOfQuarter, type QualityAppeal } from './quality-indicators';

const appeal = (receivedDate: string, deadlineDate: string, answeredDate: string | null, rating: number | null = null, settledWithoutAnswer = false): QualityAppeal => ({
  receivedDate,
  deadlineDate,
  answeredDate,
  rating,
  settledWithoutAnswer,
});

// The third quarter of 2026 as of 7 December 2026, by hand:
// timeliness — 8 answered by the deadline (one on the deadline day itself), 2 answered a day late, 1 still unanswered
// with its deadline (20 September) passed = late, 1 rejected without an answer = not counted, 1 received on
// 30 September with its deadline on 10 December = not yet due, not counted: 8 on time of 11 → 72.7 %.
// satisfaction — ratings 5, 5, 5, 5, 4, 4, 3, 2, 1, 5: sum 39 of 10 → 3.9; ratings 4–5 (four 5s, two 4s, the last 5): 7 of 10 → 70 %.
const q3: QualityAppeal[] = [
  appeal('2026-07-01', '2026-07-15', '2026-07-10', 5),
  appeal('2026-07-02', '2026-07-16', '2026-07-16', 5),
  appeal('2026-07-10', '2026-07-24', '2026-07-20', 5),
  appeal('2026-08-03', '2026-08-17', '2026-08-05', 5),
  appeal('2026-08-04', '2026-08-18', '2026-08-10', 4),
  appeal('2026-08-20', '2026-09-03', '2026-09-01', 4),
  appeal('2026-09-01', '2026-09-15', '2026-09-02', 3),
  appeal('2026-09-02', '2026-09-16', '2026-09-10'),
  appeal('2026-09-03', '2026-09-17', '2026-09-18', 2),
  appeal('2026-09-04', '2026-09-18', '2026-09-19', 1),
  appeal('2026-09-06', '2026-09-20', null, 5),
  appeal('2026-09-07', '2026-09-21', null, null, true),
  appeal('2026-09-30', '2026-12-10', null),
];
// Around the quarter: received on 30 June (Q2) and on 1 October (Q4); neither belongs to Q3.
const around: QualityAppeal[] = [appeal('2026-06-30', '2026-07-14', '2026-07-30', 1), appeal('2026-10-01', '2026-10-15', '2026-10-20', 1)];

describe('quality indicators of a quarter', () => {
  it('computes the on-time share and the satisfaction of a hand-counted quarter', () => {
    expect(qualityOfQuarter('2026-Q3', [...q3, ...around], '2026-12-07')).toEqual({
      quarter: '2026-Q3',
      decided: 11,
      onTimePercent: 72.7,
      rated: 10,
      ratingAverage: 3.9,
      satisfiedPercent: 70,
    });
  });

  it('counts an unanswered appeal as late only after its deadline day has passed', () => {
    const onDeadlineDay = qualityOfQuarter('2026-Q3', [...q3.slice(0, 10), appeal('2026-09-06', '2026-12-07', null)], '2026-12-07');
    expect(onDeadlineDay.decided).toBe(10);
    expect(onDeadlineDay.onTimePercent).toBe(80);
  });

  it('publishes no figure when fewer than 10 appeals or ratings stand behind it', () => {
    // 9 decided (8 on time, 1 late) and 9 ratings: both too few.
    const nine = qualityOfQuarter('2026-Q3', q3.slice(0, 9), '2026-12-07');
    expect(nine).toEqual({ quarter: '2026-Q3', decided: null, onTimePercent: null, rated: null, ratingAverage: null, satisfiedPercent: null });
  });

  it('lists the last four completed quarters, newest first, each with its own appeals', () => {
    const quarters = qualityIndicators([...q3, ...around], '2026-12-07');
    expect(quarters.map((quarter) => quarter.quarter)).toEqual(['2026-Q3', '2026-Q2', '2026-Q1', '2025-Q4']);
    expect(quarters[0]!.onTimePercent).toBe(72.7);
    // The second quarter had one appeal: too few to publish anything.
    expect(quarters[1]!.decided).toBeNull();
    expect(quarters[1]!.ratingAverage).toBeNull();
  });

  it('writes the figures the Russian way', () => {
    expect(formatPercent(72.7)).toBe('72,7\u00a0%');
    expect(formatRating(3.9)).toBe('3,9 из 5');
  });
});
