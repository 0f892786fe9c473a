import { describe, expect, it } from 'vitest';
import { markdownToText } from './markdown-to-text';

describe('markdownToText', () => {
  it('keeps the words of headings, lists, emphasis and links and drops the syntax', () => {
    const markdown = [
      '## Как передать показания',
      '',
      'Показания принимаются **с 15 по 25 число** в [личном кабинете](https://example.ru/lk).',
      '',
      '- по телефону;',
      '1. через _сайт_;',
      '> в офисе',
      '',
      '| Способ | Срок |',
      '| --- | --- |',
      '| Сайт | `сразу` |',
    ].join('\n');
    expect(markdownToText(markdown)).toBe(
      [
        'Как передать показания',
        'Показания принимаются с 15 по 25 число в личном кабинете.',
        'по телефону;',
        'через сайт;',
        'в офисе',
        'Способ Срок',
        'Сайт сразу',
      ].join('\n'),
    );
  });

  it('removes HTML tags but keeps their text', () => {
    expect(markdownToText('Тариф <script>alert(1)</script> и <b>льготы</b>')).toBe('Тариф alert(1) и льготы');
  });

  it('keeps underscores and asterisks inside words and numbers', () => {
    expect(markdownToText('код_договора и 2*3')).toBe('код_договора и 2*3');
  });
});
