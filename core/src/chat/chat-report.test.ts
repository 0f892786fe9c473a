import { describe, expect, it } from 'vitest';
import { buildChatReport, chatReportCsvLines, type ChatReportRow } from './chat-report';

const at = (time: string) => `2026-12-07T${time}:00.000Z`;

/** Eight conversations of one day, the figures worked out by hand below. */
const DAY: ChatReportRow[] = [
  { startedAt: at('09:59'), queuedAt: at('10:00'), acceptedAt: at('10:02'), closedAt: at('10:20'), rating: 5, appeal: 7 },
  { startedAt: at('09:59'), queuedAt: at('10:00'), acceptedAt: at('10:10'), closedAt: at('10:40'), rating: 4 },
  { startedAt: at('09:59'), queuedAt: at('10:00'), acceptedAt: at('10:01') },
  { startedAt: at('09:59'), queuedAt: at('10:00'), acceptedAt: at('10:30'), closedAt: at('11:00'), rating: 2 },
  // Left the queue before anybody joined.
  { startedAt: at('09:59'), queuedAt: at('10:00'), closedAt: at('10:05') },
  // Still waiting: neither accepted nor abandoned.
  { startedAt: at('09:59'), queuedAt: at('10:00') },
  // A rating outside 1..5 is not a rating.
  { startedAt: at('09:59'), closedAt: at('10:01'), rating: 6 },
];

describe('chat report', () => {
  it('counts every conversation, the queued, the accepted and those that became appeals', () => {
    const report = buildChatReport(DAY);
    expect(report.total).toBe(7);
    expect(report.queued).toBe(6);
    expect(report.accepted).toBe(4);
    expect(report.becameAppeals).toBe(1);
  });

  it('counts as answered by the FAQ the offers where the client said «Да» or left without asking for an operator', () => {
    // 10 offers: 3 «Да», 4 «Нет, позвать оператора», so 3 left without either; answered = 3 + 3 = 6.
    const report = buildChatReport(DAY, { offered: 10, helped: 3, notHelped: 4 });
    expect(report.faq).toEqual({ offered: 10, helped: 3, notHelped: 4, leftWithoutAsking: 3 });
    expect(report.answeredByFaq).toBe(6);
    // Every client asked for an operator: nothing answered.
    expect(buildChatReport([], { offered: 5, helped: 0, notHelped: 5 }).answeredByFaq).toBe(0);
    // Counters that disagree (a «Да» and later an operator for the same offer): left never below 0, «Да» still counts.
    expect(buildChatReport([], { offered: 4, helped: 2, notHelped: 3 })).toMatchObject({ faq: { leftWithoutAsking: 0 }, answeredByFaq: 2 });
  });

  it('gives the waiting time to the operator as the nearest-rank median and 90th percentile in minutes', () => {
    // Waits 2, 10, 1, 30 min → sorted 1, 2, 10, 30: median rank ceil(0.5·4)=2 → 2; p90 rank ceil(0.9·4)=4 → 30.
    expect(buildChatReport(DAY).waitMinutes).toEqual({ p50: 2, p90: 30 });
    // Three waits 1, 2, 10: median rank 2 → 2; p90 rank ceil(2.7)=3 → 10.
    expect(buildChatReport(DAY.slice(0, 3)).waitMinutes).toEqual({ p50: 2, p90: 10 });
    // 90 seconds is 1.5 minutes.
    expect(buildChatReport([{ startedAt: at('10:00'), queuedAt: '2026-12-07T10:00:00.000Z', acceptedAt: '2026-12-07T10:01:30.000Z' }]).waitMinutes).toEqual({ p50: 1.5, p90: 1.5 });
  });

  it('counts as abandoned a queued conversation closed before any operator joined, as a share of the queued ones', () => {
    const report = buildChatReport(DAY);
    expect(report.abandoned.count).toBe(1);
    expect(report.abandoned.share).toBeCloseTo(1 / 6, 10);
  });

  it('averages the 1–5 ratings to one decimal and ignores other values', () => {
    // (5 + 4 + 2) / 3 = 3.67 → 3.7
    expect(buildChatReport(DAY).rating).toEqual({ count: 3, average: 3.7 });
  });

  it('has no percentiles, shares or averages without data', () => {
    expect(buildChatReport([])).toEqual({
      total: 0,
      queued: 0,
      accepted: 0,
      waitMinutes: { p50: null, p90: null },
      abandoned: { count: 0, share: null },
      faq: { offered: 0, helped: 0, notHelped: 0, leftWithoutAsking: 0 },
      answeredByFaq: 0,
      becameAppeals: 0,
      rating: { count: 0, average: null },
    });
  });

  it('writes the chat lines of the CSV with the share rounded to three decimals', () => {
    const lines = chatReportCsvLines(buildChatReport(DAY));
    expect(lines).toContainEqual(['онлайн-консультант', 'диалогов', 7]);
    expect(chatReportCsvLines(buildChatReport(DAY, { offered: 10, helped: 3, notHelped: 4 }))).toContainEqual(['онлайн-консультант', 'ответ найден в базе ответов', 6]);
    expect(lines).toContainEqual(['онлайн-консультант', 'ушли из очереди, доля', 0.167]);
    expect(lines).toContainEqual(['онлайн-консультант', 'ожидание, мин, 90-й процентиль', 30]);
  });
});
