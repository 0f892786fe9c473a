import { describe, expect, it } from 'vitest';
import { estimateWaitMinutes, median, queueText } from './queue';

const now = new Date('2026-12-08T10:00:00Z');
const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
const sample = (queuedMinutesAgo: number, acceptedMinutesAgo: number) => ({ queuedAt: at(queuedMinutesAgo), acceptedAt: at(acceptedMinutesAgo) });

describe('chat queue estimate', () => {
  it('with recent acceptances every 4 minutes, the third in line waits about 12 minutes', () => {
    // Accepted 2, 6, 10 and 14 minutes ago: three intervals of 4 minutes.
    const samples = [sample(5, 2), sample(9, 6), sample(12, 10), sample(20, 14)];
    expect(estimateWaitMinutes(3, samples, now)).toBe(12);
    expect(estimateWaitMinutes(1, samples, now)).toBe(4);
  });

  it('a fraction of a minute is rounded up, and never less than a minute', () => {
    // Accepted 1 and 2.5 minutes ago: an interval of 1.5 minutes; position 1 → 2, close acceptances → 1.
    expect(estimateWaitMinutes(1, [sample(3, 1), sample(4, 2.5)], now)).toBe(2);
    expect(estimateWaitMinutes(1, [sample(3, 1), sample(4, 1)], now)).toBe(1);
  });

  it('without a recent pace, the median wait of the last accepted conversations stands in', () => {
    // Accepted 3 hours ago and more: waits of 4, 10 and 6 minutes → median 6.
    const samples = [sample(184, 180), sample(210, 200), sample(306, 300)];
    expect(estimateWaitMinutes(5, samples, now)).toBe(6);
  });

  it('no history, no estimate', () => {
    expect(estimateWaitMinutes(1, [], now)).toBeNull();
  });

  it('only the latest 20 acceptances count', () => {
    // 20 acceptances a minute apart in the last 20 minutes, and an old one that would stretch the pace if counted.
    const recent = Array.from({ length: 20 }, (_, i) => sample(i + 2, i + 1));
    expect(estimateWaitMinutes(2, [...recent, sample(61, 59.5)], now)).toBe(2);
  });

  it('median of an even count is the mean of the middle two', () => {
    expect(median([1, 9, 3, 7])).toBe(5);
    expect(median([])).toBeNull();
  });

  it('the queue line names the position and the wait', () => {
    expect(queueText(3, 12)).toBe('Вы в очереди: 3-й. Примерное время ожидания — 12 мин.');
    expect(queueText(1, null)).toBe('Вы в очереди: 1-й. Оператор ответит, как только освободится.');
  });
});
