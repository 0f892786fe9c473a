import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint, Payload, PayloadRequest } from 'payload';
import { endpoints } from '../src/endpoints';
import { rebuildSearchIndex, searchEngine } from '../src/search/engine';
import { createFaqDraftFromQuery } from '../src/search/faq-draft-from-query';
import { recordSearchEvent } from '../src/search/query-stats';
import { databaseTargets } from './database-targets';
import { createStaff, startTestCms, type TestCms } from './harness';

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
const hits = async (q: string) => (await searchEngine().search({ q })).hits.map((hit) => hit.id);
const statsRows = async () =>
  (await payload.find({ collection: 'search-queries', overrideAccess: true, pagination: false, sort: 'query' })).docs as unknown as {
    id: number | string;
    query: string;
    week: string;
    searches: number;
    noResultSearches: number;
    lastResultCount: number | null;
    clicks: number;
  }[];

/** Calls a custom endpoint's handler the way Payload does: the web request with Payload's additions. */
const callEndpoint = (endpoint: Endpoint | undefined, request: Request, extra: Partial<PayloadRequest>) =>
  endpoint!.handler(Object.assign(request, { payload, context: {}, ...extra }) as unknown as PayloadRequest);
const rootEndpoint = (path: string) => endpoints.find((endpoint) => endpoint.path === path);

