import type { Payload } from 'payload';
import type { BookingState } from '@portal/core/booking/constants';
import { COLLECTIONS } from '../../slugs';

/** One visit of the day as the office's list shows it. Client fields are absent for roles that may not see them. */
export interface DayBooking {
  id: number | string;
  code: string;
  startTime: string;
  endTime: string;
  desk: number;
  state: BookingState;
  channel: string;
  topic: string;
  /** What to bring for the topic, as the client's letter says. */
  documents: string | null;
  client?: { name: string; phone: string | null; email: string | null };
}

/** An office a staff member can choose in the booking views. */
export interface OfficeChoice {
  id: number | string;
  name: string;
}

type Related = { id?: number | string; title?: string; name?: string; documents?: string | null } | number | string | null | undefined;
const titleOf = (value: Related): string => (value && typeof value === 'object' ? String(value.title ?? value.name ?? value.id ?? '') : String(value ?? ''));
const idOf = (value: Related): string => (value && typeof value === 'object' ? String(value.id ?? '') : String(value ?? ''));

/** The offices (not payment points) by their order, drafts included: staff book for offices not yet on the site too. */
export async function bookingOffices(payload: Payload): Promise<OfficeChoice[]> {
  const found = await payload.find({ collection: COLLECTIONS.offices, where: { kind: { equals: 'office' } }, sort: 'order', limit: 200, depth: 0, overrideAccess: true, draft: true, pagination: false });
  return found.docs.map((office) => ({ id: office.id, name: String((office as { name?: string }).name ?? office.id) }));
}

/** What to bring for a topic at an office: the office's topic row first, then the topic's own text. */
export async function documentsByTopic(payload: Payload, officeId: number | string): Promise<Map<string, string>> {
  const office = (await payload.findByID({ collection: COLLECTIONS.offices, id: officeId, depth: 1, overrideAccess: true, draft: true }).catch(() => null)) as { booking?: { topics?: { topic?: Related; documents?: string | null }[] } } | null;
  const result = new Map<string, string>();
  for (const row of office?.booking?.topics ?? []) {
    const text = row.documents ?? (row.topic && typeof row.topic === 'object' ? row.topic.documents : null);
    if (text) result.set(idOf(row.topic ?? null), text);
  }
  return result;
}

/**
 * The day's bookings of an office, by time and desk, cancelled ones left out. `withClients` adds the clients' names
 * and contacts (handlers and administrators only: the caller decides by role).
 */
export async function loadDayBookings(payload: Payload, officeId: number | string, date: string, withClients: boolean): Promise<DayBooking[]> {
  const found = await payload.find({
    collection: COLLECTIONS.bookings,
    where: { and: [{ office: { equals: officeId } }, { date: { equals: date } }, { state: { not_equals: 'cancelled' } }] },
    sort: 'startsAt',
    limit: 1000,
    depth: 1,
    overrideAccess: true,
    pagination: false,
  });
  const documents = await documentsByTopic(payload, officeId);
  return found.docs
    .map((doc) => {
      const row = doc as unknown as Record<string, unknown>;
      const booking: DayBooking = {
        id: doc.id,
        code: String(row.code ?? ''),
        startTime: String(row.startTime ?? ''),
        endTime: String(row.endTime ?? ''),
        desk: Number(row.desk ?? 0),
        state: row.state as BookingState,
        channel: String(row.channel ?? ''),
        topic: titleOf(row.topic as Related),
        documents: documents.get(idOf(row.topic as Related)) ?? null,
      };
      if (withClients) booking.client = { name: String(row.name ?? ''), phone: (row.phone as string | null) || null, email: (row.email as string | null) || null };
      return booking;
    })
    .sort((a, b) => a.startTime.localeCompare(b.startTime) || a.desk - b.desk);
}

/** The topics an office takes bookings for (enabled offices only), by title. */
export async function officeBookingTopics(payload: Payload, officeId: number | string): Promise<{ value: string; label: string; minutes: number }[]> {
  const office = (await payload.findByID({ collection: COLLECTIONS.offices, id: officeId, depth: 1, overrideAccess: true, draft: true }).catch(() => null)) as { booking?: { enabled?: boolean | null; topics?: { topic?: Related; slotMinutes?: number | null }[] | null } | null } | null;
  if (!office?.booking?.enabled) return [];
  return (office.booking.topics ?? [])
    .filter((row) => row.topic)
    .map((row) => ({ value: idOf(row.topic), label: titleOf(row.topic), minutes: Number(row.slotMinutes ?? 0) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'ru'));
}
