import type { Payload } from 'payload';
import { DEFAULT_HORIZON_DAYS } from '@portal/core/booking/constants';
import { parseDeskList, type OfficeBookingSettings } from '@portal/core/booking/slots';
import type { OfficeSchedule } from '@portal/core/office-hours';
import { scheduleOf, type OfficeScheduleFields } from '../collections/Offices/schedule';
import { COLLECTIONS } from '../slugs';

/** The booking settings group of an office document, as stored. */
interface StoredBookingSettings {
  enabled?: boolean | null;
  horizonDays?: number | null;
  topics?: { topic?: number | string | { id: number | string } | null; slotMinutes?: number | null; desks?: string | null; documents?: string | null }[] | null;
  closedDates?: { date?: string | null }[] | null;
}

/** An office as booking needs it. */
export interface BookingOffice {
  id: string;
  name: string;
  slug: string;
  address: string;
  settlement: string;
  phones: string[];
  published: boolean;
  schedule: OfficeSchedule;
  settings: OfficeBookingSettings;
}

const idOf = (value: number | string | { id: number | string } | null | undefined): string | null =>
  value === null || value === undefined ? null : typeof value === 'object' ? String(value.id) : String(value);

/** The booking settings of a stored office group (topics without a topic or desks dropped). */
export function bookingSettingsOf(stored: StoredBookingSettings | null | undefined): OfficeBookingSettings {
  return {
    enabled: Boolean(stored?.enabled),
    horizonDays: stored?.horizonDays && stored.horizonDays > 0 ? stored.horizonDays : DEFAULT_HORIZON_DAYS,
    topics: (stored?.topics ?? []).flatMap((row) => {
      const topicId = idOf(row.topic);
      const desks = parseDeskList(row.desks ?? '');
      if (!topicId || desks.length === 0 || !row.slotMinutes) return [];
      return [{ topicId, slotMinutes: row.slotMinutes, desks, documents: row.documents ?? '' }];
    }),
    closedDates: (stored?.closedDates ?? []).map((row) => row.date).filter((date): date is string => typeof date === 'string'),
  };
}

/** Reads an office for booking; `null` when there is no such office. */
export async function loadBookingOffice(payload: Payload, officeId: number | string): Promise<BookingOffice | null> {
  const doc = (await payload
    .findByID({ collection: COLLECTIONS.offices, id: officeId, depth: 0, overrideAccess: true, draft: false, disableErrors: true })
    .catch(() => null)) as unknown as (OfficeScheduleFields & { id: number | string; name: string; slug: string; address: string; settlement: string; phones?: { text: string }[] | null; _status?: string; booking?: StoredBookingSettings }) | null;
  if (!doc) return null;
  return {
    id: String(doc.id),
    name: doc.name,
    slug: doc.slug,
    address: doc.address,
    settlement: doc.settlement,
    phones: (doc.phones ?? []).map((row) => row.text),
    published: doc._status !== 'draft',
    schedule: scheduleOf(doc),
    settings: bookingSettingsOf(doc.booking),
  };
}

/** Offices that take bookings (published, booking enabled, at least one topic), in the site's order. */
export async function listBookingOffices(payload: Payload): Promise<BookingOffice[]> {
  const found = await payload.find({
    collection: COLLECTIONS.offices,
    where: { and: [{ 'booking.enabled': { equals: true } }, { _status: { equals: 'published' } }] },
    depth: 0,
    limit: 500,
    pagination: false,
    overrideAccess: true,
    sort: 'order',
  });
  const offices: BookingOffice[] = [];
  for (const doc of found.docs as unknown as { id: number | string }[]) {
    const office = await loadBookingOffice(payload, doc.id);
    if (office && office.settings.topics.length > 0) offices.push(office);
  }
  return offices;
}
