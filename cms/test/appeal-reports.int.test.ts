import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload, PayloadRequest } from 'payload';
import { SUGGESTION_COUNTER_KEYS } from '@portal/core/faq-suggestions';
import { personalDataMessage } from '@portal/core/pii-guard';
import { recordSuggestionEvent } from '../src/appeals/handling/faq-suggestion-stats';
import { loadAppealReport } from '../src/appeals/reports/report';
import { buildSiteExport } from '../src/endpoints/site-export';
import { createStaff, startTestCms, type TestCms } from './harness';
import { storeTestAppeal } from './support/appeal-fixture';

/**
 * Issue 6, reports: the appeals report over a real database (period, territory, FAQ suggestions), complaint
 * summaries drafted from an answered complaint and published only by an editor, and the public quarterly report
 * filled from the figures, with small counts hidden in the site export.
 */

type Id = number | string;
let cms: TestCms;
let payload: Payload;
let handler: never;
let editor: never;
let topicA: Id;
let topicB: Id;

const moscowDate = (instant: string) => new Date(Date.parse(instant) + 3 * 3_600_000).toISOString().slice(0, 10);

/** A stored appeal with personal data in it, as the forms create them. */
async function appeal(over: Record<string, unknown>) {
  return storeTestAppeal(payload, {
    type: 'complaint',
    status: 'in-progress',
    receivedAt: '2026-08-10T09:00:00.000Z',
    deadlineDate: '2026-08-20',
    name: 'Пётр Ильич Чайковский',
    email: 'pyotr.ilyich@example.ru',
    accountNumber: '4455667788',
    text: 'Жалоба на начисление по счёту 4455667788, кв. 12.',
    topic: topicA,
    ...over,
  });
}

/** The error message and field messages of a refused operation. */
async function errorText(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const data = (error as { data?: { errors?: { message: string }[] } }).data;
    return [String((error as Error).message), ...(data?.errors ?? []).map((item) => item.message)].join('\n');
  }
  throw new Error('expected the operation to be refused');
}

/** Calls a collection endpoint as `user`. */
async function callEndpoint(collection: 'appeals' | 'quarterly-reports', path: string, id: Id, user: unknown) {
  const endpoints = (payload.collections[collection].config.endpoints || []) as { path: string; handler: (req: PayloadRequest) => Promise<Response> }[];
  const endpoint = endpoints.find((candidate) => candidate.path === path)!;
  const request = new Request(`http://cms.local/api/${collection}/${id}${path.replace('/:id', '')}`, { method: 'POST' });
  const response = await endpoint.handler(Object.assign(request, { payload, user, routeParams: { id: String(id) }, context: {}, t: (key: string) => key }) as unknown as PayloadRequest);
  return { status: response.status, body: (await response.json()) as { id?: Id; adminUrl?: string; message?: string } };
}

beforeAll(async () => {
  cms = await startTestCms();
  payload = cms.payload;
  handler = await createStaff(payload, 'handler@example-energo.ru', ['handler']);
  editor = await createStaff(payload, 'editor@example-energo.ru', ['editor']);
  topicA = (await payload.create({ collection: 'topics', overrideAccess: true, data: { title: 'Начисления и оплата', slug: 'oplata', order: 1 } as never })).id as Id;
  topicB = (await payload.create({ collection: 'topics', overrideAccess: true, data: { title: 'Льготы', slug: 'lgoty', order: 2 } as never })).id as Id;
}, 120_000);

afterAll(async () => {
  await cms?.close();
});

