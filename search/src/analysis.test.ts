import { describe, expect, it } from 'vitest';
import {
  analyzeForIndex,
  analyzeQuery,
  analyzeTokens,
  DEFAULT_SYNONYMS,
  isQuestionLike,
  normalize,
  stem,
  tokenize,
  typoBudget,
} from './analysis';

describe('normalize and tokenize', () => {
  it('lower-cases, folds ё to е, strips punctuation and collapses spaces', () => {
    expect(normalize('  Счётчик,   «ПУ»!\n Ёлка—ёж ')).toBe('счетчик пу елка еж');
  });

  it('treats a decomposed й like the composed letter', () => {
    expect(normalize('лицево\u0438\u0306')).toBe('лицевой');
  });

  it('splits into words and returns nothing for punctuation only', () => {
    expect(tokenize('Как передать показания?')).toEqual(['как', 'передать', 'показания']);
    expect(tokenize(' ?! … ')).toEqual([]);
  });
});

describe('stem', () => {
  it('reduces word forms of one word to the same stem', () => {
    expect(stem('тарифы')).toBe(stem('тарифа'));
    expect(stem('тарифов')).toBe(stem('тариф'));
    expect(stem('квитанции')).toBe(stem('квитанцию'));
    expect(stem('показания')).toBe(stem('показаний'));
  });

  it('keeps different words apart', () => {
    expect(stem('тариф')).not.toBe(stem('квитанция'));
  });

  it('leaves numbers and Latin words unchanged', () => {
    expect(stem('2025')).toBe('2025');
    expect(stem('email')).toBe('email');
  });
});

describe('analyzeForIndex', () => {
  it('indexes ё and е spellings identically', () => {
    expect(analyzeForIndex('Перерасчёт за счётчик')).toEqual(analyzeForIndex('перерасчет за счетчик'));
  });

  it('drops stop words', () => {
    const terms = analyzeForIndex('Как и где мне оплатить квитанцию');
    expect(terms).not.toContain('как');
    expect(terms).not.toContain('и');
    expect(terms).not.toContain('где');
    expect(terms).not.toContain('мне');
    expect(terms).toContain(stem('оплатить'));
  });

  it('keeps «нет» because «нет света» is a real question', () => {
    expect(analyzeForIndex('нет света')).toContain('нет');
  });

  it('adds the group key after a synonym phrase in any word form', () => {
    expect(analyzeForIndex('Доступ в личный кабинет')).toEqual([stem('доступ'), 'личн', 'кабинет', 'лк']);
    expect(analyzeForIndex('в личном кабинете')).toContain('лк');
    expect(analyzeForIndex('поверка приборов учёта')).toContain('пу');
    expect(analyzeForIndex('номер лицевого счёта')).toContain('лс');
  });

  it('does not treat a phrase broken by other words as the synonym', () => {
    expect(analyzeForIndex('личный номер кабинета')).not.toContain('лк');
  });

  it('adds the key once per phrase occurrence', () => {
    expect(analyzeForIndex('личный кабинет и снова личный кабинет').filter((t) => t === 'лк')).toHaveLength(2);
  });

  it('maps everyday words to the group key', () => {
    expect(analyzeForIndex('платёжка')).toContain(stem('квитанция'));
    expect(analyzeForIndex('электроэнергия')).toContain('свет');
    expect(analyzeForIndex('ближайший офис')).toContain('цок');
  });
});

