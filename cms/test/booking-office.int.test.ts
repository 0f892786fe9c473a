import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from 'payload';
import { startMailSink, type RunningMailSink } from '@portal/mail-sink/mail-sink';
import { addDays } from '@portal/core/iso-date';
import { toLocalIsoDate } from '@portal/core/time-zone';
import { bookSlot } from '../src/booking/service';
import { loadDayBookings } from '../src/booking/staff/day';
import { staffFreeSlots } from '../src/booking/staff/staff-booking';
import { canSeeBookingClients } from '../src/access/booking-staff';
import { freePort } from '../../scripts/lib/free-port';
import { createStaff, startTestCms, type TestCms } from './harness';
import { restApi } from './support/rest';
import { dispatchOutbox } from '../src/appeals/outbox/outbox';

/*
 * The office staff's side of booking a visit (issue 20): the day's list and who sees the clients, marking attendance,
 * booking for a caller, the clients a closed day affects and their one apology each, the report's figures. Real Payload
 * on SQLite, real REST through the CMS's guarded route, real SMTP to the mail sink.
 */

const CMS = 'https://cms.example.ru';
const PASSWORD = 'staff-password-1234';
let cms: TestCms;
let payload: Payload;
let sink: RunningMailSink;
let mailDir: string;
let rest: (request: Request) => Promise<Response>;
const cookies: Record<string, string> = {};
let officeId: number;
let contractTopic: number;
let paymentTopic: number;
let today: string;
let handlerId: number;

async function mailTo(address: string) {
  const response = await fetch(`${sink.webUrl}/api/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as { subject: string; text: string }[];
}

/** Sends every letter due now through the outbox, as the robot's dispatcher does every second. */
async function drainLetters() {
  for (let round = 0; round < 20; round++) if ((await dispatchOutbox(payload)).claimed === 0) break;
}

async function sessionCookie(email: string): Promise<string> {
  const response = await rest(new Request(`${CMS}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: CMS }, body: JSON.stringify({ email, password: PASSWORD }) }));
  expect(response.status, `login of ${email}`).toBe(200);
  return String(response.headers.getSetCookie().find((c) => c.startsWith('payload-token='))).split(';')[0] as string;
}

