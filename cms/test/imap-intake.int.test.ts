import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImapFlow } from 'imapflow';
import type { Payload } from 'payload';
import { loadCompany } from '../src/appeals/settings/settings';
import { parseImapUrl, pollAppealsMailbox } from '../src/appeals/intake/imap-intake';
import { startTestCms, type TestCms } from './harness';

/**
 * Contract test of the production mail intake against a real IMAP mailbox. No IMAP server can be installed
 * on our machines, so it runs only when IMAP_URL points at a disposable test mailbox.
 */
const IMAP_URL = process.env.IMAP_URL;
if (!IMAP_URL) {
  console.warn('IMAP contract test skipped: IMAP_URL is not set (no IMAP server can be installed on this machine).');
}

describe.skipIf(!IMAP_URL)('IMAP intake (production mailbox)', () => {
  let cms: TestCms;
  let payload: Payload;
  beforeAll(async () => {
    cms = await startTestCms({ SEED_DEMO: 'on', SMTP_URL: 'smtp://127.0.0.1:9' });
    payload = cms.payload;
  }, 180_000);
  afterAll(async () => {
    await cms?.close();
  });

  it('registers an unseen letter once, marks it seen, and registers nothing on the next pass', async () => {
    const settings = parseImapUrl(IMAP_URL as string);
    const mailbox = (await loadCompany(payload)).email;
    const client = new ImapFlow({ host: settings.host, port: settings.port, secure: settings.secure, auth: { user: settings.user, pass: settings.pass }, logger: false });
    await client.connect();
    const messageId = `<imap-contract-${Date.now()}@example.ru>`;
    await client.append(
      settings.mailbox,
      Buffer.from(`From: Test <imap.client@example.ru>\r\nTo: ${mailbox}\r\nSubject: IMAP\r\nMessage-ID: ${messageId}\r\n\r\nПроверка приёма писем.\r\n`),
    );
    await client.logout();

    const first = await pollAppealsMailbox(payload, settings);
    expect(first.registered).toBeGreaterThanOrEqual(1);
    const found = await payload.find({ collection: 'appeals', where: { idempotencyKey: { equals: `email:${messageId}` } }, overrideAccess: true });
    expect(found.totalDocs).toBe(1);
    const second = await pollAppealsMailbox(payload, settings);
    expect(second.registered).toBe(0);
  });
});

describe('IMAP_URL parsing', () => {
  it('reads TLS, port, credentials and mailbox', () => {
    expect(parseImapUrl('imaps://obr%40energo.ru:p%40ss@mail.energo.ru/Appeals')).toEqual({
      host: 'mail.energo.ru',
      port: 993,
      secure: true,
      user: 'obr@energo.ru',
      pass: 'p@ss',
      mailbox: 'Appeals',
    });
    expect(parseImapUrl('imap://u:p@127.0.0.1:1143')).toMatchObject({ port: 1143, secure: false, mailbox: 'INBOX' });
    expect(() => parseImapUrl('https://mail.example.ru')).toThrow(/imaps/);
  });
});
