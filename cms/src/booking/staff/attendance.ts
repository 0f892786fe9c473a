import type { PayloadRequest } from 'payload';
import { z } from 'zod';
import { toLocalIsoDate } from '@portal/core/time-zone';
import { canServeBookings } from '../../access/booking-staff';
import { rolesOf } from '../../access/roles';
import { writeAuditEntry } from '../../audit/hooks';
import { loadCompany } from '../../appeals/settings/settings';
import { COLLECTIONS } from '../../slugs';

/** The mark a staff member puts on a visit; «booked» takes a wrong mark back. */
export const AttendanceSchema = z.object({
  state: z.enum(['attended', 'no-show', 'booked'], { message: 'Отметьте: пришёл или не пришёл.' }),
});

export const ATTENDANCE_LABELS = { attended: 'Пришёл', 'no-show': 'Не пришёл', booked: 'Записан' } as const;

export type AttendanceOutcome = { ok: true; state: string } | { ok: false; status: 400 | 403 | 404 | 409; message: string };

/**
 * Marks a visit «пришёл / не пришёл» (handlers and administrators). Only for a visit not cancelled whose day has come
 * (in the company's zone): a visit still ahead cannot be missed yet. Written to the audit log with the state before and
 * after, like every staff change of a record.
 */
export async function markAttendance(req: PayloadRequest, id: string, body: unknown, now = new Date()): Promise<AttendanceOutcome> {
  if (!canServeBookings(rolesOf(req))) return { ok: false, status: 403, message: 'Отмечать посещения могут специалисты по обращениям и администраторы.' };
  const parsed = AttendanceSchema.safeParse(body);
  if (!parsed.success) return { ok: false, status: 400, message: parsed.error.issues[0]?.message ?? 'Отметьте: пришёл или не пришёл.' };
  const { payload } = req;
  const booking = (await payload.findByID({ collection: COLLECTIONS.bookings, id, depth: 0, overrideAccess: true }).catch(() => null)) as { id: number | string; code?: string; date?: string; state?: string } | null;
  if (!booking) return { ok: false, status: 404, message: 'Запись не найдена.' };
  if (booking.state === 'cancelled') return { ok: false, status: 409, message: 'Запись отменена: отметить посещение нельзя.' };
  const company = await loadCompany(payload);
  const today = toLocalIsoDate(now, company.timeZone);
  if (parsed.data.state !== 'booked' && String(booking.date) > today) return { ok: false, status: 409, message: 'День приёма ещё не наступил: отметить посещение можно в день визита или позже.' };
  if (booking.state === parsed.data.state) return { ok: true, state: parsed.data.state };
  await payload.update({ collection: COLLECTIONS.bookings, id: booking.id, data: { state: parsed.data.state } as never, depth: 0, overrideAccess: true, context: { internal: true } });
  await writeAuditEntry(req, {
    action: 'update',
    target: COLLECTIONS.bookings,
    documentId: String(booking.id),
    summary: `Запись ${booking.code ?? booking.id}: ${ATTENDANCE_LABELS[parsed.data.state]}`,
    changedFields: ['state'],
    changes: [{ field: 'state', before: booking.state ?? null, after: parsed.data.state }],
  });
  return { ok: true, state: parsed.data.state };
}
