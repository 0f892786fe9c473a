import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from 'payload';
import { databaseTargets } from './database-targets';
import { createStaff, startTestCms, type TestCms } from './harness';

let cms: TestCms;
let payload: Payload;
let editor: never;
let handler: never;
let topicId: number | string;
let draftId: number | string;

const richText = (text: string) => ({
  root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: [
    { type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, children: [
      { type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 },
    ] },
  ] },
});

describe.each(databaseTargets())('on $name', (target) => {
  beforeAll(async () => {
    cms = await startTestCms({}, target);
    payload = cms.payload;
    editor = await createStaff(payload, 'editor@example.ru', ['editor']);
    handler = await createStaff(payload, 'handler@example.ru', ['handler']);
    const topic = await payload.create({ collection: 'topics', overrideAccess: true, data: { title: 'Тарифы и цены', slug: 'tarify', order: 1 } as never });
    topicId = topic.id;
    await payload.create({ collection: 'faq', overrideAccess: true, data: { question: 'Где посмотреть тарифы?', slug: 'gde-tarify', topic: topicId, audience: 'all', answer: richText('На странице тарифов.'), _status: 'published' } as never });
    const draft = await payload.create({ collection: 'faq', overrideAccess: true, draft: true, data: { question: 'Черновик о льготах', slug: 'chernovik', topic: topicId, audience: 'fl', answer: richText('Ещё не готово.'), _status: 'draft' } as never });
    draftId = draft.id;
    await payload.create({
      collection: 'appeals',
      overrideAccess: true,
      data: {
        registrationNumber: 'В-2026-000001', type: 'question', status: 'registered', receivedAt: new Date().toISOString(), deadlineDate: '2026-12-01',
        topic: topicId, name: 'Иван', email: 'ivan@example.ru', answerChannel: 'email', text: 'Вопрос о тарифах на электроэнергию',
        confirmation: { state: 'not-needed' },
      } as never,
    });
  }, 120_000);

  afterAll(async () => {
    await cms?.close();
  });

  describe('access rules with real users (overrideAccess: false)', () => {
    it('anonymous visitors read only published FAQ entries', async () => {
      const result = await payload.find({ collection: 'faq', overrideAccess: false, draft: false });
      expect(result.docs.map((doc) => (doc as unknown as { slug: string }).slug)).toEqual(['gde-tarify']);
      await expect(payload.findByID({ collection: 'faq', id: draftId, overrideAccess: false })).rejects.toThrow();
    });

    it('anonymous visitors can neither read nor create appeals through the API', async () => {
      await expect(payload.find({ collection: 'appeals', overrideAccess: false })).rejects.toThrow();
      await expect(
        payload.create({ collection: 'appeals', overrideAccess: false, data: { registrationNumber: 'В-2026-999999' } as never }),
      ).rejects.toThrow();
    });

    it('an editor cannot read appeals', async () => {
      await expect(payload.find({ collection: 'appeals', overrideAccess: false, user: editor })).rejects.toThrow();
    });

    it('an editor edits and publishes FAQ entries, drafts included', async () => {
      const drafts = await payload.find({ collection: 'faq', overrideAccess: false, user: editor, draft: true });
      expect(drafts.totalDocs).toBe(2);
      const updated = await payload.update({ collection: 'faq', id: draftId, overrideAccess: false, user: editor, data: { _status: 'published' } as never });
      expect((updated as unknown as { _status: string })._status).toBe('published');
      await payload.update({ collection: 'faq', id: draftId, overrideAccess: true, data: { _status: 'draft' } as never });
    });

    it('a handler reads appeals but cannot edit FAQ entries or topics', async () => {
      const appeals = await payload.find({ collection: 'appeals', overrideAccess: false, user: handler });
      expect(appeals.totalDocs).toBe(1);
      const faq = await payload.find({ collection: 'faq', overrideAccess: true, where: { slug: { equals: 'gde-tarify' } } });
      const id = faq.docs[0]?.id as number;
      await expect(payload.update({ collection: 'faq', id, overrideAccess: false, user: handler, data: { question: 'Изменено' } as never })).rejects.toThrow();
      await expect(payload.update({ collection: 'topics', id: topicId, overrideAccess: false, user: handler, data: { title: 'Изменено' } as never })).rejects.toThrow();
    });

    it('only administrators manage staff accounts and roles', async () => {
      await expect(
        payload.create({ collection: 'users', overrideAccess: false, user: editor, data: { email: 'x@example.ru', password: 'another-password-1', roles: ['admin'] } as never }),
      ).rejects.toThrow();
      const self = await payload.update({ collection: 'users', id: (handler as { id: number }).id, overrideAccess: false, user: handler, data: { roles: ['admin'] } as never });
      expect((self as unknown as { roles: string[] }).roles).toEqual(['handler']);
    });

    it('company settings, the production calendar and the deadlines table are public to read but not to change', async () => {
      await expect(payload.findGlobal({ slug: 'company-settings', overrideAccess: false })).resolves.toBeTruthy();
      await expect(payload.updateGlobal({ slug: 'service-deadlines', overrideAccess: false, user: editor, data: { rules: [] } as never })).rejects.toThrow();
      await expect(payload.updateGlobal({ slug: 'company-settings', overrideAccess: false, user: handler, data: { name: 'X' } as never })).rejects.toThrow();
    });
  });
});
