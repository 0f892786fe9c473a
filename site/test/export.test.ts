import { describe, expect, it } from 'vitest';
import fixture from '../fixtures/site-export.json';
import { SiteExportError, parseSiteExport, resolveExportSource } from '../src/lib/export';

const clone = (): typeof fixture => structuredClone(fixture);

describe('resolveExportSource', () => {
  it('prefers SITE_EXPORT_URL, falls back to SITE_EXPORT_FILE', () => {
    expect(resolveExportSource({ SITE_EXPORT_URL: 'http://127.0.0.1:3001/api/site-export', SITE_EXPORT_FILE: 'x.json' })).toEqual({
      kind: 'url',
      url: 'http://127.0.0.1:3001/api/site-export',
    });
    expect(resolveExportSource({ SITE_EXPORT_FILE: 'site/fixtures/site-export.json' })).toEqual({
      kind: 'file',
      path: 'site/fixtures/site-export.json',
    });
  });

  it('fails with a message naming both variables when neither is set', () => {
    expect(() => resolveExportSource({})).toThrow(SiteExportError);
    expect(() => resolveExportSource({ SITE_EXPORT_URL: ' ', SITE_EXPORT_FILE: '' })).toThrow(/SITE_EXPORT_URL.*SITE_EXPORT_FILE/s);
  });
});

describe('parseSiteExport', () => {
  it('accepts the development fixture with its 10 topics', () => {
    const data = parseSiteExport(fixture, 'fixture');
    expect(data.topics.map((topic) => topic.slug)).toEqual([
      'dogovor', 'pokazaniya', 'oplata', 'zadolzhennost', 'tarify', 'lgoty', 'kachestvo', 'lichnyy-kabinet', 'ofisy', 'prochee',
    ]);
    expect(data.faq.length).toBeGreaterThanOrEqual(12);
  });

  it('names the source and the invalid field when the schema does not match', () => {
    const raw = clone() as Record<string, unknown>;
    delete (raw.company as Record<string, unknown>).hotline;
    expect(() => parseSiteExport(raw, 'SITE_EXPORT_FILE broken.json')).toThrow(/broken\.json is invalid:\n- company\.hotline/);
  });

  it('rejects a FAQ entry in an unknown topic', () => {
    const raw = clone();
    raw.faq[0]!.topic = 'net-takoy-temy';
    expect(() => parseSiteExport(raw, 'x')).toThrow(/refers to unknown topic "net-takoy-temy"/);
  });

  it('rejects duplicate FAQ slugs, because search links entries by slug', () => {
    const raw = clone();
    raw.faq[1]!.slug = raw.faq[0]!.slug;
    expect(() => parseSiteExport(raw, 'x')).toThrow(/FAQ slug "kak-zaklyuchit-dogovor" appears more than once/);
  });

  it('rejects slugs that are not safe URL segments', () => {
    const raw = clone();
    raw.faq[0]!.slug = 'a/b';
    raw.topics[0]!.slug = 'Договор';
    raw.faq.forEach((entry) => {
      if (entry.topic === 'dogovor') entry.topic = 'Договор';
    });
    expect(() => parseSiteExport(raw, 'x')).toThrow(/topic slug "Договор" is not URL-safe[\s\S]*FAQ slug "a\/b" is not URL-safe/);
  });
});
