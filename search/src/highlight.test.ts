import { describe, expect, it } from 'vitest';
import { escapeHtml, highlight, queryTermsOf, renderHit, snippet, SNIPPET_LENGTH } from './highlight';

const marks = (html: string): string[] => [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1] ?? '');

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('highlight', () => {
  it('marks every word form of a query word', () => {
    const html = highlight('Тарифы и тарифов перечень: тариф', queryTermsOf('тарифа'));
    expect(marks(html)).toEqual(['Тарифы', 'тарифов', 'тариф']);
  });

  it('marks ё spellings for an е query', () => {
    expect(marks(highlight('Перерасчёт платы', queryTermsOf('перерасчет')))).toEqual(['Перерасчёт']);
  });

  it('marks the full phrase for an abbreviation and the other way round', () => {
    expect(marks(highlight('Вход в личный кабинет', queryTermsOf('лк')))).toEqual(['личный', 'кабинет']);
    expect(marks(highlight('Зайдите в ЛК', queryTermsOf('личный кабинет')))).toEqual(['ЛК']);
  });

  it('marks words with a typo within the budget and the prefix of the last word', () => {
    expect(marks(highlight('Квитанция за свет', queryTermsOf('квтанция')))).toEqual(['Квитанция']);
    expect(marks(highlight('Показания счётчика', queryTermsOf('показ')))).toEqual(['Показания']);
  });

  it('does not mark stop words or unrelated words', () => {
    expect(marks(highlight('Как и где оплатить', queryTermsOf('как оплатить')))).toEqual(['оплатить']);
  });

  it('never lets markup from the document through', () => {
    const payload = 'Тариф <script>alert("x")</script> <img src=x onerror=alert(1)> тариф';
    const html = highlight(payload, queryTermsOf('тариф'));
    expect(html).not.toMatch(/<(?!\/?mark>)/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(marks(html)).toEqual(['Тариф', 'тариф']);
  });

  it('escapes a document word that contains markup-looking query text', () => {
    const html = highlight('<mark>тариф</mark>', queryTermsOf('тариф'));
    expect(html).toBe('&lt;mark&gt;<mark>тариф</mark>&lt;/mark&gt;');
  });

  it('returns just the escaped text for an empty query', () => {
    expect(highlight('a < b', queryTermsOf(''))).toBe('a &lt; b');
  });
});

describe('snippet', () => {
  const filler = 'Слово '.repeat(80);
  const text = `${filler}Передать показания можно до 25 числа. ${filler}`;

  it('shows text around the first match, cut at word boundaries with ellipses', () => {
    const html = snippet(text, queryTermsOf('показания'));
    expect(marks(html)).toEqual(['показания']);
    expect(html.startsWith('…Слово')).toBe(true);
    expect(html.endsWith('…')).toBe(true);
    expect(html.replace(/<\/?mark>/g, '').length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2);
  });

  it('starts at the beginning when nothing in the text matches', () => {
    const html = snippet(text, queryTermsOf('квитанция'));
    expect(html.startsWith('Слово')).toBe(true);
    expect(marks(html)).toEqual([]);
  });

  it('returns short text whole', () => {
    expect(snippet('Коротко о <b>тарифах</b>', queryTermsOf('тарифы'))).toBe('Коротко о &lt;b&gt;<mark>тарифах</mark>&lt;/b&gt;');
  });
});

describe('renderHit', () => {
  it('renders an entry with escaped and marked question and snippet', () => {
    const hit = renderHit(
      {
        id: 'x',
        type: 'faq',
        url: '/faq/tarify/x/',
        question: 'Как узнать <тариф>?',
        answerText: 'Тарифы "на сайте"',
        topic: 'tarify',
        topicTitle: 'Тарифы',
        audience: 'fl',
      },
      1.5,
      queryTermsOf('тариф'),
    );
    expect(hit).toMatchObject({ id: 'x', topic: 'tarify', audience: 'fl', score: 1.5 });
    expect(hit.questionHtml).toBe('Как узнать &lt;<mark>тариф</mark>&gt;?');
    expect(hit.snippetHtml).toBe('<mark>Тарифы</mark> &quot;на сайте&quot;');
  });
});

describe('highlight: which words are marked', () => {
  it('marks a word that matches any one of several query words', () => {
    expect(marks(highlight('Тариф на газ', queryTermsOf('оплата тариф')))).toEqual(['Тариф']);
  });

  it('marks a short word that matches a query word exactly, also when it is not the last query word', () => {
    // «газ» is too short for typos and, not being last, is not matched as a prefix: only its own stem matches.
    expect(marks(highlight('Оплата за газ', queryTermsOf('газ оплата')))).toEqual(['Оплата', 'газ']);
  });

  it('marks the words of a synonym phrase for a query word whose group it belongs to', () => {
    // «счётчик» is in the group of «прибор учёта»; it is not the last query word, so no prefix match helps.
    expect(marks(highlight('Замена прибора учёта', queryTermsOf('счётчик замена')))).toEqual(['Замена', 'прибора', 'учёта']);
  });

  it('marks a word inside a synonym phrase, but not the same word outside it', () => {
    expect(marks(highlight('Личный счёт и личный кабинет', queryTermsOf('лк')))).toEqual(['личный', 'кабинет']);
  });

  it('matches only the last query word as a prefix', () => {
    expect(marks(highlight('Показания счётчика', queryTermsOf('показ оплата')))).toEqual([]);
    expect(marks(highlight('Показания счётчика', { words: queryTermsOf('показ').words, prefixLast: false }))).toEqual([]);
  });

  it('does not mark a word two edits away from a query word that tolerates one', () => {
    // «emali» is «email» with the last two letters swapped: two edits, and five letters allow one.
    expect(marks(highlight('Пишите на emali', queryTermsOf('email')))).toEqual([]);
    expect(marks(highlight('Пишите на emial', queryTermsOf('email')))).toEqual([]);
    expect(marks(highlight('Пишите на emall', queryTermsOf('email')))).toEqual(['emall']);
  });
});

describe('snippet: where the text is cut', () => {
  // Words are six characters apart ("Слово " and the like), so the cuts can be counted by hand.
  const terms = queryTermsOf('тариф');

  it('starts a quarter of the length before the first match, at the next word, and ends at the last whole word', () => {
    // «тариф» at 24; start 24 − 5 = 19 is inside «слово» (18–22), so the snippet starts at the next word (24);
    // end 19 + 20 = 39 is inside «слово» (36–40), so it ends before it (35). The later «тариф» at 48 is cut off.
    const text = 'Слово слово слово слово тариф слово слово слово тариф';
    expect(snippet(text, terms, {}, 20)).toBe('…<mark>тариф</mark> слово…');
  });

  it('keeps the word that starts right where the cut falls', () => {
    // «тариф» at 23; start 23 − 5 = 18 is the first letter of «слов» (after the space at 17): it stays.
    const text = 'Слово слово слово слов тариф слово слово слово';
    expect(snippet(text, terms, {}, 20)).toBe('…слов <mark>тариф</mark> слово…');
  });

  it('starts at the next word when the cut falls on the last letters of a word', () => {
    // «тариф» at 21; start 21 − 5 = 16 is the last letter of «слово» (12–16), so the snippet starts at «он» (18).
    const text = 'Слово слово слово он тариф слово слово слово';
    expect(snippet(text, terms, {}, 20)).toBe('…он <mark>тариф</mark> слово…');
  });

  it('ends at a space when the cut falls on one', () => {
    // Length 22: start 24 − 5 = 19 moves to 24; end 19 + 22 = 41 is the space after the second «слово».
    const text = 'Слово слово слово слово тариф слово слово слово слово';
    expect(snippet(text, terms, {}, 22)).toBe('…<mark>тариф</mark> слово слово…');
  });

  it('ends at the end of the text, without an ellipsis, when the match is near the end', () => {
    // «тариф» at 30 of 35: start is at most 35 − 20 = 15, inside «слово» (12–16), so it moves to 18.
    const text = 'Слово слово слово слово слово тариф';
    expect(snippet(text, terms, {}, 20)).toBe('…слово слово <mark>тариф</mark>');
  });

  it('returns a text exactly as long as the snippet whole', () => {
    expect(snippet('Слово слово тариф', terms, {}, 17)).toBe('Слово слово <mark>тариф</mark>');
  });

  it('cuts a single word longer than the snippet inside it rather than showing nothing', () => {
    const number = '123456789012345678901234567890';
    // The number starts at 6; start 1 moves to 6, the end 21 would move back to the space at 5, before the start.
    expect(snippet(`Номер ${number} оплачен полностью`, queryTermsOf(number), {}, 20)).toBe('…<mark>12345678901234567890</mark>…');
  });
});

describe('renderHit: status line', () => {
  it('gives a hit without hours or validity no status line', () => {
    const hit = renderHit(
      { id: 'x', type: 'faq', url: '/faq/t/x/', question: 'Тариф', answerText: 'Тариф', topic: 't', topicTitle: 'T', audience: 'all' },
      1,
      queryTermsOf('тариф'),
    );
    expect('status' in hit).toBe(false);
  });
});
