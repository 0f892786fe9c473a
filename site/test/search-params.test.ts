import { describe, expect, it } from 'vitest';
import { parseSearchResponse, readSearchParams, searchApiUrl, searchPageUrl } from '../src/lib/search-params';

const topics = ['oplata', 'dogovor'];

describe('readSearchParams', () => {
  it('reads q, audience, topic and type from the page URL', () => {
    expect(readSearchParams('?q=%D1%82%D0%B0%D1%80%D0%B8%D1%84&audience=ul&topic=oplata&type=news', topics)).toEqual({
      q: 'тариф',
      audience: 'ul',
      topic: 'oplata',
      type: 'news',
    });
  });

  it('drops values the API would reject instead of sending them', () => {
    expect(readSearchParams('?audience=all&topic=%3Cscript%3E&type=video', topics)).toEqual({ q: '', audience: '', topic: '', type: '' });
    expect(readSearchParams(`?q=${'я'.repeat(500)}`, topics).q).toHaveLength(200);
  });
});

describe('search URLs', () => {
  it('leaves empty parameters out of the page URL and keeps the typed text as is', () => {
    expect(searchPageUrl({ q: '', audience: '', topic: '', type: '' })).toBe('/search/');
    expect(searchPageUrl({ q: 'ЛК ', audience: 'fl', topic: '', type: 'document' })).toBe('/search/?q=%D0%9B%D0%9A+&audience=fl&type=document');
  });

  it('sends a trimmed, encoded query to /api/search', () => {
    const url = new URL(searchApiUrl({ q: ' оплата & пеня ', audience: 'ul', topic: 'oplata', type: 'faq' }), 'http://x');
    expect(url.pathname).toBe('/api/search');
    expect(Object.fromEntries(url.searchParams)).toEqual({ q: 'оплата & пеня', audience: 'ul', topic: 'oplata', type: 'faq' });
  });
});

describe('parseSearchResponse', () => {
  const hit = {
    id: 'sposoby-oplaty',
    type: 'faq',
    url: '/faq/oplata/sposoby-oplaty/',
    question: 'Где оплатить?',
    topic: 'oplata',
    topicTitle: 'Оплата',
    audience: 'fl',
    score: 3.2,
    questionHtml: 'Где <mark>оплатить</mark>?',
    snippetHtml: 'Без комиссии…',
  };

  it('accepts the documented response shape', () => {
    expect(parseSearchResponse({ query: 'оплата', total: 1, hits: [hit] })).toEqual({ query: 'оплата', total: 1, hits: [hit], suggestedTopics: [] });
  });

  it('keeps the reading searched, the correction offered and a hit\'s status line', () => {
    const office = { ...hit, type: 'office', status: 'Открыто до 17:00' };
    expect(parseSearchResponse({ query: 'jgkfnf', total: 1, hits: [office], searchedAs: 'оплата', didYouMean: 'оплата' })).toEqual({
      query: 'jgkfnf',
      total: 1,
      hits: [office],
      suggestedTopics: [],
      searchedAs: 'оплата',
      didYouMean: 'оплата',
    });
    expect(parseSearchResponse({ query: 'x', total: 1, hits: [{ ...hit, status: 5 }] })).toBeNull();
    expect(parseSearchResponse({ query: 'x', total: 0, hits: [], searchedAs: 7, didYouMean: '' })).toEqual({ query: 'x', total: 0, hits: [], suggestedTopics: [] });
  });

  it('accepts office and payment point hits, which the island shows with their kind', () => {
    const office = { ...hit, id: 'office_yasnoborsk', type: 'office', url: '/spravka/ofisy/yasnoborsk/', topic: '', topicTitle: 'Ясноборск', audience: 'all' };
    const point = { ...office, id: 'payment-point_rynok', type: 'payment-point', url: '/spravka/punkty-oplaty/rynok/' };
    expect(parseSearchResponse({ query: 'ясноборск', total: 2, hits: [office, point] })?.hits.map((item) => item.type)).toEqual(['office', 'payment-point']);
    expect(readSearchParams('?type=payment-point', topics).type).toBe('payment-point');
  });

  it('keeps well-formed suggested topics', () => {
    const parsed = parseSearchResponse({ hits: [], total: 0, query: 'x', suggestedTopics: [{ slug: 'tarify', title: 'Тарифы' }, { slug: 1 }] });
    expect(parsed?.suggestedTopics).toEqual([{ slug: 'tarify', title: 'Тарифы' }]);
  });

  it('refuses hits that would link off the site', () => {
    expect(parseSearchResponse({ hits: [{ ...hit, url: 'javascript:alert(1)' }], total: 1 })).toBeNull();
    expect(parseSearchResponse({ hits: [{ ...hit, url: '//evil.example/' }], total: 1 })).toBeNull();
  });

  it('returns null for anything else, e.g. an error body or a malformed hit', () => {
    expect(parseSearchResponse({ message: 'Ошибка' })).toBeNull();
    expect(parseSearchResponse({ total: 1, hits: [{ ...hit, audience: 'everyone' }] })).toBeNull();
    expect(parseSearchResponse('<html>')).toBeNull();
  });
});
