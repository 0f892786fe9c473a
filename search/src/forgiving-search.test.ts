import { describe, expect, it } from 'vitest';
import { analyzeTokens } from './analysis';
import type { EffectiveSearchQuery, SearchHit } from './contract';
import { FEW_HITS, forgivingSearch, Lexicon, type MatchAttempt, type MatchText } from './forgiving-search';

/**
 * The decisions of the forgiving search, with the engine's matching replaced by a table: what each text
 * finds is written out here, so each case says exactly which reading or correction must win and why.
 */

const hit = (id: string): SearchHit => ({
  id,
  type: 'faq',
  url: `/faq/t/${id}/`,
  question: id,
  topic: 't',
  topicTitle: 'T',
  audience: 'all',
  score: 1,
  questionHtml: id,
  snippetHtml: '',
});

/** What a text finds: `total` entries, the first `hits` of them listed. */
const found = (total: number, words: number, dropped = 0, ids: string[] = []): MatchAttempt => ({ hits: ids.map(hit), total, words, dropped });

const nothing = (words = 1): MatchAttempt => found(0, words);

/** A matcher that answers from the table (anything else finds nothing) and records what it was asked. */
function table(answers: Record<string, MatchAttempt>): { match: MatchText; asked: string[] } {
  const asked: string[] = [];
  const match: MatchText = async (text) => {
    asked.push(text);
    return answers[text] ?? nothing(text.split(' ').length);
  };
  return { match, asked };
}

const query = (q: string): EffectiveSearchQuery => ({ q, limit: 10 }) as EffectiveSearchQuery;

const lexiconOf = (...texts: string[]): Lexicon => {
  const lexicon = new Lexicon();
  for (const text of texts) lexicon.add(analyzeTokens(text));
  return lexicon;
};

/**
 * Searches `q` against the table. Unless `unasked` says otherwise, every text of the table must have been
 * searched: a mistyped reading in the table would otherwise pass as «finds nothing».
 */
const search = async (q: string, answers: Record<string, MatchAttempt>, lexicon = new Lexicon(), unasked: string[] = []) => {
  const t = table(answers);
  const result = await forgivingSearch(query(q), t.match, lexicon, {});
  expect(Object.keys(answers).filter((text) => !t.asked.includes(text))).toEqual(unasked);
  return { result, asked: t.asked };
};

describe('forgivingSearch: the query as typed', () => {
  it('answers a query that matches all its words as typed and tries no other reading', async () => {
    // «oplata» is Latin, so it could be read as «оплата»; it already works, so nothing else is tried.
    const { result, asked } = await search('oplata', { oplata: found(5, 1, 0, ['a', 'b', 'c']), оплата: found(9, 1) }, undefined, ['оплата']);
    expect(result).toStrictEqual({ hits: [hit('a'), hit('b'), hit('c')], total: 5, query: 'oplata' });
    expect(asked).toEqual(['oplata']);
  });

  it('answers a query without meaningful words with nothing and tries no other reading', async () => {
    const { result, asked } = await search('the', { the: found(0, 0), еру: found(4, 1, 0, ['x']) }, undefined, ['еру']);
    expect(result).toStrictEqual({ hits: [], total: 0, query: 'the' });
    expect(asked).toEqual(['the']);
  });

  it('keeps a Cyrillic query that found entries for part of its words and does not read it in the English layout', async () => {
    const { result, asked } = await search('оплата счетчик', { 'оплата счетчик': found(4, 2, 1, ['a']), 'jgkfnf cxtnxbr': found(9, 2) }, undefined, ['jgkfnf cxtnxbr']);
    expect(result).toStrictEqual({ hits: [hit('a')], total: 4, query: 'оплата счетчик' });
    expect(asked).toEqual(['оплата счетчик']);
  });
});

