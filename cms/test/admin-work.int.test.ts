import type { Payload, PayloadRequest } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, startTestCms, type TestCms } from './harness';
import { storeTestAppeal } from './support/appeal-fixture';

/**
 * What the admin shows staff at the start of their work (issue 13): the dashboard's counts per role, the publishing
 * report's «На сайте» column, and the sidebar note that refreshes itself through GET /api/live-state. Site builds are
 * requested (the build settings are set) but never run: each test marks builds by hand, as the job would.
 */
let cms: TestCms;
let payload: Payload;
let editor: never;
let handler: never;
let otherHandler: never;
let topicId: number | string;

const richText = (text: string) => ({
  root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: [
    { type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, children: [
      { type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 },
    ] },
  ] },
});

interface BuildRow {
  id: number;
  status: string;
  requestedAt: string;
  updatedAt: string;
  changes: number;
}

const builds = async () => (await payload.find({ collection: 'site-builds', sort: 'requestedAt', pagination: false, overrideAccess: true })).docs as unknown as BuildRow[];

/** A FAQ entry published by the editor through the normal update path (hooks, audit, build request). */
async function publishFaq(question: string, slug: string): Promise<number | string> {
  const draft = await payload.create({ collection: 'faq', draft: true, overrideAccess: false, user: editor, data: { question, slug, topic: topicId, audience: 'all', answer: richText('Ответ.'), _status: 'draft' } as never });
  await payload.update({ collection: 'faq', id: draft.id, overrideAccess: false, user: editor, data: { _status: 'published' } as never });
  return draft.id;
}

/** GET /api/live-state as the CMS serves it, with the given logged-in user (or none). */
async function liveState(query: string, user: unknown) {
  const { liveStateEndpoint } = await import('../src/publishing/live-state');
  const request = new Request(`http://cms.local/api/live-state?${query}`);
  const response = await liveStateEndpoint.handler(Object.assign(request, { payload, user, context: {} }) as unknown as PayloadRequest);
  return { status: response.status, body: (await response.json()) as { kind?: string; text?: string; message?: string } };
}

beforeAll(async () => {
  cms = await startTestCms({ SITE_BUILDS_DIR: '/nonexistent/builds', SITE_CURRENT_LINK: '/nonexistent/current', SITE_EXPORT_URL: 'http://127.0.0.1:9/api/site-export', SITE_BUILD_DEBOUNCE_MS: '60000' });
  payload = cms.payload;
  editor = await createStaff(payload, 'editor@example-energo.ru', ['editor']);
  handler = await createStaff(payload, 'handler@example-energo.ru', ['handler']);
  otherHandler = await createStaff(payload, 'handler2@example-energo.ru', ['handler']);
  topicId = (await payload.create({ collection: 'topics', overrideAccess: true, data: { title: 'Договор', slug: 'dogovor' } as never })).id;
}, 180_000);

afterAll(async () => {
  await cms?.close();
});

describe('the publishing report', () => {
  it('counts a change as live from the build it joined, even when that build starts right after the request', async () => {
    await payload.delete({ collection: 'site-builds', where: { id: { exists: true } }, overrideAccess: true });
    const first = await publishFaq('Как заключить договор?', 'kak-zaklyuchit-dogovor');
    const second = await publishFaq('Как расторгнуть договор?', 'kak-rastorgnut-dogovor');
    // Both publishes went into one queued build (the second joined it).
    const [build, ...others] = await builds();
    expect(others).toEqual([]);
    expect(build).toMatchObject({ status: 'queued', changes: 2 });
    // The job picks it up the moment after the second change joined it, and it succeeds.
    const startedAt = new Date(Date.parse(build!.updatedAt) + 1).toISOString();
    const finishedAt = new Date(Date.parse(build!.updatedAt) + 30_000).toISOString();
    await payload.update({ collection: 'site-builds', id: build!.id, overrideAccess: true, data: { status: 'succeeded', startedAt, finishedAt } as never });

    const { publishingReport } = await import('../src/publishing/report');
    const rows = await publishingReport(payload, { since: new Date(Date.now() - 3_600_000) });
    const published = rows.filter((row) => row.target === 'faq' && [String(first), String(second)].includes(String(row.documentId)));
    expect(published).toHaveLength(2);
    for (const row of published) expect(row.liveAt).toBe(finishedAt);
  });
});

