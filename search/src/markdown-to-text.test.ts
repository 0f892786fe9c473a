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

describe('markdownToText: line endings and code', () => {
  it('treats Windows and old Mac line endings as line breaks', () => {
    expect(markdownToText('Первая строка\r\nВторая\rТретья')).toBe('Первая строка\nВторая\nТретья');
  });

  it('keeps the code of fenced blocks and drops the fences, with or without a language and indentation', () => {
    const markdown = ['Команда:', '```bash', 'npm run build', '```', '  ~~~', '  вторая строка кода', '  ~~~'].join('\n');
    expect(markdownToText(markdown)).toBe('Команда:\nnpm run build\nвторая строка кода');
  });

  it('drops lines left empty and lines of spaces', () => {
    expect(markdownToText('Первая\n   \n\n\t\nВторая')).toBe('Первая\nВторая');
  });
});

describe('markdownToText: links and images', () => {
  it('keeps the description of an image, and nothing of an image without one', () => {
    expect(markdownToText('![Схема подключения счётчика](/img/scheme.png) ниже')).toBe('Схема подключения счётчика ниже');
    expect(markdownToText('До ![](/img/x.png) после')).toBe('До после');
  });

  it('keeps the text of reference links and drops the definitions', () => {
    const markdown = [
      'Войдите в [личный кабинет][lk] или [на сайт][].',
      '',
      '[lk]: https://lk.example.ru "Личный кабинет"',
      '  [site]: https://example.ru',
    ].join('\n');
    expect(markdownToText(markdown)).toBe('Войдите в личный кабинет или на сайт.');
  });

  it('keeps a bracketed word followed by a colon inside a sentence', () => {
    expect(markdownToText('Откройте раздел [Оплата]: там есть QR-код')).toBe('Откройте раздел [Оплата]: там есть QR-код');
  });

  it('keeps the address of an autolink, http or https', () => {
    expect(markdownToText('Сайт <https://example.ru/lk> и архив <http://old.example.ru>')).toBe('Сайт https://example.ru/lk и архив http://old.example.ru');
  });
});

describe('markdownToText: block markers', () => {
  it('drops heading marks, opening and closing, indented up to three spaces', () => {
    const markdown = ['# Тарифы', '  ## Для населения ##', '### Льготы ### ', '#### Сроки #'].join('\n');
    expect(markdownToText(markdown)).toBe('Тарифы\nДля населения\nЛьготы\nСроки');
  });

  it('keeps a # inside a line and at the end of a word', () => {
    expect(markdownToText('Нажмите # и дождитесь оператора')).toBe('Нажмите # и дождитесь оператора');
    expect(markdownToText('Программа на C#')).toBe('Программа на C#');
  });

  it('drops quote marks with or without a space after them', () => {
    expect(markdownToText('> Цитата\n>Без пробела\n  > С отступом')).toBe('Цитата\nБез пробела\nС отступом');
  });

  it('drops every kind of list bullet and number, also in nested lists', () => {
    const markdown = ['- первый', '* второй', '+ третий', '1. четвёртый', '2) пятый', '10. десятый', '   - вложенный'].join('\n');
    expect(markdownToText(markdown)).toBe('первый\nвторой\nтретий\nчетвёртый\nпятый\nдесятый\nвложенный');
  });

  it('keeps numbers that start a line without being a list number', () => {
    expect(markdownToText('2025 год\n5.5 кВт')).toBe('2025 год\n5.5 кВт');
  });

  it('drops horizontal rules', () => {
    expect(markdownToText('Выше\n---\n***\n___\n-----\n_ _ _\nНиже')).toBe('Выше\nНиже');
  });

  it('keeps the words of a line that begins with bold italic', () => {
    expect(markdownToText('***Важно:*** оплатите до 10 числа')).toBe('Важно: оплатите до 10 числа');
  });
});

describe('markdownToText: tables', () => {
  it('drops separator rows of every usual shape and keeps the cells', () => {
    const markdown = [
      '| Зона | День | Ночь |',
      '| --- | --- | --- |',
      '| Город | 6,10 | 3,20 |',
      '',
      'Способ | Срок',
      '--- | ---',
      'Сайт | сразу',
      '',
      '|Группа|Цена|',
      '|:---|---:|',
      '|Село|4,27|',
    ].join('\n');
    expect(markdownToText(markdown)).toBe(['Зона День Ночь', 'Город 6,10 3,20', 'Способ Срок', 'Сайт сразу', 'Группа Цена', 'Село 4,27'].join('\n'));
  });
});

describe('markdownToText: inline markers', () => {
  it('drops bold, italic, strike-through and code markers at the start, middle and end of a line', () => {
    expect(markdownToText('*Важно*: платите __вовремя__ и ~~не~~ `сразу`, это *удобно*')).toBe('Важно: платите вовремя и не сразу, это удобно');
    expect(markdownToText('_Срок_ — до **25 числа**')).toBe('Срок — до 25 числа');
  });

  it('turns escaped Markdown characters into the characters', () => {
    expect(markdownToText('1\\. не список, \\# не заголовок, \\[не ссылка\\]')).toBe('1. не список, # не заголовок, [не ссылка]');
  });

  it('keeps escaped emphasis, bullets and quote marks as the characters, not as syntax', () => {
    expect(markdownToText('\\*не курсив\\* и \\_не подчёркнуто\\_')).toBe('*не курсив* и _не подчёркнуто_');
    expect(markdownToText('\\- не пункт списка\n\\> не цитата')).toBe('- не пункт списка\n> не цитата');
  });

  it('keeps a backslash that escapes nothing', () => {
    expect(markdownToText('Папка C:\\Программы')).toBe('Папка C:\\Программы');
  });
});
