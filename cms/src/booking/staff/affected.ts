import type { Payload, PayloadRequest } from 'payload';
import { affectedReason, type AffectedReason } from '@portal/core/booking/affected';
import { hoursOn } from '@portal/core/office-hours';
import { toLocalIsoDate } from '@portal/core/time-zone';
import { scheduleOf, type OfficeScheduleFields } from '../../collections/Offices/schedule';
import { loadCalendar, loadCompany } from '../../appeals/settings/settings';
import { readCmsEnv } from '../../env';
import { COLLECTIONS } from '../../slugs';
import { affectedBookingLetter } from './affected-letter';
import { sendBookingStaffLetter } from './letters';
import { cancelForOffice } from './cancel';

/** A booking still ahead that the office's current settings leave without a place. */
export interface AffectedBooking {
  id: number | string;
  code: string;
  date: string;
  startTime: string;
  endTime: string;
  topic: string;
  why: AffectedReason;
  /** The client's name and contacts: only for roles that may see them (the caller decides). */
  client?: { name: string; phone: string | null; email: string | null };
  /** True when the client has an e-mail address, so «Уведомить клиентов» can write to them. */
  hasEmail: boolean;
}

type OfficeDoc = OfficeScheduleFields & {
  id: number | string;
  name?: string;
  slug?: string;
  address?: string;
  booking?: { topics?: { topic?: { id?: number | string } | number | string | null }[] | null; closedDates?: { date?: string | null; note?: string | null }[] | null } | null;
};
type Related = { id?: number | string; title?: string } | number | string | null | undefined;
const idOf = (value: Related): string => (value && typeof value === 'object' ? String(value.id ?? '') : String(value ?? ''));
const titleOf = (value: Related): string => (value && typeof value === 'object' ? String(value.title ?? value.id ?? '') : String(value ?? ''));

async function loadOffice(payload: Payload, officeId: number | string): Promise<OfficeDoc | null> {
  return (await payload.findByID({ collection: COLLECTIONS.offices, id: officeId, depth: 0, overrideAccess: true, draft: true }).catch(() => null)) as OfficeDoc | null;
}

/**
 * The office's open bookings from today on that its current hours, closed dates or topics no longer allow, by date
 * and time. Computed from the saved office each time (nothing stored), so it is right after any number of edits.
 */
export async function findAffectedBookings(payload: Payload, officeId: number | string, withClients: boolean, now = new Date()): Promise<AffectedBooking[]> {
  const office = await loadOffice(payload, officeId);
  if (!office) return [];
  const company = await loadCompany(payload);
  const today = toLocalIsoDate(now, company.timeZone);
  const found = await payload.find({
    collection: COLLECTIONS.bookings,
    where: { and: [{ office: { equals: office.id } }, { state: { equals: 'booked' } }, { date: { greater_than_equal: today } }] },
    sort: 'startsAt',
    limit: 5000,
    depth: 1,
    overrideAccess: true,
    pagination: false,
  });
  if (found.docs.length === 0) return [];
  const calendar = await loadCalendar(payload);
  const schedule = scheduleOf(office);
  const rules = {
    closedDates: (office.booking?.closedDates ?? []).filter((row) => row.date).map((row) => ({ date: String(row.date), note: row.note ?? null })),
    topics: new Set((office.booking?.topics ?? []).map((row) => idOf(row.topic as Related))),
  };
  const affected: AffectedBooking[] = [];
  for (const doc of found.docs) {
    const row = doc as unknown as Record<string, unknown>;
    const held = { date: String(row.date), startTime: String(row.startTime), endTime: String(row.endTime), topic: idOf(row.topic as Related) };
    const why = affectedReason(held, hoursOn(schedule, calendar, held.date), rules);
    if (!why) continue;
    const email = (row.email as string | null) || null;
    affected.push({
      id: doc.id,
      code: String(row.code ?? ''),
      date: held.date,
      startTime: held.startTime,
      endTime: held.endTime,
      topic: titleOf(row.topic as Related),
      why,
      hasEmail: Boolean(email),
      ...(withClients ? { client: { name: String(row.name ?? ''), phone: (row.phone as string | null) || null, email } } : {}),
    });
  }
  return affected;
}

/** The letter's key: one apology per booking, however often «Уведомить клиентов» is pressed. */
export const affectedLetterKey = (bookingId: number | string): string => `booking-affected:${String(bookingId)}`;

export interface NotifyOutcome {
  /** Letters queued now. */
  sent: number;
  /** Bookings whose letter had been queued before (a second press). */
  alreadySent: number;
  /** Bookings without an e-mail address: staff call them (listed with their phone). */
  withoutEmail: number;
}

/**
 * «Уведомить клиентов»: for each affected booking with an e-mail address, queues the apology (reason, link to choose
 * another time) through the outbox with a per-booking key, then cancels the booking (its time is freed and the
 * client's open-bookings limit with it). A second press, or a retry after a crash between the two steps, queues
 * nothing twice. Bookings without an e-mail stay listed for a phone call. Audited by the caller's request.
 */
export async function notifyAffectedClients(req: PayloadRequest, officeId: number | string, now = new Date()): Promise<NotifyOutcome> {
  const { payload } = req;
  const office = await loadOffice(payload, officeId);
  if (!office) return { sent: 0, alreadySent: 0, withoutEmail: 0 };
  const company = await loadCompany(payload);
  const affected = await findAffectedBookings(payload, officeId, true, now);
  const rebookUrl = `${readCmsEnv().SITE_URL.replace(/\/$/, '')}/zapis/${office.slug ? `?office=${encodeURIComponent(office.slug)}` : ''}`;
  const outcome: NotifyOutcome = { sent: 0, alreadySent: 0, withoutEmail: 0 };
  for (const booking of affected) {
    if (!booking.client?.email) {
      outcome.withoutEmail += 1;
      continue;
    }
    const letter = affectedBookingLetter({
      name: booking.client.name,
      code: booking.code,
      office: office.name ?? '',
      address: office.address ?? '',
      date: booking.date,
      startTime: booking.startTime,
      topic: booking.topic,
      reason: booking.why.reason,
      rebookUrl,
      company: company.name,
      hotline: company.hotline,
    });
    const { created } = await sendBookingStaffLetter(payload, { purpose: 'booking-affected', dedupeKey: affectedLetterKey(booking.id), to: booking.client.email, ...letter });
    if (created) outcome.sent += 1;
    else outcome.alreadySent += 1;
    await cancelForOffice(req, booking.id, now);
  }
  return outcome;
}
