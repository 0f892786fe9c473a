import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Payload } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, startTestCms, type TestCms } from './harness';

/**
 * The publishing pipeline end to end inside the CMS: publishing requests a coalesced, durable build job; the job
 * runs the real `astro build` against this CMS's site export (served over HTTP, as in production) and swaps the new
 * folder in; a failed build leaves the previous site online and is recorded with its error.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// Under the repository: Astro keeps its prerender bundle inside outDir only there, so parallel builds stay apart.
fs.mkdirSync(path.join(ROOT, 'node_modules', '.cache'), { recursive: true });
const work = fs.mkdtempSync(path.join(ROOT, 'node_modules', '.cache', 'publishing-test-'));
const buildsDir = path.join(work, 'builds');
const currentLink = path.join(work, 'current');

let cms: TestCms;
let payload: Payload;
let server: http.Server;
let exportBroken = false;
let editor: never;
let handler: never;
let topicId: number | string;

const richText = (text: string) => ({
  root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: [
    { type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, children: [
      { type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 },
    ] },
  ] },
});

const builds = async () =>
  (await payload.find({ collection: 'site-builds', sort: 'requestedAt', pagination: false, overrideAccess: true })).docs as unknown as {
    id: number;
    status: string;
    changes: number;
    error?: string | null;
  }[];
const page = (...segments: string[]) => fs.readFileSync(path.join(fs.realpathSync(currentLink), ...segments, 'index.html'), 'utf8');
const runBuildJobs = async () => {
  await payload.jobs.run({ queue: 'site-build' });
};

beforeAll(async () => {
  server = http.createServer((req, res) => {
    void (async () => {
      if (exportBroken) {
        res.writeHead(500).end('export unavailable');
        return;
      }
      const { buildSiteExport } = await import('../src/endpoints/site-export');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(await buildSiteExport(payload)));
    })().catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  cms = await startTestCms({
    SITE_BUILDS_DIR: buildsDir,
    SITE_CURRENT_LINK: currentLink,
    SITE_EXPORT_URL: `http://127.0.0.1:${port}/api/site-export`,
    SITE_BUILD_DEBOUNCE_MS: '0',
    SEED_DEMO: 'on',
  });
  payload = cms.payload;
  editor = await createStaff(payload, 'editor@example.ru', ['editor']);
  handler = await createStaff(payload, 'handler@example.ru', ['handler']);
  const topic = await payload.find({ collection: 'topics', limit: 1, overrideAccess: true });
  topicId = topic.docs[0]!.id;
}, 180_000);

afterAll(async () => {
  await cms?.close();
  await new Promise((resolve) => server?.close(resolve));
  fs.rmSync(work, { recursive: true, force: true });
});

describe('publishing pipeline', () => {
  it('seeding the demo content requests no build (the stack builds once at start)', async () => {
    expect(await builds()).toEqual([]);
  });

  it('a burst of 20 publishes by an editor is coalesced into one build that puts every change online', async () => {
    for (let i = 1; i <= 20; i++) {
      await payload.create({
        collection: 'faq',
        user: editor,
        overrideAccess: false,
        data: { question: `Пакетный вопрос номер ${i}?`, slug: `paket-${i}`, topic: topicId, audience: 'all', answer: richText(`Ответ номер ${i}.`), _status: 'published' } as never,
      });
    }
    const queued = await builds();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ status: 'queued', changes: 20 });

    await runBuildJobs();
    const done = await builds();
    expect(done).toHaveLength(1);
    expect(done[0]?.status).toBe('succeeded');
    const topicSlug = ((await payload.findByID({ collection: 'topics', id: topicId, overrideAccess: true })) as unknown as { slug: string }).slug;
    expect(page('faq', topicSlug, 'paket-20')).toContain('Пакетный вопрос номер 20?');

    const { liveStateOf } = await import('../src/publishing/live-state');
    const id = (await payload.find({ collection: 'faq', where: { slug: { equals: 'paket-7' } }, overrideAccess: true })).docs[0]!.id;
    expect((await liveStateOf(payload, 'faq', id)).kind).toBe('live');
  }, 240_000);

  it('saving a draft of a published entry requests no build; unpublishing does', async () => {
    const id = (await payload.find({ collection: 'faq', where: { slug: { equals: 'paket-1' } }, overrideAccess: true })).docs[0]!.id;
    await payload.update({ collection: 'faq', id, user: editor, overrideAccess: false, draft: true, data: { question: 'Черновик вопроса?', _status: 'draft' } as never });
    expect((await builds()).filter((build) => build.status === 'queued')).toHaveLength(0);
    await payload.update({ collection: 'faq', id, user: editor, overrideAccess: false, data: { _status: 'draft' } as never });
    expect((await builds()).filter((build) => build.status === 'queued')).toHaveLength(1);
    const { liveStateOf } = await import('../src/publishing/live-state');
    expect((await liveStateOf(payload, 'faq', id)).kind).toBe('not-published');
  });

  it('a failed build keeps the previous site online and records the error for editors', async () => {
    const before = fs.realpathSync(currentLink);
    const topicSlug = ((await payload.findByID({ collection: 'topics', id: topicId, overrideAccess: true })) as unknown as { slug: string }).slug;
    const id = (await payload.find({ collection: 'faq', where: { slug: { equals: 'paket-2' } }, overrideAccess: true })).docs[0]!.id;
    await payload.update({ collection: 'faq', id, user: editor, overrideAccess: false, data: { question: 'Изменённый вопрос два?', _status: 'published' } as never });
    exportBroken = true;
    try {
      await runBuildJobs();
    } finally {
      exportBroken = false;
    }
    const last = (await builds()).at(-1);
    expect(last?.status).toBe('failed');
    expect(last?.error).toMatch(/astro build failed/);
    expect(last?.error).toMatch(/500/);
    expect(fs.realpathSync(currentLink)).toBe(before);
    expect(page('faq', topicSlug, 'paket-2')).toContain('Пакетный вопрос номер 2?');
    const { liveStateOf } = await import('../src/publishing/live-state');
    expect((await liveStateOf(payload, 'faq', id)).kind).toBe('failed');
    // No partial build folder is left behind.
    expect(fs.readdirSync(buildsDir).filter((name) => name.startsWith('.'))).toEqual([]);
  }, 240_000);

  it('the next publish builds again and the change goes online', async () => {
    const topicSlug = ((await payload.findByID({ collection: 'topics', id: topicId, overrideAccess: true })) as unknown as { slug: string }).slug;
    const id = (await payload.find({ collection: 'faq', where: { slug: { equals: 'paket-3' } }, overrideAccess: true })).docs[0]!.id;
    await payload.update({ collection: 'faq', id, user: editor, overrideAccess: false, data: { question: 'Обновлённый вопрос три?', _status: 'published' } as never });
    await runBuildJobs();
    expect((await builds()).at(-1)?.status).toBe('succeeded');
    expect(page('faq', topicSlug, 'paket-3')).toContain('Обновлённый вопрос три?');
    expect(page('faq', topicSlug, 'paket-2')).toContain('Изменённый вопрос два?');
  }, 240_000);

  it('changing a published entry\'s slug adds a redirect from the old address that the build writes for the public server', async () => {
    const topicSlug = ((await payload.findByID({ collection: 'topics', id: topicId, overrideAccess: true })) as unknown as { slug: string }).slug;
    const id = (await payload.find({ collection: 'faq', where: { slug: { equals: 'paket-4' } }, overrideAccess: true })).docs[0]!.id;
    // A draft with a new slug moves nothing yet.
    await payload.update({ collection: 'faq', id, user: editor, overrideAccess: false, draft: true, data: { slug: 'paket-chetyre', _status: 'draft' } as never });
    expect((await payload.find({ collection: 'redirects', overrideAccess: true })).totalDocs).toBe(0);
    await payload.update({ collection: 'faq', id, user: editor, overrideAccess: false, data: { slug: 'paket-chetyre', _status: 'published' } as never });
    const redirects = (await payload.find({ collection: 'redirects', overrideAccess: true })).docs as unknown as { from: string; to: string; origin: string }[];
    expect(redirects).toEqual([expect.objectContaining({ from: `/faq/${topicSlug}/paket-4/`, to: `/faq/${topicSlug}/paket-chetyre/`, origin: 'auto' })]);
    await runBuildJobs();
    const file = JSON.parse(fs.readFileSync(path.join(fs.realpathSync(currentLink), '_redirects.json'), 'utf8'));
    expect(file).toContainEqual({ from: `/faq/${topicSlug}/paket-4/`, to: `/faq/${topicSlug}/paket-chetyre/` });
    expect(page('faq', topicSlug, 'paket-chetyre')).toContain('Пакетный вопрос номер 4?');
    // Anonymous visitors cannot list redirects through the API; they only ever see 301 answers.
    await expect(payload.find({ collection: 'redirects', overrideAccess: false })).rejects.toThrow();
  }, 240_000);

  it('renaming a topic redirects the topic page and every entry in it', async () => {
    const topic = (await payload.findByID({ collection: 'topics', id: topicId, overrideAccess: true })) as unknown as { slug: string };
    await payload.update({ collection: 'topics', id: topicId, user: editor, overrideAccess: false, data: { slug: 'novaya-tema' } as never });
    const froms = ((await payload.find({ collection: 'redirects', pagination: false, overrideAccess: true })).docs as unknown as { from: string; to: string }[]).map((r) => `${r.from} ${r.to}`);
    expect(froms).toContain(`/faq/${topic.slug}/ /faq/novaya-tema/`);
    expect(froms).toContain(`/faq/${topic.slug}/paket-5/ /faq/novaya-tema/paket-5/`);
  });

  it('company settings are public: saving them requests a build', async () => {
    const admin = await createStaff(payload, 'boss@example.ru', ['admin']);
    await runBuildJobs();
    await payload.updateGlobal({ slug: 'company-settings', user: admin, overrideAccess: false, data: { hotline: '8 800 555-00-00' } as never });
    const queued = (await payload.find({ collection: 'site-builds', where: { status: { equals: 'queued' } }, overrideAccess: true })).docs as unknown as { reasons: string }[];
    expect(queued).toHaveLength(1);
    expect(queued[0]?.reasons).toContain('company-settings');
  }, 240_000);

  it('only the server writes build records; handlers cannot read them', async () => {
    const [first] = await builds();
    await expect(payload.update({ collection: 'site-builds', id: first!.id, user: editor, overrideAccess: false, data: { status: 'succeeded' } as never })).rejects.toThrow();
    await expect(payload.find({ collection: 'site-builds', user: handler, overrideAccess: false })).rejects.toThrow();
  });

  it('the audit log records who did what to public content and settings, and nobody can alter it', async () => {
    const entries = (await payload.find({ collection: 'audit-log', pagination: false, sort: 'at', user: editor, overrideAccess: false })).docs as unknown as {
      id: number;
      action: string;
      target: string;
      userEmail: string;
      documentId?: string;
      changedFields?: string;
    }[];
    const paket1 = (await payload.find({ collection: 'faq', where: { slug: { equals: 'paket-1' } }, overrideAccess: true, draft: true })).docs[0]!.id;
    const forPaket1 = entries.filter((entry) => entry.target === 'faq' && entry.documentId === String(paket1)).map((entry) => `${entry.action} ${entry.userEmail}`);
    expect(forPaket1).toEqual(['publish editor@example.ru', 'draft editor@example.ru', 'unpublish editor@example.ru']);
    expect(entries.find((entry) => entry.action === 'draft' && entry.documentId === String(paket1))?.changedFields).toContain('question');
    expect(entries.some((entry) => entry.target === 'company-settings' && entry.action === 'settings' && entry.userEmail === 'boss@example.ru')).toBe(true);
    expect(entries.some((entry) => entry.target === 'topics' && entry.action === 'update')).toBe(true);
    const first = entries[0]!;
    await expect(payload.update({ collection: 'audit-log', id: first.id, user: editor, overrideAccess: false, data: { userEmail: 'x@example.ru' } as never })).rejects.toThrow();
    await expect(payload.delete({ collection: 'audit-log', id: first.id, user: editor, overrideAccess: false })).rejects.toThrow();
    // Handlers read only the entries of appeals (access-matrix.int.test.ts), none of public content or settings.
    const forHandler = (await payload.find({ collection: 'audit-log', pagination: false, user: handler, overrideAccess: false })).docs as unknown as { target: string }[];
    expect(forHandler.filter((entry) => entry.target !== 'appeals')).toEqual([]);
  });

  it('the draft preview renders the latest draft through the site\'s own page template, publishing nothing', async () => {
    const { renderFaqPreview } = await import('../src/publishing/preview');
    const topicSlug = ((await payload.findByID({ collection: 'topics', id: topicId, overrideAccess: true })) as unknown as { slug: string }).slug;
    const id = (await payload.find({ collection: 'faq', where: { slug: { equals: 'paket-6' } }, overrideAccess: true })).docs[0]!.id;
    await payload.update({ collection: 'faq', id, user: editor, overrideAccess: false, draft: true, data: { question: 'Черновой вопрос <шесть>?', answer: richText('Черновой ответ шесть.'), _status: 'draft' } as never });
    const html = (await renderFaqPreview(payload, String(id)))!;
    expect(html).toContain('Предпросмотр черновика');
    expect(html).toMatch(/<h1 data-preview="question"[^>]*>Черновой вопрос &lt;шесть&gt;\?<\/h1>/);
    expect(html).toContain('Черновой ответ шесть.');
    expect(html).not.toContain('Ответ номер 6.');
    // The site's layout around it: breadcrumbs to the topic, styles from the public site.
    expect(html).toContain(`/faq/${topicSlug}/`);
    expect(html).toMatch(/href="http:\/\/[^"]+\/_astro\/[^"]+\.css"/);
    expect(page('faq', topicSlug, 'paket-6')).toContain('Пакетный вопрос номер 6?');
    expect(await renderFaqPreview(payload, '999999')).toBeNull();
  });

  it('a scheduled publish publishes the draft when its time comes, and the site is rebuilt', async () => {
    await runBuildJobs();
    const draft = await payload.create({
      collection: 'faq',
      user: editor,
      overrideAccess: false,
      draft: true,
      data: { question: 'Новые тарифы с 1 июля?', slug: 'tarify-s-iyulya', topic: topicId, audience: 'all', answer: richText('Да.'), _status: 'draft' } as never,
    });
    // What the admin's «Запланировать публикацию» queues (Payload's schedulePublish task), due now.
    await payload.jobs.queue({ task: 'schedulePublish', waitUntil: new Date(Date.now() - 1000), input: { type: 'publish', doc: { relationTo: 'faq', value: String(draft.id) } } } as never);
    expect((await builds()).filter((build) => build.status === 'queued')).toHaveLength(0);
    await payload.jobs.run();
    const published = await payload.findByID({ collection: 'faq', id: draft.id, overrideAccess: true });
    expect((published as unknown as { _status: string })._status).toBe('published');
    expect((await builds()).filter((build) => build.status === 'queued')).toHaveLength(1);

    // A scheduled unpublish (e.g. an outage notice that expires) takes it off the site the same way.
    await payload.jobs.queue({ task: 'schedulePublish', waitUntil: new Date(Date.now() - 1000), input: { type: 'unpublish', doc: { relationTo: 'faq', value: String(draft.id) } } } as never);
    await payload.jobs.run();
    const unpublished = await payload.findByID({ collection: 'faq', id: draft.id, overrideAccess: true });
    expect((unpublished as unknown as { _status: string })._status).toBe('draft');
    const queued = (await payload.find({ collection: 'site-builds', where: { status: { equals: 'queued' } }, overrideAccess: true })).docs as unknown as { reasons: string }[];
    expect(queued[0]?.reasons).toContain('снят с публикации');
  });

  it('a build interrupted by a restart is marked failed and a new one is queued', async () => {
    const { recoverInterruptedBuilds } = await import('../src/publishing/site-build');
    await payload.delete({ collection: 'site-builds', where: { status: { equals: 'queued' } }, overrideAccess: true });
    const row = await payload.create({ collection: 'site-builds', overrideAccess: true, data: { status: 'running', requestedAt: new Date().toISOString(), startedAt: new Date().toISOString() } as never });
    expect(await recoverInterruptedBuilds(payload)).toBe(1);
    const after = await builds();
    expect(after.find((build) => build.id === row.id)?.status).toBe('failed');
    expect(after.filter((build) => build.status === 'queued')).toHaveLength(1);
  });
});
