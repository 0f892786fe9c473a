import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from 'payload';
import { ANONYMISED_TEXT, anonymiseOldAppeals } from '../src/appeals/handling/retention';
import { startTestCms, type TestCms } from './harness';
import { storeTestAppeal } from './support/appeal-fixture';

let cms: TestCms;
let payload: Payload;

/** A real 1×1 PNG: the attachments collection reads image headers, so a made-up file would be refused. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** A passport scan as the intake stores it: a record in the private collection and its file on disk. */
async function storeScan(): Promise<{ id: number | string; file: string }> {
  const doc = (await payload.create({
    collection: 'appeal-attachments',
    overrideAccess: true,
    depth: 0,
    data: { originalName: 'паспорт Ольги.png' } as never,
    file: { data: Buffer.from(PNG), mimetype: 'image/png', name: `${crypto.randomUUID()}.png`, size: PNG.length },
  })) as unknown as { id: number | string; filename: string };
  const staticDir = (payload.collections['appeal-attachments'].config.upload as { staticDir: string }).staticDir;
  return { id: doc.id, file: path.join(staticDir, doc.filename) };
}

/** An appeal carrying every personal-data field the appeals collection has, with one attached scan. */
async function appeal(receivedAt: string, status: string) {
  const scan = await storeScan();
  const doc = await storeTestAppeal(payload, {
    type: 'complaint',
    status,
    receivedAt,
    deadlineDate: receivedAt.slice(0, 10),
    phone: '+79123456789',
    postalAddress: '620000, Екатеринбург, ул. Полевая, 3, кв. 7',
    accountNumber: '1234567890',
    text: 'Вопрос о показаниях по адресу ул. Полевая, 3.',
    details: { objectAddress: 'ул. Полевая, 3', inn: '667000000000' },
    meterSerial: '01234567',
    attachments: [scan.id],
    answer: 'Ответ с персональными данными.',
    answeredAt: receivedAt,
    extensionReason: 'Нужна справка о проживании Ольги Сергеевны.',
    statusTokenHash: 'a'.repeat(64),
    survey: { rating: 5, comment: 'Спасибо, Ольга', tokenHash: 'b'.repeat(64) },
    consent: { version: '1', ip: '10.0.0.1' },
    history: [
      { from: 'registered', to: 'in-progress', at: receivedAt, actor: 'handler@example.ru', comment: 'Позвонила Ольга, телефон +79123456789' },
      { from: 'in-progress', to: 'answered', at: receivedAt, actor: 'handler@example.ru' },
    ],
  });
  return { id: doc.id, scan };
}

type Row = Record<string, unknown> & { survey: Record<string, unknown>; consent: Record<string, unknown>; history: Record<string, unknown>[] };
const read = async (id: number | string) => (await payload.findByID({ collection: 'appeals', id, overrideAccess: true, depth: 0, showHiddenFields: true })) as unknown as Row;
const scanRecords = async (id: number | string) => (await payload.find({ collection: 'appeal-attachments', where: { id: { equals: id } }, overrideAccess: true, depth: 0 })).totalDocs;

beforeAll(async () => {
  cms = await startTestCms();
  payload = cms.payload;
}, 180_000);
afterAll(async () => {
  await cms?.close();
});

describe('retention: anonymising old appeals', () => {
  it('removes every personal-data field and the attached files of settled appeals older than the period, keeps the statistics, leaves newer and open ones alone', async () => {
    const now = new Date('2026-11-27T00:00:00.000Z');
    const oldClosed = await appeal('2020-03-01T09:00:00.000Z', 'closed');
    const oldOpen = await appeal('2020-03-01T09:00:00.000Z', 'in-progress');
    const recent = await appeal('2026-10-01T09:00:00.000Z', 'closed');
    // The fixture really carries what the job must remove (a fixture without it would pass any job).
    const before = await read(oldClosed.id);
    expect(before).toMatchObject({ postalAddress: expect.any(String), meterSerial: '01234567', statusTokenHash: 'a'.repeat(64), extensionReason: expect.any(String) });
    expect(before.details).toEqual({ objectAddress: 'ул. Полевая, 3', inn: '667000000000' });
    expect(before.attachments).toEqual([oldClosed.scan.id]);
    expect(before.survey.tokenHash).toBe('b'.repeat(64));
    expect(before.history[0]!.comment).toContain('Ольга');
    expect(existsSync(oldClosed.scan.file)).toBe(true);

    expect(await anonymiseOldAppeals(payload, now, 1826)).toBe(1);
    const done = await read(oldClosed.id);
    expect(done).toMatchObject({
      name: '—',
      email: null,
      phone: null,
      postalAddress: null,
      accountNumber: null,
      text: ANONYMISED_TEXT,
      details: null,
      meterSerial: null,
      answer: null,
      extensionReason: null,
      statusTokenHash: null,
    });
    expect(done.attachments ?? []).toEqual([]);
    expect(done.consent.ip).toBeNull();
    expect(done.survey.comment).toBeNull();
    expect(done.survey.tokenHash ?? null).toBeNull();
    // The scan is gone: its record (so no handler can open it) and its file on disk.
    expect(await scanRecords(oldClosed.scan.id)).toBe(0);
    expect(existsSync(oldClosed.scan.file)).toBe(false);
    // The history keeps its transitions but no free text.
    expect(done.history).toEqual([
      { from: 'registered', to: 'in-progress', at: '2020-03-01T09:00:00.000Z', actor: 'handler@example.ru' },
      { from: 'in-progress', to: 'answered', at: '2020-03-01T09:00:00.000Z', actor: 'handler@example.ru' },
    ]);
    // Statistics stay.
    expect(done).toMatchObject({ type: 'complaint', status: 'closed', answerChannel: 'email', receivedAt: '2020-03-01T09:00:00.000Z' });
    expect(done.survey.rating).toBe(5);
    expect(done.answeredAt).toBeTruthy();

    // Open and recent appeals keep everything, their files included.
    for (const kept of [oldOpen, recent]) {
      const row = await read(kept.id);
      expect(row).toMatchObject({ email: 'olga@example.ru', postalAddress: expect.any(String), meterSerial: '01234567' });
      expect(row.history[0]!.comment).toContain('Ольга');
      expect(await scanRecords(kept.scan.id)).toBe(1);
      expect(existsSync(kept.scan.file)).toBe(true);
    }
    // Idempotent: the next night finds nothing new.
    expect(await anonymiseOldAppeals(payload, now, 1826)).toBe(0);
  });
});
