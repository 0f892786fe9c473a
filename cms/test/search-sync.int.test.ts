import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from 'payload';
import { searchEngine } from '../src/search/engine';
import { databaseTargets } from './database-targets';
import { startTestCms, type TestCms } from './harness';

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

describe.each(databaseTargets())('on $name', (target) => {
  beforeAll(async () => {
    cms = await startTestCms({}, target);
    payload = cms.payload;
    const topic = await payload.create({ collection: 'topics', overrideAccess: true, data: { title: 'Льготы и субсидии', slug: 'lgoty', order: 1 } as never });
    topicId = topic.id;
  }, 120_000);

  afterAll(async () => {
    await cms?.close();
  });

  describe('the FAQ search index follows the CMS', () => {
    it('a published entry is found right after saving; a draft is not', async () => {
      await payload.create({ collection: 'faq', overrideAccess: true, draft: true, data: { question: 'Как получить субсидию на оплату электроэнергии?', slug: 'subsidiya', topic: topicId, audience: 'fl', answer: richText('Обратитесь в органы социальной защиты.'), _status: 'draft' } as never });
      expect(await hits('субсидия')).toEqual([]);
      const faq = await payload.find({ collection: 'faq', where: { slug: { equals: 'subsidiya' } }, overrideAccess: true, draft: true });
      await payload.update({ collection: 'faq', id: faq.docs[0]!.id, overrideAccess: true, data: { _status: 'published' } as never });
      expect(await hits('субсидия')).toEqual(['subsidiya']);
    });

    it('saving a newer draft keeps the published text searchable until it is published', async () => {
      const faq = await payload.find({ collection: 'faq', where: { slug: { equals: 'subsidiya' } }, overrideAccess: true });
      const id = faq.docs[0]!.id;
      await payload.update({ collection: 'faq', id, overrideAccess: true, draft: true, data: { question: 'Как оформить компенсацию расходов на свет?', _status: 'draft' } as never });
      expect(await hits('субсидия')).toEqual(['subsidiya']);
      expect(await hits('компенсация')).toEqual([]);
      await payload.update({ collection: 'faq', id, overrideAccess: true, data: { question: 'Как оформить компенсацию расходов на свет?', _status: 'published' } as never });
      expect(await hits('компенсация')).toEqual(['subsidiya']);
    });

    it('unpublishing removes the entry from search, and so does deleting it', async () => {
      const faq = await payload.find({ collection: 'faq', where: { slug: { equals: 'subsidiya' } }, overrideAccess: true });
      const id = faq.docs[0]!.id;
      await payload.update({ collection: 'faq', id, overrideAccess: true, data: { _status: 'draft' } as never });
      expect(await hits('компенсация')).toEqual([]);
      await payload.update({ collection: 'faq', id, overrideAccess: true, data: { _status: 'published' } as never });
      expect(await hits('компенсация')).toEqual(['subsidiya']);
      await payload.delete({ collection: 'faq', id, overrideAccess: true });
      expect(await hits('компенсация')).toEqual([]);
    });

    it('renaming a topic updates the topic title stored with its entries', async () => {
      await payload.create({ collection: 'faq', overrideAccess: true, data: { question: 'Кому положена скидка?', slug: 'skidka', topic: topicId, audience: 'fl', answer: richText('Некоторым категориям граждан.'), _status: 'published' } as never });
      await payload.update({ collection: 'topics', id: topicId, overrideAccess: true, data: { title: 'Меры социальной поддержки' } as never });
      const result = await searchEngine().search({ q: 'скидка' });
      expect(result.hits[0]?.topicTitle).toBe('Меры социальной поддержки');
    });
  });
});
