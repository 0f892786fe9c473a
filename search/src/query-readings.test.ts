import { describe, expect, it } from 'vitest';
import { alternativeReadings, fromEnglishLayout, fromRussianLayout, fromTranslit } from './query-readings';

describe('other readings of a query', () => {
  it('reads Russian typed with the English layout key by key, keeping commas between words', () => {
    expect(fromEnglishLayout('ghbdtn')).toBe('привет');
    // «ж» and «б» sit on «;» and «,»: inside a word they are letters.
    expect(fromEnglishLayout('ntktajy cke;,s')).toBe('телефон службы');
    expect(fromEnglishLayout('cx`nxbr')).toBe('счётчик');
    expect(fromEnglishLayout('ghbdtn, rfr')).toBe('привет, как');
  });

  it('reads English typed with the Russian layout', () => {
    expect(fromRussianLayout('уьфшд')).toBe('email');
  });

  it('reads informal transliteration, adjective endings included', () => {
    expect(fromTranslit('oplata')).toBe('оплата');
    expect(fromTranslit('schetchik')).toBe('счетчик');
    expect(fromTranslit('pokazaniya')).toBe('показания');
    expect(fromTranslit('lichnyy kabinet')).toBe('личный кабинет');
    expect(fromTranslit('lichnyj kabinet')).toBe('личный кабинет');
    expect(fromTranslit('zhaloba')).toBe('жалоба');
  });

  it('reads the ending of a short word too: «moy» is «мой», «noviy» is «новый», «tvoj» is «твой»', () => {
    expect(fromTranslit('moy schet')).toBe('мой счет');
    expect(fromTranslit('noviy')).toBe('новый');
    expect(fromTranslit('tvoj')).toBe('твой');
    // A word that is only the ending keeps its letters: «oy» is not a word to guess at.
    expect(fromTranslit('oy')).toBe('оы');
  });

  it('offers layout and transliteration for Latin text, the Russian-layout reading for Cyrillic text', () => {
    // o-p-l-a-t-a on the Russian layout: щ-з-д-ф-е-ф.
    expect(alternativeReadings('oplata')).toEqual([
      { text: 'щздфеф', kind: 'layout' },
      { text: 'оплата', kind: 'translit' },
    ]);
    expect(alternativeReadings('уьфшд')).toEqual([{ text: 'email', kind: 'layout' }]);
    expect(alternativeReadings('123')).toEqual([]);
  });
});

describe('other readings: spacing and punctuation', () => {
  it('collapses the spaces of a reading and trims it', () => {
    expect(alternativeReadings(' ghbdtn   rfr ')).toEqual([
      { text: 'привет как', kind: 'layout' },
      { text: 'гхбдтн рфр', kind: 'translit' },
    ]);
  });

  it('keeps a letter-key punctuation mark that stands alone', () => {
    expect(fromEnglishLayout('ghbdtn ;)')).toBe('привет ;)');
  });
});
