import { describe, expect, it } from 'vitest';
import { parseSearchResponse } from './search-params';

const hit = {
  id: 'penya-za-prosrochku',
  type: 'faq',
  url: '/faq/zadolzhennost/penya-za-prosrochku/',
  question: 'За что начисляются пени?',
  topic: 'zadolzhennost',
  topicTitle: 'Задолженность',
  audience: 'all',
  score: 1,
  questionHtml: 'За что начисляются <mark>пени</mark>?',
  snippetHtml: '',
};

describe('parseSearchResponse', () => {
  it('accepts hits with site paths and keeps suggested topics', () => {
    const parsed = parseSearchResponse({ hits: [hit], total: 1, query: 'пени', suggestedTopics: [{ slug: 'tarify', title: 'Тарифы' }, { slug: 1 }] });
    expect(parsed?.hits[0]?.url).toBe('/faq/zadolzhennost/penya-za-prosrochku/');
    expect(parsed?.suggestedTopics).toEqual([{ slug: 'tarify', title: 'Тарифы' }]);
  });

  it('refuses hits that would link off the site', () => {
    expect(parseSearchResponse({ hits: [{ ...hit, url: 'javascript:alert(1)' }], total: 1 })).toBeNull();
    expect(parseSearchResponse({ hits: [{ ...hit, url: '//evil.example/' }], total: 1 })).toBeNull();
  });
});
