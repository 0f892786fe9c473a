import { describe, expect, it } from 'vitest';
import { slugify } from './transliteration';

describe('slugify', () => {
  it('transliterates Russian the way the FAQ slugs are written', () => {
    expect(slugify('Как передать показания?')).toBe('kak-peredat-pokazaniya');
    expect(slugify('Щёлкает счётчик, что делать')).toBe('shchelkaet-schetchik-chto-delat');
  });

  it('keeps only letters, digits and single hyphens, and cuts long text at a word end', () => {
    expect(slugify('  ЛК — не работает!!! 24/7 ')).toBe('lk-ne-rabotaet-24-7');
    expect(slugify('очень '.repeat(20), 20)).toBe('ochen-ochen-ochen');
  });
});