describe('forgivingSearch: other readings of the query', () => {
  it('reads «ghbdtn», typed with the English layout on, as «привет» and says so', async () => {
    const { result, asked } = await search('ghbdtn', { привет: found(2, 1, 0, ['hello']) });
    expect(result).toStrictEqual({ hits: [hit('hello')], total: 2, query: 'ghbdtn', searchedAs: 'привет' });
    expect(asked).toContain('привет');
  });

  it('reads Latin «oplata» as «оплата» when it finds nothing as typed', async () => {
    const { result } = await search('oplata', { оплата: found(3, 1, 0, ['pay']) });
    expect(result).toStrictEqual({ hits: [hit('pay')], total: 3, query: 'oplata', searchedAs: 'оплата' });
  });

  it('reads «уьфшд», typed with the Russian layout on, as «email» when the Cyrillic text finds nothing', async () => {
    const { result } = await search('уьфшд', { email: found(3, 1, 0, ['mail']) });
    expect(result).toStrictEqual({ hits: [hit('mail')], total: 3, query: 'уьфшд', searchedAs: 'email' });
  });

  it('tries the readings of a Latin query that matched only part of its words, and one matching all words wins over more hits', async () => {
    // As typed: 9 entries for one of two words (half the query); as «оплата свет»: 1 entry for both.
    const { result } = await search('oplata svet', { 'oplata svet': found(9, 2, 1, ['typed']), 'оплата свет': found(1, 2, 0, ['both']) });
    expect(result).toStrictEqual({ hits: [hit('both')], total: 1, query: 'oplata svet', searchedAs: 'оплата свет' });
  });

  it('keeps the query as typed when no reading matches a larger share of its words', async () => {
    const { result } = await search('oplata svet', { 'oplata svet': found(4, 2, 1, ['typed']), 'оплата свет': found(1, 2, 1, ['reading']) });
    expect(result).toStrictEqual({ hits: [hit('typed')], total: 4, query: 'oplata svet' });
  });

  it('prefers, between readings matching the same share of words, the one with more entries', async () => {
    const { result } = await search('oplata svet', { 'oplata svet': found(2, 2, 1, ['typed']), 'оплата свет': found(3, 2, 1, ['reading']) });
    expect(result).toStrictEqual({ hits: [hit('reading')], total: 3, query: 'oplata svet', searchedAs: 'оплата свет' });
  });

  it('keeps the query as typed when a reading matches the same share of words with as many entries', async () => {
    const { result } = await search('oplata svet', { 'oplata svet': found(3, 2, 1, ['typed']), 'оплата свет': found(3, 2, 1, ['reading']) });
    expect(result).toStrictEqual({ hits: [hit('typed')], total: 3, query: 'oplata svet' });
  });

  it('never replaces the query by a reading that finds nothing, whatever share of words it claims', async () => {
    const { result } = await search('oplata svet', { 'oplata svet': found(4, 2, 1, ['typed']), 'оплата свет': found(0, 2, 0) });
    expect(result).toStrictEqual({ hits: [hit('typed')], total: 4, query: 'oplata svet' });
  });

  it('never takes a reading without meaningful words, even if the engine counted entries for it', async () => {
    const { result } = await search('ghbdtn', { привет: found(5, 0, 0, ['x']) });
    expect(result).toStrictEqual({ hits: [], total: 0, query: 'ghbdtn' });
  });

  it('takes, of two readings, the one answering all its words over one with more entries for part of them', async () => {
    // «ntktajy cke;,s» in the English layout is «телефон службы» (2 of 2 words, 1 entry); the transliteration
    // («нтктайы цке;,с») is found for 2 of 3 words with 6 entries: a whole answer beats a bigger partial one.
    const { result } = await search('ntktajy cke;,s', {
      'телефон службы': found(1, 2, 0, ['phone']),
      'нтктайы цке;,с': found(6, 3, 1, ['partial']),
    });
    expect(result).toStrictEqual({ hits: [hit('phone')], total: 1, query: 'ntktajy cke;,s', searchedAs: 'телефон службы' });
  });
});

