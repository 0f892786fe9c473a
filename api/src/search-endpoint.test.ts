import type { SearchQuery, SearchResult } from '@portal/search/contract';
import { describe, expect, it } from 'vitest';
import { handleSearch } from './search-endpoint';

/** A tiny in-memory engine: matches the query as a substring of the question, filters like the contract says. */
function memoryEngine() {
  const docs = [
    { id: 'dvuhzonnyy-tarif', question: 'Как перейти на двухзонный тариф?', topic: 'tarify', audience: 'fl' as const },
    { id: 'dogovor-ul', question: 'Как заключить договор энергоснабжения?', topic: 'dogovor', audience: 'ul' as const },
    { id: 'oplata', question: 'Где оплатить тариф без комиссии?', topic: 'oplata', audience: 'all' as const },
  ];
  const queries: SearchQuery[] = [];
  return {
    queries,
    async search(query: SearchQuery): Promise<SearchResult> {
      queries.push(query);
      const q = query.q.toLowerCase();
      const found = docs.filter(
        (doc) =>
          q !== '' &&
          doc.question.toLowerCase().includes(q) &&
          (query.audience === undefined || doc.audience === query.audience || doc.audience === 'all') &&
          (query.topic === undefined || doc.topic === query.topic),
      );
      const hits = found.slice(0, query.limit ?? 10).map((doc) => ({
        ...doc,
        type: 'faq' as const,
        url: `/faq/${doc.topic}/${doc.id}/`,
        topicTitle: doc.topic,
        score: 1,
        questionHtml: doc.question,
        snippetHtml: '',
      }));
      return { hits, total: found.length, query: query.q };
    },
  };
}

const get = (query: string) => new Request(`http://cms.local/api/search${query}`);

describe('handleSearch', () => {
  it('answers 200 with the engine result as uncached JSON', async () => {
    const engine = memoryEngine();
    const res = await handleSearch(get('?q=%D1%82%D0%B0%D1%80%D0%B8%D1%84'), engine);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as SearchResult;
    expect(body.total).toBe(2);
    expect(body.hits.map((hit) => hit.id)).toEqual(['dvuhzonnyy-tarif', 'oplata']);
  });

  it('passes audience, topic and a numeric limit to the engine', async () => {
    const engine = memoryEngine();
    const res = await handleSearch(get('?q=%D1%82%D0%B0%D1%80%D0%B8%D1%84&audience=ul&topic=oplata&limit=1'), engine);
    expect(res.status).toBe(200);
    expect(engine.queries).toEqual([{ q: 'тариф', audience: 'ul', topic: 'oplata', limit: 1 }]);
    expect(((await res.json()) as SearchResult).hits.map((hit) => hit.id)).toEqual(['oplata']);
  });

  it('passes the type filter to the engine and refuses an unknown type', async () => {
    const engine = memoryEngine();
    expect((await handleSearch(get('?q=%D1%82%D0%B0%D1%80%D0%B8%D1%84&type=news'), engine)).status).toBe(200);
    expect(engine.queries).toEqual([{ q: 'тариф', type: 'news' }]);
    const refused = await handleSearch(get('?q=x&type=video'), engine);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { fieldErrors: Record<string, string> }).fieldErrors.type).toBeTruthy();
  });

  it('treats empty parameters as absent and a missing q as an empty query', async () => {
    const engine = memoryEngine();
    const res = await handleSearch(get('?audience=&topic=&limit='), engine);
    expect(res.status).toBe(200);
    expect(engine.queries).toEqual([{ q: '', audience: undefined, topic: undefined, limit: undefined }]);
  });

  it.each([
    ['?q=x&audience=all', 'audience'],
    ['?q=x&limit=0', 'limit'],
    ['?q=x&limit=abc', 'limit'],
    ['?q=x&limit=51', 'limit'],
    ['?q=x&topic=..%2Fetc', 'topic'],
    [`?q=${'я'.repeat(201)}`, 'q'],
  ])('answers 400 with a Russian message for %s', async (query, field) => {
    const engine = memoryEngine();
    const res = await handleSearch(get(query), engine);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { message: string; fieldErrors: Record<string, string> };
    expect(body.message).toMatch(/[а-яё]/i);
    expect(Object.keys(body.fieldErrors)).toEqual([field]);
    expect(engine.queries).toHaveLength(0);
  });

  it('answers 503 without details when the engine fails', async () => {
    const logged: unknown[][] = [];
    const res = await handleSearch(
      get('?q=%D0%B8%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2'),
      {
        search: async () => {
          throw new Error('Meilisearch rejected query "иванов": connect ECONNREFUSED');
        },
      },
      { error: (...args: unknown[]) => logged.push(args) },
    );
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBeTruthy();
    expect(await res.text()).not.toContain('ECONNREFUSED');
    expect(JSON.stringify(logged)).not.toContain('иванов');
  });

  it('answers 405 to POST', async () => {
    const res = await handleSearch(new Request('http://cms.local/api/search', { method: 'POST', body: '{}' }), memoryEngine());
    expect(res.status).toBe(405);
  });
});

describe('handleSearch suggestions', () => {
  const topics = async () => [{ slug: 'tarify', title: 'Тарифы и цены' }];

  it('adds topics to browse when nothing is found', async () => {
    const response = await handleSearch(get('?q=электромобиль'), memoryEngine(), console, topics);
    expect(await response.json()).toMatchObject({ total: 0, suggestedTopics: [{ slug: 'tarify', title: 'Тарифы и цены' }] });
  });

  it('adds none when something is found or nothing was asked', async () => {
    expect(await (await handleSearch(get('?q=тариф'), memoryEngine(), console, topics)).json()).not.toHaveProperty('suggestedTopics');
    expect(await (await handleSearch(get('?q='), memoryEngine(), console, topics)).json()).not.toHaveProperty('suggestedTopics');
  });
});
