import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchDocument, SearchDocumentInput, SearchEngine, SearchQuery, SearchResult } from '../src/contract';
import { newsToSearchDocument, officeToSearchDocument, tariffPeriodToSearchDocument } from '../src/index-sync';
import { FIXTURE_DOCS } from './fixtures';

/** Creates a fresh, empty engine for one test, and optionally cleans up after it. */
export interface EngineFactory {
  create(): Promise<SearchEngine>;
  dispose?(engine: SearchEngine): Promise<void>;
}

const ids = (result: SearchResult): string[] => result.hits.map((hit) => hit.id);

const fixture = (id: string): SearchDocument => {
  const doc = FIXTURE_DOCS.find((d) => d.id === id);
  if (!doc) throw new Error(`no fixture ${id}`);
  return doc;
};

/**
 * The behaviour every search engine must show. Both the embedded engine and the Meilisearch
 * adapter run this same suite, so results are the same whichever engine is configured.
 */
export function engineContract(name: string, factory: EngineFactory): void {
  describe(`${name} search engine contract`, () => {
    let engine: SearchEngine;
    const search = (query: SearchQuery): Promise<SearchResult> => engine.search(query);

    beforeEach(async () => {
      engine = await factory.create();
    });

    afterEach(async () => {
      await factory.dispose?.(engine);
    });

    describe('index changes', () => {
      it('finds an entry right after upsert and counts it', async () => {
        expect(ids(await search({ q: 'тарифы' }))).toEqual([]);
        await engine.upsert([fixture('tarify-dlya-naseleniya')]);
        expect(ids(await search({ q: 'тарифы' }))).toEqual(['tarify-dlya-naseleniya']);
        expect(await engine.count()).toBe(1);
      });

      it('replaces an entry with the same id on upsert', async () => {
        const original = fixture('tarify-dlya-naseleniya');
        await engine.upsert([original]);
        await engine.upsert([{ ...original, question: 'Когда меняются цены?', answerText: 'С первого июля.', topicTitle: 'Цены' }]);
        expect(ids(await search({ q: 'население' }))).toEqual([]);
        expect(ids(await search({ q: 'июля' }))).toEqual([original.id]);
        expect(await engine.count()).toBe(1);
      });

      it('stops finding an entry after remove and ignores unknown ids', async () => {
        await engine.upsert(FIXTURE_DOCS);
        await engine.remove(['tarify-dlya-naseleniya', 'no-such-entry']);
        expect(ids(await search({ q: 'тарифы для населения' }))).not.toContain('tarify-dlya-naseleniya');
        expect(await engine.count()).toBe(FIXTURE_DOCS.length - 1);
      });

      it('holds exactly the given entries after replaceAll', async () => {
        await engine.upsert(FIXTURE_DOCS);
        await engine.replaceAll([fixture('adresa-ofisov'), fixture('kod-dogovora')]);
        expect(await engine.count()).toBe(2);
        expect(ids(await search({ q: 'тарифы' }))).toEqual([]);
        expect(ids(await search({ q: 'офис' }))).toEqual(['adresa-ofisov']);
      });

      it('rejects a document with an invalid id', async () => {
        await expect(engine.upsert([{ ...fixture('kod-dogovora'), id: 'не slug' }])).rejects.toThrow();
      });
    });

    describe('matching and ranking', () => {
      beforeEach(async () => {
        await engine.replaceAll(FIXTURE_DOCS);
      });

      it('finds other word forms of the query words', async () => {
        expect(ids(await search({ q: 'тарифа' }))[0]).toBe('tarify-dlya-naseleniya');
        expect(ids(await search({ q: 'квитанцию' }))[0]).toBe('kvitanciya-ne-prishla');
      });

      it('treats ё and е alike in both directions', async () => {
        expect(ids(await search({ q: 'счетчик' }))[0]).toBe('kak-peredat-pokazaniya');
        expect(ids(await search({ q: 'лицевой счёт' }))[0]).toBe('registraciya-v-lk');
      });

      it('tolerates a typo in a longer word', async () => {
        expect(ids(await search({ q: 'квтанция' }))[0]).toBe('kvitanciya-ne-prishla');
        expect(ids(await search({ q: 'тарифф' }))[0]).toBe('tarify-dlya-naseleniya');
      });

      it('matches the last word as a prefix while the visitor types', async () => {
        expect(ids(await search({ q: 'показ' }))[0]).toBe('kak-peredat-pokazaniya');
        expect(ids(await search({ q: 'не пришла квит' }))[0]).toBe('kvitanciya-ne-prishla');
      });

      it('expands abbreviations and their full forms both ways', async () => {
        expect(ids(await search({ q: 'регистрация в личном кабинете' }))[0]).toBe('registraciya-v-lk');
        expect(ids(await search({ q: 'ЛС' }))[0]).toBe('registraciya-v-lk');
        expect(ids(await search({ q: 'ЦОК' }))[0]).toBe('adresa-ofisov');
        expect(ids(await search({ q: 'УИД' }))).toEqual(['kod-dogovora']);
        expect(ids(await search({ q: 'передать показания ПУ' }))[0]).toBe('kak-peredat-pokazaniya');
        expect(ids(await search({ q: 'платёжка' }))[0]).toBe('kvitanciya-ne-prishla');
      });

      it('ranks an entry matching more query words first', async () => {
        expect(ids(await search({ q: 'тарифы для организаций' }))[0]).toBe('ceny-dlya-organizaciy');
        expect(ids(await search({ q: 'тарифы для населения' }))[0]).toBe('tarify-dlya-naseleniya');
      });

      it('returns no hits for an empty or stop-word-only query', async () => {
        expect(await search({ q: '' })).toEqual({ hits: [], total: 0, query: '' });
        expect((await search({ q: 'как и где' })).hits).toEqual([]);
      });

      it('respects the limit and reports the total', async () => {
        const result = await search({ q: 'оплата', limit: 2 });
        expect(result.hits).toHaveLength(2);
        expect(result.total).toBe(3);
        expect(result.query).toBe('оплата');
        const scores = result.hits.map((hit) => hit.score);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
      });
    });

    // Single-word queries: Meilisearch drops words that do not match instead of OR-ing them, so
    // multi-word queries may legitimately return fewer weak hits there than in the embedded engine.
    describe('filters', () => {
      beforeEach(async () => {
        await engine.replaceAll(FIXTURE_DOCS);
      });

      it('returns entries of the audience and entries for everyone', async () => {
        expect(ids(await search({ q: 'оплата' })).sort()).toEqual(
          ['ceny-dlya-organizaciy', 'kvitanciya-ne-prishla', 'peni-za-prosrochku'].sort(),
        );
        expect(ids(await search({ q: 'оплата', audience: 'fl' })).sort()).toEqual(
          ['kvitanciya-ne-prishla', 'peni-za-prosrochku'].sort(),
        );
        const ul = await search({ q: 'оплата', audience: 'ul' });
        expect(ids(ul).sort()).toEqual(['ceny-dlya-organizaciy', 'peni-za-prosrochku'].sort());
        expect(ul.total).toBe(2);
      });

      it('returns only entries of the requested topic', async () => {
        const result = await search({ q: 'тарифы', topic: 'tarify' });
        expect(ids(result).sort()).toEqual(['ceny-dlya-organizaciy', 'tarify-dlya-naseleniya']);
        expect(result.total).toBe(2);
        expect(ids(await search({ q: 'оплата', topic: 'zadolzhennost' }))).toEqual(['peni-za-prosrochku']);
        expect(ids(await search({ q: 'оплата', topic: 'ofisy' }))).toEqual([]);
      });

      it('combines audience and topic filters', async () => {
        expect(ids(await search({ q: 'тарифы', topic: 'tarify', audience: 'ul' }))).toEqual(['ceny-dlya-organizaciy']);
      });
    });

    describe('rendering', () => {
      it('marks matched words and escapes markup from documents', async () => {
        await engine.upsert([
          {
            id: 'xss',
            url: '/faq/tarify/xss/',
            question: 'Тариф <script>alert("x")</script>',
            answerText: 'Тарифы <img src=x onerror=alert(1)> & "кавычки"',
            topic: 'tarify',
            topicTitle: 'Тарифы <b>и</b> цены',
            audience: 'all',
          },
        ]);
        const [hit] = (await search({ q: 'тарифы' })).hits;
        expect(hit?.questionHtml).toBe('<mark>Тариф</mark> &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
        expect(hit?.snippetHtml).toBe('<mark>Тарифы</mark> &lt;img src=x onerror=alert(1)&gt; &amp; &quot;кавычки&quot;');
        expect(hit?.topicTitle).toBe('Тарифы <b>и</b> цены');
      });

      it('fills every hit field', async () => {
        await engine.upsert([fixture('adresa-ofisov')]);
        const [hit] = (await search({ q: 'ЦОК' })).hits;
        expect(hit).toMatchObject({
          id: 'adresa-ofisov',
          type: 'faq',
          url: '/faq/ofisy/adresa-ofisov/',
          question: 'Где находится ближайший офис?',
          topic: 'ofisy',
          topicTitle: 'Обслуживание клиентов',
          audience: 'all',
          questionHtml: 'Где находится ближайший <mark>офис</mark>?',
        });
        expect(hit?.score).toBeGreaterThan(0);
        expect(hit?.snippetHtml).toContain('<mark>офисов</mark>');
      });
    });

    describe('forgiving the way a query was typed', () => {
      beforeEach(async () => {
        await engine.replaceAll(FIXTURE_DOCS);
      });

      it('reads Russian typed with the English layout on and says what it searched', async () => {
        // «ыефтщм» is not it: «ьщ» is what the keys of «тарифы» give with the English layout: n-f-h-b-a-s.
        const result = await search({ q: 'nfhbas' });
        expect(result.searchedAs).toBe('тарифы');
        expect(ids(result)[0]).toBe('tarify-dlya-naseleniya');
        expect(result.query).toBe('nfhbas');
      });

      it('reads English typed with the Russian layout on', async () => {
        // «уьфшд» = e-m-a-i-l on the same keys; «email» is a synonym of «электронная почта».
        const result = await search({ q: 'уьфшд' });
        expect(result.searchedAs).toBe('email');
        expect(ids(result)).toContain('registraciya-v-lk');
      });

      it('reads Russian written in Latin letters, informal spellings included', async () => {
        for (const q of ['kvitanciya ne prishla', 'kvitantsiya']) {
          const result = await search({ q });
          expect(ids(result)[0], q).toBe('kvitanciya-ne-prishla');
          expect(result.searchedAs, q).toMatch(/^квитанци/);
        }
      });

      it('leaves a query that already finds entries as typed', async () => {
        const result = await search({ q: 'тарифы' });
        expect(result.searchedAs).toBeUndefined();
        expect(result.didYouMean).toBeUndefined();
      });

      it('offers a close correction that finds more when a word is beyond the typo budget', async () => {
        // «тореф» is two edits from «тариф»: too many for a five-letter stem to match, close enough to suggest.
        const result = await search({ q: 'торефы' });
        expect(result.total).toBe(0);
        expect(result.didYouMean).toMatch(/^тариф/);
        expect((await search({ q: result.didYouMean! })).total).toBeGreaterThan(0);
      });
    });

    describe('honest counts', () => {
      beforeEach(async () => {
        await engine.replaceAll(FIXTURE_DOCS);
      });

      it('counts only entries that have every meaningful word of the query', async () => {
        // «оплаты» alone is in three entries; with «просрочку» only the penalty entry has both.
        expect((await search({ q: 'оплаты' })).total).toBeGreaterThan(1);
        const result = await search({ q: 'просрочка оплаты' });
        expect(ids(result)).toEqual(['peni-za-prosrochku']);
        expect(result.total).toBe(1);
      });

      it('does not require question words and fillers', async () => {
        // «делать» is in another entry («Что делать, если не пришла квитанция?»): required, it would win over «пеня».
        const result = await search({ q: 'что делать с пеней' });
        expect(ids(result)).toEqual(['peni-za-prosrochku']);
      });

      it('leaves out the least important word only when no entry has them all', async () => {
        // No entry has «пеня» and «населения» together; «населения» is in one entry, «пеня» in one too:
        // the words are left out from the end, so the penalty entry is what is found, and only it.
        const result = await search({ q: 'пеня населения' });
        expect(result.total).toBe(1);
        expect(ids(result)).toEqual(['peni-za-prosrochku']);
        // A word the index does not know at all goes first.
        const known = await search({ q: 'тарифы' });
        const withUnknown = await search({ q: 'тарифы абракадабра' });
        expect([withUnknown.total, ids(withUnknown)]).toEqual([known.total, ids(known)]);
      });
    });

    describe('several content types', () => {
      const page: SearchDocumentInput = {
        id: 'page_oplata',
        type: 'page',
        url: '/oplata/',
        question: 'Оплата электроэнергии',
        answerText: 'Оплатить электроэнергию можно в личном кабинете, в банке или в офисе обслуживания.',
        topic: '',
        topicTitle: '',
        audience: 'all',
      };
      const faq: SearchDocumentInput = {
        id: 'kak-oplatit',
        url: '/faq/oplata/kak-oplatit/',
        question: 'Где можно оплатить электроэнергию?',
        answerText: 'В личном кабинете, в банке или в офисе обслуживания.',
        topic: 'oplata',
        topicTitle: 'Оплата',
        audience: 'all',
      };

      beforeEach(async () => {
        await engine.replaceAll([page, faq]);
      });

      it('puts the FAQ entry first for a question-like query', async () => {
        expect(ids(await search({ q: 'как оплатить электроэнергию' }))[0]).toBe('kak-oplatit');
        expect(ids(await search({ q: 'не знаю где оплатить электроэнергию' }))[0]).toBe('kak-oplatit');
      });

      it('returns each hit with its type and public URL', async () => {
        const hits = (await search({ q: 'оплата электроэнергии' })).hits;
        expect(hits.map((hit) => [hit.id, hit.type, hit.url]).sort()).toEqual([
          ['kak-oplatit', 'faq', '/faq/oplata/kak-oplatit/'],
          ['page_oplata', 'page', '/oplata/'],
        ]);
      });

      it('filters by type', async () => {
        expect(ids(await search({ q: 'оплата', type: 'page' }))).toEqual(['page_oplata']);
        expect(ids(await search({ q: 'оплата', type: 'faq' }))).toEqual(['kak-oplatit']);
        expect(ids(await search({ q: 'оплата', type: 'news' }))).toEqual([]);
      });

      it('rejects a URL that is not a path of the site', async () => {
        await expect(engine.upsert([{ ...page, url: 'https://evil.example/' }])).rejects.toThrow();
        await expect(engine.upsert([{ ...page, url: '//evil.example/' }])).rejects.toThrow();
      });
    });

    describe('offices and payment points', () => {
      const office = officeToSearchDocument({
        slug: 'severo-ozersk-zarechnyy',
        kind: 'office',
        name: 'ЦОК «Северо-Озёрск, Заречный»',
        settlement: 'Северо-Озёрск',
        address: 'г. Северо-Озёрск, пр-т Рыбаков, д. 47',
        weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '09:00', close: '18:00', breakStart: '13:00', breakEnd: '13:45' })),
        services: ['заключение и изменение договоров', 'приём показаний'],
        payment: ['платёжный терминал (карта, СБП)'],
      });
      const point = officeToSearchDocument({
        slug: 'punkt-oplaty-vokzalnyy',
        kind: 'payment-point',
        name: 'Пункт оплаты «Вокзальный»',
        settlement: 'Северо-Озёрск',
        address: 'г. Северо-Озёрск, Привокзальная пл., д. 2',
        weekly: [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '08:00', close: '20:00' })),
        services: [],
        payment: ['касса без комиссии'],
      });

      beforeEach(async () => {
        await engine.replaceAll([...FIXTURE_DOCS, office, point]);
      });

      it('finds an office by its name in another case, linked to its page', async () => {
        for (const q of ['Заречный', 'заречном', 'ЦОК на Рыбаков']) {
          const first = (await search({ q })).hits[0];
          expect([first?.id, first?.type, first?.url, first?.topicTitle], q).toEqual(['office_severo-ozersk-zarechnyy', 'office', '/spravka/ofisy/severo-ozersk-zarechnyy/', 'Северо-Озёрск']);
        }
      });

      it('gives an office and a payment point a status line from their hours', async () => {
        const first = (await search({ q: 'Заречный' })).hits[0];
        expect(first?.status).toMatch(/^(Открыто до \d{1,2}:\d{2}|Закрыто|Перерыв)/);
        // A FAQ entry has no status line.
        expect((await search({ q: 'пеня' })).hits[0]?.status).toBeUndefined();
      });

      it('finds an outage by its settlement and a tariff period by its prices, each with its type and status line', async () => {
        const outage = newsToSearchDocument({
          slug: 'planovoe-otklyuchenie-tihorechye',
          title: 'Плановое отключение 3 декабря',
          type: 'planned-outage',
          summary: 'Ремонт линии.',
          period: '3 декабря с 9:00 до 17:00',
          settlements: ['Тихоречье'],
          bodyText: '',
        });
        const tariff = tariffPeriodToSearchDocument({
          slug: '2026-2',
          title: 'с 1 июля по 31 декабря 2026 года',
          validFrom: '2026-07-01',
          validTo: '2026-12-31',
          decree: { number: '1-э', date: '2026-06-01', issuer: 'Служба по тарифам', publishedIn: 'портал' },
          rates: [{ group: 'rural', scheme: 'two', zone: 'night', priceKopecks: 238 }],
        });
        await engine.upsert([outage, tariff]);
        const [found] = (await search({ q: 'Тихоречье' })).hits;
        expect([found?.type, found?.topicTitle, found?.status]).toEqual(['outage', 'Тихоречье', 'Плановое отключение: 3 декабря с 9:00 до 17:00']);
        const [period] = (await search({ q: 'ночная зона сельские' })).hits;
        expect([period?.id, period?.type, period?.url]).toEqual(['tariff_2026-2', 'tariff', '/fizlicam/tarify/arhiv/2026-2/']);
        expect(period?.status).toMatch(/^(Действует сейчас, до 31 декабря 2026 г\.|Будет действовать с 1 июля 2026 г\.|Действовал до 31 декабря 2026 г\.)$/);
      });

      it('finds a payment point by the way to pay it takes, and filters offices and payment points apart', async () => {
        expect(ids(await search({ q: 'касса без комиссии' }))[0]).toBe('payment-point_punkt-oplaty-vokzalnyy');
        expect(ids(await search({ q: 'Северо-Озёрск', type: 'payment-point' }))).toEqual(['payment-point_punkt-oplaty-vokzalnyy']);
        expect(ids(await search({ q: 'Северо-Озёрск', type: 'office' }))).toEqual(['office_severo-ozersk-zarechnyy']);
      });
    });
  });
}
