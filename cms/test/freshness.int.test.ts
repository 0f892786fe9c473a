import type { Payload } from 'payload';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createStaff, startTestCms, type TestCms } from './harness';

/** Freshness: «проверить до» dates, the overdue list and reminder e-mail, and the publishing report. */
let cms: TestCms;
let payload: Payload;
let topicId: number | string;

const richText = (text: string) => ({
  root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: [
    { type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, children: [
      { type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 },
    ] },
  ] },
});

beforeAll(async () => {
  cms = await startTestCms({ SEED_DEMO: 'on' });
  payload = cms.payload;
  topicId = (await payload.find({ collection: 'topics', limit: 1, overrideAccess: true })).docs[0]!.id;
}, 180_000);

afterAll(async () => {
  await cms?.close();
});

describe('review-by dates', () => {
  const now = new Date('2026-11-27T09:00:00Z');

  it('lists entries and settings whose «проверить до» date has passed, and nothing else', async () => {
    const { overdueForReview } = await import('../src/publishing/review');
    expect(await overdueForReview(payload, now)).toEqual([]);
    await payload.create({ collection: 'faq', overrideAccess: true, data: { question: 'Какой тариф действует сейчас?', slug: 'tarif-seichas', topic: topicId, audience: 'all', answer: richText('Тариф указан на странице тарифов.'), reviewBy: '2026-11-20T00:00:00.000Z', _status: 'published' } as never });
    await payload.create({ collection: 'faq', overrideAccess: true, data: { question: 'Когда сменится тариф?', slug: 'tarif-smena', topic: topicId, audience: 'all', answer: richText('С 1 июля.'), reviewBy: '2026-12-20T00:00:00.000Z', _status: 'published' } as never });
    await payload.updateGlobal({ slug: 'company-settings', overrideAccess: true, data: { reviewBy: '2026-11-01T00:00:00.000Z' } as never });
    const items = await overdueForReview(payload, now);
    expect(items.map((item) => `${item.target}: ${item.title}`)).toEqual(['faq: Какой тариф действует сейчас?', 'company-settings: Настройки компании']);
    expect(items[0]?.adminPath).toMatch(/^\/admin\/collections\/faq\/\d+$/);
  });

  it('e-mails every editor one reminder listing what is overdue', async () => {
    const { sendReviewReminders } = await import('../src/publishing/review');
    await createStaff(payload, 'editor1@example.ru', ['editor']);
    await createStaff(payload, 'editor2@example.ru', ['editor', 'admin']);
    await createStaff(payload, 'handler@example.ru', ['handler']);
    const send = vi.spyOn(payload, 'sendEmail').mockResolvedValue(undefined as never);
    expect(await sendReviewReminders(payload, now)).toBe(2);
    expect(send).toHaveBeenCalledTimes(1);
    const message = send.mock.calls[0]![0] as { to: string[]; subject: string; text: string };
    expect([...message.to].sort()).toEqual(['editor1@example.ru', 'editor2@example.ru']);
    expect(message.text).toContain('«Какой тариф действует сейчас?», проверить до 20 ноября 2026 г.');
    send.mockClear();
    expect(await sendReviewReminders(payload, new Date('2026-10-01T09:00:00Z'))).toBe(0);
    expect(send).not.toHaveBeenCalled();
  });
});

describe('publishing report', () => {
  const audit = (at: string, action: string, documentId: string, summary: string) =>
    payload.create({ collection: 'audit-log', overrideAccess: true, data: { at, action, target: 'faq', documentId, summary, userEmail: 'editor1@example.ru' } as never });
  const build = (startedAt: string, finishedAt: string) =>
    payload.create({ collection: 'site-builds', overrideAccess: true, data: { status: 'succeeded', requestedAt: startedAt, startedAt, finishedAt } as never });

  it('shows when each change was requested, published and live, and flags those over one working day', async () => {
    const { publishingReport } = await import('../src/publishing/report');
    await payload.delete({ collection: 'audit-log', where: { id: { exists: true } }, overrideAccess: true });
    // Thursday: drafted at 10:00, published at 11:00, live at 11:00:40 (Moscow) — in time.
    await audit('2026-11-26T07:00:00.000Z', 'draft', '101', 'Быстрая правка');
    await audit('2026-11-26T08:00:00.000Z', 'publish', '101', 'Быстрая правка');
    await build('2026-11-26T08:00:05.000Z', '2026-11-26T08:00:40.000Z');
    // Friday draft, published and live on Monday: the weekend does not count, so in time.
    await audit('2026-11-27T07:00:00.000Z', 'draft', '102', 'Через выходные');
    await audit('2026-11-30T07:00:00.000Z', 'publish', '102', 'Через выходные');
    await build('2026-11-30T07:00:03.000Z', '2026-11-30T07:00:30.000Z');
    // Friday draft, published on Tuesday: more than one working day.
    await audit('2026-11-27T08:00:00.000Z', 'create', '103', 'Долгая правка');
    await audit('2026-12-01T07:00:00.000Z', 'publish', '103', 'Долгая правка');
    await build('2026-12-01T07:00:03.000Z', '2026-12-01T07:00:30.000Z');
    // Published on Tuesday and still not live on Thursday: late as well.
    await audit('2026-12-01T12:00:00.000Z', 'publish', '104', 'Не собрано');

    const rows = await publishingReport(payload, { since: new Date('2026-11-01T00:00:00Z'), now: new Date('2026-12-03T12:00:00Z') });
    const bySummary = Object.fromEntries(rows.map((row) => [row.summary, row]));
    expect(bySummary['Быстрая правка']).toMatchObject({ requestedAt: '2026-11-26T07:00:00.000Z', publishedAt: '2026-11-26T08:00:00.000Z', liveAt: '2026-11-26T08:00:40.000Z', late: false });
    expect(bySummary['Через выходные']).toMatchObject({ liveAt: '2026-11-30T07:00:30.000Z', late: false });
    expect(bySummary['Долгая правка']).toMatchObject({ requestedAt: '2026-11-27T08:00:00.000Z', late: true });
    expect(bySummary['Не собрано']).toMatchObject({ liveAt: null, late: true });
    // Newest first.
    expect(rows[0]?.summary).toBe('Не собрано');
  });
});