const call = (method: 'GET' | 'POST', url: string, who?: string, body?: unknown) =>
  rest(new Request(`${CMS}${url}`, { method, headers: { Origin: CMS, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...(who ? { Cookie: cookies[who]! } : {}) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }));

/** The weekdays of the office below: Mon–Fri 09:00–18:00, lunch 13:00–14:00. */
const WEEKLY = [1, 2, 3, 4, 5].map((weekday) => ({ weekday: String(weekday), open: '09:00', close: '18:00', breakStart: '13:00', breakEnd: '14:00' }));

/** A stored booking written as the service would (for days the service refuses to book: today, the past). */
async function storedBooking(data: { date: string; startTime: string; endTime: string; topic: number; state: string; code: string; desk?: number; email?: string }) {
  return (await payload.create({
    collection: 'bookings',
    overrideAccess: true,
    context: { internal: true },
    data: {
      code: data.code,
      office: officeId,
      topic: data.topic,
      date: data.date,
      startTime: data.startTime,
      endTime: data.endTime,
      desk: data.desk ?? 1,
      startsAt: new Date(`${data.date}T${data.startTime}:00+03:00`).toISOString(),
      state: data.state,
      channel: 'site',
      name: 'Клиент Тестовый',
      phone: '+79990000000',
      email: data.email ?? null,
      contactKeys: [],
      moves: 0,
    } as never,
  })) as unknown as { id: number };
}

/** Replaces the office's dates without bookings, keeping the rest of its booking settings. */
async function setClosedDates(closedDates: { date: string; note?: string }[]) {
  const office = (await payload.findByID({ collection: 'offices', id: officeId, overrideAccess: true, depth: 0 })) as { booking: Record<string, unknown> & { topics?: Record<string, unknown>[] } };
  const topics = (office.booking.topics ?? []).map(({ id: _id, ...row }) => row);
  await payload.update({ collection: 'offices', id: officeId, overrideAccess: true, data: { booking: { ...office.booking, topics, closedDates } } as never });
}

/** The first working day (Mon–Fri, not a holiday) from `from` on within the next three weeks that has free slots. */
async function nextOpenDay(from: string): Promise<string> {
  for (let date = from, n = 0; n < 21; date = addDays(date, 1), n++) {
    const response = await call('GET', `/api/booking-staff/slots?office=${officeId}&topic=${contractTopic}&date=${date}`, 'handler');
    const body = (await response.json()) as { slots: unknown[] };
    if (body.slots.length > 0) return date;
  }
  throw new Error('no open day in three weeks');
}

beforeAll(async () => {
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-booking-office-mail-'));
  const smtpPort = await freePort();
  sink = await startMailSink({ smtpPort, webPort: 0, dir: mailDir });
  cms = await startTestCms({ CMS_PUBLIC_URL: CMS, SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, SITE_URL: 'https://energo.example.ru' });
  payload = cms.payload;
  rest = restApi(cms, CMS);
  contractTopic = ((await payload.create({ collection: 'topics', overrideAccess: true, data: { title: 'Заключение договора', slug: 'dogovor' } as never })) as { id: number }).id;
  paymentTopic = ((await payload.create({ collection: 'topics', overrideAccess: true, data: { title: 'Оплата и задолженность', slug: 'oplata' } as never })) as { id: number }).id;
  const office = await payload.create({
    collection: 'offices',
    overrideAccess: true,
    data: {
      name: 'Центральный офис',
      slug: 'centralnyj',
      kind: 'office',
      settlement: 'Ясноборск',
      address: 'ул. Ленина, 1',
      latitude: 55,
      longitude: 37,
      weekly: WEEKLY,
      followsProductionCalendar: true,
      _status: 'published',
      booking: {
        enabled: true,
        horizonDays: 14,
        topics: [
          { topic: contractTopic, slotMinutes: 30, desks: '1, 2', documents: 'Паспорт и документ на помещение' },
          { topic: paymentTopic, slotMinutes: 15, desks: '2' },
        ],
      },
    } as never,
  });
  officeId = (office as { id: number }).id;
  const handler = (await createStaff(payload, 'office.handler@example-energo.ru', ['handler'])) as { id: number };
  handlerId = handler.id;
  await createStaff(payload, 'office.editor@example-energo.ru', ['editor']);
  await createStaff(payload, 'office.manager@example-energo.ru', ['manager']);
  for (const who of ['handler', 'editor', 'manager']) cookies[who] = await sessionCookie(`office.${who}@example-energo.ru`);
  today = toLocalIsoDate(new Date(), 'Europe/Moscow');
}, 180_000);

afterAll(async () => {
  delete process.env.CMS_PUBLIC_URL;
  await sink?.close();
  await cms?.close();
  if (mailDir) fs.rmSync(mailDir, { recursive: true, force: true });
});

describe('who sees and does what on the staff side of bookings', () => {
  it('anonymous requests get nothing: no bookings, no slots, no booking, no marks, no affected list, no report', async () => {
    expect((await call('GET', '/api/bookings')).status).toBe(403);
    expect((await call('GET', `/api/booking-staff/slots?office=${officeId}&topic=${contractTopic}`)).status).toBe(403);
    expect((await call('POST', '/api/booking-staff/book', undefined, {})).status).toBe(403);
    expect((await call('POST', '/api/booking-staff/attendance/1', undefined, { state: 'attended' })).status).toBe(403);
    expect((await call('GET', `/api/booking-staff/affected?office=${officeId}`)).status).toBe(403);
    expect((await call('POST', '/api/booking-staff/notify', undefined, { office: officeId })).status).toBe(403);
    expect((await call('GET', `/api/bookings-report?from=${today}&to=${today}`)).status).toBe(403);
  });

  it('an editor reads no client data: not the bookings, and the affected list without names or contacts; cannot book or mark', async () => {
    const booking = await storedBooking({ date: addDays(today, 20), startTime: '09:00', endTime: '09:30', topic: contractTopic, state: 'booked', code: 'З-EDTR22', email: 'editor.must.not.see@example.ru' });
    // Day 20 is beyond the 14-day horizon but a booking held there stays open; close that date to make it affected.
    await setClosedDates([{ date: addDays(today, 20), note: 'инвентаризация' }]);
    expect((await call('GET', '/api/bookings', 'editor')).status).toBe(403);
    expect((await call('GET', `/api/bookings/${booking.id}`, 'editor')).status).toBe(403);
    const affected = await call('GET', `/api/booking-staff/affected?office=${officeId}`, 'editor');
    expect(affected.status).toBe(200);
    const text = await affected.text();
    expect(text).toContain('З-EDTR22');
    expect(text).not.toContain('editor.must.not.see');
    expect(text).not.toContain('Клиент Тестовый');
    expect(text).not.toContain('+7999');
    expect((await call('POST', '/api/booking-staff/book', 'editor', {})).status).toBe(403);
    expect((await call('POST', `/api/booking-staff/attendance/${booking.id}`, 'editor', { state: 'attended' })).status).toBe(403);
    expect((await call('GET', `/api/bookings-report?from=${today}&to=${today}`, 'editor')).status).toBe(403);
    await setClosedDates([]);
    await payload.delete({ collection: 'bookings', id: booking.id, overrideAccess: true });
  });

  it('a manager reads the report but no bookings and no affected clients', async () => {
    expect((await call('GET', `/api/bookings-report?from=${today}&to=${today}`, 'manager')).status).toBe(200);
    expect((await call('GET', '/api/bookings', 'manager')).status).toBe(403);
    expect((await call('GET', `/api/booking-staff/affected?office=${officeId}`, 'manager')).status).toBe(403);
    expect((await call('POST', '/api/booking-staff/book', 'manager', {})).status).toBe(403);
  });

  it('the day view shows clients’ names and contacts to handlers and administrators only', async () => {
    const booking = await storedBooking({ date: today, startTime: '09:00', endTime: '09:30', topic: contractTopic, state: 'booked', code: 'З-DAY222', email: 'day.client@example.ru' });
    expect(canSeeBookingClients(['handler'])).toBe(true);
    expect(canSeeBookingClients(['admin'])).toBe(true);
    expect(canSeeBookingClients(['editor'])).toBe(false);
    expect(canSeeBookingClients(['manager'])).toBe(false);
    const withClients = await loadDayBookings(payload, officeId, today, true);
    expect(withClients).toEqual([expect.objectContaining({ code: 'З-DAY222', startTime: '09:00', topic: 'Заключение договора', documents: 'Паспорт и документ на помещение', client: { name: 'Клиент Тестовый', phone: '+79990000000', email: 'day.client@example.ru' } })]);
    const withoutClients = await loadDayBookings(payload, officeId, today, false);
    expect(JSON.stringify(withoutClients)).not.toMatch(/Клиент Тестовый|day\.client|\+7999/);
    await payload.delete({ collection: 'bookings', id: booking.id, overrideAccess: true });
  });
});

describe('marking «пришёл / не пришёл»', () => {
  it('a handler marks today’s visit, the mark is stored and the audit log has the state before and after', async () => {
    const booking = await storedBooking({ date: today, startTime: '10:00', endTime: '10:30', topic: contractTopic, state: 'booked', code: 'З-MARK22' });
    const response = await call('POST', `/api/booking-staff/attendance/${booking.id}`, 'handler', { state: 'no-show' });
    expect(response.status).toBe(200);
    const stored = (await payload.findByID({ collection: 'bookings', id: booking.id, overrideAccess: true })) as { state: string };
    expect(stored.state).toBe('no-show');
    const audit = await payload.find({ collection: 'audit-log', where: { and: [{ target: { equals: 'bookings' } }, { documentId: { equals: String(booking.id) } }] }, overrideAccess: true });
    expect(audit.docs).toEqual([expect.objectContaining({ action: 'update', userEmail: 'office.handler@example-energo.ru', changes: [{ field: 'state', before: 'booked', after: 'no-show' }] })]);
    // A wrong mark is taken back.
    expect((await call('POST', `/api/booking-staff/attendance/${booking.id}`, 'handler', { state: 'booked' })).status).toBe(200);
    expect(((await payload.findByID({ collection: 'bookings', id: booking.id, overrideAccess: true })) as { state: string }).state).toBe('booked');
    await payload.delete({ collection: 'bookings', id: booking.id, overrideAccess: true });
  });

  it('a visit still ahead cannot be marked missed, a cancelled one not at all', async () => {
    const ahead = await storedBooking({ date: addDays(today, 3), startTime: '10:00', endTime: '10:30', topic: contractTopic, state: 'booked', code: 'З-AHEAD2' });
    const ahead409 = await call('POST', `/api/booking-staff/attendance/${ahead.id}`, 'handler', { state: 'no-show' });
    expect(ahead409.status).toBe(409);
    expect(((await ahead409.json()) as { message: string }).message).toContain('ещё не наступил');
    const cancelled = await storedBooking({ date: today, startTime: '11:00', endTime: '11:30', topic: contractTopic, state: 'cancelled', code: 'З-CNCL22' });
    expect((await call('POST', `/api/booking-staff/attendance/${cancelled.id}`, 'handler', { state: 'attended' })).status).toBe(409);
    expect((await call('POST', `/api/booking-staff/attendance/${ahead.id}`, 'handler', { state: 'maybe' })).status).toBe(400);
    for (const id of [ahead.id, cancelled.id]) await payload.delete({ collection: 'bookings', id, overrideAccess: true });
  });
});

describe('booking for a client who calls', () => {
  it('a handler books a free time by phone: the booking names the channel and the staff member, the client gets the confirmation', async () => {
    const day = await nextOpenDay(addDays(today, 1));
    const response = await call('POST', '/api/booking-staff/book', 'handler', { office: String(officeId), topic: String(paymentTopic), start: `${day}T09:15`, channel: 'phone', name: 'Пётр Звонарёв', phone: '8 912 345-67-89', email: 'petr.caller@example.ru', consent: 'given' });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: number; code: string; letter: boolean };
    expect(body.code).toMatch(/^З-[2-9A-Z]{6}$/);
    expect(body.letter).toBe(true);
    const stored = (await payload.findByID({ collection: 'bookings', id: body.id, overrideAccess: true, depth: 0 })) as unknown as Record<string, unknown>;
    expect(stored).toMatchObject({ channel: 'phone', staffUser: handlerId, date: day, startTime: '09:15', endTime: '09:30', desk: 2, phone: '+79123456789' });
    await drainLetters();
    const letters = await mailTo('petr.caller@example.ru');
    expect(letters).toHaveLength(1);
    expect(letters[0]!.text).toContain(body.code);
    // The same desk-2 time for another caller: taken.
    const again = await call('POST', '/api/booking-staff/book', 'handler', { office: String(officeId), topic: String(paymentTopic), start: `${day}T09:15`, channel: 'office', name: 'Анна Вторая', phone: '+7 912 000-00-01', consent: 'given' });
    expect(again.status).toBe(409);
  });

  it('without the client’s consent or any contact nothing is booked', async () => {
    const day = await nextOpenDay(addDays(today, 1));
    const response = await call('POST', '/api/booking-staff/book', 'handler', { office: String(officeId), topic: String(contractTopic), start: `${day}T11:00`, channel: 'phone', name: 'Без Согласия' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Record<string, string> };
    expect(Object.keys(body.errors).sort()).toEqual(['consent', 'phone']);
    expect((await payload.count({ collection: 'bookings', where: { name: { equals: 'Без Согласия' } }, overrideAccess: true })).totalDocs).toBe(0);
  });
});

describe('closing a day that already has bookings', () => {
  it('lists exactly that day’s clients, sends one apology each and nothing on a second press', async () => {
    // Days after the caller's booking above (within the first week), so only this test's bookings are on them.
    const day = await nextOpenDay(addDays(today, 8));
    const other = await nextOpenDay(addDays(day, 1));
    const book = async (date: string, time: string, topic: number, name: string, email?: string) => {
      const outcome = await bookSlot(payload, { officeId, topicId: topic, start: `${date}T${time}`, name, phone: '+79120000000', email, consent: true, channel: 'site' }, { contactLimit: 100 });
      if (!outcome.ok) throw new Error(outcome.message);
      return outcome.booking;
    };
    const anna = await book(day, '09:00', contractTopic, 'Анна Закрытова', 'anna.closed@example.ru');
    const boris = await book(day, '15:00', contractTopic, 'Борис Закрытов', 'boris.closed@example.ru');
    const vera = await book(day, '10:00', paymentTopic, 'Вера Безпочты');
    const kept = await book(other, '09:00', contractTopic, 'Глеб Другойдень', 'gleb.kept@example.ru');
    await drainLetters();
    const before = { anna: (await mailTo('anna.closed@example.ru')).length, boris: (await mailTo('boris.closed@example.ru')).length, gleb: (await mailTo('gleb.kept@example.ru')).length };

    // The editor closes the day with an exception («ремонт»).
    const office = (await payload.findByID({ collection: 'offices', id: officeId, overrideAccess: true, depth: 0 })) as { exceptions?: unknown[] };
    const saved = await rest(new Request(`${CMS}/api/offices/${officeId}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json', Origin: CMS, Cookie: cookies.editor! }, body: JSON.stringify({ exceptions: [...(office.exceptions ?? []), { date: day, closed: true, note: 'ремонт' }] }) }));
    expect(saved.status).toBe(200);

    const listed = (await (await call('GET', `/api/booking-staff/affected?office=${officeId}`, 'handler')).json()) as { bookings: { code: string; why: { reason: string } }[] };
    expect(listed.bookings.map((booking) => booking.code).sort()).toEqual([anna.code, boris.code, vera.code].sort());
    expect(listed.bookings[0]!.why.reason).toBe('в этот день офис закрыт (ремонт)');

    const first = await call('POST', '/api/booking-staff/notify', 'editor', { office: officeId });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ sent: 2, alreadySent: 0, withoutEmail: 1 });
    await drainLetters();
    const second = await call('POST', '/api/booking-staff/notify', 'editor', { office: officeId });
    expect(((await second.json()) as { sent: number }).sent).toBe(0);
    // A crash after Anna's letter was queued but before her booking was cancelled: the next press finds her again,
    // and her letter's key is already in the outbox.
    await payload.update({ collection: 'bookings', id: anna.id, overrideAccess: true, context: { internal: true }, data: { state: 'booked' } as never });
    const retry = await call('POST', '/api/booking-staff/notify', 'handler', { office: officeId });
    expect(await retry.json()).toEqual({ sent: 0, alreadySent: 1, withoutEmail: 1 });
    await drainLetters();

    const annaLetters = await mailTo('anna.closed@example.ru');
    const borisLetters = await mailTo('boris.closed@example.ru');
    expect(annaLetters.length - before.anna).toBe(1);
    expect(borisLetters.length - before.boris).toBe(1);
    const apology = annaLetters.find((letter) => letter.subject.includes('не состоится'));
    expect(apology?.text).toContain('в этот день офис закрыт (ремонт)');
    expect(apology?.text).toContain('https://energo.example.ru/zapis/?office=centralnyj');
    expect(borisLetters.filter((letter) => letter.subject.includes('не состоится'))).toHaveLength(1);
    expect((await mailTo('gleb.kept@example.ru')).length).toBe(before.gleb);
    const state = async (id: number | string) => ((await payload.findByID({ collection: 'bookings', id, overrideAccess: true })) as { state: string }).state;
    expect(await state(anna.id)).toBe('cancelled');
    expect(await state(boris.id)).toBe('cancelled');
    // No e-mail: still listed, for a phone call.
    expect(await state(vera.id)).toBe('booked');
    expect(await state(kept.id)).toBe('booked');
  });
});

describe('the bookings report', () => {
  it('counts bookings, no-shows and utilisation from hand-made data for 16–20 November 2026', async () => {
    // Mon 16 – Fri 20 Nov 2026, all working days; the office takes no bookings on Wed 18 → 4 days of 480 open minutes.
    // Desks 1 and 2 → 3,840 offered; «Заключение договора» (30 min, desks 1, 2): 3,840; «Оплата» (15 min, desk 2): 1,920.
    await setClosedDates([{ date: '2026-11-18' }]);
    const made = [
      await storedBooking({ date: '2026-11-16', startTime: '09:00', endTime: '09:30', topic: contractTopic, state: 'attended', code: 'З-REP222' }),
      await storedBooking({ date: '2026-11-17', startTime: '09:00', endTime: '09:30', topic: contractTopic, state: 'no-show', code: 'З-REP223' }),
      await storedBooking({ date: '2026-11-19', startTime: '09:00', endTime: '09:30', topic: contractTopic, state: 'cancelled', code: 'З-REP224' }),
      await storedBooking({ date: '2026-11-20', startTime: '10:00', endTime: '10:15', topic: paymentTopic, state: 'attended', code: 'З-REP225', desk: 2 }),
      // Outside the period: not counted.
      await storedBooking({ date: '2026-11-23', startTime: '10:00', endTime: '10:15', topic: paymentTopic, state: 'attended', code: 'З-REP226', desk: 2 }),
    ];
    const response = await call('GET', '/api/bookings-report?from=2026-11-16&to=2026-11-20', 'manager');
    const report = (await response.json()) as { offices: { office: string; bookings: number; attended: number; noShows: number; cancelled: number; bookedMinutes: number; offeredMinutes: number; topics: { topic: string; bookedMinutes: number; offeredMinutes: number }[] }[] };
    expect(report.offices).toHaveLength(1);
    expect(report.offices[0]).toMatchObject({ office: 'Центральный офис', bookings: 3, attended: 2, noShows: 1, cancelled: 1, bookedMinutes: 75, offeredMinutes: 3840 });
    expect(report.offices[0]!.topics.map((topic) => [topic.topic, topic.bookedMinutes, topic.offeredMinutes])).toEqual([
      ['Заключение договора', 60, 3840],
      ['Оплата и задолженность', 15, 1920],
    ]);
    const csv = await (await call('GET', '/api/bookings-report?from=2026-11-16&to=2026-11-20&format=csv', 'manager')).text();
    // No-shows 1 of 3 marked = 33,3 %; utilisation 75 / 3,840 = 1.95 % → 2,0.
    expect(csv.split('\r\n')).toContain('Центральный офис;все темы;3;2;1;1;33,3;75;3840;2,0');
    for (const booking of made) await payload.delete({ collection: 'bookings', id: booking.id, overrideAccess: true });
  });
});

describe('booking a caller for later today, and the audit entries of bookings', () => {
  it('staff are offered the day’s times still ahead for a caller, never those already past (11:10 → from 11:30)', async () => {
    const day = await nextOpenDay(addDays(today, 1));
    // «Now» is 11:10 Moscow time on that working day: the 30-minute slots run 09:00, 09:30 … from opening; 11:00 has begun.
    const outcome = await staffFreeSlots(payload, { office: String(officeId), topic: String(contractTopic), date: day }, new Date(`${day}T11:10:00+03:00`));
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.slots[0]).toEqual({ date: day, start: '11:30', end: '12:00' });
    expect(outcome.slots.every((slot) => slot.start >= '11:30')).toBe(true);
  });

  it('handlers read the audit entries of bookings (marks, staff bookings); editors and managers do not', async () => {
    const booking = await storedBooking({ date: today, startTime: '12:00', endTime: '12:30', topic: contractTopic, state: 'booked', code: 'З-AUDT22' });
    expect((await call('POST', `/api/booking-staff/attendance/${booking.id}`, 'handler', { state: 'attended' })).status).toBe(200);
    const query = `/api/audit-log?where[target][equals]=bookings&where[documentId][equals]=${booking.id}`;
    const read = async (who: string) => {
      const response = await call('GET', query, who);
      return { status: response.status, summaries: (((await response.json()) as { docs?: { summary: string }[] }).docs ?? []).map((doc) => doc.summary) };
    };
    expect(await read('handler')).toEqual({ status: 200, summaries: ['Запись З-AUDT22: Пришёл'] });
    expect(await read('editor')).toEqual({ status: 200, summaries: [] });
    expect((await read('manager')).summaries).toEqual([]);
    await payload.delete({ collection: 'bookings', id: booking.id, overrideAccess: true });
  });
});
