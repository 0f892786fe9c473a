import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from 'payload';
import { SiteExportSchema } from '@portal/core/site-export';
import { databaseTargets } from './database-targets';
import { createStaff, startTestCms, type TestCms } from './harness';

let cms: TestCms;
let payload: Payload;
let editor: never;
let handler: never;

type Id = number | string;
const createPage = async (slug: string, parent: Id | null, user: never = editor) => {
  const doc = await payload.create({
    collection: 'pages',
    overrideAccess: false,
    user,
    data: { title: `Страница ${slug}`, slug, parent, audience: 'all', _status: 'published' } as never,
  });
  return doc.id as Id;
};
const errorText = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (error) {
    const data = (error as { data?: { errors?: { message: string }[] } }).data;
    return [String((error as Error).message), ...(data?.errors ?? []).map((item) => item.message)].join('\n');
  }
  throw new Error('expected the operation to be refused');
};

describe.each(databaseTargets())('site content on $name', (target) => {
  beforeAll(async () => {
    cms = await startTestCms({ SEED_DEMO: 'on' }, target);
    payload = cms.payload;
    editor = await createStaff(payload, 'editor@example.ru', ['editor']);
    handler = await createStaff(payload, 'handler@example.ru', ['handler']);
  }, 180_000);

  afterAll(async () => {
    await cms?.close();
  });

  describe('page tree: never deeper than four levels', () => {
    let a: Id, b: Id, c: Id, d: Id;
    beforeAll(async () => {
      a = await createPage('test-a', null);
      b = await createPage('b', a);
      c = await createPage('c', b);
      d = await createPage('d', c);
    });

    it('accepts a page on the fourth level and refuses a fifth with a clear Russian message', async () => {
      expect(d).toBeDefined();
      const message = await errorText(createPage('e', d));
      expect(message).toContain('/test-a/b/c/d/e/');
      expect(message).toContain('не должны быть вложены глубже 4 уровней');
      const count = await payload.count({ collection: 'pages', where: { slug: { equals: 'e' } }, overrideAccess: true });
      expect(count.totalDocs).toBe(0);
    });

    it('re-checks the subtree when a section is moved under another page', async () => {
      const other = await createPage('test-other', null);
      // b holds c and d below it: moving b under other/x would put d on the fifth level.
      const x = await createPage('x', other);
      const message = await errorText(payload.update({ collection: 'pages', id: b, overrideAccess: false, user: editor, data: { parent: x } as never }));
      expect(message).toContain('вместе с подстраницами заняла бы 5 уровней');
      const unchanged = await payload.findByID({ collection: 'pages', id: b, depth: 0, overrideAccess: true });
      expect(String((unchanged as unknown as { parent: Id }).parent)).toBe(String(a));
      // One level up is fine.
      await payload.update({ collection: 'pages', id: b, overrideAccess: false, user: editor, data: { parent: other } as never });
    });

    it('refuses a loop and a slug already used by a sibling', async () => {
      expect(await errorText(payload.update({ collection: 'pages', id: b, overrideAccess: false, user: editor, data: { parent: d } as never }))).toMatch(/нельзя вложить/);
      const other = await payload.find({ collection: 'pages', where: { slug: { equals: 'test-other' } }, overrideAccess: true });
      expect(await errorText(createPage('x', other.docs[0]!.id as Id))).toContain('уже есть страница с адресом «x»');
      // The same slug under a different parent is fine: /fizlicam/dogovor/ and /yurlicam/dogovor/.
      await expect(createPage('x', a)).resolves.toBeDefined();
    });

    it('lets only editors and administrators change pages; anonymous visitors read published pages only', async () => {
      await expect(createPage('handler-page', null, handler)).rejects.toThrow();
      await payload.create({ collection: 'pages', overrideAccess: true, draft: true, data: { title: 'Черновик', slug: 'chernovik', audience: 'all', _status: 'draft' } as never });
      const anonymous = await payload.find({ collection: 'pages', overrideAccess: false, pagination: false, where: { slug: { equals: 'chernovik' } } });
      expect(anonymous.docs).toHaveLength(0);
      const forHandler = await payload.find({ collection: 'pages', overrideAccess: false, user: handler, pagination: false, where: { slug: { equals: 'chernovik' } } });
      expect(forHandler.docs).toHaveLength(0);
      const forEditor = await payload.find({ collection: 'pages', overrideAccess: false, user: editor, draft: true, pagination: false, where: { slug: { equals: 'chernovik' } } });
      expect(forEditor.docs).toHaveLength(1);
    });
  });

  describe('complaint answer summaries', () => {
    let topic: Id;
    beforeAll(async () => {
      const topics = await payload.find({ collection: 'topics', limit: 1, overrideAccess: true });
      topic = topics.docs[0]!.id as Id;
    });

    it('refuses to publish a summary with an e-mail, a phone or an account number, naming what was found', async () => {
      for (const [summary, kind] of [
        ['Ответ отправлен клиенту на ivanov@example.ru, перерасчёт выполнен.', 'адрес электронной почты'],
        ['Клиенту перезвонили по номеру +7 912 345-67-89.', 'номер телефона'],
        ['По лицевому счёту 1234567890 сделан перерасчёт.', 'номер лицевого счёта'],
      ] as const) {
        const message = await errorText(
          payload.create({ collection: 'complaint-summaries', overrideAccess: false, user: editor, data: { topic, month: '2026-11', summary, _status: 'published' } as never }),
        );
        expect(message).toContain(kind);
      }
    });

    it('keeps such a text as a draft of the handler; an editor publishes it once it is anonymised', async () => {
      const draft = await payload.create({
        collection: 'complaint-summaries',
        overrideAccess: false,
        user: handler,
        draft: true,
        data: { topic, month: '2026-11', summary: 'Звонили на 8 900 000 00 00', _status: 'draft' } as never,
      });
      await expect(
        payload.update({ collection: 'complaint-summaries', id: draft.id, overrideAccess: false, user: editor, data: { _status: 'published' } as never }),
      ).rejects.toThrow();
      const published = await payload.update({
        collection: 'complaint-summaries',
        id: draft.id,
        overrideAccess: false,
        user: editor,
        data: { summary: 'Клиенту перезвонили и объяснили порядок перерасчёта.', _status: 'published' } as never,
      });
      expect((published as unknown as { _status: string })._status).toBe('published');
    });
  });

  describe('tariffs and offices', () => {
    it('refuses a zone that does not belong to the tariff scheme', async () => {
      const message = await errorText(
        payload.create({
          collection: 'tariff-periods',
          overrideAccess: false,
          user: editor,
          data: {
            title: 'Проверка', slug: 'proverka', validFrom: '2027-01-01', validTo: '2027-06-30',
            decree: { number: '1-э', date: '2026-12-01', issuer: 'РСТ', publishedIn: 'портал' },
            rates: [{ group: 'rural', scheme: 'two', zone: 'peak', price: 5.1 }],
            _status: 'published',
          } as never,
        }),
      );
      expect(message).toContain('не относится к выбранному');
    });

    it('refuses an office whose lunch break falls outside its working day', async () => {
      const message = await errorText(
        payload.create({
          collection: 'offices',
          overrideAccess: false,
          user: editor,
          data: {
            name: 'Проверка', slug: 'proverka', kind: 'office', settlement: 'Озерки', address: 'ул. Тестовая, 1', latitude: 61, longitude: 34,
            weekly: [{ weekday: '1', open: '09:00', close: '12:00', breakStart: '13:00', breakEnd: '14:00' }],
            _status: 'published',
          } as never,
        }),
      );
      expect(message).toContain('Перерыв должен быть внутри рабочего дня');
    });

    it('does not let appeal handlers edit tariffs or offices', async () => {
      const offices = await payload.find({ collection: 'offices', limit: 1, overrideAccess: true });
      await expect(
        payload.update({ collection: 'offices', id: offices.docs[0]!.id, overrideAccess: false, user: handler, data: { name: 'Изменено' } as never }),
      ).rejects.toThrow();
    });
  });

  describe('demo content and the site export', () => {
    it('seeds idempotently: a second run creates nothing', async () => {
      const { seedDemoContent } = await import('../src/seed');
      const { readCmsEnv, portalRoot } = await import('../src/env');
      const env = readCmsEnv();
      const again = await seedDemoContent(payload, env, portalRoot(env));
      expect(again.created).toBe(0);
    });

    it('exports the site facts of the demo company: both hotlines, the personal account, office heads, the price list, the energy-saving section', async () => {
      const { buildSiteExport } = await import('../src/endpoints/site-export');
      const snapshot = SiteExportSchema.parse(await buildSiteExport(payload));
      expect(snapshot.company).toMatchObject({ hotlineIndividuals: '8-800-000-12-34', hotlineOrganisations: '8-800-000-56-78', personalAccountUrl: 'https://lk.example-energo.ru/' });
      const offices = snapshot.offices.filter((office) => office.kind === 'office');
      for (const office of offices) expect(office.headName && office.headPhone, office.slug).toBeTruthy();
      const meters = snapshot.services.find((service) => service.slug === 'pribory-ucheta');
      expect(meters?.prices.map((row) => row.priceKopecks)).toEqual([85_000, 190_000, 340_000, 260_050]);
      expect(snapshot.pages.map((page) => page.path)).toEqual(
        expect.arrayContaining(['/spravka/energosberezhenie-i-bezopasnost/', '/spravka/energosberezhenie-i-bezopasnost/bezuchetnoe-i-bezdogovornoe-potreblenie/']),
      );
    });

    it('exports every kind of content, valid against the contract, without drafts', async () => {
      const { buildSiteExport } = await import('../src/endpoints/site-export');
      const snapshot = SiteExportSchema.parse(await buildSiteExport(payload));
      expect(snapshot.pages.map((page) => page.path)).toEqual(expect.arrayContaining(['/fizlicam/', '/fizlicam/dogovor/', '/yurlicam/dogovor/', '/spravka/kontakty/']));
      expect(snapshot.pages.some((page) => page.path === '/chernovik/')).toBe(false);
      for (const page of snapshot.pages) expect(page.path.split('/').filter(Boolean).length).toBeLessThanOrEqual(4);
      expect(snapshot.pages.find((page) => page.path === '/fizlicam/dogovor/')?.bodyHtml).toContain('<li');
      expect(snapshot.tariffPeriods.length).toBeGreaterThanOrEqual(4);
      const current = snapshot.tariffPeriods.find((period) => period.slug === '2026-2');
      expect(current?.rates.find((rate) => rate.group === 'rural' && rate.scheme === 'two' && rate.zone === 'day')?.priceKopecks).toBeGreaterThan(0);
      expect(snapshot.unregulatedPrices.length).toBeGreaterThanOrEqual(23 * 18);
      expect(snapshot.offices.filter((office) => office.kind === 'office').length).toBeGreaterThanOrEqual(8);
      expect(snapshot.offices[0]?.schedule.weekly.length).toBeGreaterThan(0);
      expect(snapshot.news.some((item) => item.urgent && item.urgentUntil)).toBe(true);
      expect(snapshot.complaintSummaries.length).toBeGreaterThanOrEqual(7);
      expect(snapshot.documents.some((doc) => doc.kind === 'standard')).toBe(true);
      expect(snapshot.links.length).toBeGreaterThanOrEqual(5);
      expect(snapshot.calendar.some((year) => year.year === 2026)).toBe(true);
      expect(snapshot.faq.find((entry) => entry.slug === 'elektronnaya-ochered')?.office).toBe('severo-ozersk-centralnyy');
      expect(JSON.stringify(snapshot)).not.toContain('handler@example.ru');
    });

    it('imports the demo «Анкета клиента» published and running today, with the home banner and its branching', async () => {
      const { buildSiteExport } = await import('../src/endpoints/site-export');
      const snapshot = SiteExportSchema.parse(await buildSiteExport(payload));
      const questionnaire = snapshot.questionnaires.find((each) => each.slug === 'anketa-klienta');
      expect(questionnaire).toMatchObject({ title: 'Анкета клиента', homeBanner: true });
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date());
      expect(questionnaire!.from <= today && today <= questionnaire!.to, `${questionnaire!.from}…${questionnaire!.to} around ${today}`).toBe(true);
      expect(questionnaire!.questions[0]).toMatchObject({ kind: 'single', required: true, options: ['В офисе', 'По телефону', 'Через сайт', 'По электронной почте'], showIf: null });
      expect(questionnaire!.questions[1]).toMatchObject({ kind: 'scale5', showIf: { question: 1, answer: 'В офисе' } });
    });
  });
});

