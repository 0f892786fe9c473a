import { describe, expect, it } from 'vitest';
import { analyzeQuery, DEFAULT_SYNONYMS, stem } from './analysis';
import { EmbeddedSearchEngine } from './embedded-engine';
import { EditorSynonymLineSchema, mergeSynonyms, splitSynonymLine } from './editor-synonyms';
import { toMeiliDocument, toMeiliQuery } from './meili-engine';

describe('editor synonym lines', () => {
  it('splits on commas and semicolons, trims and drops repeats', () => {
    expect(splitSynonymLine(' ОДН ; общедомовые нужды,  одн , ')).toEqual(['ОДН', 'общедомовые нужды']);
  });

  it('asks for at least two phrases', () => {
    const result = EditorSynonymLineSchema.safeParse('одно');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/хотя бы два/);
  });

  it('keeps the defaults and appends valid editor groups only', () => {
    const merged = mergeSynonyms(['одн, общедомовые нужды', 'одно слово']);
    expect(merged.slice(0, DEFAULT_SYNONYMS.length)).toEqual(DEFAULT_SYNONYMS);
    expect(merged.slice(DEFAULT_SYNONYMS.length)).toEqual([['одн', 'общедомовые нужды']]);
  });
});

describe('editor synonyms reach both engines', () => {
  const synonyms = mergeSynonyms(['одн, общедомовые нужды']);
  const doc = {
    id: 'odn',
    url: '/faq/oplata/odn/',
    question: 'Что такое плата за общедомовые нужды?',
    answerText: 'Это электроэнергия, потраченная на освещение подъездов.',
    topic: 'oplata',
    topicTitle: 'Оплата',
    audience: 'fl' as const,
  };

  it('the embedded engine finds an entry by an editor synonym', async () => {
    const engine = new EmbeddedSearchEngine({ synonyms });
    await engine.upsert([doc]);
    expect((await engine.search({ q: 'ОДН' })).hits.map((hit) => hit.id)).toEqual(['odn']);
    expect((await new EmbeddedSearchEngine().search({ q: 'ОДН' })).hits).toEqual([]);
  });

  it('Meilisearch gets the group key in the stored stems and in the query', () => {
    const stored = toMeiliDocument({ ...doc, type: 'faq' }, { synonyms });
    expect(stored.questionStems.split(' ')).toContain(stem('одн'));
    expect(toMeiliQuery(analyzeQuery('одн', { synonyms }))).toBe(stem('одн'));
  });
});

describe('editor synonym lines: limits', () => {
  it('accepts phrases of up to 60 characters and rejects a line with a longer one', () => {
    expect(EditorSynonymLineSchema.safeParse(`одн, ${'ж'.repeat(60)}`).success).toBe(true);
    const result = EditorSynonymLineSchema.safeParse(`одн, ${'ж'.repeat(61)}`);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/не длиннее 60 символов/);
  });

  it('collapses runs of spaces and tabs inside a phrase', () => {
    expect(splitSynonymLine('одн, общедомовые \t  нужды')).toEqual(['одн', 'общедомовые нужды']);
  });

  it('takes at most 300 editor groups', () => {
    const lines = Array.from({ length: 301 }, (_, i) => `слово${i}, выражение${i}`);
    expect(mergeSynonyms(lines)).toHaveLength(DEFAULT_SYNONYMS.length + 300);
  });
});