describe('analyzeQuery', () => {
  it('gives one entry per meaningful word, with synonym keys as alternatives', () => {
    expect(analyzeQuery('Как передать показания счётчика?')).toEqual([
      [stem('передать')],
      [stem('показания')],
      ['счетчик', 'пу'],
    ]);
  });

  it('expands an abbreviation and the full phrase to the same key', () => {
    expect(analyzeQuery('ЛК')).toEqual([['лк']]);
    const phrase = analyzeQuery('личного кабинета');
    expect(phrase.every((alternatives) => alternatives.includes('лк'))).toBe(true);
    expect(analyzeQuery('УИД')).toEqual([['уид']]);
    expect(analyzeQuery('код договора').every((alternatives) => alternatives.includes('уид'))).toBe(true);
  });

  it('returns nothing for a query of stop words only', () => {
    expect(analyzeQuery('как и где')).toEqual([]);
  });

  it('uses synonyms passed as a parameter instead of the defaults', () => {
    const synonyms = [...DEFAULT_SYNONYMS, ['одпу', 'общедомовой прибор учёта']];
    const key = stem('одпу');
    expect(analyzeQuery('ОДПУ', { synonyms })).toEqual([[key]]);
    expect(analyzeForIndex('общедомовой прибор учёта', { synonyms })).toContain(key);
    expect(analyzeForIndex('общедомовой прибор учёта')).not.toContain(key);
  });
});

describe('analyzeTokens', () => {
  it('reports positions in the original text', () => {
    const text = 'Где ЦОК?';
    const [token] = analyzeTokens(text);
    expect(token?.text).toBe('ЦОК');
    expect(text.slice(token!.start, token!.end)).toBe('ЦОК');
    expect(token?.synonymKeys).toEqual(['цок']);
  });
});

describe('typoBudget', () => {
  it('allows no typo below 4 letters, one from 4, two from 8', () => {
    expect(typoBudget('лк')).toBe(0);
    expect(typoBudget('сет')).toBe(0);
    expect(typoBudget('счет')).toBe(1);
    expect(typoBudget('квитанц')).toBe(1);
    expect(typoBudget('электроэнерг')).toBe(2);
  });
});

describe('colloquial wording', () => {
  it('searches «скока» as «сколько» and «сколько платить» as the bill sum', () => {
    expect(analyzeQuery('скока платить')).toEqual(analyzeQuery('сколько платить'));
    expect(analyzeQuery('скока платить').flat()).toContain(stem('сумма'));
  });

  it('treats «квиток», «платёжка» and «платежка» as «квитанция»', () => {
    for (const word of ['квиток', 'платёжка', 'платежка']) expect(analyzeQuery(word)).toEqual([[stem(word), stem('квитанция')]]);
  });

  it('treats «пеня» and «свет» as their formal words', () => {
    expect(analyzeQuery('пеня').flat()).toContain(stem('пени'));
    expect(analyzeForIndex('оплата электроэнергии')).toContain('свет');
  });
});

describe('isQuestionLike', () => {
  it('recognises questions and problems', () => {
    for (const q of ['как оплатить', 'скока платить за свет', 'не пришла квитанция', 'нет света', 'тарифы?', 'можно ли в рассрочку']) {
      expect(isQuestionLike(q), q).toBe(true);
    }
  });

  it('leaves plain topic words alone', () => {
    for (const q of ['тарифы', 'новости', 'договор энергоснабжения']) expect(isQuestionLike(q), q).toBe(false);
  });
});

describe('analysis: edges', () => {
  it('allows two typos from eight letters of a stem on', () => {
    expect(typoBudget('пересчт')).toBe(1);
    expect(typoBudget('перерасч')).toBe(2);
  });

  it('treats a bare number as weak, but not a word with digits in it', () => {
    expect(analyzeTokens('25 т1 2025г').map((token) => token.weak)).toEqual([true, false, false]);
  });

  it('treats a colloquial spelling of a weak word as weak', () => {
    expect(analyzeTokens('скока стоит').map((token) => token.weak)).toEqual([true, false]);
  });

  it('indexes a word that names its own synonym group once', () => {
    expect(analyzeForIndex('ЛК')).toEqual(['лк']);
  });

  it('matches a synonym phrase with a stop word in it', () => {
    // «цена за квт» is a phrase of the group «тариф»; «за» is a stop word.
    expect(analyzeForIndex('Цена за кВт')).toContain(stem('тариф'));
  });
});
