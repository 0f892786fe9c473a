import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload, PayloadRequest } from 'payload';
import { createStaff, startTestCms, type TestCms } from './harness';

/**
 * REQUIREMENTS §1: managers get the quality reports. The `manager` role reads the appeals report (view, JSON, CSV)
 * and what is published, and nothing with clients' personal data: no appeals, attachments, other staff accounts,
 * answer templates or the same-contact list; they publish nothing. Handlers keep the report.
 */

type Id = number | string;
type Staff = { id: Id; email: string };
let cms: TestCms;
let payload: Payload;
let manager: Staff;
let handler: Staff;
let appealId: Id;
let publishedSummaryId: Id;

/** Calls a root endpoint (`/api/<path>`) as `user`. */
async function callRoot(path: string, query: string, user: unknown): Promise<Response> {
  const endpoint = (payload.config.endpoints as { path: string; method: string; handler: (req: PayloadRequest) => Promise<Response> }[]).find(
    (candidate) => candidate.path === path && candidate.method === 'get',
  )!;
  const request = new Request(`http://cms.local/api${path}${query}`);
  return endpoint.handler(Object.assign(request, { payload, user, context: {} }) as unknown as PayloadRequest);
}

/** Calls GET /api/appeals/:id/same-contact as `user`. */
async function sameContact(id: Id, user: unknown): Promise<Response> {
  const endpoints = (payload.collections.appeals.config.endpoints || []) as { path: string; handler: (req: PayloadRequest) => Promise<Response> }[];
  const endpoint = endpoints.find((candidate) => candidate.path === '/:id/same-contact')!;
  const request = new Request(`http://cms.local/api/appeals/${id}/same-contact`);
  return endpoint.handler(Object.assign(request, { payload, user, routeParams: { id: String(id) }, context: {} }) as unknown as PayloadRequest);
}

beforeAll(async () => {
  cms = await startTestCms();
  payload = cms.payload;
  manager = (await createStaff(payload, 'manager@example-energo.ru', ['manager'])) as unknown as Staff;
  handler = (await createStaff(payload, 'handler@example-energo.ru', ['handler'])) as unknown as Staff;
  await createStaff(payload, 'editor@example-energo.ru', ['editor']);
  const topic = await payload.create({ collection: 'topics', overrideAccess: true, data: { title: 'Начисления и оплата', slug: 'oplata', order: 1 } as never });
  const appeal = {
    type: 'complaint',
    status: 'answered',
    receivedAt: '2026-08-10T09:00:00.000Z',
    answeredAt: '2026-08-12T09:00:00.000Z',
    deadlineDate: '2026-08-20',
    name: 'Пётр Ильич Чайковский',
    email: 'pyotr.ilyich@example.ru',
    answerChannel: 'email',
    text: 'Жалоба на начисление по счёту 4455667788.',
    topic: topic.id,
  };
  appealId = (await payload.create({ collection: 'appeals', overrideAccess: true, depth: 0, data: { ...appeal, registrationNumber: 'Ж-2026-800001' } as never })).id as Id;
  await payload.create({ collection: 'appeals', overrideAccess: true, depth: 0, data: { ...appeal, registrationNumber: 'Ж-2026-800002', status: 'in-progress' } as never });
  publishedSummaryId = (
    await payload.create({
      collection: 'complaint-summaries',
      overrideAccess: true,
      depth: 0,
      data: { topic: topic.id, month: '2026-08', summary: 'Начисление пересчитано по верным показаниям.', appeal: appealId, _status: 'published' } as never,
    })
  ).id as Id;
  await payload.create({
    collection: 'complaint-summaries',
    overrideAccess: true,
    draft: true,
    depth: 0,
    data: { topic: topic.id, month: '2026-08', summary: 'Черновик резюме по жалобе.', appeal: appealId, _status: 'draft' } as never,
  });
}, 120_000);

afterAll(async () => {
  await cms?.close();
});

