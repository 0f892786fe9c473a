import { describe, expect, it } from 'vitest';
import { analyzeForIndex, analyzeQuery } from './analysis';
import { MEILI_INDEX_SETTINGS, toMeiliDocument, toMeiliFilter, toMeiliQuery } from './meili-engine';

describe('toMeiliDocument', () => {
  it('stores the original fields plus our stems of question, answer and topic title', () => {
    const doc = {
      id: 'lk',
      type: 'faq' as const,
      url: '/faq/lichnyy-kabinet/lk/',
      question: 'Как войти в личный кабинет?',
      answerText: 'Введите номер лицевого счёта.',
      topic: 'lichnyy-kabinet',
      topicTitle: 'Онлайн-сервисы',
      audience: 'all' as const,
    };
    const stored = toMeiliDocument(doc);
    expect(stored).toMatchObject(doc);
    expect(stored).not.toHaveProperty('details');
    expect(stored.questionStems).toBe(analyzeForIndex(doc.question).join(' '));
    expect(stored.questionStems.split(' ')).toContain('лк');
    expect(stored.stems.split(' ')).toEqual(
      expect.arrayContaining(['лк', 'лс', ...analyzeForIndex(doc.topicTitle)]),
    );
  });
});

describe('toMeiliQuery', () => {
  it('sends one stem per word and the group key for synonyms', () => {
    expect(toMeiliQuery(analyzeQuery('Тарифы для населения'))).toBe('тариф населен');
    expect(toMeiliQuery(analyzeQuery('показания счётчика'))).toBe('показан пу');
  });

  it('sends a synonym phrase as its key once', () => {
    expect(toMeiliQuery(analyzeQuery('доступ в личный кабинет'))).toBe('доступ лк');
  });
});

describe('toMeiliFilter', () => {
  it('includes entries for everyone in an audience filter and quotes values', () => {
    expect(toMeiliFilter({ audience: 'fl', topic: 'tarify' })).toEqual(['audience IN ["fl", "all"]', 'topic = "tarify"']);
    expect(toMeiliFilter({ audience: undefined, topic: 'a"b' })).toEqual(['topic = "a\\"b"']);
    expect(toMeiliFilter({ audience: undefined, topic: undefined })).toEqual([]);
  });

  it('keeps outages under the news filter, as the embedded engine does', () => {
    expect(toMeiliFilter({ audience: undefined, topic: undefined, type: 'news' })).toEqual(['type IN ["news", "outage"]']);
    expect(toMeiliFilter({ audience: undefined, topic: undefined, type: 'tariff' })).toEqual(['type IN ["tariff"]']);
  });
});

describe('MEILI_INDEX_SETTINGS', () => {
  it('searches only our analysed fields with the shared typo thresholds', () => {
    expect(MEILI_INDEX_SETTINGS.searchableAttributes).toEqual(['questionStems', 'stems']);
    expect(MEILI_INDEX_SETTINGS.filterableAttributes).toEqual(['audience', 'topic', 'type']);
    expect(MEILI_INDEX_SETTINGS.typoTolerance?.minWordSizeForTypos).toEqual({ oneTypo: 4, twoTypos: 8 });
  });

  it('returns what a hit\'s status line is made of', () => {
    expect(MEILI_INDEX_SETTINGS.displayedAttributes).toContain('details');
  });
});
