import { describe, expect, it } from 'vitest';
import { decodeEntities, parseHighlighted } from '../src/lib/highlight-parts';

describe('parseHighlighted', () => {
  it('splits escaped text with <mark> into plain and marked runs, decoding entities once', () => {
    expect(parseHighlighted('Как <mark>оплатить</mark> счёт &amp; пени &lt;b&gt;?')).toEqual([
      { text: 'Как ', marked: false },
      { text: 'оплатить', marked: true },
      { text: ' счёт & пени <b>?', marked: false },
    ]);
  });

  it('never turns other markup into elements: it stays text for React to escape', () => {
    const parts = parseHighlighted('<img src=x onerror=alert(1)><mark>тариф</mark>');
    expect(parts).toEqual([
      { text: '<img src=x onerror=alert(1)>', marked: false },
      { text: 'тариф', marked: true },
    ]);
  });

  it('merges adjacent runs and tolerates an unclosed mark', () => {
    expect(parseHighlighted('<mark>а</mark><mark>б</mark>в<mark>г')).toEqual([
      { text: 'аб', marked: true },
      { text: 'в', marked: false },
      { text: 'г', marked: true },
    ]);
  });
});

describe('decodeEntities', () => {
  it('decodes named and numeric references and leaves unknown ones', () => {
    expect(decodeEntities('&quot;&#39;&#x41;&amp;amp;&unknown;')).toBe(`"'A&amp;&unknown;`);
  });
});
