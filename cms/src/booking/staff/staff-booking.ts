import type { Payload, PayloadRequest } from 'payload';
import { z } from 'zod';
import { EmailSchema, NameSchema, PhoneSchema } from '@portal/core/appeal-form-base';
import { BOOKING_MESSAGES } from '@portal/core/booking/request';
import { addDays, isIsoDate } from '@portal/core/iso-date';
import { formatClock } from '@portal/core/office-hours';
import { formatRussianDate, toLocalIsoDate } from '@portal/core/time-zone';
import { canServeBookings } from '../../access/booking-staff';
import { rolesOf } from '../../access/roles';
import { writeAuditEntry } from '../../audit/hooks';
import { loadCompany } from '../../appeals/settings/settings';
import { COLLECTIONS } from '../../slugs';
import { bookSlot, freeSlots } from '../service';

const ID = /^[0-9a-f]{1,24}$/i;
const CONTACT_MESSAGE = 'Укажите телефон или e-mail клиента';
const given = (value: unknown) => typeof value === 'string' && value.trim() !== '';

/** What staff enter for a client who calls or came in; the same contact rules as the site's steps. */
export const StaffBookingSchema = z
  .object({
    office: z.string({ error: BOOKING_MESSAGES.office }).trim().regex(ID, { error: BOOKING_MESSAGES.office }),
    topic: z.string({ error: BOOKING_MESSAGES.topic }).trim().regex(ID, { error: BOOKING_MESSAGES.topic }),
    /** Local `YYYY-MM-DDTHH:MM` of a free slot. */
    start: z.string({ error: BOOKING_MESSAGES.time }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: BOOKING_MESSAGES.time }),
    channel: z.enum(['phone', 'office'], { error: 'Укажите, как обратился клиент' }),
    name: NameSchema,
    phone: PhoneSchema,
    email: EmailSchema,
    consent: z.literal('given', { error: 'Запишите клиента только после его согласия на обработку персональных данных' }),
  })
  .refine((value) => Boolean(value.phone || value.email), { error: CONTACT_MESSAGE, path: ['phone'] });

export type StaffBookOutcome =
  | { ok: true; booking: { id: number | string; code: string; when: string; letter: boolean } }
  | { ok: false; status: 400 | 403 | 409; message: string; errors?: Record<string, string> };

/**
 * Books a visit for a client who calls (channel «phone») or came in («office»): the same slots and claim as the site
 * (`bookSlot`), the same confirmation letter when an e-mail is given; the booking records the staff member, and the
 * audit log who booked. Handlers and administrators only.
 */
export async function staffBook(req: PayloadRequest, body: unknown): Promise<StaffBookOutcome> {
  if (!canServeBookings(rolesOf(req))) return { ok: false, status: 403, message: 'Записывать клиентов могут специалисты по обращениям и администраторы.' };
  const parsed = StaffBookingSchema.safeParse(body);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
    // The object's own check runs only once every field parsed: name the missing contact with the other errors.
    const raw = (body ?? {}) as { phone?: unknown; email?: unknown };
    if (!given(raw.phone) && !given(raw.email)) errors.phone ??= CONTACT_MESSAGE;
    return { ok: false, status: 400, message: 'Проверьте поля формы.', errors };
  }
  const form = parsed.data;
  const outcome = await bookSlot(req.payload, {
    officeId: form.office,
    topicId: form.topic,
    start: form.start,
    name: form.name,
    phone: form.phone,
    email: form.email,
    consent: true,
    channel: form.channel,
    staffUserId: req.user?.id,
  });
  if (!outcome.ok) {
    const status = outcome.reason === 'taken' ? 409 : 400;
    return { ok: false, status, message: outcome.message, errors: { start: outcome.message } };
  }
  const { booking } = outcome;
  await writeAuditEntry(req, { action: 'create', target: COLLECTIONS.bookings, documentId: String(booking.id), summary: `Запись ${booking.code} (${form.channel === 'phone' ? 'по телефону' : 'в офисе'})` });
  return { ok: true, booking: { id: booking.id, code: booking.code, when: `${formatRussianDate(booking.date)} в ${formatClock(booking.startTime)}, окно ${booking.desk}`, letter: Boolean(form.email) } };
}

export type StaffSlotsOutcome = { ok: true; slots: { date: string; start: string; end: string }[] } | { ok: false; status: 400; message: string };

/** Free times for the staff form: the given day, or without one the next 14 days (at most 60 times). */
export async function staffFreeSlots(payload: Payload, query: { office: string; topic: string; date?: string | undefined }, now = new Date()): Promise<StaffSlotsOutcome> {
  if (!ID.test(query.office)) return { ok: false, status: 400, message: BOOKING_MESSAGES.office };
  if (!ID.test(query.topic)) return { ok: false, status: 400, message: BOOKING_MESSAGES.topic };
  if (query.date !== undefined && query.date !== '' && !isIsoDate(query.date)) return { ok: false, status: 400, message: BOOKING_MESSAGES.date };
  const company = await loadCompany(payload);
  const today = toLocalIsoDate(now, company.timeZone);
  // A caller may be booked for later today too (bookSlot allows staff that); without a day, from tomorrow.
  const from = query.date || addDays(today, 1);
  const to = query.date || addDays(today, 14);
  const slots = await freeSlots(payload, query.office, query.topic, from, to, now, { forStaff: true });
  return { ok: true, slots: slots.slice(0, 60).map((slot) => ({ date: slot.date, start: slot.start, end: slot.end })) };
}
