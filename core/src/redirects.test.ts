import { describe, expect, it } from 'vitest';
import { normalizeSitePath, RedirectSchema, redirectTable } from './redirects';

describe('redirects', () => {
  it('compares page paths with a trailing slash and decoded', () => {
    expect(normalizeSitePath('/faq/oplata')).toBe('/faq/oplata/');
    expect(normalizeSitePath('/faq/oplata/')).toBe('/faq/oplata/');
    expect(normalizeSitePath('/docs/tarif.pdf')).toBe('/docs/tarif.pdf');
    expect(normalizeSitePath('/%D1%84')).toBe('/ф/');
  });

  it('follows chains so a visitor gets one redirect, and drops loops and self-redirects', () => {
    const table = redirectTable([
      { from: '/a/', to: '/b/' },
      { from: '/b/', to: '/c/' },
      { from: '/x/', to: '/x' },
      { from: '/p/', to: '/q/' },
      { from: '/q/', to: '/p/' },
    ]);
    expect(table.get('/a/')).toBe('/c/');
    expect(table.get('/b/')).toBe('/c/');
    expect(table.has('/x/')).toBe(false);
    // A loop never redirects a visitor back to where they are.
    expect(table.get('/p/')).not.toBe('/p/');
  });

  it('accepts only paths on this site', () => {
    expect(RedirectSchema.safeParse({ from: '/old/', to: '/new/' }).success).toBe(true);
    expect(RedirectSchema.safeParse({ from: '/old/', to: 'https://evil.example/' }).success).toBe(false);
    expect(RedirectSchema.safeParse({ from: '/old/', to: '//evil.example/' }).success).toBe(false);
    expect(RedirectSchema.safeParse({ from: 'old', to: '/new/' }).success).toBe(false);
  });
});