describe.each(databaseTargets())('on $name', (target) => {
  beforeAll(async () => {
    cms = await startTestCms({}, target);
    payload = cms.payload;
    const topic = await payload.create({ collection: 'topics', overrideAccess: true, data: { title: 'Оплата', slug: 'oplata', order: 1 } as never });
    topicId = topic.id;
    await payload.create({
      collection: 'faq',
      overrideAccess: true,
      data: { question: 'Что такое плата за общедомовые нужды?', slug: 'obshchedomovye-nuzhdy', topic: topicId, audience: 'fl', answer: richText('Это освещение подъездов и работа лифтов.'), _status: 'published' } as never,
    });
  }, 120_000);

  afterAll(async () => {
    await cms?.close();
  });

  describe('synonyms maintained by editors', () => {
    it('apply to search as soon as the global is saved', async () => {
      expect(await hits('ОДН')).toEqual([]);
      await payload.updateGlobal({ slug: 'search-synonyms', overrideAccess: true, data: { groups: [{ words: 'ОДН, общедомовые нужды' }] } as never });
      expect(await hits('ОДН')).toEqual(['obshchedomovye-nuzhdy']);
    });

    it('survive a full re-index (as at start or on npm run reindex)', async () => {
      expect(await rebuildSearchIndex(payload)).toBe(1);
      expect(await hits('ОДН')).toEqual(['obshchedomovye-nuzhdy']);
    });

    it('refuse a group with a single word', async () => {
      await expect(
        payload.updateGlobal({ slug: 'search-synonyms', overrideAccess: true, data: { groups: [{ words: 'одно' }] } as never }),
      ).rejects.toThrow();
    });
  });

  describe('search statistics', () => {
    it('count concurrent searches and clicks per normalized query and week, without losing any', async () => {
      const now = new Date('2026-11-27T10:00:00Z');
      await Promise.all([
        ...Array.from({ length: 12 }, (_, i) => recordSearchEvent(payload, { kind: 'search', q: i % 2 ? 'Скока платить за свет?' : 'скока платить за свет', results: 3 }, now)),
        ...Array.from({ length: 3 }, () => recordSearchEvent(payload, { kind: 'click', q: 'скока платить за свет', id: 'kak-rasschityvaetsya-summa' }, now)),
        recordSearchEvent(payload, { kind: 'search', q: 'тариф на зарядку электромобиля', results: 0 }, now),
      ]);
      const rows = await statsRows();
      expect(rows.map(({ query, week, searches, noResultSearches, lastResultCount, clicks }) => ({ query, week, searches, noResultSearches, lastResultCount, clicks }))).toEqual([
        { query: 'скока платить за свет', week: '2026-W48', searches: 12, noResultSearches: 0, lastResultCount: 3, clicks: 3 },
        { query: 'тариф на зарядку электромобиля', week: '2026-W48', searches: 1, noResultSearches: 1, lastResultCount: 0, clicks: 0 },
      ]);
    });

    it('never store contact details or account numbers typed into search', async () => {
      await recordSearchEvent(payload, { kind: 'search', q: 'лс 1234567890 ivan@mail.ru', results: 0 }, new Date('2026-11-27T10:00:00Z'));
      const stored = JSON.stringify(await statsRows());
      expect(stored).not.toContain('1234567890');
      expect(stored).not.toContain('ivan@mail.ru');
      expect(stored).toContain('лс #');
    });

    it('are readable by editors only', async () => {
      const editor = await createStaff(payload, 'editor@example.ru', ['editor']);
      const handler = await createStaff(payload, 'handler@example.ru', ['handler']);
      const read = (user?: unknown) =>
        payload.find({ collection: 'search-queries', overrideAccess: false, user: user as never }).then((r) => r.totalDocs);
      expect(await read(editor)).toBeGreaterThan(0);
      await expect(read(handler)).rejects.toThrow();
      await expect(read()).rejects.toThrow();
      await expect(
        payload.create({ collection: 'search-queries', overrideAccess: false, user: editor, data: { key: 'x', query: 'x', week: '2026-W48' } as never }),
      ).rejects.toThrow();
    });
  });

  describe('a query without results becomes a FAQ draft in one step', () => {
    it('creates a draft with the query as its question, once, and keeps it off the site', async () => {
      const row = (await statsRows()).find((r) => r.query === 'тариф на зарядку электромобиля')!;
      const first = await createFaqDraftFromQuery(payload, row.id);
      expect(first?.created).toBe(true);
      const again = await createFaqDraftFromQuery(payload, row.id);
      expect(again).toEqual({ faqId: first!.faqId, created: false });
      const draft = (await payload.findByID({ collection: 'faq', id: first!.faqId, draft: true, overrideAccess: true })) as unknown as {
        question: string;
        slug: string;
        _status: string;
      };
      expect(draft).toMatchObject({ question: 'Тариф на зарядку электромобиля?', _status: 'draft' });
      expect(draft.slug).toMatch(/^tarif-na-zaryadku-elektromobilya-/);
      expect(await hits('электромобиль')).toEqual([]);
      expect(await createFaqDraftFromQuery(payload, 999_999)).toBeNull();
    });
  });

  describe('endpoints', () => {
    it('POST /api/search/events counts a beacon', async () => {
      const request = new Request('http://cms.local/api/search/events', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ kind: 'click', q: 'Тариф на зарядку электромобиля', id: 'x' }),
      });
      const response = await callEndpoint(rootEndpoint('/search/events'), request, {});
      expect(response.status).toBe(204);
      const rows = (await statsRows()).filter((row) => row.query === 'тариф на зарядку электромобиля');
      expect(rows.reduce((sum, row) => sum + row.clicks, 0)).toBeGreaterThan(0);
    });

    it('POST /api/search/reindex rebuilds for administrators only', async () => {
      const admin = await createStaff(payload, 'admin2@example.ru', ['admin']);
      const editor = await createStaff(payload, 'editor2@example.ru', ['editor']);
      const reindex = (user: unknown) =>
        callEndpoint(rootEndpoint('/search/reindex'), new Request('http://cms.local/api/search/reindex', { method: 'POST' }), { user: user as never });
      expect((await reindex(null)).status).toBe(403);
      expect((await reindex(editor)).status).toBe(403);
      const response = await reindex(admin);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ indexed: 1, engine: 'embedded' });
    });

    it('POST /api/search-queries/:id/faq-draft is for editors and administrators only', async () => {
      const endpoint = ((payload.collections['search-queries'].config.endpoints || []) as Endpoint[]).find(
        (e) => e.path === '/:id/faq-draft',
      );
      const row = (await statsRows())[0]!;
      const handler = await createStaff(payload, 'handler2@example.ru', ['handler']);
      const editor = await createStaff(payload, 'editor3@example.ru', ['editor']);
      const call = (user: unknown, id: string) =>
        callEndpoint(endpoint, new Request(`http://cms.local/api/search-queries/${id}/faq-draft`, { method: 'POST' }), {
          user: user as never,
          routeParams: { id },
        });
      expect((await call(handler, String(row.id))).status).toBe(403);
      expect((await call(null, String(row.id))).status).toBe(403);
      const created = await call(editor, String(row.id));
      expect([200, 201]).toContain(created.status);
      expect((await created.json()).adminUrl).toMatch(/^\/admin\/collections\/faq\//);
      expect((await call(editor, '999999')).status).toBe(404);
    });
  });
});
