import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from 'payload';
import { rebuildSearchIndex, searchEngine } from '../src/search/engine';
import { databaseTargets } from './database-targets';
import { startTestCms, type TestCms } from './harness';

let cms: TestCms;
let payload: Payload;

const richText = (text: string) => ({
  root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: [
    { type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, children: [
      { type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 },
    ] },
  ] },
});
const found = async (q: string) => (await searchEngine().search({ q })).hits.map((hit) => ({ type: hit.type, url: hit.url, title: hit.question }));

describe.each(databaseTargets())('on $name', (target) => {
  beforeAll(async () => {
    cms = await startTestCms({}, target);
    payload = cms.payload;
  }, 120_000);

  afterAll(async () => {
    await cms?.close();
  });

  describe('pages, news and documents are searchable once published, at the address the site gives them', () => {
    it('a published news item is found with its news page address; unpublished, it is gone', async () => {
      const zarechnyj = await payload.create({ collection: 'territories', overrideAccess: true, data: { name: 'Заречный', slug: 'zarechnyj' } as never });
      const news = await payload.create({
        collection: 'news',
        overrideAccess: true,
        data: { title: 'Плановое отключение в Заречном', slug: 'otklyuchenie-zarechnyj', type: 'planned-outage', date: '2026-11-20', settlements: [zarechnyj.id], outageState: 'planned', outageStart: '2026-11-25T07:00:00.000Z', summary: 'Ремонт подстанции.', body: richText('Работы на линии электропередачи.'), _status: 'published' } as never,
      });
      // An outage is its own result type (issue 18), still at its news page address.
      expect(await found('подстанция')).toEqual([{ type: 'outage', url: '/spravka/novosti/otklyuchenie-zarechnyj/', title: 'Плановое отключение в Заречном' }]);
      await payload.update({ collection: 'news', id: news.id, overrideAccess: true, data: { _status: 'draft' } as never });
      expect(await found('подстанция')).toEqual([]);
    });

    it('an outage is found by the settlement it affects, with its period as the status line', async () => {
      const place = await payload.create({ collection: 'territories', overrideAccess: true, data: { name: 'Тихая Заводь', slug: 'tihaya-zavod' } as never });
      await payload.create({
        collection: 'news',
        overrideAccess: true,
        data: { title: 'Плановое отключение 9 декабря', slug: 'otklyuchenie-tihaya-zavod', type: 'planned-outage', date: '2026-12-01', settlements: [place.id], outageState: 'planned', outageStart: '2026-12-09T07:00:00.000Z', period: '9 декабря с 10:00 до 15:00', summary: 'Замена опор.', _status: 'published' } as never,
      });
      const [hit] = (await searchEngine().search({ q: 'Тихая Заводь' })).hits;
      expect([hit?.type, hit?.topicTitle, hit?.status]).toEqual(['outage', 'Тихая Заводь', 'Плановое отключение: 9 декабря с 10:00 до 15:00']);
    });

    it('a published tariff period is found by its prices, linked to its page, with whether it is in force', async () => {
      await payload.create({
        collection: 'tariff-periods',
        overrideAccess: true,
        data: {
          title: 'с 1 января по 30 июня 2031 года',
          slug: '2031-1',
          validFrom: '2031-01-01',
          validTo: '2031-06-30',
          decree: { number: '5-э', date: '2030-12-01', issuer: 'Служба по тарифам', publishedIn: 'Портал правовой информации' },
          rates: [{ group: 'rural', scheme: 'two', zone: 'night', price: 2.38 }],
          _status: 'published',
        } as never,
      });
      const [hit] = (await searchEngine().search({ q: 'тарифы 2031 ночная зона' })).hits;
      expect([hit?.id, hit?.type, hit?.url, hit?.status]).toEqual(['tariff_2031-1', 'tariff', '/fizlicam/tarify/arhiv/2031-1/', 'Будет действовать с 1 января 2031 г.']);
    });

    it('a draft page is not found; published, it is found at the path of its section chain', async () => {
      const section = await payload.create({ collection: 'pages', overrideAccess: true, data: { title: 'Физическим лицам', slug: 'fizlicam', audience: 'fl', _status: 'published' } as never });
      const page = await payload.create({
        collection: 'pages',
        overrideAccess: true,
        draft: true,
        data: { title: 'Переоформление договора', slug: 'pereoformlenie', parent: section.id, audience: 'fl', content: richText('Смена владельца квартиры и лицевого счёта.'), _status: 'draft' } as never,
      });
      expect(await found('переоформление')).toEqual([]);
      await payload.update({ collection: 'pages', id: page.id, overrideAccess: true, data: { _status: 'published' } as never });
      expect(await found('переоформление')).toEqual([{ type: 'page', url: '/fizlicam/pereoformlenie/', title: 'Переоформление договора' }]);
      const result = await searchEngine().search({ q: 'переоформление', audience: 'fl' });
      expect(result.hits.map((hit) => hit.audience)).toEqual(['fl']);
    });

    it('unpublishing or renaming a section takes its pages along: left out, then found at the new address', async () => {
      const section = await payload.create({ collection: 'pages', overrideAccess: true, data: { title: 'Обратная связь', slug: 'obratnaya-svyaz', audience: 'all', _status: 'published' } as never });
      await payload.create({ collection: 'pages', overrideAccess: true, data: { title: 'Досудебное урегулирование споров', slug: 'dosudebnoe', parent: section.id, audience: 'all', _status: 'published' } as never });
      expect((await found('досудебное')).map((hit) => hit.url)).toEqual(['/obratnaya-svyaz/dosudebnoe/']);
      await payload.update({ collection: 'pages', id: section.id, overrideAccess: true, data: { _status: 'draft' } as never });
      expect(await found('досудебное')).toEqual([]);
      await payload.update({ collection: 'pages', id: section.id, overrideAccess: true, data: { slug: 'otzyvy', _status: 'published' } as never });
      expect((await found('досудебное')).map((hit) => hit.url)).toEqual(['/otzyvy/dosudebnoe/']);
    });

    it('a page under an unpublished section is left out of a full re-index, like the site leaves it out', async () => {
      const section = await payload.create({ collection: 'pages', overrideAccess: true, data: { title: 'Юридическим лицам', slug: 'yurlicam', audience: 'ul', _status: 'published' } as never });
      await payload.create({ collection: 'pages', overrideAccess: true, data: { title: 'Энергосервисный контракт', slug: 'energoservis', parent: section.id, audience: 'ul', _status: 'published' } as never });
      expect(await found('энергосервисный')).toEqual([{ type: 'page', url: '/yurlicam/energoservis/', title: 'Энергосервисный контракт' }]);
      await payload.update({ collection: 'pages', id: section.id, overrideAccess: true, data: { _status: 'draft' } as never });
      await rebuildSearchIndex(payload);
      expect(await found('энергосервисный')).toEqual([]);
    });

    it('a published document is found with a link to its article on the documents page; deleted, it is gone', async () => {
      const document = await payload.create({
        collection: 'documents',
        overrideAccess: true,
        data: { title: 'Типовой договор энергоснабжения', slug: 'tipovoj-dogovor', kind: 'contract-form', audience: 'all', description: 'Для граждан-потребителей.', versions: [{ version: '1', approvedAt: '2026-01-15' }], _status: 'published' } as never,
      });
      expect(await found('типовой')).toEqual([{ type: 'document', url: '/spravka/dokumenty/#doc-tipovoj-dogovor', title: 'Типовой договор энергоснабжения' }]);
      await payload.delete({ collection: 'documents', id: document.id, overrideAccess: true });
      expect(await found('типовой')).toEqual([]);
    });

    it('the type filter returns only items of that type', async () => {
      await payload.create({ collection: 'news', overrideAccess: true, data: { title: 'Новый тариф на электроэнергию', slug: 'novyj-tarif', type: 'tariff', date: '2026-11-21', summary: 'Тариф меняется с 1 января.', _status: 'published' } as never });
      const all = await searchEngine().search({ q: 'тариф' });
      expect(all.hits.map((hit) => hit.type)).toContain('news');
      expect((await searchEngine().search({ q: 'тариф', type: 'news' })).hits.map((hit) => hit.id)).toEqual(['news_novyj-tarif']);
      expect((await searchEngine().search({ q: 'тариф', type: 'document' })).hits).toEqual([]);
    });
  });
});
