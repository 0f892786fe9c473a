import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from 'payload';
import { startMailSink, type RunningMailSink } from '@portal/mail-sink/mail-sink';
import { freePort } from '../../scripts/lib/free-port';
import { startTestCms, type TestCms } from './harness';

/*
 * The booking's letters end to end: confirmation with the code, the topic's documents, the address and a valid
 * .ics in the mail sink (real SMTP through the outbox); the reminder waits for the working day before at 10:00
 * Moscow time; cancelling withdraws the reminder and sends a cancellation.
 */
let cms: TestCms;
let payload: Payload;
let sink: RunningMailSink;
let mailDir: string;
let service: typeof import('../src/booking/service');
let outbox: typeof import('../src/appeals/outbox/outbox');

interface SinkMessage {
  id: string;
  subject: string;
  text: string;
  attachments: { filename?: string; contentType?: string }[];
}
const mailTo = async (address: string) => (await (await fetch(`${sink.webUrl}/api/messages?to=${encodeURIComponent(address)}`)).json()) as SinkMessage[];
const raw = async (id: string) => (await fetch(`${sink.webUrl}/messages/${encodeURIComponent(id)}/raw`)).text();
async function drain(now = new Date()) {
  for (let round = 0; round < 20; round++) if ((await outbox.dispatchOutbox(payload, now)).claimed === 0) break;
}

beforeAll(async () => {
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-booking-mail-'));
  const smtpPort = await freePort();
  sink = await startMailSink({ smtpPort, webPort: 0, dir: mailDir });
  cms = await startTestCms({ SEED_DEMO: 'off', SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, SITE_URL: 'https://energo.example' });
  payload = cms.payload;
  service = await import('../src/booking/service');
  outbox = await import('../src/appeals/outbox/outbox');
}, 240_000);

afterAll(async () => {
  await sink?.close();
  await cms?.close();
  fs.rmSync(mailDir, { recursive: true, force: true });
});

describe('booking letters', () => {
  it('confirms with the code, documents, address, a private link and an .ics; the reminder waits; cancelling withdraws it', async () => {
    const topic = await payload.create({ collection: 'topics', overrideAccess: true, data: { title: 'Договор', slug: 'dogovor-letters' } as never });
    const office = await payload.create({
      collection: 'offices',
      overrideAccess: true,
      data: {
        name: 'ЦОК «Письма»', slug: 'cok-pisma', kind: 'office', settlement: 'Тестовск', address: 'ул. Почтовая, 5', latitude: 55, longitude: 37,
        followsProductionCalendar: false,
        weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday: String(weekday), open: '09:00', close: '18:00' })),
        booking: { enabled: true, horizonDays: 14, topics: [{ topic: topic.id, slotMinutes: 30, desks: '1', documents: 'Паспорт и квитанция' }], closedDates: [] },
        _status: 'published',
      } as never,
    });
    // Three days ahead: the reminder (the working day before at 10:00) is still in the future.
    const slots = await service.freeSlots(payload, office.id, topic.id, '2000-01-01', '2100-01-01');
    const slot = slots.find((item) => item.date >= new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10))!;
    const to = `client-${crypto.randomUUID().slice(0, 8)}@example.ru`;
    const booked = await service.bookSlot(payload, { officeId: office.id, topicId: topic.id, start: `${slot.date}T${slot.start}`, name: 'Мария', email: to, consent: true, channel: 'site' });
    expect(booked.ok).toBe(true);
    if (!booked.ok) return;
    await drain();
    const [letter] = await mailTo(to);
    expect(letter?.subject).toContain(booked.booking.code);
    expect(letter?.text).toContain('Паспорт и квитанция');
    expect(letter?.text).toContain('ЦОК «Письма», ул. Почтовая, 5');
    expect(letter?.text).toContain(`https://energo.example/zapis/moya/?t=${booked.manageToken}`);
    expect(letter?.attachments.map((file) => file.filename)).toEqual(['zapis.ics']);
    const source = await raw(String(letter?.id));
    expect(source).toContain('text/calendar');

    const reminders = await payload.find({ collection: 'outgoing-letters', where: { purpose: { equals: 'booking-reminder' } }, overrideAccess: true, depth: 0 });
    expect(reminders.docs).toHaveLength(1);
    const reminder = reminders.docs[0] as unknown as { notBefore: string; state: string };
    // 10:00 Moscow = 07:00 UTC, before the visit's date.
    expect(new Date(reminder.notBefore).toISOString().slice(11, 16)).toBe('07:00');
    expect(new Date(reminder.notBefore).toISOString().slice(0, 10) < slot.date).toBe(true);
    expect(reminder.state).toBe('pending');

    expect((await service.cancelBooking(payload, { token: booked.manageToken })).ok).toBe(true);
    const after = (await payload.findByID({ collection: 'outgoing-letters', id: reminders.docs[0]!.id, overrideAccess: true })) as unknown as { state: string };
    expect(after.state).toBe('cancelled');
    await drain();
    const all = await mailTo(to);
    expect(all.map((item) => item.subject).some((subject) => subject.startsWith('Запись на') && subject.includes('отменена'))).toBe(true);
  }, 120_000);
});
