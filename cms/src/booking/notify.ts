import { createHmac } from 'node:crypto';
import type { Payload } from 'payload';
import { instantOfLocal, reminderDate } from '@portal/core/booking/slots';
import { readCmsEnv } from '../env';
import { robotSettings } from '../appeals/settings/settings-cache';
import { COLLECTIONS } from '../slugs';
import { bookingLetter, type BookingLetterKind } from './letters';
import { enqueue, withdrawGroup, type BookingLetterInput } from './outbox-link';
import { cachedBookingOffice } from './office-cache';

/** Reminders go out at this local time on the working day before the visit. */
export const REMINDER_TIME = '10:00';

/**
 * The private link token of a booking: an HMAC of its code under the CMS secret (reproducible for every letter, so
 * a reminder or a move letter carries the same link); only its SHA-256 is stored on the booking.
 */
export function manageTokenFor(code: string): string {
  return createHmac('sha256', readCmsEnv().PAYLOAD_SECRET).update(`booking-manage\u0000${code}`).digest('base64url');
}

/** The page to cancel or move a visit. In the query: the page works without JavaScript (it sends no referrer). */
export function manageUrl(token: string): string {
  return `${readCmsEnv().SITE_URL.replace(/\/$/, '')}/zapis/moya/?t=${encodeURIComponent(token)}`;
}

/** The outbox group of one placement of a booking: withdrawn when the booking moves or is cancelled, so a stale reminder never goes out. */
export const placementGroup = (bookingId: number | string, moves: number): string => `booking:${bookingId}:${moves}`;

export interface BookingRow {
  id: number | string;
  code: string;
  office: number | string;
  topic: number | string;
  date: string;
  startTime: string;
  endTime: string;
  desk: number;
  name: string;
  email?: string | null;
  moves?: number | null;
  state: string;
}

/**
 * Queues the letters of a booking event: the confirmation (and the reminder), a move (new confirmation and reminder;
 * the old placement's reminder is withdrawn), a cancellation (the reminder is withdrawn). No e-mail on the booking: nothing to
 * queue (staff tell a caller by phone).
 */
export async function queueBookingLetters(payload: Payload, event: { kind: Exclude<BookingLetterKind, 'reminder'>; bookingId: number | string; now: Date; manageToken?: string; row?: BookingRow }): Promise<void> {
  // A booking just written is passed in as written (one read less per booking).
  const booking = event.row ?? ((await payload.findByID({ collection: COLLECTIONS.bookings, id: event.bookingId, depth: 0, overrideAccess: true })) as unknown as BookingRow);
  const moves = booking.moves ?? 0;
  if (event.kind === 'cancelled') await withdrawGroup(payload, placementGroup(booking.id, moves));
  if (event.kind === 'moved' && moves > 0) await withdrawGroup(payload, placementGroup(booking.id, moves - 1));
  if (!booking.email) return;
  const [office, { company, calendar, topicsById }] = await Promise.all([cachedBookingOffice(payload, booking.office), robotSettings(payload)]);
  const topic = topicsById.get(String(booking.topic));
  if (!office) return;
  const documents = office.settings.topics.find((row) => row.topicId === String(booking.topic))?.documents ?? '';
  const token = event.manageToken ?? manageTokenFor(booking.code);
  const host = new URL(readCmsEnv().SITE_URL).hostname;
  const data = (kind: BookingLetterKind) => ({
    kind,
    code: booking.code,
    name: booking.name,
    officeName: office.name,
    address: office.address,
    officePhones: office.phones,
    topicTitle: topic?.title ?? '',
    documents,
    date: booking.date,
    startTime: booking.startTime,
    endTime: booking.endTime,
    desk: booking.desk,
    start: instantOfLocal(booking.date, booking.startTime, company.timeZone),
    end: instantOfLocal(booking.date, booking.endTime, company.timeZone),
    manageUrl: manageUrl(token),
    companyName: company.shortName || company.name,
    hotline: company.hotline,
    uid: `booking-${booking.id}@${host}`,
    sequence: kind === 'cancelled' ? moves + 1 : moves,
    now: event.now,
  });
  const letters: BookingLetterInput[] = [];
  const main = bookingLetter(data(event.kind));
  letters.push({ purpose: `booking-${event.kind}`, dedupeKey: `booking-${event.kind}:${booking.id}:${moves}`, to: booking.email, ...main, group: `booking:${booking.id}` });
  if (event.kind !== 'cancelled') {
    const at = instantOfLocal(reminderDate(calendar, booking.date), REMINDER_TIME, company.timeZone);
    // A visit booked after its reminder time (for tomorrow, in the afternoon) gets only the confirmation.
    if (at.getTime() > event.now.getTime()) {
      const reminder = bookingLetter(data('reminder'));
      letters.push({ purpose: 'booking-reminder', dedupeKey: `booking-reminder:${booking.id}:${moves}`, to: booking.email, ...reminder, notBefore: at, group: placementGroup(booking.id, moves) });
    }
  }
  for (const letter of letters) await enqueue(payload, letter);
}
