import { describe, expect, it } from 'vitest';
import { readSiteEnv } from '../src/lib/site-env';

describe('the site build environment', () => {
  it('defaults: ./dist and the local public origin, no pinned day', () => {
    expect(readSiteEnv({})).toEqual({ SITE_OUT_DIR: './dist', SITE_URL: 'http://localhost:3000' });
  });

  it('names a bad value', () => {
    expect(() => readSiteEnv({ SITE_TODAY: '2026-13-01' })).toThrow('SITE_TODAY: expected a date like 2026-11-27, got "2026-13-01"');
    expect(() => readSiteEnv({ SITE_URL: 'localhost:3000' })).toThrow('SITE_URL: expected an http(s) URL, got "localhost:3000"');
    expect(() => readSiteEnv({ SITE_EXPORT_URL: 'ftp://cms/api/site-export' })).toThrow('SITE_EXPORT_URL: expected an http(s) URL, got "ftp://cms/api/site-export"');
  });
});
