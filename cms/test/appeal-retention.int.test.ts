import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from 'payload';
import { ANONYMISED_TEXT, anonymiseOldAppeals } from '../src/appeals/handling/retention';
import { startTestCms, type TestCms } from './harness';
import { storeTestAppeal } from './support/appeal-fixture';

let cms: TestCms;
let payload: Payload;

async function appeal(receivedAt: string, status: string) {
  const doc = await storeTestAppeal(payload, {
    status,
    receivedAt,
    deadlineDate: receivedAt.slice(0, 10),
    phone: '+79123456789',
    accountNumber: '1234567890',
    text: 'Вопрос о показаниях по адресу ул. Полевая, 3.',
    answer: 'Ответ с персональными данными.',
    answeredAt: receivedAt,
    survey: { rating: 5, comment: 'Спасибо, Ольга' },
    consent: { version: '1', ip: '10.0.0.1' },
  });
  return doc.id;
}

const read = async (id: number | string) => (await payload.findByID({ collection: 'appeals', id, overrideAccess: true, depth: 0 })) as unknown as Record<string, unknown> & { survey: Record<string, unknown>; consent: Record<string, unknown> };

beforeAll(async () => {
  cms = await startTestCms();
  payload = cms.payload;
}, 180_000);
afterAll(async () => {
  await cms?.close();
});

describe('retention: anonymising old appeals', () => {
  it('removes personal data from settled appeals older than the period, keeps the statistics, leaves newer and open ones alone', async () => {
    const now = new Date('2026-11-27T00:00:00.000Z');
    const oldClosed = await appeal('2020-03-01T09:00:00.000Z', 'closed');
    const oldOpen = await appeal('2020-03-01T09:00:00.000Z', 'in-progress');
    const recent = await appeal('2026-10-01T09:00:00.000Z', 'closed');

    expect(await anonymiseOldAppeals(payload, now, 1826)).toBe(1);
    const done = await read(oldClosed);
    expect(done).toMatchObject({ name: '—', email: null, phone: null, accountNumber: null, text: ANONYMISED_TEXT, answer: null });
    expect(done.consent.ip).toBeNull();
    expect(done.survey.comment).toBeNull();
    // Statistics stay.
    expect(done).toMatchObject({ type: 'question', status: 'closed', answerChannel: 'email', receivedAt: '2020-03-01T09:00:00.000Z' });
    expect(done.survey.rating).toBe(5);
    expect(done.answeredAt).toBeTruthy();

    expect((await read(oldOpen)).email).toBe('olga@example.ru');
    expect((await read(recent)).email).toBe('olga@example.ru');
    // Idempotent: the next night finds nothing new.
    expect(await anonymiseOldAppeals(payload, now, 1826)).toBe(0);
  });
});
