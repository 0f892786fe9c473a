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
