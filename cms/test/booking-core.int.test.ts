import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from 'payload';
import { databaseTargets } from './database-targets';
import { startTestCms, type TestCms } from './harness';

/*
 * Booking a visit (issue 20) against a real Payload on each engine: SQLite always, MongoDB when MONGODB_TEST_URL is
 * set. The claim is the database's unique index, so 50 concurrent requests for the last free time let exactly one in.
 */

const targets = databaseTargets();

describe.skipIf(targets.some((target) => target.name === 'MongoDB'))('booking on MongoDB', () => {
  it.skip('runs when MONGODB_TEST_URL points at a MongoDB replica set (not set here)', () => undefined);
});

type Service = typeof import('../src/booking/service');

/** An office open every day 09:00–18:00 without lunch (so any date of the horizon has slots), calendar ignored. */
async function makeOffice(payload: Payload, topicId: number | string, desks: string, slotMinutes = 30) {
  const office = await payload.create({
    collection: 'offices',
    overrideAccess: true,
    data: {
      name: 'ЦОК «Тестовый»',
      slug: `test-office-${Math.random().toString(36).slice(2, 8)}`,
      kind: 'office',
      settlement: 'Тестовск',
      address: 'ул. Проверочная, 1',
      latitude: 55,
      longitude: 37,
      followsProductionCalendar: false,
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday: String(weekday), open: '09:00', close: '18:00' })),
      booking: { enabled: true, horizonDays: 14, topics: [{ topic: topicId, slotMinutes, desks, documents: 'Паспорт' }], closedDates: [] },
      _status: 'published',
    } as never,
  });
  return office.id;
}

