import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from 'payload';
import { loadQualityIndicators } from '../src/appeals/reports/quality-indicators';
import { buildSiteExport } from '../src/endpoints/site-export';
import { startTestCms, type TestCms } from './harness';
import { storeTestAppeal } from './support/appeal-fixture';

/**
 * The published quality indicators over a real database: appeals placed in quarters by their Moscow dates, the
 * answer's Moscow date against the deadline, and nothing but the aggregates in the site export.
 */

let cms: TestCms;
let payload: Payload;

const answered = (received: string, deadline: string, answeredAt: string, rating: number | null) =>
  storeTestAppeal(payload, { status: 'answered', receivedAt: `${received}T09:00:00.000Z`, deadlineDate: deadline, answeredAt, ...(rating ? { survey: { rating } } : {}) });

beforeAll(async () => {
  cms = await startTestCms();
  payload = cms.payload;
  // Nine answers sent before their deadline, rated 5, 5, 5, 4, 4, 4, 3, 3, 2.
  const onTime: [string, string, number][] = [
    ['2026-07-01', '2026-07-15', 5], ['2026-07-02', '2026-07-16', 5], ['2026-07-20', '2026-08-03', 5],
    ['2026-08-03', '2026-08-17', 4], ['2026-08-04', '2026-08-18', 4], ['2026-08-20', '2026-09-03', 4],
    ['2026-09-01', '2026-09-15', 3], ['2026-09-02', '2026-09-16', 3], ['2026-09-03', '2026-09-17', 2],
  ];
  for (const [received, deadline, rating] of onTime) await answered(received, deadline, `${deadline}T08:00:00.000Z`, rating);
  // Sent at 22:30 UTC on the deadline day = 01:30 on 16 July in Moscow: late, rated 1.
  await answered('2026-07-03', '2026-07-15', '2026-07-15T22:30:00.000Z', 1);
  // No answer and the deadline long past: late.
  await storeTestAppeal(payload, { status: 'in-progress', receivedAt: '2026-09-06T09:00:00.000Z', deadlineDate: '2026-09-20' });
  // Rejected without an answer: counts in neither figure.
  await storeTestAppeal(payload, { status: 'rejected', receivedAt: '2026-09-07T09:00:00.000Z', deadlineDate: '2026-09-21' });
  // 00:30 on 1 October in Moscow: the fourth quarter, not the third.
  await storeTestAppeal(payload, { status: 'answered', receivedAt: '2026-09-30T21:30:00.000Z', deadlineDate: '2026-10-14', answeredAt: '2026-10-30T09:00:00.000Z', survey: { rating: 1 } });
}, 120_000);

afterAll(async () => {
  await cms?.close();
});

describe('quality indicators from the appeals', () => {
  it('publishes the third quarter as counted by hand: 9 of 11 on time (81.8 %), average 3.6, 60 % rated 4–5', async () => {
    // 9 on time; late: the answer after midnight in Moscow and the unanswered one; the rejected one and the
    // October one are not counted. Ratings: 5+5+5+4+4+4+3+3+2+1 = 36 of 10 → 3.6; six of them 4 or 5.
    const quarters = await loadQualityIndicators(payload, 'Europe/Moscow', new Date('2026-12-07T09:00:00.000Z'));
    expect(quarters.map((quarter) => quarter.quarter)).toEqual(['2026-Q3', '2026-Q2', '2026-Q1', '2025-Q4']);
    expect(quarters[0]).toEqual({ quarter: '2026-Q3', decided: 11, onTimePercent: 81.8, rated: 10, ratingAverage: 3.6, satisfiedPercent: 60 });
    expect(quarters[1]).toEqual({ quarter: '2026-Q2', decided: null, onTimePercent: null, rated: null, ratingAverage: null, satisfiedPercent: null });
  });

  it('puts only aggregates into the site export: no name, contact or text of an appeal', async () => {
    const exported = JSON.stringify(await buildSiteExport(payload));
    expect(exported).toContain('"qualityIndicators"');
    for (const secret of ['Ольга Сергеевна', 'olga@example.ru', 'Когда можно передать показания', 'В-2026-']) expect(exported).not.toContain(secret);
  });
});
