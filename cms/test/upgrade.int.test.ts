import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { createClient } from '@libsql/client';
import type { Payload, PayloadRequest } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailSink, type RunningMailSink } from '@portal/mail-sink/mail-sink';
import { freePort } from '../../scripts/lib/free-port';
import { startTestCms, type TestCms } from './harness';

/**
 * The upgrade test (issue 16): a database made by release 0.1.0 (cms/test/fixtures/release-0.1.0, made once by
 * that release) is opened by the CMS at HEAD as production does it — migrations run on start — with the job
 * runner on. Nothing may be lost: every appeal with its number, type, state, deadline, consent record and files;
 * the public content; numbering continues after the old numbers; the letter the old version left in the outbox
 * goes out. Expected values are read off the fixture by hand (its README's table), never from the code.
 */
const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'release-0.1.0');
const FIXTURE_SECRET = 'release-0.1.0-fixture-secret-not-a-real-one';
/** The files the fixture's complaint and e-mail carry: the 1×1 PNG and the minimal PDF its script sent. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n44\n%%EOF\n');

/** The fixture's appeals: number → type, state, deadline (README table). */
const APPEALS: Record<string, [type: string, status: string, deadline: string]> = {
  'В-2026-000001': ['question', 'answered', '2026-12-09'],
  'В-2026-000002': ['question', 'closed', '2026-12-09'],
  'В-2026-000003': ['question', 'registered', '2026-12-09'],
  'Ж-2026-000001': ['complaint', 'extended', '2027-01-29'],
  'З-2026-000001': ['application', 'registered', '2026-12-14'],
  'З-2026-000002': ['application', 'rejected', '2026-12-14'],
  'О-2026-000001': ['feedback', 'registered', '2026-12-14'],
  'П-2026-000001': ['readings', 'registered', '2026-12-08'],
  'П-2026-000002': ['readings', 'registered', '2026-12-08'],
  'Э-2026-000001': ['email', 'registered', '2026-12-09'],
};
/** Published demo content of the fixture (counted in it with sqlite3). */
const CONTENT = { pages: 19, faq: 69, news: 7, offices: 10, documents: 6, topics: 10 };
/** The last migration of release 0.1.0. */
const RELEASE_LEVEL = '20261207_151438_sec_appeal_records';

let dir: string;
let cms: TestCms;
let payload: Payload;
let sink: RunningMailSink;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-upgrade-'));
  fs.writeFileSync(path.join(dir, 'portal.db'), zlib.gunzipSync(fs.readFileSync(path.join(FIXTURE, 'portal.db.gz'))));
  fs.cpSync(path.join(FIXTURE, 'attachments'), path.join(dir, 'attachments'), { recursive: true });
  const smtpPort = await freePort();
  sink = await startMailSink({ smtpPort, webPort: 0, dir: path.join(dir, 'mail') });
  cms = await startTestCms({
    DATABASE_URL: `file:${path.join(dir, 'portal.db')}`,
    ATTACHMENTS_DIR: path.join(dir, 'attachments'),
    PAYLOAD_SECRET: FIXTURE_SECRET,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    // As in production: the robot's dispatcher and the job queue run in the CMS process.
    JOBS_AUTORUN: 'on',
  });
  payload = cms.payload;
}, 180_000);