describe('appeals report over the database', () => {
  it('counts a period by its company-local dates, with territory defaulting to «не указана» and FAQ suggestions of the period', async () => {
    await appeal({ type: 'question', receivedAt: '2026-11-03T09:00:00.000Z', deadlineDate: '2026-11-05' });
    await appeal({ type: 'question', receivedAt: '2026-10-31T09:00:00.000Z', deadlineDate: '2026-11-03' });
    // 00:30 Moscow on 1 November: a November appeal although its UTC date is 31 October.
    await appeal({ type: 'question', receivedAt: '2026-10-31T21:30:00.000Z', deadlineDate: '2026-11-05' });
    for (let index = 0; index < 3; index += 1) await recordSuggestionEvent(payload, 'opened', new Date('2026-11-05T10:00:00.000Z'));
    await recordSuggestionEvent(payload, 'sent-after-opening', new Date('2026-11-05T10:01:00.000Z'));
    // 23:30 Moscow on 31 October: counted in October, not in November.
    await recordSuggestionEvent(payload, 'opened', new Date('2026-10-31T20:30:00.000Z'));

    const november = await loadAppealReport(payload, { from: '2026-11-01', to: '2026-11-30', today: '2026-11-27' }, moscowDate);
    expect(november.total).toBe(2);
    expect(november.byTerritory).toEqual({ 'не указана': 2 });
    expect(november.faqSuggestions).toEqual({ opened: 3, sentAfterOpening: 1, notSentAfterOpening: 2 });
    const october = await loadAppealReport(payload, { from: '2026-10-01', to: '2026-10-31', today: '2026-11-27' }, moscowDate);
    expect(october.faqSuggestions?.opened).toBe(1);
    // The all-time counter the form's e2e test reads keeps counting every event.
    const total = await payload.find({ collection: 'counters', where: { key: { equals: SUGGESTION_COUNTER_KEYS.opened } }, overrideAccess: true });
    expect((total.docs[0] as unknown as { value: number }).value).toBe(4);
  });
});

