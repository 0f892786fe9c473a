import { describe, expect, it } from 'vitest';
import { faqEntryPath, questionFormPath, telHref, topicPath } from '../src/lib/urls';

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
});
