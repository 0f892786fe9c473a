import type { Payload } from 'payload';
import { addDays } from '@portal/core/iso-date';
import { toLocalDateTime } from '@portal/core/time-zone';
import type { BookingRequest } from '@portal/core/booking/request';
import type { PublicBooking, PublicDay, PublicOffice } from '@portal/core/booking/public-api';
import { robotSettings } from '../appeals/settings/settings-cache';
import { COLLECTIONS } from '../slugs';
import { cachedBookingOffice, cachedOfficeIdBySlug } from './office-cache';
import { bookSlot, type BookSlotOptions, cancelBooking, findBookingByToken, freeSlots, moveBooking, type StoredBooking } from './service';
import { listBookingOffices } from './settings';

/**
 * What the public booking steps read and do, by slugs (ids stay inside): the offices taking bookings with their
 * topics, a topic's free times, booking, and the private page's booking (cancel, move).
 */


async function topicsById(payload: Payload, ids: string[]): Promise<Map<string, { slug: string; title: string }>> {
  if (ids.length === 0) return new Map();
  const found = await payload.find({ collection: COLLECTIONS.topics, where: { id: { in: ids } }, depth: 0, limit: ids.length, pagination: false, overrideAccess: true });
  return new Map((found.docs as unknown as { id: number | string; slug: string; title: string }[]).map((doc) => [String(doc.id), { slug: doc.slug, title: doc.title }]));
}

/** Offices taking bookings, each with the topics it offers (in the office's order). */
export async function publicOffices(payload: Payload): Promise<PublicOffice[]> {
  const offices = await listBookingOffices(payload);
  const topics = await topicsById(payload, [...new Set(offices.flatMap((office) => office.settings.topics.map((topic) => topic.topicId)))]);
  return offices.map((office) => ({
    slug: office.slug,
    name: office.name,
    settlement: office.settlement,
    address: office.address,
    topics: office.settings.topics.flatMap((topic) => {
      const known = topics.get(topic.topicId);
      return known ? [{ ...known, minutes: topic.slotMinutes }] : [];
    }),
  }));
}

/** Ids of an office and a topic by slug, through the per-process caches (office-cache.ts, the robot's settings). */
async function idsOf(payload: Payload, officeSlug: string, topicSlug: string): Promise<{ officeId: string; topicId: string } | null> {
  const [officeId, settings] = await Promise.all([cachedOfficeIdBySlug(payload, officeSlug), robotSettings(payload)]);
  const topic = settings.topicsBySlug.get(topicSlug);
  return officeId !== null && topic !== undefined ? { officeId, topicId: String(topic.id) } : null;
}

/** Free times of a topic at an office over its whole horizon, grouped by day. */
export async function publicSlots(payload: Payload, officeSlug: string, topicSlug: string, now = new Date()): Promise<PublicDay[]> {
  const ids = await idsOf(payload, officeSlug, topicSlug);
  if (!ids) return [];
  const { company } = await robotSettings(payload);
  const today = toLocalDateTime(now, company.timeZone).date;
  const slots = await freeSlots(payload, ids.officeId, ids.topicId, addDays(today, 1), addDays(today, 90), now);
  const days = new Map<string, string[]>();
  for (const slot of slots) days.set(slot.date, [...(days.get(slot.date) ?? []), slot.start]);
  return [...days].map(([date, times]) => ({ date, times }));
}

/** Books from the public steps. */
export async function publicBook(payload: Payload, request: BookingRequest, options: Pick<BookSlotOptions, 'beforeClaim'> = {}) {
  const ids = await idsOf(payload, request.office, request.topic);
  if (!ids) return { ok: false as const, reason: 'not-bookable' as const, message: 'На это время записаться нельзя, выберите другое' };
  return bookSlot(payload, { officeId: ids.officeId, topicId: ids.topicId, start: `${request.date}T${request.time}`, name: request.name, phone: request.phone, email: request.email, consent: request.consent, channel: 'site' }, options);
}

export async function publicBooking(payload: Payload, token: string, now = new Date()): Promise<PublicBooking | null> {
  const booking = await findBookingByToken(payload, token);
  if (!booking) return null;
  return describe(payload, booking, now);
}

async function describe(payload: Payload, booking: StoredBooking, now: Date): Promise<PublicBooking | null> {
  const officeId = typeof booking.office === 'object' ? booking.office.id : booking.office;
  const topicId = typeof booking.topic === 'object' ? booking.topic.id : booking.topic;
  const office = await cachedBookingOffice(payload, officeId);
  const topic = (await topicsById(payload, [String(topicId)])).get(String(topicId));
  if (!office || !topic) return null;
  return {
    code: booking.code,
    state: booking.state,
    date: booking.date,
    startTime: booking.startTime,
    endTime: booking.endTime,
    office: { slug: office.slug, name: office.name, address: office.address },
    topic,
    open: booking.state === 'booked' && new Date(booking.startsAt).getTime() > now.getTime(),
  };
}

export const publicCancel = (payload: Payload, token: string) => cancelBooking(payload, { token }, { by: 'client' });
export const publicMove = (payload: Payload, token: string, date: string, time: string) => moveBooking(payload, { token }, `${date}T${time}`);