describe('complaint summaries drafted from an answered complaint', () => {
  let complaint: { id: Id; registrationNumber: string };
  let summaryId: Id;

  it('is offered only for an answered or closed complaint', async () => {
    const open = await appeal({ status: 'in-progress' });
    expect((await callEndpoint('appeals', '/:id/complaint-summary', open.id, handler)).status).toBe(409);
    const question = await appeal({ type: 'question', status: 'answered', answeredAt: '2026-08-12T10:00:00.000Z' });
    expect((await callEndpoint('appeals', '/:id/complaint-summary', question.id, handler)).status).toBe(409);
    complaint = await appeal({ status: 'answered', answeredAt: '2026-08-31T22:30:00.000Z' });
    expect((await callEndpoint('appeals', '/:id/complaint-summary', complaint.id, editor)).status).toBe(403);
  });

  it('creates one draft with the topic, the answer month and a neutral text without personal data, linked to the appeal', async () => {
    const first = await callEndpoint('appeals', '/:id/complaint-summary', complaint.id, handler);
    expect(first.status).toBe(201);
    summaryId = first.body.id!;
    expect(first.body.adminUrl).toBe(`/admin/collections/complaint-summaries/${summaryId}`);
    const again = await callEndpoint('appeals', '/:id/complaint-summary', complaint.id, handler);
    expect(again).toMatchObject({ status: 200, body: { id: summaryId } });

    const draft = (await payload.findByID({ collection: 'complaint-summaries', id: summaryId, draft: true, depth: 0, overrideAccess: true })) as unknown as Record<string, unknown>;
    expect(draft).toMatchObject({ _status: 'draft', topic: topicA, appeal: complaint.id });
    // 22:30 UTC on 31 August is 1 September in Moscow.
    expect(draft.month).toBe('2026-09');
    const summary = String(draft.summary);
    expect(summary).toContain('Начисления и оплата');
    expect(personalDataMessage(summary)).toBeNull();
    for (const secret of ['Чайковский', 'pyotr.ilyich', '4455667788', complaint.registrationNumber]) expect(summary).not.toContain(secret);
  });

  it('lets the handler edit the draft but not publish it; the public does not see it', async () => {
    await payload.update({ collection: 'complaint-summaries', id: summaryId, draft: true, overrideAccess: false, user: handler, data: { summary: 'Начисление выполнено по ошибочным показаниям. [уточнить]' } as never });
    await expect(
      payload.update({ collection: 'complaint-summaries', id: summaryId, overrideAccess: false, user: handler, data: { _status: 'published', summary: 'Начисление пересчитано по верным показаниям.' } as never }),
    ).rejects.toThrow();
    await expect(
      payload.create({ collection: 'complaint-summaries', overrideAccess: false, user: handler, data: { topic: topicA, month: '2026-09', summary: 'Перерасчёт выполнен.', _status: 'published' } as never }),
    ).rejects.toThrow();
    const anonymous = await payload.find({ collection: 'complaint-summaries', overrideAccess: false, draft: true, depth: 0 });
    expect(anonymous.docs.map((doc) => doc.id)).not.toContain(summaryId);
    expect((await buildSiteExport(payload)).complaintSummaries).toEqual([]);
  });

  it('an editor publishes it once the hint is replaced; the link to the appeal never reaches the site', async () => {
    const hintLeft = payload.update({ collection: 'complaint-summaries', id: summaryId, overrideAccess: false, user: editor, data: { _status: 'published' } as never });
    expect(await errorText(hintLeft)).toContain('квадратных скобках');
    const text = 'Начисление было выполнено по ошибочным показаниям. Сумма пересчитана, клиенту направлено разъяснение.';
    await payload.update({ collection: 'complaint-summaries', id: summaryId, overrideAccess: false, user: editor, data: { summary: text, _status: 'published' } as never });

    const exported = await buildSiteExport(payload);
    expect(exported.complaintSummaries).toEqual([{ topic: 'oplata', month: '2026-09', summary: text }]);
    const json = JSON.stringify(exported);
    for (const secret of ['Чайковский', 'pyotr.ilyich', '4455667788', complaint.registrationNumber]) expect(json).not.toContain(secret);
    // Once published, the summary is out of the handler's reach: no edits, no unpublishing.
    await expect(
      payload.update({ collection: 'complaint-summaries', id: summaryId, overrideAccess: false, user: handler, data: { _status: 'draft' } as never }),
    ).rejects.toThrow();
    const anonymousRead = (await payload.findByID({ collection: 'complaint-summaries', id: summaryId, overrideAccess: false, depth: 0 })) as unknown as Record<string, unknown>;
    expect(anonymousRead.appeal).toBeUndefined();
  });
});