for (const target of targets) {
  describe(`booking on ${target.name}`, () => {
    let cms: TestCms;
    let payload: Payload;
    let service: Service;
    let topicId: number | string;
    let n = 0;
    const client = (fields: Record<string, unknown> = {}) => {
      n += 1;
      return { name: 'Анна Петрова', phone: `+7900${String(1_000_000 + n).slice(1)}`, consent: true, channel: 'site' as const, ...fields };
    };

    beforeAll(async () => {
      cms = await startTestCms({}, target);
      payload = cms.payload;
      service = await import('../src/booking/service');
      const topic = await payload.create({ collection: 'topics', overrideAccess: true, data: { title: 'Переоформление договора', slug: `dogovor-${Date.now()}` } as never });
      topicId = topic.id;
    }, 120_000);
    afterAll(async () => cms?.close());

    it('50 concurrent bookings of the last free time at a one-desk office: exactly one succeeds, 49 hear «Это время уже заняли»', async () => {
      const officeId = await makeOffice(payload, topicId, '1');
      const [slot] = await service.freeSlots(payload, officeId, topicId, '2000-01-01', '2100-01-01');
      expect(slot).toBeDefined();
      const start = `${slot!.date}T${slot!.start}`;
      const outcomes = await Promise.all(Array.from({ length: 50 }, () => service.bookSlot(payload, { officeId, topicId, start, ...client() })));
      const won = outcomes.filter((outcome) => outcome.ok);
      expect(won).toHaveLength(1);
      const lost = outcomes.filter((outcome) => !outcome.ok);
      expect(lost.map((outcome) => (outcome.ok ? '' : outcome.message))).toEqual(Array(49).fill('Это время уже заняли, выберите другое'));
      const stored = await payload.find({ collection: 'bookings', where: { office: { equals: officeId } }, overrideAccess: true, limit: 100 });
      expect(stored.totalDocs).toBe(1);
      const after = await service.freeSlots(payload, officeId, topicId, slot!.date, slot!.date);
      expect(after.find((item) => item.start === slot!.start)).toBeUndefined();
    }, 120_000);

    it('two desks serve the topic: of 50 concurrent requests for one time, exactly two succeed, at different desks', async () => {
      const officeId = await makeOffice(payload, topicId, '1, 2');
      const [slot] = await service.freeSlots(payload, officeId, topicId, '2000-01-01', '2100-01-01');
      const start = `${slot!.date}T${slot!.start}`;
      const outcomes = await Promise.all(Array.from({ length: 50 }, () => service.bookSlot(payload, { officeId, topicId, start, ...client() })));
      const desks = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.booking.desk] : []));
      expect(desks.sort()).toEqual([1, 2]);
    }, 120_000);

    it('cancelling frees the time: the slot is offered again and someone else can take it', async () => {
      const officeId = await makeOffice(payload, topicId, '1');
      const [slot] = await service.freeSlots(payload, officeId, topicId, '2000-01-01', '2100-01-01');
      const start = `${slot!.date}T${slot!.start}`;
      const first = await service.bookSlot(payload, { officeId, topicId, start, ...client() });
      expect(first.ok).toBe(true);
      expect((await service.bookSlot(payload, { officeId, topicId, start, ...client() })).ok).toBe(false);
      if (!first.ok) return;
      const cancelled = await service.cancelBooking(payload, { token: first.manageToken });
      expect(cancelled.ok).toBe(true);
      // A second cancel by the same link finds nothing open.
      expect((await service.cancelBooking(payload, { token: first.manageToken })).ok).toBe(false);
      const again = await service.freeSlots(payload, officeId, topicId, slot!.date, slot!.date);
      expect(again[0]?.start).toBe(slot!.start);
      expect((await service.bookSlot(payload, { officeId, topicId, start, ...client() })).ok).toBe(true);
    }, 120_000);

    it('moving onto a taken time leaves the booking where it was; moving to a free time frees the old one', async () => {
      const officeId = await makeOffice(payload, topicId, '1');
      const [s1, s2, s3] = await service.freeSlots(payload, officeId, topicId, '2000-01-01', '2100-01-01');
      const a = await service.bookSlot(payload, { officeId, topicId, start: `${s1!.date}T${s1!.start}`, ...client() });
      const b = await service.bookSlot(payload, { officeId, topicId, start: `${s2!.date}T${s2!.start}`, ...client() });
      expect(a.ok && b.ok).toBe(true);
      if (!a.ok) return;
      const refused = await service.moveBooking(payload, { token: a.manageToken }, `${s2!.date}T${s2!.start}`);
      expect(refused).toMatchObject({ ok: false, reason: 'taken' });
      const still = await payload.findByID({ collection: 'bookings', id: a.booking.id, overrideAccess: true });
      expect(still).toMatchObject({ startTime: s1!.start, state: 'booked' });
      let free = (await service.freeSlots(payload, officeId, topicId, s1!.date, s1!.date)).map((slot) => slot.start);
      expect(free).not.toContain(s1!.start);

      const moved = await service.moveBooking(payload, { token: a.manageToken }, `${s3!.date}T${s3!.start}`);
      expect(moved.ok).toBe(true);
      free = (await service.freeSlots(payload, officeId, topicId, s1!.date, s1!.date)).map((slot) => slot.start);
      expect(free).toContain(s1!.start);
      expect(free).not.toContain(s3!.start);
      expect(await payload.findByID({ collection: 'bookings', id: a.booking.id, overrideAccess: true })).toMatchObject({ startTime: s3!.start, moves: 1 });
    }, 120_000);

    it('one contact holds at most two open bookings from the site; staff booking for a caller is not limited', async () => {
      const officeId = await makeOffice(payload, topicId, '1');
      const slots = await service.freeSlots(payload, officeId, topicId, '2000-01-01', '2100-01-01');
      const same = { name: 'Иван Иванов', email: 'Ivan@Example.ru', phone: undefined, consent: true, channel: 'site' as const };
      const book = (i: number, extra: Record<string, unknown> = {}) => service.bookSlot(payload, { officeId, topicId, start: `${slots[i]!.date}T${slots[i]!.start}`, ...same, ...extra });
      expect((await book(0)).ok).toBe(true);
      expect((await book(1, { email: 'ivan@example.ru' })).ok).toBe(true);
      expect(await book(2)).toMatchObject({ ok: false, reason: 'limit' });
      expect((await book(3, { channel: 'phone' })).ok).toBe(true);
    }, 120_000);

    it('10 concurrent bookings for one e-mail at ten different free times: exactly two succeed, eight hear the limit', async () => {
      const officeId = await makeOffice(payload, topicId, '1');
      const slots = (await service.freeSlots(payload, officeId, topicId, '2000-01-01', '2100-01-01')).slice(0, 10);
      expect(slots).toHaveLength(10);
      const email = `rush-${target.name}@example.ru`;
      const outcomes = await Promise.all(slots.map((slot, i) => service.bookSlot(payload, { officeId, topicId, start: `${slot.date}T${slot.start}`, name: 'Олег Быстров', email: i % 2 ? email.toUpperCase() : email, consent: true, channel: 'site' })));
      expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(2);
      expect(outcomes.filter((outcome) => !outcome.ok).map((outcome) => (outcome.ok ? '' : outcome.reason))).toEqual(Array(8).fill('limit'));
      const stored = await payload.count({ collection: 'bookings', where: { and: [{ office: { equals: officeId } }, { state: { equals: 'booked' } }] }, overrideAccess: true });
      expect(stored.totalDocs).toBe(2);
    }, 120_000);

    it('a place under the contact limit is freed by cancelling and by the visit being marked, and kept by a move', async () => {
      const officeId = await makeOffice(payload, topicId, '1');
      const slots = await service.freeSlots(payload, officeId, topicId, '2000-01-01', '2100-01-01');
      const email = `places-${target.name}@example.ru`;
      const book = (i: number) => service.bookSlot(payload, { officeId, topicId, start: `${slots[i]!.date}T${slots[i]!.start}`, name: 'Мария Лимитова', email, consent: true, channel: 'site' });
      const a = await book(0);
      const b = await book(1);
      if (!a.ok || !b.ok) throw new Error('the first two bookings must succeed');
      expect(await book(2)).toMatchObject({ ok: false, reason: 'limit' });
      // A move keeps the booking open: still two.
      expect((await service.moveBooking(payload, { id: b.booking.id }, `${slots[3]!.date}T${slots[3]!.start}`)).ok).toBe(true);
      expect(await book(2)).toMatchObject({ ok: false, reason: 'limit' });
      expect((await service.cancelBooking(payload, { id: a.booking.id })).ok).toBe(true);
      const c = await book(2);
      expect(c.ok).toBe(true);
      // The visit marked (here «пришёл») is no longer open: its place is free again.
      await payload.update({ collection: 'bookings', id: b.booking.id, data: { state: 'attended' } as never, overrideAccess: true, context: { internal: true } });
      expect((await book(4)).ok).toBe(true);
      expect(await book(5)).toMatchObject({ ok: false, reason: 'limit' });
    }, 120_000);

    it('an edit of the office counts for the very next request, though booking keeps its reads for a few seconds', async () => {
      const officeId = await makeOffice(payload, topicId, '1');
      const [slot] = await service.freeSlots(payload, officeId, topicId, '2000-01-01', '2100-01-01');
      const office = (await payload.findByID({ collection: 'offices', id: officeId, overrideAccess: true, depth: 0 })) as unknown as { booking: Record<string, unknown> & { topics: Record<string, unknown>[] } };
      const topics = office.booking.topics.map(({ id: _id, ...row }) => row);
      await payload.update({ collection: 'offices', id: officeId, overrideAccess: true, data: { booking: { ...office.booking, topics, closedDates: [{ date: slot!.date }] } } as never });
      expect(await service.freeSlots(payload, officeId, topicId, slot!.date, slot!.date)).toEqual([]);
      expect(await service.bookSlot(payload, { officeId, topicId, start: `${slot!.date}T${slot!.start}`, ...client() })).toMatchObject({ ok: false, reason: 'not-bookable' });
      await payload.update({ collection: 'offices', id: officeId, overrideAccess: true, data: { booking: { ...office.booking, topics, closedDates: [] } } as never });
      expect((await service.bookSlot(payload, { officeId, topicId, start: `${slot!.date}T${slot!.start}`, ...client() })).ok).toBe(true);
    }, 120_000);

    it('refuses a time not on the grid, today, beyond the horizon, or a topic the office does not offer', async () => {
      const officeId = await makeOffice(payload, topicId, '1');
      const [slot] = await service.freeSlots(payload, officeId, topicId, '2000-01-01', '2100-01-01');
      const offGrid = `${slot!.date}T09:10`;
      expect(await service.bookSlot(payload, { officeId, topicId, start: offGrid, ...client() })).toMatchObject({ ok: false, reason: 'not-bookable' });
      const far = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      expect(await service.bookSlot(payload, { officeId, topicId, start: `${far}T09:00`, ...client() })).toMatchObject({ ok: false, reason: 'not-bookable' });
      const other = await payload.create({ collection: 'topics', overrideAccess: true, data: { title: 'Другое', slug: `drugoe-${Date.now()}` } as never });
      expect(await service.bookSlot(payload, { officeId, topicId: other.id, start: `${slot!.date}T${slot!.start}`, ...client() })).toMatchObject({ ok: false, reason: 'not-bookable' });
    }, 120_000);
  });
}

describe('time no booking holds', () => {
  let cms: TestCms;
  beforeAll(async () => {
    cms = await startTestCms();
  }, 120_000);
  afterAll(async () => cms?.close());

  it('claims without a booking row (a crash between claim and row) are given back after ten minutes, not before', async () => {
    const { payload } = cms;
    const { storeOf } = await import('../src/store');
    const { sweepOrphanClaims } = await import('../src/booking/sweep');
    const claimedAt = new Date('2026-12-07T10:00:00Z');
    const cell = { office: '1', desk: 1, date: '2026-12-10', time: '10:00', booking: 'З-ORPHAN', holder: 'З-ORPHAN@2026-12-10T10:00' };
    expect(await storeOf(payload).claimCells([cell], claimedAt)).toBe(true);
    expect(await sweepOrphanClaims(payload, new Date('2026-12-07T10:05:00Z'))).toBe(0);
    expect(await storeOf(payload).claimedCells('1', '2026-12-10', '2026-12-10')).toHaveLength(1);
    expect(await sweepOrphanClaims(payload, new Date('2026-12-07T10:11:00Z'))).toBe(1);
    expect(await storeOf(payload).claimedCells('1', '2026-12-10', '2026-12-10')).toHaveLength(0);
  }, 60_000);
});
