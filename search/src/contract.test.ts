import { describe, expect, it } from 'vitest';
import { matchesFilters, resolveSearchQuery, SearchDocumentSchema, SearchQuerySchema } from './contract';

describe('SearchQuerySchema', () => {
  it('trims q and coerces limit from query-string values', () => {
    expect(SearchQuerySchema.parse({ q: '  тарифы ', limit: '5', audience: 'fl', topic: 'tarify' })).toEqual({
      q: 'тарифы',
      limit: 5,
      audience: 'fl',
      topic: 'tarify',
    });
  });

  it('treats empty parameters as absent and a missing q as empty', () => {
    expect(SearchQuerySchema.parse({ audience: '', topic: '', limit: '' })).toEqual({ q: '' });
  });

  it('rejects an unknown audience with a Russian message', () => {
    const result = SearchQuerySchema.safeParse({ q: 'тариф', audience: 'all' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['audience']);
    expect(result.error?.issues[0]?.message).toMatch(/категория клиентов/);
  });

  it('rejects a query longer than 200 characters after trimming', () => {
    expect(SearchQuerySchema.safeParse({ q: ` ${'я'.repeat(200)} ` }).success).toBe(true);
    const result = SearchQuerySchema.safeParse({ q: 'я'.repeat(201) });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/200/);
  });

  it('rejects a limit outside 1..50 and a malformed topic', () => {
    expect(SearchQuerySchema.safeParse({ q: 'x', limit: '51' }).success).toBe(false);
    expect(SearchQuerySchema.safeParse({ q: 'x', limit: '0' }).success).toBe(false);
    expect(SearchQuerySchema.safeParse({ q: 'x', limit: 'десять' }).success).toBe(false);
    expect(SearchQuerySchema.safeParse({ q: 'x', topic: '../admin' }).success).toBe(false);
  });
});

describe('resolveSearchQuery', () => {
  it('applies the default limit and clamps programmatic input', () => {
    expect(resolveSearchQuery({ q: ' x ' })).toEqual({ q: 'x', limit: 10, audience: undefined, topic: undefined });
    expect(resolveSearchQuery({ q: 'x', limit: 500 }).limit).toBe(50);
    expect(resolveSearchQuery({ q: 'я'.repeat(300) }).q).toHaveLength(200);
  });
});

describe('matchesFilters', () => {
  const query = { q: 'x', limit: 10, topic: undefined };
  it('lets entries for everyone through an audience filter', () => {
    expect(matchesFilters({ audience: 'all', topic: 't', type: 'faq' }, { ...query, audience: 'fl' })).toBe(true);
    expect(matchesFilters({ audience: 'fl', topic: 't', type: 'faq' }, { ...query, audience: 'fl' })).toBe(true);
    expect(matchesFilters({ audience: 'ul', topic: 't', type: 'faq' }, { ...query, audience: 'fl' })).toBe(false);
    expect(matchesFilters({ audience: 'ul', topic: 't', type: 'faq' }, { ...query, audience: undefined })).toBe(true);
  });
});

describe('SearchDocumentSchema', () => {
  it('rejects ids Meilisearch could not store', () => {
    const doc = { id: 'ok-slug_1', url: '/faq/t/ok-slug_1/', question: 'q', answerText: '', topic: 't', topicTitle: 'T', audience: 'all' };
    expect(SearchDocumentSchema.safeParse(doc).success).toBe(true);
    expect(SearchDocumentSchema.safeParse({ ...doc, id: 'пробел и кириллица' }).success).toBe(false);
  });
});