afterAll(async () => {
  if (payload) {
    const { startOutboxDispatcher } = await import('../src/appeals/outbox/outbox');
    await startOutboxDispatcher(payload).stop();
  }
  await cms?.close();
  await sink?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

interface StoredAppeal {
  id: number;
  registrationNumber: string;
  type: string;
  status: string;
  deadlineDate: string;
  consent: { version: string | null; acceptedAt: string | null; ip: string | null };
  attachments: { filename: string; originalName: string; mimeType: string }[];
  survey?: { rating?: number | null } | null;
}

async function appeals(): Promise<StoredAppeal[]> {
  const found = await payload.find({ collection: 'appeals', overrideAccess: true, depth: 1, pagination: false, sort: 'registrationNumber' });
  return found.docs as unknown as StoredAppeal[];
}

describe('a database of release 0.1.0 opened by this version', () => {
  it('is migrated on start up to the last migration index.ts lists, after the release ones', async () => {
    const { migrations } = await import('../src/migrations');
    const db = createClient({ url: `file:${path.join(dir, 'portal.db')}` });
    try {
      const applied = (await db.execute('SELECT name FROM payload_migrations ORDER BY id')).rows.map((row) => String(row.name));
      expect(applied.at(-1)).toBe(migrations.at(-1)!.name);
      expect(applied).toContain(RELEASE_LEVEL);
      expect(new Set(applied)).toEqual(new Set(migrations.map((migration) => migration.name)));
    } finally {
      db.close();
    }
  });

  it('keeps every appeal with its number, type, state and deadline, and the consent record of each form appeal', async () => {
    const stored = await appeals();
    expect(Object.fromEntries(stored.map((appeal) => [appeal.registrationNumber, [appeal.type, appeal.status, appeal.deadlineDate.slice(0, 10)]]))).toEqual(APPEALS);
    for (const appeal of stored) {
      if (appeal.type === 'email') {
        expect(appeal.consent, `${appeal.registrationNumber}: a letter has no consent record`).toMatchObject({ version: null, acceptedAt: null });
      } else {
        expect(appeal.consent, appeal.registrationNumber).toMatchObject({ version: '2026-11-01', ip: '192.0.2.10', acceptedAt: expect.stringMatching(/^2026-12-07T18:35:/) });
      }
    }
    expect(stored.find((appeal) => appeal.registrationNumber === 'В-2026-000002')?.survey?.rating).toBe(4);
  });

  it('gives every old appeal its channel: the e-mails «email» (their «Э» numbers unchanged), the form appeals «site»', async () => {
    const found = await payload.find({ collection: 'appeals', overrideAccess: true, depth: 0, pagination: false, sort: 'registrationNumber' });
    const channels = Object.fromEntries((found.docs as unknown as { registrationNumber: string; channel?: string | null }[]).map((appeal) => [appeal.registrationNumber, appeal.channel]));
    expect(channels).toEqual(Object.fromEntries(Object.entries(APPEALS).map(([number, [type]]) => [number, type === 'email' ? 'email' : 'site'])));
    // The consent the forms recorded was the form's checkbox; the letter has none.
    const methods = Object.fromEntries((found.docs as unknown as { registrationNumber: string; consent?: { method?: string | null } }[]).map((appeal) => [appeal.registrationNumber, appeal.consent?.method ?? null]));
    expect(methods['Э-2026-000001']).toBeNull();
    expect(methods['В-2026-000001']).toBe('form');
  });

  it('keeps the appeals\' files readable, byte for byte', async () => {
    const stored = await appeals();
    const files = Object.fromEntries(stored.filter((appeal) => appeal.attachments.length > 0).map((appeal) => [appeal.registrationNumber, appeal.attachments.map((file) => [file.originalName, file.mimeType])]));
    expect(files).toEqual({ 'Ж-2026-000001': [['kvitanciya.png', 'image/png']], 'Э-2026-000001': [['schet.pdf', 'application/pdf']] });
    const bytes = (number: string) => fs.readFileSync(path.join(dir, 'attachments', stored.find((appeal) => appeal.registrationNumber === number)!.attachments[0]!.filename));
    expect(bytes('Ж-2026-000001').equals(PNG)).toBe(true);
    expect(bytes('Э-2026-000001').equals(PDF)).toBe(true);
  });

  it('keeps the published content', async () => {
    const counts: Record<string, number> = {};
    for (const collection of Object.keys(CONTENT)) {
      counts[collection] = (await payload.count({ collection: collection as never, overrideAccess: true })).totalDocs;
    }
    expect(counts).toEqual(CONTENT);
  });

  it('sends the confirmation release 0.1.0 left pending in the outbox, once', async () => {
    const to = 'kirill.ozhidaev@example.org';
    let letters: { subject: string }[] = [];
    for (let waited = 0; waited < 20_000 && letters.length === 0; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      letters = (await (await fetch(`${sink.webUrl}/api/messages?to=${encodeURIComponent(to)}`)).json()) as { subject: string }[];
    }
    expect(letters.map((letter) => letter.subject)).toEqual([expect.stringContaining('В-2026-000003')]);
    // Letters the old version had already sent are not sent again.
    expect(await (await fetch(`${sink.webUrl}/api/messages?to=${encodeURIComponent('anna.testova@example.org')}`)).json()).toEqual([]);
  });

  it('continues the numbering: no number of the old version is given again', async () => {
    // Release 0.1.0 took numbers in blocks of 50 (counters at 50 in the fixture) and used 1–3 of the questions'
    // and 1 of the complaints': the next are 51, never 1–50 again.
    const { registerAppeal } = await import('../src/appeals/intake/register');
    const meta = (key: string) => ({ ip: '192.0.2.20', userAgent: null, idempotencyKey: key });
    const input = { name: 'Новиков Тест', email: 'new.client@example.org', answerChannel: 'email' as const, audience: 'fl' as const, topic: 'oplata', text: 'Обращение после обновления портала.' };
    const receivedAt = new Date('2026-12-08T09:00:00Z');
    const complaint = await registerAppeal(payload, 'complaint', input, meta('upgrade-complaint'), { receivedAt, consent: 'form' });
    const question = await registerAppeal(payload, 'question', input, meta('upgrade-question'), { receivedAt, consent: 'form' });
    expect([complaint.registrationNumber, question.registrationNumber]).toEqual(['Ж-2026-000051', 'В-2026-000051']);

    // And through the form, as a client sends it today: a new number of its own.
    const { endpoints } = await import('../src/endpoints');
    const endpoint = endpoints.find((candidate) => candidate.path === '/forms/question')!;
    const request = new Request('http://cms.local/api/forms/question', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '192.0.2.21' },
      body: JSON.stringify({ ...input, phone: '', postalAddress: '', accountNumber: '', consent: true, website: '' }),
    });
    const response = await endpoint.handler(Object.assign(request, { payload }) as unknown as PayloadRequest);
    expect(response.status).toBe(201);
    const { registrationNumber } = (await response.json()) as { registrationNumber: string };
    expect(Object.keys(APPEALS)).not.toContain(registrationNumber);
    expect(registrationNumber).not.toBe(question.registrationNumber);
  });
});
