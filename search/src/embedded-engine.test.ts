import { describe, expect, it } from 'vitest';
import { EmbeddedSearchEngine } from './embedded-engine';
import { faqToSearchDocument, officeToSearchDocument } from './index-sync';

/**
 * The in-process engine through its public API only (search, upsert, replaceAll): what a visitor sees
 * for a query. The shared engine contract (search/test/engine-contract.ts) covers the common ground.
 */

const faq = (slug: string, question: string, answerText: string, topicTitle = 'Оплата') =>
  faqToSearchDocument({ slug, question, answerText, topic: 'oplata', audience: 'all' }, topicTitle);

describe('EmbeddedSearchEngine', () => {
  it('works the status line out at the moment and in the time zone it was given', async () => {
    const office = officeToSearchDocument({
      slug: 'zarechnyy',
      kind: 'office',
      name: 'Офис «Заречный»',
      settlement: 'Озёрск',
      address: 'ул. Рыбаков, 47',
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '09:00', close: '18:00' })),
      services: [],
      payment: [],
    });
    // Monday 7 December 2026, 11:00 UTC: 14:00 in Moscow (open), 21:00 in Vladivostok (closed).
    const now = () => new Date('2026-12-07T11:00:00Z');
    const moscow = new EmbeddedSearchEngine({ now });
    const vladivostok = new EmbeddedSearchEngine({ now, timeZone: 'Asia/Vladivostok' });
    await moscow.upsert([office]);
    await vladivostok.upsert([office]);
    expect((await moscow.search({ q: 'Заречный' })).hits[0]?.status).toBe('Открыто до 18:00');
    expect((await vladivostok.search({ q: 'Заречный' })).hits[0]?.status).toBe('Закрыто, откроется завтра в 9:00');
  });

  it('does not complete a word in the middle of the query: «показ оплата» counts what «оплата» finds and offers the whole word', async () => {
    const engine = new EmbeddedSearchEngine();
    await engine.upsert([faq('pokazaniya', 'Показания и оплата', 'Сроки.'), faq('karta', 'Оплата картой', 'Без комиссии.')]);
    const result = await engine.search({ q: 'показ оплата' });
    // «показ» is two letters short of «показан» (beyond its one typo) and not the last word, so no entry has it:
    // it is left out, both entries with «оплата» count, and the correction that finds both words is offered.
    expect(result.total).toBe(2);
    expect(result.hits.map((hit) => hit.id).sort()).toEqual(['karta', 'pokazaniya']);
    expect(result.didYouMean).toBe('показания оплата');
  });

  it('corrects to words of the question, the answer and the topic title alike', async () => {
    const engine = new EmbeddedSearchEngine();
    await engine.upsert([faq('a', 'Договор', 'Щиток', 'Аварии')]);
    // Each query is two edits from a word of one field: beyond the typo budget of the search, within the correction's.
    expect((await engine.search({ q: 'дагавор' })).didYouMean).toBe('договор');
    expect((await engine.search({ q: 'щетак' })).didYouMean).toBe('щиток');
    expect((await engine.search({ q: 'овории' })).didYouMean).toBe('аварии');
  });

  it('offers corrections only from the entries it holds after replaceAll', async () => {
    const engine = new EmbeddedSearchEngine();
    await engine.upsert([faq('old', 'Сбыт сбыт сбыт', 'Сбыт.')]);
    await engine.replaceAll([faq('new', 'Зонт', 'Зонт.')]);
    // «збит» is two edits from both «сбыт» (gone) and «зонт»: only «зонт» can be offered.
    expect((await engine.search({ q: 'збит' })).didYouMean).toBe('зонт');
  });

  it('returns with a smaller limit exactly the first hits of a larger one, and the same total', async () => {
    const engine = new EmbeddedSearchEngine();
    // Entries with the query words in the question or only in the answer, in short and long questions, so that
    // the best answers come late and the order of bases differs from the order of final scores.
    const docs = [
      faq('d01', 'Льготы пенсионерам и многодетным семьям по оплате электроэнергии', 'Тариф ниже для льготников.'),
      faq('d02', 'Тариф', 'Цена за киловатт-час.'),
      faq('d03', 'Как узнать свой тариф и оплатить долг', 'Тариф указан в квитанции, тариф тариф.'),
      faq('d04', 'Оплата по тарифу', 'Оплатите по действующему тарифу.'),
      faq('d05', 'Двухзонный тариф', 'День и ночь.'),
      faq('d06', 'Показания счётчика', 'Передайте показания до 25 числа, тариф не меняется.'),
      faq('d07', 'Тарифы для населения на второе полугодие года в сельской местности', 'Тарифы.'),
      faq('d08', 'Оплата', 'Оплата картой, тариф по договору.'),
      faq('d09', 'Тарифы и оплата', 'Всё об оплате.'),
      faq('d10', 'Где посмотреть тариф', 'На сайте.'),
    ];
    await engine.upsert(docs);
    for (const q of ['тариф', 'тариф оплата', 'как оплатить по тарифу', 'тар']) {
      const all = await engine.search({ q, limit: 50 });
      expect(all.total, q).toBeGreaterThan(2);
      for (let limit = 1; limit <= all.hits.length; limit++) {
        const some = await engine.search({ q, limit });
        expect(some.total, `${q}, limit ${limit}`).toBe(all.total);
        expect(
          some.hits.map((hit) => [hit.id, hit.score]),
          `${q}, limit ${limit}`,
        ).toEqual(all.hits.slice(0, limit).map((hit) => [hit.id, hit.score]));
      }
    }
  });
});
