import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReindexConfig, readServeConfig, readSoakConfig, readStackEnv, readStartConfig, readTestConfig } from './config';
import { ROOT } from './paths';

describe('the scripts’ environment', () => {
  it('npm start: the documented default ports and var/ in the repository', () => {
    expect(readStartConfig({})).toEqual({ varDir: path.join(ROOT, 'var'), ports: { public: 3000, cms: 3001, smtp: 2525, mailWeb: 3025 }, verbose: false });
    expect(readStartConfig({ PUBLIC_PORT: '4000', CMS_PORT: '4001', MAIL_SMTP_PORT: '4002', MAIL_WEB_PORT: '4003', PORTAL_VAR_DIR: '/tmp/x', PORTAL_VERBOSE: '1' })).toEqual({
      varDir: '/tmp/x',
      ports: { public: 4000, cms: 4001, smtp: 4002, mailWeb: 4003 },
      verbose: true,
    });
  });

  it('npm start: a bad port stops it with the variable’s name', () => {
    expect(() => readStartConfig({ PUBLIC_PORT: 'abc' })).toThrow('PUBLIC_PORT: expected a port number 1–65535, got "abc"');
    expect(() => readStartConfig({ CMS_PORT: '70000' })).toThrow('CMS_PORT: expected a port number 1–65535, got "70000"');
  });

  it('npm test: stage and file filters; an unknown stage is refused', () => {
    expect(readTestConfig({})).toEqual({ only: undefined, fileFilters: [], siteToday: '2026-11-27', verbose: false });
    expect(readTestConfig({ TEST_ONLY: 'e2e', TEST_FILES: ' complaint-form  search ' })).toMatchObject({ only: 'e2e', fileFilters: ['complaint-form', 'search'] });
    expect(() => readTestConfig({ TEST_ONLY: 'e2ee' })).toThrow('TEST_ONLY: expected typecheck, unit, e2e or faults, got "e2ee"');
    expect(() => readTestConfig({ SITE_TODAY: '27.11.2026' })).toThrow('SITE_TODAY: expected a date like 2026-11-27, got "27.11.2026"');
  });

  it('the stack: the administrator e-mail by default, the given secrets passed on as they are', () => {
    expect(readStackEnv({})).toEqual({ ADMIN_EMAIL: 'admin@example.ru' });
    expect(readStackEnv({ ADMIN_PASSWORD: 'x'.repeat(12), PAYLOAD_SECRET: 's'.repeat(32) })).toMatchObject({ ADMIN_PASSWORD: 'x'.repeat(12), PAYLOAD_SECRET: 's'.repeat(32) });
  });

  it('npm run soak: positive minutes and rate', () => {
    expect(readSoakConfig({})).toEqual({ minutes: 10, rate: 6 });
    expect(() => readSoakConfig({ SOAK_MINUTES: 'ten' })).toThrow('SOAK_MINUTES: expected a positive number, got "ten"');
  });

  it('npm run reindex: asks for the administrator password and never echoes it', () => {
    expect(() => readReindexConfig({})).toThrow('ADMIN_PASSWORD: Set ADMIN_PASSWORD to the CMS administrator password.');
    expect(readReindexConfig({ ADMIN_PASSWORD: 'pw', CMS_PORT: '4001' })).toEqual({ cmsUrl: 'http://127.0.0.1:4001', adminEmail: 'admin@example.ru', adminPassword: 'pw' });
    expect(() => readReindexConfig({ ADMIN_PASSWORD: 'pw', CMS_URL: 'cms:3001' })).toThrow('CMS_URL: expected an http(s) URL, got "cms:3001"');
  });

  const production = { PAYLOAD_SECRET: 'p'.repeat(40), SMTP_URL: 'smtps://robot:pw@relay.example.ru:465', SITE_URL: 'https://energo.example.ru', CMS_PUBLIC_URL: 'https://cms.energo.example.ru/' };

  it('npm run serve: refuses without each of the four production variables, naming every missing one', () => {
    for (const name of Object.keys(production)) {
      const { [name as keyof typeof production]: _left, ...rest } = production;
      expect(() => readServeConfig(rest)).toThrow(new RegExp(`^npm run serve needs[^\\n]*\\n  ${name}: required`));
    }
    let message = '';
    try {
      readServeConfig({});
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.match(/^  [A-Z_]+: required/gm)).toEqual(['  PAYLOAD_SECRET: required', '  SMTP_URL: required', '  SITE_URL: required', '  CMS_PUBLIC_URL: required']);
  });

  it('npm run serve: checks the formats and never echoes the secret or the SMTP password', () => {
    expect(() => readServeConfig({ ...production, SITE_URL: 'energo.example.ru' })).toThrow('SITE_URL: expected an http(s) URL such as https://energo.example.ru, got "energo.example.ru"');
    expect(() => readServeConfig({ ...production, CMS_PUBLIC_URL: 'ftp://cms.example.ru' })).toThrow('CMS_PUBLIC_URL: expected an http(s) URL');
    expect(() => readServeConfig({ ...production, SMTP_URL: 'http://robot:hunter2@relay' })).toThrow(/^(?![\s\S]*hunter2)[\s\S]*SMTP_URL: expected an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => readServeConfig({ ...production, PAYLOAD_SECRET: 'short-secret-123' })).toThrow(/^(?![\s\S]*short-secret-123)[\s\S]*PAYLOAD_SECRET: expected at least 32 characters/);
  });

  it('npm run serve: origins without a trailing slash, no demo content unless SEED_DEMO=1', () => {
    expect(readServeConfig(production)).toMatchObject({ siteUrl: 'https://energo.example.ru', cmsPublicUrl: 'https://cms.energo.example.ru', ports: { public: 3000, cms: 3001 }, seedDemo: false });
    expect(readServeConfig({ ...production, SEED_DEMO: '1' }).seedDemo).toBe(true);
    expect(readServeConfig({ ...production, SEED_DEMO: 'off' }).seedDemo).toBe(false);
  });
});