describe('quarterly report', () => {
  let reportId: Id;

  beforeAll(async () => {
    // Q3 2026: 5 on topic A (plus the earlier complaints of this file), 1 on topic B. Q2 2026: 4 on topic A.
    for (let index = 0; index < 5; index += 1) await appeal({ type: 'question', receivedAt: '2026-07-15T09:00:00.000Z', deadlineDate: '2026-07-17' });
    // Received by phone and registered by a handler: counted on its topic and under the phone channel.
    await appeal({ type: 'question', topic: topicB, channel: 'phone', receivedAt: '2026-09-30T18:00:00.000Z', deadlineDate: '2026-10-02' });
    for (let index = 0; index < 4; index += 1) await appeal({ type: 'question', receivedAt: '2026-05-15T09:00:00.000Z', deadlineDate: '2026-05-19' });
  });

  it('only editors create and publish it; handlers may not', async () => {
    await expect(payload.create({ collection: 'quarterly-reports', overrideAccess: false, user: handler, draft: true, data: { quarter: '2026-Q3' } as never })).rejects.toThrow();
    const draft = await payload.create({ collection: 'quarterly-reports', overrideAccess: false, user: editor, draft: true, data: { quarter: '2026-Q3', _status: 'draft' } as never });
    reportId = draft.id as Id;
    // Not filled yet: publishing is refused.
    expect(await errorText(payload.update({ collection: 'quarterly-reports', id: reportId, overrideAccess: false, user: editor, data: { _status: 'published' } as never }))).toContain('не заполнен');
    expect((await callEndpoint('quarterly-reports', '/:id/fill', reportId, handler)).status).toBe(403);
    await expect(payload.update({ collection: 'quarterly-reports', id: reportId, overrideAccess: false, user: handler, data: { _status: 'published' } as never })).rejects.toThrow();
  });

  it('fills the draft with exact counts for staff; anonymous visitors see nothing until it is published', async () => {
    expect((await callEndpoint('quarterly-reports', '/:id/fill', reportId, editor)).status).toBe(200);
    const draft = (await payload.findByID({ collection: 'quarterly-reports', id: reportId, draft: true, depth: 0, overrideAccess: true })) as unknown as { rows: { topic: string; count: number; previousCount: number }[]; channelRows: { channel: string; count: number; previousCount: number }[]; filledAt: string };
    const byTopic = Object.fromEntries(draft.rows.map((row) => [row.topic, [row.count, row.previousCount]]));
    // Topic A in Q3: five questions and the appeals received on 10 August in the summaries tests above.
    const august = (await payload.count({ collection: 'appeals', where: { receivedAt: { equals: '2026-08-10T09:00:00.000Z' } }, overrideAccess: true })).totalDocs;
    expect(august).toBeGreaterThan(0);
    expect(byTopic).toEqual({ oplata: [5 + august, 4], lgoty: [1, 0] });
    // The same appeals by channel: all through the site (stored without a channel, as before channels existed) but the
    // one by phone; every channel has its row.
    expect(Object.fromEntries(draft.channelRows.map((row) => [row.channel, [row.count, row.previousCount]]))).toEqual({
      site: [5 + august, 4],
      email: [0, 0],
      phone: [1, 0],
      office: [0, 0],
      post: [0, 0],
      chat: [0, 0],
    });
    expect(draft.filledAt).toBeTruthy();
    const anonymous = await payload.find({ collection: 'quarterly-reports', overrideAccess: false, draft: true });
    expect(anonymous.docs).toHaveLength(0);
    expect((await buildSiteExport(payload)).quarterlyReports).toEqual([]);
  });

  it('publishes only public figures: small counts hidden, no personal data', async () => {
    await payload.update({ collection: 'quarterly-reports', id: reportId, overrideAccess: false, user: editor, data: { _status: 'published' } as never });
    const exported = await buildSiteExport(payload);
    expect(exported.quarterlyReports).toHaveLength(1);
    const [report] = exported.quarterlyReports;
    expect(report!.quarter).toBe('2026-Q3');
    const lgoty = report!.topics.find((topic) => topic.topic === 'lgoty')!;
    expect(lgoty).toMatchObject({ title: 'Льготы', count: null, previous: 0, changePercent: null });
    const oplata = report!.topics.find((topic) => topic.topic === 'oplata')!;
    expect(oplata.previous).toBe(4);
    expect(oplata.count).toBeGreaterThanOrEqual(5);
    // One hidden count (1): the exact total would give it away.
    expect(report!.total).toBeNull();
    expect(report!.totalAtLeast).toBe(oplata.count! + 1);
    const json = JSON.stringify(report);
    for (const secret of ['Чайковский', 'pyotr.ilyich', '4455667788', 'Ж-2026-']) expect(json).not.toContain(secret);
    expect(json).not.toMatch(/"count":[12][,}]/);
    // The split by channel (phone: 1) would reveal the hidden counts: withheld as a whole.
    expect(report!.channels).toEqual([]);
    expect(report!.channelsWithheld).toBe(true);
  });

  it('refuses a note with personal data', async () => {
    const refused = payload.update({ collection: 'quarterly-reports', id: reportId, overrideAccess: false, user: editor, data: { note: 'Спасибо клиенту pyotr.ilyich@example.ru за отзыв.' } as never });
    expect(await errorText(refused)).toContain('персональные данные');
  });
});
