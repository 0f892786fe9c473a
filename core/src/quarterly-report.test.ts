import { describe, expect, it } from 'vitest';
import { countLabel, publicQuarterlyReport, trendLabel } from './quarterly-report';

const row = (topic: string, count: number, previousCount: number) => ({ topic, title: topic.toUpperCase(), count, previousCount });

describe('public quarterly report', () => {
  it('publishes exact counts and trends where both quarters have at least three appeals', () => {
    const report = publicQuarterlyReport({ quarter: '2026-Q3', rows: [row('tarify', 12, 10), row('dogovor', 30, 40), row('lk', 5, 5)] });
    expect(report.topics.map((topic) => [topic.topic, topic.count, topic.previous, topic.changePercent])).toEqual([
      ['dogovor', 30, 40, -25],
      ['tarify', 12, 10, 20],
      ['lk', 5, 5, 0],
    ]);
    expect(report.total).toBe(47);
    expect(report.previousTotal).toBe(55);
  });

  it('hides counts of one or two as «менее 3» and gives no trend for them', () => {
    const report = publicQuarterlyReport({ quarter: '2026-Q3', rows: [row('tarify', 12, 2), row('lgoty', 1, 6)] });
    const lgoty = report.topics.find((topic) => topic.topic === 'lgoty')!;
    expect(lgoty.count).toBeNull();
    expect(countLabel(lgoty.count)).toBe('менее 3');
    expect(lgoty.changePercent).toBeNull();
    expect(report.topics.find((topic) => topic.topic === 'tarify')!.previous).toBeNull();
    expect(JSON.stringify(report)).not.toMatch(/"count":[12][,}]/);
  });

  it('withholds a total that would reveal a hidden count, and keeps one that would not', () => {
    // One hidden cell: total − 12 would be exactly that count.
    expect(publicQuarterlyReport({ quarter: '2026-Q3', rows: [row('a', 12, 0), row('b', 2, 0)] })).toMatchObject({ total: null, totalAtLeast: 13 });
    // Two hidden cells summing to 4 are both 2: still revealing.
    expect(publicQuarterlyReport({ quarter: '2026-Q3', rows: [row('a', 12, 0), row('b', 2, 0), row('c', 2, 0)] }).total).toBeNull();
    // Two hidden cells summing to 3 could be 1+2 or 2+1: the total is safe.
    expect(publicQuarterlyReport({ quarter: '2026-Q3', rows: [row('a', 12, 0), row('b', 1, 0), row('c', 2, 0)] }).total).toBe(15);
  });

  it('shows zero as zero and leaves out topics without appeals in both quarters', () => {
    const report = publicQuarterlyReport({ quarter: '2026-Q3', rows: [row('a', 0, 7), row('b', 0, 0)] });
    expect(report.topics).toEqual([{ topic: 'a', title: 'A', count: 0, previous: 7, changePercent: -100 }]);
  });

  it('describes the trend in words', () => {
    expect(trendLabel(20)).toBe('рост на 20 %');
    expect(trendLabel(-5)).toBe('снижение на 5 %');
    expect(trendLabel(0)).toBe('без изменений');
    expect(trendLabel(null)).toBe('—');
  });
});

describe('public quarterly report by channel', () => {
  const channel = (code: string, count: number, previousCount: number) => ({ channel: code, title: code.toUpperCase(), count, previousCount });

  it('counts every channel, phone and post included, largest first, with trends', () => {
    // 25 appeals this quarter by topic (15 + 10); the same 25 by channel: 10 site, 7 e-mail, 4 phone, 4 post.
    // Previous quarter 18 (10 + 8): 9 site, 5 e-mail, 4 phone.
    const report = publicQuarterlyReport({
      quarter: '2026-Q3',
      rows: [row('tarify', 15, 10), row('dogovor', 10, 8)],
      channelRows: [channel('site', 10, 9), channel('email', 7, 5), channel('phone', 4, 4), channel('post', 4, 0), channel('chat', 0, 0)],
    });
    expect(report.total).toBe(25);
    expect(report.channelsWithheld).toBe(false);
    expect(report.channels.map((row) => [row.channel, row.count, row.previous, row.changePercent])).toEqual([
      ['site', 10, 9, 11],
      ['email', 7, 5, 40],
      ['phone', 4, 4, 0],
      ['post', 4, 0, null],
    ]);
  });

  it('withholds the split by channel when, with the published total, it would give a hidden count away', () => {
    // Total 25 is published; channels 10 + 7 + 4 shown = 21, so the two hidden channels hold 4 — both exactly 2.
    const revealing = publicQuarterlyReport({
      quarter: '2026-Q3',
      rows: [row('tarify', 15, 10), row('dogovor', 10, 8)],
      channelRows: [channel('site', 10, 9), channel('email', 7, 5), channel('phone', 4, 4), channel('office', 2, 0), channel('post', 2, 0)],
    });
    expect(revealing.channels).toEqual([]);
    expect(revealing.channelsWithheld).toBe(true);
    // One hidden channel of 1 and one of 2 (sum 3 of two cells): 1+2 or 2+1 — ambiguous, so the split is published.
    const ambiguous = publicQuarterlyReport({
      quarter: '2026-Q3',
      rows: [row('tarify', 14, 10), row('dogovor', 10, 8)],
      channelRows: [channel('site', 10, 9), channel('email', 7, 5), channel('phone', 4, 4), channel('office', 2, 0), channel('post', 1, 0)],
    });
    expect(ambiguous.channelsWithheld).toBe(false);
    expect(ambiguous.channels.find((row) => row.channel === 'post')!.count).toBeNull();
    expect(ambiguous.channels.find((row) => row.channel === 'office')!.count).toBeNull();
  });

  it('withholds the split when the total itself is withheld: all-exact channels would reveal it', () => {
    // Topics 12 and 2: the total is withheld (it would give the 2 away); channels 14 on the site would say the total is 14.
    const report = publicQuarterlyReport({ quarter: '2026-Q3', rows: [row('a', 12, 0), row('b', 2, 0)], channelRows: [channel('site', 14, 0)] });
    expect(report.total).toBeNull();
    expect(report.channels).toEqual([]);
    expect(report.channelsWithheld).toBe(true);
  });
});
