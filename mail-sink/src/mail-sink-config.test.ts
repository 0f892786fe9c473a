import { describe, expect, it } from 'vitest';
import { readMailSinkConfig } from './mail-sink-config';

describe('the mail sink environment', () => {
  it('defaults to SMTP 2525 and the web view on 3025, without handing letters to the CMS', () => {
    expect(readMailSinkConfig({})).toEqual({ smtpPort: 2525, webPort: 3025, dir: 'var/mail' });
  });

  it('hands the appeals mailbox over only when the URL, token and mailbox are all given', () => {
    const intake = { MAIL_INTAKE_URL: 'http://127.0.0.1:3001/api/mail-intake', MAIL_INTAKE_TOKEN: 'token-token-token-1', MAIL_INTAKE_ADDRESS: 'info@example.ru' };
    expect(readMailSinkConfig(intake).intake).toEqual({ url: intake.MAIL_INTAKE_URL, token: intake.MAIL_INTAKE_TOKEN, mailbox: 'info@example.ru' });
    expect(readMailSinkConfig({ ...intake, MAIL_INTAKE_TOKEN: undefined }).intake).toBeUndefined();
  });

  it('names a bad port and a bad intake URL', () => {
    expect(() => readMailSinkConfig({ MAIL_SMTP_PORT: '25x' })).toThrow('MAIL_SMTP_PORT: expected a port number 1–65535, got "25x"');
    expect(() => readMailSinkConfig({ MAIL_INTAKE_URL: 'ftp://x' })).toThrow('MAIL_INTAKE_URL: expected an http(s) URL, got "ftp://x"');
  });

  it('never shows the intake token', () => {
    expect(() => readMailSinkConfig({ MAIL_WEB_PORT: '0', MAIL_INTAKE_TOKEN: 'very-secret-token' })).toThrow(/MAIL_WEB_PORT/);
    try {
      readMailSinkConfig({ MAIL_WEB_PORT: '0', MAIL_INTAKE_TOKEN: 'very-secret-token' });
    } catch (error) {
      expect(String(error)).not.toContain('very-secret-token');
    }
  });
});
