import { describe, expect, it } from 'vitest';
import { appealStatusPath, faqEntryPath, mailtoHref, questionFormPath, telHref, topicPath } from '../src/lib/urls';

describe('site URLs', () => {
  it('builds FAQ paths with trailing slashes', () => {
    expect(topicPath('oplata')).toBe('/faq/oplata/');
    expect(faqEntryPath('oplata', 'sposoby-oplaty')).toBe('/faq/oplata/sposoby-oplaty/');
  });

  it('pre-fills the question form through encoded query parameters', () => {
    expect(questionFormPath()).toBe('/vopros/');
    expect(questionFormPath({ topic: 'oplata' })).toBe('/vopros/?topic=oplata');
    const url = new URL(questionFormPath({ text: 'счёт & пеня?' }), 'http://x');
    expect(url.pathname).toBe('/vopros/');
    expect(url.searchParams.get('text')).toBe('счёт & пеня?');
  });

  it('makes tel: links of printed phone numbers', () => {
    expect(telHref('8 800 555-01-23')).toBe('tel:88005550123');
    expect(telHref('+7 (8172) 55-01-10')).toBe('tel:+78172550110');
  });

  it('links the status page with the number filled in, and nothing else', () => {
    expect(appealStatusPath()).toBe('/status/');
    // «В» is U+0412: %D0%92 in UTF-8.
    expect(appealStatusPath('В-2026-000123')).toBe('/status/?number=%D0%92-2026-000123');
  });

  it('makes mailto: links with an encoded subject and body', () => {
    expect(mailtoHref('info@example.ru', 'Вопрос с сайта')).toBe('mailto:info@example.ru?subject=%D0%92%D0%BE%D0%BF%D1%80%D0%BE%D1%81%20%D1%81%20%D1%81%D0%B0%D0%B9%D1%82%D0%B0');
    expect(mailtoHref('info@example.ru', 'Тема', 'Строка 1\nСтрока 2')).toContain('&body=%D0%A1%D1%82%D1%80%D0%BE%D0%BA%D0%B0%201%0A');
  });
});