describe('forgivingSearch: «Возможно, вы имели в виду …»', () => {
  const lexicon = () => lexiconOf('Квитанция за электроэнергию', 'Квитанция по почте');

  it(`offers a correction when the query finds fewer than ${FEW_HITS} entries and the correction finds more`, async () => {
    const { result } = await search('квитанцыя', { квитанцыя: found(FEW_HITS - 1, 1, 0, ['a']), квитанция: found(7, 1, 0, ['b']) }, lexicon());
    expect(result).toStrictEqual({ hits: [hit('a')], total: FEW_HITS - 1, query: 'квитанцыя', didYouMean: 'квитанция' });
  });

  it(`offers no correction when the query already finds ${FEW_HITS} entries for all its words`, async () => {
    const { result, asked } = await search('квитанцыя', { квитанцыя: found(FEW_HITS, 1, 0, ['a']), квитанция: found(7, 1, 0, ['b']) }, lexicon(), ['квитанция']);
    expect(result).toStrictEqual({ hits: [hit('a')], total: FEW_HITS, query: 'квитанцыя' });
    expect(asked).toEqual(['квитанцыя']);
  });

  it('offers a correction when many entries were found only by leaving a word out', async () => {
    const { result } = await search('квитанцыя почте', { 'квитанцыя почте': found(20, 2, 1, ['a']), 'квитанция почте': found(5, 2, 0, ['b']) }, lexicon());
    expect(result).toStrictEqual({ hits: [hit('a')], total: 20, query: 'квитанцыя почте', didYouMean: 'квитанция почте' });
  });

  it('offers no correction that finds no more than the query', async () => {
    const { result } = await search('квитанцыя', { квитанцыя: found(2, 1, 0, ['a']), квитанция: found(2, 1, 0, ['b']) }, lexicon());
    expect(result).toStrictEqual({ hits: [hit('a')], total: 2, query: 'квитанцыя' });
  });

  it('corrects the reading that was searched, not the Latin text as typed', async () => {
    // «rdbnfywsz» in the English layout is «квитанцыя»; its correction is «квитанция».
    const { result } = await search('rdbnfywsz', { квитанцыя: found(1, 1, 0, ['a']), квитанция: found(4, 1, 0, ['b']) }, lexicon());
    expect(result).toStrictEqual({ hits: [hit('a')], total: 1, query: 'rdbnfywsz', searchedAs: 'квитанцыя', didYouMean: 'квитанция' });
  });
});