describe('the manager role (quality reports only)', () => {
  it('a manager gets the appeals report as JSON and CSV, with figures only', async () => {
    const json = await callRoot('/appeals-report', '?from=2026-08-01&to=2026-08-31', manager);
    expect(json.status).toBe(200);
    const text = await json.text();
    const report = JSON.parse(text) as { total: number; byType: Record<string, number> };
    expect(report.total).toBe(2);
    expect(report.byType).toEqual({ complaint: 2 });
    expect(text).not.toContain('Чайковский');
    expect(text).not.toContain('example.ru');

    const csv = await callRoot('/appeals-report', '?from=2026-08-01&to=2026-08-31&format=csv', manager);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const body = await csv.text();
    expect(body).toContain('всего;обращений;2');
    expect(body).not.toContain('Чайковский');
  });

  it('a handler still gets the report; an editor and an anonymous visitor do not', async () => {
    const json = await callRoot('/appeals-report', '?from=2026-08-01&to=2026-08-31', handler);
    expect(json.status).toBe(200);
    expect(((await json.json()) as { total: number }).total).toBe(2);
    const editor = (await payload.find({ collection: 'users', overrideAccess: true, where: { email: { equals: 'editor@example-energo.ru' } } })).docs[0];
    expect((await callRoot('/appeals-report', '', { ...editor, collection: 'users' })).status).toBe(403);
    expect((await callRoot('/appeals-report', '', null)).status).toBe(403);
  });

  it('a manager reads no appeal, no attachment and no same-contact list', async () => {
    await expect(payload.find({ collection: 'appeals', overrideAccess: false, user: manager as never })).rejects.toThrow();
    await expect(payload.findByID({ collection: 'appeals', id: appealId, overrideAccess: false, user: manager as never })).rejects.toThrow();
    await expect(payload.find({ collection: 'appeal-attachments', overrideAccess: false, user: manager as never })).rejects.toThrow();
    await expect(payload.update({ collection: 'appeals', id: appealId, overrideAccess: false, user: manager as never, data: { handlerNote: 'x' } as never })).rejects.toThrow();

    const refused = await sameContact(appealId, manager);
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('800002');
    expect((await sameContact(appealId, handler)).status).toBe(200);
  });

  it('a manager sees only their own staff account, and cannot give themselves more roles', async () => {
    const users = await payload.find({ collection: 'users', overrideAccess: false, user: manager as never, depth: 0 });
    expect(users.docs.map((doc) => (doc as unknown as { email: string }).email)).toEqual(['manager@example-energo.ru']);
    await expect(payload.findByID({ collection: 'users', id: handler.id, overrideAccess: false, user: manager as never })).rejects.toThrow();
    const self = await payload.update({ collection: 'users', id: manager.id, overrideAccess: false, user: manager as never, data: { roles: ['admin'] } as never });
    expect((self as unknown as { roles: string[] }).roles).toEqual(['manager']);
  });

  it('a manager reads published summaries without the link to the appeal, and publishes nothing', async () => {
    const summaries = await payload.find({ collection: 'complaint-summaries', overrideAccess: false, user: manager as never, draft: true, depth: 0 });
    expect(summaries.docs.map((doc) => doc.id)).toEqual([publishedSummaryId]);
    expect(summaries.docs[0]).not.toHaveProperty('appeal');
    await expect(
      payload.create({ collection: 'complaint-summaries', overrideAccess: false, user: manager as never, draft: true, data: { month: '2026-08', summary: 'Попытка.', _status: 'draft' } as never }),
    ).rejects.toThrow();
    await expect(payload.update({ collection: 'complaint-summaries', id: publishedSummaryId, overrideAccess: false, user: manager as never, data: { _status: 'draft' } as never })).rejects.toThrow();
    await expect(payload.create({ collection: 'quarterly-reports', overrideAccess: false, user: manager as never, draft: true, data: { quarter: '2026-Q3' } as never })).rejects.toThrow();
    await expect(payload.find({ collection: 'answer-templates', overrideAccess: false, user: manager as never })).rejects.toThrow();
  });
});
