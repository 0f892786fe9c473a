import { describe, expect, it } from 'vitest';
import { readCmsEnv } from './env';

const SECRET = 'test-secret-test-secret-test-secret-1234';

describe('the CMS environment', () => {
  it('needs only PAYLOAD_SECRET; everything else has the documented default', () => {
    expect(readCmsEnv({ PAYLOAD_SECRET: SECRET })).toMatchObject({
      DATABASE_BUSY_TIMEOUT_MS: 5000,
      SITE_URL: 'http://localhost:3000',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      ADMIN_EMAIL: 'admin@example.ru',
      JOBS_AUTORUN: 'on',
      LOG_LEVEL: 'info',
      SITE_BUILD_DEBOUNCE_MS: 2000,
      APPEALS_PER_EMAIL_PER_HOUR: 10,
      APPEAL_RETENTION_DAYS: 1826,
      SURVEY_INTERVAL_SECONDS: 600,
      SEED_DEMO: 'on',
      BACKUP_SCHEDULE: '0 30 2 * * *',
      BACKUP_KEEP: { daily: 7, weekly: 4, monthly: 12 },
    });
  });

  it('names each bad variable, and never shows a secret', () => {
    let message = '';
    try {
      readCmsEnv({ PAYLOAD_SECRET: 'too-short-secret', SITE_URL: 'energo.example.ru', JOBS_AUTORUN: 'yes', MEILI_HOST: 'meili:7700' });
    } catch (error) {
      message = String(error);
    }
    expect(message).toContain('Invalid CMS environment');
    expect(message).toContain('PAYLOAD_SECRET: PAYLOAD_SECRET must be at least 32 characters long');
    expect(message).toContain('SITE_URL: Invalid URL, got "energo.example.ru"');
    expect(message).toContain('JOBS_AUTORUN: Invalid option: expected one of "on"|"off", got "yes"');
    expect(message).toContain('MEILI_HOST: MEILI_HOST must be an http(s) URL, got "meili:7700"');
    expect(message).not.toContain('too-short-secret');
  });

  it('reads the nightly backup settings, and names a bad schedule, retention or a short passphrase without showing it', () => {
    expect(readCmsEnv({ PAYLOAD_SECRET: SECRET, BACKUP_KEEP: '14,8,24', BACKUP_SCHEDULE: 'off' })).toMatchObject({ BACKUP_KEEP: { daily: 14, weekly: 8, monthly: 24 }, BACKUP_SCHEDULE: 'off' });
    let message = '';
    try {
      readCmsEnv({ PAYLOAD_SECRET: SECRET, BACKUP_SCHEDULE: '30 2 * * *', BACKUP_KEEP: '7,4', BACKUP_PASSPHRASE: 'short-pass' });
    } catch (error) {
      message = String(error);
    }
    expect(message).toContain('BACKUP_SCHEDULE: expected a cron expression with six fields');
    expect(message).toContain('BACKUP_KEEP: expected three numbers daily,weekly,monthly');
    expect(message).toContain('BACKUP_PASSPHRASE: expected at least 12 characters');
    expect(message).not.toContain('short-pass');
    expect(() => readCmsEnv({ PAYLOAD_SECRET: SECRET, BACKUP_KEEP: '0,4,12' })).toThrow(/BACKUP_KEEP: the daily count must be at least 1/);
  });
});