describe('GET /api/live-state (the «На сайте» note refreshing itself)', () => {
  it('follows a published document from «ожидает сборки» to «опубликовано», for staff who may read it', async () => {
    await payload.delete({ collection: 'site-builds', where: { id: { exists: true } }, overrideAccess: true });
    const id = await publishFaq('Как переоформить договор?', 'kak-pereoformit-dogovor');
    const pending = await liveState(`collection=faq&id=${id}`, editor);
    expect(pending).toMatchObject({ status: 200, body: { kind: 'pending' } });
    expect(pending.body.text).toMatch(/^Ожидает сборки сайта/);

    const [build] = await builds();
    const now = Date.now();
    await payload.update({ collection: 'site-builds', id: build!.id, overrideAccess: true, data: { status: 'succeeded', startedAt: new Date(now).toISOString(), finishedAt: new Date(now + 1000).toISOString() } as never });
    const live = await liveState(`collection=faq&id=${id}`, handler);
    expect(live).toMatchObject({ status: 200, body: { kind: 'live' } });
    expect(live.body.text).toMatch(/^Опубликовано на сайте сегодня в \d{2}:\d{2} МСК\.$/);
  });

  it('tells nothing to anonymous visitors, about drafts a handler may not read, or about non-public collections', async () => {
    const draft = await payload.create({ collection: 'faq', draft: true, overrideAccess: true, data: { question: 'Черновик вопроса?', slug: 'chernovik', topic: topicId, audience: 'all', answer: richText('Ответ.'), _status: 'draft' } as never });
    expect((await liveState(`collection=faq&id=${draft.id}`, null)).status).toBe(403);
    expect((await liveState(`collection=faq&id=${draft.id}`, handler)).status).toBe(404);
    expect((await liveState(`collection=faq&id=${draft.id}`, editor)).body.kind).toBe('not-published');
    const appeal = await storeTestAppeal(payload);
    expect((await liveState(`collection=appeals&id=${appeal.id}`, handler)).status).toBe(404);
    expect((await liveState('collection=faq&id=../../etc', editor)).status).toBe(404);
  });
});