describe('Lexicon', () => {
  const word = (stem: string, synonymKeys: string[] = []) => ({ stem, synonymKeys });

  it('counts each word occurrence under its stem', () => {
    const lexicon = lexiconOf('Квитанция и квитанции', 'Новая квитанция');
    expect(lexicon.frequency(word('квитанц'), false)).toBe(3);
    expect(lexicon.frequency(word('нов'), false)).toBe(1);
  });

  it('does not keep numbers and words of fewer than three letters, but keeps three-letter words', () => {
    const lexicon = lexiconOf('газ кв 2025 квитанция');
    // «газ» and «квитанция»: two stems.
    expect(lexicon.size).toBe(2);
  });

  it('counts numbers and stems shorter than three letters as known words', () => {
    const lexicon = new Lexicon();
    expect(lexicon.frequency(word('кв'), false)).toBe(1);
    expect(lexicon.frequency(word('2025'), false)).toBe(1);
    expect(lexicon.frequency(word('10кв'), false)).toBe(1);
  });

  it('counts a word of a synonym group by how often words of its group were indexed', () => {
    const lexicon = lexiconOf('Личный счёт', 'ЛК и ЛК');
    // «ЛК» twice: a word of the group «лк» that the index does not have counts 2.
    expect(lexicon.frequency(word('абырвалг', ['лк']), false)).toBe(2);
    // A known stem counts the larger of its own count (1) and its group's (2).
    expect(lexicon.frequency(word('личн', ['лк']), false)).toBe(2);
  });

  it('counts an unknown word by the most frequent indexed word within its typo budget', () => {
    const lexicon = lexiconOf('квитанция квитанции', 'электроэнергия');
    // «квитанк» is one letter off «квитанц» (budget 1 for seven letters).
    expect(lexicon.frequency(word('квитанк'), false)).toBe(2);
    expect(lexicon.frequency(word('водоснабжен'), false)).toBe(0);
  });

  it('counts an unknown last word by its typo neighbours when it has some, not by the words it begins', () => {
    // «счет» (not indexed) is one edit from «свет» (once) and begins «счетчик» (three times).
    const lexicon = lexiconOf('свет', 'счётчик счётчики счётчика');
    expect(lexicon.frequency(word('счет'), true)).toBe(1);
  });

  it('counts an unknown last word by the indexed words it begins, but not a word in the middle', () => {
    const lexicon = lexiconOf('квитанция квитанции');
    expect(lexicon.frequency(word('квит'), true)).toBe(2);
    expect(lexicon.frequency(word('квит'), false)).toBe(0);
  });

  it('forgets every word and synonym group on clear', () => {
    const lexicon = lexiconOf('квитанция в личном кабинете');
    lexicon.clear();
    expect(lexicon.size).toBe(0);
    expect(lexicon.frequency(word('квитанц'), true)).toBe(0);
    expect(lexicon.frequency(word('абырвалг', ['лк']), false)).toBe(0);
    expect(lexicon.correct('квитанцыя')).toBeUndefined();
  });

  it('corrects an unknown word to the indexed word one letter away, in its most frequent form', () => {
    const lexicon = lexiconOf('квитанции', 'квитанцию', 'квитанцию');
    expect(lexicon.correct('квитанцыю')).toBe('квитанцию');
  });

  it('shows the lower-cased form with е for ё', () => {
    expect(lexiconOf('Перерасчёт').correct('перерачсет')).toBe('перерасчет');
  });

  it('keeps the form seen first when two forms were seen equally often', () => {
    expect(lexiconOf('квитанции квитанцию').correct('квитанцыю')).toBe('квитанции');
  });

  it('tracks only the first eight forms of a word, but keeps counting those', () => {
    const eight = 'квитанция квитанции квитанцию квитанцией квитанций квитанциям квитанциями квитанциях';
    // A ninth form, however frequent, is not tracked: the first form stays the one shown.
    expect(lexiconOf(eight, 'квитанциею квитанциею квитанциею').correct('квитанцыю')).toBe('квитанция');
    // A tracked form seen more often becomes the one shown.
    expect(lexiconOf(eight, 'квитанцию квитанцию').correct('квитанцыю')).toBe('квитанцию');
  });

  it('leaves known words, synonym words, numbers and short words as they are', () => {
    const lexicon = lexiconOf('квитанция личный кабинет тариф');
    expect(lexicon.correct('квитанция')).toBeUndefined();
    expect(lexicon.correct('лк')).toBeUndefined();
    expect(lexicon.correct('таривы 2025 кв')).toBe('тариф 2025 кв');
  });

  it('corrects neither known words nor words of a synonym group, even with an indexed word one edit away', () => {
    expect(lexiconOf('сбыт', 'сбор').correct('сбыт')).toBeUndefined();
    // «вход» belongs to the group of «войти»; «ввод» is one edit away.
    expect(lexiconOf('ввод показаний').correct('вход')).toBeUndefined();
  });

  it('corrects a three-letter word, but not words with digits', () => {
    expect(lexiconOf('газ').correct('гас')).toBe('газ');
    expect(lexiconOf('газ').correct('газ1')).toBeUndefined();
  });

  it('returns nothing when no word changes', () => {
    expect(lexiconOf('квитанция').correct('водоснабжение')).toBeUndefined();
  });

  it('prefers the closer word, then the more frequent one', () => {
    // «счот» is one edit from «счет» (seen once) and two from «свет» (seen three times).
    const closer = lexiconOf('свет свет свет', 'счет');
    expect(closer.correct('счот')).toBe('счет');
    // And the other way round, whichever word the lexicon meets first: «свот» is one edit from «свет».
    expect(lexiconOf('свет', 'счет счет счет').correct('свот')).toBe('свет');
    // «свыт» is one edit from both «свет» (three times) and «сбыт» (once).
    const frequent = lexiconOf('свет свет свет', 'сбыт');
    expect(frequent.correct('свыт')).toBe('свет');
    expect(lexiconOf('свет', 'сбыт сбыт сбыт').correct('свыт')).toBe('сбыт');
  });

  it('corrects a long word by at most two edits', () => {
    // «электроэнерг» (12 letters) is three edits from «злектрознерк».
    expect(lexiconOf('электроэнергия').correct('злектрознеркия')).toBeUndefined();
    expect(lexiconOf('электроэнергия').correct('злектроэнергия')).toBe('электроэнергия');
  });

  it('returns the corrected query without the spaces around it', () => {
    expect(lexiconOf('квитанция').correct('  квитанцыя ')).toBe('квитанция');
  });
});
