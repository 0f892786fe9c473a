import { describe, expect, it } from 'vitest';
import { createSearchEngine } from './index';

describe('createSearchEngine', () => {
  it('uses the embedded engine when MEILI_HOST is absent or empty', () => {
    expect(createSearchEngine({}).name).toBe('embedded');
    expect(createSearchEngine({ MEILI_HOST: '' }).name).toBe('embedded');
  });

  it('uses Meilisearch for an http or https MEILI_HOST', () => {
    expect(createSearchEngine({ MEILI_HOST: 'http://127.0.0.1:7700' }).name).toBe('meilisearch');
    expect(createSearchEngine({ MEILI_HOST: 'https://search.example.ru', MEILI_API_KEY: 'k', MEILI_INDEX_PREFIX: 'prod_1-a' }).name).toBe('meilisearch');
  });

  it('refuses a MEILI_HOST of another scheme at startup', () => {
    for (const host of ['ftp://search.example.ru', 'xhttp://search.example.ru', 'httpx://search.example.ru', 'search.example.ru']) {
      expect(() => createSearchEngine({ MEILI_HOST: host }), host).toThrow(/MEILI_HOST must be an http\(s\) URL/);
    }
  });

  it('refuses an index prefix with characters other than letters, digits, - and _', () => {
    for (const prefix of ['prod.1', 'a b', 'prod/', '.prod']) {
      expect(() => createSearchEngine({ MEILI_HOST: 'http://127.0.0.1:7700', MEILI_INDEX_PREFIX: prefix }), prefix).toThrow(/MEILI_INDEX_PREFIX/);
    }
  });
});