describe.each(databaseTargets())('document files on $name', (target) => {
  let files: TestCms;
  beforeAll(async () => {
    files = await startTestCms({}, target);
  }, 120_000);
  afterAll(async () => {
    await files?.close();
  });

  const upload = (name: string, mimetype: string, text: string) => {
    const data = Buffer.from(text);
    return files.payload.create({ collection: 'document-files', overrideAccess: true, data: { title: name } as never, file: { data, mimetype, name, size: data.length } });
  };

  it('accepts a real PDF, publishes it with the document version, and refuses HTML renamed to .pdf', async () => {
    const pdf = await upload('dogovor.pdf', 'application/pdf', '%PDF-1.4\n1 0 obj<<>>endobj\nxref\n0 1\ntrailer<<>>\nstartxref\n0\n%%EOF');
    await files.payload.create({
      collection: 'documents',
      overrideAccess: true,
      data: { title: 'Договор', slug: 'dogovor', kind: 'contract-form', audience: 'fl', versions: [{ version: '1', approvedAt: '2026-01-12', file: pdf.id }], _status: 'published' } as never,
    });
    const { buildSiteExport } = await import('../src/endpoints/site-export');
    const snapshot = await buildSiteExport(files.payload);
    expect(snapshot.documents[0]?.versions[0]).toMatchObject({ fileUrl: '/spravka/dokumenty/faily/dogovor.pdf', fileName: 'dogovor.pdf' });
    const message = await errorText(upload('fake.pdf', 'application/pdf', '<html><script>alert(1)</script></html>'));
    expect(message).toMatch(/не соответствует его типу|not allowed|недопуст/i);
  });
});