describe('the dashboard counts', () => {
  it('gives handlers new, overdue, due-today and their own open appeals, settled ones not counted', async () => {
    const { queueCounts } = await import('../src/appeals/reports/queue-counts');
    await payload.delete({ collection: 'appeals', where: { id: { exists: true } }, overrideAccess: true });
    const handlerId = (handler as unknown as { id: number }).id;
    const otherId = (otherHandler as unknown as { id: number }).id;
    // Monday 7 December 2026, 12:00 in Moscow.
    const now = new Date('2026-12-07T09:00:00Z');
    await storeTestAppeal(payload, { status: 'registered', deadlineDate: '2026-12-04' });
    await storeTestAppeal(payload, { status: 'routed', deadlineDate: '2026-12-07', assignee: handlerId });
    await storeTestAppeal(payload, { status: 'in-progress', deadlineDate: '2026-12-09', assignee: otherId });
    await storeTestAppeal(payload, { status: 'answered', deadlineDate: '2026-12-01', assignee: handlerId });
    const counts = Object.fromEntries((await queueCounts(payload, handlerId, now)).map((item) => [item.key, item.count]));
    expect(counts).toEqual({ new: 1, overdue: 1, today: 1, mine: 1 });
  });

  it('the queue\'s «Просрочено» (due=overdue in the list\'s address) lists open appeals past their deadline: not those due today or later, not settled ones', async () => {
    const { toLocalIsoDate } = await import('@portal/core/time-zone');
    await payload.delete({ collection: 'appeals', where: { id: { exists: true } }, overrideAccess: true });
    const today = toLocalIsoDate(new Date(), 'Europe/Moscow');
    const overdue = await storeTestAppeal(payload, { status: 'routed', deadlineDate: '2000-01-03' });
    await storeTestAppeal(payload, { status: 'routed', deadlineDate: today });
    await storeTestAppeal(payload, { status: 'in-progress', deadlineDate: '2999-12-31' });
    await storeTestAppeal(payload, { status: 'answered', deadlineDate: '2000-01-01' });
    const appeals = payload.collections.appeals.config;
    const baseFilter = appeals.admin.baseFilter!;
    const listed = async (query: Record<string, unknown>) => {
      const where = await baseFilter({ req: { query, payload } as never, limit: 10, page: 1, sort: 'deadlineDate' });
      return (await payload.find({ collection: 'appeals', where: where ?? {}, overrideAccess: true })).docs.map((doc) => doc.id);
    };
    expect(await listed({ due: 'overdue' })).toEqual([overdue.id]);
    expect(await listed({})).toHaveLength(4);
  });

  it('gives editors the drafts waiting for publication, per collection', async () => {
    const { draftsWaiting } = await import('../src/publishing/editor-counts');
    const before = (await draftsWaiting(payload)).find((row) => row.collection === 'faq')?.count ?? 0;
    await payload.create({ collection: 'faq', draft: true, overrideAccess: true, data: { question: 'Ещё один черновик?', slug: 'eshchyo-chernovik', topic: topicId, audience: 'all', answer: richText('Ответ.'), _status: 'draft' } as never });
    // A published entry with a newer draft on top waits for publication too.
    const id = await publishFaq('Опубликованный вопрос?', 'opublikovannyj-vopros');
    await payload.update({ collection: 'faq', id, draft: true, overrideAccess: false, user: editor, data: { question: 'Опубликованный вопрос, правка?' } as never });
    const after = (await draftsWaiting(payload)).find((row) => row.collection === 'faq');
    expect(after).toMatchObject({ label: 'Вопросы и ответы', count: before + 2 });
  });
});

describe('the queue search', () => {
  it('finds an appeal by its phone typed as the client said it, with a handler\'s own access', async () => {
    const stored = await storeTestAppeal(payload, { name: 'Ольга Белова', email: null, phone: '+79001112233', answerChannel: 'phone' });
    // As Payload's list builds the search: the text against every searchable field, any of them matching.
    const search = (text: string) =>
      payload.find({
        collection: 'appeals',
        overrideAccess: false,
        user: handler,
        depth: 0,
        where: { or: ['registrationNumber', 'name', 'email', 'phone'].map((field) => ({ [field]: { like: text } })) },
      });
    for (const text of ['8 900 111-22-33', '+7 (900) 111', '9001112233', 'Белова']) {
      expect((await search(text)).docs.map((doc) => doc.id), text).toContain(stored.id);
    }
    expect((await search('8 900 999')).docs.map((doc) => doc.id)).not.toContain(stored.id);
  });
});

describe('nothing in the admin loads from outside', () => {
  it('every JSON and code field, Payload\'s own jobs included, is shown read-only instead of in the CDN editor', async () => {
    const { READ_ONLY_JSON_FIELD } = await import('../src/admin-display');
    const offenders: string[] = [];
    const walk = (fields: readonly Record<string, unknown>[], where: string) => {
      for (const field of fields) {
        const name = `${where}.${String(field.name ?? field.type)}`;
        const admin = field.admin as { components?: { Field?: unknown }; hidden?: boolean } | undefined;
        if ((field.type === 'json' || field.type === 'code') && !admin?.hidden && !admin?.components?.Field) offenders.push(name);
        if (Array.isArray(field.fields)) walk(field.fields as Record<string, unknown>[], name);
        if (Array.isArray(field.tabs)) for (const tab of field.tabs as { fields: Record<string, unknown>[] }[]) walk(tab.fields, name);
        if (Array.isArray(field.blocks)) for (const block of field.blocks as { fields: Record<string, unknown>[] }[]) walk(block.fields, name);
      }
    };
    // Payload's own bookkeeping that the admin never shows (preferences, key-value store, job statistics) is left out.
    const shown = (entity: { admin?: { hidden?: unknown } }) => entity.admin?.hidden !== true;
    for (const collection of payload.config.collections.filter(shown)) walk(collection.fields as unknown as Record<string, unknown>[], collection.slug);
    for (const global of payload.config.globals.filter(shown)) walk(global.fields as unknown as Record<string, unknown>[], global.slug);
    expect(offenders).toEqual([]);
    // The jobs' log is one of them: an administrator opening a failed job sees its input as text.
    const jobs = payload.config.collections.find((collection) => collection.slug === 'payload-jobs');
    const input = jobs?.fields.find((field) => 'name' in field && field.name === 'input') as { admin?: { components?: { Field?: unknown } } } | undefined;
    expect(input?.admin?.components?.Field).toBe(READ_ONLY_JSON_FIELD);
  });

  it('every list (array) field names its rows in Russian, not after the field\'s English name', async () => {
    const offenders: string[] = [];
    const walk = (fields: readonly Record<string, unknown>[], where: string) => {
      for (const field of fields) {
        const name = `${where}.${String(field.name ?? field.type)}`;
        const singular = (field.labels as { singular?: unknown } | undefined)?.singular;
        const admin = field.admin as { hidden?: boolean; disabled?: boolean } | undefined;
        if (admin?.hidden || admin?.disabled) continue; // never shown (e.g. Payload's login sessions)
        if (field.type === 'array' && !(typeof singular === 'string' && /^[А-ЯЁа-яё]/.test(singular))) offenders.push(name);
        if (Array.isArray(field.fields)) walk(field.fields as Record<string, unknown>[], name);
        if (Array.isArray(field.tabs)) for (const tab of field.tabs as { fields: Record<string, unknown>[] }[]) walk(tab.fields, name);
      }
    };
    const shown = (entity: { admin?: { hidden?: unknown } }) => entity.admin?.hidden !== true;
    for (const collection of payload.config.collections.filter(shown)) walk(collection.fields as unknown as Record<string, unknown>[], collection.slug);
    for (const global of payload.config.globals.filter(shown)) walk(global.fields as unknown as Record<string, unknown>[], global.slug);
    expect(offenders).toEqual([]);
    const deadlines = payload.config.globals.find((global) => global.slug === 'service-deadlines')!;
    const rules = deadlines.fields.find((field) => 'name' in field && field.name === 'rules') as { labels?: { singular?: string } } | undefined;
    expect(rules?.labels?.singular).toBe('Запись');
  });

  it('date-and-time fields show list cells in the company zone and never label a browser-zone time «МСК»', async () => {
    const { STAFF_DATE_CELL } = await import('../src/admin-display');
    const builds = payload.config.collections.find((collection) => collection.slug === 'site-builds')!;
    const startedAt = builds.fields.find((field) => 'name' in field && field.name === 'startedAt') as { admin?: { date?: { displayFormat?: string }; components?: { Cell?: unknown } } };
    expect(startedAt.admin?.components?.Cell).toEqual({ path: STAFF_DATE_CELL, clientProps: { timeZone: 'Europe/Moscow' } });
    // What Payload formats in the browser's zone names that zone's offset, not «МСК».
    expect(startedAt.admin?.date?.displayFormat).toBe("d MMMM yyyy, HH:mm 'UTC'xxx");
    expect(payload.config.admin.dateFormat).toBe("d MMMM yyyy, HH:mm 'UTC'xxx");
  });
});
